"""The metadata of a workbook: the 基本信息 sheet (options a published table does not say) and the metadata
sheets 制定机关, 裁量因子, 事项, 基准, 清单 (one row per node, one column per key of the library format), and
the library files they give (authorities.yaml, factors.yaml, matters/, lists/)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from kit.i18n.validation import problems as validation_problems

from kit.baselines.errors import LoadError, show
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK, AuthorityLevel
from kit.i18n.message import msg

from . import records
from .context import Context
from .workbook import Grid, ref


def read_meta(grids: list[Grid], ctx: Context) -> dict[str, Any]:
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
            ctx.error(None, None, msg("excel_import.meta.no_keys"), msg("excel_import.meta.no_keys.expected"),
                      msg("excel_import.none"),
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
                                            msg("excel_import.meta.json.expected", mapping="{..}"), show(cells[key])))
            try:
                node: Any = model.model_validate(data)
            except ValidationError as exc:
                for p in validation_problems(exc):
                    key = p.field or "id"
                    col = keys.index(key) if key in keys else None
                    ctx.errors.append(LoadError(ctx.file, r + 1, None if col is None else col + 1,
                                                ref(grid.name, r + 1, col, key), p.text(),
                                                msg("excel_import.build.value.expected"), show(p.input)))
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


def apply_info(info: dict[str, Any], ctx: Context) -> None:
    """基本信息 fills options the command line did not give."""
    o = ctx.options
    value: Any
    for label, value in info.items():
        key = records.INFO_KEYS.get(label.strip())
        if key is None or not value or getattr(o, key) not in (None, False):
            continue
        if key == "effective_from":
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                ctx.error(None, None, msg("excel_import.meta.date"), msg("excel_import.meta.date.expected"), show(value),
                          sheet=records.INFO_SHEET)
                continue
        if key == "illustrative":
            value = value.strip() in ("是", "true", "1", "yes", ILLUSTRATIVE_MARK)
        setattr(o, key, value)


def common_files(meta: dict, ctx: Context) -> dict[str, dict]:
    o = ctx.options
    authorities = list(meta["authorities"])
    if o.authority and o.write_authority and not any(a.id == o.authority for a in authorities):
        from kit.baselines.models import Authority

        level = o.authority_level or authority_level(o.authority_name or "")
        try:
            authorities.append(Authority(id=o.authority, name=o.authority_name or o.authority,
                                         level=AuthorityLevel(level), region=o.region or "000000",
                                         sector=o.sector, parent=o.parent,
                                         disclaimer=ILLUSTRATIVE_MARK if o.illustrative else None))  # type: ignore[arg-type]  # the Literal
        except (ValidationError, ValueError) as exc:
            ctx.error(None, None, msg("excel_import.meta.authority"), msg("excel_import.meta.authority.expected"),
                      validation_problems(exc)[0].text() if isinstance(exc, ValidationError)
                      else str(exc).splitlines()[0])
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


def authority_level(name: str) -> str:
    """Documented default: 部/总局 national, 省/厅 provincial, 区/县 county, otherwise municipal."""
    if re.search(r"部$|总局$|国家", name):
        return "national"
    if re.search(r"省|自治区|厅$", name) and "市" not in name:
        return "provincial"
    if re.search(r"[区县]", name.replace("自治区", "")) and "市" not in name[-6:]:
        return "county"
    return "municipal"


