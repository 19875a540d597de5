"""Voila on an officer's server renders the kit's own notebooks only.

The contents API lets an officer save a notebook (they edit the exam notebooks nbgrader fetches), and Voila's
``/voila/render/<path>`` runs a notebook on the server. So on an officer's server (the hub's single-user config
sets ``kit_render_only`` in the server's settings: the folder of the shipped notebooks) the kit's extension puts
a rule in front of Voila's: a render whose file is not byte-for-byte one of the shipped notebooks — another
notebook, or a copy of ``drill.ipynb`` the officer changed — matches it and gets a 403 page in the asked
language; a render of an unchanged shipped notebook matches nothing here and goes on to Voila. The content is
compared, not the name, since an officer can overwrite the home's copy (it is refreshed at every start)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import tornado.httputil
from tornado.routing import Matcher

from ..i18n import t
from .page import KitPage, frame


def shipped(folder: str | Path) -> dict[str, bytes]:
    """The shipped notebooks of ``folder``: name → content."""
    return {p.name: p.read_bytes() for p in sorted(Path(folder).glob("*.ipynb"))}


def allowed(root: Path, asked: str, notebooks: dict[str, bytes]) -> bool:
    """Whether ``asked`` (a render path under ``root``) is a shipped notebook, its file unchanged."""
    try:
        target = (root / asked.lstrip("/")).resolve()
        if target.parent != root.resolve() or target.name not in notebooks:
            return False
        return target.read_bytes() == notebooks[target.name]
    except (OSError, ValueError):
        return False


class RefusedRender(Matcher):
    """Matches ``<base>voila/render/<path>`` when ``<path>`` is not a shipped notebook, unchanged."""

    def __init__(self, base_url: str, root: str | Path, notebooks: dict[str, bytes]) -> None:
        self.prefix = base_url.rstrip("/") + "/voila/render/"
        self.root = Path(root).expanduser()
        self.notebooks = notebooks

    def match(self, request: tornado.httputil.HTTPServerRequest) -> dict[str, Any] | None:
        path = request.path or ""
        if not path.startswith(self.prefix):
            return None
        if allowed(self.root, unquote(path[len(self.prefix):]), self.notebooks):
            return None  # Voila's own rule renders it
        return {"path_args": [], "path_kwargs": {}}


class RefusedRenderPage(KitPage):
    """The 403 page of a refused render, in the asked language (``?lang=``, zh default); nothing is run."""

    def prepare(self) -> None:
        super().prepare()
        if self._finished:
            return
        home = escape(self.settings.get("base_url", "/"))
        self.set_status(403)
        self.finish(frame(t("deploy.render_refused_title", self.lang),
                          f'<h1>{escape(t("deploy.render_refused_title", self.lang))}</h1>'
                          f'<p class="error">{escape(t("deploy.render_refused_text", self.lang))}</p>'
                          f'<p><a href="{home}?lang={self.lang}">{escape(t("surfaces.home", self.lang))}</a></p>',
                          self.lang))


def guard_rules(base_url: str, root: str | Path, folder: str | Path) -> list[tuple]:
    """The rule to put in front of Voila's render route: refused renders → ``RefusedRenderPage``."""
    return [(RefusedRender(base_url, root, shipped(folder)), RefusedRenderPage)]
