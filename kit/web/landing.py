"""The front door at ``/``: every page of the kit with a line on who it is for (zh default, en toggle)."""

from __future__ import annotations

from html import escape

from ..i18n import Lang, other_lang, t
from .page import KitPage, frame

# (catalog key, path): the order is the order on the page.
PAGES: tuple[tuple[str, str], ...] = (
    ("drill", "drill"),
    ("simulator", "simulator"),
    ("progress", "drill/progress"),
    ("workshop", "workshop"),
    ("trainer", "workshop/trainer"),
    ("library", "voila/render/library.ipynb"),
)


def render(lang: Lang, base: str = "/") -> str:
    other = other_lang(lang)
    cards = "".join(
        f'<a class="card" id="page-{key}" href="{escape(base + path)}?lang={lang}">'
        f'<h2>{escape(t(f"web.{key}.title", lang))}</h2><p>{escape(t(f"web.{key}.what", lang))}</p>'
        f'<p class="who">{escape(t(f"web.{key}.who", lang))}</p></a>'
        for key, path in PAGES)
    body = (f'<header><h1>{escape(t("web.title", lang))}</h1>'
            f'<a class="lang" id="lang-toggle" href="{escape(base)}?lang={other}">{escape(t("web.other_lang", lang))}</a>'
            f'</header><p>{escape(t("web.intro", lang))}</p><nav class="cards">{cards}</nav>'
            f'<footer>{escape(t("common.illustrative", lang))}</footer>')
    return frame(t("web.title", lang), body, lang)


class LandingHandler(KitPage):
    def get(self) -> None:
        self.finish(render(self.lang, self.settings.get("base_url", "/")))


def routes(base: str) -> list[tuple]:
    return [(base.rstrip("/") + "/?", LandingHandler)]
