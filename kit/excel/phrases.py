"""Read a 裁量标准 / 具体标准 cell ("责令改正，处五万元以上八万元以下罚款") into the library's penalty specs,
and write specs back as words.

The parser is strict: the cell is cut into clauses at ，；。 and every clause must match one of the forms
listed in ``docs/excel.md`` in full. A clause it does not understand, a formula, a typo of the source
(处以处…) or a bound the format cannot hold exactly (不足, 超过) raises ``PhraseError`` with the reason and
the clause; nothing is guessed. Chinese numerals are read by cn2an.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import cn2an

from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine
from kit.baselines.vocabulary import PenaltyType
from kit.i18n.message import Msg, msg

from . import alternatives
from .vocabulary import (
    BASE_PHRASE,
    BASES,
    INDIVIDUAL_WORDS,
    MEASURE_PATTERN,
    MEASURE_WORDS,
    NO_PENALTY_WORDS,
    PENALTY_CLAUSES,
    PENALTY_PHRASE,
    PER_UNITS,
    PROCEDURE_WORDS,
    UNMAPPED_PENALTIES,
)

NUM = r"[0-9.零〇一二两三四五六七八九十百千万亿点]+"
_PENALTY_ORDER = {p: i for i, p in enumerate(PenaltyType)}


class PhraseError(ValueError):
    """A 裁量标准 the importer does not understand: why, and the clause it stopped at."""

    def __init__(self, reason: Msg, clause: str, text: str = ""):
        self.reason, self.clause, self.text = reason, clause, text  # reason: a catalog message (excel_import.phrase.*)
        super().__init__(f"{reason}: '{clause}'")


@dataclass(frozen=True)
class ParsedStandard:
    """What one 裁量标准 says: the unit's fine, the individual fine (双罚), penalty types and measures."""

    text: str
    fine: object | None = None
    individual_fine: object | None = None
    penalties: list[PenaltyType] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    no_penalty: bool = False
    optional_fine: bool = False  # 可以处 / 可处: the fine may be imposed; the words stay in the standard text


# ---------------------------------------------------------------- numbers


def number(token: str, clause: str) -> float:
    """一万五千 → 15000, 10万 → 100000, 8.5万 → 85000 (cn2an for the numerals; decimals kept exact)."""
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?万?", token):  # Arabic, exact in decimal
            value = Decimal(token.rstrip("万")) * (10000 if token.endswith("万") else 1)
            return _float(value)
        return _float(Decimal(str(cn2an.cn2an(token, "smart"))))
    except (ValueError, InvalidOperation, KeyError, IndexError):
        raise PhraseError(msg("excel_import.phrase.not_number"), token) from None


def _float(value: Decimal) -> float:
    return float(int(value)) if value == value.to_integral_value() else float(value)


def _percent(token: str, clause: str) -> float:
    return _float(Decimal(repr(number(token, clause))) / 100)


# ---------------------------------------------------------------- clauses

_FINE = re.compile(
    r"^(?P<subject>(?:并)?对.+?|个人)?(?P<mod>可以并处|并可以处|并可处|可以处以|可以处|可并处|可处|并处以|并处|处以|处)"
    r"(?P<body>.+?)(?:的)?罚款$"
)
_COMPUTED = re.compile(r"^(?:按照|按)(?P<body>.+?)计算罚款$")
_FORMULA_WORDS = ("每增加", "每超", "每个因子", "取整", "取齐", "舍", "按日连续", "最高不超过", "最高不得超过")

