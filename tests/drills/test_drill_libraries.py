"""The drill offers the bundled real libraries beside the sample: choosing one draws its cases from a generic
template per tier (kit.scenarios.from_tier), marks them against that library, and names it in both languages;
a review due from another library waits until the officer is back on it."""

from __future__ import annotations

from kit.baselines import REAL_LIBRARIES
from kit.drills import DrillSession
from kit.drills.marking import present
from kit.drills.session import LIBRARIES, DrillError, library_label

import pytest


def _right(s: DrillSession) -> dict:
    d, sc = s.scenario.decision, s.scenario
    return {"level": "transfer" if d.transfer else d.level.value, "fine": d.suggested_fine,
            "circumstances": sorted(present(sc, s.library)), "provision": d.provisions[0] if d.provisions else None}


def test_every_bundled_real_library_is_offered_and_named():
    real = sorted(p.name for p in REAL_LIBRARIES.iterdir() if p.is_dir())
    assert LIBRARIES == ("sample", *real) and len(real) >= 3
    for key in LIBRARIES:
        zh, en = library_label(key, "zh"), library_label(key, "en")
        assert zh != en and not zh.startswith("基准库 ") and not en.startswith("Library ")  # a name, not the key


@pytest.mark.parametrize("key", [k for k in LIBRARIES if k != "sample"])
def test_a_real_library_is_drilled_and_marked(store, clock, key):
    s = DrillSession(officer="李四", engine=store, clock=clock)
    s.choose(library=key)
    assert s.library_key == key
    matters = set(s.library.matters)
    sc = s.next_case()
    assert sc.case.matter in matters and sc.template_id.startswith("tier.")
    s.answer(**_right(s))
    marks = s.submit()
    assert marks.right, [(p.name, p.en) for p in marks.parts]
    # the sector of the new library can be chosen; a sector of the sample is not offered there
    assert s.sectors() and all(sector in {m.sector for m in s.library.matters.values()} for sector in s.sectors())


def test_switching_back_keeps_each_librarys_reviews(store, clock):
    s = DrillSession(officer="王五", engine=store, clock=clock)
    s.choose(library="jiangmen-ecology")
    s.next_case()
    d = s.scenario.decision
    s.answer(level="transfer" if not d.transfer else "standard", fine=1)
    assert not s.submit().right  # into the review queue
    clock.advance(1)
    s.choose(library="sample")
    assert not s.next_case().template_id.startswith("tier.")  # the jiangmen review waits
    s.choose(library="jiangmen-ecology")
    back = s.next_case()
    assert s.is_review and back.template_id.startswith("tier.")


def test_an_unknown_library_is_refused():
    s = DrillSession()
    with pytest.raises(DrillError):
        s.choose(library="nope")
