"""A published 裁量情节 / 适用条件 → conditions the engine can decide: thresholds over facts where the text states
one (排放量10吨以上20吨以下, 两年内第2次, 第二次被处罚的, 超标0.5倍以下), otherwise a factor of the matter (a box an
officer ticks, labelled with the published words). Both can hold at once: 以拖延等方式拒绝现场检查的（10分钟以上
30分钟以下） is the factor 以拖延等方式拒绝… and the fact minutes in [10, 30].

The reader is strict in the same way as the phrase reader: a clause is a threshold only when it matches one
of the forms below in full and names a measure of ``MEASURES``; any other clause stays words (the factor).
Nothing is guessed: a number without a known measure is left to the factor's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .phrases import NUM, PhraseError, normalise, number

MEASURES: list[tuple[str, str, str, str, str]] = [
    # (words before the number, unit after it, fact id, label zh, label en). First match wins.
    (r"排放量|排放", "吨", "emission_t", "排放量（吨）", "quantity discharged (tonnes)"),
    (r"贮存量|储存量|数量|重量|倾倒", "吨", "quantity_t", "涉案数量（吨）", "quantity involved (tonnes)"),
    (r"面积|占地", "平方米", "area_m2", "涉案面积（平方米）", "area involved (square metres)"),
    (r"超标|超过排放标准|超过.*标准", "倍", "excess_ratio", "超标倍数", "times over the standard"),
    (r"", "分钟", "delay_minutes", "拖延时间（分钟）", "delay (minutes)"),
    (r"违法所得", "元", "illegal_gains", "违法所得", "illegal gains"),
    (r"货值金额|货值", "元", "goods_value", "货值金额", "value of the goods"),
    (r"", "日", "days", "持续天数（日）", "duration (days)"),
    (r"", "天", "days", "持续天数（日）", "duration (days)"),
    (r"", "吨", "quantity_t", "涉案数量（吨）", "quantity involved (tonnes)"),
    (r"", "平方米", "area_m2", "涉案面积（平方米）", "area involved (square metres)"),
]
"""Measures a threshold can be over. Extending the reader to a new table usually means a row here."""

HISTORY: list[tuple[str, str, str, str]] = [
    # (window words, fact id, label zh, label en): the count includes this violation (第1次 = 1).
    (r"两年内|二年内|近两年|近二年", "violations_2y", "两年内同类违法行为次数（含本次）",
     "similar violations within two years, this one included"),
    (r"一年内|近一年|一周年内|", "penalties_1y", "一年内因同一违法行为被处罚的次数（含本次）",
     "times punished for the same violation within one year, this one included"),
]
"""Counts over the party's history. 第二次被处罚的 (深圳: 本次违法行为发生之日起向前追溯一周年, see the table's
notes) is penalties_1y == 2; 两年内第2次 (江门) is violations_2y == 2. A history of dated earlier penalties
(the engine's party history) gives these counts; a case may also state them as facts."""

_ORD = rf"(?:第)?(?P<n>{NUM})次"


@dataclass
class Reading:
    """What one condition text gives: comparisons over facts (all must hold) and, where words remain, the
    factor's label (the whole published text); the facts used, with their labels and units."""

    text: str
    all: list[dict] = field(default_factory=list)
    words: bool = False  # some clause is not a threshold: a factor (labelled with the text) must be ticked
    facts: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id → (zh, en, unit)
    named: dict[str, str] = field(default_factory=dict)  # id → the table's own words for the measure, if any


def _num(token: str) -> float | None:
    try:
        return number(token, token)
    except PhraseError:
        return None


def _history(clause: str) -> tuple[str, list[dict]] | None:
    """两年内第2次 / 第二次被处罚的 / 第三次及以上被处罚的 / 两年内超过3次的 / 两年内3次以上的."""
    for window, fact, _, _ in HISTORY:
        m = re.fullmatch(rf"(?P<w>{window})(?:(?P<first>初犯)|第(?P<n>{NUM})次(?P<up>及以上|以上)?"
                         rf"|(?P<over>超过)(?P<m>{NUM})次(?:以上)?|(?P<k>{NUM})次(?P<up2>及以上|以上))"
                         rf"(?:被处罚|违法)?(?:的)?", clause)
        if not m or (not m.group("w") and (m.group("first") or "被处罚" not in clause)):
            continue
        if m.group("first"):
            return fact, [{"fact": fact, "op": "==", "value": 1.0}]
        if m.group("n"):
            n = _num(m.group("n"))
            op = ">=" if m.group("up") else "=="
        elif m.group("over"):
            n, op = _num(m.group("m")), ">"
        else:
            n, op = _num(m.group("k")), ">="
        if n is None:
            return None
        return fact, [{"fact": fact, "op": op, "value": n}]
    return None


def _threshold(clause: str) -> tuple[str, list[dict], str | None] | None:
    """〈measure〉A〈unit〉以上B〈unit〉以下 / A〈unit〉以下 / 不超过A / 超过A / 不足A / A〈unit〉以上 (以上/以下 含本数)."""
    c = re.sub(r"^[（(]|[）)]$", "", clause).removesuffix("的")
    for words, unit, fact, _, _ in MEASURES:
        forms = [
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)(?P<a>{NUM}){unit}?以上(?P<b>{NUM}){unit}以下", "range"),
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)(?:不足|少于|低于)(?P<b>{NUM}){unit}", "lt"),
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)(?:不超过)(?P<b>{NUM}){unit}", "le"),
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)(?P<b>{NUM}){unit}(?:以下|及以下)", "le"),
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)超过(?P<a>{NUM}){unit}(?:以上)?", "gt"),
            (rf"(?P<pre>(?:{words})?[^0-9零〇一二两三四五六七八九十百千万]*?)(?P<a>{NUM}){unit}(?:以上|及以上)", "ge"),
        ]
        if words and not re.search(words, c):
            continue
        for pattern, shape in forms:
            m = re.fullmatch(pattern, c)
            if not m:
                continue
            a = _num(m.group("a")) if "a" in m.groupdict() and m.group("a") else None
            b = _num(m.group("b")) if "b" in m.groupdict() and m.group("b") else None
            if (shape in ("range", "gt", "ge") and a is None) or (shape in ("range", "lt", "le") and b is None):
                return None
            pre = re.sub(r"(?:在|为|达到|的|不足|少于|低于|不超过|超过)+$", "", m.group("pre"))
            named = f"{pre}（{unit}）" if len(pre) >= 2 else None
            if shape == "range":
                if a > b:
                    return None
                return fact, [{"fact": fact, "op": ">=", "value": a}, {"fact": fact, "op": "<=", "value": b}], named
            op = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}[shape]
            return fact, [{"fact": fact, "op": op, "value": a if a is not None else b}], named
    return None


