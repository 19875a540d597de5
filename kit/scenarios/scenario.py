"""A generated scenario: the case, its narrative in both languages, and the engine's decision as answer key."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..engine.case import Case
from ..engine.decision import Decision
from ..i18n import Lang, bilingual, named, t
from .template import Circumstance, Distractor, outcome_labels


def outcome_of(decision: Decision) -> str:
    """The outcome key of a decision: ``transfer`` (Art. 27), ``time_barred`` (Art. 36), else its level."""
    if decision.transfer:
        return "transfer"
    if decision.time_barred:
        return "time_barred"
    return decision.level.value if decision.level is not None else "none"


def outcome_label(outcome: str, lang: Lang = "zh") -> str:
    zh, en = outcome_labels().get(outcome, (outcome, outcome))
    return named(zh, en, lang)


@dataclass(frozen=True)
class Scenario:
    """One trainee's variant of a template, with its known right answer."""

    template_id: str
    trainee_id: str
    seed: int
    attempt: int
    """How many draws were discarded before this one (``target_level`` only; 0 otherwise)."""
    case: Case
    decision: Decision
    narrative_zh: str
    narrative_en: str
    circumstances: tuple[Circumstance, ...] = ()
    distractors: tuple[Distractor, ...] = ()
    difficulty: str = "basic"
    illustrative: bool = field(default=True)
    """Always true: every generated case is constructed (示例案例，非正式文件)."""

    @property
    def outcome(self) -> str:
        return outcome_of(self.decision)

    def narrative(self, lang: Lang = "zh") -> str:
        return getattr(self, f"narrative_{lang}")

    def answer(self, lang: Lang = "zh") -> str:
        """The answer key in a few lines: outcome, fine range, and why each distractor does not count."""
        d = self.decision
        lines = [f"{t('scenario.answer', lang)}: {outcome_label(self.outcome, lang)}"]
        if d.no_penalty_ground and self.outcome == "no_penalty":
            lines[0] += f" ({d.no_penalty_ground})"
        if d.fine is not None:
            lines.append(f"{t('decision.fine', lang)}: {d.fine.text(lang)}")
        if len(d.acceptable) > 1:
            lines.append(f"{t('decision.lawful', lang)}: "
                         + "、".join(lv.label(lang) for lv in d.acceptable_levels))
        for item in self.distractors:
            lines.append(f"{t('scenario.distractor', lang)}: {bilingual(item.why, lang)}")
        return "\n".join(lines)

    def summary(self, lang: Lang = "zh", *, answer: bool = True) -> str:
        head = f"[{self.template_id} · {self.trainee_id} · seed {self.seed}]"
        parts = [head, self.narrative(lang)]
        if answer:
            parts += ["", self.answer(lang)]
        return "\n".join(parts)

    def to_dict(self, *, answer: bool = True) -> dict:
        out = {
            "template": self.template_id, "trainee": self.trainee_id, "seed": self.seed, "attempt": self.attempt,
            "difficulty": self.difficulty, "illustrative": self.illustrative,
            "narrative_zh": self.narrative_zh, "narrative_en": self.narrative_en,
            "case": self.case.model_dump(mode="json", exclude={"narrative"}),
        }
        if answer:
            out["outcome"] = self.outcome
            out["decision"] = self.decision.to_dict()
            out["distractors"] = [{"zh": d.zh, "en": d.en, "why_zh": d.why.zh, "why_en": d.why.en}
                                  for d in self.distractors]
        return out

    def _repr_html_(self, lang: Lang = "zh") -> str:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.narrative(lang).splitlines())
        answer = "<br>".join(html.escape(line) for line in self.answer(lang).splitlines())
        return (f"<div class='kit-scenario'><p><small>{html.escape(self.template_id)} · "
                f"{html.escape(self.trainee_id)} · seed {self.seed}</small></p>{paragraphs}"
                f"<details><summary>{t('scenario.answer', lang)}</summary><p>{answer}</p></details></div>")
