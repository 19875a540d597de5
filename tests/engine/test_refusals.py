"""Inputs the engine must refuse (issue 9, point 11): each bad input, fed to ``evaluate()`` and to
``kit evaluate``, gets a ``CaseError`` / a located message naming the field, never a traceback."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kit.baselines import sample_library
from kit.engine import Case, CaseError, evaluate

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "kit"
LIBRARY = sample_library()

OVERWEIGHT = {"id": "bad", "matter": "road-overweight", "authority": "js-jtt",
              "dates": {"act_start": "2025-03-05", "discovered": "2025-03-05"}, "facts": {"excess_weight_kg": 8000}}
TRUCK = {"id": "bad", "matter": "traffic-truck-overload", "authority": "js-gat",
         "dates": {"act_start": "2025-03-05", "discovered": "2025-03-05"}, "facts": {"overload_ratio": 0.2}}


def changed(base: dict, **changes) -> dict:
    data = yaml.safe_load(yaml.safe_dump(base))
    for dotted_key, value in changes.items():
        node = data
        *parents, last = dotted_key.split("__")
        for p in parents:
            node = node.setdefault(p, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return data


# (name, the case data, the dotted field the message must name, a word of the problem)
BAD = [
    ("per-unit fact missing", changed(OVERWEIGHT, facts={}), "facts.excess_weight_kg", "missing fact"),
    ("tier fact missing", changed(TRUCK, facts={}), "facts.overload_ratio", "missing fact"),
    ("negative amount", changed(OVERWEIGHT, facts={"excess_weight_kg": -1000}), "facts.excess_weight_kg", "negative"),
    ("NaN", changed(OVERWEIGHT, facts={"excess_weight_kg": math.nan}), "facts.excess_weight_kg", "not a number"),
    ("infinity", changed(OVERWEIGHT, facts={"excess_weight_kg": math.inf}), "facts.excess_weight_kg", "infinite"),
    ("absurd magnitude", changed(OVERWEIGHT, facts={"excess_weight_kg": 1e300}), "facts.excess_weight_kg", "absurd"),
    ("discovered before the act", changed(OVERWEIGHT, dates__discovered="2025-01-01"), "dates.discovered", "before"),
    ("act ends before it starts", changed(OVERWEIGHT, dates__act_end="2025-01-01"), "dates.act_end", "before"),
    ("decided before discovered", changed(OVERWEIGHT, dates__discovered="2025-04-01", dates__decided="2025-03-20"),
     "dates.decided", "before discovered"),
    ("unknown factor", changed(OVERWEIGHT, factors={"no_such_factor": True}), "factors.no_such_factor",
     "unknown factor"),
    ("unknown fact", changed(OVERWEIGHT, facts={"excess_weight_kg": 8000, "weight": 3}), "facts.weight", "unknown fact"),
    ("baseline of another matter", changed(OVERWEIGHT, baseline="nj-cgj-flyposting"), "baseline", "another matter"),
    ("unknown matter", changed(OVERWEIGHT, matter="no-such-matter"), "matter", "unknown matter"),
    ("typed repeat the history contradicts", changed(OVERWEIGHT, factors={"repeat_violation": True}, history=[]),
     "factors.repeat_violation", "contradicts the party's history"),
    ("earlier penalty after the act", changed(OVERWEIGHT, history=[{"date": "2025-04-01", "matter": "road-overweight"}]),
     "history[0].date", "not an earlier penalty"),
]


@pytest.mark.parametrize("name, data, field, problem", BAD, ids=[b[0] for b in BAD])
def test_evaluate_raises_case_error_naming_the_field(name, data, field, problem):
    case = Case.model_validate(data)
    with pytest.raises(CaseError) as caught:
        evaluate(LIBRARY, case)
    assert isinstance(caught.value, ValueError)
    english = caught.value.report("en")
    assert f"{field}:" in english and problem in english
    assert f"{field}:" in str(caught.value) and problem not in str(caught.value)  # the default is Chinese


@pytest.mark.parametrize("name, data, field, problem", BAD, ids=[b[0] for b in BAD])
def test_kit_evaluate_prints_the_same_located_message(tmp_path, name, data, field, problem):
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"cases": [data]}, allow_unicode=True), encoding="utf-8")
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "kit"]
    result = subprocess.run([*command, "evaluate", str(path), "--lang", "en"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = next(x for x in result.stderr.splitlines() if f"cases[0].{field}:" in x)
    assert line.startswith(f"{path}:") and problem in line
    if name not in ("unknown matter",):  # the engine's words, as evaluate() raised them, placed in the file
        try:
            evaluate(LIBRARY, Case.model_validate(data))
        except CaseError as error:
            words = next(x for x in error.report("en").splitlines() if f" {field}:" in x).split(f" {field}: ", 1)[1]
            assert line.endswith(words)


def test_every_problem_is_reported_at_once():
    data = changed(OVERWEIGHT, facts={"excess_weight_kg": -1}, factors={"nope": True}, dates__discovered="2020-01-01")
    with pytest.raises(CaseError) as caught:
        evaluate(LIBRARY, Case.model_validate(data))
    fields = {".".join(map(str, loc)) for loc, *_ in caught.value.problems}
    assert fields == {"facts.excess_weight_kg", "factors.nope", "dates.discovered"}


def test_a_good_case_still_evaluates():
    assert evaluate(LIBRARY, Case.model_validate(OVERWEIGHT)).fine.lo == 4000
