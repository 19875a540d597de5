"""Typed models of the library format, version 1.

Pydantic checks structure and types at the edge (unknown keys are errors, every field is described);
the cross-node rules (ranges inside the statute, references, contiguity) live in ``checks.py`` so that
every problem of a file is collected and located in one run.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..i18n import msg
from ..i18n.validation import Refusal
from .fines import FineSpec, FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine, _fine_shape  # noqa: F401
from .node import Dated, EnLabel, Id, Node, ZhLabel  # the bases (a dated rule), the id pattern, labels
from .scored_models import ScoreFormula, ScoreGroup, Scoring  # noqa: F401  (the scored model, re-exported)
from .application_rules import ApplicationRule
from .vocabulary import (
    ILLUSTRATIVE_MARK,
    AuthorityLevel,
    Direction,
    FactorKind,
    Level,
    PenaltyType,
    StatuteLevel,
    ValueType,
)

FORMAT_VERSION = 1
SUPPORTED_FORMAT_VERSIONS = (1,)

Disclaimer = Annotated[
    Literal["示例，非正式文件"] | None,
    Field(description=f"'{ILLUSTRATIVE_MARK}' on every constructed (non-official) node; absent on real ones."),
]


# ---------------------------------------------------------------- authorities, factors, provisions, matters


class Authority(Node):
    """制定机关: an authority that makes baselines; ``parent`` is the one whose baselines it refines."""

    id: Id = Field(description="Unique id, e.g. js-scjg (江苏省市场监督管理局).")
    name: str = Field(description="Official name in Chinese.")
    name_en: str | None = Field(default=None, description="Name in English.")
    level: AuthorityLevel = Field(description="national / provincial / municipal / county.")
    region: str = Field(pattern=r"^\d{6}$", description="Six-digit administrative division code (行政区划代码).")
    sector: str | None = Field(default=None, description="Enforcement sector, e.g. 市场监管, 交通运输, 生态环境.")
    parent: Id | None = Field(default=None, description="The authority one level up whose baselines this one refines.")
    conflict_rule: str | None = Field(
        default=None, description="Where this jurisdiction says a lower baseline that conflicts with a higher one "
        "yields (下级基准与上级冲突的适用上级), e.g. a province's notice; absent: the parent's, else 国办发〔2022〕27号.")
    disclaimer: Disclaimer = None


class Factor(Node):
    """裁量因子: a circumstance a case can have, with its legal force (kind) and effect (direction)."""

    id: Id = Field(description="Unique id used by cases, baselines and lists.")
    zh: ZhLabel
    en: EnLabel
    kind: FactorKind = Field(description="statutory_mandatory (应当), statutory_optional (可以) or discretionary (酌定).")
    direction: Direction = Field(description="exempt / mitigate / aggravate / transfer / block.")
    value_type: ValueType = Field(default=ValueType.bool, description="bool, amount, count, grade or date.")
    citation: str = Field(description="The article or baseline rule that makes this a factor.")
    disclaimer: Disclaimer = None


class SeriousClause(Node):
    """情节严重的: the heavier range and penalties a provision sets for serious cases."""

    when: str = Field(description="The statute's words for the serious case.")
    fine: FineSpec | None = Field(default=None, description="The fine for serious cases.")
    penalties: list[PenaltyType] = Field(default_factory=list, description="Penalty types added in serious cases.")


class Provision(Dated):
    """处罚依据: one provision that sets the penalty, dated, with its statutory fine and penalty types."""

    citation: str = Field(description="How the provision is cited, e.g. 《市场主体登记管理条例》第四十四条.")
    statute_level: StatuteLevel = Field(description="law, administrative_regulation, departmental_rule, ….")
    fine: FineSpec | None = Field(default=None, description="The statutory fine (处罚依据's 具体标准).")
    penalties: list[PenaltyType] = Field(default_factory=list, description="Penalty types the provision allows.")
    combination: Literal["alone", "together", "either"] = Field(
        default="together", description="单处 (alone), 并处 (together) or 可以单处也可以并处 (either)."
    )
    confiscate_gains: bool = Field(default=False, description="Illegal gains are confiscated (Art. 28).")
    serious: SeriousClause | None = Field(default=None, description="情节严重的 clause, if any.")
    text: str | None = Field(default=None, description="The provision's text, for display.")
    disclaimer: Disclaimer = None


class FactDef(Node):
    """A fact a matter's cases carry, e.g. the excess weight of a truck."""

    id: Id = Field(description="Key of the fact in a case's facts.")
    zh: ZhLabel
    en: EnLabel
    unit: str = Field(default="元", description="Unit of the value: 元, 千克, 次, 倍 ….")


class TransferThreshold(Node):
    """The amount at which a case is a suspected crime and must be transferred (Art. 27)."""

    fact: Id = Field(description="The fact compared with the threshold.")
    value: float = Field(ge=0, description="Transfer when the fact is at or above this value.")
    source: str = Field(description="Where the threshold comes from (立案追诉标准 article).")


