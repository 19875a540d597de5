"""A baseline table transcribed from prose (上海 沪公行规〔2022〕2号): one row per 裁量情节 of an item, its legal
basis in two columns and its standard either as the baseline words it or as the statute's range for that tier.

    序号 | 违法行为 | 法律依据_条款 | 法律依据_原文 | 裁量情节 | 适用情形 | 情形数 | 处罚标准_基准原文 | 法定处罚幅度_该档 | 行来源

``to_table`` turns such a sheet into the table layout the importer reads, keeping every row and column where
it is (so a problem is located at the transcription's own row and column):

* 法律依据_条款 + 法律依据_原文 → 设定依据 "条款：原文" (the citation is what precedes the colon);
* 裁量情节 → 裁量阶次 (情节较轻 / 情节严重 read by ``tiers.tier_level``; 一般（未列明情节） is 一般处罚 and
  构成重大火灾隐患 从重处罚, ``PROSE_LEVELS``);
* 适用情形 → 适用条件; with 情形数 ≥ 2 its ；-separated situations are the baseline's own numbered list
  ("有下列情形之一的，属于“情节严重”：（一）…；（二）…"), written as 有下列情形之一：（1）…；（2）… so each is one
  alternative;
* 行来源 → 备注, so a tier the transcriber read off the quoted article (法律依据推定: the statute's penalty for
  the case the baseline does not list, not printed in the document) says so in its remark;
* a column 类别 is added after the last: the tiers numbered in their order within the item;
* 处罚标准_基准原文 → 处罚标准; where the baseline gives no amount of its own (empty), the tier's statutory
  range 法定处罚幅度_该档 is its standard (the importer reads the same words either way)."""

from __future__ import annotations

import re

from .workbook import Grid

PROSE_COLUMNS = ("序号", "违法行为", "法律依据_条款", "法律依据_原文", "裁量情节", "适用情形", "情形数",
                 "处罚标准_基准原文", "法定处罚幅度_该档")
"""The header a prose transcription carries (行来源, when present, becomes 备注; other columns are ignored)."""

PROSE_LEVELS = {"一般（未列明情节）": "一般处罚", "构成重大火灾隐患": "从重处罚"}
"""裁量情节 naming no level word: the level of its tier (the others are read by ``tiers.tier_level``)."""

def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_prose(grid: Grid) -> bool:
    """The sheet's first row is the prose transcription's header."""
    return bool(grid.cells) and all(name in [_norm(c) for c in grid.cells[0]] for name in PROSE_COLUMNS)


def situations(text: str, count: str) -> str:
    """'a；b；c' with 情形数 3 → '有下列情形之一：（1）a；（2）b；（3）c', the list form the importer splits (the
    baseline's own words: 有下列情形之一的，属于“情节严重”：（一）a；（二）b；（三）c)."""
    parts = [p.strip("；;。 ") for p in re.split(r"[；;]", text) if p.strip("；;。 ")]
    if not count.isdigit() or int(count) < 2 or len(parts) != int(count):
        return text
    return "有下列情形之一：" + "；".join(f"（{i}）{p}" for i, p in enumerate(parts, start=1))


def to_table(grid: Grid) -> Grid:
    """The same sheet in the importer's table layout (same rows, same columns)."""
    header = [_norm(c) for c in grid.cells[0]]
    col = {name: header.index(name) for name in PROSE_COLUMNS}
    names = {"序号": "序号", "违法行为": "违法行为", "法律依据_条款": "设定依据", "裁量情节": "裁量阶次",
             "适用情形": "适用条件", "处罚标准_基准原文": "处罚标准", "行来源": "备注"}
    out = [[names.get(h, h) for h in header] + ["类别"]]
    tier, item = 0, None
    for r in range(1, len(grid.cells)):
        cells = list(grid.cells[r]) + [""] * (len(header) - len(grid.cells[r]))
        if not any(cells):
            out.append(cells)
            continue
        v = {name: grid.value(r, c) for name, c in col.items()}
        tier = tier + 1 if v["序号"] == item else 1
        item = v["序号"]
        cells[col["法律依据_条款"]] = (f"{v['法律依据_条款']}：{v['法律依据_原文']}" if v["法律依据_原文"]
                                   else v["法律依据_条款"])
        cells[col["裁量情节"]] = PROSE_LEVELS.get(_norm(v["裁量情节"]), v["裁量情节"])
        cells[col["适用情形"]] = situations(v["适用情形"], v["情形数"])
        cells[col["处罚标准_基准原文"]] = v["处罚标准_基准原文"] or v["法定处罚幅度_该档"]
        out.append(cells + [str(tier)])
    return Grid(grid.name, out, set(grid.merged))
