"""``import_workbook``: a published baseline table (.xlsx or .xls) → library files, or every problem located
at its sheet, row and column. Nothing is written unless every row imports (or, with ``partial``, the items
whose rows all import are written and the others listed).

Steps, in order (each a small function below):
1. read the workbook (merged cells filled from their top-left cell);
2. read the metadata sheets if present (基本信息, 制定机关, 裁量因子, 事项, 基准, 清单);
3. per table sheet: find the header row, fill "blank means same as above", group rows into items (序号 or
   基准编号), items into blocks (类别 restarting at 1 under 逾期/拒不改正 → overdue) and tiers;
4. parse every 裁量标准 (``phrases.parse_standard``);
5. build matters and baselines, validate them with the library loader's own checks, and map its errors
   back to rows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kit.baselines.errors import LibraryError, LoadError, show
from kit.baselines.loader import load_library
from kit.baselines.models import MultipleFine, PerUnitFine, Tier
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK, AuthorityLevel, Level

from . import records
from .phrases import PhraseError, _fine_clause, clauses, parse_standard
from .vocabulary import BASES, HEADERS, OVERDUE_WORDS
from .workbook import Grid, read_workbook, ref
from .writer import write_library

TIER_KEYS = ("fine", "individual_fine", "penalties", "measures", "standard")
LEVEL_KEYS = ("fine", "individual_fine", "penalties")
DEFAULT_LEVEL_NOTE = ("裁量阶次由导入程序按类别位置推定（每段首档从轻、末档从重、其余一般；只有一档为一般），"
                      "原表未分阶次。")


@dataclass
class ImportOptions:
    """What a published table does not say; the 基本信息 sheet or the command line supplies it."""

    authority: str | None = None
    authority_name: str | None = None
    authority_level: str | None = None
    region: str | None = None
    sector: str | None = None
    effective_from: dt.date | None = None
    version: str | None = None
    document: str | None = None
    title: str | None = None
    illustrative: bool = False


@dataclass
class Row:
    sheet: str
    row: int  # 1-based, as Excel shows it
    cells: dict[str, str]
    cols: dict[str, int]
    headers: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def ref(self, key: str | None) -> str:
        col = self.cols.get(key) if key else None
        return ref(self.sheet, self.row, col, self.headers.get(key, "") if key else "")


@dataclass
class Item:
    """One 序号 (or 基准编号) of a table sheet: its rows, in order."""

    key: str
    sheet: str
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class ImportResult:
    files: dict[str, dict] = field(default_factory=dict)  # relative path → file data
    errors: list[LoadError] = field(default_factory=list)
    rows_total: int = 0
    rows_ok: int = 0
    rows_parsed: int = 0
    items_total: int = 0
    items_ok: int = 0
    failed_rows: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.rows_ok / self.rows_total if self.rows_total else 1.0

    def summary(self) -> str:
        parsed = self.rows_parsed / self.rows_total if self.rows_total else 1.0
        return (f"{self.rows_parsed} of {self.rows_total} rows: 裁量标准 read to exact specs ({parsed:.1%}); "
                f"{self.rows_ok} rows written ({self.share:.1%}); "
                f"{self.items_ok} of {self.items_total} items; {len(self.errors)} problem"
                f"{'s' if len(self.errors) != 1 else ''}")


class _Context:
    def __init__(self, file: str, options: ImportOptions):
        self.file = file
        self.options = options
        self.errors: list[LoadError] = []
        self.failed: dict[tuple[str, int], str] = {}
        self.parsed: set[tuple[str, int]] = set()  # rows whose 裁量标准 was read to exact specs

    def error(self, row: Row | None, key: str | None, problem: str, expected: str, found: str,
              *, sheet: str = "", line: int | None = None) -> None:
        if row is not None:
            col = row.cols.get(key) if key else None
            self.errors.append(LoadError(self.file, row.row, None if col is None else col + 1, row.ref(key),
                                         problem, expected, found))
            self.failed.setdefault((row.sheet, row.row), problem)
        else:
            self.errors.append(LoadError(self.file, line, None, sheet, problem, expected, found))


# ---------------------------------------------------------------- entry points


def import_workbook(path: str | Path, options: ImportOptions | None = None) -> ImportResult:
    """Read ``path`` and build the library files; ``result.errors`` lists every problem found."""
    path = Path(path)
    ctx = _Context(str(path), options or ImportOptions())
    result = ImportResult()
    try:
        grids = read_workbook(path)
    except (ValueError, OSError) as exc:
        result.errors.append(LoadError(str(path), None, None, "", "cannot read the workbook",
                                       "an .xlsx or Excel 97 .xls file", str(exc)))
        return result
    meta = _read_meta(grids, ctx)
    _apply_info(meta.pop("info", {}), ctx)
    items = []
    for grid in grids:
        if grid.name in records.META_SHEETS or grid.name == records.INFO_SHEET:
            continue
        items.extend(_read_table(grid, ctx))
    built = [_build_item(item, meta, ctx) for item in items]
    result.rows_total = sum(len(i.rows) for i in items)
    result.items_total = len(items)
    files = _common_files(meta, ctx)
    good = [(item, b) for item, b in zip(items, built) if b is not None
            and not any((r.sheet, r.row) in ctx.failed for r in item.rows)]
    # the library's own checks, with their errors mapped back to rows (partial drops failing items)
    for _ in range(3):
        problems = _validate(files, good, ctx)
        if not problems:
            break
        bad = {id(item) for item, _ in problems}
        good = [(item, b) for item, b in good if id(item) not in bad]
    for item, b in good:
        files.update(b.files)
    result.files = files
    good_ids = {id(item) for item, _ in good}
    for item in items:  # every row not imported is listed, also when another row of its item failed
        if id(item) in good_ids:
            continue
        culprit = next((r for r in item.rows if (r.sheet, r.row) in ctx.failed), None)
        for row in item.rows:
            if (row.sheet, row.row) not in ctx.failed:
                where = f"row {culprit.row}" if culprit else "its item"
                ctx.error(row, "standard", f"not imported: item {item.key} has a problem at {where}",
                          "every row of the item importable", show(row.get("standard") or row.get("when"), 200))
    result.errors = sorted(ctx.errors, key=lambda e: (e.file, e.path.split("!")[0], e.line or 0, e.column or 0))
    result.failed_rows = dict(ctx.failed)
    result.rows_ok = sum(1 for item, _ in good for r in item.rows if (r.sheet, r.row) not in ctx.failed)
    result.items_ok = len(good)
    result.rows_parsed = len(ctx.parsed)
    return result


def import_to_folder(path: str | Path, out: str | Path, options: ImportOptions | None = None, *,
                     partial: bool = False) -> ImportResult:
    """Import and write the library folder: nothing if any problem (unless ``partial``)."""
    result = import_workbook(path, options)
    out = Path(out)
    if out.exists() and any(out.rglob("*.yaml")):
        result.errors.insert(0, LoadError(str(out), None, None, "", "output folder already holds a library",
                                          "an empty or new folder", f"{len(list(out.rglob('*.yaml')))} .yaml files"))
        return result
    if result.errors and not partial:
        return result
    if result.items_ok or not result.errors:
        write_library(result.files, out)
    return result


# ---------------------------------------------------------------- metadata sheets


def _read_meta(grids: list[Grid], ctx: _Context) -> dict[str, Any]:
    meta: dict[str, Any] = {"authorities": [], "factors": [], "matters": {}, "baselines": {}, "lists": [],
                            "matter_files": []}
    for grid in grids:
        if grid.name == records.INFO_SHEET:
            meta["info"] = {grid.value(r, 0): grid.value(r, 1) for r in range(len(grid.cells)) if grid.value(r, 0)}
            continue
        if grid.name not in records.META_SHEETS:
            continue
        kind, model, skip = records.META_SHEETS[grid.name]
        keys_row = next((r for r in range(min(3, len(grid.cells))) if "id" in grid.cells[r]), None)
        if keys_row is None:
            ctx.error(None, None, "metadata sheet without a key row", "a row of keys (id, …)", "none",
                      sheet=grid.name)
            continue
        keys = grid.cells[keys_row]
        for r in range(keys_row + 1, len(grid.cells)):
            cells = {k: grid.value(r, c) for c, k in enumerate(keys) if k}
            if not any(cells.values()):
                continue
            data, problems = records.decode(model, cells)
            for key, problem in problems:
                ctx.errors.append(LoadError(ctx.file, r + 1, keys.index(key) + 1,
                                            ref(grid.name, r + 1, keys.index(key), key), problem,
                                            "JSON (a list [..] or mapping {..})", show(cells[key])))
            try:
                node = model.model_validate(data)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    key = str(err["loc"][0]) if err["loc"] else "id"
                    col = keys.index(key) if key in keys else None
                    ctx.errors.append(LoadError(ctx.file, r + 1, None if col is None else col + 1,
                                                ref(grid.name, r + 1, col, key),
                                                f"{'.'.join(map(str, err['loc']))}: {err['msg']}",
                                                "a value of the library format", show(err.get("input"))))
                continue
            if kind == "authorities":
                meta["authorities"].append(node)
            elif kind == "factors":
                meta["factors"].append(node)
            elif kind == "matter":
                meta["matters"][node.id] = node
            elif kind == "baseline":
                meta["baselines"][node.id] = (node, r + 1)
            else:
                meta["lists"].append(node)
    meta["matter_files"] = [(m.id, {"format_version": 1, "matter": m}) for m in meta["matters"].values()]
    return meta


def _apply_info(info: dict[str, str], ctx: _Context) -> None:
    """基本信息 fills options the command line did not give."""
    o = ctx.options
    for label, value in info.items():
        key = records.INFO_KEYS.get(label.strip())
        if key is None or not value or getattr(o, key) not in (None, False):
            continue
        if key == "effective_from":
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                ctx.error(None, None, "施行日期 not a date", "YYYY-MM-DD", show(value), sheet=records.INFO_SHEET)
                continue
        if key == "illustrative":
            value = value.strip() in ("是", "true", "1", "yes", ILLUSTRATIVE_MARK)
        setattr(o, key, value)


def _common_files(meta: dict, ctx: _Context) -> dict[str, dict]:
    o = ctx.options
    authorities = list(meta["authorities"])
    if o.authority and not any(a.id == o.authority for a in authorities):
        from kit.baselines.models import Authority

        level = o.authority_level or _authority_level(o.authority_name or "")
        try:
            authorities.append(Authority(id=o.authority, name=o.authority_name or o.authority,
                                         level=AuthorityLevel(level), region=o.region or "000000",
                                         sector=o.sector, disclaimer=ILLUSTRATIVE_MARK if o.illustrative else None))
        except (ValidationError, ValueError) as exc:
            ctx.error(None, None, "authority options not valid", "--authority ID (letters, digits, -), "
                      "--authority-level national|provincial|municipal|county, --region six digits",
                      str(exc).splitlines()[0])
    files: dict[str, dict] = {}
    if authorities:
        files["authorities.yaml"] = {"format_version": 1, "authorities": authorities}
    if meta["factors"]:
        files["factors.yaml"] = {"format_version": 1, "factors": list(meta["factors"])}
    for matter_id, data in meta["matter_files"]:
        files[f"matters/{matter_id}.yaml"] = data
    for lst in meta["lists"]:
        files[f"lists/{lst.id}.yaml"] = {"format_version": 1, "exemption_list": lst}
    return files


def _authority_level(name: str) -> str:
    """Documented default: 部/总局 national, 省/厅 provincial, 区/县 county, otherwise municipal."""
    if re.search(r"部$|总局$|国家", name):
        return "national"
    if re.search(r"省|自治区|厅$", name) and "市" not in name:
        return "provincial"
    if re.search(r"[区县]", name.replace("自治区", "")) and "市" not in name[-6:]:
        return "county"
    return "municipal"


# ---------------------------------------------------------------- table sheets


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


def _read_table(grid: Grid, ctx: _Context) -> list[Item]:
    if not any(any(c for c in row) for row in grid.cells):
        return []  # an empty sheet (Sheet4, Sheet5 of many published files)
    found = _header(grid)
    if found is None:
        ctx.error(None, None, "no header row", "a row with 违法行为 and 裁量标准 (or 具体标准) in the first 8 rows",
                  "none", sheet=grid.name, line=1)
        return []
    header_row, cols, labels = found
    title = " ".join(dict.fromkeys(t for r in range(header_row) for t in grid.cells[r] if t)).strip()
    group_key = "baseline" if "baseline" in cols else "no" if "no" in cols else None
    items: list[Item] = []
    previous: dict[str, str] = {}
    for r in range(header_row + 1, len(grid.cells)):
        cells = {k: grid.value(r, c) for k, c in cols.items()}
        if not any(cells.values()):
            continue
        row = Row(grid.name, r + 1, cells, cols, labels)
        key = cells.get(group_key, "") if group_key else ""
        new_item = bool(key) and (not items or key != items[-1].key or (group_key == "no" and (r, cols["no"])
                                                                        not in grid.merged and key != previous.get("no")))
        if group_key is None and not items:
            new_item, key = True, "1"
        if not new_item and not items:
            ctx.error(row, group_key, f"{labels.get(group_key, '序号')} empty on the first data row",
                      "the item's number", "an empty cell")
            continue
        if new_item:
            items.append(Item(key, grid.name, title))
            previous = {}
        for k in ("no", "act", "breach", "basis", "label"):  # blank means same as above, within an item
            if k in cells and not cells[k] and previous.get(k):
                cells[k] = previous[k]
        previous.update({k: v for k, v in cells.items() if v and k in ("no", "act", "breach", "basis", "label")})
        items[-1].rows.append(row)
    return items


# ---------------------------------------------------------------- one item → a matter and a baseline


@dataclass
class Built:
    baseline_id: str
    files: dict[str, dict]
    tier_rows: list[list[Row]]
    level_rows: dict[str, list[Row]]
    rows: list[Row]


def _data_cell(row: Row, ctx: _Context) -> dict:
    text = row.get("data")
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        ctx.error(row, "data", f"数据 not JSON ({exc.msg})", "a JSON mapping, e.g. {\"fine\": {\"max\": 5000}}",
                  show(text))
        return {}
    if not isinstance(value, dict):
        ctx.error(row, "data", "数据 not a mapping", "a JSON mapping {…}", show(text))
        return {}
    return value


def _standard(rows: list[Row], keys: tuple[str, ...], ctx: _Context) -> dict | None:
    """The parts of the tier/level: from 数据 where given, else parsed from 裁量标准."""
    first = rows[0]
    data = _data_cell(first, ctx)
    text = first.get("standard")
    if all(k in data for k in keys if k != "standard") and (first.get("data")):
        out = {k: data.get(k) for k in keys}
        if "standard" in keys:
            out["standard"] = data.get("standard", text or None)
        return out
    try:
        parsed = parse_standard(text)
    except PhraseError as exc:
        for row in rows:
            ctx.error(row, "standard", f"裁量标准 not understood: {exc.reason} (at '{exc.clause}')",
                      "a phrase form listed in docs/excel.md", show(row.get("standard"), 200))
        return None
    ctx.parsed.update((row.sheet, row.row) for row in rows)
    out = {"fine": parsed.fine, "individual_fine": parsed.individual_fine,
           "penalties": [p.value for p in parsed.penalties], "measures": parsed.measures, "standard": text}
    out = {k: v for k, v in out.items() if k in keys}
    if "measures" not in keys and parsed.measures:
        ctx.error(first, "standard", "measures (责令…) on a 裁量阶次 row without 类别 cannot be kept",
                  "a 类别 (tier) for rows with measures", show(text))
        return None
    out.update({k: v for k, v in data.items() if k in keys})
    return out


def _conditions(row: Row, ctx: _Context) -> list[dict] | None:
    text = row.get("conditions")
    out = []
    for part in filter(None, (p.strip() for p in re.split(r"[;；\n]", text))):
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9.]+(?:[eE][-+]?\d+)?)", part)
        if not m:
            ctx.error(row, "conditions", "情节条件 not understood", "fact op value; … e.g. goods_value >= 10000",
                      show(part))
            return None
        out.append({"fact": m.group(1), "op": m.group(2), "value": float(m.group(3))})
    return out


def _tier_no(row: Row, ctx: _Context) -> int | None:
    text = row.get("tier")
    try:
        value = float(text)
        if value.is_integer() and value >= 1:
            return int(value)
    except ValueError:
        pass
    ctx.error(row, "tier", "类别 not a whole number", "1, 2, 3 …", show(text))
    return None


def _groups(item: Item, ctx: _Context) -> tuple[list[tuple[str, int, list[Row]]], dict[str, list[Row]], bool]:
    """Rows → tiers [(block, no, rows)] and levels {level: rows}; blank 类别 and 裁量标准 = same as above."""
    tiers: list[tuple[str, int, list[Row]]] = []
    levels: dict[str, list[Row]] = {}
    block = "main"
    explicit_block = any("block" in r.cols for r in item.rows[:1])
    failed_block = False
    first_basis = item.rows[0].get("basis")
    last: tuple[str, Any] | None = None  # ("tier", index) or ("level", key)
    for row in item.rows:
        tier_text, standard, level_text = row.get("tier"), row.get("standard"), row.get("level")
        if failed_block:
            ctx.error(row, "tier", "row in a block that could not be imported (see the first row of the block)",
                      "a main or 逾期 block", show(row.get("when")))
            continue
        if not tier_text and not standard and not level_text and last is not None:
            if last[0] == "tier":
                tiers[last[1]][2].append(row)
            else:
                levels[last[1]].append(row)
            continue
        if not tier_text:
            if level_text:
                try:
                    level = Level.parse(level_text).value
                except ValueError:
                    ctx.error(row, "level", "裁量阶次 not known", "不予处罚, 减轻处罚, 从轻处罚, 一般处罚 or 从重处罚",
                              show(level_text))
                    continue
                if last == ("level", level):
                    levels[level].append(row)
                elif level in levels:
                    ctx.error(row, "level", "裁量阶次 appears twice in one item", "each 阶次 once", level_text)
                else:
                    levels[level] = [row]
                    last = ("level", level)
                continue
            if "tier" in row.cols and last is not None and last[0] == "tier" and not standard:
                tiers[last[1]][2].append(row)
                continue
            ctx.error(row, "tier", "类别 empty", "a tier number (类别) or a 裁量阶次", "an empty cell")
            continue
        no = _tier_no(row, ctx)
        if no is None:
            continue
        if explicit_block:
            block = "overdue" if row.get("block") in ("逾期", "overdue") else "main"
        elif last is not None and last[0] == "tier" and tiers[last[1]][0] == block and no < tiers[last[1]][1]:
            words = row.get("basis") if row.get("basis") != first_basis else ""
            if block == "main" and (any(w in words for w in OVERDUE_WORDS) or
                                    any(w in row.get("when") for w in OVERDUE_WORDS)):
                block = "overdue"
            else:
                ctx.error(row, "tier", f"类别 restarts at {no}: a further block that is not 逾期不改正 "
                          "(its 法律依据 and 裁量情节 mention neither 逾期 nor 拒不改正)",
                          "tiers numbered upward, or one 逾期 block", show(words or row.get("when"), 120))
                failed_block = True
                continue
        if last is not None and last[0] == "tier" and tiers[last[1]][:2] == (block, no):
            if standard and standard != tiers[last[1]][2][0].get("standard"):
                ctx.error(row, "standard", f"类别 {no} has two different 裁量标准",
                          show(tiers[last[1]][2][0].get("standard")), show(standard))
            tiers[last[1]][2].append(row)
            continue
        if any(t[:2] == (block, no) for t in tiers):
            ctx.error(row, "tier", f"类别 {no} appears twice", "each 类别 once per block", tier_text)
            continue
        if not standard:
            ctx.error(row, "standard", "裁量标准 empty", "the tier's 裁量标准", "an empty cell")
            continue
        tiers.append((block, no, [row]))
        last = ("tier", len(tiers) - 1)
    return tiers, levels, failed_block


def _default_level(index: int, count: int) -> str:
    if count == 1:
        return "standard"
    return "lenient" if index == 0 else "aggravated" if index == count - 1 else "standard"


def _safe_id(text: str) -> str:
    out = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).strip("-.")
    return out or "item"


def _build_item(item: Item, meta: dict, ctx: _Context) -> Built | None:
    o = ctx.options
    first = item.rows[0]
    tier_groups, level_groups, _ = _groups(item, ctx)
    baseline_meta = meta["baselines"].get(item.key) if "baseline" in first.cols else None
    # tiers
    tiers = []
    defaulted = False
    blocks = defaultdict(list)
    for block, no, rows in tier_groups:
        blocks[block].append(no)
    tier_rows: list[list[Row]] = []
    for block, no, rows in tier_groups:
        parts = _standard(rows, TIER_KEYS, ctx)
        alternatives = []
        for row in rows:
            conds = _conditions(row, ctx)
            if not row.get("when"):
                ctx.error(row, "when", "裁量情节 empty", "the condition of this tier in words", "an empty cell")
                continue
            alternatives.append({"text": row.get("when"), "all": conds or [],
                                 **({"factor": row.get("factor")} if row.get("factor") else {})})
        level_text = rows[0].get("level")
        if level_text:
            try:
                level = Level.parse(level_text).value
            except ValueError:
                ctx.error(rows[0], "level", "裁量阶次 not known", "不予处罚, 减轻处罚, 从轻处罚, 一般处罚 or 从重处罚",
                          show(level_text))
                continue
        else:
            level = _default_level(blocks[block].index(no), len(blocks[block]))
            defaulted = True
        if parts is None or not alternatives:
            continue
        tier = {"no": no, "block": block, "level": level, "when": alternatives, **parts,
                "remark": rows[0].get("remark") or None}
        try:
            tiers.append(Tier.model_validate(tier))
            tier_rows.append(rows)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                ctx.error(rows[0], "standard", f"tier {no}: {'.'.join(map(str, err['loc']))}: {err['msg']}",
                          "a value of the library format", show(err.get("input")))
    levels = {}
    for level, rows in level_groups.items():
        parts = _standard(rows, LEVEL_KEYS, ctx)
        if parts is None:
            continue
        levels[level] = {"conditions": [r.get("when") for r in rows if r.get("when")], **parts}
    if any((r.sheet, r.row) in ctx.failed for r in item.rows):
        return None
    # matter and baseline
    if baseline_meta is not None:
        baseline_node, _ = baseline_meta
        data = baseline_node.model_dump(exclude={"levels", "tiers"})
        matter = meta["matters"].get(baseline_node.matter)
        if matter is not None and first.get("act") and first.get("act") != matter.name:
            ctx.error(first, "act", "违法行为 differs from the 事项 sheet", show(matter.name), show(first.get("act")))
            return None
        files = {}
        if matter is None:
            matter_data = _derive_matter(item, baseline_node.matter, baseline_node.provision, tiers, ctx)
            if matter_data is None:
                return None
            files[f"matters/{baseline_node.matter}.yaml"] = {"format_version": 1, "matter": matter_data}
    else:
        if not o.authority or not o.effective_from:
            ctx.error(first, "no", "no baseline data for this item", "--authority and --effective-from (or a "
                      "基本信息 sheet with 制定机关编号 and 施行日期)", "neither")
            return None
        base = f"{o.authority}-{_safe_id(item.key)}"
        matter_data = _derive_matter(item, base, f"{base}-basis", tiers, ctx)
        if matter_data is None:
            return None
        files = {f"matters/{base}.yaml": {"format_version": 1, "matter": matter_data}}
        label = first.get("label")
        act = first.get("act").splitlines()[0] if first.get("act") else item.key
        data = {
            "id": base, "title": f"{o.title or item.title or item.sheet} {item.key} {act}".strip(),
            "authority": o.authority, "matter": base, "provision": f"{base}-basis",
            "version": o.version or str(o.effective_from.year), "effective_from": o.effective_from,
            "document": o.document,
            "disclaimer": ILLUSTRATIVE_MARK if (o.illustrative or ILLUSTRATIVE_MARK in label or "示例" in label)
            else None,
        }
        if defaulted:
            data["teaching_note"] = DEFAULT_LEVEL_NOTE
    data = {**data, "tiers": tiers, "levels": levels}
    files[f"baselines/{data['id']}.yaml"] = {"format_version": 1, "baseline": data}
    return Built(data["id"], files, tier_rows, level_groups, item.rows)


def _derive_matter(item: Item, matter_id: str, provision_id: str, tiers: list[Tier], ctx: _Context) -> dict | None:
    """A matter from the table's own words: 违法行为, 违法依据, 处罚依据/法律依据 (documented defaults)."""
    o = ctx.options
    first = item.rows[0]
    if not o.sector:
        ctx.error(first, "act", "sector unknown", "--sector (or 领域 in 基本信息)", "none")
        return None
    bases_text = []
    for row in item.rows:
        if row.get("basis") and row.get("basis") not in bases_text:
            bases_text.append(row.get("basis"))
    basis = "\n".join(bases_text)
    citation = re.split(r"[：:\n]", basis.strip(), maxsplit=1)[0].strip() if basis else ""
    citation = re.sub(r"^\d+[、.]", "", citation) or item.key
    breaches = [b.strip() for b in re.split(r"\n", first.get("breach")) if b.strip()] or [citation]
    statutory = _statutory_fine(basis)
    facts = {}
    for spec in [statutory] + [t.fine for t in tiers] + [t.individual_fine for t in tiers]:
        if isinstance(spec, MultipleFine):
            _, zh, en = next(v for v in BASES.values() if v[0] == spec.base)
            facts[spec.base] = {"id": spec.base, "zh": zh, "en": en}
        elif isinstance(spec, PerUnitFine):  # given in 数据: the fact is named by its id only
            facts[spec.per] = {"id": spec.per, "zh": spec.per, "en": spec.per, "unit": ""}
    label = first.get("label")
    return {
        "id": matter_id, "name": first.get("act") or item.key, "name_en": "", "sector": o.sector,
        "breaches": breaches, "facts": list(facts.values()),
        "provisions": [{
            "id": provision_id, "citation": citation, "statute_level": _statute_level(citation),
            "effective_from": o.effective_from, "fine": statutory, "penalties": ["fine"] if statutory else [],
            "text": basis or None,
        }],
        "disclaimer": ILLUSTRATIVE_MARK if (o.illustrative or "示例" in label) else None,
    }


