"""Options that many commands share, declared once (type, default, help, validation).

A command writes ``lang: LangOption = "zh"`` or ``library: LibraryOption = None``; an unknown language is a
usage error (exit 2) naming the value and the languages the kit speaks, the same for every command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kit.i18n import Lang, UnknownLanguage, parse_lang


def _lang(value: str) -> Lang:
    try:
        return parse_lang(value)
    except UnknownLanguage as err:
        raise typer.BadParameter(str(err)) from None


if TYPE_CHECKING:  # what the command receives: the callback has parsed the text into a Lang
    LangOption = Lang
else:  # what typer reads: text, parsed by the callback
    LangOption = Annotated[str, typer.Option("--lang", callback=_lang, help="zh（默认）或 en / zh (default) or en.")]
LibraryOption = Annotated[list[Path] | None, typer.Option(
    "--library", "-l", help="基准库文件或文件夹（默认：内置示例库） / Library files or folders (default: the sample).")]
