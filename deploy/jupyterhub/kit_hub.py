"""The discretion kit on JupyterHub: every setting declared once (``SETTINGS``), read from the environment, and
applied to a JupyterHub config by ``configure(c, env)`` (``jupyterhub_config.py`` is two lines around it).

What each user's server gets (``pre_spawn``): the kit's notebooks copied into the home (the server's root,
so ``/voila/render/drill.ipynb`` is the drill), the kit's pages (``kit.web.extension``: the landing page, the
default URL, ``/drill``, ``/drill/progress``, ``/simulator``, the workshop) and Voila as server extensions,
the hub user as the trainee id everywhere (``JUPYTERHUB_USER``, ``KIT_TRAINEE_ID``, nbgrader's student id),
the shared PostgreSQL store (``KIT_DB_URL``) and nbgrader's exchange. An assessor's server gets in addition an
nbgrader course in ``~/course`` (``kit grade course``) and the gradebook's URL (``KIT_GRADEBOOK_URL``,
PostgreSQL), which officers' servers never see. Idle servers are stopped by jupyterhub-idle-culler.

Two modes (``KIT_HUB_MODE``): ``system`` (the default, for a real server: system users, PAM log-in,
``LocalProcessSpawner``, each officer's server running as that officer) and ``test`` (one shared password,
``SimpleLocalProcessSpawner``: every server runs as the hub's own user, homes under ``KIT_HUB_HOMES``; for the
tests and a demonstration only — it gives no isolation between users' files)."""

from __future__ import annotations

import os
import pwd
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SINGLE_USER_CONFIG = HERE / "single-user"
"""Jupyter config folder of every user's server (``JUPYTER_CONFIG_PATH``): the server's extensions and
nbgrader's settings, which read the role and the user from the environment."""

ASSESSORS_GROUP = "assessors"

# name: (default, description). Read from the environment variable of the same name; docs/deploy.md lists each.
SETTINGS: dict[str, tuple[str, str]] = {
    "KIT_HUB_MODE": ("system", "`system`: system users, PAM, LocalProcessSpawner; `test`: a shared password and "
                               "SimpleLocalProcessSpawner (no isolation: tests and demonstrations only)"),
    "KIT_HUB_IP": ("", "Address the proxy listens on (empty: all; the tests use 127.0.0.1)"),
    "KIT_HUB_PORT": ("8000", "Port of the proxy, the one public port"),
    "KIT_HUB_API_PORT": ("8081", "Port of the hub's own API on 127.0.0.1"),
    "KIT_PROXY_API_PORT": ("8001", "Port of configurable-http-proxy's REST API on 127.0.0.1"),
    "KIT_HUB_STATE": ("/srv/jupyterhub", "Folder of the hub's cookie secret, pid files and (without "
                                         "KIT_HUB_DB_URL) its SQLite database"),
    "KIT_HUB_DB_URL": ("", "The hub's own database (users, servers, tokens); PostgreSQL: "
                           "postgresql+psycopg://user:password@host/jupyterhub"),
    "KIT_DB_URL": ("", "The kit's store (drill progress, workshops), given to every server; PostgreSQL for more "
                       "than one server"),
    "KIT_GRADEBOOK_URL": ("", "nbgrader's gradebook, given to assessors' servers only; PostgreSQL"),
    "KIT_NBGRADER_EXCHANGE": ("/srv/nbgrader/exchange", "nbgrader's exchange folder (release, submit, collect), "
                                                        "shared by all servers"),
    "KIT_COURSE_ID": ("discretion-kit", "nbgrader course id"),
    "KIT_ASSESSORS": ("", "Comma-separated user names of assessors (nbgrader course and gradebook)"),
    "KIT_HUB_ADMINS": ("", "Comma-separated user names of hub administrators"),
    "KIT_HUB_USERS": ("", "Comma-separated user names allowed to log in besides assessors and admins (empty: "
                          "every user the authenticator accepts)"),
    "KIT_HUB_PASSWORD": ("", "test mode: the shared password (8 characters or more)"),
    "KIT_HUB_HOMES": ("/tmp/kit-hub-homes", "test mode: the folder of the users' home folders"),
    "KIT_HUB_ADMIN_TOKEN": ("", "An API token for a `kit-admin` service that may manage users, servers and tokens "
                                "(operator scripts, the tests); empty: no such service"),
    "KIT_HUB_DEFAULT_URL": ("/", "Where a user lands after log-in, in their server (`/`: the kit's landing page)"),
    "KIT_IDLE_TIMEOUT": ("3600", "Seconds without activity after which a server is stopped (0: never)"),
    "KIT_SPAWN_TIMEOUT": ("180", "Seconds a server may take to start"),
    "KIT_NOTEBOOKS": ("", "The kit's notebooks (empty: notebooks/ of this repository)"),
    "KIT_CHP": ("", "configurable-http-proxy executable (empty: .node/ of this repository, else PATH)"),
}


