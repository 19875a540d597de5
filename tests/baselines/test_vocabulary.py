"""The vocabularies' labels are catalog entries: one per member, none stray, both languages."""

from __future__ import annotations

import pytest

from kit.baselines import vocabulary
from kit.baselines.vocabulary import Labelled, Level, PenaltyType, StatuteLevel
from kit.i18n import catalog
from kit.i18n.errors import said

VOCABULARIES = Labelled.__subclasses__()


def test_the_vocabularies_are_found():
    assert {v.__name__ for v in VOCABULARIES} == {"Level", "AuthorityLevel", "FactorKind", "Direction",
                                                   "ValueType", "PenaltyType", "StatuteLevel"}
    assert all(getattr(vocabulary, v.__name__) is v for v in VOCABULARIES)


def test_every_member_has_its_entry_and_no_entry_is_stray():
    wanted = {f"vocabulary.{v.__name__}.{m.value}" for v in VOCABULARIES for m in v}
    assert set(catalog().keys("vocabulary.")) == wanted


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda v: v.__name__)
def test_labels_in_both_languages_and_distinct(vocab):
    for lang in ("zh", "en"):
        labels = [m.label(lang) for m in vocab]
        assert len(set(labels)) == len(labels), labels  # no two members named alike
    assert all(m.zh == m.label("zh") and m.en == m.label("en") and m.label() == m.zh for m in vocab)


def test_the_labels_read_as_before():
    assert (Level.lenient.zh, Level.lenient.en) == ("从轻处罚", "lenient")
    assert PenaltyType.ban.label("en") == "ban from the trade"
    assert StatuteLevel.local_rule.zh == "地方政府规章"
    assert [m.value for m in Level] == ["no_penalty", "mitigated", "lenient", "standard", "aggravated"]
    assert [Level.parse(s) for s in ("从轻", "从轻处罚", "lenient", " no penalty ")] == [
        Level.lenient, Level.lenient, Level.lenient, Level.no_penalty]
    with pytest.raises(ValueError, match="之一.*而不是 '轻'") as err:  # a Refusal: the reason in the catalog's words
        Level.parse("轻")
    assert said(err.value, "en").startswith("one of 不予, 减轻") and said(err.value, "en").endswith("not '轻'")
