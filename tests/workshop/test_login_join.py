"""A participant who is a signed-in user (a JupyterHub login, ``login=True``): the name is the login, the same
participant comes back from another browser, and a phone without the login still cannot take a name in use."""

from __future__ import annotations

import pytest

from kit.workshop import Hall, WorkshopError


def test_a_login_rejoins_as_the_same_participant_from_any_browser(sqlite_store):
    hall = Hall(sqlite_store)
    code = hall.create("轮训")["code"]
    me, first = hall.join(code, "alice", None, login=True)
    again, second = hall.join(code, "alice", None, login=True)  # another browser: no cookie
    assert me == again == {"name": "alice"} and first != second
    assert hall.join(code, "alice", second, login=True) == ({"name": "alice"}, second)  # the cookie is kept
    with pytest.raises(WorkshopError) as taken:  # without the login the name stays taken
        hall.join(code, "alice", None)
    assert taken.value.key == "name_taken"


def test_a_cookie_of_another_login_does_not_make_you_that_participant(sqlite_store):
    hall = Hall(sqlite_store)
    code = hall.create("轮训")["code"]
    _, bobs = hall.join(code, "bob", None, login=True)
    me, token = hall.join(code, "alice", bobs, login=True)  # alice's browser holds bob's cookie
    assert me == {"name": "alice"} and token != bobs