class SettingError(ValueError):
    """A setting that cannot be used, named with what was found."""


@dataclass(frozen=True)
class Settings:
    mode: str
    ip: str
    port: int
    api_port: int
    proxy_api_port: int
    state: Path
    hub_db_url: str
    store_url: str
    gradebook_url: str
    exchange: Path
    course_id: str
    assessors: tuple[str, ...]
    admins: tuple[str, ...]
    users: tuple[str, ...]
    password: str
    homes: Path
    admin_token: str
    default_url: str
    idle_timeout: int
    spawn_timeout: int
    notebooks: Path
    chp: str


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


def _int(env: dict, name: str, errors: list[tuple[str, dict]]) -> int:
    text = env[name]
    try:
        value = int(text)
    except ValueError:
        errors.append(("not_whole", {"name": name, "value": repr(text)}))
        return 0
    if value < 0:
        errors.append(("negative", {"name": name, "value": repr(text)}))
    return value


def _report(errors: list[tuple[str, dict]]) -> str:
    """Every mistake, in Chinese and then in English (the kit's catalog, deploy.*)."""
    from kit.i18n import t

    return "\n".join(t("deploy.settings_error", lang) + "; ".join(t(f"deploy.{key}", lang, **params)
                                                             for key, params in errors) for lang in ("zh", "en"))


def settings(environ: dict | None = None) -> Settings:
    """Every setting from ``environ`` (default ``os.environ``), defaults filled in; all mistakes in one error."""
    given = dict(os.environ if environ is None else environ)
    env = {name: (given.get(name) or default).strip() for name, (default, _) in SETTINGS.items()}
    errors: list[tuple[str, dict]] = []
    if env["KIT_HUB_MODE"] not in ("system", "test"):
        errors.append(("bad_mode", {"name": "KIT_HUB_MODE", "value": repr(env["KIT_HUB_MODE"])}))
    ints = {n: _int(env, n, errors) for n in ("KIT_HUB_PORT", "KIT_HUB_API_PORT", "KIT_PROXY_API_PORT",
                                               "KIT_IDLE_TIMEOUT", "KIT_SPAWN_TIMEOUT")}
    if env["KIT_HUB_MODE"] == "test" and len(env["KIT_HUB_PASSWORD"]) < 8:
        errors.append(("short_password", {"name": "KIT_HUB_PASSWORD"}))
    notebooks = Path(env["KIT_NOTEBOOKS"] or REPO / "notebooks")
    if not (notebooks / "drill.ipynb").is_file():
        errors.append(("no_notebooks", {"name": "KIT_NOTEBOOKS", "value": repr(str(notebooks))}))
    if not env["KIT_HUB_DEFAULT_URL"].startswith("/"):
        errors.append(("not_a_path", {"name": "KIT_HUB_DEFAULT_URL", "value": repr(env["KIT_HUB_DEFAULT_URL"])}))
    if errors:
        raise SettingError(_report(errors))
    local_chp = REPO / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"
    chp = env["KIT_CHP"] or (str(local_chp) if local_chp.exists() else "configurable-http-proxy")
    return Settings(
        mode=env["KIT_HUB_MODE"], ip=env["KIT_HUB_IP"], port=ints["KIT_HUB_PORT"],
        api_port=ints["KIT_HUB_API_PORT"], proxy_api_port=ints["KIT_PROXY_API_PORT"],
        state=Path(env["KIT_HUB_STATE"]), hub_db_url=env["KIT_HUB_DB_URL"], store_url=env["KIT_DB_URL"],
        gradebook_url=env["KIT_GRADEBOOK_URL"], exchange=Path(env["KIT_NBGRADER_EXCHANGE"]),
        course_id=env["KIT_COURSE_ID"], assessors=_names(env["KIT_ASSESSORS"]), admins=_names(env["KIT_HUB_ADMINS"]),
        users=_names(env["KIT_HUB_USERS"]), password=env["KIT_HUB_PASSWORD"], homes=Path(env["KIT_HUB_HOMES"]),
        admin_token=env["KIT_HUB_ADMIN_TOKEN"], default_url=env["KIT_HUB_DEFAULT_URL"],
        idle_timeout=ints["KIT_IDLE_TIMEOUT"], spawn_timeout=ints["KIT_SPAWN_TIMEOUT"], notebooks=notebooks,
        chp=chp)


