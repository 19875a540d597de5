"""Alternative penalties (处警告或者五百元以下罚款): the statute lets the authority give a warning instead of the
fine. The tier keeps the fine (the amount the engine computes) and its words; the provision records the
alternative (``penalties: [warning, fine]``, ``combination: alone``), which the engine offers as
``Decision.alternatives`` (docs/engine.md, "Lawful alternatives").

Only the form 处警告或者…罚款 is read; 给予警告或者处以罚款 and other wordings are not (yet)."""

from __future__ import annotations

import re

ALTERNATIVE_CLAUSE = re.compile(r"^处警告或者(?P<fine>[^，,；;。：:]+罚款)[：:]?$")  # 罚款： before a statute's list
ALTERNATIVE_MARK = "或者警告"
"""The clause ``expand`` puts before the fine: read by the phrase parser as the warning alternative."""


def expand(clause: str) -> list[str]:
    """'处警告或者五百元以下罚款' → ['或者警告', '处五百元以下罚款']; any other clause → [clause]."""
    m = ALTERNATIVE_CLAUSE.match(clause)
    return [ALTERNATIVE_MARK, f"处{m.group('fine')}"] if m else [clause]


def provision_penalties(basis: str) -> dict:
    """The provision's penalty types and combination when its text says 处警告或者…罚款 (拘留 in the same text
    is one of its types too); {} otherwise (the importer's default: the fine, 并处)."""
    text = re.sub(r"\s+", "", basis or "")
    if not re.search(r"处警告或者[^，,；;。]+罚款", text):
        return {}
    penalties = ["warning", "fine"] + (["detention"] if "拘留" in text else [])
    return {"penalties": penalties, "combination": "alone"}
