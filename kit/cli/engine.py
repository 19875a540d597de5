"""``kit evaluate`` and ``kit check``: a case file in, the decision and its trace out."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kit.baselines import LibraryError, load_library, sample_library
from kit.cli import app
from kit.cli.options import LangOption, LibraryOption
from kit.cases import load_cases, located_refusal
from kit.engine import CaseError, check_proposal, evaluate
from kit.i18n import Lang, t


def _library(paths: list[Path] | None):
    return load_library(*paths) if paths else sample_library()


def _load(case_file: Path, library: list[Path] | None, lang: Lang = "zh"):
    """The library and the cases of a file; a user's mistake ends the command with located errors."""
    try:
        lib = _library(library)
        return lib, load_cases(case_file, lib)
    except LibraryError as error:
        typer.echo(error.report(lang), err=True)
        raise typer.Exit(1) from None


def _evaluate(lib, case, case_file: Path, index: int, lang: Lang = "zh"):
    """Evaluate; a case the engine refuses ends the command with the engine's words, located in the file."""
    try:
        return evaluate(lib, case)
    except CaseError as error:  # ScoredInputError too (a scored baseline's 裁量要素 without exactly one option)
        typer.echo(located_refusal(case_file, index, error).report(lang), err=True)
        raise typer.Exit(1) from None


@app.command("evaluate", short_help="评估案件 / Evaluate a case: the decision and its trace.")
def evaluate_command(
    case_file: Path = typer.Argument(..., help="案件文件（YAML 或 JSON）：一个案件，或 `cases:` 列表 / "
                                     "A case file (YAML or JSON): one case, or a `cases:` list."),
    library: LibraryOption = None,
    lang: LangOption = "zh",
    as_json: bool = typer.Option(False, "--json", help="以 JSON 格式打印裁量结论 / Print the decision as JSON."),
    compare_versions: bool = typer.Option(False, "--compare-versions", help=(
        "按适用基准的每个施行版本分别评估、并列对照 / "
        "Evaluate under every dated version of the applicable baseline, side by side.")),
) -> None:
    """评估案件：打印裁量结论及推理过程 / Evaluate a case and print the decision with its trace."""
    lib, cases = _load(case_file, library, lang)
    if compare_versions:
        cases = [version for case in cases for version in versions_of(lib, case)]
    decisions = [_evaluate(lib, case, case_file, i if not compare_versions else 0, lang)
                 for i, case in enumerate(cases)]
    if as_json:
        payload = [d.to_dict() for d in decisions]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2))
        return
    from kit.grading.citing import summary  # the citations and baselines in words, as the drill shows them

    typer.echo("\n\n".join(summary(d, lang, lib) for d in decisions))


@app.command("check", short_help="核对裁量选择 / Check an officer's chosen level and fine.")
def check_command(
    case_file: Path = typer.Argument(..., help="案件文件（一个案件） / A case file (one case)."),
    level: str = typer.Option(..., "--level", help="所选裁量阶次：不予/减轻/从轻/一般/从重或其英文键 / "
                                                   "The level chosen: 不予/减轻/从轻/一般/从重 or its English key."),
    fine: float | None = typer.Option(None, "--fine", help="拟处罚款数额（元） / The proposed fine in yuan."),
    reason: str | None = typer.Option(None, "--reason", help=(
        "偏离裁量基准的理由 / Reason for departing from the baseline.")),
    approval: str | None = typer.Option(None, "--approval", help=(
        "调整适用裁量基准的审批文号 / Approval reference for an adjusted application.")),
    library: LibraryOption = None,
    lang: LangOption = "zh",
    as_json: bool = typer.Option(False, "--json", help="以 JSON 格式打印核对结果 / Print the check as JSON."),
) -> None:
    """核对执法人员的裁量选择 / Check an officer's chosen level and fine against the baseline."""
    lib, cases = _load(case_file, library, lang)
    try:
        from kit.baselines.vocabulary import Level
        Level.parse(level)
    except ValueError:
        typer.echo(t("cli.bad_level", lang, level=level), err=True)
        raise typer.Exit(2) from None
    decision = _evaluate(lib, cases[0], case_file, 0, lang)
    result = check_proposal(decision, level, fine, reason=reason, approval=approval)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(result.text(lang))
    raise typer.Exit(0 if result.acceptable else 1)


def versions_of(library, case):
    """The case once per dated version of the baseline that applies to it (same authority, same matter)."""
    from kit.baselines.resolution import resolve

    resolved = resolve(library, case.matter, case.authority, case.dates.act_completed, case.baseline).baseline
    if resolved is None:
        return [case]
    versions = sorted((b for b in library.baselines_for(case.matter) if b.authority == resolved.authority),
                      key=lambda b: b.effective_from)
    return [case.model_copy(update={"baseline": b.id, "id": f"{case.id} · {b.version}"}) for b in versions]