# ---- what every server gets --------------------------------------------------------------------------------

def is_assessor(s: Settings, spawner) -> bool:
    return spawner.user.name in s.assessors or any(g.name == ASSESSORS_GROUP for g in spawner.user.groups)


def server_environment(s: Settings, user: str, *, assessor: bool) -> dict[str, str]:
    """The environment of ``user``'s server (besides what JupyterHub itself sets, ``JUPYTERHUB_USER`` among it);
    also what an assessor's ``kit grade`` commands run with."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        "PATH": os.pathsep.join([bin_dir, "/usr/local/bin", "/usr/bin", "/bin"]),
        "LANG": "C.UTF-8",
        "JUPYTER_CONFIG_PATH": str(SINGLE_USER_CONFIG),
        "KIT_ROLE": "assessor" if assessor else "officer",
        "KIT_TRAINEE_ID": user,
        "KIT_NBGRADER_EXCHANGE": str(s.exchange),
        "KIT_COURSE_ID": s.course_id,
        "KIT_NOTEBOOKS": str(s.notebooks),  # the only notebooks Voila renders on an officer's server, unchanged
    }
    if s.store_url:
        env["KIT_DB_URL"] = s.store_url
    if assessor and s.gradebook_url:
        env["KIT_GRADEBOOK_URL"] = s.gradebook_url
    return env


def prepare_home(s: Settings, home: Path, *, assessor: bool, owner: str | None = None) -> None:
    """The kit's notebooks into ``home`` (refreshed at every start: they are the kit's, not the user's); an
    assessor gets an nbgrader course in ``~/course`` (kept when it exists). ``owner``: the system user who must
    own what is made (system mode, the hub running as root)."""
    home.mkdir(parents=True, exist_ok=True)
    made = []
    for notebook in sorted(s.notebooks.glob("*.ipynb")):
        target = home / notebook.name
        shutil.copyfile(notebook, target)
        made.append(target)
    course = home / "course"
    if assessor and not (course / "source").exists():
        from kit.grading.course import new_course

        new_course(course)
        made += [course, *course.rglob("*")]
    if owner is not None and os.geteuid() == 0:
        entry = pwd.getpwnam(owner)
        for path in made:
            os.lchown(path, entry.pw_uid, entry.pw_gid)


def make_pre_spawn(s: Settings):
    def pre_spawn(spawner) -> None:
        name = spawner.user.name
        assessor = is_assessor(s, spawner)
        if s.mode == "test":
            prepare_home(s, Path(spawner.home_dir), assessor=assessor)
        else:
            prepare_home(s, Path(pwd.getpwnam(name).pw_dir), assessor=assessor, owner=name)
        spawner.environment.update(server_environment(s, name, assessor=assessor))

    return pre_spawn


def prepare_exchange(s: Settings) -> None:
    """nbgrader's exchange must exist and be writable by every user (nbgrader makes the course folders below)."""
    s.exchange.mkdir(parents=True, exist_ok=True)
    os.chmod(s.exchange, 0o1777)


