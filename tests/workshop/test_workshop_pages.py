"""The workshop in a real browser: the trainer's page and one participant's page, two Voila kernels on the
same SQLite store. The trainer creates a workshop and opens a round, the participant joins with the code and
answers, the trainer sees the count, and the reveal shows the engine's trace and the participant's marks."""

from __future__ import annotations

import re

from sqlalchemy import select

from kit.store import Round, make_engine, session_factory
from kit.workshop import case_of
from kit.workshop.service import templates

RENDER_TIMEOUT = 180
TEMPLATE = "parking-fee-overcharge"
TITLE = next(t.title.zh for t in templates() if t.id == TEMPLATE)
ARTICLE = re.compile(r"第[一二三四五六七八九十百]+条")


def test_a_workshop_in_the_browser(workshop_voila, chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    base, db_url = workshop_voila
    executable, args = chromium
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            trainer = browser.new_page(viewport={"width": 1280, "height": 2400})
            trainer.goto(base + "/voila/render/workshop-trainer.ipynb", timeout=RENDER_TIMEOUT * 1000)
            title = trainer.locator(".kit-ws-title input")
            title.wait_for(state="visible", timeout=60_000)
            title.fill("裁量基准研讨会")
            trainer.locator("button.kit-ws-create").click()
            code_view = trainer.locator(".kit-ws-workshop-code")
            code_view.wait_for(state="visible", timeout=30_000)
            code = code_view.inner_text().strip()
            trainer.locator(".kit-ws-template select").select_option(label=TITLE)
            trainer.locator("button.kit-ws-open").click()
            trainer.locator(".kit-ws-case").wait_for(state="visible", timeout=30_000)
            assert "已提交 0 人" in trainer.locator(".kit-ws-status").inner_text()
            case_id = trainer.locator(".kit-ws-case").get_attribute("data-case-id")
            assert case_id.startswith(f"{TEMPLATE}:{code}:0"), (case_id, code)

            engine = make_engine(db_url)
            with session_factory(engine)() as s:
                round_ = s.scalar(select(Round).where(Round.case_id == case_id))
                decision = case_of(round_).decision
            engine.dispose()

            trainee = browser.new_page(viewport={"width": 1280, "height": 1600})
            trainee.goto(base + "/voila/render/workshop.ipynb", timeout=RENDER_TIMEOUT * 1000)
            trainee.locator(".kit-ws-code input").wait_for(state="visible", timeout=60_000)
            trainee.locator(".kit-ws-code input").fill(code)
            trainee.locator(".kit-ws-name input").fill("张三")
            trainee.locator("button.kit-ws-join").click()
            case = trainee.locator(".kit-ws-case")
            case.wait_for(state="visible", timeout=30_000)
            assert case.get_attribute("data-case-id") == decision.case_id
            assert "示例案例，非正式文件" in case.inner_text()
            trainee.locator(".kit-ws-level").get_by_label(decision.level.zh, exact=True).check()
            fine = trainee.locator(".kit-ws-fine input")
            fine.fill(f"{decision.suggested_fine:g}")
            fine.press("Enter")
            fine.press("Tab")
            trainee.locator("button.kit-ws-submit").click()
            done = trainee.locator(".kit-ws-done")
            done.wait_for(state="visible", timeout=30_000)
            assert done.inner_text().startswith("已提交")
            trainee.screenshot(path=str(tmp_path / "trainee.png"), full_page=True)

            trainer.locator("button.kit-ws-refresh").click()
            trainer.wait_for_function("() => document.querySelector('.kit-ws-status').innerText.includes('已提交 1 人')",
                                      timeout=30_000)
            trainer.locator(".kit-ws-chart").wait_for(state="visible", timeout=30_000)
            trainer.locator("button.kit-ws-reveal").click()
            reveal = trainer.locator(".kit-ws-answer")
            reveal.wait_for(state="visible", timeout=30_000)
            text = reveal.inner_text()
            assert ARTICLE.search(text) and "张三" in text and "2/2" in text, text
            trainer.screenshot(path=str(tmp_path / "trainer.png"), full_page=True)
        finally:
            browser.close()
