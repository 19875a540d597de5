# nbgrader settings of every user's server under the kit's hub (JUPYTER_CONFIG_PATH points here), also read by
# an assessor's `kit grade …` commands. The hub sets KIT_ROLE, KIT_NBGRADER_EXCHANGE, KIT_COURSE_ID and, for
# assessors only, KIT_GRADEBOOK_URL (PostgreSQL).
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = os.environ.get("KIT_COURSE_ID", "discretion-kit")
c.Exchange.root = os.environ.get("KIT_NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")
if os.environ.get("KIT_ROLE") == "assessor":
    c.CourseDirectory.root = os.path.expanduser("~/course")
    if os.environ.get("KIT_GRADEBOOK_URL"):
        c.CourseDirectory.db_url = os.environ["KIT_GRADEBOOK_URL"]
else:
    # The nbgrader student id is the hub user, whatever Unix user the server runs as.
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
