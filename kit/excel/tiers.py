"""An item's rows → tiers and levels: consecutive rows with the same 类别 form one tier (each row one
alternative 裁量情节); 类别 restarting at 1 opens the 逾期 block (under 逾期 / 拒不改正) or the block of fines on
individuals (under 对…责任人员); rows with a 裁量阶次 and no 类别 form the baseline's levels. And the parts of a
tier or level, read from its 裁量标准 (or its 数据 cell)."""

from __future__ import annotations

import json
import re
from typing import Any

from kit.baselines.errors import show
from kit.baselines.vocabulary import Level
from kit.i18n.message import msg

from .context import Context, Item, Row
from .phrases import PhraseError, parse_standard
from .vocabulary import BLOCK_WORDS, INDIVIDUAL_BLOCK, OVERDUE_WORDS, TIER_LEVEL_WORDS


def tier_level(text: str) -> str | None:
    """The level of a 裁量阶次 that names a circumstance (情节较轻 → lenient), or None."""
    t = re.sub(r"\s+", "", text)
    return next((level for pattern, level in TIER_LEVEL_WORDS if re.match(pattern, t)), None)


def _data_cell(row: Row, ctx: Context) -> dict:
    text = row.get("data")
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        ctx.error(row, "data", msg("excel_import.tiers.data_json", line=exc.lineno, col=exc.colno),
                  msg("excel_import.tiers.data_json.expected", example='{"fine": {"max": 5000}}'), show(text))
        return {}
    if not isinstance(value, dict):
        ctx.error(row, "data", msg("excel_import.tiers.data_mapping"),
                  msg("excel_import.tiers.data_mapping.expected", example="{…}"), show(text))
        return {}
    return value


def standard_parts(rows: list[Row], keys: tuple[str, ...], ctx: Context) -> dict | None:
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
            ctx.error(row, "standard", msg("excel_import.standard", reason=exc.reason, clause=exc.clause),
                      msg("excel_import.standard.expected"), show(row.get("standard"), 200))
        return None
    ctx.parsed.update((row.sheet, row.row) for row in rows)
    out = {"fine": parsed.fine, "individual_fine": parsed.individual_fine,
           "penalties": [p.value for p in parsed.penalties], "measures": parsed.measures, "standard": text}
    out = {k: v for k, v in out.items() if k in keys}
    if "measures" not in keys and parsed.measures:
        ctx.error(first, "standard", msg("excel_import.tiers.measures"), msg("excel_import.tiers.measures.expected"),
                  show(text))
        return None
    out.update({k: v for k, v in data.items() if k in keys})
    return out


def conditions(row: Row, ctx: Context) -> list[dict] | None:
    text = row.get("conditions")
    out = []
    for part in filter(None, (p.strip() for p in re.split(r"[;；\n]", text))):
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(>=|<=|==|!=|>|<)\s*(-?[0-9.]+(?:[eE][-+]?\d+)?)", part)
        if not m:
            ctx.error(row, "conditions", msg("excel_import.tiers.conditions"),
                      msg("excel_import.tiers.conditions.expected"), show(part))
            return None
        out.append({"fact": m.group(1), "op": m.group(2), "value": float(m.group(3))})
    return out


def _tier_no(row: Row, ctx: Context) -> int | None:
    text = row.get("tier")
    try:
        value = float(text)
        if value.is_integer() and value >= 1:
            return int(value)
    except ValueError:
        pass
    ctx.error(row, "tier", msg("excel_import.tiers.tier_no"), msg("excel_import.tiers.tier_no.expected"), show(text))
    return None


BLOCK_ZH = {"main": "", "overdue": "逾期 ", "individual": "个人 "}
"""How a tier is named in messages: 类别 3, 逾期 类别 3, 个人 类别 3."""


def tier_name(block: str, no: int) -> str:
    return f"{BLOCK_ZH[block]}类别 {no}"


def _opens(words: str, when: str, block: str) -> str | None:
    """The block a restart of 类别 opens: the fines on individuals (法律依据 begins 对…责任人员) or 逾期."""
    if block != "individual" and INDIVIDUAL_BLOCK.match(words):
        return "individual"
    if block == "main" and (any(w in words for w in OVERDUE_WORDS) or any(w in when for w in OVERDUE_WORDS)):
        return "overdue"
    return None


def _restart(row: Row, no: int, block: str, first_basis: str, ctx: Context) -> str | None:
    """类别 restarts inside an item: the block it opens (逾期, or the fines on individuals), or a problem."""
    words = row.get("basis") if row.get("basis") != first_basis else ""
    opened = _opens(words, row.get("when"), block)
    if opened is None:
        ctx.error(row, "tier", msg("excel_import.tiers.restart", no=no), msg("excel_import.tiers.restart.expected"),
                  show(words or row.get("when"), 120))
    return opened


