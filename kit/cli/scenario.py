"""``kit scenario generate`` and ``kit scenario check``: a thin layer over ``kit.scenarios``.

Registered on the ``kit`` app by importing this module in ``kit/cli/__init__.py``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import typer

from kit.baselines import LibraryError, load_library, sample_library
from kit.cli import app
from kit.cli.options import LangOption, LibraryOption
from kit.i18n import Lang, t
from kit.scenarios import (OUTCOMES, ScenarioError, Template, find_template, generate, load_templates, outcome_counts,
                           outcome_label, parse_outcome)
from kit.scenarios.generate import self_contradictions

scenario_app = typer.Typer(help="场景案例生成：依模板生成案例 / generate case scenarios from templates.",
                           short_help="场景案例生成 / Generate case scenarios from templates.", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")


def _fail(error: Exception, lang: Lang = "zh") -> None:
    typer.echo(error.report(lang) if isinstance(error, LibraryError) else str(error), err=True)
    raise typer.Exit(1)


def _library(paths: list[Path] | None):
    return load_library(*paths) if paths else sample_library()


@scenario_app.command("generate", short_help="生成案例 / Generate case variants for a trainee.")
def generate_command(
    template: str = typer.Argument(..., help="模板文件，或内置模板的编号 / "
                                             "A template file, or the id of a built-in template."),
    trainee: str = typer.Option(..., "--trainee", help="学员编号：每名学员得到不同的案例变体 / "
                                                       "Trainee id: each trainee gets different variants."),
    n: int = typer.Option(1, "--n", min=1, help="生成几个变体（种子 seed … seed + n − 1） / "
                                                "How many variants (seeds seed … seed + n − 1)."),
    seed: int = typer.Option(0, "--seed", help="起始随机种子 / First seed."),
    level: str | None = typer.Option(None, "--level", help=(
        "只生成该结果的案例：不予/减轻/从轻/一般/从重、移送或时效 / "
        "Only cases with this outcome: 不予/减轻/从轻/一般/从重, 移送 or 时效 "
        "(or no_penalty … aggravated, transfer, time_barred).")),
    lang: LangOption = "zh",
    answers: bool = typer.Option(False, "--answers/--no-answers", help=(
        "每个案例后打印参考答案（供考核人员使用；默认不打印，学员运行时看不到答案） / "
        "Print the answer key after each case (for the assessor; off by default so a trainee running this "
        "sees no key).")),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 格式打印案例 / Print the scenarios as JSON."),
    library: LibraryOption = None,
) -> None:
    """为学员生成案例变体，各附参考答案 / Generate case variants for a trainee, each with its answer key."""
    if level is not None:
        try:
            parse_outcome(level)
        except ValueError:
            typer.echo(t("errors.unknown_outcome", lang, level=level, keys=", ".join(OUTCOMES)), err=True)
            raise typer.Exit(2) from None
    try:
        lib = _library(library)
        tpl = find_template(template, lib)
        scenarios = [generate(tpl, lib, trainee_id=trainee, seed=seed + i, target_level=level) for i in range(n)]
    except (LibraryError, ScenarioError) as error:
        _fail(error, lang)
    if as_json:
        typer.echo(json.dumps([s.to_dict(answer=answers) for s in scenarios], ensure_ascii=False, indent=2))
        return
    typer.echo("\n\n".join(s.summary(lang, answer=answers) for s in scenarios))


def reachability(template: Template, library, *, draws: int = 300) -> dict:
    """Outcomes reached in ``draws`` plain draws, and whether each declared outcome can be targeted."""
    counts: Counter = outcome_counts(template, library, draws=draws)
    missing = []
    for outcome in template.reachable:
        if counts.get(outcome):
            continue
        try:
            generate(template, library, trainee_id="check", target_level=outcome)
        except ScenarioError:
            missing.append(outcome)
    undeclared = sorted(set(counts) - set(template.reachable))
    contradictions = self_contradictions(template, library, draws=draws)
    return {"contradictions": [{"seed": s, "factors": list(f)} for s, f in contradictions],"template": template.id, "file": template.file, "matter": template.matter,
            "difficulty": template.difficulty, "declared": list(template.reachable),
            "reached": {k: counts[k] / draws for k in OUTCOMES if counts.get(k)},
            "unreachable": missing, "undeclared": undeclared}


@scenario_app.command("check", short_help="检查模板 / Validate templates and their outcomes.")
def check_command(
    templates: list[Path] = typer.Argument(..., help="模板文件或文件夹 / Template files or folders."),
    draws: int = typer.Option(300, "--draws", min=10, help="每个模板的抽样次数，用以计算各结果所占比例 / "
                                                           "Draws per template for the outcome shares."),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 格式打印报告 / Print the report as JSON."),
    library: LibraryOption = None,
    lang: LangOption = "zh",
) -> None:
    """检查模板：校验模板并报告每个模板能得出哪些结果 / Validate templates and report which outcomes each can reach."""
    try:
        lib = _library(library)
        loaded = load_templates(*templates, library=lib)
    except LibraryError as error:
        _fail(error, lang)
    rows = [reachability(t, lib, draws=draws) for t in loaded]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            shares = "  ".join(f"{outcome_label(k, lang)} {v:.0%}" for k, v in row["reached"].items())
            typer.echo(f"{row['template']}  [{row['matter']}, {row['difficulty']}]  {shares}")
            for outcome in row["unreachable"]:
                typer.echo(t("errors.check_unreachable", lang, outcome=outcome, label=outcome_label(outcome, lang),
                             file=row["file"]))
            for c in row["contradictions"]:
                typer.echo(t("errors.check_contradiction", lang, seed=c["seed"], file=row["file"],
                             factors=t("errors.factors_and", lang).join(c["factors"])))
            for outcome in row["undeclared"]:
                typer.echo(t("errors.check_undeclared", lang, outcome=outcome, label=outcome_label(outcome, lang)))
        bad = sum(bool(r["unreachable"]) for r in rows)
        typer.echo(t("errors.check_total", lang, n=len(rows))
                   + (t("errors.check_bad", lang, bad=bad) if bad else t("errors.check_all_reached", lang)))
    raise typer.Exit(1 if any(r["unreachable"] or r["contradictions"] for r in rows) else 0)
