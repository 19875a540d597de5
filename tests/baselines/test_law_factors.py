"""The factor and fact ids the engine applies the law through are data (kit/baselines/law_factors.yaml): the
engine's source names none of them, and a broken file is refused naming each role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kit.baselines import law_factors
from kit.baselines.law_factors import LAW_FACTORS, parse
from kit.i18n.errors import said

ENGINE = Path(law_factors.__file__).resolve().parents[1] / "engine"
DATA = yaml.safe_load((Path(law_factors.__file__).with_suffix(".yaml")).read_text(encoding="utf-8"))


def _ids() -> set[str]:
    out: set[str] = set()
    for value in (*DATA["factors"].values(), *DATA["facts"].values()):
        out.update(value if isinstance(value, list) else [value])
    return out


def test_the_engine_quotes_no_factor_or_fact_id_of_the_law():
    ids = _ids()
    assert "suspected_crime" in ids and "illegal_gains" in ids
    for path in sorted(ENGINE.glob("*.py")):
        quoted = set(re.findall(r"[\"']([a-z_]+)[\"']", path.read_text(encoding="utf-8")))
        assert not quoted & ids, (path.name, quoted & ids)


def test_the_sample_library_knows_every_factor_the_law_names():
    from kit.baselines import sample_library

    factors = sample_library().factors
    for name in law_factors.ONE + law_factors.ALL_OF:
        value = getattr(LAW_FACTORS, name)
        for factor in value if isinstance(value, tuple) else [value]:
            assert factor in factors or factor == LAW_FACTORS.partial_capacity, factor  # from party.capacity


@pytest.mark.parametrize("data, words", [
    ({"factors": {**DATA["factors"], "serious": ""}, "facts": DATA["facts"]}, "factors.serious: expected an id"),
    ({"factors": {k: v for k, v in DATA["factors"].items() if k != "minor"}, "facts": DATA["facts"]},
     "factors.minor: expected a list of ids"),
    ({"factors": DATA["factors"], "facts": {**DATA["facts"], "gains": "x"}}, "facts.gains: unknown role"),
    ([], "expected a mapping"),
])
def test_a_broken_file_names_the_role(data, words):
    with pytest.raises(ValueError) as err:
        parse(data)
    assert words in said(err.value, "en")
