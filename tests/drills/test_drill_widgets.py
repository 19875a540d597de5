"""The ``Drill`` widgets wired to the session, without a browser: the name prompt, the four-part answer, the
language toggle, and the officer and language read from the page's address."""

from __future__ import annotations

import re

from kit.baselines import sample_library
from kit.drills import Drill
from kit.drills.marking import present
from kit.scenarios import builtin_templates

LIBRARY = sample_library()
TEMPLATES = builtin_templates(LIBRARY)
CJK = re.compile(r"[\u4e00-\u9fff]")


def drill(store, clock, **kwargs) -> Drill:
    return Drill(engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES, from_request=False, **kwargs)


def test_a_first_visit_asks_for_a_name_then_shows_a_case(store, clock):
    d = drill(store, clock)
    assert d.drill_box.layout.display == "none" and d.name_box.layout.display is None
    d.start_button.click()
    assert "请先输入姓名" in d.message_view.value
    d.name_input.value = "王五"
    d.start_button.click()
    assert d.officer == "王五" and d.scenario is not None and d.drill_box.layout.display is None
    assert "练习人：王五" in d.header.value and "drill/progress?officer=%E7%8E%8B%E4%BA%94&amp;lang=zh" in d.header.value


def test_the_widgets_answer_every_part(store, clock):
    d = drill(store, clock, officer="赵六")
    sc = d.scenario
    dec = sc.decision
    d.level_input.value = "transfer" if dec.transfer else dec.level.value
    for f in present(sc, LIBRARY):
        d.circ_inputs[f].value = True
    if dec.provisions:
        d.provision_input.value = dec.provisions[0]
    d.fine_input.value = f"{dec.suggested_fine / 10_000:g}万元" if dec.suggested_fine else ""
    d.submit_button.click()
    assert d.message_view.value == "" and d.marks is not None and d.marks.right, d.feedback_view.value
    assert "✓ 回答正确" in d.feedback_view.value and d.retry_button.disabled is False
    assert "已答 1，全对 1" in d.score_view.value
    d.retry_button.click()
    assert d.marks is None and d.level_input.value is None and d.scenario is sc


def test_a_bad_fine_is_shown_on_the_page(store, clock):
    d = drill(store, clock, officer="赵六")
    d.level_input.value = "standard"
    d.fine_input.value = "很多"
    d.submit_button.click()
    assert "罚款“很多”无法识别" in d.message_view.value and d.marks is None


def test_english_has_no_chinese_outside_the_case_and_documents(store, clock):
    d = drill(store, clock, officer="officer-1")
    d.lang_toggle.value = "en"
    labels = [d.library_input.description, d.sector_input.description, d.matter_input.description,
              d.difficulty_input.description, d.next_button.description, d.submit_button.description,
              d.retry_button.description, d.fine_input.description, d.reason_input.description,
              d.approval_input.description, d.header.value, d.score_view.value, d.answer_heading.value,
              d.level_heading.value, d.circ_heading.value, d.prov_heading.value, d.fine_hint.value,
              *[b.description for b in d.circ_inputs.values()], *[lab for lab, _ in d.level_input.options],
              *[lab for lab, _ in d.sector_input.options], *[lab for lab, _ in d.matter_input.options],
              *[lab for lab, _ in d.difficulty_input.options], *[lab for lab, _ in d.library_input.options]]
    found = [x for x in labels if CJK.search(x)]
    assert not found, found


def test_the_officer_and_language_come_from_the_address(store, clock, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "officer=%E5%BC%A0%E4%B8%89&lang=en")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    d = Drill(engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES)
    assert d.officer == "张三" and d.lang == "en" and d.scenario is not None
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-user")
    assert Drill(engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES).officer == "hub-user"


def test_an_unknown_language_in_the_address_is_said(store, clock, monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "lang=fr")
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    d = Drill(engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES)
    assert "fr" in d.message_view.value and d.lang == "zh"


def test_in_the_background_the_page_is_up_before_the_case(store, clock):
    d = Drill(engine=store, clock=clock, officer="孙九", from_request=False, background=True)
    assert d.name_box.layout.display == "none" and d.drill_box.layout.display is None
    assert d.ready.wait(120), "the background start never finished"
    assert d.scenario is not None and d.officer == "孙九"
    assert d.sector_input.options[0][1] == "" and len(d.sector_input.options) > 1
    assert d.scenario.case.id in d.case_view.value and d.message_view.value == ""
