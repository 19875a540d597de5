"""Reading the fine an officer types: ``5万元``, ``50,000``, ``五万``, ``1.2万``, ``3000元``, ``叁仟元`` → yuan.

A small parser of its own (the grader takes yuan as a number): Arabic digits with thousands separators
(``,`` ``，`` or thin spaces), an optional ``万`` / ``万元`` / ``元`` unit, or Chinese numerals (lower or upper case,
with 十/百/千/万/亿). Anything else is an ``AmountError`` naming what could not be read — never a silent 0."""

from __future__ import annotations

import re

MAX_YUAN = 1e12
"""Inputs are bounded: no fine in a baseline comes near a trillion yuan."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
           "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_ARABIC = re.compile(r"^\d+(\.\d+)?$")


class AmountError(ValueError):
    """The text is not an amount; ``text`` is what the officer typed."""

    def __init__(self, text: str):
        self.text = text
        super().__init__(f"not an amount: {text!r}")


def _chinese(text: str) -> float:
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None:  # 二五 — two digits in a row is not a numeral
                raise AmountError(text)
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            if not section and not total:
                raise AmountError(text)  # 万 with nothing before it
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section, digit = 0, None
        else:
            raise AmountError(text)
        if ch == "零":
            digit = None
    return float(total + section + (digit or 0))


def parse_amount(text: str | float | int | None) -> float | None:
    """Yuan from what the officer typed; ``None`` for an empty box (no fine). Raises ``AmountError``."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        raw = str(text)
        s = re.sub(r"[\s,，'\u2009\u202f_]", "", raw).replace("人民币", "").replace("¥", "").replace("￥", "")
        s = s.removesuffix("元整").removesuffix("元").removesuffix("yuan").removesuffix("整")
        if not s:
            return None
        multiplier = 1.0
        if s.endswith(("万", "萬")) and _ARABIC.match(s[:-1] or "x"):
            s, multiplier = s[:-1], 10_000.0
        if _ARABIC.match(s):
            value = float(s) * multiplier
        elif all(ch in _DIGITS or ch in _SMALL or ch in _BIG for ch in s):
            value = _chinese(s)
        else:
            raise AmountError(raw)
    if value < 0 or value > MAX_YUAN or value != value:
        raise AmountError(str(text))
    return value
