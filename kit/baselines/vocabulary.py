"""The closed vocabularies of the library format: levels, kinds, directions, penalty types.

Each enum member's Chinese and English label is one catalog entry, ``vocabulary.<Class>.<member>`` of
``kit/i18n/messages/vocabulary.yaml``, so that every front end names things the same way."""

from __future__ import annotations

from enum import StrEnum

from ..i18n import Lang, msg, t
from ..i18n.validation import Refusal, show

ILLUSTRATIVE_MARK = "示例，非正式文件"
"""Written on every constructed (non-official) row of a library, and shown wherever the row is displayed."""


class Labelled(StrEnum):
    """A StrEnum whose members have a zh and an en label: the catalog's ``vocabulary.<Class>.<member>``."""

    @property
    def zh(self) -> str:
        return self.label("zh")

    @property
    def en(self) -> str:
        return self.label("en")

    def label(self, lang: Lang = "zh") -> str:
        return t(f"vocabulary.{type(self).__name__}.{self.value}", lang)

    render = label  # said in the reader's language, as a catalog message is (a trace sentence's parameter)


class Level(Labelled):
    """Discretion levels, lightest first; the order is the law's order of severity."""

    no_penalty = "no_penalty"
    mitigated = "mitigated"
    lenient = "lenient"
    standard = "standard"
    aggravated = "aggravated"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    @classmethod
    def parse(cls, text: str) -> Level:
        """Accept the key (``lenient``), the Chinese label (``从轻处罚``), its short form (``从轻``) or the English label."""
        text = text.strip()
        for member in cls:
            if text in (member.value, member.zh, member.zh[:2], member.en):
                return member
        raise Refusal(msg("errors.unknown_level", found=show(text)))  # a ValueError, in the reader's language


_LEVEL_RANK = {level: i for i, level in enumerate(Level)}


class AuthorityLevel(Labelled):
    national = "national"
    provincial = "provincial"
    municipal = "municipal"
    county = "county"

    @property
    def rank(self) -> int:
        return list(AuthorityLevel).index(self)


class FactorKind(Labelled):
    statutory_mandatory = "statutory_mandatory"
    statutory_optional = "statutory_optional"
    discretionary = "discretionary"


class Direction(Labelled):
    exempt = "exempt"
    mitigate = "mitigate"
    aggravate = "aggravate"
    transfer = "transfer"
    block = "block"
    circumstance = "circumstance"  # a published 裁量情节 that selects a tier; no effect of its own


class ValueType(Labelled):
    bool = "bool"
    amount = "amount"
    count = "count"  # type: ignore[assignment]  # an Enum member; mypy reads it as overriding str.count
    grade = "grade"
    date = "date"


class PenaltyType(Labelled):
    warning = "warning"
    criticism = "criticism"
    fine = "fine"
    confiscation = "confiscation"
    suspension = "suspension"
    revocation = "revocation"
    ban = "ban"
    detention = "detention"


class StatuteLevel(Labelled):
    law = "law"
    administrative_regulation = "administrative_regulation"
    departmental_rule = "departmental_rule"
    local_regulation = "local_regulation"
    local_rule = "local_rule"
    constructed = "constructed"
