"""Amounts as officers write them: ``15000``, ``15,000``, ``15,000元``, ``1.5万元``, ``一万五千元``, ``一万五``,
``壹万伍仟元整``, ``1万5千``, ``¥15,000``, ``0.8万``, ``一点五万元``.

``parse_amount(text) -> float`` reads one amount in yuan or raises ``AmountError`` saying what could not be
read (its ``key`` is a message of ``kit/i18n/messages/grading.yaml``). No guessing: a word that is not a number,
two numbers, a negative or an amount beyond a trillion yuan are errors."""

from __future__ import annotations

import math
import re

LIMIT = 1e12
"""The largest amount read (a trillion yuan): beyond it the input is taken for a typing error."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
           "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_NOISE = re.compile(r"[,，_]|人民币|rmb|cny|yuan|元整|元|圆|块钱|块|整|[¥￥]", re.IGNORECASE)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖]+(?:点[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖]+)?"
                    r"|[十拾百佰千仟万萬亿]")


class AmountError(ValueError):
    """An amount that cannot be read; ``key`` names the catalog message, ``text`` the input."""

    def __init__(self, key: str, text: str):
        self.key, self.text = key, text
        super().__init__(f"{key}: {text!r}")


def _digit_run(run: str) -> float:
    """``一五`` → 15 (digits written one by one), ``一点五`` → 1.5."""
    whole, _, frac = run.partition("点")
    value = float("".join(str(_DIGITS[c]) for c in whole) or 0)
    if frac:
        value += float("0." + "".join(str(_DIGITS[c]) for c in frac))
    return value


def parse_amount(text: object) -> float:
    """The amount ``text`` names, in yuan (see the module docstring for the forms read)."""
    if isinstance(text, bool):
        raise AmountError("amount_not_number", str(text))
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        raw = str(text).strip()
        cleaned = _NOISE.sub("", raw).strip()
        if re.search(r"\s", cleaned):
            raise AmountError("amount_two_numbers", raw)
        if not cleaned:
            raise AmountError("amount_empty", raw)
        if cleaned.startswith("-") or cleaned.startswith("负"):
            raise AmountError("amount_negative", raw)
        tokens = _TOKEN.findall(cleaned)
        if "".join(tokens) != cleaned:
            raise AmountError("amount_not_number", raw)
        value = _combine(tokens, raw)
    if not math.isfinite(value) or value < 0:
        raise AmountError("amount_negative" if value < 0 else "amount_not_number", str(text))
    if value > LIMIT:
        raise AmountError("amount_too_large", str(text))
    return round(value, 2)


def _combine(tokens: list[str], raw: str) -> float:
    total = section = 0.0
    number: float | None = None
    last_unit = None  # the unit just applied, for the spoken short form 一万五 (= 一万五千)
    last_small = 10_000  # units within a section must fall: 五百三百 is two numbers
    for token in tokens:
        if token in _SMALL or token in _LARGE:
            unit = _SMALL.get(token) or _LARGE[token]
            if token in _SMALL:
                if number is None and section == 0 and total == 0 and unit == 10:
                    number = 1.0  # 十五 = 15
                if number is None:
                    raise AmountError("amount_not_number", raw)
                if unit >= last_small:
                    raise AmountError("amount_two_numbers", raw)
                section += number * unit
                last_small = unit
            else:
                if number is None and section == 0:
                    raise AmountError("amount_not_number", raw)
                total = (total + section + (number or 0)) * unit if total and unit > 10_000 else \
                    total + (section + (number or 0)) * unit
                section, last_small = 0.0, 10_000
            number, last_unit = None, unit
            continue
        if number is not None:
            raise AmountError("amount_two_numbers", raw)
        number = float(token) if token[0].isdigit() else _digit_run(token)
    if number is not None:
        if last_unit and last_unit >= 100 and len(tokens[-1]) == 1 and tokens[-1] not in "0零〇" \
                and len(tokens) > 1 and tokens[-2] in {**_SMALL, **_LARGE}:
            number *= last_unit / 10  # 一万五 → 一万五千, 三千五 → 三千五百
        section += number
    return total + section