class Matter(Node):
    """违法行为事项: one violation, what it breaches, the provisions that punish it and the facts it carries."""

    id: Id = Field(description="Unique id of the matter (违法行为).")
    name: str = Field(description="The violation in Chinese.")
    name_en: str = Field(description="The violation in English.")
    sector: str = Field(description="Sector, e.g. 市场监管.")
    breaches: list[str] = Field(min_length=1, description="违法依据: the provisions the act breaches.")
    provisions: list[Provision] = Field(min_length=1, description="处罚依据: the provisions that set the penalty.")
    facts: list[FactDef] = Field(default_factory=list, description="The facts cases of this matter carry.")
    safety_related: bool = Field(
        default=False, description="Involves life and health or financial safety (Art. 36: 5-year bar if harm)."
    )
    transfer_threshold: TransferThreshold | None = Field(default=None, description="Criminal transfer threshold.")
    disclaimer: Disclaimer = None


# ---------------------------------------------------------------- baselines


class Condition(Node):
    """A machine-readable condition over a case's facts, e.g. excess_ratio >= 1."""

    fact: Id = Field(description="The fact compared.")
    op: Literal[">=", ">", "<=", "<", "==", "!="] = Field(description="Comparison.")
    value: float = Field(description="The value compared with.")


class Alternative(Node):
    """One 裁量情节 of a tier: its words, and where they can be read from facts, the conditions (all must hold)."""

    text: str = Field(description="The condition in the baseline's words.")
    all: list[Condition] = Field(default_factory=list, description="Conditions that must all hold; empty = text only.")
    factor: Id | None = Field(default=None, description="A factor whose presence meets this alternative.")


class LevelRule(Node):
    """One discretion level of a baseline: when it applies and what it allows."""

    conditions: list[str] = Field(default_factory=list, description="适用条件 in the baseline's words.")
    fine: FineSpec | None = Field(default=None, description="具体标准: the level's sub-range.")
    individual_fine: FineSpec | None = Field(default=None, description="双罚: fine on responsible individuals.")
    penalties: list[PenaltyType] = Field(default_factory=list, description="Penalty types at this level.")


class Tier(Node):
    """One row of a tiered table (类别 1–10): alternative conditions, a level, and its concrete standard.

    A tier of the ``individual`` block (双罚 published as a block of its own, 对直接负责的主管人员和其他直接责任人员)
    carries only ``individual_fine``: no ``fine``, ``penalties`` or ``measures``."""

    no: int = Field(ge=1, description="类别: the tier number as published.")
    block: Literal["main", "overdue", "individual"] = Field(
        default="main",
        description="main; 逾期不改正的 (overdue); or individual: a block of its own of fines on the responsible "
                    "individuals (双罚, 对直接负责的主管人员和其他直接责任人员), whose tiers carry only individual_fine.",
    )
    level: Level = Field(description="The discretion level this tier maps to.")
    when: list[Alternative] = Field(min_length=1, description="Alternative conditions; any one selects the tier.")
    fine: FineSpec | None = Field(default=None, description="The tier's fine; absent for tiers with no fine.")
    individual_fine: FineSpec | None = Field(default=None, description="双罚: fine on responsible individuals.")
    penalties: list[PenaltyType] = Field(default_factory=list, description="Penalty types of the tier.")
    measures: list[str] = Field(default_factory=list, description="Orders given with it (责令停止建设, 责令改正 …).")
    standard: str | None = Field(default=None, description="The 裁量标准 cell as published, kept for display.")
    remark: str | None = Field(default=None, description="备注 as published.")

    @model_validator(mode="after")
    def _individual_block(self) -> Tier:
        if self.block == "individual":
            extra = [k for k in ("fine", "penalties", "measures") if getattr(self, k)]
            if extra or self.individual_fine is None:
                raise Refusal(msg("load.v_individual_tier", without=", ".join(extra) or "-"))
        return self


class Rules(Node):
    """适用规则: how a baseline combines circumstances and computes its suggestion."""

    combination: Literal["statutory_first", "scored"] = Field(
        default="statutory_first",
        description="statutory_first: statutory circumstances prevail (苏 适用规则 art. 8); scored: percentage sum.",
    )
    contiguous: bool = Field(
        default=True, description="The lenient/standard/aggravated sub-ranges tile the statutory range."
    )
    suggested_fine: Literal["midpoint", "lower", "upper"] = Field(
        default="midpoint", description="Which point of the range is suggested: midpoint, lower or upper end."
    )
    rounding: float = Field(default=1, gt=0, description="The suggested fine is rounded to a multiple of this.")
    scoring: Scoring | None = Field(default=None, description="Weights of a scored baseline.")
    within_tier: dict[Level, list[float]] = Field(
        default_factory=dict,
        description="For tiered baselines: the share of a tier's band each level takes, e.g. lenient: [0, 0.3].",
    )
    tier_choice: Literal["highest", "first"] = Field(
        default="highest", description="When several tiers match: the highest-numbered (most severe) or the first."
    )
    text: list[str] = Field(default_factory=list, description="The application rules in the baseline's words.")
    apply: list[ApplicationRule] = Field(
        default_factory=list, description="适用规则 as data (kit/baselines/application_rules.py), tried in order "
        "before the statutory-first rule; the first whose conditions hold decides the level.")