_AMOUNT_FORMS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"^(?P<a>{NUM})(?:元)?以上(?P<b>{NUM})元以下$"), "range"),
    (re.compile(rf"^(?P<a>{NUM})元以上(?P<b>{NUM})以下$"), "range"),  # the unit on the lower bound only
    (re.compile(rf"^(?P<b>{NUM})元以下$"), "max"),
    (re.compile(rf"^不超过(?P<b>{NUM})元$"), "max"),
    (re.compile(rf"^(?P<a>{NUM})元$"), "fixed"),
]
_MULTIPLE_FORMS: list[tuple[re.Pattern, str, str]] = [
    (re.compile(rf"^(?P<a>{NUM})(?:倍)?以上(?P<b>{NUM})倍以下$"), "range", "times"),
    (re.compile(rf"^(?P<b>{NUM})倍以下$"), "max", "times"),
    (re.compile(rf"^(?P<a>{NUM})倍$"), "fixed", "times"),
    (re.compile(rf"^百分之(?P<a>{NUM})以上百分之(?P<b>{NUM})以下$"), "range", "percent"),
    (re.compile(rf"^(?P<a>{NUM})%?以上(?P<b>{NUM})%以下$"), "range", "percent"),
    (re.compile(rf"^百分之(?P<b>{NUM})以下$"), "max", "percent"),
    (re.compile(rf"^(?P<b>{NUM})%以下$"), "max", "percent"),
    (re.compile(rf"^百分之(?P<a>{NUM})$"), "fixed", "percent"),
    (re.compile(rf"^(?P<a>{NUM})%$"), "fixed", "percent"),
]


def _bare(clause: str) -> object | None:
    """A bare amount, as a 罚款 / 处罚标准 column writes it (1万元以上3万元以下): the fine, when the whole clause
    is one of the amount forms with 元 in it."""
    if "元" not in clause or "元元" in clause:
        return None
    for pattern, shape in _AMOUNT_FORMS:
        m = pattern.match(clause)
        if m:
            return _spec(shape, m, clause, number, lambda lo, hi: RangeFine(min=lo, max=hi),
                         lambda hi: MaxOnlyFine(max=hi), lambda a: FixedFine(amount=a))
    return None


def normalise(text: str) -> str:
    """Drop spaces and line breaks, full-width digits and ％ to half-width, trailing 。, 含本数 notes."""
    out = re.sub(r"\s+", "", str(text))
    out = re.sub(r"[（(](?:均)?含本数[）)]", "", out)
    out = re.sub(r"^(?:罚款|处罚|处罚标准|裁量标准|具体标准)[：:]", "", out)  # a label before the fine
    out = out.translate(str.maketrans("０１２３４５６７８９％．", "0123456789%."))
    return out.rstrip("。")


def clauses(text: str) -> list[str]:
    return [part for c in re.split(r"[，,；;。]", normalise(text)) if c for part in alternatives.expand(c)]


