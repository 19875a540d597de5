"""The workshop API through real HTTP, on SQLite and on a real PostgreSQL server: identity by cookie, names
unique per workshop, a trainer key on every trainer action, answers bound to their round, bounded inputs,
participants who see only their own answer, and a database failure said plainly."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from kit.workshop.phones import Phone, trainer_call

TEMPLATE = "parking-fee-overcharge"


def _room(base: str) -> tuple[str, str]:
    made = trainer_call(base, "POST", "s", body={"title": "大厅研讨"})
    assert made.status == 201 and len(made.data["code"]) == 6 and len(made.data["key"]) >= 24
    return made.data["code"], made.data["key"]


def _open(base, code, key, template=TEMPLATE, seed=1) -> int:
    reply = trainer_call(base, "POST", f"/{code}/open", key, {"template": template, "seed": seed})
    assert reply.status == 200, reply.data
    return reply.data["number"]


def test_every_trainer_action_needs_the_key(api_server):
    base = api_server.base
    code, key = _room(base)
    for method, path, body in [("POST", "/open", {"template": TEMPLATE, "seed": 0}), ("POST", "/close", {}),
                               ("POST", "/reveal", {}), ("POST", "/reopen", {"number": 1}), ("GET", "/trainer", None),
                               ("GET", f"/preview?template={TEMPLATE}&seed=0", None), ("GET", "/export.xlsx", None)]:
        for wrong in (None, "not-the-key", key[:-1]):
            reply = trainer_call(base, method, f"/{code}{path}", wrong, body)
            assert reply.status == 403, (method, path, wrong, reply.status)
            assert reply.data["key"] in ("key_missing", "key_wrong")
    # a participant's cookie is no trainer key
    phone = Phone(base, code)
    assert phone.join("张三").status == 200
    assert phone.call("POST", f"/{code}/open", {"template": TEMPLATE, "seed": 0}).status == 403
    assert trainer_call(base, "GET", f"/{code}/trainer", key).data["round"] is None  # nothing was opened
    assert _open(base, code, key) == 1


def test_identity_a_second_name_is_refused_and_the_token_is_the_person(api_server):
    base = api_server.base
    code, key = _room(base)
    _open(base, code, key)
    first, second = Phone(base, code), Phone(base, code)
    assert first.join("李四").status == 200
    again = second.join("李四")
    assert again.status == 409 and "请换一个名字" in again.data["error"]
    assert second.state().data["me"] is None and second.state().data["round"] is None  # no case without a name
    assert first.join("改个名字").data == {"name": "李四"}  # the same phone stays 李四
    state = first.state().data
    assert first.answer(state["round"]["id"], "lenient", 1000).status == 200
    stranger = Phone(base, code)
    assert stranger.answer(state["round"]["id"], "lenient", 5).status == 401
    forged = Phone(base, code)
    forged.cookies = {f"kit_ws_{code}": "forged-token"}
    assert forged.answer(state["round"]["id"], "lenient", 5).data["key"] == "not_joined"


def test_a_stale_answer_is_refused_and_never_filed_under_the_new_round(api_server):
    base = api_server.base
    code, key = _room(base)
    _open(base, code, key)
    phone = Phone(base, code)
    phone.join("王五")
    shown = phone.state().data["round"]
    _open(base, code, key, "spitting-public", 2)  # the trainer moves on before the phone polled
    reply = phone.answer(shown["id"], "standard", 2000)
    assert reply.status == 409 and reply.data["key"] == "round_replaced"
    assert "第 1 轮已被第 2 轮取代" in reply.data["error"]
    english = phone.call("POST", f"/{code}/answer?lang=en", {"round": shown["id"], "level": "standard", "fine": 1})
    assert "replaced by round 2" in english.data["error"]
    view = trainer_call(base, "GET", f"/{code}/trainer", key).data
    assert [(r["number"], r["count"]) for r in view["rounds"]] == [(1, 0), (2, 0)]
    # closed: refused too
    now = phone.state().data["round"]
    trainer_call(base, "POST", f"/{code}/close", key, {})
    assert phone.answer(now["id"], "standard", 2000).data["key"] == "round_closed"
    assert phone.answer(None, "standard", 2000).data["key"] == "no_round_id"


def test_a_participant_sees_only_their_own_answer_and_after_the_reveal_their_marks(api_server):
    base = api_server.base
    code, key = _room(base)
    _open(base, code, key)
    a, b = Phone(base, code), Phone(base, code)
    a.join("甲")
    b.join("乙")
    round_id = a.state().data["round"]["id"]
    a.answer(round_id, "lenient", 1111, "甲的理由")
    b.answer(round_id, "aggravated", 2222, "乙的理由")
    seen = b.state().data
    assert seen["answer"]["fine"] == 2222 and "key" not in seen and "marks" not in seen
    assert "甲" not in str(seen) and "1111" not in str(seen)
    trainer = trainer_call(base, "GET", f"/{code}/trainer", key).data["round"]
    assert trainer["count"] == 2 and all("lawful" not in row for row in trainer["spread"])
    assert "key" not in trainer  # not before the reveal
    trainer_call(base, "POST", f"/{code}/reveal", key, {})
    after = b.state().data
    assert after["marks"]["parts"] and after["key"]["trace"] and after["key"]["outcome"] == _decision(code).outcome("zh")
    assert "甲" not in str(after)
    shown = trainer_call(base, "GET", f"/{code}/trainer", key).data["round"]
    assert {r["reason"] for r in shown["reasons"]} == {"甲的理由", "乙的理由"}
    assert {r["name"] for r in shown["reasons"]} == {None}  # names hidden by default
    named = trainer_call(base, "GET", f"/{code}/trainer?names=1", key).data["round"]
    assert {r["name"] for r in named["reasons"]} == {"甲", "乙"}
    assert sum(r["lawful"] for r in named["spread"]) == sum(
        1 for p in (a, b) if p.state().data["marks"]["right"])


@pytest.mark.parametrize("body, key", [
    ({"level": "standard", "fine": 10 ** 10 + 1}, "fine_too_large"), ({"level": "standard", "fine": -5}, "bad_fine"),
    ({"level": "standard", "fine": 10, "reason": "x" * 2001}, "reason_too_long"),
    ({"level": "nonsense", "fine": 10}, "bad_level"), ({"fine": 10}, "level_missing")])
def test_inputs_are_bounded(api_server, body, key):
    base = api_server.base
    code, tkey = _room(base)
    _open(base, code, tkey)
    phone = Phone(base, code)
    assert phone.join("名" * 41).data["key"] == "name_too_long"
    assert phone.join("名" * 40).status == 200
    reply = phone.answer(phone.state().data["round"]["id"], body.get("level"), body.get("fine"), body.get("reason"))
    assert reply.status == 400 and reply.data["key"] == key, reply.data
    assert phone.call("POST", f"/{code}/answer", None).status == 415  # not JSON
    too_big = phone.call("POST", f"/{code}/answer", {"reason": "x" * 20000})
    assert too_big.status == 413


def test_preview_reopen_and_export(api_server):
    base = api_server.base
    code, key = _room(base)
    preview = trainer_call(base, "GET", f"/{code}/preview?template={TEMPLATE}&seed=1", key).data
    assert preview["narrative"] and preview["key"]["trace"]
    assert trainer_call(base, "GET", f"/{code}/trainer", key).data["round"] is None  # a preview opens nothing
    _open(base, code, key)
    phone = Phone(base, code)
    phone.join("张三")
    first = phone.state().data["round"]
    assert first["case_id"] == preview["case_id"]
    decision = _decision(code)
    phone.answer(first["id"], decision.level.value, decision.suggested_fine, "屡查屡犯")
    trainer_call(base, "POST", f"/{code}/reveal", key, {})
    _open(base, code, key, "spitting-public", 2)
    assert trainer_call(base, "POST", f"/{code}/reopen", key, {"number": 1}).data == {"number": 1,
                                                                                      "status": "revealed"}
    assert phone.state().data["round"]["number"] == 1 and phone.state().data["marks"]
    reply = Phone(base, code).call("GET", f"/{code}/export.xlsx?lang=en", None, {"X-Trainer-Key": key})
    assert reply.status == 200
    raw = _raw(base, f"/api/workshop/{code}/export.xlsx?lang=en", key)
    book = load_workbook(io.BytesIO(raw))
    answers, rounds = book["answers"], book["rounds"]
    rows = list(answers.iter_rows(values_only=True))
    assert rows[0][:5] == ("participant", "round", "case id", "outcome", "fine (yuan)")
    assert rows[1][:5] == ("张三", 1, first["case_id"], decision.level.label("en"), decision.suggested_fine)
    assert rows[1][7] == "yes" and rows[1][9] == "屡查屡犯"
    assert [line.split(": ")[0] for line in rows[1][8].split("\n")] == ["outcome", "fine"]  # each part, its why
    assert rows[2][:4] == ("张三", 2, rows[2][2], "no answer")
    assert [r[0] for r in rounds.iter_rows(min_row=2, values_only=True)] == [1, 2]


def _decision(code: str, template: str = TEMPLATE, seed: int = 1):
    from kit.workshop.service import scenario_of

    return scenario_of(template, code, seed).decision


def _raw(base: str, path: str, key: str) -> bytes:
    import urllib.request

    request = urllib.request.Request(base + path, headers={"X-Trainer-Key": key})
    with urllib.request.urlopen(request, timeout=60) as resp:
        return resp.read()


def test_a_database_that_is_down_is_said_plainly(api_server, caplog):
    base = api_server.base
    code, key = _room(base)
    phone = Phone(base, code)
    phone.join("张三")
    url = api_server.engine.url
    from kit.store import make_engine

    broken = url.set(database="/nonexistent/folder/kit.db") if url.get_backend_name() == "sqlite" else \
        url.set(port=1)
    api_server.hall.Session.configure(bind=make_engine(broken.render_as_string(hide_password=False)))
    with caplog.at_level("ERROR", logger="kit.web.workshop"):
        reply = phone.state()
    assert reply.status == 503 and reply.data["key"] == "db_unavailable"
    assert "数据库暂时无法连接" in reply.data["error"] and "Traceback" not in str(reply.data)
    assert any("database problem" in r.getMessage() for r in caplog.records)


def test_templates_offer_every_tier_and_the_preview_names_the_authority(api_server):
    base = api_server.base
    code, key = _room(base)
    offered = {tp["id"]: tp for tp in trainer_call(base, "GET", "/templates").data["templates"]}
    tiers = [a["tier"] for a in offered["false-registration-materials"]["authorities"]]
    assert {"国家", "省级"} <= set(tiers) and len(tiers) >= 4
    shown = trainer_call(base, "GET", f"/{code}/preview?template=false-registration-materials&authority=cn-samr&seed=4",
                         key).data
    assert "（国家）" in shown["authority"] and any("《市场监管总局 提交虚假材料取得市场主体登记 裁量基准（示例）》" in s["cites"]
                                                  for s in shown["key"]["trace"])  # the national baseline, by title
    refused = trainer_call(base, "POST", f"/{code}/open", key,
                           {"template": "false-registration-materials", "authority": "nj-cgj", "seed": 4})
    assert refused.status == 400 and refused.data["key"] == "no_authority"


def _sqlite_server(tmp_path):
    from kit.store import upgrade
    from tests.web.conftest import ThreadServer

    url = f"sqlite:///{tmp_path / 'kit.db'}"
    upgrade(url)
    return ThreadServer(url), tmp_path / "kit.db"


def test_a_locked_database_is_said_plainly(tmp_path, caplog):
    import sqlite3

    from sqlalchemy import create_engine

    server, path = _sqlite_server(tmp_path)
    try:
        code, _key = _room(server.base)
        server.hall.Session.configure(bind=create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1}))
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another writer holds the database
        try:
            with caplog.at_level("ERROR", logger="kit.web.workshop"):
                reply = Phone(server.base, code).join("张三")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert reply.status == 503 and reply.data["key"] == "db_locked" and "数据库正忙" in reply.data["error"]
        assert any("db_locked" in r.getMessage() for r in caplog.records)
        assert Phone(server.base, code).join("张三").status == 200  # and it recovers
    finally:
        server.stop()


def test_a_full_database_is_said_plainly_and_nothing_is_half_written(tmp_path):
    from sqlalchemy import create_engine, event

    server, path = _sqlite_server(tmp_path)
    try:
        code, key = _room(server.base)
        _open(server.base, code, key)
        full = create_engine(f"sqlite:///{path}")

        @event.listens_for(full, "connect")
        def _cap(dbapi_connection, _record):  # no page may be added: the disk is "full"
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        server.hall.Session.configure(bind=full)
        phones = [Phone(server.base, code) for _ in range(200)]
        replies = [p.join(f"学员{i}" + "长" * 30) for i, p in enumerate(phones)]
        refused = [r for r in replies if r.status != 200]
        assert refused and {r.data["key"] for r in refused} == {"db_full"}
        assert "数据库存储空间已满" in refused[0].data["error"]
        server.hall.Session.configure(bind=server.engine)
        joined = trainer_call(server.base, "GET", f"/{code}/trainer", key).data["joined"]
        assert joined == sum(r.status == 200 for r in replies)  # every refused join left nothing behind
    finally:
        server.stop()


def test_twenty_phones_typing_the_same_name_at_once_make_one_participant(api_server):
    from concurrent.futures import ThreadPoolExecutor

    base = api_server.base
    code, key = _room(base)
    with ThreadPoolExecutor(max_workers=20) as pool:
        replies = list(pool.map(lambda _i: Phone(base, code).join("李四"), range(20)))
    assert sorted(r.status for r in replies) == [200] + [409] * 19
    assert trainer_call(base, "GET", f"/{code}/trainer", key).data["joined"] == 1


def test_a_server_whose_database_cannot_be_opened_says_so_and_recovers(tmp_path, monkeypatch, caplog):
    """The server's one Hall opens KIT_DB_URL at the first request; a database that is down then is a 503
    with the plain message, and the next request after it is back opens it."""
    import asyncio
    import threading

    import tornado.ioloop
    import tornado.web

    from kit.web import workshop_api
    from tests.conftest import _free_port

    monkeypatch.setattr(workshop_api, "_HALL", None)
    monkeypatch.setenv("KIT_DB_URL", f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/kit?connect_timeout=2")
    port, ready, box = _free_port(), threading.Event(), {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        box["server"] = tornado.web.Application(workshop_api.routes("/")).listen(port, address="127.0.0.1")
        box["loop"] = tornado.ioloop.IOLoop.current()
        ready.set()
        box["loop"].start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(30)
    base = f"http://127.0.0.1:{port}"
    try:
        with caplog.at_level("ERROR", logger="kit.web.workshop"):
            for path in ("/ABC234", "/ABC234/state"):
                reply = Phone(base, "ABC234").call("GET", path)
                assert reply.status == 503 and reply.data["key"] == "db_unavailable", (path, reply.data)
        assert any("database problem" in r.getMessage() for r in caplog.records)
        monkeypatch.setenv("KIT_DB_URL", f"sqlite:///{tmp_path / 'kit.db'}")  # the database is back
        made = trainer_call(base, "POST", "s", body={"title": "恢复"})
        assert made.status == 201 and Phone(base, made.data["code"]).call("GET", f"/{made.data['code']}").status == 200
    finally:
        box["loop"].add_callback(box["server"].stop)
        box["loop"].add_callback(box["loop"].stop)
        thread.join(10)
        if workshop_api._HALL is not None:
            workshop_api._HALL.engine.dispose()