def groups(item: Item, ctx: Context) -> tuple[list[tuple[str, int, list[Row]]], dict[str, list[Row]], bool]:
    """Rows → tiers [(block, no, rows)] and levels {level: rows}; blank 类别 and 裁量标准 = same as above.

    A row that contradicts its tier (the same 类别 with another 裁量标准) is kept in the tier and reported, so
    that the whole tier is left out: which 裁量标准 is the tier's is not guessed."""
    tiers: list[tuple[str, int, list[Row]]] = []
    levels: dict[str, list[Row]] = {}
    block = "main"
    explicit_block = any("block" in r.cols for r in item.rows[:1])
    failed_block = False
    first_basis = item.rows[0].get("basis")
    last: tuple[str, Any] | None = None  # ("tier", index) or ("level", key)
    for row in item.rows:
        tier_text, standard, level_text = row.get("tier"), row.get("standard"), row.get("level")
        named = not tier_text and bool(level_text) and tier_level(level_text) is not None
        if named:  # 情节较轻 / 较重 / 严重 as rows: tiers numbered in order
            tier_text = str(1 + sum(1 for t in tiers if t[0] == block))
        if failed_block:
            ctx.error(row, "tier", msg("excel_import.tiers.block_failed"), msg("excel_import.tiers.block_failed.expected"),
                      show(row.get("when")))
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
                    ctx.error(row, "level", msg("excel_import.level"), msg("excel_import.level.expected"),
                              show(level_text))
                    continue
                if last == ("level", level):
                    levels[level].append(row)
                elif level in levels:
                    ctx.error(row, "level", msg("excel_import.tiers.level_twice"),
                              msg("excel_import.tiers.level_twice.expected"), level_text)
                else:
                    levels[level] = [row]
                    last = ("level", level)
                continue
            if "tier" in row.cols and last is not None and last[0] == "tier" and not standard:
                tiers[last[1]][2].append(row)
                continue
            ctx.error(row, "tier", msg("excel_import.tiers.tier_empty"), msg("excel_import.tiers.tier_empty.expected"),
                      msg("excel_import.empty_cell"))
            continue
        no = int(tier_text) if named else _tier_no(row, ctx)
        if no is None:
            continue
        if explicit_block:
            word = BLOCK_WORDS.get(row.get("block"))
            if word is None:
                ctx.error(row, "block", msg("excel_import.tiers.block"), msg("excel_import.tiers.block.expected"),
                          show(row.get("block")))
                continue
            block = word
        elif last is not None and last[0] == "tier" and tiers[last[1]][0] == block and no < tiers[last[1]][1]:
            opened = _restart(row, no, block, first_basis, ctx)
            if opened is None:
                failed_block = True
                continue
            block = opened
        elif last is not None and last[0] == "tier" and tiers[last[1]][1] == no and row.get("basis") not in (
                first_basis, tiers[last[1]][2][-1].get("basis")):
            # the same 类别 as the row above, under a 法律依据 of its own: a block of one tier before it
            block = _opens(row.get("basis"), "", block) or block
        same = next((t for t in tiers if t[:2] == (block, no)), None)
        if same is not None:
            first = same[2][0]
            if last is not None and last[0] == "tier" and tiers[last[1]] is same:
                if standard and standard != first.get("standard"):
                    ctx.error(row, "standard", msg("excel_import.tiers.standard_twice", tier=tier_name(block, no),
                                                    first=first.row, row=row.row),
                              msg("excel_import.tiers.standard_twice.expected", first=first.row,
                                  standard=show(first.get("standard"), 80)), show(standard))
            else:
                ctx.error(row, "tier", msg("excel_import.tiers.tier_twice", tier=tier_name(block, no), first=first.row,
                                              row=row.row),
                          msg("excel_import.tiers.tier_twice.expected"), show(tier_text))
            same[2].append(row)
            continue
        if not standard:
            ctx.error(row, "standard", msg("excel_import.tiers.standard_empty"),
                      msg("excel_import.tiers.standard_empty.expected"), msg("excel_import.empty_cell"))
            continue
        tiers.append((block, no, [row]))
        last = ("tier", len(tiers) - 1)
    for block, no, rows in tiers:
        for r in rows:
            ctx.tier_of[r.at] = (block, no)
    return tiers, levels, failed_block


def individual_parts(parts: dict, row: Row, ctx: Context) -> dict | None:
    """A tier of the block of fines on individuals: its 裁量标准 states one fine, for the individuals (its
    法律依据 names them, so 处…罚款 without 对个人 is theirs too), and nothing else."""
    unit, individual = parts.get("fine"), parts.get("individual_fine")
    others = [p for p in parts.get("penalties") or [] if p != "fine"] + list(parts.get("measures") or [])
    if (unit is not None and individual is not None) or (unit is None and individual is None) or others:
        ctx.error(row, "standard", msg("excel_import.tiers.individual_only"),
                  msg("excel_import.tiers.individual_only.expected"), show(row.get("standard"), 200))
        return None
    return {**parts, "fine": None, "individual_fine": individual or unit, "penalties": [], "measures": []}


def default_level(index: int, count: int) -> str:
    if count == 1:
        return "standard"
    return "lenient" if index == 0 else "aggravated" if index == count - 1 else "standard"


