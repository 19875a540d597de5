"""The filing review as text (zh/en), JSON and a workbook with one sheet per kind of finding."""

from __future__ import annotations

import json
from pathlib import Path

from ..i18n import Lang, named, t
from .review import KINDS, Finding

SHEET_COLUMNS = ("基准 baseline", "文件 file", "行 line", "位置 path", "上级基准 higher", "依据 rule", "说明", "finding")


def as_text(findings: list[Finding], lang: Lang = "zh") -> str:
    if not findings:
        return t("baselines.review_none", lang)
    lines = []
    for kind, (zh, en) in KINDS.items():
        group = [f for f in findings if f.kind == kind]
        if group:
            lines.append(t("baselines.review_group", lang, kind=named(zh, en, lang), n=len(group)))
            lines.extend("  " + f.text(lang) for f in group)
    conflicts = sum(f.kind == "conflict" for f in findings)
    lines.append(t("baselines.review_total", lang, n=len(findings), conflicts=conflicts))
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def write_xlsx(findings: list[Finding], path: str | Path) -> Path:
    """Sheet 概览 (counts per kind), then one sheet per kind named by its Chinese title, header frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    overview = wb.active
    overview.title = "概览"
    overview.append(("类别", "kind", "数量 count"))
    for kind, (zh, en) in KINDS.items():
        overview.append((zh, en, sum(f.kind == kind for f in findings)))
        sheet = wb.create_sheet(zh)
        sheet.append(SHEET_COLUMNS)
        for f in (f for f in findings if f.kind == kind):
            sheet.append((f.baseline, f.file, f.line, f.path, f.higher or "", f.rule, f.zh, f.en))
        for sheet_ in (sheet,):
            sheet_.freeze_panes = "A2"
            for cell in sheet_[1]:
                cell.font = Font(bold=True)
            for column, width in zip("ABCDEFGH", (30, 50, 6, 50, 30, 50, 60, 60)):
                sheet_.column_dimensions[column].width = width
    overview.freeze_panes = "A2"
    path = Path(path)
    wb.save(path)
    return path
