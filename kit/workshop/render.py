"""HTML and the chart of the workshop pages: plain functions of the service's values."""

from __future__ import annotations

import base64
import html
import io

import pandas as pd

from ..scenarios import Scenario
from .service import Reveal

STYLE = """<style>
.kit-ws-case {border-left: 4px solid #6b8fb3; background: #f6f8fb; padding: .4em .9em; margin: .3em 0;
  line-height: 1.7; max-width: 60em}
.kit-ws-case p {margin: .35em 0}
.kit-ws-meta {color: #555; font-size: 90%}
.kit-ws-workshop-code {font-size: 160%; font-weight: bold; letter-spacing: .15em; font-family: monospace}
.kit-ws-error {color: #a11d1d}
.kit-ws-done {background: #e3f4e1; color: #1e6b1e; padding: .3em .6em; border-radius: 4px; display: inline-block}
.kit-ws-table table, .kit-ws-answer table {border-collapse: collapse; margin: .3em 0}
.kit-ws-table td, .kit-ws-table th, .kit-ws-answer td, .kit-ws-answer th {border: 1px solid #ccd;
  padding: .2em .5em; text-align: left; vertical-align: top}
</style>"""

CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "DejaVu Sans"]


def error_html(message: str) -> str:
    return f"<div class='kit-ws-error'>{html.escape(message)}</div>" if message else ""


def case_html(scenario: Scenario | None, number: int | None, lang: str = "zh") -> str:
    if scenario is None:
        return (f"<div class='kit-ws-empty'>{'尚未开始本轮案例。' if lang == 'zh' else 'No round yet.'}</div>")
    head = f"第{number}轮" if lang == "zh" else f"Round {number}"
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in scenario.narrative(lang).splitlines()
                         if line.strip())
    case_id = html.escape(scenario.case.id)
    return (f"<div class='kit-ws-case' data-case-id='{case_id}' data-round='{number}'><p><b>{head}</b> "
            f"<span class='kit-ws-meta'><code>{case_id}</code></span></p>{paragraphs}</div>")


def spread_table_html(frame: pd.DataFrame, *, revealed: bool, lang: str = "zh") -> str:
    """The spread as a table; the share judged lawful only once the round is revealed (the room sees the
    screen)."""
    zh = lang == "zh"
    heads = ["处理结果" if zh else "outcome", "人数" if zh else "count", "占比" if zh else "share",
             "罚款最低" if zh else "fine min", "下四分位" if zh else "q25", "中位数" if zh else "median",
             "上四分位" if zh else "q75", "最高" if zh else "max"] + (["合法占比" if zh else "lawful"] if revealed else [])

    def yuan(x: float) -> str:
        return "—" if pd.isna(x) else f"{x:,.0f}"

    rows = []
    for key, r in frame.iterrows():
        cells = [r["label"], str(int(r["count"])), f"{r['share']:.0%}", *(yuan(r[c]) for c in
                 ("fine_min", "fine_q25", "fine_median", "fine_q75", "fine_max"))]
        if revealed:
            cells.append("—" if pd.isna(r["lawful_share"]) else f"{r['lawful_share']:.0%}")
        rows.append(f"<tr data-level='{key}'>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    return f"<div class='kit-ws-table'><table><tr>{head}</tr>{''.join(rows)}</table></div>"


def spread_chart_png(frame: pd.DataFrame, lang: str = "zh") -> bytes:
    """A bar chart of the answers per outcome (matplotlib, no pyplot: safe in any kernel)."""
    from matplotlib.figure import Figure
    import matplotlib

    with matplotlib.rc_context({"font.sans-serif": CJK_FONTS, "axes.unicode_minus": False}):
        fig = Figure(figsize=(6, 2.8), dpi=100)
        ax = fig.add_subplot()
        ax.bar(list(frame["label"]), list(frame["count"]), color="#6b8fb3")
        ax.set_ylabel("人数" if lang == "zh" else "answers")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.tick_params(axis="x", labelsize=9)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def spread_chart_html(frame: pd.DataFrame, lang: str = "zh") -> str:
    data = base64.b64encode(spread_chart_png(frame, lang)).decode("ascii")
    return f"<img class='kit-ws-chart' alt='spread' src='data:image/png;base64,{data}'/>"


def reveal_html(result: Reveal, lang: str = "zh") -> str:
    """The engine's decision with its cited trace, then each participant's answer and marks."""
    zh = lang == "zh"
    rows = []
    for name, marks in result.marks.items():
        status = "right" if marks.right else ("partial" if marks.total > 0 else "wrong")
        reasons = "；".join(p.reason(lang) for p in marks.parts)
        fine = f"{marks.answer.fine:,.0f}" if marks.answer.fine else "—"
        rows.append(f"<tr class='kit-{status}' data-participant='{html.escape(name)}'><td>{html.escape(name)}</td>"
                    f"<td>{html.escape(marks.answer.label(lang))}</td><td>{fine}</td>"
                    f"<td>{marks.total:g}/{marks.max_total:g}</td><td>{html.escape(reasons)}</td></tr>")
    heads = ["学员", "处理结果", "罚款（元）", "得分", "评判理由"] if zh else \
        ["participant", "outcome", "fine", "points", "why"]
    head = "".join(f"<th>{h}</th>" for h in heads)
    title_decision = "引擎结论与推理过程" if zh else "The engine's decision and reasoning"
    title_marks = "逐人评判" if zh else "Marks per participant"
    return (f"<div class='kit-ws-answer'><h4>{title_decision}</h4>{result.decision._repr_html_(lang)}"
            f"<h4>{title_marks}</h4><table class='kit-ws-marks'><tr>{head}</tr>{''.join(rows)}</table></div>")
