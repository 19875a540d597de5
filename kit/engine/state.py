"""The working state that the law's steps read and write while one case is evaluated.

Each step is a function ``step(state) -> None``; a step that settles the case (time bar, transfer, a
mandatory no-penalty ground) sets ``state.done`` and the later steps are skipped."""

from __future__ import annotations

from datetime import date

from dataclasses import dataclass, field
from typing import Literal

from ..baselines.library import Library
from ..baselines.models import Baseline, Matter, Provision, Tier
from ..baselines.vocabulary import Level, PenaltyType
from .case import Case
from .decision import FineRange, TraceStep
from ..i18n import LANGS, Msg, unit_label
from .text import Pair, Said, Sentence

LAW = "《中华人民共和国行政处罚法》"
# 过罚相当: "实施行政处罚……必须以事实为依据，与违法行为的事实、性质、情节以及社会危害程度相当" — the ground of every
# discretionary (酌定) circumstance, cited beside the baseline's own rule
ART5 = f"{LAW}第五条第二款"


@dataclass(frozen=True, slots=True)
class Options:
    """Evaluation options, each declared once with its default."""

    trace: bool = True
    """Build the step-by-step trace (off only for bulk statistics)."""
    one_act_policy: Literal["case_fine", "higher_maximum", "higher_fine"] = "case_fine"
    """Art. 29 (按照罚款数额高的规定处罚): case_fine compares the fines each norm gives this case (range, then
    suggestion, then statutory maximum, then legal rank); higher_maximum only the statutory maxima; higher_fine
    only the suggested fines."""
    check_steps: bool = False
    """Run each step on a view that refuses the state fields its @step declaration does not name (tests)."""

# the circumstances the mitigator and aggravator steps find, read by the steps that weigh them
CIRCUMSTANCES = ("mandatory_mitigation", "optional_mitigation", "mandatory_aggravation", "discretionary_mitigators",
                 "discretionary_aggravators")


@dataclass(slots=True)
class State:
    library: Library
    case: Case
    options: Options
    matter: Matter
    baseline: Baseline | None
    provision: Provision | None
    # the day whose exemption lists apply (Art. 37: the act's, or the decision's when those are lighter)
    list_day: date | None = None
    # the outcome as it forms
    level: Level | None = None
    no_penalty_ground: str | None = None
    transfer: bool = False
    time_barred: bool = False
    done: bool = False
    # statutory circumstances found on the way
    mandatory_mitigation: list[str] = field(default_factory=list)
    optional_mitigation: list[str] = field(default_factory=list)
    mandatory_aggravation: list[str] = field(default_factory=list)
    discretionary_mitigators: list[str] = field(default_factory=list)
    discretionary_aggravators: list[str] = field(default_factory=list)
    optional_ground: tuple[Level, str, str] | None = None  # (level, ground, citation) the law says *may*
    extra_acceptable: set[Level] = field(default_factory=set)
    tier: Tier | None = None
    individual_tier: Tier | None = None  # 双罚 published as a separate block
    percent: float | None = None
    position: str | None = None  # an application rule's 按…最高/最低限度处罚
    suggest_at: str | None = None  # an application rule's point of the range for the suggestion
    # the penalty
    fine: FineRange | None = None
    suggested_fine: float | None = None
    individual_fine: FineRange | None = None
    confiscation: float | None = None
    warning_only: bool = False
    penalties: list[PenaltyType] = field(default_factory=list)
    acceptable: dict[Level, FineRange | None] = field(default_factory=dict)
    warnings: list[Msg] = field(default_factory=list)  # catalog messages, said in the reader's language
    trace: list[TraceStep] = field(default_factory=list)

    def note(self, rule: str, citation: str, inputs: dict, effect: str, sentence: Said, *,
             fired: bool = True, baseline_ref: str | None = None) -> None:
        if self.options.trace:
            self.trace.append(TraceStep(rule, citation, inputs, effect, sentence, fired, baseline_ref))

    def tell(self, rule: str, citation: str, inputs: dict, effect: str, key: str, /, *, fired: bool = True,
             baseline_ref: str | None = None, **params: object) -> None:
        """``note`` with the catalog sentence ``key`` and its parameters (see ``text.Sentence``)."""
        if self.options.trace:
            self.trace.append(TraceStep(rule, citation, inputs, effect, Sentence(key, params), fired, baseline_ref))

    def baseline_ref(self, part: str = "") -> str | None:
        if self.baseline is None:
            return None
        return f"{self.baseline.id}（{self.baseline.version}）{part}"

    def fact(self, name: str) -> float | None:
        return self.case.facts.get(name)

    def fact_words(self, name: str) -> tuple[Pair | str, Pair | str]:
        """The fact's name and unit as the library writes them (a trainee reads 超限重量 … 千克, not
        excess_weight_kg); a fact the matter does not describe: its id, and no unit."""
        for spec in self.matter.facts:
            if spec.id == name:
                return Pair(spec.zh, spec.en), Pair(*(unit_label(spec.unit, lang) for lang in LANGS))
        return name, ""

    def settle(self, level: Level | None, ground: str | None = None) -> None:
        self.level = level
        self.no_penalty_ground = ground
        self.done = True
