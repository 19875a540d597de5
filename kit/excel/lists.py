"""No-penalty lists (不予处罚清单 / 首违不罚清单) from Excel or CSV, one row per item: 序号, 类别 (or 不予处罚类别),
违法行为 (or 违法情形及适用条件), 违反条款, 不予处罚的情节.

Each item's conditions are read as the numbered lines of 不予处罚的情节 (同时满足下列情形的，不予行政处罚：（1）…；
（2）…), or the words of 违法情形及适用条件; each line is a factor the item requires (labelled with the published
words, direction ``exempt``). The category is mapped to Art. 33's grounds — 初次违法且危害后果轻微并及时改正 →
first_violation (¶1, may), 轻微并及时改正，没有造成危害后果 → minor (¶1, must), 没有主观过错 → no_fault (¶2); a
category that names a sector (固废污染防治类) says nothing, and then the conditions decide (首次/初次违法 →
first_violation, else minor). One list file per ground. An item is linked to a matter of the table it comes
with when its violation is that matter's name (the words compared without punctuation), and to no other."""

from __future__ import annotations

import re

from kit.baselines.errors import show
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK
from kit.i18n.message import msg

from .context import Context, Row
from .workbook import Grid

HEAD = {"no": ("序号",), "category": ("类别", "不予处罚类别", "清单类别"), "act": ("违法行为", "违法行为名称"),
        "breach": ("违反条款", "违反法律法规条款", "违法依据"), "law": ("违反法律法规",),
        "when": ("不予处罚的情节", "违法情形及适用条件", "适用条件", "不予处罚情形")}
GROUNDS = [(r"没有主观过错|无主观过错", "no_fault"), (r"初次违法|首次违法|首违", "first_violation"),
           (r"轻微并及时改正.*没有造成危害后果|轻微.*不予", "minor")]
KIND_TITLE = {"first_violation": "首违不罚", "minor": "轻微不罚", "no_fault": "无主观过错不罚"}
_LEAD = re.compile(r"^.*?(?:下列情形的?|以下情形的?)[^：:]*[：:]")
_NUMBERED = re.compile(r"[（(]\d+[）)]|(?<![\d.])\d+[、．](?!\d)|(?<![\d.])\d+\.(?!\d)")  # not 0.1吨


def _header(cells: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for c, text in enumerate(cells):
        t = re.sub(r"\s+", "", text)
        for key, names in HEAD.items():
            if t in names and key not in cols:
                cols[key] = c
    return cols if "when" in cols and "no" in cols and ("act" in cols or cols.get("when") is not None) and \
        "不予处罚" in "".join(cells) else None


def is_list(grid: Grid) -> bool:
    return any(_header(grid.cells[r]) for r in range(min(5, len(grid.cells))))


def ground(category: str, conditions: str) -> str:
    for pattern, kind in GROUNDS:
        if re.search(pattern, category):
            return kind
    return "first_violation" if re.search(r"首次|初次", conditions) else "minor"


def condition_lines(text: str) -> list[str]:
    body = _LEAD.sub("", re.sub(r"\s+", "", text))
    parts = [p.strip("；;。，, ") for p in _NUMBERED.split(body)]
    return [p for p in parts if p] or [re.sub(r"\s+", "", text).strip("；;。")]


def _norm(text: str) -> str:
    return re.sub(r"[\s，,。；;、的]", "", text)


def read_list(grid: Grid, ctx: Context, matters: dict[str, str]) -> dict[str, dict]:
    """The list files of one sheet (``matters``: matter id → name, to link items); problems located."""
    o = ctx.options
    found = next(((r, h) for r in range(min(5, len(grid.cells))) if (h := _header(grid.cells[r]))), None)
    assert found is not None
    header, cols = found
    labels = {k: re.sub(r"\s+", "", grid.cells[header][c]) for k, c in cols.items()}
    by_name: dict = {}
    for mid, name in matters.items():
        by_name.setdefault(_norm(name.splitlines()[0]), []).append(mid)
    base = f"{o.authority}-no-penalty"
    items: dict[str, list[dict]] = {}
    factors: list[dict] = []
    for r in range(header + 1, len(grid.cells)):
        row = Row(grid.name, r + 1, {k: grid.value(r, c) for k, c in cols.items()}, cols, labels)
        if not any(row.cells.values()):
            continue
        no, when = row.get("no"), row.get("when")
        act = row.get("act") or when
        if not no or not when:
            ctx.error(row, "no" if not no else "when", msg("excel_import.lists.empty",
                                                           column=labels.get("no" if not no else "when")),
                      msg("excel_import.lists.empty.expected"), msg("excel_import.empty_cell"))
            continue
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", no):
            ctx.error(row, "no", msg("excel_import.lists.no"), msg("excel_import.lists.no.expected"), show(no))
            continue
        kind = ground(row.get("category"), when)
        lines = condition_lines(when)
        requires = []
        for k, line in enumerate(lines, start=1):
            fid = f"{base}.{no}.{k}"
            factors.append({"id": fid, "zh": line, "en": f"(published in Chinese) {line}",
                            **({"disclaimer": ILLUSTRATIVE_MARK} if o.illustrative else {}),
                            "kind": "statutory_mandatory" if kind in ("minor", "no_fault") else "statutory_optional",
                            "direction": "exempt", "citation": f"{o.title or grid.name} 第{no}项"})
            requires.append(fid)
        key = _norm(act)
        linked = by_name.get(key) or [mid for name, ids in by_name.items() for mid in ids
                                      if len(key) >= 10 and (key in name or name in key)]
        items.setdefault(kind, []).append({
            "id": no, "text": act, "outcome": "no_penalty", "requires": requires, "conditions": lines,
            **({"matter": linked[0]} if len(linked) == 1 else {})})
        ctx.parsed.add(row.at)
    files = {}
    for kind, rows in items.items():
        lid = f"{base}-{kind.replace('_', '-')}" if len(items) > 1 else base
        files[f"lists/{lid}.yaml"] = {"format_version": 1, "exemption_list": {
            "id": lid, "title": f"{o.title or grid.name}" + (f"（{KIND_TITLE[kind]}）" if len(items) > 1 else ""),
            "authority": o.authority, "kind": kind, "document": o.document, "effective_from": o.effective_from,
            "effective_to": o.effective_to, "items": rows,
            **({"disclaimer": ILLUSTRATIVE_MARK} if o.illustrative else {})}}
    if factors:
        files[f"factors/{base}.yaml"] = {"format_version": 1, "factors": factors}
    return files
