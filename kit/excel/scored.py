"""Scored blocks (裁量百分值) → a matter, a scored baseline and the factors of its options.

A block starts at a header row 违法行为 | 裁量要素 | 违法程度 | 裁量权重 (序号 and 法律依据 optional) and runs to
the next header row or the end of the sheet; a header row is never read as a row of the block. In its rows:

- 裁量要素 裁量起点 (or 起点): the start, e.g. 30%;
- a 裁量要素 with two or more 违法程度 rows: options that exclude each other (exactly one applies);
  one row: a factor whose weight is added when present; 裁量要素 ending （可多选） keeps each row a factor;
- 裁量要素 备注 (or 计算公式): the formula and the bounds, in words (``read_formula``)."""

from __future__ import annotations

import re

from kit.baselines.errors import show
from kit.i18n.message import Msg, msg

from .context import Context, Row
from .phrases import NUM, PhraseError, normalise, number
from .vocabulary import BASES
from .workbook import Grid

HEAD = {"act": ("违法行为",), "no": ("序号",), "basis": ("法律依据", "处罚依据", "设定依据"),
        "element": ("裁量要素", "裁量因素", "裁量因子"), "degree": ("违法程度", "裁量情形", "情形"),
        "weight": ("裁量权重", "权重", "裁量百分值")}
START_WORDS = ("裁量起点", "起点", "起始值", "基础百分值")
NOTE_WORDS = ("备注", "计算公式", "罚款计算")
_WHO = {"限期内": "in_time", "逾期": "overdue", "逾期不改正": "overdue", "对单位": "organisation",
        "单位": "organisation", "对个人": "person", "个人": "person"}
_BASE = "|".join(sorted(map(re.escape, BASES), key=len, reverse=True))
_TIMES = r"[×xX*＊]"


def _header(cells: list[str]) -> dict[str, int] | None:
    cols = {}
    for c, text in enumerate(cells):
        t = re.sub(r"\s+", "", text)
        for key, names in HEAD.items():
            if t in names and key not in cols:
                cols[key] = c
    return cols if {"act", "element", "degree", "weight"} <= set(cols) else None


def is_scored(grid: Grid) -> bool:
    return any(_header(grid.cells[r]) for r in range(min(8, len(grid.cells))))


def weight(text: str) -> float:
    """30% / +10% / -5% / －5% / 10 → percentage points."""
    t = normalise(text).replace("－", "-").replace("＋", "+").removesuffix("%")
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", t):
        raise ValueError(text)  # the cell as written: the caller says it in a catalog message (scored.weight)
    return float(t)


def read_formula(text: str) -> tuple[list[dict], dict]:
    """The 备注 words → (formulas, bounds {floor, ceiling}); ValueError(clause) at a clause not understood (the
    author's words, shown as written), ValueError(Msg) for a floor no formula uses."""
    formulas, bounds = [], {}
    pending_floor: dict[str, float] = {}
    written: dict[str, str] = {}  # a base's fact id → its words in the table
    for clause in filter(None, re.split(r"[；;。\n]", normalise(text))):
        m = re.fullmatch(rf"(?:(?P<who>{'|'.join(_WHO)})(?:的)?[，,:：]?)?罚款(?:金额|数额)?[=＝](?:裁量)?百分值{_TIMES}"
                         rf"(?:(?P<max>法定最高(?:罚款)?(?:数额|限额|额))|(?P<amount>{NUM})元|"
                         rf"(?P<base>{_BASE})(?:{_TIMES}(?P<rate>{NUM})(?P<unit>%|倍))?)", clause)
        if m:
            f = {"applies": _WHO[m.group("who")] if m.group("who") else "always", "text": clause}
            if m.group("max"):
                f["times"] = "statutory_max"
            elif m.group("amount"):
                f.update(times="amount", amount=number(m.group("amount"), clause))
            else:
                f.update(times="base", base=BASES[m.group("base")][0])
                if m.group("rate"):
                    rate = number(m.group("rate"), clause)
                    f["rate"] = rate / 100 if m.group("unit") == "%" else rate
            formulas.append(f)
            continue
        m = re.fullmatch(r"(?:裁量)?(?:百分值)?(?:不足|低于)(?P<a>\d+(?:\.\d+)?)%的?[，,]?按(?P<b>\d+(?:\.\d+)?)%计算", clause)
        if m and m.group("a") == m.group("b"):
            bounds["floor"] = float(m.group("a"))
            continue
        m = re.fullmatch(r"(?:裁量)?(?:百分值)?(?:超过|高于)(?P<a>\d+(?:\.\d+)?)%的?[，,]?按(?P<b>\d+(?:\.\d+)?)%计算", clause)
        if m and m.group("a") == m.group("b"):
            bounds["ceiling"] = float(m.group("a"))
            continue
        m = re.fullmatch(rf"(?P<base>{_BASE})不足(?P<a>{NUM})元的?[，,]?按(?P<b>{NUM})元计算", clause)
        if m and number(m.group("a"), clause) == number(m.group("b"), clause):
            pending_floor[BASES[m.group("base")][0]] = number(m.group("a"), clause)
            written[BASES[m.group("base")][0]] = m.group("base")
            continue
        raise ValueError(clause)  # the author's words, shown as written in excel_import.scored.formula
    for f in formulas:
        if f.get("base") in pending_floor:
            f["base_floor"] = pending_floor.pop(f["base"])
    if pending_floor:
        raise ValueError(msg("errors.scored_floor_unused", bases="、".join(written[b] for b in pending_floor)))
    return formulas, bounds


