"""Every page of the server speaks one language, against the real server (scripts/serve.sh) on its own store:
with ``?lang=en`` no Chinese but the library's own words (tests/i18n/surfaces.py), in Chinese (the default) no
English sentence of the catalog. The pages whose text JavaScript draws — the drill (Voila widgets), the
simulator, the workshop's phone and trainer pages — are read in Debian's chromium after a case was answered
wrong and marked (the drill's feedback, the workshop's reveal). Screenshots go to $KIT_SHOTS (else tmp)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kit.i18n import t
from kit.workshop.phones import trainer_call
from tests.conftest import _stop, http_get, start_voila
from tests.drills.test_drill_page import TIMEOUT, answer, regenerate, shown
from tests.i18n.surfaces import catalog_english, kit_cjk, visible

PAGES = ["/", "/drill", "/drill/progress", "/drill/progress?officer=sweep", "/simulator", "/workshop",
         "/workshop/trainer", "/no-such-page"]
PHONE, DESK = {"width": 390, "height": 844}, {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sweep")
    saved = os.environ.get("KIT_DB_URL")
    os.environ["KIT_DB_URL"] = f"sqlite:///{folder / 'kit.db'}"
    try:
        proc, base = start_voila(folder / "voila.log")
    finally:
        os.environ.pop("KIT_DB_URL") if saved is None else os.environ.update(KIT_DB_URL=saved)
    try:
        yield base
    finally:
        _stop(proc)


def _url(base: str, path: str, lang: str) -> str:
    return f"{base}{path}{'&' if '?' in path else '?'}lang={lang}"


def check(text: str, lang: str, where: str) -> None:
    if lang == "en":
        leaks = kit_cjk(text)
        assert not leaks, f"{where} in English shows Chinese of the kit: {leaks[:12]}\n{text[:2000]}"
    else:
        leaks = catalog_english(text)
        assert not leaks, f"{where} in Chinese shows English of the catalog: {leaks[:12]}\n{text[:2000]}"


@pytest.mark.parametrize("path", PAGES)
def test_a_served_page_speaks_one_language(server, path):
    for lang, url in (("zh", server + path), ("en", _url(server, path, "en"))):
        status, body = http_get(url)
        assert status == (404 if path == "/no-such-page" else 200), (url, status)
        assert "Traceback" not in body
        check(visible(body), lang, url)


@pytest.mark.parametrize("path", ["/", "/drill", "/simulator", "/workshop", "/workshop/trainer", "/no-such-page"])
def test_an_unknown_language_is_said_in_both_languages(server, path):
    """The language asked for is not known, so the one sentence is given in both (the catalog's own form)."""
    status, body = http_get(_url(server, path, "fr"))
    assert status == 400 and "Traceback" not in body
    text = visible(body)
    assert "不支持的语言 'fr'" in text and "unknown language 'fr'" in text, text


def _drill(page, base: str, lang: str) -> str:
    page.goto(_url(base, "/drill", lang))
    page.fill("input[name=officer]", f"sweep-{lang}")
    page.click("#start")
    case_id = shown(page)
    d = regenerate(case_id).decision
    if d.transfer or d.fine is None:  # no fine to get wrong: a wrong level
        answer(page, lang, case_id, right=False)
    else:  # the lawful level with a fine outside its range: the reason names the level and the range
        page.locator(".kit-drill-level").get_by_label(d.level.label(lang), exact=True).check()
        box = page.locator(".kit-drill-fine input")
        box.fill(str(int(d.fine.hi) + 1000))
        box.press("Tab")
        page.locator("button.kit-drill-submit").click()
    page.locator(".kit-drill-verdict").wait_for(timeout=TIMEOUT)
    page.locator(".kit-drill-feedback li").first.wait_for(timeout=60_000)
    return page.inner_text("body")


def _workshop(browser, base: str, lang: str, shots: Path) -> list[str]:
    made = trainer_call(base, "POST", "s", body={"title": "sweep"}).data
    code, key = made["code"], made["key"]
    assert trainer_call(base, "POST", f"/{code}/open", key, {"template": "parking-fee-overcharge", "seed": 1}).status \
        == 200
    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    phone.goto(_url(base, f"/workshop?code={code}", lang))
    phone.fill("#name", f"sweep-{lang}")
    phone.click("#join")
    phone.wait_for_selector("#case[data-round='1']")
    phone.select_option("#level", "standard")  # the engine's level, with a fine below its range
    phone.fill("#fine", "1")
    phone.click("#submit")
    phone.wait_for_selector("#message.ok")
    for act in ("close", "reveal"):
        assert trainer_call(base, "POST", f"/{code}/{act}", key, {}).status == 200
    phone.wait_for_selector("#my-marks li", timeout=30_000)
    phone.wait_for_selector("#key .trace li")
    texts = [phone.inner_text("body")]
    phone.screenshot(path=str(shots / f"workshop-reveal-{lang}-390.png"), full_page=True)
    phone.set_viewport_size(DESK)
    phone.screenshot(path=str(shots / f"workshop-reveal-{lang}-1366.png"), full_page=True)
    trainer = browser.new_context(viewport=DESK).new_page()
    trainer.goto(_url(base, "/workshop/trainer", lang))
    trainer.fill("#resume-code", code)
    trainer.fill("#resume-key", key)
    trainer.click("#resume")
    trainer.wait_for_selector("#key .trace li", timeout=30_000)
    texts.append(trainer.inner_text("body"))
    trainer.screenshot(path=str(shots / f"workshop-trainer-{lang}-1366.png"), full_page=True)
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pages_javascript_draws_speak_one_language(server, browser, tmp_path, lang):
    shots = Path(os.environ.get("KIT_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=PHONE)
    check(_drill(page, server, lang), lang, "the drill's feedback")
    assert t("drill.part.outcome", lang) in page.inner_text(".kit-drill-feedback")
    for size, name in ((PHONE, "390"), (DESK, "1366")):
        page.set_viewport_size(size)
        page.locator(".kit-drill-verdict").evaluate("e => e.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(shots / f"drill-feedback-{lang}-{name}.png"))

    sim = browser.new_page(viewport=DESK)
    sim.goto(_url(server, "/simulator", lang))
    sim.locator("#sim-results details summary").first.click()  # the reasoning, folded by default
    check(sim.inner_text("body"), lang, "the simulator")

    for i, text in enumerate(_workshop(browser, server, lang, shots)):
        check(text, lang, ["the workshop's phone page", "the workshop's trainer page"][i])
