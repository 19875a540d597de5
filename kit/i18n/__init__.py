"""Every user-facing word of the kit: one catalog, two languages, one lookup.

``t("drill.next", lang)`` reads the entry ``next`` of ``messages/drill.yaml``. Each catalog file is a mapping
``key: {zh: …, en: …}``; both languages are required, and both must use the same ``{placeholders}``
(checked when the catalog loads and by ``tests/i18n``). Chinese is the default language. Amounts, numbers and
dates are formatted here too (Babel's zh_CN and en formats), so every page writes money one way."""

from __future__ import annotations

from .catalog import Catalog, CatalogError, catalog
from .format import date_text, money, money_range, number, unit_label
from .message import Msg, msg, say
from .lang import DEFAULT_LANG, LANGS, Lang, UnknownLanguage, parse_lang
from .text import bilingual, colon, html_lang, list_join, named, other_lang, parens, sentences


def t(key: str, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``{placeholders}`` filled from ``params``."""
    return catalog().text(key, lang, **params)


__all__ = ["Catalog", "CatalogError", "DEFAULT_LANG", "LANGS", "Lang", "Msg", "UnknownLanguage", "bilingual", "catalog",
           "colon", "date_text", "html_lang", "list_join", "money", "money_range", "msg", "named", "number", "other_lang",
           "parens", "parse_lang", "say", "sentences", "t", "unit_label"]
