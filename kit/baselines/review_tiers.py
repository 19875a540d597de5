"""Filing review: tier conditions the engine cannot read from a case's facts.

An alternative of a tier with neither fact conditions (``all``) nor a ``factor`` is words only: the engine
never finds it met, so a case reaches that tier only if it names ``tier:`` — silently, every other case falls
to another tier or to the statutory range. The review reports each such condition (kind ``text_only_condition``)
so that its facts are written down."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Iterator

from ..i18n import msg

if TYPE_CHECKING:
    from .models import Baseline

RULE_FACTS = "适用条件应当明确、可操作（分档条件需以案件事实或裁量因子表述，方可据以确定档次）"


def text_only_conditions(library, b: Baseline, where, today) -> Iterator:
    from .review import _finding

    for t, tier in enumerate(b.tiers):
        for a, alt in enumerate(tier.when):
            if not alt.all and alt.factor is None:
                yield _finding(where, b, "text_only_condition", ("baseline", "tiers", t, "when", a), RULE_FACTS,
                               msg("review.text_only", no=tier.no, text=alt.text))
