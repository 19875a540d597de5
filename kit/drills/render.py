"""HTML of the drill page: the case card, the feedback (marks, the baseline's answer, the cited trace), the
score and the review queue. Plain functions of the session's values; the widgets only put these on screen.

The engine's trace reuses ``Decision._repr_html_`` (each step with its citation); every other word comes
from the catalog (kit/i18n/messages/drill.yaml) and money from ``kit.i18n.money``."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from ..baselines import Library
from ..engine.decision import Decision
from ..grading import Marks
from ..grading.citing import cite, in_words
from ..i18n import Lang, bilingual, colon, money, money_range, parens, t
from ..scenarios import Scenario, Template
from .records import Score

STYLE = """<style>
.kit-drill-root {max-width: 62em; box-sizing: border-box; overflow-wrap: anywhere}
.kit-drill-root * {box-sizing: border-box}
.kit-drill-root .widget-radio-box label, .kit-drill-root .widget-checkbox label,
.kit-drill-root .widget-checkbox .widget-label-basic span {white-space: normal; overflow: visible;
  text-overflow: clip; line-height: 1.35}
.kit-drill-root .widget-checkbox, .kit-drill-root .widget-checkbox .widget-label-basic {height: auto}
.kit-drill-root .widget-radio-box label {margin: .2em 0; height: auto; display: flex; align-items: flex-start;
  gap: .3em}