def _formula_problem(exc: ValueError) -> Msg:
    """What ``read_formula`` refused, in the reader's language: its own message (a floor no formula uses), or the
    clause it stopped at (with a phrase's reason)."""
    if exc.args and isinstance(exc.args[0], Msg):
        return exc.args[0]
    clause = msg("load.at", where=exc.reason, text=exc.clause) if isinstance(exc, PhraseError) else str(exc)
    return msg("excel_import.scored.formula", clause=clause)


class Block:
    """One scored block's rows, read into the parts of a scored baseline."""

    def __init__(self, grid: Grid, header: int, cols: dict[str, int], labels: dict[str, str]):
        self.grid, self.header, self.cols, self.labels = grid, header, cols, labels
        self.rows: list[Row] = []

    def row(self, r: int) -> Row:
        cells = {k: self.grid.value(r, c) for k, c in self.cols.items()}
        return Row(self.grid.name, r + 1, cells, self.cols, self.labels)


def blocks(grid: Grid) -> list[Block]:
    out: list[Block] = []
    for r in range(len(grid.cells)):
        cols = _header(grid.cells[r])
        if cols is not None:
            labels = {k: re.sub(r"\s+", "", grid.cells[r][c]) for k, c in cols.items()}
            out.append(Block(grid, r, cols, labels))
        elif out and any(grid.cells[r]):
            out[-1].rows.append(out[-1].row(r))
    return out


def read_block(block: Block, ctx: Context) -> dict | None:
    """{act, basis, no, start, groups [(text, [(degree, weight, row)])], formulas, bounds, rows} or None."""
    first = next((r for r in block.rows if r.get("act")), None)
    if first is None:
        ctx.error(None, None, msg("excel_import.scored.no_act"), msg("excel_import.scored.no_act.expected"),
                  msg("excel_import.none"),
                  sheet=block.grid.name, line=block.header + 1)
        return None
    out: dict = {"act": first.get("act"), "basis": first.get("basis"), "no": first.get("no"), "start": None,
                 "groups": [], "formulas": [], "bounds": {}, "rows": block.rows}
    ok = True
    seen_start = seen_note = False
    for row in block.rows:
        element, degree = row.get("element"), row.get("degree")
        if element in START_WORDS or degree in START_WORDS:
            seen_start = True
            try:
                out["start"] = weight(row.get("weight"))
            except ValueError:
                ctx.error(row, "weight", msg("excel_import.scored.start"), msg("excel_import.scored.start.expected"),
                          show(row.get("weight")))
                ok = False
            continue
        if element in NOTE_WORDS:
            seen_note = True
            try:
                out["formulas"], out["bounds"] = read_formula(degree or row.get("weight"))
            except (ValueError, PhraseError) as exc:
                ctx.error(row, "degree", _formula_problem(exc),
                          msg("excel_import.scored.formula.expected"), show(degree, 200))
                ok = False
            continue
        if not element or not degree:
            ctx.error(row, "element" if not element else "degree", msg("excel_import.scored.element_empty"),
                      msg("excel_import.scored.element_empty.expected"), msg("excel_import.empty_cell"))
            ok = False
            continue
        try:
            w = weight(row.get("weight"))
        except ValueError:
            ctx.error(row, "weight", msg("excel_import.scored.weight"), msg("excel_import.scored.weight.expected"),
                      show(row.get("weight")))
            ok = False
            continue
        if out["groups"] and out["groups"][-1][0] == element:
            out["groups"][-1][1].append((degree, w, row))
        else:
            out["groups"].append((element, [(degree, w, row)]))
    if not seen_start:
        ctx.error(first, "element", msg("excel_import.scored.no_start"), msg("excel_import.scored.no_start.expected"),
                  msg("excel_import.none"))
        ok = False
    if not seen_note:
        ctx.error(first, "element", msg("excel_import.scored.no_formula"),
                  msg("excel_import.scored.no_formula.expected"), msg("excel_import.none"))
        ok = False
    return out if ok else None


