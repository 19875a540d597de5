"""An independent reading of a 裁量标准's numbers, to check the parser's specs against the text itself.

It shares no code with ``kit.excel.phrases``: cn2an.transform turns every Chinese numeral of the text into
digits, then the numbers are read left to right. A parsed standard is exact when the numbers of its specs,
in order (unit fine, then individual fine), are the numbers written in the text."""

from __future__ import annotations

import re
import warnings
from decimal import Decimal

import cn2an

from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine


def text_numbers(text: str) -> list[Decimal]:
    t = re.sub(r"\s+", "", text).replace("两", "二").replace("上一年度", "上年度").replace("％", "%")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = cn2an.transform(t, "cn2an")
    out = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)(万)?", t):
        value = Decimal(m.group(1)) * (10000 if m.group(2) else 1)
        out.append(value.normalize())
    return out


def spec_numbers(*specs) -> list[Decimal]:
    out: list[Decimal] = []
    for spec in specs:
        if spec is None:
            continue
        if isinstance(spec, RangeFine):
            values = [spec.min, spec.max]
        elif isinstance(spec, MaxOnlyFine):
            values = [spec.max]
        elif isinstance(spec, FixedFine):
            values = [spec.amount]
        elif isinstance(spec, MultipleFine):
            scale = 100 if spec.display == "percent" else 1
            values = [spec.min] if spec.min == spec.max else ([spec.max] if spec.min == 0 else [spec.min, spec.max])
            values = [v * scale for v in values]
        elif isinstance(spec, PerUnitFine):  # 每平方米一千元: the rate (a unit of 1 is not written)
            values = [spec.rate] if spec.unit == 1 else [spec.unit, spec.rate]
        else:
            raise AssertionError(f"unexpected shape {spec!r}")
        out.extend(Decimal(repr(v)).quantize(Decimal("0.0001")).normalize() for v in values)
    return out


def agrees(text: str, fine, individual_fine) -> bool:
    return [n.quantize(Decimal("0.0001")).normalize() for n in text_numbers(text)] == spec_numbers(fine,
                                                                                                   individual_fine)