.kit-drill-root .widget-radio-box label input {flex: none; margin-top: .2em; order: -1}
.kit-drill-root .widget-html-content {line-height: 1.55}
a.kit-drill-progress {color: #0b57a4; text-decoration: underline}
.kit-drill-row {display: flex; flex-wrap: wrap; gap: .4em .8em; align-items: center}
.kit-drill-case {border-left: 4px solid #6b8fb3; background: #f6f8fb; padding: .4em .9em; margin: .3em 0;
  line-height: 1.7}
.kit-drill-case p {margin: .35em 0}
.kit-drill-review {color: #7a5a00; font-weight: bold}
.kit-drill-meta {color: #555; font-size: 90%}
.kit-drill-verdict {font-size: 130%; font-weight: bold; padding: .3em .6em; border-radius: 4px; display: inline-block}
.kit-drill-verdict.kit-right {background: #e3f4e1; color: #1e6b1e}
.kit-drill-verdict.kit-partial {background: #fff4d6; color: #7a5a00}
.kit-drill-verdict.kit-wrong {background: #fbe3e3; color: #a11d1d}
.kit-drill-feedback {line-height: 1.6; overflow-x: auto}
.kit-drill-feedback table {border-collapse: collapse; margin: .3em 0}
.kit-drill-feedback td, .kit-drill-feedback th {border: 1px solid #ccd; padding: .2em .5em; vertical-align: top;
  text-align: left}
.kit-drill-feedback tr.kit-right td:first-child {color: #1e6b1e; font-weight: bold}
.kit-drill-feedback tr.kit-partial td:first-child {color: #7a5a00; font-weight: bold}
.kit-drill-feedback tr.kit-wrong td:first-child {color: #a11d1d; font-weight: bold}
.kit-drill-feedback .kit-marks td:nth-child(-n+3) {white-space: nowrap}
.kit-drill-feedback h4 {margin: .8em 0 .2em 0}
.kit-drill-score {background: #eef2f7; padding: .3em .8em; border-radius: 4px; display: inline-block}
.kit-drill-error {color: #a11d1d}
</style>"""

_MARK = {"right": "✓", "partial": "½", "wrong": "✗"}


def sector_label(sector: str, lang: Lang) -> str:
    """A sector's name: the catalog's where it has one, else the library's own word (a real library may bring a
    sector the catalog does not list; its published name is shown rather than the page failing)."""
    from ..i18n import catalog

    key = f"drill.sector.{sector}"
    return t(key, lang) if catalog().has(key) else sector


def _e(text: str) -> str:
    return html.escape(text)


def header_html(lang: Lang, officer: str | None, base: str = "../../") -> str:
    """The introduction, the officer's name and the link to their progress page."""
    parts = [f"<h2 class='kit-drill-title'>{_e(t('drill.title', lang))}</h2>",
             f"<p class='kit-drill-meta'>{_e(t('drill.intro', lang))}</p>"]
    if officer:
        link = f"{base}drill/progress?{urlencode({'officer': officer, 'lang': lang})}"
        parts.append(f"<p><b class='kit-drill-officer'>{_e(t('drill.hello', lang, name=officer))}</b> · "
                     f"<a class='kit-drill-progress' href='{_e(link)}' target='_blank'>"
                     f"{_e(t('drill.progress_link', lang))}</a></p>")
    return "".join(parts)


def case_html(scenario: Scenario | None, template: Template | None, lang: Lang, *, review: bool = False) -> str:
    """The case card: title and difficulty, a review mark, then the narrative (示例案例，非正式文件)."""
    if scenario is None:
        return f"<div class='kit-drill-empty'>{_e(t('drill.no_case', lang))}</div>"
    title = bilingual(template.title, lang) if template else ""
    meta = _e(t(f"drill.difficulty.{scenario.difficulty}", lang))
    meta = parens(meta, lang, tight=True)
    flag = f"<p class='kit-drill-review'>{_e(t('drill.review_case', lang))}</p>" if review else ""
    paragraphs = "".join(f"<p>{_e(line)}</p>" for line in scenario.narrative(lang).splitlines() if line.strip())
    return (f"<div class='kit-drill-case' data-case-id='{_e(scenario.case.id)}'>{flag}"
            f"<p><b>{_e(t('drill.case', lang))}{colon(lang)}{_e(title)}</b> "
            f"<span class='kit-drill-meta'>{meta}</span></p>{paragraphs}</div>")


def loading_html(lang: Lang) -> str:
    return f"<div class='kit-drill-loading'>{_e(t('drill.loading', lang))}</div>"


def _range(decision: Decision, level, lang: Lang) -> str:
    r = decision.acceptable.get(level)
    return money_range(r.lo, r.hi, lang, upper_open=r.upper_open) if r is not None else t("drill.no_fine", lang)


def key_html(scenario: Scenario, lang: Lang) -> str:
    """The baseline's answer: the engine's outcome and suggested fine, each lawful outcome with its range."""
    d, c = scenario.decision, colon(lang)
    head = f"{_e(t('drill.engine_outcome', lang))}{c}<b>{_e(d.outcome(lang))}</b>"
    if d.suggested_fine is not None:
        head += f"{t('common.semicolon', lang)}{_e(t('drill.suggested', lang))}{c}<b>{_e(money(d.suggested_fine, lang))}</b>"
    if d.transfer:
        rows = [(t("drill.transfer", lang), t("drill.no_fine", lang))]
    else:
        rows = [(lv.label(lang), _range(d, lv, lang)) for lv in d.acceptable_levels]
    body = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td></tr>" for a, b in rows)
    parts = [f"<p>{head}</p>"]
    if d.provisions:
        parts.append(f"<p>{_e(t('drill.provision', lang))}{c}{_e('、'.join(d.provisions))}</p>")
    parts.append(f"<p>{_e(t('drill.lawful', lang))}{c}</p><table>{body}</table>")
    if scenario.distractors:
        items = "".join(f"<li>{_e(bilingual(x.why, lang))}</li>" for x in scenario.distractors)
        parts.append(f"<p>{_e(t('drill.distractors', lang))}{c}</p><ul>{items}</ul>")
    return "".join(parts)


def marks_html(marks: Marks, lang: Lang) -> str:
    head = t("drill.points_of", lang, points=f"{marks.total:g}", max=f"{marks.max_total:g}")
    rows = "".join(f"<tr class='kit-{p.status}' data-part='{p.name}'><td>{_MARK[p.status]}</td>"
                   f"<td>{_e(t(f'drill.part.{p.name}', lang))}</td><td>{p.points:g}/{p.max_points:g}</td>"
                   f"<td>{_e(p.reason(lang))}</td></tr>" for p in marks.parts)
    return f"<div class='kit-marks'><p><b>{_e(head)}</b></p><table>{rows}</table></div>"


def feedback_html(marks: Marks | None, scenario: Scenario | None, lang: Lang, library: Library | None = None) -> str:
    """Right or wrong, each part with its reason, the baseline's answer, and the engine's cited trace."""
    if marks is None or scenario is None:
        return ""
    status = "right" if marks.right else ("partial" if marks.total > 0 else "wrong")
    return (f"<div class='kit-drill-feedback'>"
            f"<div class='kit-drill-verdict kit-{status}'>{_e(t(f'drill.{status}', lang))}</div>"
            f"<h4>{_e(t('drill.marks', lang))}</h4>{marks_html(marks, lang)}"
            f"<h4>{_e(t('drill.key', lang))}</h4>{key_html(scenario, lang)}"
            f"<h4>{_e(t('drill.trace', lang))}</h4>{trace_html(scenario.decision, lang, library)}</div>")


def trace_html(decision: Decision, lang: Lang, library: Library | None = None) -> str:
    """The engine's steps that fired, each with its citation in words (the outcome and ranges are in the key)."""
    items = "".join(f"<li>{_e(in_words(s.text(lang), lang, library))} <small>〔{_e(cite(s, lang, library))}〕</small></li>"
                    for s in decision.trace if s.fired)
    return f"<div class='kit-decision'><ol>{items}</ol></div>"


def score_html(score: Score, queued: int, due: int, lang: Lang) -> str:
    line = t("drill.score_line", lang, answered=score.answered, right=score.right, share=f"{score.share:.0%}",
             points=f"{score.points:g}", max=f"{score.max_points:g}")
    return (f"<div class='kit-drill-score' data-answered='{score.answered}' data-queued='{queued}' "
            f"data-due='{due}'><b>{_e(t('drill.score', lang))}</b>{colon(lang)}{_e(line)}<br>"
            f"<span class='kit-drill-queue'>{_e(t('drill.queue_line', lang, queued=queued, due=due))}</span> "
            f"<span class='kit-drill-meta'>{_e(t('drill.first_counts', lang))}</span></div>")


def error_html(message: str) -> str:
    return f"<div class='kit-drill-error'>{_e(message)}</div>" if message else ""
