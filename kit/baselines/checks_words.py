"""Words the library checks share (catalog messages, kit/i18n/messages/load.yaml)."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import Msg, msg


def kind_word(kind: str) -> Msg:
    """authority, factor, matter, provision, baseline, list → 制定机关, 裁量因子 …"""
    return msg(f"load.kind_{kind}")


def fact_of(matter: str, facts: Iterable[str]) -> Msg:
    """A fact of matter X (a, b, c)."""
    return msg("load.c_fact_of", matter=matter, facts=", ".join(sorted(facts)) or msg("load.f_none"))
