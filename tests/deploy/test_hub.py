"""The kit on a real JupyterHub (deploy/jupyterhub, test mode, loopback): two officers and an assessor log in
through the hub, each gets a server of their own with the kit's pages (kit.web.extension) behind the hub's
login; the drill's officer is the hub user and each officer's progress, kept in the PostgreSQL store, is
theirs alone and survives a restart of their server; an exam is released by the assessor in a terminal of
their server (``kit grade release``), fetched and submitted by the officers through nbgrader's exchange,
collected and autograded (``kit grade autograde``) into a PostgreSQL gradebook."""

from __future__ import annotations

import json
from html import escape

import nbformat
import requests
from sqlalchemy import create_engine, text

from kit.grading.exam import load_exam, questions
from kit.grading.gradebook import gradebook_frame
from kit.i18n import t
from tests.drills.test_drill_page import answer, settled_score, shown
from tests.grading.conftest import right_answer, wrong_answer


RENDER_TIMEOUT = 240_000  # ms: a Voila page starts a kernel and runs the notebook on two busy cores
EXAM = "discretion-01"
OFFICERS = ("alice", "bob")


# ---- log-in and servers -----------------------------------------------------------------------------------

def test_the_log_in_page_speaks_chinese_first(hub):
    page = requests.get(hub.base + "/hub/login", timeout=30).content.decode("utf-8")
    assert t("deploy.login_title", "zh") in page and t("deploy.login_title", "en") in page
    assert page.index(t("deploy.login_hint", "zh")) < page.index(t("deploy.login_hint", "en"))


def test_log_in_needs_the_password_and_an_allowed_name(hub):
    assert hub.login("alice").login_status == 302
    assert hub.login("alice", password="not-the-password").login_status == 403
    assert hub.login("mallory").login_status == 403  # not in KIT_HUB_USERS


def test_the_kit_pages_need_the_hub_login_and_the_right_user(hub):
    for user in (*OFFICERS, "assessor"):
        hub.start_server(user)
    own = hub.server("alice", "GET", "/?lang=en")
    assert 'id="page-drill"' in own.text and 'href="/user/alice/drill?lang=en"' in own.text
    # without a login: the page sends the browser to the hub's log-in (OAuth), it never shows
    anonymous = hub.server("alice", "GET", "/drill/progress", anonymous=True, ok=None)
    assert anonymous.status_code == 302 and "/hub/" in anonymous.headers["Location"], anonymous.headers
    assert hub.server("alice", "GET", "/drill/progress", as_user="bob", ok=None).status_code == 403
    assert hub.server("alice", "GET", "/simulator", as_user="assessor", ok=None).status_code == 403
    # an officer has no terminal; the assessor has one (for `kit grade …`) and the course
    assert hub.server("alice", "GET", "/api/terminals", ok=None).status_code == 404
    assert hub.server("assessor", "GET", "/api/terminals").status_code == 200
    assert (hub.home("assessor") / "course" / "source" / EXAM / "exam.yaml").is_file()
    assert not (hub.home("alice") / "course").exists()
    assert (hub.home("alice") / "drill.ipynb").is_file()
    model = hub.user_model("alice")["servers"][""]
    assert model["ready"] and model["url"] == "/user/alice/"


# ---- the drill in a browser, progress per hub user --------------------------------------------------------

