"""The filing review (备案审查) of a library, or of new baselines filed against one (seed 三(一)–三(三)).

Each finding names the file, line, dotted path, the higher baseline it conflicts with (if any) and the rule.
Kinds, in report order: conflicts with higher baselines (levels, and tier by tier: tier_review.py); circumstances of
a higher table missing; defaults at the very top or bottom of the statutory
range; missing required parts; 减轻/不予处罚 without stated conditions; provisions no longer in force; levels
no factor can reach; a published baseline missing a procedure step or its application rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..i18n import DEFAULT_LANG, Lang, Msg, msg, t
from .checks import fine_bounds
from .hierarchy import conflicts
from .library import Library
from .tier_review import higher_baselines, tier_findings
from .models import Baseline, FixedFine, PerUnitFine
from .vocabulary import Direction, FactorKind, Level
from .review_tiers import text_only_conditions
from .wording import Said, facts_of, joined, label, point as point_words, value
from .yaml_source import locate, parse_located

KINDS: dict[str, Msg] = {kind: msg(f"review.kind.{kind}") for kind in (
    "conflict", "missing_condition", "extreme_default", "missing_part", "unconditioned_leniency",
    "provision_not_in_force", "unreachable_level", "procedure", "text_only_condition")}
"""Each kind's title (``review.kind.*``), in report order."""
PROCEDURE: dict[str, Msg] = {step: msg(f"review.step.{step}") for step in (
    "drafting", "evaluation", "consultation", "legality_review", "collective_decision", "publication", "filing")}
RULE_FORM = "苏政办发〔2023〕1号 三(一)：裁量权基准应当包括违法行为、法定依据、裁量阶次、适用条件和具体标准"
RULE_STRICT = "苏政办发〔2023〕1号 三(一)：减轻处罚、不予处罚的情形应当严格评估论证，明确适用条件"
RULE_PROCEDURE = "苏政办发〔2023〕1号 三(一)：起草、评估论证、征求意见、合法性审核、集体审议决定、公开发布、备案"
RULE_EDGE = "行政裁量权基准不得把默认结果设定在法定幅度的最高或最低端"


@dataclass(frozen=True)
class Finding(Said):
    kind: str
    baseline: str
    file: str
    line: int | None
    path: str
    rule: str  # the rule cited: a quotation of Chinese law, shown as written in both languages
    message: Msg  # what is wrong (``review.*``), said in the reader's language
    higher: str | None = None

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return t("review.line", lang, where=where, path=self.path, text=self.message.render(lang), rule=self.rule)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "baseline": self.baseline, "file": self.file, "line": self.line,
                "path": self.path, "rule": self.rule, "zh": self.zh, "en": self.en, "higher": self.higher}


class _Locator:
    """Positions of nodes in the library's files, parsed with positions only when a finding needs one."""

    def __init__(self, library: Library):
        self.library = library
        self.trees: dict[str, object] = {}

    def at(self, baseline: Baseline, path: tuple) -> tuple[str, int | None, str]:
        file = self.library.files.get(f"baseline:{baseline.id}", "")
        if file and file not in self.trees:
            self.trees[file], _ = parse_located(Path(file).read_text(encoding="utf-8"), file)
        line = locate(self.trees[file], path)[0] if file else None
        dotted = baseline.id + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[1:])
        return file, line, dotted


def review(library: Library, *, only: set[str] | None = None, today: date | None = None) -> list[Finding]:
    """Review every baseline (or those whose ids are in ``only``); findings in report order."""
    today = today or date.today()
    where = _Locator(library)
    findings: list[Finding] = []
    for b in sorted(library.baselines.values(), key=lambda b: b.id):
        if only is not None and b.id not in only:
            continue
        for check in (_conflicts, _tier_conflicts, _extreme_defaults, _missing_parts, _unconditioned, _not_in_force,
                      _unreachable, _procedure, text_only_conditions):
            findings.extend(check(library, b, where, today))
    order = list(KINDS)
    return sorted(findings, key=lambda f: (order.index(f.kind), f.baseline, f.line or 0))


def _finding(where: _Locator, b: Baseline, kind: str, path: tuple, rule: str, message: Msg,
             higher: str | None = None) -> Finding:
    file, line, dotted = where.at(b, path)
    return Finding(kind, b.id, file, line, dotted, rule, message, higher)


def _overlaps(a: Baseline, b: Baseline) -> bool:
    return (a.effective_to is None or b.effective_from <= a.effective_to) and \
        (b.effective_to is None or a.effective_from <= b.effective_to)


def _conflicts(library, b: Baseline, where, today):
    for authority in library.authority_chain(b.authority)[1:]:
        for higher in library.baselines_for(b.matter):
            if higher.authority == authority.id and _overlaps(b, higher):
                for c in conflicts(library, b, higher):
                    yield _finding(where, b, "conflict", c.path, c.rule, c.message, higher.id)


def _tier_conflicts(library, b: Baseline, where, today):
    """Tier by tier against the higher tables of the same matter or provision (tier_review.py)."""
    if not b.tiers:
        return
    for higher in higher_baselines(library, b):
        if _overlaps(b, higher):
            for t in tier_findings(library, b, higher):
                yield _finding(where, b, t.kind, t.path, t.rule, t.message, higher.id)


