"""The assessor's report of a course: ``course_report(course)`` → three tables; ``write_workbook`` → a formatted
Excel file in Chinese (English on request) with the item analysis charted.

Scores come from the gradebook (what nbgrader counts: an assessor's manual score wins over the autograder's);
what was answered, the variant, the lawful answer and the reasons come from the result the kit's autograde step
wrote beside each autograded notebook (``<notebook>.kit.json``); the integrity flags from both."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..i18n import Lang, bilingual, parens, t
from .autograde import RESULT_SUFFIX
from .exam import EXAM_FILE, load_exam
from .results import Flag
from .gradebook import gradebook_frame

DETAIL = ["trainee", "assignment", "attempt", "n", "pool", "variant", "answer", "expected", "outcome_points",
          "fine_points", "points", "max_points", "reason", "flags", "passed"]
TOTALS = ["trainee", "assignment", "exam", "attempt", "points", "max_points", "share", "pass_mark", "passed",
          "flags"]
ITEMS = ["assignment", "pool", "expected_level", "answers", "share_right", "common_wrong", "why"]
"""The columns of the three sheets (their headers are the catalog's ``grading.col_<name>``)."""
PERCENT = {"share", "share_right", "pass_mark"}


@dataclass
class Report:
    detail: pd.DataFrame
    totals: pd.DataFrame
    items: pd.DataFrame
    results: dict  # (trainee, assignment) -> the kit result (dict)


# How a question's reasons join in the workbook: Chinese ones run on after a 分号, English ones after a space.
_REASON_SEP: dict[Lang, str] = {"zh": "；", "en": " "}

def _results(course: Path) -> dict:
    out = {}
    for path in sorted((course / "autograded").glob(f"*/*/*{RESULT_SUFFIX}")):
        trainee, assignment = path.parent.parent.name, path.parent.name
        out[(trainee, assignment)] = json.loads(path.read_text(encoding="utf-8"))
    return out


def course_report(course: str | Path, lang: Lang = "zh") -> Report:
    """The report of the course folder ``course`` (its ``gradebook.db`` and ``autograded/``)."""
    course = Path(course)
    scores = gradebook_frame(course / "gradebook.db")
    results = _results(course)
    sep = t("common.semicolon", lang)
    detail, totals = [], []
    for (trainee, assignment), group in scores.groupby(["trainee", "assignment"], sort=True):
        result = results.get((trainee, assignment))
        exam_file = course / "source" / assignment / EXAM_FILE
        if result is None or not exam_file.exists():
            continue
        exam = load_exam(exam_file)
        labels = {p.id: bilingual(p.label, lang) for p in exam.pools}
        labels["drafting"] = t("grading.outcome_drafting", lang)
        # the flags as the result file records them (a code and a cell), said in the report's language: the
        # gradebook's comments carry the same flags in the course's language only
        flagged = [Flag(f["code"], f.get("cell")) for f in result.get("flags", [])]
        flags = [f.text(lang) for f in flagged]
        points, top = float(group["score"].sum()), float(group["max_score"].sum())
        passed = top > 0 and points >= exam.pass_mark * top - 1e-9
        by_part = {(int(r.n), r.part): r.score for r in group.itertuples() if r.n is not None and r.n == r.n}
        for q in result["questions"]:
            parts = {p["part"]: p for p in q["parts"]}
            got = [by_part.get((q["n"], name), 0.0) for name in parts]
            reason = _REASON_SEP[lang].join(p[lang].rstrip("。") for p in q["parts"] if p["status"] != "right")
            detail.append({
                "trainee": trainee, "assignment": assignment, "attempt": exam.attempt, "n": q["n"],
                "pool": labels.get(q["pool"], q["pool"]), "variant": q["case_id"], "answer": q[f"given_{lang}"],
                "expected": q[f"expected_{lang}"],
                "outcome_points": by_part.get((q["n"], "outcome")), "fine_points": by_part.get((q["n"], "fine")),
                "points": sum(got), "max_points": sum(p["max_points"] for p in q["parts"]),
                "reason": reason or t("grading.all_right", lang),
                "flags": sep.join(f.text(lang) for f in flagged if f.cell == f"answer-{q['n']}"),
                "passed": passed, "_right": all(p["status"] == "right" for p in q["parts"]),
                "_level": q["expected_level"], "_wrong_reason": next(
                    (p[lang] for p in q["parts"] if p["status"] == "wrong"), "")})
        totals.append({"trainee": trainee, "assignment": assignment, "exam": bilingual(exam.title, lang),
                       "attempt": exam.attempt, "points": points, "max_points": top,
                       "share": points / top if top else 0.0, "pass_mark": exam.pass_mark, "passed": passed,
                       "flags": sep.join(flags)})
    frame = pd.DataFrame(detail)
    items = []
    if not frame.empty:
        for (assignment, pool, level), g in frame.groupby(["assignment", "pool", "_level"], sort=True):
            wrong = g[~g["_right"]]
            common = Counter(wrong["answer"]).most_common(3)
            why = Counter(r for r in wrong["_wrong_reason"] if r).most_common(1)
            items.append({"assignment": assignment, "pool": pool, "expected_level": t(f"grading.outcome_{level}", lang),
                          "answers": len(g), "share_right": float(g["_right"].mean()),
                          "common_wrong": sep.join(a + parens(str(c), lang) for a, c in common),
                          "why": why[0][0] if why else ""})
    visible = frame[DETAIL] if not frame.empty else pd.DataFrame(columns=DETAIL)
    return Report(visible, pd.DataFrame(totals, columns=TOTALS), pd.DataFrame(items, columns=ITEMS), results)


def write_workbook(report: Report, path: str | Path, lang: Lang = "zh") -> Path:
    """The formatted workbook: frozen header, widths, filters, percentages, and a chart of the item analysis."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(t("grading.export_suffix", lang, path=path.name))
    wb = Workbook()
    sheets = [("sheet_totals", report.totals, TOTALS), ("sheet_detail", report.detail, DETAIL),
              ("sheet_items", report.items, ITEMS)]
    wb.remove(wb.active)
    head_fill = PatternFill("solid", fgColor="1F4E78")
    for key, frame, columns in sheets:
        ws = wb.create_sheet(t(f"grading.{key}", lang))
        ws.append([t(f"grading.col_{c}", lang) for c in columns])
        for row in frame.itertuples(index=False):
            ws.append([_cell(v, c, lang) for v, c in zip(row, columns)])
        for i, c in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=i)
            cell.font, cell.fill = Font(bold=True, color="FFFFFF"), head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            width = max([_width(cell.value)] + [_width(ws.cell(row=r, column=i).value)
                                                 for r in range(2, min(ws.max_row, 200) + 1)])
            ws.column_dimensions[cell.column_letter].width = min(max(width + 2, 8), 60)
            if c in PERCENT:
                ws.column_dimensions[cell.column_letter].width = max(_width(cell.value) + 2, 9)
                for r in range(2, ws.max_row + 1):
                    ws.cell(row=r, column=i).number_format = "0%"
            if c in ("reason", "why", "common_wrong", "expected", "flags"):
                for r in range(2, ws.max_row + 1):
                    ws.cell(row=r, column=i).alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        if key == "sheet_items" and ws.max_row > 1:
            chart = BarChart()
            chart.type, chart.title = "bar", t("grading.chart_items", lang)
            chart.y_axis.title, chart.y_axis.number_format = t("grading.col_share_right", lang), "0%"
            col = ITEMS.index("share_right") + 1
            chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=ws.max_row), titles_from_data=True)
            chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=ws.max_row))
            chart.height, chart.width = 3 + 0.7 * ws.max_row, 18
            ws.add_chart(chart, f"{ws.cell(row=1, column=len(ITEMS) + 2).column_letter}2")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _cell(value, column: str, lang: Lang):
    if column == "passed":
        return t("grading.passed" if value else "grading.failed", lang)
    if isinstance(value, float) and value != value:
        return None
    return value


def _width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text[:60])


def summary_text(report: Report, lang: Lang = "zh") -> str:
    if report.totals.empty:
        return t("grading.report_empty", lang)
    lines = [t("grading.report_line", lang, trainee=r.trainee, assignment=r.assignment, attempt=r.attempt,
               points=f"{r.points:g}", max=f"{r.max_points:g}", share=f"{r.share:.0%}",
               verdict=t("grading.passed" if r.passed else "grading.failed", lang))
             + (f" ⚑ {r.flags}" if r.flags else "") for r in report.totals.itertuples()]
    return "\n".join(lines)
