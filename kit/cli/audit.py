"""``kit audit``: case-file review (案卷评查) of a table of past decisions."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kit.audit import audit, read_decisions
from kit.baselines import LibraryError, load_library, sample_library
from kit.cli import app


@app.command("audit")
def audit_command(
    table: Path = typer.Argument(..., help="The decision table (.csv or .xlsx), one row per past decision; "
                                 "see docs/audit.md."),
    library: Optional[List[Path]] = typer.Option(None, "--library", "-l", help="Library files or folders "
                                                 "(default: the bundled sample library)."),
    lang: str = typer.Option("zh", "--lang", help="zh (default) or en."),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", help="Also write a workbook: 汇总, 评查结果, 问题明细."),
    csv: Optional[Path] = typer.Option(None, "--csv", help="Also write the files as CSV (and the findings beside "
                                       "it as <name>-问题明细.csv)."),
    as_json: bool = typer.Option(False, "--json", help="Print the review as JSON."),
) -> None:
    """案卷评查：逐案对照基准评查已作出的处罚决定 / Review past decisions against the baselines.

    Exit 0 whatever the findings; exit 1 only when the table (or the library) has errors."""
    try:
        lib = load_library(*library) if library else sample_library()
        records = read_decisions(table, lib)
        report = audit(records, lib)
    except LibraryError as error:
        typer.echo(error.report(), err=True)
        raise typer.Exit(1)
    typer.echo(report.to_json() if as_json else report.summary(lang, title=str(table)))
    if xlsx is not None:
        report.write_xlsx(xlsx, lang)
    if csv is not None:
        report.write_csv(csv, lang)
