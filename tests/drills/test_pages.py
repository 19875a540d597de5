"""The drill's light pages: the name form and the officer's progress page (rendered from a real store)."""

from __future__ import annotations

import re

from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.drills import DrillSession
from kit.web.drill_pages import _templates, progress_html, start_html
from kit.drills.progress import Progress

CJK = re.compile(r"[\u4e00-\u9fff]")
LIBRARY = sample_library()


def _visible(html: str) -> str:
    html = re.sub(r"<(style|script)>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_name_form_opens_the_drill_with_name_and_language():
    html = start_html("en", "/")
    assert 'action="/voila/render/drill.ipynb"' in html and 'name="lang" value="en"' in html
    assert 'name="officer" maxlength="100" required' in html
    assert not CJK.findall(_visible(html))


def _one_wrong(store, clock, officer: str):
    s = DrillSession(officer=officer, engine=store, clock=clock, library=LIBRARY, templates=list(_templates()))
    for _ in range(30):
        sc = s.next_case()
        if sc.decision.provisions and any(lv not in sc.decision.acceptable for lv in Level):
            break
        s.answer(level="standard")
        s.submit()
    wrong = next(lv for lv in Level if lv not in sc.decision.acceptable)
    s.answer(level=wrong.value, fine=1)
    s.submit()
    return s, sc


def test_the_progress_page_shows_sector_rules_and_queue(store, clock):
    s, sc = _one_wrong(store, clock, "钱七")
    html = progress_html(Progress("钱七", store, clock), "zh", "/", _templates())
    text = _visible(html)
    assert "练习进度：钱七" in text and sc.decision.provisions[0] in text
    assert LIBRARY.matters[sc.case.matter].sector in text
    title = next(t for t in _templates() if t.id == sc.template_id).title.zh
    assert title in text and "2026年12月2日" in text  # the queued case, due tomorrow
    assert f'data-queued="{len(s.progress.queue())}"' in html


def test_the_english_progress_page_has_no_chinese_but_names_of_documents(store, clock):
    _one_wrong(store, clock, "Sun Ba")
    text = _visible(progress_html(Progress("Sun Ba", store, clock), "en", "/", _templates()))
    text = re.sub(r"(示例：)?《[^》]+》[^\s<]*", "", text)  # citations: names of documents and their articles
    assert not CJK.findall(text), CJK.findall(text)[:10]