def _statutory_fine(text: str) -> object | None:
    """The unit fine of the statute text when it states exactly one; None when none or several."""
    found = []
    for clause in (c for line in text.splitlines() for c in clauses(line)):
        if "罚款" not in clause:
            continue
        tail = clause[clause.rfind("处") - 2 if clause.rfind("处") >= 2 else 0:]
        for candidate in (clause, tail, clause[clause.find("处"):] if "处" in clause else clause):
            try:
                spec, who, _ = _fine_clause(candidate)
            except PhraseError:
                continue
            if who == "unit" and spec not in found:
                found.append(spec)
            break
    return found[0] if len(found) == 1 else None


def _statute_level(citation: str) -> str:
    """Documented default: 《中华人民共和国…法》 law; …省/市…条例 local regulation; 条例 administrative regulation;
    办法/规定/细则 departmental rule (local government rule when a province or city issued it)."""
    name = citation.split("》")[0]
    local = re.search(r"《[^》]*?(省|自治区|市)", citation) is not None and "中华人民共和国" not in name
    if name.endswith("法") or re.search(r"法（|法》", citation):
        return "law" if not local else "local_regulation"
    if "条例" in name:
        return "local_regulation" if local else "administrative_regulation"
    return "local_rule" if local else "departmental_rule"


