#!/bin/sh
# postStart hook of every user's pod (deploy/k8s/values.yaml): the kit's pages under ~/kit, and an assessor's
# nbgrader course under ~/course (made once; kept on the user's volume). The same as kit_hub.prepare_home.
set -eu
KIT_HOME="${KIT_HOME:-/opt/discretion-kit}"
ln -sfn "$KIT_HOME/notebooks" "$HOME/kit"
if [ "${KIT_ROLE:-officer}" = assessor ] && [ ! -d "$HOME/course/source" ]; then
  python -c 'import os; from kit.grading.course import new_course; new_course(os.path.expanduser("~/course"))'
fi
