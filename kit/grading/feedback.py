"""What a graded cell shows: the outputs nbgrader reads as the grade, and the trainee reads as feedback.

nbgrader's ``determine_grade`` reads a code grade cell's outputs: a ``stderr`` stream means no points, an
``execute_result`` holding a number means that many points, anything else full points. The kit writes those
outputs from a ``QuestionResult`` (instead of running the cell): a wrong part is a ``stderr`` stream with its
reason (no Python traceback, no file path), a partial part a number, a right part a ``stdout`` stream; the first
part of each question also shows the trainee's answer, the lawful answer and the engine's trace."""

from __future__ import annotations

import html

from nbformat.v4 import new_output

from ..i18n import Lang, number, t
from .results import Flag, PartResult, QuestionResult

MARK = {"right": "✓", "partial": "½", "wrong": "✗"}


def part_text(part: PartResult, lang: Lang) -> str:
    return t("grading.feedback_part", lang, mark=MARK[part.status], part=t(f"grading.part_{part.part}", lang),
             points=number(part.points, lang), max=number(part.max_points, lang), reason=part.reason(lang))


def question_html(q: QuestionResult, lang: Lang, flags: list[Flag]) -> str:
    given, expected, trace = getattr(q, f"given_{lang}"), getattr(q, f"expected_{lang}"), getattr(q, f"trace_{lang}")
    rows = "".join(f"<li>{html.escape(line)}</li>" for line in trace)
    flagged = "".join(f"<li>{html.escape(f.text(lang))}</li>" for f in flags)
    parts = "".join(f"<li class='kit-{p.status}'>{html.escape(part_text(p, lang))}</li>" for p in q.parts)
    return (f"<div class='kit-feedback'><p><b>{html.escape(t('grading.feedback_question', lang, n=q.n, case=q.case_id))}"
            f"</b></p><p>{html.escape(t('grading.feedback_given', lang))}：{html.escape(given)}<br>"
            f"{html.escape(t('grading.feedback_expected', lang))}：{html.escape(expected)}</p><ul>{parts}</ul>"
            + (f"<details><summary>{html.escape(t('grading.feedback_trace', lang))}</summary><ol>{rows}</ol></details>"
               if rows else "")
            + (f"<p>{html.escape(t('grading.feedback_flags', lang))}</p><ul>{flagged}</ul>" if flagged else "")
            + "</div>")


def question_text(q: QuestionResult, lang: Lang) -> str:
    given, expected = getattr(q, f"given_{lang}"), getattr(q, f"expected_{lang}")
    return "\n".join([t("grading.feedback_question", lang, n=q.n, case=q.case_id),
                      f"{t('grading.feedback_given', lang)}：{given}", f"{t('grading.feedback_expected', lang)}：{expected}"])


def outputs(q: QuestionResult, part: PartResult, lang: Lang, *, first: bool, flags: list[Flag]) -> list:
    """The outputs of the grade cell of ``part``; ``first``: the question's first graded cell (adds the summary)."""
    out = []
    if first:
        out.append(new_output("display_data", data={"text/html": question_html(q, lang, flags),
                                                    "text/plain": question_text(q, lang)}))
    text = part_text(part, lang) + "\n"
    if part.status == "wrong":
        out.append(new_output("stream", name="stderr", text=text))
    else:
        out.append(new_output("stream", name="stdout", text=text))
        if part.status == "partial":
            out.append(new_output("execute_result", data={"text/plain": repr(round(part.points, 4))},
                                  execution_count=None))
    return out
