"""HTML of the drill page: the case card, the feedback (marks, the baseline's answer, the cited trace) and the
score. Plain functions of the session's values; the widgets only put these strings on screen.

The feedback reuses what the kit's results show of themselves: ``Marks._repr_html_`` and
``Decision._repr_html_`` (the engine's trace, each step with its citation)."""

from __future__ import annotations

import html

from ..engine.decision import Decision, money
from ..grading import Marks
from ..scenarios import Scenario, Template
from .session import Score
from .texts import answer_label, text

STYLE = """<style>
.kit-drill-case {border-left: 4px solid #6b8fb3; background: #f6f8fb; padding: .4em .9em; margin: .3em 0;
  line-height: 1.7; max-width: 60em}
.kit-drill-case p {margin: .35em 0}
.kit-drill-meta {color: #555; font-size: 90%}
.kit-drill-verdict {font-size: 130%; font-weight: bold; padding: .3em .6em; border-radius: 4px; display: inline-block}
.kit-drill-verdict.kit-right {background: #e3f4e1; color: #1e6b1e}
.kit-drill-verdict.kit-partial {background: #fff4d6; color: #7a5a00}
.kit-drill-verdict.kit-wrong {background: #fbe3e3; color: #a11d1d}
.kit-drill-feedback {line-height: 1.6; max-width: 60em}
.kit-drill-feedback table {border-collapse: collapse; margin: .3em 0}
.kit-drill-feedback td, .kit-drill-feedback th {border: 1px solid #ccd; padding: .2em .5em; vertical-align: top;
  text-align: left}
.kit-drill-feedback tr.kit-right td:first-child {color: #1e6b1e; font-weight: bold}
.kit-drill-feedback tr.kit-partial td:first-child {color: #7a5a00; font-weight: bold}
.kit-drill-feedback tr.kit-wrong td:first-child {color: #a11d1d; font-weight: bold}
.kit-drill-feedback .kit-marks td:nth-child(-n+3) {white-space: nowrap}
.kit-drill-feedback h4 {margin: .8em 0 .2em 0}
.kit-drill-feedback .kit-decision ol li {margin: .2em 0}
.kit-drill-score {background: #eef2f7; padding: .3em .8em; border-radius: 4px; display: inline-block}
.kit-drill-error {color: #a11d1d}
</style>"""


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _paren(inner: str, lang: str) -> str:
    return f"（{inner}）" if lang == "zh" else f"({inner})"


def header_html(lang: str) -> str:
    """The page's introduction (the notebook's markdown cell carries the title)."""
    return f"<div class='kit-drill'><p class='kit-drill-meta'>{html.escape(text('intro', lang))}</p></div>"


def case_html(scenario: Scenario | None, template: Template | None, lang: str) -> str:
    """The case card: title, difficulty and case id, then the narrative (which ends with 示例案例，非正式文件)."""
    if scenario is None:
        return f"<div class='kit-drill-empty'>{html.escape(text('no_case', lang))}</div>"
    title = (template.title.zh if lang == "zh" else template.title.en) if template else scenario.template_id
    case_id = html.escape(scenario.case.id)
    meta = (f"{html.escape(text(f'difficulty.{scenario.difficulty}', lang))} · {html.escape(text('case_id', lang))} "
            f"<code class='kit-drill-case-id'>{case_id}</code>")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in scenario.narrative(lang).splitlines()
                         if line.strip())
    return (f"<div class='kit-drill-case' data-case-id='{case_id}'>"
            f"<p><b>{html.escape(text('case', lang))}{_colon(lang)}{html.escape(title)}</b> "
            f"<span class='kit-drill-meta'>{_paren(meta, lang)}</span></p>{paragraphs}</div>")


def _range(decision: Decision, level, lang: str) -> str:
    fine_range = decision.acceptable.get(level)
    return fine_range.text(lang) if fine_range is not None else text("no_fine", lang)


def key_html(scenario: Scenario, lang: str) -> str:
    """The baseline's answer: the engine's outcome and suggested fine, each lawful outcome with its range."""
    d, colon = scenario.decision, _colon(lang)
    head = f"{html.escape(text('engine_outcome', lang))}{colon}<b>{html.escape(d.outcome(lang))}</b>"
    if d.suggested_fine is not None:
        head += (f"{'；' if lang == 'zh' else '; '}{html.escape(text('suggested', lang))}{colon}"
                 f"<b>{money(d.suggested_fine)}{text('yuan', lang)}</b>")
    if d.transfer:
        rows = [(answer_label("transfer", lang), text("no_fine", lang))]
    else:
        rows = [(lv.label(lang), _range(d, lv, lang)) for lv in d.acceptable_levels]
    body = "".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in rows)
    parts = [f"<p>{head}</p>", f"<p>{html.escape(text('lawful', lang))}{colon}</p><table>{body}</table>"]
    if scenario.distractors:
        items = "".join(f"<li>{html.escape(x.why.zh if lang == 'zh' else x.why.en)}</li>"
                        for x in scenario.distractors)
        parts.append(f"<p>{html.escape(text('distractors', lang))}{colon}</p><ul>{items}</ul>")
    return "".join(parts)


def feedback_html(marks: Marks | None, scenario: Scenario | None, lang: str) -> str:
    """Right or wrong, each part with its reason, the baseline's answer, and the engine's cited trace."""
    if marks is None or scenario is None:
        return ""
    status = "right" if marks.right else ("partial" if marks.total > 0 else "wrong")
    return (f"<div class='kit-drill-feedback'>"
            f"<div class='kit-drill-verdict kit-{status}'>{html.escape(text(status, lang))}</div>"
            f"<h4>{html.escape(text('marks', lang))}</h4>{marks._repr_html_(lang)}"
            f"<h4>{html.escape(text('key', lang))}</h4>{key_html(scenario, lang)}"
            f"<h4>{html.escape(text('trace', lang))}</h4>{scenario.decision._repr_html_(lang)}</div>")


def score_html(score: Score, lang: str) -> str:
    return (f"<div class='kit-drill-score'><b>{html.escape(text('score', lang))}</b>{_colon(lang)}"
            f"{html.escape(score.text(lang))} "
            f"<span class='kit-drill-meta'>{html.escape(text('first_counts', lang))}</span></div>")


def error_html(message: str) -> str:
    return f"<div class='kit-drill-error'>{html.escape(message)}</div>" if message else ""