def _extreme_defaults(library, b: Baseline, where, today):
    statutory = library.provisions[b.provision].fine
    outer = fine_bounds(statutory)
    if outer is None or isinstance(statutory, FixedFine) or outer[0] == outer[1]:
        return
    for level in (Level.lenient, Level.standard, Level.aggravated):
        rule = b.levels.get(level)
        bounds = fine_bounds(rule.fine) if rule and rule.fine else None
        if bounds is None:
            continue
        point = {"midpoint": (bounds[0] + bounds[1]) / 2, "lower": bounds[0], "upper": bounds[1]}[b.rules.suggested_fine]
        if point in outer:
            edge = msg("review.edge.bottom" if point == outer[0] else "review.edge.top")
            yield _finding(where, b, "extreme_default", ("baseline", "levels", level.value, "fine"), RULE_EDGE,
                           msg("review.extreme_default", level=label(level), point=point_words(point, rule.fine, facts_of(library, b.matter)),
                               edge=edge))


def _missing_parts(library, b: Baseline, where, today):
    provision = library.provisions[b.provision]
    if not b.levels and not b.tiers:
        yield _finding(where, b, "missing_part", ("baseline",), RULE_FORM, msg("review.no_levels"))
    formula = isinstance(provision.fine, (PerUnitFine, FixedFine))
    for level, rule in b.levels.items():
        path = ("baseline", "levels", level.value)
        if not rule.conditions and level not in (Level.mitigated, Level.no_penalty):
            yield _finding(where, b, "missing_part", path, RULE_FORM, msg("review.no_conditions", level=label(level)))
        if level is not Level.no_penalty and rule.fine is None and not rule.penalties and not formula:
            yield _finding(where, b, "missing_part", path, RULE_FORM, msg("review.no_standard", level=label(level)))
    for i, tier in enumerate(b.tiers):
        if tier.fine is None and tier.individual_fine is None and not tier.penalties and not tier.measures:
            yield _finding(where, b, "missing_part", ("baseline", "tiers", i), RULE_FORM,
                           msg("review.tier_no_standard", no=tier.no))


def _unconditioned(library, b: Baseline, where, today):
    for level in (Level.mitigated, Level.no_penalty):
        rule = b.levels.get(level)
        if rule is not None and not rule.conditions:
            yield _finding(where, b, "unconditioned_leniency", ("baseline", "levels", level.value), RULE_STRICT,
                           msg("review.unconditioned", level=label(level)))


def _not_in_force(library, b: Baseline, where, today):
    provision = library.provisions[b.provision]
    if provision.effective_to is not None and provision.effective_to < today and \
            (b.effective_to is None or b.effective_to > provision.effective_to):
        yield _finding(where, b, "provision_not_in_force", ("baseline", "provision"), "行政处罚法第三十七条",
                       msg("review.not_in_force", citation=provision.citation, day=value(provision.effective_to)))


def _unreachable(library, b: Baseline, where, today):
    kinds = {(f.kind, f.direction) for f in library.factors.values()}
    # 从轻 and 减轻 are always within reach of the law itself (Arts. 30–32: minors, capacity, statutory mitigators);
    # 从重 needs an aggravating factor in the library.
    aggravate = any(d is Direction.aggravate for _, d in kinds)
    reach = {Level.aggravated: aggravate}
    scoring = b.rules.scoring if b.rules.combination == "scored" else None
    if scoring is not None:
        low = max(scoring.floor, scoring.start + sum(w for w in scoring.weights.values() if w < 0))
        high = min(scoring.ceiling, scoring.start + sum(w for w in scoring.weights.values() if w > 0))
        bands = [fine_bounds(b.levels[lv].fine) for lv in (Level.lenient, Level.standard, Level.aggravated)
                 if lv in b.levels and b.levels[lv].fine is not None]
        if bands:
            lo, hi = min(x[0] for x in bands), max(x[1] for x in bands)
            points = (lo + (hi - lo) * low / 100, lo + (hi - lo) * high / 100)
            mandatory_up = (FactorKind.statutory_mandatory, Direction.aggravate) in kinds
            for level in (Level.standard, Level.aggravated):
                if level in b.levels and b.levels[level].fine is not None:
                    r = fine_bounds(b.levels[level].fine)
                    touched = r[0] <= points[1] and points[0] <= r[1]
                    reach[level] = touched or (level is Level.aggravated and mandatory_up)
    for level in b.levels:
        if not reach.get(level, True):
            yield _finding(where, b, "unreachable_level", ("baseline", "levels", level.value),
                           "基准适用规则", msg("review.unreachable", level=label(level)))


def _procedure(library, b: Baseline, where, today):
    done = {step.step for step in b.procedure}
    published = "publication" in done or (b.document is not None and not b.document.startswith("示例"))
    if not published:
        return
    missing = [name for step, name in PROCEDURE.items() if step not in done]
    if missing:
        yield _finding(where, b, "procedure", ("baseline", "procedure") if b.procedure else ("baseline", "id"),
                       RULE_PROCEDURE, msg("review.procedure_missing", steps=joined(missing)))
    if not b.rules.text:
        yield _finding(where, b, "procedure", ("baseline", "rules"), RULE_PROCEDURE, msg("review.no_rules_text"))
