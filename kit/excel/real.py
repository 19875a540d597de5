"""The real libraries shipped in ``kit/baselines/real/``: which original each is imported from, with which
options, and the check that the shipped copy is what the importer makes of the original today.

The originals live in ``data/real-originals/`` of the repository (public government documents, copied from
the project's shared folder; see its README for sources and notes). 深圳's table is published as a PDF: its
CSV is laid out as an agency clerk would type it into Excel (``shenzhen_workbook``) and that workbook is
committed beside it and imported."""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.baselines import REAL_LIBRARIES

from .importer import ImportOptions, import_to_folder

ORIGINALS = Path(__file__).resolve().parents[2] / "data" / "real-originals"


@dataclass(frozen=True)
class RealTable:
    name: str  # kit/baselines/real/<name>
    original: str  # file in data/real-originals
    options: ImportOptions
    lists: tuple[tuple[str, ImportOptions], ...] = ()  # no-penalty lists imported into <name>/<stem>/


TABLES = [
    RealTable("jiangmen-ecology", "jiangmen-ecology-discretion.xls", ImportOptions(
        authority="jm-sthjj", authority_name="江门市生态环境局", region="440700", sector="生态环境",
        effective_from=dt.date(2020, 3, 1), document="江环〔2020〕10号",
        title="江门市生态环境违法行为行政处罚自由裁量权裁量标准"),
        lists=(("jiangmen-ecology-no-penalty-list.csv", ImportOptions(
            authority="jm-sthjj", sector="生态环境", effective_from=dt.date(2022, 2, 1),
            effective_to=dt.date(2025, 1, 31), document="江环〔2021〕231号",
            title="不予行政处罚的轻微环境违法行为清单", write_authority=False)),)),
    RealTable("shenzhen-urban", "shenzhen-urban-management-discretion-2023.xlsx", ImportOptions(
        authority="sz-cgj", authority_name="深圳市城市管理和综合执法局", region="440300", sector="城市管理",
        effective_from=dt.date(2023, 12, 15), document="深城管规〔2023〕2号",
        title="深圳市城市管理行政处罚裁量权实施标准（2023年版）")),
    RealTable("shanghai-fire", "shanghai-fire-safety-discretion-2022.csv", ImportOptions(
        authority="sh-gaj", authority_name="上海市公安局", authority_level="provincial", region="310000",
        sector="消防安全", effective_from=dt.date(2022, 8, 2), document="沪公行规〔2022〕2号",
        title="上海市公安局关于对部分消防安全违法行为实施处罚的裁量基准"),
        lists=(("shanghai-fire-no-penalty-list-2026.csv", ImportOptions(
            authority="sh-xfjy", authority_name="上海市消防救援局", authority_level="provincial", region="310000",
            sector="消防安全", effective_from=dt.date(2026, 1, 13), document="沪消规〔2026〕1号",
            title="上海市消防安全领域依法不予行政处罚清单")),)),
]

SHENZHEN_CSV = "shenzhen-urban-management-discretion-2023.csv"
SHENZHEN_HEADER = ["序号", "违法行为", "设定依据", "处罚种类及幅度", "裁量阶次", "适用条件", "处罚标准"]


def shenzhen_workbook(csv_path: Path, out: Path) -> None:
    """The 深圳 table (CSV, one row per 裁量阶次) as published: one sheet per 法规规章, its name in row 1, the
    header in row 2, 序号 / 违法行为 / 设定依据 merged over an item and 处罚种类及幅度 over its group."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    wb = Workbook()
    wb.remove(wb.active)
    sheets: dict[str, Any] = {}
    for law in dict.fromkeys(r["法规规章"] for r in rows):
        ws = wb.create_sheet(law.strip("《》")[:31])
        ws.append([law])
        ws.append(SHENZHEN_HEADER)
        sheets[law] = ws
    spans: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        ws = sheets[r["法规规章"]]
        ws.append([int(r["序号"]), r["违法行为"], r["设定依据"], r["处罚种类及幅度"], r["裁量阶次"], r["适用条件"],
                   r["处罚标准"]])
        spans.setdefault((r["法规规章"], r["序号"]), []).append(ws.max_row)
        spans.setdefault((r["法规规章"], r["序号"], r["分组序号"]), []).append(ws.max_row)  # type: ignore[arg-type]
    for key, lines in spans.items():
        ws = sheets[key[0]]
        if len(lines) < 2:
            continue
        cols = (1, 2, 3) if len(key) == 2 else (4,)
        for col in cols:
            ws.merge_cells(start_row=lines[0], end_row=lines[-1], start_column=col, end_column=col)
    for ws in sheets.values():
        for letter, width in zip("ABCDEFG", (6, 30, 50, 24, 12, 40, 30), strict=False):
            ws.column_dimensions[letter].width = width
        for line in ws.iter_rows():
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(out)


def import_real(table: RealTable, out: Path) -> list[str]:
    """Import one original into ``out``; the lines of its IMPORT.txt (figures and every row left out)."""
    result = import_to_folder(ORIGINALS / table.original, out, table.options, partial=True)
    lines = [result.summary("en")] + [e.render("en").replace(str(ORIGINALS) + "/", "") for e in result.errors]
    if table.lists:
        from kit.baselines import load_library

        library = load_library(out)
        matters = {m.id: m.name for m in library.matters.values()}
        for original, options in table.lists:
            options = ImportOptions(**{**options.__dict__, "matters": matters})
            listed = import_to_folder(ORIGINALS / original, out / Path(original).stem, options, partial=True)
            lines += [f"{original}: {listed.summary('en')}"] + [e.render("en").replace(str(ORIGINALS) + "/", "")
                                                            for e in listed.errors]
    (out / "IMPORT.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def write_all(target: Path = REAL_LIBRARIES) -> list[str]:
    report = []
    for table in TABLES:
        out = target / table.name
        if out.exists():
            shutil.rmtree(out)
        lines = import_real(table, out)
        report.append(f"{table.name}: {lines[0]}")
    return report


def _same_tree(a: Path, b: Path) -> bool:
    fa = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    fb = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return fa == fb and all(filecmp.cmp(a / p, b / p, shallow=False) for p in fa)


def check_all(target: Path = REAL_LIBRARIES) -> list[str]:
    """Names of the shipped libraries that differ from a fresh import of their original."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for table in TABLES:
            fresh = Path(tmp) / table.name
            import_real(table, fresh)
            if not (target / table.name).is_dir() or not _same_tree(fresh, target / table.name):
                stale.append(table.name)
    return stale
