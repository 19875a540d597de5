"""Marking a drill answer part by part: the outcome and the fine by the one ``kit.grading.grade``, and the two
parts a baseline also trains — which circumstances apply and which provision sets the penalty — here.

The circumstances to tick are the factors the template can put in a case of this matter, plus two factors of
the library that the matter's template never uses (distractors), in an order fixed by the case id. The right
set is the factors present in the case. The provision to choose is among the matter's provisions and those of
two other matters; right is any provision the engine cites."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from ..baselines import Library
from ..grading import WEIGHTS, Answer, Marks, Weights, grade
from ..grading.grade import Part
from ..i18n import Lang, bilingual, list_join, sentences, t
from ..scenarios import Scenario, Template

DISTRACTORS = 2


@dataclass(frozen=True)
class DrillAnswer:
    """What the officer answered: the level key (or 移送), factor ids ticked, a provision citation, the fine in
    yuan (None: no fine), and for a departure its reason and approval."""

    level: str
    circumstances: frozenset[str] = frozenset()
    provision: str | None = None
    fine: float | None = None
    reason: str | None = None
    approval: str | None = None


def present(scenario: Scenario, library: Library) -> set[str]:
    """The factors of the case (those the library can name)."""
    return {f for f, v in scenario.case.factors.items() if v and f in library.factors}


def circumstance_options(scenario: Scenario, template: Template | None, library: Library) -> list[str]:
    own: set[str] = set(present(scenario, library))
    for c in (template.circumstances if template else []):
        own.update(f for f in c.factors if f in library.factors)
    rng = random.Random(scenario.case.id)
    others = sorted(set(library.factors) - own)
    options = sorted(own) + rng.sample(others, min(DISTRACTORS, len(others)))
    rng.shuffle(options)
    return options


def provision_options(scenario: Scenario, library: Library) -> list[str]:
    matter = library.matters[scenario.case.matter]
    own = list(dict.fromkeys([*(p.citation for p in matter.provisions), *scenario.decision.provisions]))
    rng = random.Random("provision:" + scenario.case.id)
    others = sorted({p.citation for m in library.matters.values() if m.id != matter.id for p in m.provisions}
                    - set(own))
    options = own + rng.sample(others, min(DISTRACTORS, len(others)))
    rng.shuffle(options)
    return options


def factor_label(library: Library, factor_id: str, lang: Lang) -> str:
    f = library.factors[factor_id]
    return bilingual(f, lang)


def _labels(library: Library, ids, lang: Lang) -> str:
    return list_join((factor_label(library, f, lang) for f in sorted(ids)), lang) or t("drill.circ.none", lang)


def circumstances_part(answer: DrillAnswer, scenario: Scenario, library: Library, points: float) -> Part:
    expected = present(scenario, library)
    ticked = set(answer.circumstances)
    missed, extra = expected - ticked, ticked - expected

    def text(lang: Lang) -> str:
        if not missed and not extra:
            return t("drill.circ.right", lang)
        out = [t("drill.circ.wrong", lang, expected=_labels(library, expected, lang))]
        if missed:
            out.append(t("drill.circ.missed", lang, items=_labels(library, missed, lang)))
        if extra:
            out.append(t("drill.circ.extra", lang, items=_labels(library, extra, lang)))
        return sentences(out, lang)

    status: Literal["right", "partial", "wrong"]
    if not missed and not extra:
        status, got = "right", points
    elif len(missed) + len(extra) == 1 and (ticked & expected or not expected):
        status, got = "partial", points / 2
    else:
        status, got = "wrong", 0.0
    return Part("circumstances", status, got, points, text("zh"), text("en"))


def provision_part(answer: DrillAnswer, scenario: Scenario, points: float) -> Part | None:
    status: Literal["right", "partial", "wrong"]
    cited = scenario.decision.provisions
    if not cited:
        return None
    citation = "、".join(cited)
    if answer.provision in cited:
        key, status, got = "drill.prov.right", "right", points
        citation = answer.provision
    else:
        key, status, got = ("drill.prov.wrong" if answer.provision else "drill.prov.missing"), "wrong", 0.0
    return Part("provision", status, got, points, t(key, "zh", citation=citation), t(key, "en", citation=citation))


def mark(answer: DrillAnswer, scenario: Scenario, library: Library, *, weights: Weights = WEIGHTS) -> Marks:
    graded = grade(Answer(case_id=scenario.case.id, level=answer.level, fine=answer.fine, reason=answer.reason,
                          approval=answer.approval), scenario.decision, weights=weights,
                   library=library)
    parts = [graded.part("outcome"), circumstances_part(answer, scenario, library, weights.outcome)]
    provision = provision_part(answer, scenario, weights.outcome)
    if provision is not None:
        parts.append(provision)
    parts.append(graded.part("fine"))
    return Marks(graded.case_id, graded.answer, tuple(parts))


def missed(marks: Marks, answer: DrillAnswer, scenario: Scenario) -> list[str]:
    """What the officer missed, as keys the progress page names: ``provision:<citation>``, ``factor:<id>``,
    ``outcome:<matter>`` and ``fine:<matter>``."""
    out: list[str] = []
    by = {p.name: p for p in marks.parts}
    if "provision" in by and not by["provision"].right:
        out += [f"provision:{c}" for c in scenario.decision.provisions]
    if not by["circumstances"].right:
        expected = {f for f, v in scenario.case.factors.items() if v}
        out += [f"factor:{f}" for f in sorted(expected ^ set(answer.circumstances))]
    for name in ("outcome", "fine"):
        if not by[name].right:
            out.append(f"{name}:{scenario.case.matter}")
    return out
