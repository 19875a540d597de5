"""The drill's light pages in the kit's server (kit/web): ``/drill`` asks the officer's name on first visit
and opens the drill notebook with it; ``/drill/progress?officer=…`` shows one officer's progress by sector,
the provisions and circumstances they miss, and their review queue. No kernel: the handlers read the store."""

from __future__ import annotations

from typing import Any

from functools import lru_cache
from html import escape
from urllib.parse import urlencode

from ..baselines import sample_library
from ..i18n import bilingual, colon, date_text, named, t
from .page import KitPage, frame
from ..drills.progress import Progress
from ..drills.render import sector_label
from ..drills.session import DrillError, officer_name

STYLE = ("<style>form.name{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}form.name input{font-size:1rem;"
         "padding:8px;min-width:0;flex:1 1 12em}form.name button{font-size:1rem;padding:8px 16px}"
         "table{border-collapse:collapse;background:#fff;margin:6px 0 14px;width:100%}td,th{border:1px solid #d6dde5;"
         "padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}h2{font-size:1.1rem;margin:14px 0 4px}"
         ".score{background:#fff;border:1px solid #d6dde5;border-radius:8px;padding:10px 12px}</style>")
_JS = ("<script>(function(){var f=document.querySelector('form.name'),i=f.querySelector('input[name=officer]');"
       "try{if(!i.value&&localStorage.kitOfficer)i.value=localStorage.kitOfficer;}catch(e){}"
       "f.addEventListener('submit',function(){try{localStorage.kitOfficer=i.value.trim();}catch(e){}});})();</script>")


@lru_cache(maxsize=1)
def _templates():
    from ..scenarios import builtin_templates
    return tuple(builtin_templates(sample_library()))


def _base(handler: KitPage) -> str:
    return handler.settings.get("base_url", "/")


def start_html(lang, base: str = "/", error: str = "") -> str:
    """The name form; it opens ``voila/render/drill.ipynb?officer=…&lang=…`` (the name is remembered by the
    browser for the next visit)."""
    err = f'<p class="error">{escape(error)}</p>' if error else ""
    body = (f'<header><h1>{escape(t("drill.start.title", lang))}</h1><a href="{escape(base)}?lang={lang}">'
            f'{escape(t("drill.progress.home", lang))}</a></header><p>{escape(t("drill.start.text", lang))}</p>{err}'
            f'<form class="name" method="get" action="{escape(base)}voila/render/drill.ipynb">'
            f'<input type="hidden" name="lang" value="{lang}"><input name="officer" maxlength="100" required '
            f'placeholder="{escape(t("drill.officer", lang))}" aria-label="{escape(t("drill.officer", lang))}">'
            f'<button type="submit" id="start">{escape(t("drill.start", lang))}</button></form>'
            f'<footer>{escape(t("common.illustrative", lang))}</footer>{_JS}')
    return frame(t("drill.title", lang), STYLE + body, lang)


def _label(key: str, library, lang) -> str:
    kind, _, value = key.partition(":")
    if kind == "factor" and value in library.factors:
        f = library.factors[value]
        return bilingual(f, lang)
    if kind in ("outcome", "fine") and value in library.matters:
        m = library.matters[value]
        return f"{t(f'drill.part.{kind}', lang)}{colon(lang)}{named(m.name, m.name_en, lang)}"
    return value


def _table(head: list[str], rows: list[list[object]], lang) -> str:
    if not rows:
        return f"<p>{escape(t('drill.progress.empty', lang))}</p>"
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def progress_html(progress: Progress, lang, base: str = "/", templates=None) -> str:
    library = sample_library()
    titles = {tp.id: bilingual(tp.title, lang) for tp in (templates or [])}
    score = progress.score()
    line = t("drill.score_line", lang, answered=score.answered, right=score.right, share=f"{score.share:.0%}",
             points=f"{score.points:g}", max=f"{score.max_points:g}")
    queue = progress.queue()
    today = progress.today()
    due = sum(1 for _r, _b, d in queue if d <= today)
    sectors = [[sector_label(x.key, lang), x.answered, x.missed] for x in progress.by_sector()]
    rules = [[_label(x.key, library, lang), x.missed] for x in progress.by_rule()]
    items = [[titles.get(ref.template_id, ref.template_id), box, date_text(d, lang)] for ref, box, d in queue]
    drill = f"{base}voila/render/drill.ipynb?{urlencode({'officer': progress.officer, 'lang': lang})}"
    c = lambda k: t(f"drill.progress.col.{k}", lang)  # noqa: E731
    body = (f'<header><h1>{escape(t("drill.progress.title", lang, name=progress.officer))}</h1>'
            f'<a id="back" href="{escape(drill)}">{escape(t("drill.progress.back", lang))}</a></header>'
            f'<p class="score" id="score" data-answered="{score.answered}" data-queued="{len(queue)}">'
            f'{escape(line)}<br>{escape(t("drill.queue_line", lang, queued=len(queue), due=due))}</p>'
            f'<h2>{escape(t("drill.progress.by_sector", lang))}</h2>{_table([c("sector"), c("answered"), c("missed")], sectors, lang)}'
            f'<h2>{escape(t("drill.progress.by_rule", lang))}</h2>{_table([c("rule"), c("times")], rules, lang)}'
            f'<h2>{escape(t("drill.progress.queue", lang))}</h2>{_table([c("case"), c("box"), c("due")], items, lang)}'
            f'<footer>{escape(t("common.illustrative", lang))}</footer>')
    return frame(t("drill.progress.title", lang, name=progress.officer), STYLE + body, lang)


class StartHandler(KitPage):
    def get(self) -> None:
        if self.hub_user():  # on a hub the login is the officer: no name to ask, the drill reads JUPYTERHUB_USER
            self.redirect(f"{_base(self)}voila/render/drill.ipynb?{urlencode({'lang': self.lang})}")
            return
        self.finish(start_html(self.lang, _base(self)))


class ProgressHandler(KitPage):
    _engine: Any = None  # a SQLAlchemy Engine, made on first use

    def get(self) -> None:
        try:
            # On a hub only the login's own progress: ``?officer=`` of another user is not read.
            name = officer_name(self.hub_user() or self.get_query_argument("officer", ""))
        except DrillError as err:
            self.finish(start_html(self.lang, _base(self), err.message(self.lang)).replace(
                "voila/render/drill.ipynb", "drill/progress"))
            return
        if ProgressHandler._engine is None:
            from ..store import engine_from_env
            ProgressHandler._engine = engine_from_env()
        self.finish(progress_html(Progress(name, ProgressHandler._engine), self.lang, _base(self), _templates()))


def routes(base: str) -> list[tuple]:
    root = base.rstrip("/")
    return [(root + "/drill/?", StartHandler), (root + "/drill/progress/?", ProgressHandler)]
