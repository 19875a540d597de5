"""Tier by tier against a higher table: a real city table and the provincial table of the same laws.

Two baselines are compared when the lower one's authority has the higher one's among its ancestors and they
cover the same matter, or the same provision (law + article, and the same paragraph where both name one:
《中华人民共和国环境影响评价法》（2018年修订）第三十一条第一款、第二款 matches …第三十一条第一款). Tiers are paired by
their conditions (an alternative in common: the same words, or the same comparisons over facts). Findings:
a lower tier whose range lies outside the higher tier's for the same conditions (a conflict), and a condition
the higher table has that the lower one lacks. Each cites the jurisdiction's own conflict rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import Msg, msg
from .checks import fine_bounds
from .library import Library
from .models import Alternative, Baseline, MultipleFine, Tier
from .wording import facts_of, fine, joined

NATIONAL_RULE = "国办发〔2022〕27号：下级行政机关制定的行政裁量权基准与上级行政机关制定的行政裁量权基准冲突的，适用上级基准"
REGION_RULES = {
    "32": "苏政办发〔2023〕1号 三(二)：下级行政机关制定的裁量权基准与上级冲突的，适用上级基准",
}
"""The conflict rule each jurisdiction states, by the first two digits of the region code (the province);
provinces not listed fall back to the national opinion."""


def conflict_rule(library: Library, authority: str) -> str:
    region = library.authorities[authority].region if authority in library.authorities else ""
    return REGION_RULES.get(region[:2], NATIONAL_RULE)


_NUM = "〇零一二两三四五六七八九十百千"


def provision_key(citation: str) -> tuple[str, str, frozenset[str]] | None:
    """《法》第X条（第Y款…） → (law, article, paragraphs); None without a law and an article."""
    text = re.sub(r"\s+", "", citation)
    law = re.match(r"《([^》]+)》", text)
    if not law:
        return None
    rest = re.sub(r"^[（(][^）)]*[）)]", "", text[law.end():])
    article = re.match(rf"第([{_NUM}\d]+)条", rest)
    if not article:
        return None
    paragraphs = frozenset(re.findall(rf"第([{_NUM}\d]+)款", rest[article.end():]))
    return law.group(1), article.group(1), paragraphs


def same_provision(a: str, b: str) -> bool:
    ka, kb = provision_key(a), provision_key(b)
    if ka is None or kb is None or ka[:2] != kb[:2]:
        return False
    return not ka[2] or not kb[2] or bool(ka[2] & kb[2])


def _keys(alt: Alternative) -> set:
    words = re.sub(r"[\s。；;，,的]", "", alt.text)
    keys: set = {("words", words)}
    if alt.all:
        keys.add(("facts", tuple(sorted((c.fact, c.op, c.value) for c in alt.all))))
    return keys


def _tier_keys(tier: Tier) -> set:
    return set().union(*(_keys(a) for a in tier.when))


@dataclass(frozen=True)
class TierFinding:
    kind: str  # "conflict" (a range outside the higher tier's) or "missing_condition"
    path: tuple
    message: Msg  # ``review.tier_outside`` / ``review.tier_missing``
    rule: str


def higher_baselines(library: Library, lower: Baseline) -> Iterator[Baseline]:
    """Baselines of the lower one's ancestors covering its matter or its provision."""
    ancestors = {a.id for a in library.authority_chain(lower.authority)[1:]}
    citation = library.provisions[lower.provision].citation
    for b in library.baselines.values():
        if b.authority in ancestors and b.tiers and (
                b.matter == lower.matter or same_provision(library.provisions[b.provision].citation, citation)):
            yield b


def tier_findings(library: Library, lower: Baseline, higher: Baseline) -> list[TierFinding]:
    rule = conflict_rule(library, lower.authority)
    facts = facts_of(library, lower.matter)
    out: list[TierFinding] = []
    matched: set[int] = set()
    for i, tier in enumerate(lower.tiers):
        keys = _tier_keys(tier)
        for j, up in enumerate(higher.tiers):
            if up.block != tier.block or not keys & _tier_keys(up):
                continue
            matched.add(j)
            if tier.fine is None or up.fine is None:
                continue
            same_units = (isinstance(tier.fine, MultipleFine) == isinstance(up.fine, MultipleFine)) and (
                not isinstance(tier.fine, MultipleFine) or tier.fine.base == up.fine.base)  # type: ignore[union-attr]
            inner, outer = fine_bounds(tier.fine), fine_bounds(up.fine)
            if not same_units or inner is None or outer is None:
                continue
            if inner[0] < outer[0] or inner[1] > outer[1]:
                out.append(TierFinding(
                    "conflict", ("baseline", "tiers", i, "fine"),
                    msg("review.tier_outside", no=tier.no, when=tier.when[0].text, range=fine(tier.fine, facts),
                        higher=higher.id, up=up.no, outer=fine(up.fine, facts)), rule))
    for j, up in enumerate(higher.tiers):
        if j not in matched and up.block != "individual":
            out.append(TierFinding(
                "missing_condition", ("baseline", "tiers"),
                msg("review.tier_missing", higher=higher.id, up=up.no, words=joined((a.text for a in up.when),
                                                                                     "semicolon")), rule))
    return out
