"""``check_proposal``: is an officer's chosen level and amount within the baseline, and if not, is the
deviation properly grounded? A departure from the baseline (调整适用, for results 明显不当、显失公平) is
acceptable only with a stated reason and the approval of the body that issued the baseline (苏政办发〔2023〕1号
三(二)); the check says which of the two is missing. A fine outside the statutory range is never lawful."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..baselines.vocabulary import Level, PenaltyType
from ..i18n import Lang, list_join
from .text import t
from .decision import Decision
from ..i18n.format import digits

SEED_RULE = "苏政办发〔2023〕1号 三(二)：适用基准明显不当、显失公平的，报请制定机关调整适用"


@dataclass(frozen=True, slots=True)
class ProposalCheck:
    level: Level
    amount: float | None
    within_baseline: bool
    acceptable: bool
    lawful: bool
    missing: tuple[str, ...] = ()
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def text(self, lang: Lang = "zh") -> str:
        return "\n".join(getattr(self, lang))  # the zh or en list of lines

    def to_dict(self) -> dict:
        return {"level": self.level.value, "amount": self.amount, "within_baseline": self.within_baseline,
                "acceptable": self.acceptable, "lawful": self.lawful, "missing": list(self.missing),
                "zh": self.zh, "en": self.en}


def check_proposal(decision: Decision, level: Level | str, amount: float | None = None, *,
                   reason: str | None = None, approval: str | None = None,
                   penalty: str | None = None) -> ProposalCheck:
    """``penalty="warning"``: the officer gives a warning instead of a fine (lawful where the provision says
    处警告或者罚款, ``decision.alternatives``)."""
    level = Level.parse(level) if isinstance(level, str) else level
    zh: list[str] = []
    en: list[str] = []
    lawful = True
    if penalty == "warning" and not amount and level in decision.acceptable:
        if PenaltyType.warning in decision.alternatives:
            zh.append(t("engine.warning_alternative", "zh", level=level.zh))
            en.append(t("engine.warning_alternative", "en", level=level.en))
            return ProposalCheck(level, amount, True, True, True, (), zh, en)
        zh.append(t("engine.warning_not_alternative", "zh"))
        en.append(t("engine.warning_not_alternative", "en"))
        return ProposalCheck(level, amount, False, False, False, (), zh, en)
    def say_both(key: str, **params: object) -> None:
        """Append the catalog sentence ``key`` to both lists; a callable parameter is given the language."""
        pairs: tuple[tuple[Lang, list[str]], ...] = (("zh", zh), ("en", en))
        for lang, out in pairs:
            out.append(t(key, lang, **{k: v(lang) if callable(v) else v for k, v in params.items()}))

    def label(lang: Lang) -> str:
        return level.label(lang)

    if decision.transfer:
        say_both("engine.proposal_transfer")
        return ProposalCheck(level, amount, False, False, False, (), zh, en)
    level_ok = level in decision.acceptable
    if level_ok:
        say_both("engine.proposal_level_ok", level=label,
                 lawful=lambda lang: list_join((lv.label(lang) for lv in decision.acceptable_levels), lang))
    else:
        say_both("engine.proposal_level_departs", level=label, outcome=decision.outcome)
    amount_ok = True
    fine_range = decision.range_of(level)  # the range of the level the officer chose, lawful or not
    if level is Level.no_penalty:
        if amount:
            amount_ok = lawful = False
            say_both("engine.proposal_no_penalty_fine")
    elif amount is not None:
        if fine_range is None:
            amount_ok = amount == 0
            if not amount_ok:
                say_both("engine.proposal_no_fine_level")
        else:
            amount_ok = fine_range.contains(amount)
            say_both("engine.proposal_within" if amount_ok else "engine.proposal_outside", amount=digits(amount),
                     level=label, range=fine_range.text)
        statutory = decision.statutory_range
        if statutory is not None and level is not Level.mitigated and amount > statutory.hi:
            lawful = False
            say_both("engine.proposal_over_statutory", maximum=digits(statutory.hi))
    within = level_ok and amount_ok
    missing: tuple[str, ...] = ()
    if within:
        acceptable = lawful
    else:
        missing = tuple(name for name, value in (("reason", reason), ("approval", approval)) if not value)
        acceptable = lawful and not missing
        if missing:
            say_both("engine.proposal_needs", rule=SEED_RULE, needs=lambda lang: t("engine.proposal_needs_join", lang)
                     .join(t(f"engine.proposal_{m}", lang) for m in missing))
        elif lawful:
            say_both("engine.proposal_adjusted", reason=reason, approval=approval)
    return ProposalCheck(level, amount, within, acceptable, lawful, missing, zh, en)
