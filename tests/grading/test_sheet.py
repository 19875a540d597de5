"""Answer cells read as data: a literal is read, anything else is code and is never run."""

from __future__ import annotations

import pytest

from kit.grading.sheet import Reading, read_cell, to_answer
from kit.i18n import t


def test_a_literal_answer_is_read_with_comments_and_the_stub():
    text = 'ANSWER_2 = {"处理结果": "从轻", "罚款": "1.5万元", "理由": "", "批准文号": ""}\n# 在上面的引号中填写答案'
    reading = read_cell(text, "ANSWER_2")
    assert not reading.code and not reading.blank
    read = to_answer(reading, "c1")
    assert read.answer.level == "lenient" and read.answer.fine == 15000 and read.answer.reason is None


@pytest.mark.parametrize("text", [
    'import os; os.environ["NBGRADER_EXECUTION"] = "x"\nANSWER_1 = {"处理结果": "从轻"}',
    'ANSWER_1 = {"处理结果": key()}',
    'ANSWER_1 = {"处理结果": "从轻"}\nprint(1)',
    'ANSWER_2 = {"处理结果": "从轻"}',               # another question's name
    'ANSWER_1 = {"处理结果": "从轻"',                 # unbalanced
    "while True: pass",
    'ANSWER_1 = ANSWER_2 = {"处理结果": "从轻"}',
    "x" * 20_001,
])
def test_anything_but_one_literal_is_code(text):
    assert read_cell(text, "ANSWER_1").code


def test_an_empty_cell_or_the_untouched_template_is_blank():
    assert read_cell("", "ANSWER_1").blank
    assert read_cell('ANSWER_1 = {"处理结果": "", "罚款": "", "理由": "", "批准文号": ""}', "ANSWER_1").blank


def test_a_bad_fine_does_not_void_a_right_level():
    read = to_answer(Reading(value={"处理结果": "一般处罚", "罚款": "五千多"}), "c1")
    assert read.answer.level == "standard" and read.answer.fine is None
    assert read.fine_problem == ("amount_not_number", {"found": "五千多"})
    assert "五千多" in t("grading." + read.fine_problem[0], "zh", **read.fine_problem[1])


@pytest.mark.parametrize("value,key", [({"处理结果": "重罚"}, "level_unknown"), ({"罚款": "100"}, "level_missing"),
                                       ({"结论": "从轻"}, "answer_unknown_keys"), ("从轻", "answer_not_mapping")])
def test_an_answer_that_cannot_be_read_says_what_to_fix(value, key):
    read = to_answer(Reading(value=value), "c1")
    assert read.answer is None and read.level_problem[0] == key
    message = t(f"grading.{key}", "zh", **read.level_problem[1])
    assert message and "{" not in message


def test_english_keys_and_no_fine_words():
    read = to_answer(Reading(value={"level": "transfer", "fine": "无"}), "c1")
    assert read.answer.transfer and read.answer.fine is None
