# Jupyter server settings of every user's server under the kit's hub (JUPYTER_CONFIG_PATH points here).
# KIT_ROLE is set by the hub (deploy/jupyterhub/kit_hub.py): "assessor" or "officer".
import os

c = get_config()  # noqa: F821
assessor = os.environ.get("KIT_ROLE") == "assessor"
# Officers get the kit's pages and nbgrader's assignment list; no terminal, no formgrader.
c.ServerApp.terminals_enabled = assessor
c.ServerApp.jpserver_extensions = {
    "voila": True,
    "nbgrader.server_extensions.formgrader": assessor,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.course_list": assessor,
    "nbgrader.server_extensions.validate_assignment": True,
}
# Voila's kernels of pages left open are shut down after 10 minutes without activity.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
