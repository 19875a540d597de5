"""A constructed scored table (裁量百分值), one block per shape an agency publishes, for the docs and the tests:
docs/templates/scored-example.xlsx. ``python -m kit.excel.scored_template [OUT]`` writes it from the cells of
``scored_example.yaml``.

Every row is constructed (示例，非正式文件): the provisions are written in the style of real ones, not quoted."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

SCORED_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "templates" / "scored-example.xlsx"

EXAMPLE_DATA = Path(__file__).with_name("scored_example.yaml")
"""The example's cells: the 基本信息 sheet, the block header, and per block (序号, 违法行为, 法律依据) and its rows
(裁量要素, 违法程度, 裁量权重)."""


def write(path: Path = SCORED_EXAMPLE) -> Path:
    example = yaml.safe_load(EXAMPLE_DATA.read_text(encoding="utf-8"))
    wb = Workbook()
    info = wb.active
    info.title = "基本信息"
    for key, value in example["info"].items():
        info.append([key, value])
    ws = wb.create_sheet("裁量百分值")
    ws.append([example["title"]])
    for block in example["blocks"]:
        no, act, basis, rows = block["number"], block["act"], block["basis"], block["rows"]
        ws.append(example["header"])  # each block has its own header row
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        first = ws.max_row + 1
        for element, degree, weight in rows:
            ws.append([no, act, basis, element, degree, weight])
        for col in (1, 2, 3):
            ws.merge_cells(start_row=first, end_row=ws.max_row, start_column=col, end_column=col)
        spans: dict[str, list[int]] = {}
        for r in range(first, ws.max_row + 1):
            spans.setdefault(ws.cell(r, 4).value, []).append(r)
        for lines in spans.values():
            if len(lines) > 1:
                ws.merge_cells(start_row=lines[0], end_row=lines[-1], start_column=4, end_column=4)
    for letter, width in zip("ABCDEF", (6, 30, 50, 18, 60, 10), strict=False):
        ws.column_dimensions[letter].width = width
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scored"


def write_fixture(out: Path = FIXTURE) -> None:
    """tests/fixtures/scored: the example imported, for the expert cases of tests/cases/scored-tables.yaml."""
    import shutil

    from .importer import import_to_folder

    shutil.rmtree(out, ignore_errors=True)
    result = import_to_folder(SCORED_EXAMPLE, out)
    if result.errors:
        # the kit's own example table (a developer regenerating a test fixture), never a user's file
        raise RuntimeError("\n".join(map(str, result.errors)))


if __name__ == "__main__":  # pragma: no cover
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else SCORED_EXAMPLE))
    if len(sys.argv) == 1:
        write_fixture()