def _log_in(browser, hub, user):
    """A browser context logged in as ``user`` through the hub's log-in page; it lands on the landing page."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(hub.base + "/hub/login", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/", timeout=RENDER_TIMEOUT)
    return context, page


def _drill(page, user: str, rights: list[bool]) -> list[str]:
    """From the landing page to the drill (no name asked: the login is the officer); answer one case per entry
    of ``rights`` (right or wrong); the case ids answered."""
    page.click("#page-drill")
    page.wait_for_url(f"**/user/{user}/voila/render/drill.ipynb?lang=zh", timeout=RENDER_TIMEOUT)
    seen: list[str] = []
    for i, right in enumerate(rights):
        if i:
            page.locator("button.kit-drill-next").click()
        case_id = shown(page, seen[-1] if seen else None)
        assert case_id.split(":")[1] == user, case_id  # the drill's officer is the hub user
        answer(page, "zh", case_id, right=right)
        page.wait_for_function("() => document.querySelector('.kit-drill-verdict')", timeout=RENDER_TIMEOUT)
        seen.append(case_id)
    return seen


def _progress(hub, user: str, query: str = "") -> tuple[int, str]:
    """(answered, the page's text) of ``user``'s progress page, asked with ``user``'s own token."""
    page = hub.server(user, "GET", f"/drill/progress{query}").text
    marker = 'data-answered="'
    start = page.index(marker) + len(marker)
    return int(page[start:page.index('"', start)]), page


def _answered_in_store(hub) -> dict[str, int]:
    engine = create_engine(hub.store_url)
    try:
        with engine.connect() as con:
            rows = con.execute(text("SELECT officer, count(*) FROM drill_attempts WHERE first GROUP BY officer"))
            return {officer: n for officer, n in rows}
    finally:
        engine.dispose()


def test_each_officer_drills_as_themself_sees_only_their_own_progress_and_keeps_it(hub, browser):
    """One test (not two): pytest-xdist may run the tests of a module on two workers, each with its hub."""

    for user, rights in (("alice", [False]), ("bob", [True, False])):
        context, page = _log_in(browser, hub, user)
        assert page.locator("#page-drill").is_visible()  # the landing page is the default URL
        _drill(page, user, rights)
        assert settled_score(page, {"answered": len(rights)})["answered"] == len(rights)
        context.close()
    # both answers are in the one store, under the hub users' names ...
    assert _answered_in_store(hub) == {"alice": 1, "bob": 2}
    # ... and each officer's page shows their own only, whatever ?officer= says
    for user, other, count in (("alice", "bob", 1), ("bob", "alice", 2)):
        for query in ("", f"?officer={other}"):
            answered, page = _progress(hub, user, query)
            assert answered == count, (user, query, answered)
            assert t("drill.progress.title", "zh", name=user) in page and other not in page

    # the progress survives a restart of the officer's server (it is in the store, not in the server)
    hub.stop_server("alice")
    assert not hub.user_model("alice").get("servers")
    hub.start_server("alice")
    answered, page = _progress(hub, "alice")
    assert answered == 1 and 'data-queued="1"' in page  # the case alice missed is still in her review queue
    assert "bob" not in page


# ---- the workshop: the participant is the hub user ----------------------------------------------------------

def test_a_workshop_participant_is_the_hub_user(hub):
    for user in ("alice", "assessor"):
        hub.start_server(user)
    made = hub.server("assessor", "POST", "/api/workshops", json={"title": "全省轮训"}).json()
    code = made["code"]
    page = hub.server("alice", "GET", f"/workshop?code={code}").text
    config = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert config["user"] == "alice"
    # whatever name the phone sends, the participant is the login
    joined = hub.server("alice", "POST", f"/api/workshop/{code}/join", json={"name": "bob"}).json()
    assert joined == {"name": "alice"}


# ---- an exam: released, submitted through the exchange, collected, autograded into PostgreSQL ---------------

def _as_assessor(hub, command: str) -> str:
    """``command`` typed by the assessor into a terminal of their own server, in ~/course (the server's
    environment points nbgrader at the PostgreSQL gradebook and the exchange); fails with its output."""
    status, out = hub.terminal("assessor", f"cd ~/course && {command}")
    assert status == 0, f"{command}: exit {status}\n{out[-4000:]}"
    return out


def _filled(notebook: dict, trainee: str, exam, right: bool) -> dict:
    nb = nbformat.from_dict(notebook)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and cell.source.startswith("TRAINEE_ID ="):
            cell.source = f'TRAINEE_ID = "{trainee}"'
        if gid.startswith("answer-"):
            n = int(gid.split("-")[1])
            given = right_answer(exam, trainee, n) if right else wrong_answer(exam, trainee, n)
            cell.source = f"ANSWER_{n} = {json.dumps(given, ensure_ascii=False)}\n"
    return nb


def test_an_exam_is_released_collected_and_autograded_into_postgresql(hub):
    for user in (*OFFICERS, "assessor"):
        hub.start_server(user)
    _as_assessor(hub, f"kit grade release . {EXAM}")
    _as_assessor(hub, f"nbgrader release_assignment {EXAM} --force")
    exam = load_exam(hub.home("assessor") / "course" / "source" / EXAM / "exam.yaml")
    course = {"course_id": "discretion-kit", "assignment_id": EXAM}
    for user, right in (("alice", True), ("bob", False)):
        listed = hub.server(user, "GET", "/assignments", params={"course_id": "discretion-kit"}).json()
        assert [a["assignment_id"] for a in listed["value"]] == [EXAM], listed
        assert hub.server(user, "POST", "/assignments/fetch", params=course).json()["success"]
        path = f"/api/contents/{EXAM}/{EXAM}.ipynb"
        nb = hub.server(user, "GET", path, params={"content": 1}).json()["content"]
        hub.server(user, "PUT", path, json={"type": "notebook", "format": "json",
                                            "content": _filled(nb, user, exam, right)})
        assert hub.server(user, "POST", "/assignments/submit", params=course).json()["success"]
    _as_assessor(hub, f"nbgrader collect {EXAM}")
    out = _as_assessor(hub, f"kit grade autograde . {EXAM}")
    assert t("grading.cli_autograded", "zh", name=EXAM, count=2) in out.replace("\r", "")

    frame = gradebook_frame(hub.gradebook_url)
    assert hub.gradebook_url.startswith("postgresql")
    assert sorted(frame["trainee"].unique()) == ["alice", "bob"]  # the nbgrader student is the hub user
    totals = frame.groupby("trainee")[["score", "max_score"]].sum()
    assert totals.loc["alice", "score"] == totals.loc["alice", "max_score"] == 2 * len(questions(exam, "alice"))
    assert totals.loc["bob", "score"] < totals.loc["bob", "max_score"]
    assert not list(hub.homes.rglob("gradebook.db"))  # no SQLite gradebook anywhere


# ---- an officer runs no code on their server (it holds KIT_DB_URL) ----------------------------------------

def _kernel_session(hub, user: str, code: str, wait_after: float = 8.0) -> tuple[list[dict], list[dict]]:
    """Start a kernel on ``user``'s server (POST /api/kernels), connect to its websocket through the proxy
    with ``user``'s token, send an ``execute_request`` of ``code`` and then a ``kernel_info_request`` on the
    same socket. Returns (messages answering the execute request, answering the kernel-info request), read
    until the kernel-info reply has come and ``wait_after`` seconds more (bounded: the kernel answers the shell
    channel in order, so an execute request let through is answered before the kernel-info request)."""
    import asyncio
    import time
    import uuid

    kernel = hub.server(user, "POST", "/api/kernels", json={"name": "python3"}).json()["id"]
    session = uuid.uuid4().hex

    def message(kind: str, content: dict) -> tuple[str, str]:
        msg_id = uuid.uuid4().hex
        return msg_id, json.dumps({"header": {"msg_id": msg_id, "msg_type": kind, "session": session,
                                              "username": user, "version": "5.3", "date": ""},
                                   "parent_header": {}, "metadata": {}, "content": content, "buffers": [],
                                   "channel": "shell"})

    async def talk(ws) -> tuple[list[dict], list[dict]]:
        exec_id, execute = message("execute_request", {"code": code, "silent": False, "store_history": False,
                                                       "user_expressions": {}, "allow_stdin": False,
                                                       "stop_on_error": True})
        info_id, info = message("kernel_info_request", {})
        await ws.write_message(execute)
        await ws.write_message(info)
        to_exec: list[dict] = []
        to_info: list[dict] = []
        deadline = time.monotonic() + 240  # the kernel starts on two busy cores
        while time.monotonic() < deadline:
            try:
                raw = await asyncio.wait_for(ws.read_message(), max(0.5, deadline - time.monotonic()))
            except TimeoutError:
                break
            if raw is None:
                break
            msg = json.loads(raw)
            parent = msg.get("parent_header", {}).get("msg_id")
            if parent == exec_id:
                to_exec.append(msg)
            elif parent == info_id:
                to_info.append(msg)
                if msg["msg_type"] == "kernel_info_reply":
                    deadline = min(deadline, time.monotonic() + wait_after)
        return to_exec, to_info

    return hub.over_websocket(user, f"/api/kernels/{kernel}/channels", talk, then_delete=f"/api/kernels/{kernel}")


def test_an_officer_kernel_takes_no_code_and_the_assessor_keeps_full_kernels(hub):
    for user in ("alice", "assessor"):
        hub.start_server(user)
    # a module in the home that a kernel would import in place of its own (python -m puts the home on sys.path)
    launcher = hub.home("alice") / "ipykernel_launcher.py"
    hub.server("alice", "PUT", "/api/contents/ipykernel_launcher.py", json={
        "type": "file", "format": "text",
        "content": f"open({str(hub.home('alice') / 'LAUNCHER-RAN')!r}, 'w').write('x')\n"})
    assert launcher.is_file()
    try:
        for user in ("alice", "assessor"):
            marker = hub.home(user) / "RAN"
            code = (f"import os\nopen({str(marker)!r}, 'w').write('x')\n"
                    "print('DB:', os.environ['KIT_DB_URL'])\n")
            to_exec, to_info = _kernel_session(hub, user, code)
            assert any(m["msg_type"] == "kernel_info_reply" for m in to_info), (user, to_info)
            said = json.dumps(to_exec)
            if user == "alice":
                assert to_exec == [] and not marker.exists(), to_exec  # dropped by the server, never run
                assert hub.store_url not in said
                assert not (hub.home("alice") / "LAUNCHER-RAN").exists()  # the kernel was the real one
            else:
                replies = [m for m in to_exec if m["msg_type"] == "execute_reply"]
                assert replies and replies[0]["content"]["status"] == "ok", said[:2000]
                assert marker.exists() and hub.store_url in said
    finally:
        launcher.unlink(missing_ok=True)
    # nbgrader's validate handler runs the notebook it is given: not on an officer's server
    assert hub.server("alice", "POST", "/assignments/validate", json={"path": "drill.ipynb"},
                      ok=None).status_code == 404


def _notebook_writing(marker) -> dict:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"open({str(marker)!r}, 'w').write('x')")]
    return json.loads(nbformat.writes(nb))


