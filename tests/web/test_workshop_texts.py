"""Every word the workshop pages' scripts show comes from the catalog, in both languages; the pages carry no
Chinese of their own, so the English page is English throughout."""

from __future__ import annotations

import re

import pytest

from kit.web.workshop_page import STATIC, render, texts

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_text_the_scripts_use_is_in_the_catalog():
    used = set()
    for script in STATIC.glob("*.js"):
        used |= set(re.findall(r"\bT\.(\w+)", script.read_text(encoding="utf-8")))
    assert used, "the scripts use no catalog text?"
    for lang in ("zh", "en"):
        assert sorted(used - set(texts(lang))) == []


def test_the_static_files_hold_no_chinese():
    for path in STATIC.iterdir():
        found = CJK.findall(path.read_text(encoding="utf-8"))
        assert found == [], path.name


@pytest.mark.parametrize("kind", ["participant", "trainer"])
def test_the_english_page_carries_english_texts(kind):
    page = render(kind, "en", "/")
    config = re.search(r'<script id="ws-config" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert not CJK.findall(config.replace("中文", "")), CJK.findall(config)[:10]  # the toggle names Chinese in Chinese
    assert '"lang": "en"' in config and '<html lang="en">' in page
