"""The two languages of the kit and the one place a language name from a user is read."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "zh"

_ALIASES: dict[str, Lang] = {"zh": "zh", "zh-cn": "zh", "zh_cn": "zh", "cn": "zh", "中文": "zh",
                             "en": "en", "en-us": "en", "en_us": "en", "en-gb": "en", "english": "en"}


class UnknownLanguage(ValueError):
    """A language the kit does not speak; the message is in both languages because we do not know which to use."""

    def __init__(self, value: str) -> None:
        super().__init__(f"不支持的语言 '{value}'，可用：zh（中文）、en（English） / "
                         f"unknown language '{value}'; expected one of: zh, en")
        self.value = value


def parse_lang(value: str | None) -> Lang:
    """``"zh"``, ``"zh-CN"``, ``"en"``, ``"EN"`` … → a ``Lang``; ``None`` or ``""`` → the default; else ``UnknownLanguage``."""
    if value is None or value == "":
        return DEFAULT_LANG
    lang = _ALIASES.get(value.strip().lower())
    if lang is None:
        raise UnknownLanguage(value)
    return lang
