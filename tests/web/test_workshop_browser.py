"""The workshop in Debian's chromium on the real server: a phone (390×844) joins, answers, sees the closing and
the reveal and its own marks without a click and without horizontal scrolling; a stale answer is refused on the
phone; a lost connection is said and recovers; a participant without the key cannot control the round; the
trainer's count updates without a click. Screenshots go to $KIT_SHOTS (default: the test's tmp folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kit.workshop.phones import trainer_call
from tests.conftest import _stop
from tests.web.conftest import served_hall

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 768}


@pytest.fixture
def hall(tmp_path):
    from kit.store import upgrade

    url = f"sqlite:///{tmp_path / 'kit.db'}"
    upgrade(url)
    proc, base = served_hall(url, tmp_path / "server.log")
    try:
        yield base
    finally:
        _stop(proc)


def _no_side_scroll(page) -> None:
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_hall_session_on_a_phone_and_the_projector(hall, browser, tmp_path):
    from playwright.sync_api import expect

    shots = Path(os.environ.get("KIT_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    trainer = browser.new_context(viewport=DESK).new_page()
    trainer.goto(f"{hall}/workshop/trainer")
    trainer.fill("#title", "裁量基准大厅研讨")
    trainer.click("#create")
    expect(trainer.locator("#trainer-key")).to_be_visible()
    code = trainer.locator("#workshop-code").inner_text()
    key = trainer.locator("#trainer-key").inner_text()
    expect(trainer.locator("#qr svg")).to_be_visible()
    trainer.click("#key-noted")  # before the projector goes on: the key leaves the screen
    expect(trainer.locator("#trainer-key")).to_have_count(0)
    assert f"/workshop?code={code}" in trainer.locator("#participant-url").inner_text()
    trainer.select_option("#template", "parking-fee-overcharge")
    trainer.fill("#seed", "1")
    trainer.click("#preview")
    expect(trainer.locator("#preview-view .trace li").first).to_be_visible()
    trainer.screenshot(path=str(shots / "trainer-preview-zh-1366.png"), full_page=True)
    trainer.click("#open")
    expect(trainer.locator("#count")).to_have_text("0")

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{hall}/workshop?code={code}")
    join = phone.locator("#join").bounding_box()
    assert join and join["x"] >= 0 and join["x"] + join["width"] <= PHONE["width"]
    assert join["y"] + join["height"] <= PHONE["height"]  # the join button is on screen
    phone.fill("#name", "张三")
    phone.click("#join")
    expect(phone.locator("#case")).to_have_attribute("data-round", "1")
    assert not phone.locator("#open, #close, #reveal, #controls").count()  # no trainer controls
    phone.select_option("#level", "aggravated")
    phone.fill("#fine", "478600")
    phone.fill("#reason", "屡查屡犯，依法从重")
    _no_side_scroll(phone)
    phone.screenshot(path=str(shots / "phone-answer-zh-390.png"), full_page=True)
    phone.click("#submit")
    expect(phone.locator("#message.ok")).to_contain_text("已提交第 1 轮")
    expect(trainer.locator("#count")).to_have_text("1")  # without a click on the trainer's page

    # a participant without the key cannot control the round, from the page or the API
    denied = phone.evaluate(f"""async () => (await fetch('/api/workshop/{code}/reveal',
        {{method: 'POST', headers: {{'Content-Type': 'application/json'}}, body: '{{}}'}})).status""")
    assert denied == 403
    stranger = browser.new_context(viewport=PHONE).new_page()
    stranger.goto(f"{hall}/workshop/trainer")
    stranger.fill("#resume-code", code)
    stranger.fill("#resume-key", "guessed")
    stranger.click("#resume")
    expect(stranger.locator("#message.error")).to_contain_text("讲师密钥不正确")
    assert not stranger.locator("#open, #close, #reveal").count()

    # a second phone still shows round 1 while the trainer moves on: its answer is refused
    late = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    late.goto(f"{hall}/workshop?code={code}&lang=en")
    late.fill("#name", "Li Si")
    late.click("#join")
    expect(late.locator("#case")).to_have_attribute("data-round", "1")
    late.route("**/state*", lambda route: route.abort())  # the phone loses the connection
    expect(late.locator("#offline")).to_be_visible()
    expect(late.locator("#offline")).to_contain_text("Connection lost")
    assert trainer_call(hall, "POST", f"/{code}/open", key, {"template": "spitting-public", "seed": 2}).status \
        == 200
    late.select_option("#level", "standard")
    late.fill("#fine", "50")
    late.click("#submit")
    expect(late.locator("#message.error")).to_contain_text("replaced by round 2")
    late.screenshot(path=str(shots / "phone-stale-en-390.png"), full_page=True)
    late.unroute("**/state*")
    expect(late.locator("#case")).to_have_attribute("data-round", "2")
    expect(late.locator("#offline")).to_be_hidden()

    # the trainer goes back to round 1, closes and reveals it: the phone follows without a click
    expect(trainer.locator("#reopen-1")).to_be_visible()
    trainer.click("#reopen-1")
    expect(phone.locator("#case")).to_have_attribute("data-round", "1")
    trainer.click("#close")
    expect(phone.locator("#closed")).to_be_visible()
    trainer.click("#reveal")
    expect(phone.locator("#my-marks")).to_be_visible()
    expect(phone.locator("#key .trace li").first).to_be_visible()
    expect(phone.locator("#my-marks li")).to_have_count(2)  # the outcome and the fine, each with its reason
    _no_side_scroll(phone)
    phone.screenshot(path=str(shots / "phone-reveal-zh-390.png"), full_page=True)
    expect(trainer.locator("#reasons")).to_contain_text("匿名")
    trainer.check("#show-names")
    expect(trainer.locator("#reasons")).to_contain_text("张三")
    trainer.screenshot(path=str(shots / "trainer-reveal-zh-1366.png"), full_page=True)
    trainer.click("#projector")
    expect(trainer.locator("#controls")).to_be_hidden()
    expect(trainer.locator("#key")).to_be_visible()
    trainer.screenshot(path=str(shots / "trainer-projector-zh-1366.png"), full_page=True)
    trainer.click("#projector")
    expect(trainer.locator("#controls")).to_be_visible()
    late.goto(f"{hall}/workshop?code={code}&lang=en")
    expect(late.locator("#case")).to_have_attribute("data-round", "1")
    expect(late.locator("#no-answer")).to_be_visible()
    _no_side_scroll(late)
    late.screenshot(path=str(shots / "phone-reveal-en-390.png"), full_page=True)
    trainer.goto(f"{hall}/workshop/trainer?lang=en")
    expect(trainer.locator("#key")).to_contain_text("The key")
    trainer.screenshot(path=str(shots / "trainer-reveal-en-1366.png"), full_page=True)

    # the trainer resumes on a phone with the code and the key
    pocket = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    pocket.goto(f"{hall}/workshop/trainer")
    pocket.screenshot(path=str(shots / "trainer-start-zh-390.png"), full_page=True)
    pocket.fill("#resume-code", code.lower())
    pocket.fill("#resume-key", key)
    pocket.click("#resume")
    expect(pocket.locator("#count")).to_have_text("1")
    expect(pocket.locator("#key")).to_be_visible()
    _no_side_scroll(pocket)
    pocket.screenshot(path=str(shots / "trainer-reveal-zh-390.png"), full_page=True)
    newcomer = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    newcomer.goto(f"{hall}/workshop?lang=en")
    expect(newcomer.locator("#join")).to_have_text("Join")
    _no_side_scroll(newcomer)
    newcomer.screenshot(path=str(shots / "phone-join-en-390.png"), full_page=True)
