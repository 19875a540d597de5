"""A table sheet → items: find the header row, fill "blank means same as above" for the item's own cells
(序号, 违法行为, 违法依据, 处罚依据, 标注), and group the rows into items (one 序号, or one 基准编号)."""

from __future__ import annotations

import re

from kit.i18n.message import msg

from .context import Context, Item, Row
from .vocabulary import HEADERS
from .workbook import Grid


def _norm_header(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header(grid: Grid) -> tuple[int, dict[str, int], dict[str, str]] | None:
    lookup = {name: key for key, names in HEADERS.items() for name in names}
    for r in range(min(8, len(grid.cells))):
        cols: dict[str, int] = {}
        labels: dict[str, str] = {}
        for c, text in enumerate(grid.cells[r]):
            key = lookup.get(_norm_header(text))
            if key and key not in cols:
                cols[key], labels[key] = c, _norm_header(text)
        if "standard" in cols and ("act" in cols or "baseline" in cols):
            return r, cols, labels
    return None


def read_table(grid: Grid, ctx: Context) -> list[Item]:
    if not any(any(c for c in row) for row in grid.cells):
        return []  # an empty sheet (Sheet4, Sheet5 of many published files)
    found = _header(grid)
    if found is None:
        ctx.error(None, None, msg("excel_import.table.no_header"), msg("excel_import.table.no_header.expected"),
                  msg("excel_import.none"), sheet=grid.name, line=1)
        return []
    header_row, cols, labels = found
    ctx.layouts[grid.name] = dict(labels)  # the header names chosen for this sheet, reported by the command
    title = " ".join(dict.fromkeys(t for r in range(header_row) for t in grid.cells[r] if t)).strip()
    group_key = "baseline" if "baseline" in cols else "no" if "no" in cols else None
    items: list[Item] = []
    previous: dict[str, str] = {}
    for r in range(header_row + 1, len(grid.cells)):
        cells = {k: grid.value(r, c) for k, c in cols.items()}
        if not any(cells.values()):
            continue
        if all(_norm_header(cells[k]) == labels[k] for k in cols if cells.get(k)) and \
                sum(1 for k in cols if _norm_header(cells.get(k, "")) == labels[k]) >= 2:
            continue  # the header repeated inside the table (a page break of the source): never a tier
        row = Row(grid.name, r + 1, cells, cols, labels)
        key = cells.get(group_key, "") if group_key else ""
        group_split = False
        new_item = bool(key) and (not items or key != items[-1].key.split("/")[0] or (group_key == "no" and (r, cols["no"])
                                                                        not in grid.merged and key != previous.get("no")))
        if group_key is None and not items:
            new_item, key = True, "1"
        if (not new_item and items and cells.get("statutory") and previous.get("statutory")
                and cells["statutory"] != previous["statutory"]):  # another 处罚种类及幅度: a group of its own
            new_item, group_split = True, True
            key = f"{items[-1].key.split('/')[0]}/{sum(1 for i in items if i.key.split('/')[0] == key) + 1}"
        if not new_item and not items:
            ctx.error(row, group_key, msg("excel_import.table.group_empty", column=labels.get(group_key, "序号")),
                      msg("excel_import.table.group_empty.expected"), msg("excel_import.empty_cell"))
            continue
        if new_item:
            items.append(Item(key, grid.name, title))
            previous = {k: v for k, v in previous.items() if k != "statutory"} if group_split else {}
        for k in ("no", "act", "breach", "basis", "statutory", "label"):  # blank means same as above, within an item
            if k in cells and not cells[k] and previous.get(k):
                cells[k] = previous[k]
        previous.update({k: v for k, v in cells.items() if v and k in ("no", "act", "breach", "basis", "statutory",
                                                                             "label")})
        items[-1].rows.append(row)
    return items


