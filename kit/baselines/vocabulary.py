"""The closed vocabularies of the library format: levels, kinds, directions, penalty types.

Each enum member carries its Chinese and English label so that every front end names things the same way.
"""

from __future__ import annotations

from enum import StrEnum

from ..i18n import Lang, bilingual

ILLUSTRATIVE_MARK = "示例，非正式文件"
"""Written on every constructed (non-official) row of a library, and shown wherever the row is displayed."""


class Labelled(StrEnum):
    """A StrEnum whose members have a zh and an en label (``LABELS`` on the subclass)."""

    @property
    def zh(self) -> str:
        return self.LABELS[self.value][0]  # type: ignore[attr-defined]

    @property
    def en(self) -> str:
        return self.LABELS[self.value][1]  # type: ignore[attr-defined]

    def label(self, lang: Lang = "zh") -> str:
        return bilingual(self, lang)


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
        raise ValueError(f"unknown level {text!r}")


Level.LABELS = {  # type: ignore[attr-defined]
    "no_penalty": ("不予处罚", "no penalty"),
    "mitigated": ("减轻处罚", "mitigated"),
    "lenient": ("从轻处罚", "lenient"),
    "standard": ("一般处罚", "standard"),
    "aggravated": ("从重处罚", "aggravated"),
}
_LEVEL_RANK = {level: i for i, level in enumerate(Level)}


class AuthorityLevel(Labelled):
    national = "national"
    provincial = "provincial"
    municipal = "municipal"
    county = "county"

    @property
    def rank(self) -> int:
        return list(AuthorityLevel).index(self)


AuthorityLevel.LABELS = {  # type: ignore[attr-defined]
    "national": ("国家", "national"),
    "provincial": ("省级", "provincial"),
    "municipal": ("设区的市", "municipal"),
    "county": ("县级", "county"),
}


class FactorKind(Labelled):
    statutory_mandatory = "statutory_mandatory"
    statutory_optional = "statutory_optional"
    discretionary = "discretionary"


FactorKind.LABELS = {  # type: ignore[attr-defined]
    "statutory_mandatory": ("法定应当情节", "statutory, mandatory"),
    "statutory_optional": ("法定可以情节", "statutory, optional"),
    "discretionary": ("酌定情节", "discretionary"),
}


class Direction(Labelled):
    exempt = "exempt"
    mitigate = "mitigate"
    aggravate = "aggravate"
    transfer = "transfer"
    block = "block"
    circumstance = "circumstance"  # a published 裁量情节 that selects a tier; no effect of its own


Direction.LABELS = {  # type: ignore[attr-defined]
    "exempt": ("免予处罚", "exempt"),
    "mitigate": ("从轻减轻", "mitigate"),
    "aggravate": ("从重", "aggravate"),
    "transfer": ("移送司法", "transfer"),
    "block": ("排除适用", "block"),
    "circumstance": ("裁量情节（选择档次）", "circumstance (selects a tier)"),
}


class ValueType(Labelled):
    bool = "bool"
    amount = "amount"
    count = "count"  # type: ignore[assignment]  # an Enum member; mypy reads it as overriding str.count
    grade = "grade"
    date = "date"


ValueType.LABELS = {  # type: ignore[attr-defined]
    "bool": ("是/否", "yes/no"),
    "amount": ("金额", "amount"),
    "count": ("次数/数量", "count"),
    "grade": ("等级", "grade"),
    "date": ("日期", "date"),
}


class PenaltyType(Labelled):
    warning = "warning"
    criticism = "criticism"
    fine = "fine"
    confiscation = "confiscation"
    suspension = "suspension"
    revocation = "revocation"
    ban = "ban"
    detention = "detention"


PenaltyType.LABELS = {  # type: ignore[attr-defined]
    "warning": ("警告", "warning"),
    "criticism": ("通报批评", "public criticism"),
    "fine": ("罚款", "fine"),
    "confiscation": ("没收违法所得、没收非法财物", "confiscation"),
    "suspension": ("暂扣许可证件、降低资质等级、责令停产停业", "suspension"),
    "revocation": ("吊销许可证件", "revocation"),
    "ban": ("限制从业", "ban from the trade"),
    "detention": ("行政拘留", "administrative detention"),
}


class StatuteLevel(Labelled):
    law = "law"
    administrative_regulation = "administrative_regulation"
    departmental_rule = "departmental_rule"
    local_regulation = "local_regulation"
    local_rule = "local_rule"
    constructed = "constructed"


StatuteLevel.LABELS = {  # type: ignore[attr-defined]
    "law": ("法律", "law"),
    "administrative_regulation": ("行政法规", "administrative regulation"),
    "departmental_rule": ("部门规章", "departmental rule"),
    "local_regulation": ("地方性法规", "local regulation"),
    "local_rule": ("地方政府规章", "local government rule"),
    "constructed": ("示例条款", "constructed provision"),
}
