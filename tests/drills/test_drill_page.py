"""The drill page in a real browser: Voila serves notebooks/drill.ipynb, Debian's chromium opens it, and an
officer answers one case right and one wrong. The right answer is not read from the page: the test regenerates
the case from the case id the page shows (``template:session:seed``) with ``kit.scenarios.generate``."""

from __future__ import annotations

import re


from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.scenarios import builtin_templates, generate

PAGE = "/voila/render/drill.ipynb"
RENDER_TIMEOUT = 180  # seconds for Voila to execute the notebook
ARTICLE = re.compile(r"第[一二三四五六七八九十百]+条")

LIBRARY = sample_library()
TEMPLATES = {t.id: t for t in builtin_templates(LIBRARY)}
OTHER = "parking-fee-overcharge"  # not the first template; decided by the authority (never a transfer)
LABELS = {**{lv.value: lv.zh for lv in Level}, "transfer": "移送司法机关"}


def regenerate(case_id: str):
    """The case behind a case id of the drill (``template:session:seed``, no target outcome)."""
    template_id, session_id, seed = case_id.split(":")
    return generate(TEMPLATES[template_id], LIBRARY, trainee_id=session_id, seed=int(seed))


def shown_case(page, template_prefix: str = "", previous: str | None = None):
    card = page.locator(".kit-drill-case")
    card.wait_for(state="visible", timeout=60_000)
    page.wait_for_function(
        """([prefix, previous]) => { const c = document.querySelector('.kit-drill-case');
             const id = c && c.dataset.caseId;
             return id && id.startsWith(prefix) && id !== previous; }""",
        arg=[template_prefix, previous], timeout=30_000)
    case_id = card.get_attribute("data-case-id")
    return case_id, regenerate(case_id)


def answer(page, level: str, fine: float | None) -> None:
    page.locator(".kit-drill-level").get_by_label(LABELS[level], exact=True).check()
    fine_input = page.locator(".kit-drill-fine input")
    fine_input.fill(f"{fine or 0:g}")
    fine_input.press("Enter")
    fine_input.press("Tab")
    page.locator("button.kit-drill-submit").click()


def test_an_officer_drills_in_the_browser(voila_base, chromium, tmp_path):
    from playwright.sync_api import sync_playwright

    executable, args = chromium

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 2400})  # Voila scrolls inside the page
            page.goto(voila_base + PAGE, timeout=RENDER_TIMEOUT * 1000)

            # 1. The page opens on a case; answer it as the engine does.
            case_id, scenario = shown_case(page)
            assert "示例案例，非正式文件" in page.locator(".kit-drill-case").inner_text()
            d = scenario.decision
            answer(page, "transfer" if d.transfer else d.level.value, d.suggested_fine)
            verdict = page.locator(".kit-drill-verdict")
            try:
                verdict.wait_for(state="visible", timeout=30_000)
            except Exception:
                page.screenshot(path=str(tmp_path / "no-verdict.png"), full_page=True)
                raise
            assert verdict.inner_text().strip() == "✓ 回答正确"
            feedback = page.locator(".kit-drill-feedback").inner_text()
            assert case_id in feedback and "推理过程" in feedback and ARTICLE.search(feedback), feedback
            assert "已答 1，全对 1，正确率 100%" in page.locator(".kit-drill-score").inner_text()
            page.screenshot(path=str(tmp_path / "drill-right.png"), full_page=True)

            # 2. Another case type, answered with a level the law does not allow.
            page.locator(".kit-drill-template select").select_option(label=TEMPLATES[OTHER].title.zh)
            page.locator("button.kit-drill-next").click()
            _case_id, scenario = shown_case(page, f"{OTHER}:", previous=case_id)
            d = scenario.decision
            wrong = next(lv for lv in Level if lv not in d.acceptable)
            answer(page, wrong.value, d.fine.hi + 1000)  # a fine above the engine's range: both parts wrong
            verdict.wait_for(state="visible", timeout=30_000)  # the new case cleared the first verdict
            assert verdict.inner_text().strip() == "✗ 回答有误", page.locator(".kit-drill-feedback").inner_text()
            lawful = "依法可选：" + "、".join(lv.zh for lv in d.acceptable_levels)
            assert lawful in page.locator(".kit-drill-feedback").inner_text()
            assert "已答 2，全对 1，正确率 50%" in page.locator(".kit-drill-score").inner_text()
            page.screenshot(path=str(tmp_path / "drill-wrong.png"), full_page=True)

            # 3. English.
            page.locator(".kit-drill-lang").get_by_text("English", exact=True).click()
            page.locator("button.kit-drill-next", has_text="Next case").wait_for(timeout=30_000)
            # each widget's new text arrives in its own message: wait for the feedback's, not only the button's
            page.locator(".kit-drill-feedback", has_text="✗ Wrong").wait_for(timeout=30_000)
            feedback = page.locator(".kit-drill-feedback").inner_text()
            assert "✗ Wrong" in feedback and "lawful: " in feedback
            page.screenshot(path=str(tmp_path / "drill-en.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "drill-right.png").stat().st_size > 0
