"""deploy/jupyterhub's settings and what it writes into a JupyterHub config, without starting a hub; the kit's
server extension (every kit page behind the login); and deploy/k8s: the Zero-to-JupyterHub values file, its
role hook, its post-start script and the image."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
DOCS = ROOT / "docs" / "deploy.md"


from .hub import kit_hub  # noqa: E402


def _env(tmp_path, **extra) -> dict:
    return {"KIT_HUB_STATE": str(tmp_path / "state"), "KIT_NBGRADER_EXCHANGE": str(tmp_path / "exchange"),
            **extra}


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in kit_hub.SETTINGS if f"`{name}`" not in text]
    assert not missing, f"docs/deploy.md does not document {missing}"


def test_every_mistake_in_the_settings_is_named_at_once(tmp_path):
    with pytest.raises(kit_hub.SettingError) as error:
        kit_hub.settings(_env(tmp_path, KIT_HUB_MODE="demo", KIT_HUB_PORT="80a", KIT_IDLE_TIMEOUT="-5",
                              KIT_NOTEBOOKS=str(tmp_path)))
    zh, en = str(error.value).splitlines()
    for part in ("KIT_HUB_MODE='demo': expected system or test", "KIT_HUB_PORT='80a': expected a whole number",
                 "KIT_IDLE_TIMEOUT='-5': expected 0 or more", "no drill.ipynb"):
        assert part in en, en
    for part in ("KIT_HUB_MODE='demo'：应为 system 或 test", "KIT_HUB_PORT='80a'：应为整数",
                 "KIT_IDLE_TIMEOUT='-5'：应为 0 或更大", "没有 drill.ipynb"):
        assert part in zh, zh
    with pytest.raises(kit_hub.SettingError, match="KIT_HUB_PASSWORD"):
        kit_hub.settings(_env(tmp_path, KIT_HUB_MODE="test", KIT_HUB_PASSWORD="short"))


def test_system_mode_is_the_default_and_test_mode_is_asked_for(tmp_path):
    c = Config()
    s = kit_hub.configure(c, _env(tmp_path, KIT_ASSESSORS="a1, a2", KIT_IDLE_TIMEOUT="1800"))
    assert s.mode == "system"
    assert c.JupyterHub.authenticator_class == "pam" and c.JupyterHub.spawner_class == "localprocess"
    assert c.Spawner.default_url == kit_hub.SETTINGS["KIT_HUB_DEFAULT_URL"][0]
    assert c.JupyterHub.load_groups == {"assessors": {"users": ["a1", "a2"]}}
    assert c.Authenticator.allow_all is True
    culler = next(x for x in c.JupyterHub.services if x["name"] == "idle-culler")
    assert culler["command"][1:3] == ["-m", "jupyterhub_idle_culler"] and "--timeout=1800" in culler["command"]
    role = next(r for r in c.JupyterHub.load_roles if r["name"] == "idle-culler")
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}
    assert os.stat(tmp_path / "exchange").st_mode & 0o1777 == 0o1777  # nbgrader's exchange: writable by all

    c = Config()
    kit_hub.configure(c, _env(tmp_path, KIT_HUB_MODE="test", KIT_HUB_PASSWORD="12345678", KIT_IDLE_TIMEOUT="0",
                              KIT_HUB_USERS="alice,bob", KIT_ASSESSORS="a1"))
    assert c.JupyterHub.authenticator_class == "shared-password" and c.JupyterHub.spawner_class == "simple"
    assert c.Authenticator.allowed_users == {"alice", "bob", "a1"}
    assert not c.JupyterHub.services  # no culler, no admin service
    assert ("--ServerApp.allow_root=True" in c.Spawner.args) == (os.geteuid() == 0)


def test_only_assessors_get_the_gradebook(tmp_path):
    s = kit_hub.settings(_env(tmp_path, KIT_DB_URL="postgresql+psycopg://kit@db/kit",
                              KIT_GRADEBOOK_URL="postgresql+psycopg://kit@db/gradebook"))
    officer = kit_hub.server_environment(s, "alice", assessor=False)
    assessor = kit_hub.server_environment(s, "carol", assessor=True)
    assert officer["KIT_DB_URL"] == assessor["KIT_DB_URL"] == "postgresql+psycopg://kit@db/kit"
    assert "KIT_GRADEBOOK_URL" not in officer and assessor["KIT_GRADEBOOK_URL"].endswith("/gradebook")
    assert (officer["KIT_ROLE"], officer["KIT_TRAINEE_ID"]) == ("officer", "alice")
    assert Path(officer["JUPYTER_CONFIG_PATH"], "nbgrader_config.py").is_file()


def test_a_home_gets_the_notebooks_and_an_assessor_a_course(tmp_path):
    s = kit_hub.settings(_env(tmp_path))
    kit_hub.prepare_home(s, tmp_path / "alice", assessor=False)
    kit_hub.prepare_home(s, tmp_path / "carol", assessor=True)
    assert (tmp_path / "alice" / "drill.ipynb").is_file() and not (tmp_path / "alice" / "course").exists()
    assert (tmp_path / "carol" / "course" / "source" / "discretion-01" / "discretion-01.ipynb").is_file()
    (tmp_path / "alice" / "drill.ipynb").write_text("changed", encoding="utf-8")
    kit_hub.prepare_home(s, tmp_path / "alice", assessor=False)  # the next start brings the kit's copy back
    assert (tmp_path / "alice" / "drill.ipynb").read_bytes() == (ROOT / "notebooks" / "drill.ipynb").read_bytes()


def test_the_settings_name_a_default_url_that_is_not_a_path(tmp_path):
    with pytest.raises(kit_hub.SettingError, match="KIT_HUB_DEFAULT_URL='drill'"):
        kit_hub.settings(_env(tmp_path, KIT_HUB_DEFAULT_URL="drill"))


# ---- the kit's pages in a Jupyter server -------------------------------------------------------------------

def test_every_kit_page_is_behind_the_login():
    from jupyter_server.base.handlers import JupyterHandler
    from tornado.web import StaticFileHandler

    from kit.web.extension import _jupyter_server_extension_points, rules
    from kit.web.routes import kit_routes

    base = "/user/alice/"
    ours, plain = rules(base), kit_routes(base)
    assert [r[0] for r in ours] == [r[0] for r in plain] and all(r[0].startswith("/user/alice") for r in ours)
    for (pattern, handler, *_), (_p, original, *_) in zip(ours, plain):
        if issubclass(original, StaticFileHandler):
            assert handler is original, pattern  # the workshop's CSS and JS only
        else:
            assert issubclass(handler, JupyterHandler) and issubclass(handler, original), pattern
            # the kit's own error page and checks come first (no Jupyter error page, no traceback)
            assert handler.write_error is original.write_error, pattern
    assert _jupyter_server_extension_points() == [{"module": "kit.web.extension"}]


def _single_user_config(role: str) -> Config:
    c = Config()
    path = DEPLOY / "jupyterhub" / "single-user" / "jupyter_server_config.py"
    env = {"KIT_ROLE": role, "JUPYTERHUB_USER": "alice", "KIT_NOTEBOOKS": "", "PYTHONSAFEPATH": ""}
    namespace = {"get_config": lambda: c, "__file__": str(path)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        exec(compile(path.read_text(), str(path), "exec"), namespace)
        c.kit_safe_path = os.environ.get("PYTHONSAFEPATH")  # what the server's kernels would inherit
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    return c


def test_the_single_user_config_loads_the_kit_voila_and_no_formgrader():
    for role in ("officer", "assessor"):
        c = _single_user_config(role)
        extensions = c.ServerApp.jpserver_extensions
        assert extensions["kit.web.extension"] and extensions["voila"]
        assert not extensions["nbgrader.server_extensions.formgrader"]
        assert c.ServerApp.terminals_enabled == (role == "assessor")


def test_an_officer_server_runs_no_code_of_the_officer():
    officer, assessor = _single_user_config("officer"), _single_user_config("assessor")
    allowed = officer.MappingKernelManager.allowed_message_types
    assert "execute_request" not in allowed and {"comm_msg", "kernel_info_request"} <= set(allowed)
    assert "allowed_message_types" not in assessor.MappingKernelManager  # assessors run `kit grade`
    extensions = officer.ServerApp.jpserver_extensions
    assert not extensions["nbgrader.server_extensions.validate_assignment"]  # it executes the notebook
    assert assessor.ServerApp.jpserver_extensions["nbgrader.server_extensions.validate_assignment"]
    shipped = Path(officer.ServerApp.tornado_settings["kit_render_only"])
    assert shipped == ROOT / "notebooks" and "kit_render_only" not in assessor.ServerApp.get("tornado_settings", {})
    assert officer.kit_safe_path == "1" and not assessor.kit_safe_path


def test_the_render_guard_lets_through_only_unchanged_shipped_notebooks(tmp_path):
    from kit.web.render_guard import allowed, shipped

    notebooks = shipped(ROOT / "notebooks")
    assert "drill.ipynb" in notebooks
    for name in notebooks:
        (tmp_path / name).write_bytes(notebooks[name])
    (tmp_path / "mine.ipynb").write_text("{}", encoding="utf-8")
    assert allowed(tmp_path, "drill.ipynb", notebooks) and allowed(tmp_path, "x/../drill.ipynb", notebooks)
    assert not allowed(tmp_path, "mine.ipynb", notebooks)
    assert not allowed(tmp_path, "../drill.ipynb", notebooks)  # outside the home
    assert not allowed(tmp_path, "missing.ipynb", notebooks)
    (tmp_path / "drill.ipynb").write_bytes(notebooks["drill.ipynb"] + b" ")
    assert not allowed(tmp_path, "drill.ipynb", notebooks)  # same name, changed content


# ---- Kubernetes ----------------------------------------------------------------------------------------------

VALUES = DEPLOY / "k8s" / "values.yaml"

CHART_KEYS: dict[str, set[str]] = {
    "": {"cull", "custom", "debug", "enabled", "fullnameOverride", "global", "httpRoute", "hub", "imagePullSecret",
         "imagePullSecrets", "ingress", "nameOverride", "prePuller", "proxy", "rbac", "scheduling", "singleuser"},
    "hub": {"activeServerLimit", "allowNamedServers", "annotations", "args", "authenticatePrometheus", "baseUrl",
            "command", "concurrentSpawnLimit", "config", "consecutiveFailureLimit", "containerSecurityContext",
            "cookieSecret", "db", "deploymentStrategy", "existingSecret", "extraConfig", "extraContainers",
            "extraEnv", "extraFiles", "extraPodSpec", "extraVolumeMounts", "extraVolumes", "fsGid", "image",
            "initContainers", "labels", "lifecycle", "livenessProbe", "loadRoles", "namedServerLimitPerUser",
            "networkPolicy", "nodeSelector", "pdb", "podSecurityContext", "readinessProbe", "redirectToServer",
            "resources", "revisionHistoryLimit", "service", "serviceAccount", "services", "shutdownOnLogout",
            "templatePaths", "templateVars", "tolerations"},
    "hub.db": {"password", "pvc", "type", "upgrade", "url"},
    "proxy": {"annotations", "chp", "deploymentStrategy", "https", "labels", "secretSync", "secretToken", "service",
              "traefik"},
    "proxy.https": {"enabled", "hosts", "letsencrypt", "manual", "secret", "type"},
    "proxy.https.letsencrypt": {"acmeServer", "contactEmail"},
    "singleuser": {"allowPrivilegeEscalation", "cloudMetadata", "cmd", "cpu", "defaultUrl", "events",
                   "extraAnnotations", "extraContainers", "extraEnv", "extraFiles", "extraLabels",
                   "extraNodeAffinity", "extraPodAffinity", "extraPodAntiAffinity", "extraPodConfig",
                   "extraResource", "extraTolerations", "fsGid", "image", "initContainers", "lifecycleHooks",
                   "memory", "networkPolicy", "networkTools", "nodeSelector", "podNameTemplate", "profileList",
                   "serviceAccountName", "startTimeout", "storage", "uid"},
    "singleuser.image": {"name", "pullPolicy", "pullSecrets", "tag"},
    "singleuser.memory": {"guarantee", "limit"},
    "singleuser.cpu": {"guarantee", "limit"},
    "singleuser.lifecycleHooks": {"postStart", "preStop"},
    "singleuser.storage": {"capacity", "dynamic", "extraLabels", "extraVolumeMounts", "extraVolumes",
                           "homeMountPath", "static", "type"},
    "cull": {"adminUsers", "concurrency", "enabled", "every", "maxAge", "removeNamedServers", "timeout", "users"},
    "scheduling": {"corePods", "podPriority", "userPlaceholder", "userPods", "userScheduler"},
    "scheduling.podPriority": {"defaultPriority", "enabled", "globalDefault", "imagePullerPriority",
                               "userPlaceholderPriority"},
    "scheduling.userPlaceholder": {"annotations", "containerSecurityContext", "enabled", "extraPodSpec", "image",
                                   "labels", "replicas", "resources", "revisionHistoryLimit"},
    "prePuller": {"annotations", "containerSecurityContext", "continuous", "extraImages", "extraTolerations", "hook",
                  "labels", "pause", "pullProfileListImages", "resources", "revisionHistoryLimit"},
}
"""The keys the Zero-to-JupyterHub chart accepts at each place this values file writes to (read off the chart's
``values.schema.yaml``, where each of these objects has ``additionalProperties: false``; chart source of
2026-07). ``helm install`` rejects any other key there."""


def _values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def test_the_values_file_uses_only_keys_the_chart_knows():
    values = _values()
    unknown = []

    def walk(node, path):
        allowed = CHART_KEYS.get(path)
        if allowed is None or not isinstance(node, dict):
            return
        unknown.extend(f"{path}.{k}".lstrip(".") for k in node if k not in allowed)
        for k, v in node.items():
            walk(v, f"{path}.{k}".lstrip("."))

    walk(values, "")
    assert not unknown, f"deploy/k8s/values.yaml: keys the chart does not know: {unknown}"
    assert all(k[0].isupper() for k in values["hub"]["config"]), "hub.config keys are traitlets class names"


def _bytes(quantity: str) -> float:
    units = {"K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30}
    for unit in sorted(units, key=len, reverse=True):
        if quantity.endswith(unit):
            return float(quantity[: -len(unit)]) * units[unit]
    return float(quantity)


def test_the_values_are_sane():
    values = _values()
    user = values["singleuser"]
    assert user["defaultUrl"] == kit_hub.SETTINGS["KIT_HUB_DEFAULT_URL"][0] == "/"  # the landing page
    assert 0 < _bytes(user["memory"]["guarantee"]) < _bytes(user["memory"]["limit"])
    assert 0 < user["cpu"]["guarantee"] <= user["cpu"]["limit"]
    assert values["hub"]["db"]["type"] == "postgres" and values["hub"]["db"]["url"].startswith("postgresql")
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > values["cull"]["every"] > 0
    env = user["extraEnv"]
    assert "KIT_DB_URL" in env and "KIT_GRADEBOOK_URL" not in env  # the gradebook goes to assessors only
    mounts = {m["mountPath"] for m in user["storage"]["extraVolumeMounts"]}
    assert env["KIT_NBGRADER_EXCHANGE"] in mounts
    assert env["JUPYTER_CONFIG_PATH"].endswith("deploy/jupyterhub/single-user")
    assert (DEPLOY / "jupyterhub" / "single-user" / "nbgrader_config.py").is_file()


class _Group:
    def __init__(self, name):
        self.name = name


class _Spawner:
    def __init__(self, name, groups):
        self.user = type("User", (), {"name": name, "groups": [_Group(g) for g in groups]})()
        self.environment = {}


def test_the_role_hook_gives_the_gradebook_to_assessors_only(monkeypatch):
    code = _values()["hub"]["extraConfig"]["kit-roles"]
    c = Config()
    monkeypatch.setenv("KIT_GRADEBOOK_URL", "postgresql+psycopg://kit@db/gradebook")
    exec(compile(code, "values.yaml:hub.extraConfig.kit-roles", "exec"), {"c": c})
    hook = c.KubeSpawner.pre_spawn_hook
    officer, assessor = _Spawner("alice", []), _Spawner("carol", ["assessors"])
    hook(officer)
    hook(assessor)
    assert officer.environment == {"KIT_ROLE": "officer", "KIT_TRAINEE_ID": "alice"}
    assert assessor.environment["KIT_ROLE"] == "assessor"
    assert assessor.environment["KIT_GRADEBOOK_URL"].endswith("/gradebook")


@pytest.mark.parametrize("role", ["officer", "assessor"])
def test_the_post_start_script_prepares_a_home(tmp_path, role):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "KIT_ROLE": role, "KIT_HOME": str(ROOT),
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    for _ in range(2):  # a pod restarts: the script runs again on the same volume
        done = subprocess.run(["sh", str(DEPLOY / "k8s" / "post-start.sh")], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
    assert (home / "drill.ipynb").is_file()
    assert (home / "course" / "source" / "discretion-01").is_dir() == (role == "assessor")


def test_the_image_is_built_from_environment_yml():
    text = (DEPLOY / "k8s" / "Dockerfile").read_text(encoding="utf-8")
    assert "-f environment.yml" in text and "/opt/discretion-kit" in text
    assert "JUPYTER_CONFIG_PATH=/opt/discretion-kit/deploy/jupyterhub/single-user" in text
