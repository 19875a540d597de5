"""``kit grade …``: set up a course, release an exam (attempt N), autograde, export the report and certificates;
``kit grade build`` regenerates the kit's own source and release notebooks. A thin layer over ``kit.grading``.

Registered on the ``kit`` app by importing this module in ``kit/cli/__init__.py``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kit.cli import app
from kit.cli.options import LangOption

if TYPE_CHECKING:
    from kit.i18n import Lang

grade_app = typer.Typer(help="考试与评分：建立课程、发布考试、自动评分、导出成绩和证书 / "
                             "exams: set up a course, release, autograde, export grades and certificates.",
                        short_help="考试与评分 / Exams, grades and certificates.", no_args_is_help=True)
app.add_typer(grade_app, name="grade")

CourseArgument = Annotated[Path, typer.Argument(help="课程文件夹 / The course folder.")]
AssignmentOption = Annotated[list[str] | None, typer.Option("--assignment", "-a", help="只处理这些考试 / "
                                                                                       "Only these exams.")]


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


def _course(path: Path, lang: Lang) -> tuple[Path, Lang]:
    """The course folder and the language of a command on an existing course (exit 1 when it is not one)."""
    from kit.i18n import t

    if not (path / "nbgrader_config.py").is_file():
        typer.echo(t("grading.cli_no_course", lang, path=path), err=True)
        raise typer.Exit(1)
    return path, lang


ERRORS = (FileNotFoundError, RuntimeError, ValueError, OSError)


@grade_app.command("course", short_help="建立课程目录 / Make a course folder.")
def course_command(
    root: Path = typer.Argument(..., help="要新建或更新的课程文件夹 / The course folder to make or refresh."),
    answers: Path | None = typer.Option(None, "--answers", help="考试文件夹（默认：工具包的 answers/） / "
                                                                "Folder of exams (default: the kit's answers/)."),
    assignment: AssignmentOption = None,
    lang: LangOption = "zh",
) -> None:
    """建立课程目录：依考试生成 nbgrader_config.py 和 source/<exam>/ /
    Make a course folder: nbgrader_config.py and source/<exam>/ from the exams."""
    from kit.grading.course import ANSWERS_DIR, new_course
    from kit.i18n import t

    language = lang
    with _reported(language):
        course = new_course(root, answers=answers or ANSWERS_DIR, only=assignment or None)
    names = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    typer.echo(t("grading.cli_course", language, course=course, names=", ".join(names)))


@grade_app.command("release", short_help="发布考试 / Release an exam (attempt N).")
def release_command(
    course: CourseArgument,
    exam: str = typer.Argument(..., help="考试编号（source/ 下的文件夹） / The exam id (a folder of source/)."),
    attempt: int = typer.Option(1, "--attempt", min=1, max=99, help=(
        "发布第 N 次考试：每名学员得到新的案例，作业名为 <exam>-a<N> / "
        "Release attempt N: new cases for every trainee, as assignment <exam>-a<N>.")),
    lang: LangOption = "zh",
) -> None:
    """发布考试（第 N 次），使用 nbgrader generate_assignment /
    Release an exam (attempt N) with nbgrader generate_assignment."""
    from kit.grading.course import add_attempt, release
    from kit.i18n import t

    course, language = _course(course, lang)
    with _reported(language):
        name = add_attempt(course, exam, attempt)
        path = release(course, name)
    typer.echo(t("grading.cli_released", language, name=name, path=path))


@grade_app.command("autograde", short_help="自动评分 / Autograde the submissions.")
def autograde_command(
    course: CourseArgument,
    assignment: str = typer.Argument(..., help=(
        "作业（考试编号；第 N 次考试为 <exam>-a<N>） / The assignment (exam id, or <exam>-a<N> for attempt N).")),
    student: str | None = typer.Option(None, "--student", help="只评这名学员 / Only this trainee."),
    feedback: bool = typer.Option(True, "--feedback/--no-feedback", help=(
        "同时生成 feedback/（nbgrader generate_feedback） / Also write feedback/ (nbgrader generate_feedback).")),
    lang: LangOption = "zh",
) -> None:
    """自动评分：评阅提交的答卷（作为数据读取，从不执行）并生成反馈 /
    Autograde the submissions (read as data, never executed) and write the feedback."""
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


@grade_app.command("export", short_help="导出成绩与证书 / Export the grades and certificates.")
def export_command(
    course: Path = typer.Argument(..., help="课程文件夹（其中的 gradebook.db 和 autograded/） / "
                                            "The course folder (its gradebook.db and autograded/)."),
    out: Path = typer.Option(..., "--out", help="写入的 .xlsx 工作簿 / The .xlsx workbook to write."),
    certificates: Path | None = typer.Option(None, "--certificates", help=(
        "证书文件夹：每名合格学员一份可打印的 HTML 证书 / "
        "Folder for one printable HTML certificate per trainee who passed.")),
    lang: LangOption = "zh",
) -> None:
    """导出成绩：考核人员的工作簿（按学员×题目、总分、题目分析）及证书 /
    The assessor's workbook (per trainee × question, totals, item analysis) and certificates."""
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


@grade_app.command("build", short_help="重建练习 / Rebuild the exam notebooks (maintainers).")
def build_command(
    answers: Path | None = typer.Option(None, "--answers", help="考试文件夹（默认：answers/） / "
                                                                "Exams (default: answers/)."),
    out: Path | None = typer.Option(None, "--out", help="发布版笔记本的存放位置（默认：exercises/） / "
                                                        "Where the release notebooks go (default: exercises/)."),
    assignment: AssignmentOption = None,
) -> None:
    """重建练习：依 exam.yaml 重建源笔记本，并用 nbgrader 生成发布版（供维护人员） /
    Rebuild the source notebooks from exam.yaml and the releases with nbgrader (maintainers)."""
    from kit.grading.course import ANSWERS_DIR, EXERCISES_DIR, release_notebooks

    with _reported():
        written = release_notebooks(answers=answers or ANSWERS_DIR, into=out or EXERCISES_DIR,
                                    only=assignment or None)
    for path in written:
        typer.echo(str(path))
