"""``import_workbook``: a published baseline table (.xlsx or .xls) → library files, or every problem located
at its sheet, row and column. Nothing is written unless every row imports (or, with ``partial``, the tiers
whose rows all import are written, each item with the tiers it has left, and the other rows listed).

Steps, in order, one module each:
1. read the workbook (``workbook``: merged cells filled from their top-left cell);
2. read the metadata sheets if present (``meta``: 基本信息, 制定机关, 裁量因子, 事项, 基准, 清单);
3. per table sheet: find the header row, fill "blank means same as above", group rows into items (``table``);
4. group each item's rows into blocks and tiers and read every 裁量标准 (``tiers``, ``phrases``);
5. build matters and baselines (``build``), validate them with the library loader's own checks and map its
   errors back to rows (``validate``).
"""

from __future__ import annotations

from pathlib import Path

from kit.baselines.errors import LoadError, show
from kit.i18n.message import Msg, msg

from . import grid as grid_table
from . import lists, prose, records, scored
from .build import build_item
from .context import Context, ImportOptions, ImportResult, Item
from .meta import apply_info, common_files, read_meta
from .table import read_table
from .tiers import tier_name
from .validate import validate
from .workbook import read_workbook
from .writer import write_library

__all__ = ["ImportOptions", "ImportResult", "import_to_folder", "import_workbook"]


def import_workbook(path: str | Path, options: ImportOptions | None = None) -> ImportResult:
    """Read ``path`` and build the library files; ``result.errors`` lists every problem found."""
    path = Path(path)
    ctx = Context(str(path), options or ImportOptions())
    result = ImportResult()
    try:
        grids = read_workbook(path)
    except (ValueError, OSError) as exc:
        result.errors.append(LoadError(str(path), None, None, "", msg("excel_import.read_failed"),
                                       msg("excel_import.read_failed.expected"),
                                       exc.args[0] if exc.args and isinstance(exc.args[0], Msg) else str(exc)))
        return result
    meta = read_meta(grids, ctx)
    apply_info(meta.pop("info", {}), ctx)
    items = []
    scored_blocks = []
    list_grids = []
    grid_sheets = []
    for grid in grids:
        if grid.name in records.META_SHEETS or grid.name == records.INFO_SHEET:
            continue
        if prose.is_prose(grid):  # a table transcribed from prose (上海): 裁量情节 / 适用情形 / 处罚标准_基准原文
            grid = prose.to_table(grid)
        if scored.is_scored(grid):  # 违法行为 | 裁量要素 | 违法程度 | 裁量权重 (裁量百分值)
            scored_blocks.extend(scored.blocks(grid))
            continue
        if lists.is_list(grid):  # 序号 | 类别 | 违法行为 | 违反条款 | 不予处罚的情节
            list_grids.append(grid)
            continue
        if grid_table.is_grid(grid):  # 违法程度 × a second dimension: one tier per cell
            grid_sheets.append(grid)
            continue
        items.extend(read_table(grid, ctx))
    built = [b for b in (build_item(item, meta, ctx) for item in items) if b is not None]
    result.rows_total = sum(len(i.rows) for i in items)
    result.items_total = len(items)
    files = common_files(meta, ctx)
    scored_rows = _scored(scored_blocks, files, ctx, result)
    for sheet in grid_sheets:
        out, rows, ok = grid_table.read_grid(sheet, ctx)
        files.update(out)
        result.rows_total += rows
        result.items_total += 1
        result.items_ok += bool(out)
        scored_rows += ok
    # the library's own checks, with their errors mapped back to rows (a failing tier is left out)
    changed = True
    while built and changed:
        built, changed = validate(files, built, ctx)
    for b in built:
        files.update(b.files(ctx))
    scored_rows += _lists(list_grids, files, built, ctx, result)
    result.files = files
    written = {r.at for b in built for r in b.rows}
    _report_unwritten(items, written, ctx)
    result.errors = sorted(ctx.errors, key=lambda e: (e.file, e.path.split("!")[0], e.line or 0, e.column or 0))
    result.failed_rows = dict(ctx.failed)
    result.layouts = dict(ctx.layouts)
    result.rows_ok = len(written) + scored_rows
    result.items_ok += len(built)
    result.rows_parsed = len(ctx.parsed)
    result.written = {(b.baseline_id, t.block, t.no): [r.at for r in rows] for b in built for t, rows in b.tiers}
    return result


