"""Every model writes its ``repr`` through one ``Base.__repr__`` from the columns it names."""

from __future__ import annotations

from kit.store import Base, Round, Submission, Workshop
from kit.store.drill_models import DrillReview
from kit.store.models import Participant


def test_repr_shows_the_named_columns_in_order():
    assert repr(Workshop(code="AB12", title="培训")) == "Workshop(code='AB12', title='培训')"
    assert repr(Round(number=2, case_id="c-1", status="open")) == "Round(number=2, case_id='c-1', status='open')"
    assert repr(Submission(participant="p", level="lenient", fine=None)) == (
        "Submission(participant='p', level='lenient', fine=None)")
    assert repr(Participant(name="王")) == "Participant(name='王')"


def test_a_model_naming_no_columns_keeps_the_default_repr():
    review = DrillReview(officer="o")
    assert repr(review) == object.__repr__(review)


def test_every_named_column_is_a_column_of_its_table():
    for mapper in Base.registry.mappers:
        model = mapper.class_
        assert set(model.repr_columns) <= set(model.__table__.columns.keys()), model
