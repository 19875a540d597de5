"""``check_proposal``: is an officer's chosen level and amount within the baseline, and if not, is the
deviation properly grounded? A departure from the baseline (调整适用, for results 明显不当、显失公平) is
acceptable only with a stated reason and the approval of the body that issued the baseline (苏政办发〔2023〕1号
三(二)); the check says which of the two is missing. A fine outside the statutory range is never lawful."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..baselines.vocabulary import Level, PenaltyType
from ..i18n import Lang, t
from .decision import Decision, money

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
    if decision.transfer:
        zh.append("本案涉嫌犯罪，应当移送司法机关，不应以罚款代替移送。")
        en.append("The case must be transferred to the judicial organs; a fine may not replace the transfer.")
        return ProposalCheck(level, amount, False, False, False, (), zh, en)
    level_ok = level in decision.acceptable
    if level_ok:
        zh.append(f"所选阶次“{level.zh}”符合基准（依法可选：{'、'.join(lv.zh for lv in decision.acceptable_levels)}）。")
        en.append(f"The level {level.en} is within the baseline (lawful: "
                  f"{', '.join(lv.en for lv in decision.acceptable_levels)}).")
    else:
        zh.append(f"所选阶次“{level.zh}”不符合基准，基准结论为“{decision.outcome('zh')}”。")
        en.append(f"The level {level.en} departs from the baseline, which gives {decision.outcome('en')}.")
    amount_ok = True
    fine_range = decision.range_of(level)  # the range of the level the officer chose, lawful or not
    if level is Level.no_penalty:
        if amount:
            amount_ok = lawful = False
            zh.append("不予处罚不得同时处以罚款。")
            en.append("No penalty cannot come with a fine.")
    elif amount is not None:
        if fine_range is None:
            amount_ok = amount == 0
            if not amount_ok:
                zh.append("该阶次不处罚款（如仅予警告），所提罚款不符合基准。")
                en.append("This level carries no fine (e.g. a warning only); the proposed fine departs from it.")
        elif fine_range.contains(amount):
            zh.append(f"拟罚款{money(amount)}元在{level.zh}的幅度{fine_range.text('zh')}内。")
            en.append(f"The proposed fine {money(amount)} is within the {level.en} range {fine_range.text('en')}.")
        else:
            amount_ok = False
            zh.append(f"拟罚款{money(amount)}元超出{level.zh}的幅度{fine_range.text('zh')}。")
            en.append(f"The proposed fine {money(amount)} is outside the {level.en} range {fine_range.text('en')}.")
        statutory = decision.statutory_range
        if statutory is not None and level is not Level.mitigated and amount > statutory.hi:
            lawful = False
            zh.append(f"拟罚款超过法定最高额{money(statutory.hi)}元，违法，不能通过调整适用补正。")
            en.append(f"The fine exceeds the statutory maximum {money(statutory.hi)}: unlawful, whatever approval.")
    within = level_ok and amount_ok
    missing: tuple[str, ...] = ()
    if within:
        acceptable = lawful
    else:
        missing = tuple(name for name, value in (("reason", reason), ("approval", approval)) if not value)
        acceptable = lawful and not missing
        if missing:
            words = {"reason": ("偏离理由（明显不当、显失公平的具体说明）", "a stated reason (why the result is clearly "
                                "improper or grossly unfair)"),
                     "approval": ("制定机关同意调整适用的批准文号", "the approval reference of the body that issued "
                                  "the baseline")}
            zh.append("偏离基准须" + "和".join(words[m][0] for m in missing) + f"；缺少则不可接受（{SEED_RULE}）。")
            en.append("A departure needs " + " and ".join(words[m][1] for m in missing) + "; it is missing.")
        elif lawful:
            zh.append(f"已说明理由（{reason}）并取得批准（{approval}），作为调整适用可以接受。")
            en.append(f"Reason stated ({reason}) and approval recorded ({approval}): acceptable as an adjusted "
                      f"application.")
    return ProposalCheck(level, amount, within, acceptable, lawful, missing, zh, en)
