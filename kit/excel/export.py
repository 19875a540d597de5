"""``export_library``: a library → a workbook in the published layout (one sheet per authority), plus the
metadata sheets that make ``import_workbook`` give the same library back.

Table columns: 序号, 违法行为, 违法依据, 处罚依据, 类别, 裁量阶次, 裁量情节, 裁量标准, 备注, 标注 (示例 on
illustrative rows), then 基准编号, 分段, 情节条件, 情节因子 and 数据. 数据 is empty when the 裁量标准 words
say everything; otherwise it holds, as JSON, what the words cannot (a per-unit formula, a standard left
blank in the library, …)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kit.baselines.library import Library
from kit.baselines.models import Baseline, LevelRule, Tier
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK, Level

from . import records
from .phrases import PhraseError, parse_standard, standard_words
from .vocabulary import COLUMN_WIDTHS, HEADERS, LAYOUT

_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_DATA_FILL = PatternFill("solid", fgColor="EDEDED")
_WRAP = Alignment(wrap_text=True, vertical="top")
NO_WORDS = "（见数据列）"
"""裁量标准 written for a spec with no phrase form (a per-unit formula) when the library has no text for it."""
BLOCK_CELL = {"main": "", "overdue": "逾期", "individual": "个人"}
"""The 分段 cell of a tier (read back with ``vocabulary.BLOCK_WORDS``)."""
_ITEM_COLUMNS = ("no", "act", "breach", "basis", "label", "baseline")


def sheet_title(name: str, taken: set[str]) -> str:
    """An Excel sheet name (≤ 31 characters, none of []:*?/\\) not used yet."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "基准"
    title, n = base, 2
    while title in taken or title in records.META_SHEETS or title == records.INFO_SHEET:
        title = f"{base[:28]}-{n}"
        n += 1
    taken.add(title)
    return title


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")) if value else ""


def _dump(spec):
    return spec.model_dump(mode="json", exclude_defaults=True) if spec is not None else None


def _parts_cell(parts: dict, keys: tuple[str, ...], text: str | None) -> str:
    """数据: empty when parsing ``text`` gives ``parts`` back; else every key explicitly."""
    try:
        parsed = parse_standard(text) if text else None
    except PhraseError:
        parsed = None
    if parsed is not None:
        got = {"fine": _dump(parsed.fine), "individual_fine": _dump(parsed.individual_fine),
               "penalties": [p.value for p in parsed.penalties], "measures": parsed.measures}
        if all(got[k] == parts[k] for k in keys if k != "standard"):
            return ""
    return _json({k: parts[k] for k in keys if k != "standard"})


def _tier_rows(tier: Tier) -> list[dict]:
    parts = {"fine": _dump(tier.fine), "individual_fine": _dump(tier.individual_fine),
             "penalties": [p.value for p in tier.penalties], "measures": list(tier.measures)}
    text = tier.standard
    data_extra: dict = {}
    if text is None:
        text = standard_words(fine=tier.fine, individual_fine=tier.individual_fine, penalties=tier.penalties,
                              measures=tier.measures) or NO_WORDS
        data_extra["standard"] = None
    data = _parts_cell(parts, ("fine", "individual_fine", "penalties", "measures"), text)
    if data_extra:
        data = _json({**(json.loads(data) if data else parts), **data_extra})
    rows = []
    for alt in tier.when:
        rows.append({
            "tier": tier.no, "level": tier.level.zh, "block": BLOCK_CELL[tier.block],
            "when": alt.text, "conditions": "; ".join(f"{c.fact} {c.op} {c.value!r}" for c in alt.all),
            "factor": alt.factor or "", "standard": text, "remark": tier.remark or "", "data": data,
        })
    return rows


def _level_rows(level: Level, rule: LevelRule) -> list[dict]:
    parts = {"fine": _dump(rule.fine), "individual_fine": _dump(rule.individual_fine),
             "penalties": [p.value for p in rule.penalties], "measures": []}
    text = standard_words(fine=rule.fine, individual_fine=rule.individual_fine, penalties=rule.penalties) or NO_WORDS
    data = _parts_cell(parts, ("fine", "individual_fine", "penalties"), text)
    conditions = rule.conditions or [""]
    return [{"tier": "", "level": level.zh, "block": "", "when": c, "conditions": "", "factor": "",
             "standard": text, "remark": "", "data": data} for c in conditions]