def scored_files(data: dict, index: int, ctx: Context) -> dict[str, dict]:
    """The library files of one scored block: its matter, its baseline (rules.combination: scored) and the
    factors of its options (direction ``circumstance``: their weight is their only effect)."""
    from kit.baselines.vocabulary import ILLUSTRATIVE_MARK

    from .build import _safe_id, statute_level, statutory_fine

    o = ctx.options
    base = f"{o.authority}-scored-{_safe_id(data['no'] or str(index))}"
    basis = data["basis"] or ""
    citation = re.split(r"[：:\n]", basis.strip(), maxsplit=1)[0].strip() or data["act"]
    factors, weights, groups = [], {}, []
    for g, (element, options) in enumerate(data["groups"], start=1):
        many = len(options) >= 2 and not element.endswith(("（可多选）", "(可多选)"))
        label = re.sub(r"[（(]可多选[）)]$", "", element)
        ids = {}
        for k, (degree, w, _row) in enumerate(options, start=1):
            fid = f"{base}.g{g}.o{k}" if many else f"{base}.w{g}.{k}"
            factors.append({"id": fid, "zh": f"{label}：{degree}", "en": f"(published in Chinese) {label}: {degree}",
                            "kind": "discretionary", "direction": "circumstance",
                            "citation": f"{o.title or ''}{data['act']}（{label}）".strip()})
            ids[fid] = w
        if many:
            groups.append({"id": f"g{g}", "text": label, "options": ids})
        else:
            weights.update(ids)
    facts = {}
    for f in data["formulas"]:
        if f.get("base"):
            phrase = next((p for p in sorted(BASES, key=len, reverse=True) if p in f["text"]), None)
            _, zh, en = BASES[phrase] if phrase else next(v for v in BASES.values() if v[0] == f["base"])
            zh = phrase or zh
            facts[f["base"]] = {"id": f["base"], "zh": zh, "en": en}
    statutory = statutory_fine(basis) if basis else None
    mark = ILLUSTRATIVE_MARK if o.illustrative else None
    matter = {"id": base, "name": data["act"], "name_en": "", "sector": o.sector, "breaches": [citation],
              "facts": list(facts.values()), "disclaimer": mark,
              "provisions": [{"id": f"{base}-basis", "citation": citation, "statute_level": statute_level(citation),
                              "effective_from": o.effective_from, "fine": statutory,
                              "penalties": ["fine"] if statutory else [], "text": basis or None}]}
    scoring = {"start": data["start"], "weights": weights, "groups": groups, "formulas": data["formulas"],
               **data["bounds"]}
    baseline = {"id": base, "title": f"{o.title or data['rows'][0].sheet} {data['act']}".strip(),
                "authority": o.authority, "matter": base, "provision": f"{base}-basis",
                "version": o.version or str(o.effective_from.year), "effective_from": o.effective_from,
                "document": o.document, "disclaimer": mark,
                "rules": {"combination": "scored", "contiguous": False, "scoring": scoring}}
    return {f"matters/{base}.yaml": {"format_version": 1, "matter": matter},
            f"baselines/{base}.yaml": {"format_version": 1, "baseline": baseline},
            f"factors/{base}.yaml": {"format_version": 1, "factors": factors}}
