# Jupyter server settings of every user's server under the kit's hub (JUPYTER_CONFIG_PATH points here).
# KIT_ROLE is set by the hub (deploy/jupyterhub/kit_hub.py): "assessor" or "officer".
import os
from pathlib import Path

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
    # validate_assignment runs the notebook it is given: assessors only (the kit's exams are graded as data)
    "nbgrader.server_extensions.validate_assignment": assessor,
}
# Voila's kernels of pages left open are shut down after 10 minutes without activity.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60

if not assessor:
    # An officer's server holds KIT_DB_URL: an officer must not run code in it (docs/deploy.md, Security).
    # 1. Kernels take from the browser only what Voila's widgets need, as standalone Voila does (voila/app.py):
    #    no execute_request. Voila runs the drill notebook through its own kernel client, not the websocket.
    c.MappingKernelManager.allowed_message_types = [
        "comm_open", "comm_close", "comm_msg", "comm_info_request", "kernel_info_request", "shutdown_request"]
    # 2. Voila renders only the kit's notebooks, unchanged (kit.web.render_guard): not a notebook the officer saved.
    c.ServerApp.tornado_settings = {
        "kit_render_only": os.environ.get("KIT_NOTEBOOKS") or str(Path(__file__).resolve().parents[3] / "notebooks")}
    # 3. No module of the home shadows one a kernel imports (python -m ipykernel_launcher and IPython put the
    #    working folder, the home, on sys.path unless safe_path): kernels inherit the server's environment.
    os.environ["PYTHONSAFEPATH"] = "1"
    # Hidden files (~/.ipython/…/startup, ~/.jupyter, ~/.local) cannot be written through the contents API.
    c.ContentsManager.allow_hidden = False
