"""The workbook a 评查 office works in: one sheet per question, each with a frozen header, filters on every column,
widths fitted to the Chinese text, long notes wrapped, positions as percentages.

Sheets, in order: 汇总 (the figures and the findings by kind with the rule), 机关事项 (per authority and matter),
评查结果 (each decision with findings: as made, the engine's conclusion, the score), 问题明细 (each finding beside
the decision's facts, factors, reasons and approval), 类案不同罚 (the pairs, then every group compared), 离群决定,
退回行 (each rejected row with its problems and cells)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import Lang, t

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
HEADER_FONT = Font(bold=True)
WRAP = {"finding", "rule", "reason", "problems", "group", "engine_outcome", "facts"}
PERCENT = {"median", "spread", "iqr", "position", "others", "diff", "high_median", "low_median", "gap"}
MAX_WIDTH = 60


def _width(text: object) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def _local(frame: pd.DataFrame, lang: Lang) -> tuple[pd.DataFrame, list[str]]:
    keys = list(frame.columns)
    names = [t(f"audit.col.{k}", lang) if not k.startswith("kind:") else t(f"audit.kind.{k[5:]}", lang)
             for k in keys]
    return frame.set_axis(names, axis=1), keys


def sheets(report, lang: Lang) -> list[tuple[str, pd.DataFrame]]:
    """Each sheet's name and its table (column keys, before localising)."""
    figures = pd.DataFrame({"item": [t(f"audit.item.{k}", lang) for k in
                                     ("file", "encoding", "rows_in", "reviewed", "rejected", "failed", "mean_score",
                                      "findings", "evaluations")],
                            "value": [report.file, report.encoding or "—", report.rows_in, report.n_reviewed,
                                      report.n_rejected, report.n_failed, round(report.mean_score, 1),
                                      report.n_findings, report.evaluations]})
    kinds = report.by_kind(lang)[["label", "severity", "points", "rule", "findings"]]
    by = report.by_authority(lang, matter=True)
    kind_cols = {k: f"kind:{k}" for k in report.by_kind(lang)["kind"]}
    by = by.rename(columns=kind_cols)[["authority", "authority_name", "matter", "matter_name", "files",
                                       "with_findings", "failed", "mean_score", "findings", *kind_cols.values()]]
    files = report.files(lang)
    found = report.findings_frame(lang)[["row", "case_no", "authority_name", "matter_name", "label", "severity", "points",
                                         "finding", "level", "fine", "facts", "factors", "reason", "approval"]]
    c = report.consistency
    pairs = c.pairs.assign(group=c.pairs["group"].map(lambda g: report.group_text(g, lang)),
                           high=c.pairs["high"].map(lambda a: report._authority(a, lang)),
                           low=c.pairs["low"].map(lambda a: report._authority(a, lang)))
    groups = c.groups.assign(group=c.groups["group"].map(lambda g: report.group_text(g, lang)))
    groups = groups[["group", "n", "authorities", "median", "spread", "iqr", "outliers"]]
    outliers = c.outliers.assign(group=c.outliers["group"].map(lambda g: report.group_text(g, lang)),
                                 authority=c.outliers["authority"].map(lambda a: report._authority(a, lang)))
    outliers = outliers[["row", "case_no", "authority", "group", "fine", "position", "z"]]
    return [("summary", figures), ("summary+kinds", kinds), ("by_authority", by), ("files", files),
            ("findings", found), ("consistency", pairs), ("consistency+groups", groups), ("outliers", outliers),
            ("rejected", report.rejected_frame(lang))]


def write(report, path: Path, lang: Lang) -> Path:
    blocks: dict[str, list[pd.DataFrame]] = {}
    for name, frame in sheets(report, lang):
        blocks.setdefault(name.split("+")[0], []).append(frame)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frames in blocks.items():
            title = t(f"audit.sheet.{name}", lang)
            start, formats = 0, []
            for frame in frames:
                local, keys = _local(frame, lang) if name != "rejected" else (frame, list(frame.columns))
                local.to_excel(writer, sheet_name=title, index=False, startrow=start)
                formats.append((start, local, keys))
                start += len(local) + 2
            _format(writer.sheets[title], formats)
    return path


def _format(ws, blocks: list[tuple[int, pd.DataFrame, list[str]]]) -> None:
    widths: dict[int, int] = {}
    for start, frame, keys in blocks:
        for j, (name, key) in enumerate(zip(frame.columns, keys, strict=False), start=1):
            cell = ws.cell(row=start + 1, column=j)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            sample = frame.iloc[:300, j - 1].map(_width) if len(frame) else pd.Series([0])
            width = max(_width(name) + 2, int(sample.quantile(0.9)) + 2 if len(sample) and key not in PERCENT
                        and key != "z" else 8)
            widths[j] = min(MAX_WIDTH, max(widths.get(j, 0), width))
            if key == "z":
                for row in ws.iter_rows(min_row=start + 2, max_row=start + 1 + len(frame), min_col=j, max_col=j):
                    row[0].number_format = "0.0"
            if key in WRAP or key in PERCENT or key == "value":
                for row in ws.iter_rows(min_row=start + 2, max_row=start + 1 + len(frame), min_col=j, max_col=j):
                    for c in row:
                        if key in WRAP:
                            c.alignment = Alignment(wrap_text=True, vertical="top")
                        elif key in PERCENT:
                            c.number_format = "0%"
                        else:
                            c.alignment = Alignment(horizontal="left")
    for j, width in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = width
    first, frame, _ = blocks[0]
    ws.freeze_panes = ws.cell(row=first + 2, column=1)
    last = blocks[-1]
    ws.auto_filter.ref = (f"A{last[0] + 1}:{get_column_letter(max(1, len(last[1].columns)))}"
                          f"{last[0] + 1 + max(1, len(last[1]))}")
