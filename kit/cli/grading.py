"""``kit grade …``: set up a course, release an exam (attempt N), autograde, export the report and certificates;
``kit grade build`` regenerates the kit's own source and release notebooks. A thin layer over ``kit.grading``.

Registered on the ``kit`` app by importing this module in ``kit/cli/__init__.py``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kit.cli import app

if TYPE_CHECKING:
    from kit.i18n import Lang

grade_app = typer.Typer(help="考试与评分 / exams: set up a course, release, autograde, export grades and "
                             "certificates.", no_args_is_help=True)
app.add_typer(grade_app, name="grade")

LANG_HELP = "zh (default) or en."


def _lang(value: str):
    from kit.i18n import UnknownLanguage, parse_lang

    try:
        return parse_lang(value)
    except UnknownLanguage as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None


def _fail(error: Exception, lang: Lang = "zh") -> None:
    from kit.baselines import LibraryError

    if isinstance(error, RuntimeError):  # nbgrader's log: keep its error lines, not its tracebacks
        lines = [line for line in str(error).splitlines() if "ERROR" in line or "failed in" in line]
        typer.echo("\n".join(lines[:20]) or str(error).splitlines()[0], err=True)
    elif isinstance(error, LibraryError):
        typer.echo(error.report(lang), err=True)
    else:
        from kit.i18n.errors import said

        typer.echo(said(error, lang), err=True)
    raise typer.Exit(1)


@contextmanager
def _reported(lang: Lang = "zh") -> Iterator[None]:
    """Run a course step: a library, file or nbgrader error ends the command with its message (exit 1)."""
    from kit.baselines import LibraryError

    try:
        yield
    except (LibraryError, *ERRORS) as error:
        _fail(error, lang)


def _course(path: Path, lang: str) -> tuple[Path, Lang]:
    """The course folder and the language of a command on an existing course (exit 1 when it is not one)."""
    from kit.i18n import t

    language = _lang(lang)
    if not (path / "nbgrader_config.py").is_file():
        typer.echo(t("grading.cli_no_course", language, path=path), err=True)
        raise typer.Exit(1)
    return path, language


ERRORS = (FileNotFoundError, RuntimeError, ValueError, OSError)


@grade_app.command("course")
def course_command(
    root: Path = typer.Argument(..., help="The course folder to make or refresh."),
    answers: Path | None = typer.Option(None, "--answers", help="Folder of exams (default: the kit's answers/)."),
    assignment: list[str] | None = typer.Option(None, "--assignment", "-a", help="Only these exams."),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
) -> None:
    """建立课程目录 / Make a course folder: nbgrader_config.py and source/<exam>/ from the exams."""
    from kit.grading.course import ANSWERS_DIR, new_course
    from kit.i18n import t

    language = _lang(lang)
    with _reported(language):
        course = new_course(root, answers=answers or ANSWERS_DIR, only=assignment or None)
    names = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    typer.echo(t("grading.cli_course", language, course=course, names=", ".join(names)))


@grade_app.command("release")
def release_command(
    course: Path = typer.Argument(..., help="The course folder."),
    exam: str = typer.Argument(..., help="The exam id (a folder of source/)."),
    attempt: int = typer.Option(1, "--attempt", min=1, max=99, help="Release attempt N: new cases for every "
                                "trainee, as assignment <exam>-a<N>."),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
) -> None:
    """发布考试 / Release an exam (attempt N) with nbgrader generate_assignment."""
    from kit.grading.course import add_attempt, release
    from kit.i18n import t

    course, language = _course(course, lang)
    with _reported(language):
        name = add_attempt(course, exam, attempt)
        path = release(course, name)
    typer.echo(t("grading.cli_released", language, name=name, path=path))


@grade_app.command("autograde")
def autograde_command(
    course: Path = typer.Argument(..., help="The course folder."),
    assignment: str = typer.Argument(..., help="The assignment (exam id, or <exam>-a<N> for attempt N)."),
    student: str | None = typer.Option(None, "--student", help="Only this trainee."),
    feedback: bool = typer.Option(True, "--feedback/--no-feedback", help="Also write feedback/ (nbgrader "
                                  "generate_feedback)."),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
) -> None:
    """评分 / Autograde the submissions (read as data, never executed) and write the feedback."""
    from kit.grading.course import nbgrader
    from kit.i18n import t

    course, language = _course(course, lang)
    only = [f"--student={student}"] if student else []
    with _reported(language):
        nbgrader(course, "autograde", assignment, "--force", *only)
        if feedback:
            nbgrader(course, "generate_feedback", assignment, "--force", *only)
    count = len(list((course / "autograded").glob(f"*/{assignment}")))
    typer.echo(t("grading.cli_autograded", language, name=assignment, count=count))


@grade_app.command("export")
def export_command(
    course: Path = typer.Argument(..., help="The course folder (its gradebook.db and autograded/)."),
    out: Path = typer.Option(..., "--out", help="The .xlsx workbook to write."),
    certificates: Path | None = typer.Option(None, "--certificates", help="Folder for one printable HTML "
                                                "certificate per trainee who passed."),
    lang: str = typer.Option("zh", "--lang", help=LANG_HELP),
) -> None:
    """导出成绩 / The assessor's workbook (per trainee × question, totals, item analysis) and certificates."""
    from kit.grading.certificate import write_certificates
    from kit.grading.report import course_report, summary_text, write_workbook
    from kit.i18n import t

    course, language = _course(course, lang)
    with _reported(language):
        report = course_report(course, language)
        write_workbook(report, out, language)
        written = write_certificates(report, certificates, language) if certificates else []
    typer.echo(summary_text(report, language))
    typer.echo(t("grading.report_written", language, path=out, count=len(written), folder=certificates or "—"))


@grade_app.command("build")
def build_command(
    answers: Path | None = typer.Option(None, "--answers", help="Exams (default: answers/)."),
    out: Path | None = typer.Option(None, "--out", help="Where the release notebooks go (default: exercises/)."),
    assignment: list[str] | None = typer.Option(None, "--assignment", "-a", help="Only these exams."),
) -> None:
    """重建练习 / Rebuild the source notebooks from exam.yaml and the releases with nbgrader (maintainers)."""
    from kit.grading.course import ANSWERS_DIR, EXERCISES_DIR, release_notebooks

    with _reported():
        written = release_notebooks(answers=answers or ANSWERS_DIR, into=out or EXERCISES_DIR,
                                    only=assignment or None)
    for path in written:
        typer.echo(str(path))
