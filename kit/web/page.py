"""What every light page shares: the language read from ``?lang=``, the HTML frame, escaping."""

from __future__ import annotations

from html import escape

import tornado.web

from ..i18n import Lang, UnknownLanguage, html_lang, parse_lang, t

STYLE = """
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif;
color:#1d2733;background:#f4f6f8;line-height:1.55}main{max-width:960px;margin:0 auto;padding:16px}
header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:8px}
h1{font-size:1.45rem;margin:8px 0}a{color:#0b57a4}.lang{font-size:.95rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;margin-top:12px}
.card{display:block;background:#fff;border:1px solid #d6dde5;border-radius:10px;padding:14px 16px;
text-decoration:none;color:inherit}.card:hover{border-color:#0b57a4}.card h2{font-size:1.1rem;margin:0 0 4px;
color:#0b57a4}.card p{margin:0;font-size:.95rem}.who{color:#5a6877;font-size:.88rem;margin-top:6px!important}
footer{margin-top:20px;color:#5a6877;font-size:.85rem}.error{background:#fff3f3;border:1px solid #e5a5a5;
padding:12px;border-radius:8px}
"""


class KitPage(tornado.web.RequestHandler):
    """A light page: reads ``?lang=`` (zh default); an unknown language is a 400 with the reason, never a guess."""

    lang: Lang

    def hub_user(self) -> str | None:
        """The signed-in user when the page is served by a Jupyter server under a hub (kit.web.extension)."""
        return None

    def prepare(self) -> None:
        try:
            self.lang = parse_lang(self.get_query_argument("lang", None))
        except UnknownLanguage as err:
            self.lang = "zh"
            self.set_status(400)
            self.finish(frame(t("web.bad_request", "zh"), f'<p class="error">{escape(str(err))}</p>', "zh"))

    def write_error(self, status_code: int, **kwargs: object) -> None:
        # Never a traceback on a page: the status and one sentence; the server log has the details.
        lang: Lang = getattr(self, "lang", "zh")
        self.finish(frame(t("web.error_title", lang), f'<p class="error">{escape(t("web.error_text", lang, status=status_code))}</p>', lang))


class NotFoundPage(KitPage):
    """Any path no route serves (tornado's ``default_handler_class``): the kit's page, in the asked language."""

    def prepare(self) -> None:
        super().prepare()
        if not self._finished:
            self.set_status(404)
            self.finish(frame(t("surfaces.not_found_title", self.lang),
                              f'<p class="error">{escape(t("surfaces.not_found_text", self.lang))}</p>'
                              f'<p><a href="{escape(self.settings.get("base_url", "/"))}?lang={self.lang}">'
                              f'{escape(t("surfaces.home", self.lang))}</a></p>', self.lang))


def frame(title: str, body: str, lang: Lang) -> str:
    return (f'<!doctype html><html lang="{html_lang(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>")
