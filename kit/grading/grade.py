"""``grade(answer, decision) -> Marks``: one grading function for every front end.

Two parts, each with points and a reason in Chinese and English that cites the decision:

- **outcome** — right when the answer's level is one the law allows (``decision.acceptable_levels``), or, when
  the case must be transferred (Art. 27), when the answer is a transfer;
- **fine** — right when the fine is within the range of the chosen level (``check_proposal``); when the chosen
  level is not lawful, the fine is judged against the range of the engine's level.

A departure from the baseline (a level or a fine outside it) that states a reason and the approval of the body
that issued the baseline (调整适用) earns ``Weights.departure_share`` of the part's points, unless the law bars
any departure: a transfer, the time bar (Art. 36), a mandatory no-penalty ground (应当不予处罚), or a fine
above the statutory maximum. The points are data: ``Weights``, declared once."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..baselines.vocabulary import Level
from ..engine.decision import Decision, FineRange
from ..engine.proposal import SEED_RULE, check_proposal
from ..i18n import LANGS, Lang, bilingual, list_join, money, money_range, msg, named, t
from ..i18n.validation import Refusal
from . import citing
from .answer import Answer

if TYPE_CHECKING:
    from ..baselines import Library


class Weights(BaseModel):
    """How many points each part is worth, and the share a grounded departure earns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outcome: float = Field(default=1.0, ge=0, description="Points for the outcome part (the level, or transfer).")
    fine: float = Field(default=1.0, ge=0, description="Points for the fine part.")
    departure_share: float = Field(default=0.5, ge=0, le=1, description="Share of a part's points for a "
                                   "departure from the baseline with a stated reason and approval (调整适用).")


WEIGHTS = Weights()
"""The default weights."""

Status = Literal["right", "partial", "wrong"]
PART_LABELS = {"outcome": ("处理结果", "outcome"), "fine": ("罚款", "fine")}


@dataclass(frozen=True, slots=True)
class Part:
    """One graded part: its points and why, in both languages."""

    name: str
    status: Status
    points: float
    max_points: float
    zh: str
    en: str

    @property
    def right(self) -> bool:
        return self.status == "right"

    def label(self, lang: Lang = "zh") -> str:
        zh, en = PART_LABELS.get(self.name, (self.name, self.name))
        return named(zh, en, lang)

    def reason(self, lang: Lang = "zh") -> str:
        return bilingual(self, lang)

    def to_dict(self) -> dict:
        return {"part": self.name, "status": self.status, "points": self.points, "max_points": self.max_points,
                "zh": self.zh, "en": self.en}


_MARK = {"right": "✓", "partial": "½", "wrong": "✗"}


@dataclass(frozen=True, slots=True)
class Marks:
    """The marks of one answer: one ``Part`` per graded part."""

    case_id: str
    answer: Answer
    parts: tuple[Part, ...]

    @property
    def total(self) -> float:
        return sum(p.points for p in self.parts)

    @property
    def max_total(self) -> float:
        return sum(p.max_points for p in self.parts)

    @property
    def right(self) -> bool:
        return all(p.right for p in self.parts)

    def part(self, name: str) -> Part:
        for p in self.parts:
            if p.name == name:
                return p
        raise KeyError(name)  # a lookup by the code that built the marks (the part names are fixed), not a user's

    def to_dict(self) -> dict:
        return {"case_id": self.case_id, "total": self.total, "max_total": self.max_total,
                "answer": self.answer.model_dump(), "parts": [p.to_dict() for p in self.parts]}

    def summary(self, lang: Lang = "zh") -> str:
        head = t("grading.marks_head", lang, case=self.case_id, total=_num(self.total), max=_num(self.max_total))
        return "\n".join([head, *(f"{_MARK[p.status]} {p.label(lang)} {_num(p.points)}/{_num(p.max_points)}: "
                                  f"{p.reason(lang)}" for p in self.parts)])

    def _repr_html_(self, lang: Lang = "zh") -> str:
        head = html.escape(self.summary(lang).splitlines()[0])
        rows = "".join(f"<tr class='kit-{p.status}'><td>{_MARK[p.status]}</td><td>{html.escape(p.label(lang))}</td>"
                       f"<td>{_num(p.points)}/{_num(p.max_points)}</td><td>{html.escape(p.reason(lang))}</td></tr>"
                       for p in self.parts)
        return f"<div class='kit-marks'><p><b>{head}</b></p><table>{rows}</table></div>"


def _num(x: float) -> str:
    return f"{x:g}"


