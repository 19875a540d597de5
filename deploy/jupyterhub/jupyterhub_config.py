# JupyterHub configuration of the discretion kit: `jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`.
# Every setting is an environment variable (KIT_HUB_MODE, KIT_DB_URL, …), declared once in kit_hub.SETTINGS and
# listed in docs/deploy.md.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kit_hub import configure  # noqa: E402

configure(get_config())  # noqa: F821
