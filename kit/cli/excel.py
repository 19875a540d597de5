"""``kit import-xlsx`` and ``kit export-xlsx``: thin commands over ``import_to_folder`` and ``export_library``.

The plain functions ``import_xlsx`` and ``export_xlsx`` return an exit code and can be called from notebooks
and tests. The Excel libraries are imported when a command runs, not when ``kit`` starts."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kit.baselines.errors import LibraryError
from kit.cli import app
from kit.cli.options import LangOption
from kit.i18n import Lang, t

if TYPE_CHECKING:
    from kit.excel.importer import ImportOptions


def report_lines(result, out: Path | None, lang: Lang = "zh") -> list[str]:
    """Per sheet the headers chosen, and (once written) the share of tiers decidable without ``tier:``."""
    lines = []
    for sheet, labels in result.layouts.items():
        cols = t("excel.sep", lang).join(f"{header}→{t('excel.role.' + key, lang)}" for key, header in labels.items())
        lines.append(t("excel.layout", lang, sheet=sheet, columns=cols))
    if out is not None and out.is_dir() and any(out.rglob("*.yaml")):
        from kit.baselines import load_library
        from kit.baselines.decidable import decidability

        try:
            d = decidability(load_library(out))
        except LibraryError:
            return lines
        def share(k):
            return (f"{d.share(k):.1%}")
        lines.append(t("excel.decidable", lang, total=d.total, facts=d.counts["facts"], facts_share=share("facts"),
                       factors=d.counts["factors"], factors_share=share("factors"), none=d.counts["none"]))
        lines += [t("excel.undecidable", lang, baseline=b, tier=f"{block} {no}", words=words)
                  for b, block, no, words in d.undecidable]
    return lines


def import_xlsx(file: Path, *, out: Path, partial: bool = False, options: ImportOptions | None = None,
                stream=None, lang: Lang = "zh") -> int:
    """Import ``file`` into the library folder ``out``; print problems (located) and the figures."""
    from kit.excel.importer import import_to_folder

    err = stream or sys.stderr
    result = import_to_folder(file, out, options, partial=partial)
    for e in result.errors:
        print(e.render(lang), file=err)
    print(result.summary(lang), file=err)
    written = not result.errors or (partial and result.items_ok)
    for line in report_lines(result, out if written else None, lang):
        print(line, file=err)
    if result.errors and not partial:
        print(t("excel_import.nothing_written", lang, out=out), file=err)
        return 1
    if result.errors:
        print(t("excel_import.partly_written", lang, rows=result.rows_ok, items=result.items_ok, out=out), file=err)
        return 1 if result.items_ok == 0 else 0
    print(t("excel_import.written", lang, out=out), file=err)
    return 0


def export_xlsx(library: Path, *, out: Path, stream=None, lang: Lang = "zh") -> int:
    """Export the library folder ``library`` to the workbook ``out``; print problems (located) or the figures."""
    from kit.baselines import load_library

    from kit.excel.export import export_library

    err = stream or sys.stderr
    try:
        lib = load_library(library)
    except LibraryError as exc:
        print(exc.report(lang), file=err)
        return 1
    if out.suffix.lower() != ".xlsx":
        print(t("errors.export_not_xlsx", lang, out=out), file=err)
        return 1
    export_library(lib, out)
    print(t("errors.export_written", lang, out=out, n=len(lib.baselines)), file=err)
    return 0


@app.command("import-xlsx", short_help="从 Excel 导入基准表 / Import a baseline table from Excel.")
def import_xlsx_command(
    file: Path = typer.Argument(..., help="裁量基准表：.xlsx 或 Excel 97 .xls / Baseline table: .xlsx or Excel 97 .xls."),
    out: Path = typer.Option(..., "--out", help="写入的基准库文件夹（新建或空文件夹） / "
                                                "Library folder to write (new or empty)."),
    partial: bool = typer.Option(False, "--partial", help="写入能导入的部分，列出其余各行 / "
                                                          "Write the tiers that import; list the other rows."),
    authority: str | None = typer.Option(None, "--authority", help="制定机关编号，如 jm-sthjj / "
                                                                   "Authority id, e.g. jm-sthjj."),
    authority_name: str | None = typer.Option(None, "--authority-name", help="制定机关名称 / Authority name."),
    authority_level: str | None = typer.Option(None, "--authority-level", help=(
        "制定机关层级：national（国家）、provincial（省级）、municipal（市级）或 county（县级） / "
        "national, provincial, municipal or county.")),
    region: str | None = typer.Option(None, "--region", help="六位行政区划代码（默认 000000） / "
                                                             "Six-digit division code (default 000000)."),
    sector: str | None = typer.Option(None, "--sector", help="执法领域，如 生态环境 / Sector, e.g. 生态环境."),
    effective_from: str | None = typer.Option(None, "--effective-from", help="施行日期，YYYY-MM-DD / "
                                                                            "Effective from, YYYY-MM-DD."),
    version: str | None = typer.Option(None, "--version", help="版本标签（默认：年份） / "
                                                               "Version label (default: the year)."),
    document: str | None = typer.Option(None, "--document", help="文号，如 江环〔2020〕10号 / "
                                                                 "Document number (文号)."),
    title: str | None = typer.Option(None, "--title", help="每条基准标题的前缀 / Title prefix of every baseline."),
    illustrative: bool = typer.Option(False, "--illustrative", help="把每一行标为“示例，非正式文件” / "
                                                                    "Mark every row 示例，非正式文件."),
    parent: str | None = typer.Option(None, "--parent", help=(
        "上级基准制定机关的编号（kit review 逐项对照两张表） / "
        "Authority id of the higher table's issuer (kit review compares the tables tier by tier).")),
    lang: LangOption = "zh",
) -> None:
    """从 Excel 导入裁量基准表，写成基准库文件夹 / Import a baseline table from Excel into a library folder."""
    try:
        date = dt.date.fromisoformat(effective_from) if effective_from else None
    except ValueError:
        print(t("errors.effective_from", lang, found=effective_from), file=sys.stderr)
        raise typer.Exit(1) from None
    from kit.excel.importer import ImportOptions

    options = ImportOptions(authority=authority, authority_name=authority_name, authority_level=authority_level,
                            region=region, sector=sector, effective_from=date, version=version,
                            document=document, title=title, illustrative=illustrative, parent=parent)
    raise typer.Exit(import_xlsx(file, out=out, partial=partial, options=options, lang=lang))

@app.command("export-xlsx", short_help="导出为 Excel 工作簿 / Export a library to an Excel workbook.")
def export_xlsx_command(
    library: Path = typer.Argument(..., help="基准库文件夹 / Library folder."),
    out: Path = typer.Option(..., "--out", help="写入的工作簿（.xlsx） / Workbook to write (.xlsx)."),
    lang: LangOption = "zh",
) -> None:
    """按公布的格式把基准库导出为 Excel 工作簿 / Export a library to an Excel workbook in the published layout."""
    raise typer.Exit(export_xlsx(library, out=out, lang=lang))