def test_voila_renders_only_the_kit_notebooks_unchanged_on_an_officer_server(hub):
    hub.start_server("alice")
    home = hub.home("alice")
    marker = home / "RENDERED"
    hub.server("alice", "PUT", "/api/contents/mine.ipynb",
               json={"type": "notebook", "format": "json", "content": _notebook_writing(marker)})
    assert (home / "mine.ipynb").is_file()  # an officer may save a notebook (the exam's) ...
    for lang in ("zh", "en"):  # ... but Voila does not run it
        page = hub.server("alice", "GET", f"/voila/render/mine.ipynb?lang={lang}", ok=(403,))
        assert escape(t("deploy.render_refused_text", lang)) in page.text and "Traceback" not in page.text
    assert hub.server("alice", "GET", "/voila/render/./mine.ipynb", ok=None).status_code == 403
    # the home's drill.ipynb overwritten by the officer: same name, other content → refused too
    from .hub import kit_hub

    shipped = (kit_hub.REPO / "notebooks" / "drill.ipynb").read_bytes()
    assert (home / "drill.ipynb").read_bytes() == shipped
    altered = json.loads(shipped)
    altered["cells"].insert(0, _notebook_writing(marker)["cells"][0])
    try:
        hub.server("alice", "PUT", "/api/contents/drill.ipynb",
                   json={"type": "notebook", "format": "json", "content": altered})
        hub.server("alice", "GET", "/voila/render/drill.ipynb?lang=zh", ok=(403,))
    finally:
        (home / "drill.ipynb").write_bytes(shipped)  # as the next start does (prepare_home)
    assert not marker.exists()
    # without a login the refusal is the hub's log-in, as every kit page
    anonymous = hub.server("alice", "GET", "/voila/render/mine.ipynb", anonymous=True, ok=None)
    assert anonymous.status_code == 302 and "/hub/" in anonymous.headers["Location"]
    # the kit's own drill, unchanged, still renders (and its widgets answer: the drill test above)
    page = hub.server("alice", "GET", "/voila/render/drill.ipynb?lang=zh")
    assert page.status_code == 200 and "application/vnd.jupyter.widget-view+json" in page.text  # it ran


# ---- idle culling ---------------------------------------------------------------------------------------------

def test_an_idle_server_is_stopped_by_the_culler(tmp_path):
    """A hub of its own whose jupyterhub-idle-culler stops servers idle for 10 s (SQLite is enough here)."""
    import time

    from .hub import Hub

    tmp_path.chmod(0o755)
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