class ProcedureStep(Node):
    """One step of how the baseline was made (seed 三(一))."""

    step: Literal["drafting", "evaluation", "consultation", "legality_review", "collective_decision",
                  "publication", "filing"] = Field(description="Which step.")
    date: dt.date = Field(description="When.")
    document: str | None = Field(default=None, description="Document number (文号) or record.")


class Baseline(Dated):
    """裁量基准: one authority's dated refinement of a matter's provision into levels (or tiers) and rules."""

    title: str = Field(description="Title as published.")
    authority: Id = Field(description="The authority that made it.")
    matter: Id = Field(description="The matter it refines.")
    provision: Id = Field(description="The matter's provision it applies.")
    version: str = Field(description="Version label, e.g. 2024.")
    refines: Id | None = Field(default=None, description="The higher baseline this one refines.")
    document: str | None = Field(default=None, description="Document number (文号).")
    levels: dict[Level, LevelRule] = Field(
        default_factory=dict, description="裁量阶次 with their 适用条件 and 具体标准."
    )
    tiers: list[Tier] = Field(default_factory=list, description="A tiered table's rows, in published order.")
    rules: Rules = Field(default_factory=Rules, description="适用规则.")
    procedure: list[ProcedureStep] = Field(default_factory=list, description="How it was made.")
    teaching_note: str | None = Field(default=None, description="What this baseline is for in training.")
    disclaimer: Disclaimer = None


# ---------------------------------------------------------------- 首违不罚 / 免罚轻罚 lists


class Exclusion(Node):
    """除外情形: a circumstance that takes a case out of a list item."""

    factor: Id = Field(description="The factor whose presence excludes the item.")
    text: str = Field(description="The exclusion in the list's words.")


class ListItem(Node):
    """One row of a 免罚轻罚 list: the violation, the outcome, the factors it requires and its exclusions."""

    id: Id = Field(description="Item number or id within the list.")
    matter: Id | None = Field(default=None, description="The library matter the item covers, if it has one.")
    text: str = Field(description="The violation in the list's words.")
    outcome: Literal["no_penalty", "mitigated", "lenient"] = Field(
        default="no_penalty", description="不予处罚, 减轻处罚 or 从轻处罚."
    )
    requires: list[Id] = Field(description="Factors that must all be present.")
    conditions: list[str] = Field(default_factory=list, description="The conditions in the list's words.")
    exclusions: list[Exclusion] = Field(default_factory=list, description="Circumstances that exclude the item.")
    when: list[Alternative] = Field(
        default_factory=list, description="有下列情形之一: alternatives over the case's facts (thresholds such as 超标倍数在"
        "0.1倍以下); any one must hold. Empty: no fact condition.")
    window_years: int | None = Field(default=None, ge=1, description="近N年内: no earlier penalty for the same "
                                     "matter within these years (evaluated over the case's history).")
    window_calendar_year: bool = Field(default=False, description="年度内: no earlier penalty for the same matter in "
                                       "the same calendar year.")
    force: Literal["must", "may"] | None = Field(
        default=None, description="不予处罚 (must) or 可以不予处罚 (may); default: must for a 轻微不罚 (minor) list's "
        "no-penalty item, may otherwise.")


class ExemptionList(Dated):
    """首违不罚 / 轻微不罚 / 轻罚 list: dated rows that exempt or lighten listed violations."""

    title: str = Field(description="Title as published.")
    authority: Id = Field(description="The authority that issued it.")
    kind: Literal["first_violation", "minor", "reduced", "no_fault"] = Field(
        description="首违不罚 (first_violation), 轻微不罚 (minor), 轻罚/减轻 (reduced) or 无主观过错 (no_fault)."
    )
    document: str | None = Field(default=None, description="Document number.")
    window_years: int | None = Field(default=None, ge=1, description="'First' means none similar in these years.")
    items: list[ListItem] = Field(min_length=1, description="The rows of the list.")
    disclaimer: Disclaimer = None


# ---------------------------------------------------------------- one file


class LibraryFile(Node):
    """One YAML file: ``format_version`` plus one kind of content."""

    format_version: Literal[1] = Field(description="Version of this format; 1.")
    authorities: list[Authority] = Field(default_factory=list, description="Authorities.")
    factors: list[Factor] = Field(default_factory=list, description="Factors (裁量因子).")
    matter: Matter | None = Field(default=None, description="One matter and its provisions.")
    baseline: Baseline | None = Field(default=None, description="One baseline.")
    exemption_list: ExemptionList | None = Field(default=None, description="One 首违不罚 / 免罚轻罚 list.")


FILE_KINDS = ("authorities", "factors", "matter", "baseline", "exemption_list")
