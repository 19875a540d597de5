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
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..baselines.vocabulary import Level
from ..engine.decision import Decision, FineRange, money
from ..engine.proposal import SEED_RULE, check_proposal
from ..i18n import Lang, bilingual, list_join, named, t
from .answer import Answer


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
MISSING = {"reason": ("偏离理由", "a stated reason"),
           "approval": ("制定机关的批准文号", "the approval of the body that issued the baseline")}


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
        raise KeyError(f"no part {name!r}; parts: {', '.join(p.name for p in self.parts)}")

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


def grade(answer: Answer, decision: Decision, *, weights: Weights = WEIGHTS) -> Marks:
    """Grade ``answer`` against the engine's ``decision`` for the same case."""
    if answer.case_id != decision.case_id:
        raise ValueError(f"the answer is for case {answer.case_id!r}, the decision for case {decision.case_id!r}")
    return Marks(answer.case_id, answer, (outcome_part(answer, decision, weights), fine_part(answer, decision, weights)))


# ---- the outcome -------------------------------------------------------------------------------------------

def outcome_part(answer: Answer, decision: Decision, weights: Weights) -> Part:
    full = weights.outcome
    chosen_zh, chosen_en = answer.label("zh"), answer.label("en")
    if decision.transfer:
        cite = _cites(decision, "art27")
        if answer.transfer:
            return Part("outcome", "right", full, full, f"本案涉嫌犯罪，应当移送司法机关，答案正确（{cite}）。",
                        f"The case must be transferred to the judicial organs: right ({cite}).")
        return Part("outcome", "wrong", 0.0, full,
                    f"本案涉嫌犯罪，应当移送司法机关，不能作出“{chosen_zh}”（{cite}）。",
                    f"The case must be transferred to the judicial organs, not decided as {chosen_en} ({cite}).")
    lawful_zh, lawful_en = _lawful(decision, "zh"), _lawful(decision, "en")
    basis = _basis(decision)
    if answer.transfer:
        return Part("outcome", "wrong", 0.0, full,
                    f"本案未达移送司法机关的条件，应由行政机关处理（依法可选：{lawful_zh}；{basis}）。",
                    f"The case does not meet the transfer threshold (lawful: {lawful_en}; {basis}).")
    level = answer.as_level
    if level in decision.acceptable:
        return Part("outcome", "right", full, full, f"所选“{chosen_zh}”正确（依法可选：{lawful_zh}；{basis}）。",
                    f"{chosen_en.capitalize()} is right (lawful: {lawful_en}; {basis}).")
    zh = f"所选“{chosen_zh}”不在依法可选范围（依法可选：{lawful_zh}；{basis}）"
    en = f"{chosen_en.capitalize()} is not lawful here (lawful: {lawful_en}; {basis})"
    if answer.reason is None and answer.approval is None:  # a plain wrong level: say why the law decides otherwise
        why_zh, why_en = deciding_rules(decision, "zh"), deciding_rules(decision, "en")
        return Part("outcome", "wrong", 0.0, full, t("grading.level_wrong", "zh", said=zh, why=why_zh),
                    t("grading.level_wrong", "en", said=en, why=why_en))
    check = check_proposal(decision, level, None, reason=answer.reason, approval=answer.approval)
    return _departure("outcome", full, weights, decision, check, answer, zh, en)


_DECIDING = ("art27", "art37", "art30", "art31", "art32", "art33", "art36", "discretion.", "combination", "list", "aggravat",
             "mitigat", "tier")


def deciding_rules(decision: Decision, lang: Lang) -> str:
    """The sentences of the fired steps that decided the level (not the arithmetic), each with its citation."""
    steps = [s for s in decision.trace if s.fired and s.rule.startswith(_DECIDING)
             and not (s.rule.startswith("art36") and not decision.time_barred)]
    if not steps:
        return t("grading.level_rule_baseline", lang, basis=_basis(decision))
    return t("common.semicolon", lang).join(s.text(lang).rstrip("。.") for s in steps[-3:])


# ---- the fine ----------------------------------------------------------------------------------------------