def parse_standard(text: str) -> ParsedStandard:
    """Parse one 裁量标准 cell; raise ``PhraseError`` at the first clause that is not understood."""
    parts = clauses(text)
    if not parts:
        raise PhraseError(msg("excel_import.phrase.empty"), str(text), str(text))
    fine = individual = None
    penalties: set[PenaltyType] = set()
    measures: list[str] = []
    no_penalty = optional = False
    pending_individual = False
    try:
        for clause in parts:
            if clause in NO_PENALTY_WORDS:
                no_penalty = True
                continue
            if clause in PROCEDURE_WORDS or clause == alternatives.ALTERNATIVE_MARK:  # 处警告或者…罚款: the provision's
                continue
            if any(word in clause for word in _FORMULA_WORDS):
                raise PhraseError(msg("excel_import.phrase.formula"), clause)
            if "罚款" in clause or _per_unit(clause) is not None or _bare(clause) is not None:
                spec, who, may = _fine_clause(clause) if "罚款" in clause else (_per_unit(clause) or _bare(clause),
                                                                               "unit", False)
                if who == "individual" or pending_individual:  # 并对…人员，处…罚款: subject in the clause before
                    if individual is not None:
                        raise PhraseError(msg("excel_import.phrase.two_individual"), clause)
                    individual = spec
                else:
                    if fine is not None:
                        raise PhraseError(msg("excel_import.phrase.two_unit"), clause)
                    fine = spec
                    optional = optional or may
                    penalties.add(PenaltyType.fine)
                pending_individual = False
                continue
            if re.match(r"^(?:并)?对.+", clause) and any(w in clause for w in INDIVIDUAL_WORDS) and "处" not in clause:
                pending_individual = True  # 并对…直接责任人员，处…罚款: the subject stands in its own clause
                continue
            penalty = next((p for pattern, p in PENALTY_CLAUSES if re.match(pattern, clause)), None)
            if penalty is not None:
                penalties.add(penalty)
                continue
            if any(word in clause for word in UNMAPPED_PENALTIES):
                raise PhraseError(msg("excel_import.phrase.no_type"), clause)
            if re.match(MEASURE_PATTERN, clause) or clause in MEASURE_WORDS:
                measures.append(clause[1:] if clause.startswith("并") else clause)
                continue
            raise PhraseError(msg("excel_import.phrase.clause"), clause)
    except PhraseError as exc:
        raise PhraseError(exc.reason, exc.clause, str(text)) from None
    if pending_individual:
        raise PhraseError(msg("excel_import.phrase.individual_no_fine"), parts[-1], str(text))
    if no_penalty and (fine or individual or penalties):
        raise PhraseError(msg("excel_import.phrase.none_with_penalty"), normalise(text), str(text))
    return ParsedStandard(
        text=str(text), fine=fine, individual_fine=individual,
        penalties=sorted(penalties, key=_PENALTY_ORDER.__getitem__), measures=measures,
        no_penalty=no_penalty, optional_fine=optional,
    )


_UNIT = "|".join(sorted(map(re.escape, PER_UNITS), key=len, reverse=True))
_PER_UNIT = [
    re.compile(rf"^(?:按照?[^处]+?)?(?:处以?)每(?P<u>{_UNIT})(?P<a>{NUM})元(?:的)?罚款$"),
    re.compile(rf"^每(?P<u>{_UNIT})(?:处以?)(?P<a>{NUM})元(?:的)?罚款$"),
    re.compile(rf"^(?:处以?)?(?P<a>{NUM})元/(?P<u>{_UNIT})(?:的?罚款)?$"),
]


def _per_unit(clause: str) -> PerUnitFine | None:
    """处每平方米一千元罚款 / 每处违法设施处五千元罚款 / 800元/车次: a rate per unit of a fact, no cap."""
    for pattern in _PER_UNIT:
        m = pattern.match(clause)
        if m:
            return PerUnitFine(per=PER_UNITS[m.group("u")][0], unit=1, rate=number(m.group("a"), clause))
    return None


def _fine_clause(clause: str) -> tuple[object, str, bool]:
    """One clause holding 罚款 → (spec, 'unit' | 'individual', optional?)."""
    if "元元" in clause:
        raise PhraseError(msg("excel_import.phrase.yuan_twice"), clause)
    per_unit = _per_unit(clause)
    if per_unit is not None:
        return per_unit, "unit", False
    computed = _COMPUTED.match(clause)
    if computed:
        return _multiple_or_amount(computed.group("body"), clause), "unit", False
    m = _FINE.match(clause)
    if not m:
        raise PhraseError(msg("excel_import.phrase.fine_form"), clause)
    body = m.group("body")
    if body.startswith(("处", "以处")):
        raise PhraseError(msg("excel_import.phrase.chu_twice"), clause)
    subject = m.group("subject") or ""
    who = "individual" if any(w in subject for w in INDIVIDUAL_WORDS) else "unit"
    return _multiple_or_amount(body, clause), who, "可" in m.group("mod")


