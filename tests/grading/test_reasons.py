"""Grading reasons and citations read as an officer says them: the baseline by its title (its matter in
English), the level by its label, a tier by its number, money in the language's format — never a baseline id
or a dotted path (``js-scjg-price-government-pricing（2024）levels.standard.fine`` was shown before)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.baselines import load_library, sample_library
from kit.baselines.vocabulary import Level
from kit.grading import Answer, grade
from kit.grading.citing import cite, ref_text
from kit.grading.exam import load_exam, questions
from kit.grading.results import grade_submission
from kit.i18n import money_range
from kit.scenarios.from_tier import tier_templates
from kit.scenarios import generate

from .conftest import wrong_answer
from .test_grade import ENTRIES, LIBRARY, decide

ANSWERS = Path(__file__).resolve().parents[2] / "answers"
# A machine path: a dotted node (levels.standard.fine, x.rules), a list index (tiers[1]).
DOTTED = re.compile(r"\b(levels|tiers|rules|individual_fine)\b[.\[]|[a-z]\.[a-z_]+\.[a-z_]+|\w\[\d+\]")


def _ids(library) -> list[str]:
    return sorted(library.baselines, key=len, reverse=True)


def assert_readable(text: str, library) -> None:
    assert not DOTTED.search(text), f"a dotted path in: {text}"
    found = [b for b in _ids(library) if b in text]
    assert not found, f"baseline id {found[0]} in: {text}"


def _decided():
    return [d for d in (decide(c.values[0]) for c in ENTRIES) if d.baseline and not d.transfer and d.fine]


DECIDED = _decided()


def test_the_example_of_the_defect_reads_as_words():
    ref = "js-scjg-price-government-pricing（2024）levels.standard.fine"
    b = LIBRARY.baselines["js-scjg-price-government-pricing"]
    matter = LIBRARY.matters[b.matter]
    zh, en = ref_text(ref, "zh", LIBRARY), ref_text(ref, "en", LIBRARY)
    assert zh == f"《{b.title}》（2024）“一般处罚”阶次的罚款标准"
    assert en == f"the baseline on “{matter.name_en}” (2024), the fine of the standard level"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_reason_names_the_baseline_and_the_level_not_a_path(lang):
    assert len(DECIDED) > 40
    for d in DECIDED:
        b = LIBRARY.baselines[d.baseline]
        name = f"《{b.title}》" if lang == "zh" else LIBRARY.matters[b.matter].name_en
        level = d.level
        rng = d.acceptable[level]
        right = grade(Answer(case_id=d.case_id, level=level.value, fine=rng.lo), d, library=LIBRARY)
        wrong_fine = grade(Answer(case_id=d.case_id, level=level.value, fine=rng.hi + 10_000), d, library=LIBRARY)
        wrong_level = next(lv for lv in Level if lv not in d.acceptable)
        wrong = grade(Answer(case_id=d.case_id, level=wrong_level.value, fine=rng.lo), d, library=LIBRARY)
        for marks in (right, wrong_fine, wrong):
            for part in marks.parts:
                assert_readable(part.reason(lang), LIBRARY)
        outcome = right.part("outcome").reason(lang)
        assert name in outcome and level.label(lang) in outcome, outcome
        fine = wrong_fine.part("fine").reason(lang)
        assert level.label(lang) in fine and money_range(rng.lo, rng.hi, lang, upper_open=rng.upper_open) in fine, fine


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_trace_citation_is_in_words(lang):
    for d in DECIDED:
        for step in d.trace:
            assert_readable(cite(step, lang, LIBRARY), LIBRARY)


def test_a_tier_is_cited_by_its_number():
    library = load_library("real/jiangmen-ecology")
    template = tier_templates(library, baselines=["jm-sthjj-1-1"])[0]
    d = generate(template, library, trainee_id="officer", seed=1).decision
    step = next(s for s in d.trace if s.fired and s.rule == "arithmetic.range")
    tier = d.tier
    assert f"第{tier}档" in cite(step, "zh", library) and f"tier {tier}" in cite(step, "en", library)
    marks = grade(Answer(case_id=d.case_id, level=d.level.value, fine=d.fine.lo), d, library=library)
    for lang in ("zh", "en"):
        assert_readable(marks.part("fine").reason(lang), library)
        assert f"tier {tier}" in marks.part("fine").en


def test_certification_feedback_reads_the_same_way():
    exam = load_exam(ANSWERS / "exam-general" / "exam.yaml")
    cells = {f"answer-{q.n}": ("code", f"ANSWER_{q.n} = {wrong_answer(exam, 'T001', q.n)!r}")
             for q in questions(exam, "T001")}
    result = grade_submission(exam, "T001", cells)
    library = sample_library()
    reasons = [p.reason(lang) for q in result.questions for p in q.parts for lang in ("zh", "en")]
    assert reasons
    for text in reasons:
        assert_readable(text, library)


def _visible(html_text: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html_text, flags=re.S)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_drill_feedback_and_the_workshop_key_name_baselines_in_words(lang):
    from kit.drills import render
    from kit.drills.marking import DrillAnswer, mark
    from kit.scenarios import builtin_templates
    from kit.workshop.views import key_view, marks_view

    library = sample_library()
    shown = 0
    for template in builtin_templates(library):
        scenario = generate(template, library, trainee_id="officer", seed=3)
        d = scenario.decision
        if d.transfer or not d.baseline or d.level is None:
            continue
        wrong = next(lv for lv in Level if lv not in d.acceptable)
        marks = mark(DrillAnswer(level=wrong.value, fine=1.0), scenario, library)
        page = _visible(render.feedback_html(marks, scenario, lang, library))
        assert_readable(page, library)
        assert library.matters[d.matter].name_en in page if lang == "en" else \
            f"《{library.baselines[d.baseline].title}》" in page
        key = key_view(d, lang, library)
        for step in key["trace"]:
            assert_readable(step["text"] + step["cites"], library)
        right = grade(Answer(case_id=d.case_id, level=d.level.value, fine=d.suggested_fine), d, library=library)
        for part in marks_view(right, lang)["parts"]:
            assert_readable(part["reason"], library)
        shown += 1
    assert shown >= 10
