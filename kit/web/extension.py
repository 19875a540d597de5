"""The kit's pages inside a Jupyter server: what each officer's server serves on JupyterHub.

``jupyter server --ServerApp.jpserver_extensions="{'kit.web.extension': True}"`` (the hub's single-user
config, deploy/jupyterhub) adds the rules of ``routes.kit_routes(base_url)`` to the server, in front of its
own: the landing page at the server's root, ``/drill``, ``/drill/progress``, ``/simulator`` and the workshop
pages and API. Voila is another extension of the same server (``/voila/render/…``, the drill notebook).

Every handler is the kit's own class with ``jupyter_server``'s ``JupyterHandler`` mixed in behind it
(``signed_in``): the server's identity provider — JupyterHub's single-user OAuth on a hub — runs before the
kit's ``prepare``; a request without the login is sent to it (GET) or refused (403), and ``hub_user()``
names the user: the trainee id of the drill and the participant of a workshop. Static files stay plain.
On an officer's server (setting ``kit_render_only``) a rule in front of Voila's refuses to render any notebook
but the kit's own, unchanged (``render_guard``)."""

from __future__ import annotations

import inspect
from typing import Any

import tornado.web
from jupyter_server.base.handlers import JupyterHandler

from .render_guard import guard_rules
from .routes import kit_routes

_MADE: dict[Any, type] = {}


def signed_in(cls: Any) -> type:
    """``cls`` (a kit handler) behind the Jupyter server's login; the same class for the same ``cls``."""
    if cls in _MADE:
        return _MADE[cls]

    async def prepare(self: Any) -> None:
        await JupyterHandler.prepare(self)  # the server's identity provider: sets current_user
        if self._finished:
            return
        if self.current_user is None:
            # jupyter_server lets a handler through without a user unless it asks (allow_unauthenticated_access):
            # every kit page asks, as tornado's @authenticated does: the log-in (GET, HEAD) or 403.
            tornado.web.authenticated(lambda _handler: None)(self)
            return
        result = cls.prepare(self)
        if inspect.isawaitable(result):
            await result

    def hub_user(self: Any) -> str | None:
        user = self.current_user
        return getattr(user, "username", None) or getattr(user, "name", None) or None

    made = type(f"SignedIn{cls.__name__}", (cls, JupyterHandler), {"prepare": prepare, "hub_user": hub_user,
                                                                     "__module__": __name__})
    _MADE[cls] = made
    return made


def rules(base_url: str, *, render_only: str | None = None, root: str = "") -> list[tuple]:
    """The kit's rules under ``base_url``, each handler behind the login (static files excepted).
    ``render_only`` (an officer's server): the folder of the shipped notebooks, the only ones Voila may render
    from ``root`` (kit.web.render_guard); its rule comes first."""
    out: list[tuple] = []
    guard = guard_rules(base_url, root, render_only) if render_only else []
    for rule in [*guard, *kit_routes(base_url)]:
        handler = rule[1]
        if not issubclass(handler, tornado.web.StaticFileHandler):
            rule = (rule[0], signed_in(handler), *rule[2:])
        out.append(rule)
    return out


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "kit.web.extension"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    web_app = serverapp.web_app
    # The kit's extension loads before Voila's (extensions load in name order), so these rules come first.
    render_only = web_app.settings.get("kit_render_only")
    web_app.add_handlers(".*$", rules(web_app.settings["base_url"], render_only=render_only,
                                      root=web_app.settings.get("server_root_dir") or serverapp.root_dir))
    serverapp.log.info("discretion-kit: the kit's pages under %s", web_app.settings["base_url"])
    if render_only:
        serverapp.log.info("discretion-kit: Voila renders only the kit's notebooks of %s, unchanged", render_only)


load_jupyter_server_extension = _load_jupyter_server_extension