def _multiple_or_amount(body: str, clause: str) -> object:
    for phrase in sorted(BASES, key=len, reverse=True):
        if body.startswith(phrase):
            return _multiple(BASES[phrase][0], body[len(phrase):].removeprefix("的"), clause)
    if "不足" in body or re.search(r"(?<!不)超过", body):
        raise PhraseError(msg("excel_import.phrase.exclusive"), clause)
    for pattern, shape in _AMOUNT_FORMS:
        m = pattern.match(body)
        if m:
            return _spec(shape, m, clause, number, lambda lo, hi: RangeFine(min=lo, max=hi),
                         lambda hi: MaxOnlyFine(max=hi), lambda a: FixedFine(amount=a))
    if re.search(r"倍|百分之|%", body):
        raise PhraseError(msg("excel_import.phrase.base"), clause)
    raise PhraseError(msg("excel_import.phrase.amount"), clause)


def _multiple(base: str, rest: str, clause: str) -> MultipleFine:
    for pattern, shape, display in _MULTIPLE_FORMS:
        m = pattern.match(rest)
        if m:
            read = number if display == "times" else _percent
            return _spec(shape, m, clause, read,
                         lambda lo, hi, display=display: MultipleFine(base=base, min=lo, max=hi, display=display),
                         lambda hi, display=display: MultipleFine(base=base, max=hi, display=display),
                         lambda a, display=display: MultipleFine(base=base, min=a, max=a, display=display))
    raise PhraseError(msg("excel_import.phrase.multiple"), clause)


def _spec(shape, m, clause, read, make_range, make_max, make_fixed):
    if shape == "range":
        lo, hi = read(m.group("a"), clause), read(m.group("b"), clause)
        if lo > hi:
            raise PhraseError(msg("excel_import.phrase.bounds", lo=f"{lo:g}", hi=f"{hi:g}"), clause)
        return make_range(lo, hi)
    if shape == "max":
        return make_max(read(m.group("b"), clause))
    return make_fixed(read(m.group("a"), clause))


# ---------------------------------------------------------------- writing specs as words


def amount_words(value: float) -> str:
    """85000 → 8.5万元, 300 → 300元 (the form that parses back to the same number)."""
    if value >= 10000:
        wan = (Decimal(repr(value)) / 10000).normalize()
        text = f"{wan:f}万"
        if number(text, text) == value:
            return text + "元"
    plain = Decimal(repr(value)).normalize()
    return f"{plain:f}元"


def _count(value: float) -> str:
    return f"{Decimal(repr(value)).normalize():f}"


def fine_words(spec: object) -> str | None:
    """The 处…罚款 clause for a spec, or None for shapes with no phrase form (per-unit formulas)."""
    if isinstance(spec, RangeFine):
        return f"处{amount_words(spec.min)}以上{amount_words(spec.max)}以下罚款"
    if isinstance(spec, MaxOnlyFine):
        return f"处{amount_words(spec.max)}以下罚款"
    if isinstance(spec, FixedFine):
        return f"处{amount_words(spec.amount)}罚款"
    if isinstance(spec, MultipleFine):
        base = BASE_PHRASE.get(spec.base)
        if base is None or spec.base_unknown is not None:
            return None
        if spec.display == "percent":
            lo, hi = (f"百分之{_count(v * 100)}" for v in (spec.min, spec.max))
            unit = ""
        else:
            lo, hi, unit = _count(spec.min), _count(spec.max), "倍"
        if spec.min == spec.max:
            return f"处{base}{lo}{unit}罚款"
        if spec.min == 0:
            return f"处{base}{hi}{unit}以下罚款"
        return f"处{base}{lo}{unit}以上{hi}{unit}以下罚款"
    return None


def standard_words(*, fine=None, individual_fine=None, penalties=(), measures=()) -> str | None:
    """A 裁量标准 for these parts that ``parse_standard`` reads back; None when one part has no words."""
    parts = list(measures)
    parts += [PENALTY_PHRASE[p] for p in penalties if p is not PenaltyType.fine]
    for spec, prefix in ((fine, ""), (individual_fine, "对直接负责的主管人员和其他直接责任人员")):
        if spec is None:
            continue
        words = fine_words(spec)
        if words is None:
            return None
        parts.append(prefix + words)
    return "，".join(parts) if parts else "不予处罚"
