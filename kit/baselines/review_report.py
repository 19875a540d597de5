"""The filing review as text (zh/en), JSON and a workbook with one sheet per kind of finding."""

from __future__ import annotations

import json
from pathlib import Path

from ..i18n import DEFAULT_LANG, Lang, t
from .review import KINDS, Finding

_COLUMNS = ("baseline", "file", "line", "path", "higher", "rule")


def _both(key: str) -> str:
    """A workbook header in both languages: ``基准 baseline``."""
    return f"{t(key, 'zh')} {t(key, 'en')}"


def sheet_columns() -> tuple[str, ...]:
    """The header of a kind's sheet: the places and the rule in both languages, then the finding in Chinese and
    in English (one column each)."""
    return (*(_both(f"review.col.{c}") for c in _COLUMNS), t("review.col.finding", "zh"), t("review.col.finding", "en"))


def as_text(findings: list[Finding], lang: Lang = DEFAULT_LANG) -> str:
    if not findings:
        return t("baselines.review_none", lang)
    lines = []
    for kind, title in KINDS.items():
        group = [f for f in findings if f.kind == kind]
        if group:
            lines.append(t("baselines.review_group", lang, kind=title.render(lang), n=len(group)))
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
    overview.title = t("review.overview", "zh")
    overview.append((t("review.col.kind", "zh"), t("review.col.kind", "en"), _both("review.col.count")))
    for kind, title in KINDS.items():
        overview.append((title.render("zh"), title.render("en"), sum(f.kind == kind for f in findings)))
        sheet = wb.create_sheet(title.render("zh"))
        sheet.append(sheet_columns())
        for f in (f for f in findings if f.kind == kind):
            sheet.append((f.baseline, f.file, f.line, f.path, f.higher or "", f.rule, f.zh, f.en))
        sheet.freeze_panes = "A2"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, width in zip("ABCDEFGH", (30, 50, 6, 50, 30, 50, 60, 60)):
            sheet.column_dimensions[column].width = width
    overview.freeze_panes = "A2"
    path = Path(path)
    wb.save(path)
    return path
