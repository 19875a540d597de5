# Jupyter server settings of every user's server under the kit's hub (JUPYTER_CONFIG_PATH points here).
# KIT_ROLE is set by the hub (deploy/jupyterhub/kit_hub.py): "assessor" or "officer".
import os

c = get_config()  # noqa: F821
assessor = os.environ.get("KIT_ROLE") == "assessor"
# Officers get the kit's pages (kit.web.extension: landing page, drill, progress, simulator, workshop), Voila
# for the notebooks, and nbgrader's assignment list (fetch and submit an exam); no terminal, no formgrader.
# Assessors also get a terminal, where they run `kit grade …` on ~/course.
c.ServerApp.terminals_enabled = assessor
# Not a login shell: /etc/profile would reset PATH, and `kit` / `nbgrader` are on the PATH the hub gives the server.
c.ServerApp.terminado_settings = {"shell_command": ["/bin/bash" if os.path.exists("/bin/bash") else "/bin/sh"]}
c.ServerApp.jpserver_extensions = {
    "kit.web.extension": True,
    "voila": True,
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.validate_assignment": True,
}
# Voila's kernels of pages left open are shut down after 10 minutes without activity.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