def grade(answer: Answer, decision: Decision, *, weights: Weights = WEIGHTS, library: Library | None = None) -> Marks:
    """Grade ``answer`` against the engine's ``decision`` for the same case. With the ``library`` the decision
    came from, the reasons name the baseline by its title (else by its version: "the applicable baseline")."""
    if answer.case_id != decision.case_id:
        raise Refusal(msg("errors.case_mismatch", answer=answer.case_id, decision=decision.case_id))
    return Marks(answer.case_id, answer, (outcome_part(answer, decision, weights, library),
                                          fine_part(answer, decision, weights, library)))


def _say(key: str, lang: Lang, **params: object) -> str:
    """A reason sentence of ``reasons.<key>``; an English one starts with a capital."""
    text = t(f"reasons.{key}", lang, **params)
    return text[:1].upper() + text[1:]


def _both(key: str, params: dict[Lang, dict]) -> tuple[str, str]:
    """The sentence ``key`` in Chinese and English, each filled with its own language's words."""
    zh, en = (_say(key, lang, **params[lang]) for lang in LANGS)
    return zh, en


# ---- the outcome -------------------------------------------------------------------------------------------

def outcome_part(answer: Answer, decision: Decision, weights: Weights, library: Library | None = None) -> Part:
    full = weights.outcome
    chosen = {lang: answer.label(lang) for lang in LANGS}
    if decision.transfer:
        cite = {lang: _cites(decision, "art27", lang, library) for lang in LANGS}
        if answer.transfer:
            return Part("outcome", "right", full, full, *_both("transfer_right", {lg: {"cite": cite[lg]} for lg in LANGS}))
        return Part("outcome", "wrong", 0.0, full,
                    *_both("transfer_wrong", {lg: {"cite": cite[lg], "chosen": chosen[lg]} for lg in LANGS}))
    said = {lg: {"lawful": _lawful(decision, lg), "basis": _basis(decision, lg, library), "chosen": chosen[lg]}
            for lg in LANGS}
    if answer.transfer:
        return Part("outcome", "wrong", 0.0, full, *_both("not_transfer", said))
    level = answer.as_level
    if level in decision.acceptable:
        return Part("outcome", "right", full, full, *_both("level_right", said))
    zh, en = _both("level_not_lawful", said)
    if answer.reason is None and answer.approval is None:  # a plain wrong level: say why the law decides otherwise
        why_zh, why_en = deciding_rules(decision, "zh", library), deciding_rules(decision, "en", library)
        return Part("outcome", "wrong", 0.0, full, t("grading.level_wrong", "zh", said=zh, why=why_zh),
                    t("grading.level_wrong", "en", said=en, why=why_en))
    check = check_proposal(decision, level, None, reason=answer.reason, approval=answer.approval)
    return _departure("outcome", full, weights, decision, check, answer, zh, en)


_DECIDING = ("art27", "art37", "art30", "art31", "art32", "art33", "art36", "discretion.", "combination", "list", "aggravat",
             "mitigat", "tier")


def deciding_rules(decision: Decision, lang: Lang, library: Library | None = None) -> str:
    """The sentences of the fired steps that decided the level (not the arithmetic), each with its citation."""
    steps = [s for s in decision.trace if s.fired and s.rule.startswith(_DECIDING)
             and not (s.rule.startswith("art36") and not decision.time_barred)]
    if not steps:
        return t("grading.level_rule_baseline", lang, basis=_basis(decision, lang, library))
    return t("common.semicolon", lang).join(citing.in_words(s.text(lang), lang, library).rstrip("。.") for s in steps[-3:])


# ---- the fine ----------------------------------------------------------------------------------------------

