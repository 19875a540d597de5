"""A decision made exactly as the engine suggests (its level and suggested fine, the baseline in force cited,
reasons given) has no findings: generated cases over the sample library."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from kit.audit import COLUMNS, audit
from kit.engine import Case, evaluate

# (matter, authority, facts): cases whose baseline computes a suggested fine
MATTERS = [
    ("price-marking", "js-scjg", {"illegal_gains": (100, 50000)}),
    ("price-government-pricing", "js-scjg", {"illegal_gains": (1000, 200000)}),
    ("pq-adulteration", "js-scjg", {"goods_value": (1000, 40000), "sales_amount": (0, 40000)}),
    ("city-flyposting", "nj-cgj", {}),
    ("scjg-false-registration", "js-scjg", {}),
    ("scjg-false-registration", "nj-scjg", {}),
    ("food-inspection", "js-scjg", {}),
    ("road-overweight", "js-jtt", {"excess_weight_kg": (1500, 80000)}),
    ("scjg-change-registration", "js-scjg", {}),
]
FACTORS = ["cooperative", "evidence_destroyed", "continued_after_order", "removed_harm", "first_violation",
           "minor_harm", "corrected_promptly", "confessed", "obstruction"]
LEVEL_ZH = {"no_penalty": "不予", "mitigated": "减轻", "lenient": "从轻", "standard": "一般", "aggravated": "从重"}


@st.composite
def cases(draw):
    matter, authority, facts = draw(st.sampled_from(MATTERS))
    values = {name: draw(st.integers(lo, hi)) for name, (lo, hi) in facts.items()}
    factors = draw(st.lists(st.sampled_from(FACTORS), unique=True, max_size=3))
    act = date(2025, 3, 1) + timedelta(days=draw(st.integers(0, 200)))
    discovered = act + timedelta(days=draw(st.integers(0, 60)))
    decided = discovered + timedelta(days=draw(st.integers(0, 60)))
    person = draw(st.booleans())
    age = draw(st.integers(14, 80)) if person else None
    return Case(id="H1", matter=matter, authority=authority, facts=values, factors=factors,
                dates={"act_start": act, "discovered": discovered, "decided": decided},
                party={"kind": "person" if person else "organisation", "age": age})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases())
def test_decision_as_the_engine_suggests_has_no_findings(library, tmp_path_factory, case):
    decision = evaluate(library, case)
    if decision.transfer:
        level, fine = "移送", ""
    else:
        level = LEVEL_ZH[decision.level.value]
        fine = "" if decision.suggested_fine is None else f"{decision.suggested_fine:g}"
    d = case.dates
    row = {"案号": case.id, "事项": case.matter, "执法机关": case.authority,
           "违法行为发生日期": d.act_start.isoformat(), "发现日期": d.discovered.isoformat(),
           "决定日期": d.decided.isoformat(), "当事人类型": "自然人" if case.party.kind == "person" else "单位",
           "当事人年龄": "" if case.party.age is None else str(case.party.age),
           "情节": "、".join(case.factors), "裁量阶次": level, "罚款": fine,
           "引用基准": decision.baseline or "", "裁量理由": "依基准认定的情节作出", "批准文号": ""}
    row.update({f"事实:{k}": f"{v:g}" for k, v in case.facts.items()})
    path = tmp_path_factory.mktemp("h") / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    report = audit(path, library, workers=1)
    assert report.n_findings == 0, (decision.summary(), report.findings_frame()["finding"].tolist())
    assert (report.n_reviewed, report.n_rejected, report.mean_score) == (1, 0, 100)
    assert {c.zh for c in COLUMNS if c.required} <= set(row)