def _scored(blocks: list, files: dict, ctx: Context, result: ImportResult) -> int:
    """Scored blocks → files (each block whole or not at all); the rows written."""
    written = 0
    for i, block in enumerate(blocks, start=1):
        result.rows_total += len(block.rows)
        result.items_total += 1
        data = scored.read_block(block, ctx)
        if data is None or not ctx.options.authority or not ctx.options.effective_from or not ctx.options.sector:
            if data is not None:
                ctx.error(block.rows[0], "act", msg("excel_import.scored.no_data"),
                          msg("excel_import.scored.no_data.expected"), msg("excel_import.none_given"))
            for row in block.rows:
                ctx.failed.setdefault(row.at, msg("excel_import.scored.not_imported"))
            continue
        files.update(scored.scored_files(data, i, ctx))
        ctx.parsed.update(r.at for r in block.rows)
        result.items_ok += 1
        written += len(block.rows)
    return written


def _lists(grids: list, files: dict, built: list, ctx: Context, result: ImportResult) -> int:
    """No-penalty lists → lists/ and factors/ files (a list with a problem row is not written); rows written."""
    o = ctx.options
    matters = dict(o.matters or {})
    matters.update({b.derived[0]: b.item.rows[0].get("act") for b in built if b.derived})
    written = 0
    for grid in grids:
        before = len(ctx.errors)
        rows = [r for r in grid.cells[1:] if any(r)]
        result.rows_total += len(rows)
        result.items_total += 1
        if not o.authority or not o.effective_from:
            ctx.error(None, None, msg("excel_import.lists.no_data"), msg("excel_import.lists.no_data.expected"),
                      msg("excel_import.none_given"), sheet=grid.name, line=1)
            continue
        out = lists.read_list(grid, ctx, matters)
        if len(ctx.errors) == before:
            files.update(out)
            written += len(rows)
            result.items_ok += 1
    return written


def _report_unwritten(items: list[Item], written: set[tuple[str, int]], ctx: Context) -> None:
    """Every row not written is listed: with its own problem, or naming the row whose problem kept its tier
    (or its item) out."""
    for item in items:
        for row in item.rows:
            if row.at in written or row.at in ctx.failed:
                continue
            tier = ctx.tier_of.get(row.at)
            culprit = next((r for r in item.rows if tier and ctx.tier_of.get(r.at) == tier and r.at in ctx.failed),
                           None)
            if culprit is not None:
                what = msg("excel_import.unwritten.tier", tier=tier_name(*tier), item=item.key)
                expected = msg("excel_import.unwritten.tier.expected")
            else:
                culprit = next((r for r in item.rows if r.at in ctx.failed), None)
                what = msg("excel_import.unwritten.item", item=item.key)
                expected = msg("excel_import.unwritten.item.expected")
            where = (msg("excel_import.unwritten.row", row=culprit.row) if culprit
                     else msg("excel_import.unwritten.its_item"))
            ctx.error(row, "standard", msg("excel_import.unwritten", what=what, where=where), expected,
                      show(row.get("standard") or row.get("when"), 200))


def import_to_folder(path: str | Path, out: str | Path, options: ImportOptions | None = None, *,
                     partial: bool = False) -> ImportResult:
    """Import and write the library folder: nothing if any problem (unless ``partial``)."""
    result = import_workbook(path, options)
    out = Path(out)
    if out.exists() and any(out.rglob("*.yaml")):
        result.errors.insert(0, LoadError(str(out), None, None, "", msg("excel_import.out_not_empty"),
                                          msg("excel_import.out_not_empty.expected"),
                                          msg("excel_import.out_not_empty.found", n=len(list(out.rglob("*.yaml"))))))
        return result
    if result.errors and not partial:
        return result
    if result.items_ok or not result.errors:
        write_library(result.files, out)
    return result
