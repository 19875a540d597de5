"""适用规则 as data: a small declarative vocabulary for a baseline's application rules.

Real baselines write rules such as "同时具有两项以上从轻或者减轻情节且无从重情节的，可以减轻处罚",
"从轻与从重情节并存的，综合考量，可以按一般处罚" or "具有…情节的，按较重档次的最高限度处罚". Each rule here says
*when* (counts of mitigating and aggravating circumstances of given kinds, a comparison of the two counts,
factors that must be present) and *then* (the resulting level, whether the rule says 应当 or 可以, and the
position in the range), with its own citation. The engine tries a baseline's rules in order; the first whose
conditions hold decides; where none does, ``STATUTORY_FIRST`` (the rule the kit has always applied, now
written in the same vocabulary) decides."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .vocabulary import FactorKind, Level

ALL_KINDS = (FactorKind.statutory_mandatory, FactorKind.statutory_optional, FactorKind.discretionary)


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Count(_Node):
    """How many circumstances of the given kinds a case has: ``min`` ≤ n ≤ ``max``."""

    min: int = Field(default=0, ge=0, description="At least this many (两项以上 = 2).")
    max: int | None = Field(default=None, ge=0, description="At most this many (无从重情节 = 0); absent = no limit.")
    kinds: list[FactorKind] = Field(default_factory=lambda: list(ALL_KINDS),
                                    description="Which kinds count: statutory_mandatory, statutory_optional, "
                                                "discretionary (default: all three).")

    def holds(self, n: int) -> bool:
        return n >= self.min and (self.max is None or n <= self.max)


class Balance(_Node):
    """Compare the number of mitigating and aggravating circumstances of the given kinds."""

    result: Literal["more_mitigating", "more_aggravating", "even"] = Field(
        description="more_mitigating, more_aggravating, or even (equal, including none of either).")
    kinds: list[FactorKind] = Field(default_factory=lambda: [FactorKind.discretionary],
                                    description="Which kinds are compared (default: discretionary).")


class When(_Node):
    """The conditions of a rule; all that are given must hold. An empty ``when`` always holds."""

    mitigating: Count | None = Field(default=None, description="Count of mitigating circumstances.")
    aggravating: Count | None = Field(default=None, description="Count of aggravating circumstances.")
    balance: Balance | None = Field(default=None, description="Comparison of the two counts.")
    factors: list[str] = Field(default_factory=list, description="Factors that must all be present (具有…情节的).")


class Then(_Node):
    """What a rule decides."""

    level: Level = Field(description="The resulting level.")
    force: Literal["must", "may"] = Field(
        default="must", description="应当 (must): the level is the only lawful one; 可以 (may): it is the default and "
                                    "the level the other rules would give stays lawful.")
    also_lawful: list[Level] = Field(default_factory=list, description="Further levels the rule allows (从轻或者减轻).")
    position: Literal["lowest", "highest"] | None = Field(
        default=None, description="按…最低/最高限度处罚: the fine is that end of the level's range.")
    suggest: Literal["lower", "midpoint", "upper"] | None = Field(
        default=None, description="Where the suggestion lies in the level's range (instead of rules.suggested_fine).")


class ApplicationRule(_Node):
    """One 适用规则 of a baseline, with its words and its own citation."""

    id: str = Field(min_length=1, description="Id of the rule, shown in the trace.")
    text: str = Field(description="The rule in the baseline's words.")
    en: str | None = Field(default=None, description="The rule in English, for the English trace.")
    citation: str = Field(description="Where the rule is written, e.g. 某某规定第十四条.")
    when: When = Field(default_factory=When, description="Its conditions.")
    then: Then = Field(description="Its result.")


_ART32 = "《中华人民共和国行政处罚法》第三十二条"
_PRIORITY = "基准适用规则：法定裁量情节优先于酌定裁量情节"
_MANDATORY = [FactorKind.statutory_mandatory]

STATUTORY_FIRST: tuple[ApplicationRule, ...] = (
    ApplicationRule(
        id="statutory_first.mandatory_mitigation", citation=f"{_ART32}；{_PRIORITY}",
        text="具有法定应当从轻或者减轻情节的，优先于其他情节，从轻或者减轻处罚",
        en="A statutory mandatory mitigator prevails over all other circumstances: lenient or mitigated",
        when=When(mitigating=Count(min=1, kinds=_MANDATORY)),
        then=Then(level=Level.lenient, also_lawful=[Level.mitigated])),
    ApplicationRule(
        id="statutory_first.mandatory_aggravation", citation=_PRIORITY,
        text="具有法定应当从重情节的，从重处罚", en="A statutory circumstance requires aggravation: aggravated",
        when=When(aggravating=Count(min=1, kinds=_MANDATORY)), then=Then(level=Level.aggravated)),
    ApplicationRule(
        id="statutory_first.more_aggravating", citation=_PRIORITY,
        text="酌定从重情节多于从轻情节的，从重处罚", en="More aggravating than mitigating circumstances: aggravated",
        when=When(balance=Balance(result="more_aggravating")), then=Then(level=Level.aggravated)),
    ApplicationRule(
        id="statutory_first.more_mitigating", citation=_PRIORITY,
        text="酌定从轻情节多于从重情节的，从轻处罚", en="More mitigating than aggravating circumstances: lenient",
        when=When(balance=Balance(result="more_mitigating")), then=Then(level=Level.lenient)),
    ApplicationRule(
        id="statutory_first.even", citation=_PRIORITY,
        text="无从轻、从重情节，或者二者相当的，按一般处罚",
        en="No mitigating or aggravating circumstance, or they balance: standard",
        when=When(balance=Balance(result="even")), then=Then(level=Level.standard)),
)
