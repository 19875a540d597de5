"""``kit grade …``: every command on a course folder checks it first, and every failure of a step (a library,
a file, nbgrader) ends the command with its message and exit 1, never a traceback."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from kit.cli import app
from kit.cli.grading import _reported

ON_A_COURSE = [["release", "exam"], ["autograde", "exam"], ["export", "--out", "x.xlsx"]]


@pytest.mark.parametrize("args", ON_A_COURSE, ids=[a[0] for a in ON_A_COURSE])
@pytest.mark.parametrize(("lang", "words"), [("zh", "不是课程目录"), ("en", "not a course folder")])
def test_a_folder_that_is_no_course_is_named_in_the_users_language(tmp_path, args, lang, words):
    result = CliRunner().invoke(app, ["grade", args[0], str(tmp_path), *args[1:], "--lang", lang])
    assert result.exit_code == 1 and words in result.output and str(tmp_path) in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", ON_A_COURSE, ids=[a[0] for a in ON_A_COURSE])
def test_the_language_is_checked_before_the_folder(tmp_path, args):
    result = CliRunner().invoke(app, ["grade", args[0], str(tmp_path), *args[1:], "--lang", "fr"])
    assert result.exit_code == 2 and "fr" in result.output


@pytest.mark.parametrize(("error", "shown"), [
    (FileNotFoundError("no such file: a.yaml"), "no such file: a.yaml"),
    (ValueError("exam x: no pool"), "exam x: no pool"),
    (RuntimeError("INFO start\n[ERROR] nbgrader failed in autograde\nTraceback (most recent call last)"),
     "[ERROR] nbgrader failed in autograde"),
])
def test_a_failing_step_is_its_message_and_exit_1(capsys, error, shown):
    with pytest.raises(typer.Exit) as exit_, _reported():
        raise error
    assert exit_.value.exit_code == 1
    err = capsys.readouterr().err
    assert shown in err and "Traceback" not in err


def test_other_errors_are_not_swallowed():
    with pytest.raises(KeyError), _reported():
        raise KeyError("a bug is a bug")