def _baseline_rows(library: Library, b: Baseline, no: int) -> list[dict]:
    matter = library.matters[b.matter]
    provision = library.provisions.get(b.provision)
    basis = provision.citation + (f"：\n{provision.text}" if provision and provision.text else "") if provision else ""
    item = {"no": str(no), "act": matter.name, "breach": "\n".join(matter.breaches), "basis": basis,
            "label": ILLUSTRATIVE_MARK if (b.disclaimer or matter.disclaimer) else "", "baseline": b.id}
    rows = [r for t in b.tiers for r in _tier_rows(t)]
    rows += [r for lv in Level if lv in b.levels for r in _level_rows(lv, b.levels[lv])]
    return [{**item, **r} for r in rows]


def _write_table(ws, title: str, rows: list[dict]) -> None:
    headers = {k: (HEADERS[k][0] if k != "label" else "标注") for k in LAYOUT}
    ws.cell(1, 1, title).font = Font(bold=True, size=12)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=LAYOUT.index("label") + 1)
    for c, key in enumerate(LAYOUT, start=1):
        cell = ws.cell(2, c, headers[key])
        cell.font = Font(bold=True)
        cell.fill = _DATA_FILL if LAYOUT.index(key) > LAYOUT.index("label") else _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(c)].width = COLUMN_WIDTHS[key]
    for r, row in enumerate(rows, start=3):
        for c, key in enumerate(LAYOUT, start=1):
            value = row.get(key, "")
            cell = ws.cell(r, c, value if value != "" else None)
            cell.alignment = _WRAP
            if isinstance(value, str):
                cell.data_type = "s"
    ws.freeze_panes = "A3"
    _merge_runs(ws, rows)


def _merge_runs(ws, rows: list[dict]) -> None:
    """Merge the item columns over an item, and 类别/阶次/裁量标准/备注/数据 over a tier's alternatives."""
    def runs(key_of):
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or key_of(rows[i]) != key_of(rows[start]):
                if i - start > 1:
                    yield start, i - 1
                start = i
    for a, b in runs(lambda r: r["baseline"]):
        for key in _ITEM_COLUMNS:
            c = LAYOUT.index(key) + 1
            ws.merge_cells(start_row=a + 3, start_column=c, end_row=b + 3, end_column=c)
    for a, b in runs(lambda r: (r["baseline"], r["block"], r["tier"], r["level"])):
        for key in ("tier", "level", "block", "standard", "remark", "data"):
            c = LAYOUT.index(key) + 1
            ws.merge_cells(start_row=a + 3, start_column=c, end_row=b + 3, end_column=c)


def _write_meta(wb: Workbook, name: str, nodes: list) -> None:
    kind, model, skip = records.META_SHEETS[name]
    ws = wb.create_sheet(name)
    keys = records.columns(model, skip)
    for c, key in enumerate(keys, start=1):
        info = model.model_fields[key]
        ws.cell(1, c, (info.description or "")).alignment = _WRAP
        ws.cell(2, c, key).font = Font(bold=True)
        ws.cell(2, c).fill = _HEAD_FILL
        ws.column_dimensions[get_column_letter(c)].width = 12 if key != "id" else 24
    for r, node in enumerate(nodes, start=3):
        cells = records.encode(node, skip)
        for c, key in enumerate(keys, start=1):
            if cells[key] != "":
                cell = ws.cell(r, c, cells[key])
                cell.data_type = "s"
    ws.freeze_panes = "B3"


def export_library(library: Library, out: str | Path) -> Path:
    """Write ``library`` to ``out`` (.xlsx): one table sheet per authority, then the metadata sheets."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    by_authority: dict[str, list[Baseline]] = {}
    for b in library.baselines.values():
        by_authority.setdefault(b.authority, []).append(b)
    for authority_id in sorted(by_authority):
        authority = library.authorities.get(authority_id)
        name = authority.name if authority else authority_id
        ws = wb.create_sheet(sheet_title(name, taken))
        rows = []
        for no, b in enumerate(sorted(by_authority[authority_id], key=lambda b: b.id), start=1):
            rows.extend(_baseline_rows(library, b, no))
        _write_table(ws, f"{name} 行政处罚裁量基准", rows)
    _write_meta(wb, "基准", sorted(library.baselines.values(), key=lambda b: b.id))
    _write_meta(wb, "事项", sorted(library.matters.values(), key=lambda m: m.id))
    _write_meta(wb, "制定机关", list(library.authorities.values()))
    _write_meta(wb, "裁量因子", list(library.factors.values()))
    if library.exemption_lists:
        _write_meta(wb, "清单", list(library.exemption_lists.values()))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