# ---- the hub -------------------------------------------------------------------------------------------------

def announcements() -> dict[str, str]:
    """JupyterHub's announcement banners on its log-in and start pages, Chinese first, from the kit's catalog."""
    from html import escape

    from kit.i18n import t

    def both(*keys: str) -> str:
        zh = "<br>".join(f"<b>{escape(t(k, 'zh'))}</b>" if i == 0 else escape(t(k, "zh")) for i, k in enumerate(keys))
        return f"{zh}<br><small>{' · '.join(escape(t(k, 'en')) for k in keys)}</small>"

    return {"announcement_login": both("deploy.login_title", "deploy.login_hint"),
            "announcement_spawn": both("deploy.spawn_hint")}


CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]
ADMIN_SCOPES = ["admin:users", "admin:servers", "tokens", "list:services", "read:services"]


def configure(c, environ: dict | None = None) -> Settings:
    """Apply the kit's deployment to the JupyterHub config ``c``; returns the settings used."""
    s = settings(environ)
    s.state.mkdir(parents=True, exist_ok=True)
    prepare_exchange(s)

    c.JupyterHub.ip = s.ip
    c.JupyterHub.port = s.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = s.api_port
    c.JupyterHub.cookie_secret_file = str(s.state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(s.state / "jupyterhub.pid")
    c.JupyterHub.db_url = s.hub_db_url or f"sqlite:///{s.state / 'jupyterhub.sqlite'}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.proxy_api_port}"
    c.ConfigurableHTTPProxy.command = [s.chp]
    c.ConfigurableHTTPProxy.pid_file = str(s.state / "jupyterhub-proxy.pid")
    c.JupyterHub.template_vars = announcements()

    # who may log in
    c.Authenticator.admin_users = set(s.admins)
    if s.users:
        c.Authenticator.allowed_users = set(s.users) | set(s.assessors) | set(s.admins)
    else:
        c.Authenticator.allow_all = True
    c.JupyterHub.load_groups = {ASSESSORS_GROUP: {"users": list(s.assessors)}}

    # how a server starts
    if s.mode == "test":
        c.JupyterHub.authenticator_class = "shared-password"
        c.SharedPasswordAuthenticator.user_password = s.password
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = str(s.homes / "{username}")
    else:
        c.JupyterHub.authenticator_class = "pam"
        c.JupyterHub.spawner_class = "localprocess"
    c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    c.Spawner.notebook_dir = "~"
    c.Spawner.default_url = s.default_url
    c.Spawner.start_timeout = s.spawn_timeout
    c.Spawner.http_timeout = s.spawn_timeout
    # jupyter-server refuses root; in test mode as root (CI) every server is root's
    c.Spawner.args = ["--ServerApp.allow_root=True"] if s.mode == "test" and os.geteuid() == 0 else []
    c.Spawner.pre_spawn_hook = make_pre_spawn(s)

    # services: the idle culler, and an admin token for operator scripts
    services, roles = [], []
    if s.idle_timeout:
        services.append({"name": "idle-culler", "command": [
            sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s.idle_timeout}",
            f"--cull-every={max(10, min(600, s.idle_timeout // 2))}"]})
        roles.append({"name": "idle-culler", "scopes": CULLER_SCOPES, "services": ["idle-culler"]})
    if s.admin_token:
        services.append({"name": "kit-admin", "api_token": s.admin_token})
        roles.append({"name": "kit-admin", "scopes": ADMIN_SCOPES, "services": ["kit-admin"]})
    c.JupyterHub.services = services
    c.JupyterHub.load_roles = roles
    return s