def fine_part(answer: Answer, decision: Decision, weights: Weights, library: Library | None = None) -> Part:
    full = weights.fine
    amount = answer.fine or 0.0
    said = {lg: t("reasons.said_fine", lg, amount=money(amount, lg)) if answer.fine else t("reasons.said_none", lg)
            for lg in LANGS}
    if decision.transfer:
        cite = {lg: _cites(decision, "art27", lg, library) for lg in LANGS}
        if not answer.fine:
            return Part("fine", "right", full, full,
                        *_both("transfer_fine_right", {lg: {"said": said[lg], "cite": cite[lg]} for lg in LANGS}))
        return Part("fine", "wrong", 0.0, full, *_both("transfer_fine_wrong", {lg: {"cite": cite[lg]} for lg in LANGS}))
    if decision.level is None:
        return Part("fine", "wrong", 0.0, full, *_both("no_level", {lg: {} for lg in LANGS}))
    chosen = answer.as_level
    if chosen not in decision.acceptable:
        # The fine goes with the level chosen: a wrong level earns no fine point, even when the fine happens to
        # lie in the range of another, lawful level — unless the departure is grounded (reason and approval).
        if answer.transfer or (answer.reason is None and answer.approval is None):
            return Part("fine", "wrong", 0.0, full, t("grading.fine_level_wrong", "zh", lawful=_lawful(decision, "zh")),
                        t("grading.fine_level_wrong", "en", lawful=_lawful(decision, "en")))
    level = chosen if chosen in decision.acceptable else decision.level
    fine_range: FineRange | None = decision.acceptable.get(level)

    def words(lg: Lang) -> dict:
        where = (t("reasons.where_no_fine", lg, level=level.label(lg)) if fine_range is None else
                 t("reasons.where_range", lg, level=level.label(lg),
                   range=money_range(fine_range.lo, fine_range.hi, lg, upper_open=fine_range.upper_open)))
        cite = _cites(decision, "arithmetic.range", lg, library, level=level.value)
        return {"where": where, "said": said[lg], "cite": cite}

    def lead(text: str, lg: Lang) -> str:  # the fine judged by the engine's level when the one chosen is not lawful
        return text if chosen in decision.acceptable else _say("by_engine_level", lg, level=decision.level.label(lg),
                                                               rest=text)
    params = {lg: words(lg) for lg in LANGS}
    check = check_proposal(decision, level, amount, reason=answer.reason, approval=answer.approval)
    if check.within_baseline:
        zh, en = _both("fine_right", params)
        return Part("fine", "right", full, full, lead(zh, "zh"), lead(en, "en"))
    zh, en = (lead(s, lg) for s, lg in zip(_both("fine_wrong", params), LANGS))
    if not check.lawful and decision.statutory_range is not None and amount > decision.statutory_range.hi:
        top = {lg: money(decision.statutory_range.hi, lg) for lg in LANGS}
        return Part("fine", "wrong", 0.0, full,
                    *_both("above_max", {"zh": {"text": zh, "top": top["zh"]}, "en": {"text": en, "top": top["en"]}}))
    return _departure("fine", full, weights, decision, check, answer, zh, en)


# ---- shared ------------------------------------------------------------------------------------------------

def _departure(name: str, full: float, weights: Weights, decision: Decision, check, answer: Answer,
               zh: str, en: str) -> Part:
    """A part outside the baseline: partial credit for a grounded departure where the law allows one."""
    text: dict[Lang, str] = {"zh": zh, "en": en}
    barred = _departure_barred(decision)
    if barred:
        return Part(name, "wrong", 0.0, full,
                    *_both("barred", {lg: {"text": text[lg], "why": t(f"reasons.{barred}", lg)} for lg in LANGS}))
    if check.acceptable:
        share = weights.departure_share
        return Part(name, "partial" if share < 1 else "right", full * share, full,
                    *_both("adjusted", {lg: {"text": text[lg], "reason": answer.reason, "approval": answer.approval,
                                             "share": f"{share:.0%}", "rule": SEED_RULE} for lg in LANGS}))
    if check.missing:
        need = {lg: t("reasons.and", lg).join(t(f"reasons.missing_{m}", lg) for m in check.missing) for lg in LANGS}
        return Part(name, "wrong", 0.0, full,
                    *_both("missing", {lg: {"text": text[lg], "need": need[lg], "rule": SEED_RULE} for lg in LANGS}))
    detail = {"zh": "；".join(check.zh[1:]), "en": " ".join(check.en[1:])}
    return Part(name, "wrong", 0.0, full,
                *_both("other", {lg: {"text": text[lg], "detail": detail[lg] or t("reasons.not_acceptable", lg)}
                                 for lg in LANGS}))


def _departure_barred(decision: Decision) -> str | None:
    """The catalog key (``reasons.barred_*``) of why the law allows no departure here, if it does not."""
    if decision.time_barred:
        return "barred_time"
    if decision.acceptable_levels == (Level.no_penalty,):
        return "barred_no_penalty"
    return None


def _lawful(decision: Decision, lang: Lang) -> str:
    levels = decision.acceptable_levels
    if not levels:
        return t("grading.lawful_none", lang)
    return list_join((lv.label(lang) for lv in levels), lang)


def _basis(decision: Decision, lang: Lang, library: Library | None = None) -> str:
    """What the outcome rests on: the time bar when it fired, else the provisions and the baseline, in words."""
    if decision.time_barred:
        return _cites(decision, "art36", lang, library)
    return citing.basis(decision, lang, library)


def _cites(decision: Decision, rule_prefix: str, lang: Lang, library: Library | None = None, *,
           level: str | None = None) -> str:
    """The citation of the first fired trace step of ``rule_prefix`` (that read ``level``, when given)."""
    for step in decision.trace:
        if step.fired and step.rule.startswith(rule_prefix) and level in (None, step.inputs.get("level")):
            return citing.cite(step, lang, library)
    if rule_prefix != "art36" and decision.baseline:
        return _basis(decision, lang, library)
    return t("reasons.act_law", lang)
