"""The kit on a real JupyterHub (deploy/jupyterhub, test mode): two officers and an assessor log in, each gets
their own server with the kit's pages; the drill is the hub user's; a workshop answer kept in the PostgreSQL
store is each officer's own and survives a restart of their server; an exam is released, fetched, submitted,
collected and autograded through nbgrader's server extensions, into a PostgreSQL gradebook."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from kit.grading.gradebook import gradebook_frame
from kit.grading.nbgrader import check_part, reference_answer
from kit.i18n import t
from kit.store import Submission, make_engine, session_factory
from kit.workshop import case_of
from kit.workshop.service import TRANSFER, current_round, level_label, templates

SHOTS = Path("/work/shots/15")
RENDER_TIMEOUT = 180_000  # ms: a Voila page starts a kernel and runs the notebook
TEMPLATE = "parking-fee-overcharge"
ASSIGNMENT = "discretion-01"
COURSE = "discretion-kit"
EXAM_CASES = ("flyposting-youth", "false-registration-nanjing", "parking-fee-overcharge")
"""The templates of the committed exercise answers/discretion-01, in the order of its cases."""


# ---- log-in and servers -----------------------------------------------------------------------------------

def test_the_log_in_page_speaks_chinese_first(hub):
    import requests

    text = requests.get(hub.base + "/hub/login", timeout=30).content.decode("utf-8")
    assert t("deploy.login_title", "zh") in text and t("deploy.login_title", "en") in text
    assert text.index(t("deploy.login_hint", "zh")) < text.index(t("deploy.login_hint", "en"))


def test_log_in_needs_the_password_and_an_allowed_name(hub):
    assert hub.login("alice").login_status == 302
    assert hub.login("alice", password="not-the-password").login_status == 403
    assert hub.login("mallory").login_status == 403  # not in KIT_HUB_USERS


def test_each_user_reaches_only_their_own_server(hub):
    for user in ("alice", "bob", "assessor"):
        hub.start_server(user)
    assert hub.server("alice", "GET", "/api/status").status_code == 200
    assert hub.server("alice", "GET", "/api/status", as_user="bob", ok=None).status_code == 403
    assert hub.server("assessor", "GET", "/api/status", as_user="alice", ok=None).status_code == 403
    # officers have no formgrader and no gradebook; the assessor has both
    assert hub.server("alice", "GET", "/formgrader/api/assignments", ok=None).status_code == 404
    assert hub.server("assessor", "GET", "/formgrader/api/assignments").status_code == 200
    assert hub.server("alice", "GET", "/api/terminals", ok=None).status_code == 404  # no terminal for officers
    assert hub.server("assessor", "GET", "/api/terminals").status_code == 200
    model = hub.user_model("alice")["servers"][""]
    assert model["ready"] and model["url"] == "/user/alice/"
    assert (hub.homes / "alice" / "kit" / "drill.ipynb").is_file()
    assert (hub.homes / "assessor" / "course" / "source" / ASSIGNMENT).is_dir()
    assert not (hub.homes / "alice" / "course").exists()
    services = hub.api("GET", "/services").json()
    assert "kit-admin" in services


# ---- the pages, in a browser --------------------------------------------------------------------------------

def _log_in(browser, hub, user):
    """A browser context logged in as ``user`` through the hub's login page; the page lands on the default URL."""
    context = browser.new_context(viewport={"width": 1366, "height": 1600})
    page = context.new_page()
    page.goto(hub.base + "/hub/login", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")
    return context, page


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_each_officer_lands_on_a_drill_of_their_own(hub, chromium):
    from playwright.sync_api import sync_playwright

    executable, args = chromium
    seen = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            for user in ("alice", "bob"):
                context, page = _log_in(browser, hub, user)
                page.wait_for_url(f"**/user/{user}/voila/render/kit/drill.ipynb", timeout=RENDER_TIMEOUT)
                case = page.locator(".kit-drill-case")
                case.wait_for(state="visible", timeout=RENDER_TIMEOUT)
                seen[user] = case.get_attribute("data-case-id")
                _shot(page, f"hub-drill-{user}.png")
                context.close()
        finally:
            browser.close()
    # the drill's trainee id is the hub user: case 0 of session <user>
    assert seen["alice"].split(":")[1:3] == ["alice", "0"], seen
    assert seen["bob"].split(":")[1:3] == ["bob", "0"], seen


def _answer(page, level_key: str, fine: float | None, reason: str):
    page.locator(".kit-ws-level").get_by_label(level_label(level_key), exact=True).check()
    box = page.locator(".kit-ws-fine input")
    box.fill(f"{fine or 0:g}")
    box.press("Tab")
    page.locator(".kit-ws-reason input").fill(reason)
    page.locator(".kit-ws-reason input").press("Tab")
    page.locator("button.kit-ws-submit").click()
    page.locator(".kit-ws-done").wait_for(state="visible", timeout=60_000)


def _join(page, hub, user, code):
    page.goto(f"{hub.base}/user/{user}/voila/render/kit/workshop.ipynb", timeout=RENDER_TIMEOUT)
    page.locator(".kit-ws-code input").wait_for(state="visible", timeout=RENDER_TIMEOUT)
    name = page.locator(".kit-ws-name input")
    assert name.input_value() == user and name.is_disabled()  # the participant is the hub user
    page.locator(".kit-ws-code input").fill(code)
    page.locator("button.kit-ws-join").click()
    page.locator(".kit-ws-case").wait_for(state="visible", timeout=60_000)


def test_workshop_answers_are_each_officers_own_and_survive_a_restart(hub, chromium):
    from playwright.sync_api import sync_playwright

    executable, args = chromium
    title = next(t.title.zh for t in templates() if t.id == TEMPLATE)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            contexts = {}
            for user in ("assessor", "bob", "alice"):
                contexts[user], _page = _log_in(browser, hub, user)
                _page.wait_for_url(f"**/user/{user}/**", timeout=RENDER_TIMEOUT)
                _page.close()
            trainer = contexts["assessor"].new_page()
            trainer.goto(f"{hub.base}/user/assessor/voila/render/kit/workshop-trainer.ipynb", timeout=RENDER_TIMEOUT)
            trainer.locator(".kit-ws-title input").wait_for(state="visible", timeout=RENDER_TIMEOUT)
            trainer.locator(".kit-ws-title input").fill("全省裁量基准轮训")
            trainer.locator("button.kit-ws-create").click()
            trainer.locator(".kit-ws-workshop-code").wait_for(state="visible", timeout=60_000)
            code = trainer.locator(".kit-ws-workshop-code").inner_text().strip()
            trainer.locator(".kit-ws-template select").select_option(label=title)
            trainer.locator("button.kit-ws-open").click()
            trainer.locator(".kit-ws-case").wait_for(state="visible", timeout=60_000)

            engine = make_engine(hub.store_url)
            with session_factory(engine)() as s:
                decision = case_of(current_round(s, code)).decision
            alice_fine = decision.suggested_fine

            bob = contexts["bob"].new_page()  # bob answers first: a page showing "the first answer" would leak it
            _join(bob, hub, "bob", code)
            _answer(bob, TRANSFER, None, "bob-reason-7f3a")
            alice = contexts["alice"].new_page()
            _join(alice, hub, "alice", code)
            assert alice.locator(".kit-ws-done").count() == 0  # nothing of bob's
            _answer(alice, decision.level.value, alice_fine, "alice-reason-19c2")
            alice_done = alice.locator(".kit-ws-done").inner_text()
            assert level_label(decision.level.value) in alice_done

            with session_factory(engine)() as s:
                rows = {r.participant: (r.level, r.fine, r.reason) for r in s.scalars(select(Submission))}
            assert rows == {"bob": (TRANSFER, None, "bob-reason-7f3a"),
                            "alice": (decision.level.value, alice_fine, "alice-reason-19c2")}

            # restart alice's server: her answer comes back from the store, and bob's never shows
            alice.close()
            hub.stop_server("alice")
            hub.start_server("alice")
            alice = contexts["alice"].new_page()
            _join(alice, hub, "alice", code)
            again = alice.locator(".kit-ws-done")
            again.wait_for(state="visible", timeout=60_000)
            assert again.inner_text() == alice_done
            assert alice.locator(".kit-ws-level").get_by_label(level_label(decision.level.value), exact=True) \
                .is_checked()
            assert alice.locator(".kit-ws-reason input").input_value() == "alice-reason-19c2"
            assert level_label(TRANSFER) not in again.inner_text()
            assert "bob" not in alice.locator("body").inner_text() and "bob-reason-7f3a" not in alice.content()
            _shot(alice, "hub-workshop-alice-after-restart.png")
            bob.reload()
            _join(bob, hub, "bob", code)
            bob.locator(".kit-ws-done").wait_for(state="visible", timeout=60_000)
            assert level_label(TRANSFER) in bob.locator(".kit-ws-done").inner_text()
            assert "alice" not in bob.locator("body").inner_text() and "alice-reason-19c2" not in bob.content()
            assert bob.locator(".kit-ws-reason input").input_value() == "bob-reason-7f3a"

            # alice's log-in does not open bob's pages
            peek = contexts["alice"].new_page()
            response = peek.goto(f"{hub.base}/user/bob/voila/render/kit/workshop.ipynb", timeout=60_000)
            assert "/user/bob/" not in peek.url or response.status >= 400, peek.url
            assert "kit-ws-code" not in peek.content()
            engine.dispose()
        finally:
            browser.close()


# ---- an exam through nbgrader's exchange, graded into PostgreSQL ---------------------------------------------

def _fill(nb: dict, trainee: str, answers: dict[int, tuple[object, object]]) -> dict:
    """The fetched notebook with TRAINEE_ID set and each given answer cell written."""
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if source.startswith("TRAINEE_ID ="):
            cell["source"] = f"TRAINEE_ID = {trainee!r}\n" + source.split("\n", 1)[1]
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if grade_id.startswith("answer-") and int(grade_id.split("-")[1]) in answers:
            n = int(grade_id.split("-")[1])
            level, fine = answers[n]
            cell["source"] = f"LEVEL_{n} = {level!r}\nFINE_{n} = {fine!r}\n"
    return nb


def _expected(trainee: str, answers: dict[int, tuple[object, object]]) -> dict[str, float]:
    out = {}
    for n, template in enumerate(EXAM_CASES, start=1):
        for part in ("outcome", "fine"):
            given = answers.get(n)
            out[f"case-{n}-{part}"] = 0.0 if given is None else check_part(
                {"level": given[0], "fine": given[1]}, template, trainee, part=part).points
    return out


def _ok(response) -> dict:
    body = response.json()
    assert not isinstance(body, dict) or body.get("success", True), body
    return body


def test_an_exam_is_released_collected_and_autograded_into_postgresql(hub):
    for user in ("alice", "bob", "assessor"):
        hub.start_server(user)
    args = {"course_id": COURSE, "assignment_id": ASSIGNMENT}
    _ok(hub.server("assessor", "POST", f"/formgrader/api/assignment/{ASSIGNMENT}/assign"))
    _ok(hub.server("assessor", "POST", f"/formgrader/api/assignment/{ASSIGNMENT}/release"))

    right = {n: (a.level, a.fine) for n, a in
             enumerate((reference_answer(t, "alice") for t in EXAM_CASES), start=1)}
    # bob copies alice's notebook, her TRAINEE_ID included, and answers case 3 himself
    bob_own = reference_answer(EXAM_CASES[2], "bob")
    copied = {**right, 3: (bob_own.level, bob_own.fine)}
    for user, trainee, answers in (("alice", "alice", right), ("bob", "alice", copied)):
        listed = _ok(hub.server(user, "GET", "/assignments", params={"course_id": COURSE}))
        assert [a["assignment_id"] for a in listed["value"]] == [ASSIGNMENT], listed
        _ok(hub.server(user, "POST", "/assignments/fetch", params=args))
        path = f"/api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
        nb = hub.server(user, "GET", path, params={"content": 1}).json()["content"]
        hub.server(user, "PUT", path, json={"type": "notebook", "format": "json", "content": _fill(nb, trainee,
                                                                                                   answers)})
        _ok(hub.server(user, "POST", "/assignments/submit", params=args))

    _ok(hub.server("assessor", "POST", f"/formgrader/api/assignment/{ASSIGNMENT}/collect"))
    for user in ("alice", "bob"):
        _ok(hub.server("assessor", "POST", f"/formgrader/api/submission/{ASSIGNMENT}/{user}/autograde"))

    assert hub.gradebook_url.startswith("postgresql")
    frame = gradebook_frame(hub.gradebook_url)
    scores = {(r.trainee, r.question): r.score for r in frame.itertuples()}
    assert sorted(frame["trainee"].unique()) == ["alice", "bob"]  # the nbgrader student is the hub user
    for user, answers in (("alice", right), ("bob", copied)):
        for question, points in _expected(user, answers).items():
            assert scores[user, question] == points, (user, question, frame.to_string())
    assert frame[frame.trainee == "alice"]["score"].sum() == 6.0
    assert frame[frame.trainee == "bob"]["score"].sum() < 6.0  # graded on bob's own variant
    assert not list(hub.homes.rglob("gradebook.db"))  # no SQLite gradebook anywhere


# ---- idle culling ---------------------------------------------------------------------------------------------

def test_an_idle_server_is_stopped_by_the_culler(tmp_path):
    """A hub of its own whose jupyterhub-idle-culler stops servers idle for 10 s (SQLite is enough here)."""
    import time

    from .hub import Hub

    os.chmod(tmp_path, 0o755)
    small = Hub(tmp_path, store_url=f"sqlite:///{tmp_path / 'kit.db'}", gradebook_url="", hub_db_url="",
                assessors=(), officers=("carol",), idle_timeout=10)
    try:
        small.start()
        assert "idle-culler" in small.api("GET", "/services").json()
        small.start_server("carol")
        deadline = time.monotonic() + 180
        while small.user_model("carol").get("servers") and time.monotonic() < deadline:
            time.sleep(2)
        assert not small.user_model("carol").get("servers"), small.log()
        assert "Culling server carol" in small.log(), small.log()
    finally:
        small.stop()
