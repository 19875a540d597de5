"""``kit --help`` is one bilingual text (README, "--help is one bilingual text"): click prints help before it reads
``--lang``, so every command's and group's help, its listing line (short help) and every argument's and option's
help says "中文 / English", Chinese first. A walk of the click tree that typer builds finds a text that lacks
either language; ``kit … --help`` run for every command shows both halves whole (nothing cut at "…")."""

from __future__ import annotations

import re

import pytest
import typer
from typer.core import TyperCommand
from typer.testing import CliRunner

import kit.cli  # noqa: F401  registers every command
from kit.cli import app

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


def bilingual_problem(text: str | None) -> str | None:
    """Why ``text`` is not "中文 / English" in each paragraph, or None. The Chinese half starts in Chinese or has
    more Chinese characters than Latin words (not an English phrase with a Chinese term); the English half starts
    with a Latin letter and has a word of three letters or more (a Chinese term in it is a name, 文号)."""
    if not text or not text.strip():
        return "no help"
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        flat = " ".join(paragraph.split())
        zh, sep, en = flat.partition(" / ")
        if not sep:
            return f"not '中文 / English': {flat!r}"
        if not (CJK.match(_first_letter(zh)) or len(CJK.findall(zh)) > len(LATIN_WORD.findall(zh))):
            return f"no Chinese before ' / ': {flat!r}"
        if not (re.match(r"[A-Za-z]", _first_letter(en)) and LATIN_WORD.search(en)):
            return f"no English after ' / ': {flat!r}"
    return None


def commands(command, path: tuple[str, ...] = ()):
    """(path, command) for ``command`` and every command and group under it (typer's own click classes)."""
    yield path, command
    if is_group(command):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))


def is_group(command) -> bool:
    return isinstance(getattr(command, "commands", None), dict)


def help_problems(root) -> list[str]:
    """Every help text of the tree that is not bilingual, named ``kit <path> [param]: why``."""
    problems = []
    for path, command in commands(root):
        where = " ".join(("kit", *path))
        texts = {"help": command.help} | ({"short help": command.short_help} if path else {})
        for what, text in texts.items():
            if (why := bilingual_problem(text)) is not None:
                problems.append(f"{where} ({what}): {why}")
        for param in command.params:
            if (why := bilingual_problem(getattr(param, "help", None))) is not None:
                problems.append(f"{where} {param.opts[0] if param.param_type_name == 'option' else param.name}: {why}")
    return problems


def planted_option(help_text: str):
    """An option ``--planted`` with ``help_text``, made by typer as the kit's options are."""
    extra = typer.Typer()

    @extra.command()
    def planted(planted: bool = typer.Option(False, "--planted", help=help_text)) -> None:
        """做事 / Do the thing."""

    return typer.main.get_command(extra).params[0]


def tree():
    return typer.main.get_command(app)  # a new click tree each call: planting in one leaves the app as it is


def test_every_command_group_argument_and_option_help_is_chinese_and_english():
    problems = help_problems(tree())
    assert not problems, "\n".join(problems)


def test_the_walk_reaches_every_command_and_parameter():
    found = {" ".join(path) for path, _ in commands(tree())}
    assert {"evaluate", "import-xlsx", "audit", "scenario generate", "grade course", "grade build"} <= found
    assert sum(len(c.params) for _, c in commands(tree())) >= 89


@pytest.mark.parametrize(("help_text", "words"), [
    ("Print the decision as JSON.", "not '中文 / English'"),
    ("以 JSON 格式打印裁量结论", "not '中文 / English'"),
    ("Document number (文号) / Document number.", "no Chinese"),
    ("以 JSON 格式打印裁量结论 / 以 JSON 格式打印", "no English"),
    ("以 JSON 格式打印裁量结论 / Print the decision as JSON.\n\nExit 1 on conflicts.", "not '中文 / English'"),
])
def test_a_planted_option_that_lacks_a_language_is_named(help_text, words):
    root = tree()
    evaluate = root.commands["evaluate"]  # type: ignore[attr-defined]
    evaluate.params.append(planted_option(help_text))
    problems = help_problems(root)
    assert len(problems) == 1 and problems[0].startswith("kit evaluate --planted: ") and words in problems[0], problems


def test_a_planted_english_only_command_and_docstring_are_named():
    root = tree()
    grade = root.commands["grade"]  # type: ignore[attr-defined]
    grade.commands["planted"] = TyperCommand("planted", help="Do a thing.", short_help="做事 / Do the thing.")
    assert help_problems(root) == ["kit grade planted (help): not '中文 / English': 'Do a thing.'"]


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("path", [path for path, _ in commands(tree())], ids=lambda p: " ".join(("kit", *p)))
def test_kit_help_shows_every_text_whole_in_both_languages(path):
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    shown = _flat(result.output)
    command = dict(commands(tree()))[path]
    texts = [command.help or ""] + [getattr(p, "help", "") or "" for p in command.params]
    if is_group(command):
        texts += [sub.short_help or "" for sub in command.commands.values()]
    for text in texts:  # both halves of every text, uncut (click wraps lines; it must not drop words)
        assert _flat(text) in shown, f"kit {' '.join(path)} --help does not show {text!r}:\n{result.output}"