def fine_part(answer: Answer, decision: Decision, weights: Weights) -> Part:
    full = weights.fine
    amount = answer.fine or 0.0
    said_zh = f"罚款{money(amount)}元" if answer.fine else "未处罚款"
    said_en = f"A fine of {money(amount)}" if answer.fine else "No fine"
    if decision.transfer:
        cite = _cites(decision, "art27")
        if not answer.fine:
            return Part("fine", "right", full, full, f"应当移送司法机关，不以罚款代替移送；{said_zh}，正确（{cite}）。",
                        f"The case is transferred, no fine replaces it; {said_en.lower()}: right ({cite}).")
        return Part("fine", "wrong", 0.0, full, f"应当移送司法机关，不得以罚款代替移送；不应处罚款（{cite}）。",
                    f"The case is transferred; a fine may not replace the transfer ({cite}).")
    if decision.level is None:
        return Part("fine", "wrong", 0.0, full, "引擎未得出裁量阶次，无法判断罚款。",
                    "The engine gave no level: the fine cannot be judged.")
    chosen = answer.as_level
    lead_zh = lead_en = ""
    if chosen not in decision.acceptable:
        # The fine goes with the level chosen: a wrong level earns no fine point, even when the fine happens to
        # lie in the range of another, lawful level — unless the departure is grounded (reason and approval).
        if answer.transfer or (answer.reason is None and answer.approval is None):
            return Part("fine", "wrong", 0.0, full, t("grading.fine_level_wrong", "zh", lawful=_lawful(decision, "zh")),
                        t("grading.fine_level_wrong", "en", lawful=_lawful(decision, "en")))
        lead_zh = f"所选阶次不在依法可选范围，罚款按基准结论“{decision.level.zh}”判断；"
        lead_en = f"The level chosen is not lawful; the fine is judged by the engine's level ({decision.level.en}). "
    level = chosen if chosen in decision.acceptable else decision.level
    fine_range: FineRange | None = decision.acceptable.get(level)
    cite = _cites(decision, "arithmetic.range", f"levels.{level.value}.")
    if fine_range is None:
        where_zh, where_en = f"“{level.zh}”不处罚款", f"{level.en} carries no fine"
    else:
        where_zh = f"“{level.zh}”的罚款幅度为{fine_range.text('zh')}"
        where_en = f"the {level.en} range is {fine_range.text('en')}"
    check = check_proposal(decision, level, amount, reason=answer.reason, approval=answer.approval)
    if check.within_baseline:
        return Part("fine", "right", full, full, f"{lead_zh}{where_zh}，{said_zh}，正确（{cite}）。",
                    f"{lead_en}{said_en} is right: {where_en} ({cite}).")
    zh = f"{lead_zh}{where_zh}，{said_zh}不符合（{cite}）"
    en = f"{lead_en}{said_en} is wrong: {where_en} ({cite})"
    if not check.lawful and decision.statutory_range is not None and amount > decision.statutory_range.hi:
        top = money(decision.statutory_range.hi)
        return Part("fine", "wrong", 0.0, full, f"{zh}；超过法定最高额{top}元，违法，不能通过调整适用补正。",
                    f"{en}; above the statutory maximum {top}: unlawful, whatever the approval.")
    return _departure("fine", full, weights, decision, check, answer, zh, en)


# ---- shared ------------------------------------------------------------------------------------------------

def _departure(name: str, full: float, weights: Weights, decision: Decision, check, answer: Answer,
               zh: str, en: str) -> Part:
    """A part outside the baseline: partial credit for a grounded departure where the law allows one."""
    barred = _departure_barred(decision)
    if barred:
        return Part(name, "wrong", 0.0, full, f"{zh}；{barred[0]}。", f"{en}; {barred[1]}.")
    if check.acceptable:
        share = weights.departure_share
        return Part(name, "partial" if share < 1 else "right", full * share, full,
                    f"{zh}；已说明理由（{answer.reason}）并取得批准（{answer.approval}），作为调整适用给{share:.0%}分数"
                    f"（{SEED_RULE}）。",
                    f"{en}; reason stated and approval recorded: an adjusted application earns {share:.0%} of "
                    f"the points.")
    if check.missing:
        need_zh = "和".join(MISSING[m][0] for m in check.missing)
        need_en = " and ".join(MISSING[m][1] for m in check.missing)
        return Part(name, "wrong", 0.0, full, f"{zh}；偏离基准须说明理由并经批准，缺少{need_zh}（{SEED_RULE}）。",
                    f"{en}; a departure needs a reason and an approval: {need_en} missing.")
    return Part(name, "wrong", 0.0, full, f"{zh}；{'；'.join(check.zh[1:]) or '不可接受'}。",
                f"{en}; {' '.join(check.en[1:]) or 'not acceptable'}.")


def _departure_barred(decision: Decision) -> tuple[str, str] | None:
    if decision.time_barred:
        return ("超过追责时效的，不再给予行政处罚，不能调整适用",
                "past the time bar no penalty may be imposed, whatever the approval")
    if decision.acceptable_levels == (Level.no_penalty,):
        return ("依法应当不予处罚，不能调整适用", "the law requires no penalty here, whatever the approval")
    return None


def _lawful(decision: Decision, lang: Lang) -> str:
    levels = decision.acceptable_levels
    if not levels:
        return t("grading.lawful_none", lang)
    return list_join((lv.label(lang) for lv in levels), lang)


def _basis(decision: Decision) -> str:
    """What the outcome rests on: the time bar when it fired, else the baseline and its provisions."""
    if decision.time_barred:
        return _cites(decision, "art36")
    if decision.baseline:
        return f"{'；'.join(decision.provisions)}；{decision.baseline}（{decision.baseline_version}）"
    return "；".join(decision.provisions) or "—"


def _cites(decision: Decision, rule_prefix: str, contains: str = "") -> str:
    """The citation of the first fired trace step of ``rule_prefix`` (whose citation contains ``contains``)."""
    for step in decision.trace:
        if step.fired and step.rule.startswith(rule_prefix) and contains in (step.baseline_ref or "") + step.citation:
            return step.cites()
    return _basis(decision) if rule_prefix != "art36" and decision.baseline else "《中华人民共和国行政处罚法》"
