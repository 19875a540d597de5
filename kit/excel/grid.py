"""Grids: tables whose tiers are the cells of two dimensions (违法程度 × 近二年同类违法行为情况, 整改情况, 涉案面积).

Layout: a header row 序号 | 违法行为 | 法律依据 | 违法程度 | 〈the second dimension〉, the second dimension's name
over its columns (merged), and below it a row of its values (首次 | 第二次 | 第三次及以上). Each data row is one
value of 违法程度 with a 裁量标准 in each cell. Every cell is one tier (numbered row by row) whose one
alternative is the conjunction of its row's and its column's conditions, read from the words as in
``conditions.py`` (the column's value read with the dimension's name: 近二年 + 第二次 → violations_2y == 2);
words that are not thresholds need a factor. Levels: the documented default over the cells in order."""

from __future__ import annotations

from typing import Any

import re

from pydantic import ValidationError

from kit.i18n.validation import problems

from kit.baselines.errors import show
from kit.baselines.models import Tier
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK
from kit.i18n.message import msg

from .circumstances import Circumstances, fact_def
from .conditions import read_condition
from .context import Context, Row
from .phrases import PhraseError, parse_standard
from .tiers import default_level
from .workbook import Grid

FIXED = {"no": ("序号",), "act": ("违法行为",), "basis": ("法律依据", "处罚依据", "设定依据"),
         "degree": ("违法程度", "违法情节")}
_ORDINAL = {"首次": "第1次", "初次": "第1次", "第一次": "第1次"}


def _layout(grid: Grid) -> tuple[int, dict[str, int], str, list[tuple[int, str]]] | None:
    for r in range(min(6, len(grid.cells) - 1)):
        cells = [re.sub(r"\s+", "", c) for c in grid.cells[r]]
        cols = {k: cells.index(n) for k, names in FIXED.items() for n in names if n in cells}
        if not {"act", "degree"} <= set(cols):
            continue
        after = [c for c in range(cols["degree"] + 1, len(cells)) if cells[c]]
        values = [(c, re.sub(r"\s+", "", grid.cells[r + 1][c])) for c in after if grid.cells[r + 1][c]]
        if after and len(values) >= 2 and len({cells[c] for c in after}) == 1:
            return r, cols, cells[after[0]], values
    return None


def is_grid(grid: Grid) -> bool:
    return _layout(grid) is not None


def _column_reading(dimension: str, value: str):
    window = re.search(r"近两年|近二年|两年内|二年内|一年内|近一年", dimension)
    if window:
        value = _ORDINAL.get(value, value)
        value = re.sub(r"^(第[^次]+次)及以上$", r"\1及以上", value)
        reading = read_condition(window.group(0) + value)
        if reading.all and not reading.words:
            return reading
    reading = read_condition(dimension + value)
    return reading if reading.all and not reading.words else read_condition(value)


def read_grid(grid: Grid, ctx: Context) -> tuple[dict[str, dict], int, int]:
    """(files, rows read, rows written) of one grid sheet; a grid with a problem cell is not written."""
    o = ctx.options
    header, cols, dimension, values = _layout(grid)
    labels = {k: re.sub(r"\s+", "", grid.cells[header][c]) for k, c in cols.items()}
    data_rows = [r for r in range(header + 2, len(grid.cells)) if any(grid.cells[r])]
    first = Row(grid.name, data_rows[0] + 1 if data_rows else header + 2,
                {k: grid.value(data_rows[0] if data_rows else header, c) for k, c in cols.items()}, cols, labels)
    from .build import _safe_id, statute_level, statutory_fine

    base = f"{o.authority}-{_safe_id(first.get('no') or grid.name)}"
    circ = Circumstances(base)
    cells = []
    before = len(ctx.errors)
    for r in data_rows:
        degree = grid.value(r, cols["degree"])
        row_reading = read_condition(degree)
        for c, value in values:
            text = grid.value(r, c)
            where = Row(grid.name, r + 1, {"standard": text}, {"standard": c}, {"standard": f"{dimension}：{value}"})
            try:
                parsed = parse_standard(text)
            except PhraseError as exc:
                ctx.error(where, "standard", msg("excel_import.standard", reason=exc.reason, clause=exc.clause),
                          msg("excel_import.standard.expected"), show(text, 200))
                continue
            col_reading = _column_reading(dimension, value)
            words = [t for t, rd in ((degree, row_reading), (f"{dimension}：{value}", col_reading)) if rd.words]
            alt = {"text": f"{degree}；{dimension}：{value}", "all": [*row_reading.all, *col_reading.all]}
            for rd in (row_reading, col_reading):
                for fact, lab in rd.facts.items():
                    circ.labels.setdefault(fact, lab)
            if words:
                alt["factor"] = circ._factor("；".join(words))
            cells.append((alt, parsed, text))
    if len(ctx.errors) > before or not cells:
        return {}, len(data_rows), 0
    tiers = []
    for i, (alt, parsed, text) in enumerate(cells):
        try:
            tiers.append(Tier.model_validate({
                "no": i + 1, "level": default_level(i, len(cells)), "when": [alt], "fine": parsed.fine,
                "individual_fine": parsed.individual_fine, "penalties": parsed.penalties,
                "measures": parsed.measures, "standard": text}))
        except ValidationError as exc:
            p = problems(exc)[0]
            ctx.error(first, "degree", msg("load.at", where=msg("excel_import.grid.cell", n=i + 1), text=p.text()),
                      msg("excel_import.grid.cell.expected"), show(text))
            return {}, len(data_rows), 0
    basis = first.get("basis")
    citation = re.split(r"[：:\n]", basis.strip(), maxsplit=1)[0].strip() if basis else first.get("act")
    facts = {c.fact: fact_def(c.fact, circ.labels) for t in tiers for a in t.when for c in a.all}
    mark = ILLUSTRATIVE_MARK if o.illustrative else None
    statutory = statutory_fine(basis) if basis else None
    files: dict[str, Any] = {
        f"matters/{base}.yaml": {"format_version": 1, "matter": {
            "id": base, "name": first.get("act"), "name_en": "", "sector": o.sector, "breaches": [citation],
            "facts": list(facts.values()), "disclaimer": mark,
            "provisions": [{"id": f"{base}-basis", "citation": citation, "statute_level": statute_level(citation),
                            "effective_from": o.effective_from, "fine": statutory,
                            "penalties": ["fine"] if statutory else [], "text": basis or None}]}},
        f"baselines/{base}.yaml": {"format_version": 1, "baseline": {
            "id": base, "title": f"{o.title or grid.name} {first.get('act')}".strip(), "authority": o.authority,
            "matter": base, "provision": f"{base}-basis", "version": o.version or str(o.effective_from.year),
            "effective_from": o.effective_from, "document": o.document, "disclaimer": mark, "tiers": tiers,
            "teaching_note": "网格表：每格一档，条件为所在行（违法程度）与所在列的情形同时满足；阶次由导入程序按格序推定。"}},
    }
    factors = circ.factors({a.factor for t in tiers for a in t.when if a.factor}, files[f"baselines/{base}.yaml"]
                           ["baseline"]["title"])
    if factors:
        files[f"factors/{base}.yaml"] = {"format_version": 1, "factors": factors}
    ctx.parsed.update((grid.name, r + 1) for r in data_rows)
    return files, len(data_rows), len(data_rows)
