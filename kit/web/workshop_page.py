"""The workshop's two light pages: ``/workshop`` for the phones, ``/workshop/trainer`` for the trainer's
projector. Static HTML, CSS and JS (kit/web/static/workshop/, no build step, nothing from the network); the
page carries its texts (the catalog's ``workshop.ui.*`` in the ``?lang=`` language) and polls the JSON API."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import tornado.web

from ..i18n import Lang, catalog, html_lang, t
from ..workshop import views
from .page import KitPage

STATIC = Path(__file__).parent / "static" / "workshop"
POLL_MS = {"participant": 2000, "trainer": 1500}


def texts(lang: Lang) -> dict[str, str]:
    prefix = "workshop.ui."
    return {key[len(prefix):]: t(key, lang) for key in catalog().keys(prefix)}


def render(kind: str, lang: Lang, base: str, user: str | None = None) -> str:
    title = t(f"workshop.ui.{kind}_title", lang)
    config = {"kind": kind, "lang": lang, "base": base, "poll_ms": POLL_MS[kind], "texts": texts(lang),
              "levels": views.levels_view(lang), "illustrative": t("common.illustrative", lang),
              "user": user}  # the hub login: the participant's name, not asked
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    static = f"{base}workshop/static"
    return (f'<!doctype html><html lang="{html_lang(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{escape(title)}</title><link rel="stylesheet" href="{static}/workshop.css"></head>'
            f'<body class="ws-{kind}"><div id="offline" class="offline" hidden role="status"></div>'
            f'<main id="app" aria-live="polite"></main>'
            f'<script id="ws-config" type="application/json">{data}</script>'
            f'<script src="{static}/common.js"></script><script src="{static}/{kind}.js"></script></body></html>')


class ParticipantPage(KitPage):
    def get(self) -> None:
        self.finish(render("participant", self.lang, self.settings.get("base_url", "/"), self.hub_user()))


class TrainerPage(KitPage):
    def get(self) -> None:
        self.finish(render("trainer", self.lang, self.settings.get("base_url", "/")))


class Static(tornado.web.StaticFileHandler):
    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-cache")


def routes(base: str) -> list[tuple]:
    root = base.rstrip("/")
    return [(root + "/workshop/?", ParticipantPage), (root + "/workshop/trainer/?", TrainerPage),
            (root + "/workshop/static/(.*)", Static, {"path": str(STATIC)})]
