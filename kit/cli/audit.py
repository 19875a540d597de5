"""``kit audit``: case-file review (案卷评查) of a table of past decisions, at province scale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from kit.baselines import LibraryError, load_library, sample_library
from kit.cli import app
from kit.cli.options import LangOption, LibraryOption
from kit.i18n import t


@app.command("audit", short_help="案卷评查 / Review past decisions against the baselines.")
def audit_command(
    table: Path = typer.Argument(..., help=(
        "处罚决定表（.csv、.xlsx、.xls 或 .parquet），每行一个已作出的处罚决定；见 docs/audit.md / "
        "The decision table (.csv, .xlsx, .xls or .parquet), one row per past decision; see docs/audit.md.")),
    library: LibraryOption = None,
    lang: LangOption = "zh",
    xlsx: Path | None = typer.Option(None, "--xlsx", help=(
        "另存工作簿（汇总、机关事项、评查结果、问题明细、类案不同罚、离群决定、退回行） / "
        "Also write the workbook (汇总, 机关事项, 评查结果, 问题明细, 类案不同罚, 离群决定, 退回行).")),
    html: Path | None = typer.Option(None, "--html", help="另存带图表的 HTML 报告 / "
                                                          "Also write the HTML report with plots."),
    rejected: Path | None = typer.Option(None, "--rejected", help=(
        "退回行（CSV）的写入位置；默认：有错误行时写到表格旁的 <table>-rejected.csv / "
        "Where to write the rejected rows (CSV); default: <table>-rejected.csv beside the table, "
        "when any row is bad.")),
    strict: bool = typer.Option(False, "--strict", help=(
        "任何一行有错即拒收整张表（以 1 退出，列出全部问题，不写入任何文件） / "
        "Refuse the whole table when any row is bad (exit 1, every problem listed, nothing written).")),
    encoding: str | None = typer.Option(None, "--encoding", help=(
        "CSV 的编码（utf-8、gbk、utf-16 …）；默认：自动识别 / "
        "The CSV's encoding (utf-8, gbk, utf-16 …); default: detected.")),
    workers: int = typer.Option(2, "--workers", min=1, max=64, help="本机的工作进程数 / "
                                                                    "Worker processes on this machine."),
    chunk_rows: int = typer.Option(50_000, "--chunk-rows", min=100, max=1_000_000,
                                   help="每块的行数 / Rows per chunk."),
    dask: str | None = typer.Option(None, "--dask", help=(
        "在 Dask 上运行：调度器地址（tcp://host:8786），或 local（两个工作进程的本地集群） / "
        "Run on Dask: a scheduler address (tcp://host:8786) or 'local' for a local cluster of two workers.")),
    today: str | None = typer.Option(None, "--today", help=(
        "处罚决定日期不得晚于的日期（YYYY-MM-DD；默认：今天） / "
        "The day decisions may not be after (YYYY-MM-DD; default: today).")),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="在 stderr 显示进度条及每秒行数 / "
                                                                         "Progress bar with rows/s on stderr."),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 格式打印评查结果 / Print the review as JSON."),
) -> None:
    """案卷评查：逐案对照基准评查已作出的处罚决定 / Review past decisions against the baselines.

    评查完毕即以 0 退出（无论评查结果如何，含退回行）；无法评查（无法读取、缺少必需列、基准库有误，或 --strict
    下有错误行）时以 1 退出 /
    Exit 0 when the table was reviewed (whatever the findings, rejected rows included); exit 1 when it could not
    be (unreadable, a required column missing, the library broken, or any bad row under --strict)."""
    from kit.audit import AuditInputError, audit  # pandas and pyarrow: only when the command runs

    language = lang
    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        typer.echo(t("audit.err.today", language, found=today), err=True)
        raise typer.Exit(1) from None
    try:
        lib = load_library(*library) if library else sample_library()
        report = audit(table, lib, strict=strict, encoding=encoding, workers=workers, chunk_rows=chunk_rows,
                       today=day, progress=progress, lang=language, dask=dask)
    except LibraryError as error:
        typer.echo(error.report(language), err=True)
        raise typer.Exit(1) from None
    except AuditInputError as error:
        typer.echo(error.report(language), err=True)
        raise typer.Exit(1) from None
    if report.n_rejected:
        target = rejected or table.with_name(f"{table.stem}-rejected.csv")
        report.write_rejected(target, language)
        typer.echo(t("audit.rejected_written", language, n=report.n_rejected, path=str(target)), err=True)
    if xlsx is not None:
        report.write_xlsx(xlsx, language)
    if html is not None:
        report.write_html(html, language)
    typer.echo(report.to_json(language) if as_json else report.summary(language, title=str(table)))