def label(fact: str) -> tuple[str, str, str]:
    for _, unit, fid, zh, en in MEASURES:
        if fid == fact:
            return zh, en, unit
    for _, fid, zh, en in HISTORY:
        if fid == fact:
            return zh, en, "次"
    raise KeyError(fact)


def read_condition(text: str) -> Reading:
    """The comparisons the words state, and whether words remain for a factor. 或者/或 between thresholds
    (an alternative inside one condition) is not split: such a text stays a factor."""
    out = Reading(text)
    body = normalise(text).removesuffix("的")
    body = re.sub(r"[（(]含本数[）)]", "", body)
    # a parenthesised threshold at the end is a clause of its own: 拒绝…检查的（10分钟以上30分钟以下）
    body = re.sub(r"[（(]([^（）()]*\d[^（）()]*)[）)]$", r"，\1", body)
    if re.search(r"[，,；;]或", body):  # …，或者…: alternatives, not conditions that all hold (split them first)
        out.words = True
        return out
    for clause in filter(None, re.split(r"[，,；;。]|且", body)):
        clause = clause.removesuffix("的")
        history = None if re.search(r"或", clause) else _history(clause)
        found = (*history, None) if history else (None if re.search(r"或", clause) else _threshold(clause))
        if found is None:
            out.words = True
            continue
        fact, conds, named = found
        out.all.extend(conds)
        zh, en, unit = label(fact)
        out.facts[fact] = (named or zh, en, unit)
        if named:
            out.named[fact] = named
    return out