# ---------------------------------------------------------------- the library's own checks


def _validate(common: dict[str, dict], good: list[tuple[Item, Built]], ctx: _Context) -> list[tuple[Item, Built]]:
    """Write the files to a scratch folder, load them, and map each problem back to the rows it came from."""
    files = dict(common)
    owner: dict[str, tuple[Item, Built]] = {}
    for item, b in good:
        for rel, data in b.files.items():
            files[rel] = data
            owner[rel] = (item, b)
    with tempfile.TemporaryDirectory() as tmp:
        write_library(files, Path(tmp))
        try:
            load_library(tmp)
            return []
        except LibraryError as exc:
            problems = exc.errors
        paths = {str(Path(tmp) / rel): rel for rel in files}
    bad = []
    for e in problems:
        rel = paths.get(e.file)
        if rel is None or rel not in owner:
            ctx.errors.append(LoadError(ctx.file, None, None, rel or "", e.problem, e.expected, e.found))
            continue
        item, b = owner[rel]
        row, key = item.rows[0], "basis"
        m = re.search(r"\.tiers\[(\d+)\]", e.path)
        lv = re.search(r"\.levels\.(\w+)", e.path)
        if m and int(m.group(1)) < len(b.tier_rows):
            row, key = b.tier_rows[int(m.group(1))][0], "standard"
        elif lv and lv.group(1) in b.level_rows:
            row, key = b.level_rows[lv.group(1)][0], "standard"
        ctx.error(row, key, f"{e.problem} ({e.path})", e.expected, e.found)
        for other in item.rows:
            ctx.failed.setdefault((other.sheet, other.row), e.problem)
        if (item, b) not in bad:
            bad.append((item, b))
    return bad
