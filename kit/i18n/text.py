"""Small language-dependent joins every front end needs, looked up in the catalog (``common.*``)."""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import catalog
from .lang import LANGS, Lang

# How sentences join: Chinese sentences end in 。 and run on; English ones take a space. (An empty string
# cannot live in the catalog, which refuses empty messages.)
_SENTENCE_SEP: dict[Lang, str] = {"zh": "", "en": " "}


def colon(lang: Lang) -> str:
    return catalog().text("common.colon", lang)


def list_join(items: Iterable[str], lang: Lang) -> str:
    """``甲、乙`` / ``a, b``."""
    return catalog().text("common.list_sep", lang).join(items)


def sentences(parts: Iterable[str], lang: Lang) -> str:
    return _SENTENCE_SEP[lang].join(parts)


def parens(text: str, lang: Lang, *, tight: bool = False) -> str:
    """``（x）`` / `` (x)`` (``(x)`` with ``tight``)."""
    return catalog().text("common.parens_tight" if tight else "common.parens", lang, text=text)


def html_lang(lang: Lang) -> str:
    return catalog().text("common.html_lang", lang)


def other_lang(lang: Lang) -> Lang:
    """The language a page's toggle switches to."""
    return LANGS[1 - LANGS.index(lang)]


def named(zh: str, en: str | None, lang: Lang) -> str:
    """A name given in Chinese with an optional English form (a matter, an authority): the English one if
    asked and present, else the Chinese."""
    return {"zh": zh, "en": en or zh}[lang]


def bilingual(text: object, lang: Lang) -> str:
    """A model's ``{zh, en}`` text (a factor, a title, a fact's label) in ``lang``."""
    return str(getattr(text, lang))
