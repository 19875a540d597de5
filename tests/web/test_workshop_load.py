"""300 simulated phones on the real server of `make serve` (loopback only, 30 at a time), on SQLite and on a
real PostgreSQL server: each joins, receives the case and answers the round on screen through the HTTP API.
Nothing lost, nothing misfiled, no error. (The timings are figures of `make bench`, not asserted here.)"""

from __future__ import annotations

from sqlalchemy import select

from kit.store import Participant, Round, Submission, make_engine, session_factory
from kit.workshop.phones import hall_run, trainer_call

PHONES = 300


def test_300_phones_join_receive_the_case_and_answer(real_hall):
    base, _proc, db_url = real_hall
    made = trainer_call(base, "POST", "s", body={"title": "三百人大厅"})
    code, key = made.data["code"], made.data["key"]
    assert trainer_call(base, "POST", f"/{code}/open", key, {"template": "parking-fee-overcharge", "seed": 3}).status \
        == 200
    results = hall_run(base, code, PHONES, workers=30)
    errors = [(r.name, r.errors) for r in results if r.errors]
    assert errors == []
    assert {r.round_number for r in results} == {1}
    view = trainer_call(base, "GET", f"/{code}/trainer", key).data
    assert view["joined"] == PHONES and view["round"]["count"] == PHONES
    assert sum(row["count"] for row in view["round"]["spread"]) == PHONES
    engine = make_engine(db_url)
    try:
        with session_factory(engine)() as s:
            stored = {sub.participant: (sub.level, sub.fine, sub.reason, number) for sub, number in
                      s.execute(select(Submission, Round.number).join(Round))}
            assert s.scalar(select(Participant.id).where(Participant.name == "学员000")) is not None
    finally:
        engine.dispose()
    sent = {r.name: (r.level, r.fine, f"理由{r.name[2:].lstrip('0') or '0'}", 1) for r in results}
    assert stored == sent  # every answer, filed under round 1, as sent
