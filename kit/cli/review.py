"""``kit review`` (filing review, 备案审查) and ``kit diff`` (what changed between two baseline versions)."""

from __future__ import annotations

from pathlib import Path

import typer

from kit.baselines import LibraryError, load_library, sample_library
from kit.baselines.diff import diff_baselines
from kit.baselines.loader import read_source, validate_file, yaml_files
from kit.baselines.review import review
from kit.baselines.review_report import as_json, as_text, write_xlsx
from kit.baselines.wording import facts_of
from kit.cli import app
from kit.cli.options import LangOption, LibraryOption
from kit.i18n import Lang, t


def _fail(error: LibraryError, lang: Lang = "zh") -> None:
    typer.echo(error.report(lang), err=True)
    raise typer.Exit(1)


@app.command("review", short_help="备案审查 / Filing review of a library.")
def review_command(
    paths: list[Path] | None = typer.Argument(None, help=(
        "基准库文件或文件夹（配合 --against 时为报备的新基准） / "
        "Library files or folders (or the new baselines filed, with --against).")),
    sample: bool = typer.Option(False, "--sample", help="审查内置示例基准库 / Review the bundled sample library."),
    against: list[Path] | None = typer.Option(None, "--against", help=(
        "新基准据以备案审查的现有基准库；只审查新文件 / "
        "The existing library new baselines are filed against; only the new files are reviewed.")),
    lang: LangOption = "zh",
    as_json_: bool = typer.Option(False, "--json", help="以 JSON 格式打印审查意见 / Print the findings as JSON."),
    xlsx: Path | None = typer.Option(None, "--xlsx", help="另存工作簿，每类审查意见一张工作表 / "
                                                          "Also write a workbook, one sheet per finding kind."),
) -> None:
    """备案审查：冲突、缺项、无条件的减轻/不予处罚等；存在冲突时以 1 退出 /
    Filing review of a library. Exit 1 when there are conflicts."""
    paths = list(paths or [])
    if not paths and not sample:
        typer.echo(t("cli.review.no_paths", lang), err=True)
        raise typer.Exit(2)
    only = None
    try:
        if sample:
            library = sample_library()
        elif against:
            library = load_library(*against, *paths)
            files, _ = yaml_files(paths)
            only = {b.id for b in library.baselines.values()
                    if Path(library.files[f"baseline:{b.id}"]).resolve() in {f.resolve() for f in files}}
        else:
            library = load_library(*paths)
    except LibraryError as error:
        _fail(error, lang)
    findings = review(library, only=only)
    typer.echo(as_json(findings) if as_json_ else as_text(findings, lang))
    if xlsx is not None:
        write_xlsx(findings, xlsx)
    raise typer.Exit(1 if any(f.kind == "conflict" for f in findings) else 0)


def _baseline(ref: str, library, lang: Lang):
    """A baseline id of the library, or a baseline file."""
    path = Path(ref)
    if path.is_file():
        source, errors = read_source(path)
        model, more = validate_file(source) if source else (None, [])
        if errors or more or model is None or model.baseline is None:
            raise LibraryError(errors + more) if (errors or more) else LibraryError([])
        return model.baseline
    if ref in library.baselines:
        return library.baselines[ref]
    typer.echo(t("cli.diff.unknown", lang, ref=ref), err=True)
    raise typer.Exit(2)


@app.command("diff", short_help="比较基准的两个版本 / What changed between two versions of a baseline.")
def diff_command(
    old: str = typer.Argument(..., help="旧版本：基准编号或基准文件 / The old version: a baseline id or a baseline file."),
    new: str = typer.Argument(..., help="新版本：基准编号或基准文件 / The new version: a baseline id or a baseline file."),
    library: LibraryOption = None,
    lang: LangOption = "zh",
) -> None:
    """两个版本的基准有何变化 / What changed between two versions of a baseline."""
    try:
        lib = load_library(*library) if library else sample_library()
        a, b = _baseline(old, lib, lang), _baseline(new, lib, lang)
    except LibraryError as error:
        _fail(error, lang)
    changes = diff_baselines(a, b, facts_of(lib, b.matter))
    typer.echo(t("cli.diff.title", lang, a=a.id, va=a.version, b=b.id, vb=b.version))
    for change in changes:
        typer.echo(f"  {'+' if change.kind == 'added' else '-' if change.kind == 'removed' else '~'} "
                   f"{change.text(lang)}")
    if not changes:
        typer.echo("  " + t("cli.diff.none", lang))
