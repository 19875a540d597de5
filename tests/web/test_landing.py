"""The front door: the served root is the kit's landing page (not Voila's file list), in both languages."""

from __future__ import annotations

import re

import pytest

from kit.web.landing import PAGES
from tests.conftest import http_get

CJK = re.compile(r"[\u4e00-\u9fff]")




def _visible_text(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_root_is_the_landing_page_in_chinese(voila_base):
    status, html = http_get(voila_base + "/")
    assert status == 200
    assert "行政裁量权基准培训与模拟" in html and "适用对象：执法人员自学" in html
    for key, path in PAGES:
        assert f'id="page-{key}" href="/{path}?lang=zh"' in html, key
    assert "Voil" not in _visible_text(html)  # not Voila's file list


def test_english_landing_has_no_chinese_but_the_toggle(voila_base):
    status, html = http_get(voila_base + "/?lang=en")
    assert status == 200
    text = _visible_text(html).replace("中文", "")
    assert not CJK.findall(text), CJK.findall(text)[:20]
    assert "For: officers practising on their own" in text


def test_every_linked_page_is_served(voila_base):
    for _key, path in PAGES:
        status, _ = http_get(f"{voila_base}/{path}")
        assert status == 200, path


@pytest.mark.parametrize("lang", ["fr", "xx"])
def test_an_unknown_language_is_refused_with_the_reason(voila_base, lang):
    status, html = http_get(f"{voila_base}/?lang={lang}")
    assert status == 400
    assert f"不支持的语言 &#x27;{lang}&#x27;" in html and "Traceback" not in html


def test_the_landing_page_fits_a_phone(voila_base, browser, tmp_path):
    for lang, (width, height) in [("zh", (390, 844)), ("en", (390, 844)), ("zh", (1366, 768))]:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{voila_base}/?lang={lang}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        cards = page.locator(".card")
        assert cards.count() == len(PAGES)
        box = cards.first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
        page.screenshot(path=str(tmp_path / f"landing-{lang}-{width}.png"), full_page=True)
        page.close()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(voila_base + "/")
    page.click("#lang-toggle")
    page.wait_for_selector("text=Self-paced drill")
