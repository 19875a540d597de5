"""Which tiers a case can reach from its facts and factors alone, without naming ``tier:``.

A tier is decidable from facts when every alternative is a set of comparisons over facts; from factors when
some alternative needs a factor ticked (a published 裁量情节 kept as words); and not at all when no input
selects it: an alternative with neither comparisons nor a factor (words only), or every alternative also an
alternative of a tier that wins over it (the same factor and comparisons in a higher tier, when the baseline
takes the highest matching tier; a lower one when it takes the first)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .library import Library
from .models import Alternative, Baseline, Tier


def _key(alt: Alternative) -> tuple:
    return alt.factor, tuple((c.fact, c.op, c.value) for c in alt.all)


def reachable_alternatives(baseline: Baseline, tier: Tier) -> list[Alternative]:
    """The tier's alternatives a case can meet that no winning tier also has."""
    highest = baseline.rules.tier_choice == "highest"
    winners = [t for t in baseline.tiers if t.block == tier.block and (t.no > tier.no if highest else t.no < tier.no)]
    taken = {_key(a) for t in winners for a in t.when}
    return [alt for alt in tier.when if (alt.all or alt.factor is not None) and _key(alt) not in taken]


def tier_kind(baseline: Baseline, tier: Tier) -> str:
    """"facts", "factors" or "none" (see the module's docstring)."""
    reachable = reachable_alternatives(baseline, tier)
    if not reachable:
        return "none"
    return "factors" if any(alt.factor is not None for alt in reachable) else "facts"


@dataclass
class Decidability:
    """Per library: how many tiers are decidable from facts, from factors, or not at all (listed)."""

    counts: Counter = field(default_factory=Counter)
    undecidable: list[tuple[str, str, int, str]] = field(default_factory=list)  # baseline, block, no, words

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, kind: str) -> float:
        return self.counts[kind] / self.total if self.total else 0.0

    @property
    def decidable_share(self) -> float:
        return (self.counts["facts"] + self.counts["factors"]) / self.total if self.total else 0.0


def decidability(library: Library, *, authority: str | None = None) -> Decidability:
    out = Decidability()
    for baseline in library.baselines.values():
        if authority is not None and baseline.authority != authority:
            continue
        for tier in baseline.tiers:
            if tier.block == "individual":
                continue  # the individuals' tier follows the unit's (engine: _individual_tier)
            kind = tier_kind(baseline, tier)
            out.counts[kind] += 1
            if kind == "none":
                out.undecidable.append((baseline.id, tier.block, tier.no, "；".join(a.text for a in tier.when)))
    return out
