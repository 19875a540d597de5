#!/bin/sh
# postStart hook of every user's pod (deploy/k8s/values.yaml): the kit's notebooks into the home (the server's
# root, so /voila/render/drill.ipynb is the drill; refreshed at each start), and an assessor's nbgrader course
# under ~/course (made once; kept on the user's volume). The same as kit_hub.prepare_home on one server.
set -eu
KIT_HOME="${KIT_HOME:-/opt/discretion-kit}"
cp -f "$KIT_HOME"/notebooks/*.ipynb "$HOME"/
if [ "${KIT_ROLE:-officer}" = assessor ] && [ ! -d "$HOME/course/source" ]; then
  python -m kit grade course "$HOME/course"
fi
