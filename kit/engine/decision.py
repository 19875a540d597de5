"""What the engine returns: the decision, the fine range, and the trace that explains every step."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..baselines.vocabulary import ILLUSTRATIVE_MARK, Level, PenaltyType
from ..i18n import LANGS, Lang, Msg, list_join, money, money_range, say
from .text import Said, t


class FineRange(NamedTuple):
    """A fine range in yuan. ``upper_open``: the top is excluded (减轻 below the statutory minimum).
    (Named tuples: built for every case in the hot path, and cheaper than frozen dataclasses.)"""

    lo: float
    hi: float
    upper_open: bool = False

    def contains(self, amount: float) -> bool:
        return self.lo <= amount and (amount < self.hi if self.upper_open else amount <= self.hi)

    def text(self, lang: Lang = "zh") -> str:
        if self.lo == self.hi:
            return money(self.lo, lang)
        return money_range(self.lo, self.hi, lang, upper_open=self.upper_open)

    def render(self, lang: Lang) -> str:  # said in the reader's language (a trace sentence's parameter)
        return self.text(lang)

    def to_dict(self) -> dict:
        return {"lo": self.lo, "hi": self.hi, "upper_open": self.upper_open}




class TraceStep(NamedTuple):
    """One rule checked or applied: its id, the inputs it read, its effect, its citation, and what it says (put
    into words in either language when read: ``text(lang)``)."""

    rule: str
    citation: str
    inputs: dict[str, Any]
    effect: str
    sentence: Said
    fired: bool = True
    baseline_ref: str | None = None

    def text(self, lang: Lang = "zh") -> str:
        return self.sentence.render(lang)

    def cites(self) -> str:
        return self.citation + (f"；{self.baseline_ref}" if self.baseline_ref else "")

    def to_dict(self) -> dict:
        return {"rule": self.rule, "citation": self.citation, "baseline_ref": self.baseline_ref,
                "inputs": {k: _plain(v) for k, v in self.inputs.items()}, "effect": self.effect,
                "fired": self.fired, **{lang: self.text(lang) for lang in LANGS}}


@dataclass(slots=True)
class Decision:
    """The engine's answer. Treat it as a value: the engine never changes a Decision after returning it
    (not frozen only because frozen dataclasses cost a third of the engine's time to build)."""

    case_id: str
    matter: str
    baseline: str | None
    baseline_version: str | None
    provisions: tuple[str, ...]
    level: Level | None
    no_penalty_ground: str | None = None
    transfer: bool = False
    time_barred: bool = False
    penalties: tuple[PenaltyType, ...] = ()
    combination: str | None = None
    fine: FineRange | None = None
    statutory_range: FineRange | None = None
    suggested_fine: float | None = None
    individual_fine: FineRange | None = None
    confiscation: float | None = None
    acceptable: dict[Level, FineRange | None] = field(default_factory=dict)
    tier: int | None = None
    percent: float | None = None
    warnings: tuple[Msg, ...] = ()  # catalog messages: ``say(w, lang)``
    trace: tuple[TraceStep, ...] = ()
    illustrative: bool = False
    compared: tuple[Decision, ...] = ()  # Art. 37: the evaluations under the old and the new rules
    alternatives: tuple[PenaltyType, ...] = ()
    """Penalty types the provision allows *instead of* the fine (处警告或者罚款): each is a lawful choice too."""
    ranges: Any = field(default=None, compare=False, repr=False)
    """``level -> FineRange | None``: the range any level would have for this case (computed on request)."""

    def range_of(self, level: Level) -> FineRange | None:
        """The fine range of ``level`` for this case, lawful or not (check_proposal names it)."""
        if level in self.acceptable:
            return self.acceptable[level]
        return self.ranges(level) if self.ranges is not None and level is not Level.no_penalty else None

    @property
    def acceptable_levels(self) -> tuple[Level, ...]:
        return tuple(sorted(self.acceptable, key=lambda lv: lv.rank))

    def outcome(self, lang: Lang = "zh") -> str:
        if self.transfer:
            return t("decision.transfer", lang)
        if self.level is None:
            return "—"
        return self.level.label(lang)

    def to_dict(self) -> dict:
        return {
            "case_id": self.case_id, "matter": self.matter, "baseline": self.baseline,
            "baseline_version": self.baseline_version, "provisions": list(self.provisions),
            "level": self.level.value if self.level else None, "no_penalty_ground": self.no_penalty_ground,
            "transfer": self.transfer, "time_barred": self.time_barred,
            "penalties": [p.value for p in self.penalties], "combination": self.combination,
            "fine": self.fine.to_dict() if self.fine else None,
            "statutory_range": self.statutory_range.to_dict() if self.statutory_range else None,
            "suggested_fine": self.suggested_fine,
            "individual_fine": self.individual_fine.to_dict() if self.individual_fine else None,
            "confiscation": self.confiscation,
            "alternatives": [p.value for p in self.alternatives],
            "acceptable_levels": {lv.value: (r.to_dict() if r else None) for lv, r in self.acceptable.items()},
            "tier": self.tier, "percent": self.percent, "warnings": [{"key": w.key, **{lang: say(w, lang) for lang in LANGS}} for w in self.warnings],
            "trace": [s.to_dict() for s in self.trace], "illustrative": self.illustrative,
            "compared": [{"baseline": d.baseline, "version": d.baseline_version,
                          "level": d.level.value if d.level else None,
                          "fine": d.fine.to_dict() if d.fine else None} for d in self.compared],
        }

    def summary(self, lang: Lang = "zh") -> str:
        def label(key: str) -> str:
            return t(f"decision.{key}", lang)

        lines = [f"{label('case')} {self.case_id}: {self.outcome(lang)}"]
        if self.baseline:
            lines.append(f"{label('baseline')}: {self.baseline} ({self.baseline_version})")
        if self.provisions:
            lines.append(f"{label('provisions')}: {t('engine.citation_sep', lang).join(self.provisions)}")
        if self.penalties:
            lines.append(f"{label('penalties')}: {list_join((p.label(lang) for p in self.penalties), lang)}")
        if self.fine is not None:
            lines.append(f"{label('fine')}: {self.fine.text(lang)}")
        if self.suggested_fine is not None:
            lines.append(f"{label('suggested')}: {money(self.suggested_fine, lang)}")
        if self.individual_fine is not None:
            lines.append(f"{label('individual')}: {self.individual_fine.text(lang)}")
        if self.confiscation:
            lines.append(f"{label('confiscation')}: {money(self.confiscation, lang)}")
        if len(self.acceptable) > 1:
            levels = list_join((lv.label(lang) for lv in self.acceptable_levels), lang)
            lines.append(f"{label('lawful')}: {levels}")
        for w in self.warnings:
            lines.append(f"{label('note')}: {say(w, lang)}")
        lines.append("")
        lines.append(label("reasoning"))
        for i, step in enumerate(s for s in self.trace if s.fired):
            lines.append(f"{i + 1}. {step.text(lang)}  〔{step.cites()}〕")
        if self.illustrative:
            lines.append("")
            lines.append(t("decision.illustrative", lang, mark=ILLUSTRATIVE_MARK))
        return "\n".join(lines)

    def _repr_html_(self, lang: Lang = "zh") -> str:
        head, _, steps = self.summary(lang).partition("\n\n")
        items = "".join(
            f"<li>{html.escape(s.text(lang))} <small>〔{html.escape(s.cites())}〕</small></li>"
            for s in self.trace if s.fired
        )
        mark = f"<p><em>{ILLUSTRATIVE_MARK}</em></p>" if self.illustrative else ""
        body = "<br>".join(html.escape(line) for line in head.splitlines())
        return f"<div class='kit-decision'><p>{body}</p><ol>{items}</ol>{mark}</div>"


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
