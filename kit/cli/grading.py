"""``kit grade course``, ``kit grade release`` and ``kit grade export``: a thin layer over ``kit.grading``.

Registered on the ``kit`` app by importing this module in ``kit/cli/__init__.py``."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kit.cli import app

grade_app = typer.Typer(help="练习评分 / nbgrader exercises: set up a course, release notebooks, export grades.",
                        no_args_is_help=True)
app.add_typer(grade_app, name="grade")


@grade_app.command("course")
def course_command(
    root: Path = typer.Argument(..., help="The course folder to make or refresh."),
    answers: Optional[Path] = typer.Option(None, "--answers", help="Folder of nbgrader source notebooks "
                                           "(default: the kit's answers/)."),
    assignment: Optional[List[str]] = typer.Option(None, "--assignment", "-a", help="Only these assignments."),
) -> None:
    """建立课程目录 / Make a course folder: nbgrader_config.py and source/ from the answers."""
    from kit.grading.course import ANSWERS_DIR, new_course

    try:
        course = new_course(root, answers=answers or ANSWERS_DIR, only=assignment or None)
    except FileNotFoundError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1)
    names = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    typer.echo(f"{course}: nbgrader_config.py, source/{{{', '.join(names)}}}")
    typer.echo(f"next: cd {course} && nbgrader generate_assignment {names[0] if names else 'ASSIGNMENT'}")


@grade_app.command("release")
def release_command(
    answers: Optional[Path] = typer.Option(None, "--answers", help="Source notebooks (default: answers/)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where the release notebooks go (default: exercises/)."),
    assignment: Optional[List[str]] = typer.Option(None, "--assignment", "-a", help="Only these assignments."),
) -> None:
    """生成练习 / Regenerate the release notebooks with nbgrader generate_assignment."""
    from kit.grading.course import ANSWERS_DIR, EXERCISES_DIR, release_notebooks

    try:
        written = release_notebooks(answers=answers or ANSWERS_DIR, into=out or EXERCISES_DIR,
                                    only=assignment or None)
    except (FileNotFoundError, RuntimeError) as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1)
    for path in written:
        typer.echo(str(path))


@grade_app.command("export")
def export_command(
    db: str = typer.Option(..., "--db", help="The nbgrader gradebook: a gradebook.db path or a database URL."),
    out: Path = typer.Option(..., "--out", help="A .csv or .xlsx file (xlsx adds per-question and per-trainee "
                             "sheets)."),
    lang: str = typer.Option("zh", "--lang", help="zh (default) or en, for the summary printed."),
) -> None:
    """导出成绩 / Export a gradebook (one row per trainee × question) and print a per-question summary."""
    from kit.grading.gradebook import export, gradebook_frame, summary_text

    try:
        frame = gradebook_frame(db)
        export(frame, out)
    except (FileNotFoundError, ValueError) as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1)
    typer.echo(summary_text(frame, lang))
    typer.echo(f"{len(frame)} rows → {out}" if lang != "zh" else f"共 {len(frame)} 行 → {out}")
