"""The workbook's metadata sheets (制定机关, 裁量因子, 事项, 基准, 清单): one row per node, one column per key
of the library format. Text keys are written as text; lists and mappings as JSON (which is YAML)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from typing import Any

from pydantic import BaseModel

from kit.baselines.models import Authority, Baseline, ExemptionList, Factor, Matter
from kit.i18n.message import Msg, msg

META_SHEETS: dict[str, tuple[str, type[BaseModel], tuple[str, ...]]] = {
    "制定机关": ("authorities", Authority, ()),
    "裁量因子": ("factors", Factor, ()),
    "事项": ("matter", Matter, ()),
    "基准": ("baseline", Baseline, ("levels", "tiers")),
    "清单": ("exemption_list", ExemptionList, ()),
}
"""Sheet name → (file kind, model, keys kept in the table sheets instead)."""

INFO_SHEET = "基本信息"
"""Optional key/value sheet of a hand-written workbook: 制定机关编号, 制定机关名称, 施行日期 … (see docs/excel.md)."""

INFO_KEYS = {
    "制定机关编号": "authority", "制定机关名称": "authority_name", "制定机关层级": "authority_level",
    "行政区划代码": "region", "领域": "sector", "施行日期": "effective_from", "版本": "version",
    "文号": "document", "标题": "title", "示例": "illustrative", "上级机关编号": "parent",
}


def _is_text(annotation: Any) -> bool:
    """Keys written as plain text: str, ids, dates, enums and literals of text."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, __import__("types").UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return False
            annotation = members[0]
            continue
        if origin is typing.Literal:
            return all(isinstance(a, str) for a in typing.get_args(annotation))
        return isinstance(annotation, type) and issubclass(annotation, (str, dt.date, enum.Enum))


def columns(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[str]:
    return [k for k in model.model_fields if k not in skip]


def encode(node: BaseModel, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Cells of one node; keys at their default are left blank."""
    data = node.model_dump(mode="json")
    out = {}
    for key, info in type(node).model_fields.items():
        if key in skip:
            continue
        value = getattr(node, key)
        default = info.get_default(call_default_factory=True)
        if value == default:
            out[key] = ""
        elif _is_text(info.annotation):
            out[key] = str(data[key])
        else:
            out[key] = json.dumps(data[key], ensure_ascii=False, separators=(", ", ": "))
    return out


def decode(model: type[BaseModel], cells: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, Msg]]]:
    """Data for ``model`` from the cells of one row, and (key, problem) for cells that are not JSON."""
    data: dict[str, Any] = {}
    problems = []
    for key, text in cells.items():
        if key not in model.model_fields:
            continue
        if text == "":
            info = model.model_fields[key]
            if info.is_required() and info.annotation is str:  # a required text written empty (name_en: "")
                data[key] = ""
            continue
        if _is_text(model.model_fields[key].annotation):
            data[key] = text
            continue
        try:
            data[key] = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append((key, msg("excel_import.meta.not_json", line=exc.lineno, col=exc.colno)))
    return data, problems
