"""Generate a province-scale decision table (案卷评查表) over the sample library, with planted findings, planted bad
rows and a planted 类案不同罚 pair — for ``bench_audit`` and the tests.

    python -m benchmarks.generate_decisions out.csv --rows 1000000 [--bad 0.01] [--seed 1]

What is planted (and returned by ``generate`` so a caller can check the review):

- a **case profile** is a matter, an authority, the party, facts (amounts rounded as decisions write them) and
  factors; ``PROFILES`` profiles are evaluated with the engine, and each row takes one (as real decisions repeat
  the same facts), with its own case number and dates;
- most rows decide as the engine does (its level, a fine inside the level's range, the baseline cited, reasons
  where the level needs them); ``error_rate`` of them carry one planted defect (a fine outside the range, no
  reasons, no baseline cited);
- the authority ``HIGH`` fines price-marking cases at the top of the range and ``LOW`` at the bottom, every other
  authority in the middle: one 类案不同罚 pair;
- ``bad`` of the rows carry one bad cell each (an ambiguous or two-digit-year date, a future decision date, an
  unknown matter or factor, a fine that is not an amount, an empty or repeated case number)."""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from kit.baselines import sample_library
from kit.engine import Case, evaluate

PROFILES = 2000
HIGH, LOW = "nj-scjg", "nj-gl-scjg"
PAIR_MATTER = "price-marking"
# (matter, authorities deciding it, facts with their range)
MATTERS = [
    ("price-marking", ("js-scjg", "nj-scjg", "nj-gl-scjg"), {"illegal_gains": (100, 50_000)}),
    ("price-government-pricing", ("js-scjg", "nj-scjg"), {"illegal_gains": (1_000, 200_000)}),
    ("pq-adulteration", ("js-scjg", "nj-scjg"), {"goods_value": (1_000, 40_000), "sales_amount": (0, 40_000)}),
    ("scjg-false-registration", ("js-scjg", "nj-scjg"), {}),
    ("food-inspection", ("js-scjg",), {}),
    ("city-flyposting", ("nj-cgj",), {}),
    ("road-overweight", ("js-jtt",), {"excess_weight_kg": (1_500, 60_000)}),
]
FACTORS = [(), (), (), ("cooperative",), ("cooperative",), ("confessed",), ("evidence_destroyed",),
           ("continued_after_order",), ("cooperative", "removed_harm"), ("obstruction",)]
LEVEL_ZH = {"no_penalty": "不予", "mitigated": "减轻", "lenient": "从轻", "standard": "一般", "aggravated": "从重"}
COLUMNS = ["案号", "事项", "执法机关", "违法行为发生日期", "发现日期", "决定日期", "当事人类型", "当事人年龄",
           "事实:illegal_gains", "事实:goods_value", "事实:sales_amount", "事实:excess_weight_kg", "情节", "裁量阶次",
           "罚款", "引用基准", "裁量理由", "批准文号"]
BAD_CELLS = [("违法行为发生日期", "5/10/2025"), ("决定日期", "25/3/1"), ("决定日期", "2099-01-01"),
             ("事项", "price-markng"), ("情节", "very_sorry"), ("罚款", "四千"), ("发现日期", "2025-02-30"),
             ("案号", ""), ("案号", "<repeat>")]


@dataclass
class Planted:
    """What was planted, by spreadsheet row number."""

    rows: int
    bad_rows: set[int] = field(default_factory=set)
    defects: dict[int, str] = field(default_factory=dict)  # row → planted kind


def _round(value: float) -> float:
    """Amounts as decisions write them: two significant figures."""
    if value <= 0:
        return 0.0
    digits = int(np.floor(np.log10(value))) - 1
    return float(round(value, -digits))


def _profiles(library, rng: random.Random, n: int) -> list[dict]:
    out = []
    while len(out) < n:
        matter, authorities, facts = rng.choice(MATTERS)
        authority = rng.choice(authorities)
        values = {k: _round(10 ** rng.uniform(np.log10(max(lo, 1)), np.log10(hi))) for k, (lo, hi) in facts.items()}
        factors = rng.choice(FACTORS)
        person = rng.random() < 0.3
        case = Case(id="P", matter=matter, authority=authority, facts=values, factors=list(factors),
                    dates={"act_start": date(2025, 7, 1), "discovered": date(2025, 7, 20),
                           "decided": date(2025, 8, 30)},
                    party={"kind": "person" if person else "organisation", "age": rng.randint(20, 70) if person
                           else None})
        d = evaluate(library, case)
        if d.transfer or d.level is None or d.level.value not in LEVEL_ZH or d.level.value == "no_penalty":
            continue
        rng_ = d.acceptable.get(d.level) or d.fine
        out.append({"matter": matter, "authority": authority, "facts": values, "factors": "、".join(factors),
                    "kind": "自然人" if person else "单位", "age": case.party.age, "level": LEVEL_ZH[d.level.value],
                    "lo": rng_.lo if rng_ else 0.0, "hi": rng_.hi if rng_ else 0.0, "baseline": d.baseline or "",
                    "reasoned": d.level.value in ("mitigated", "lenient", "aggravated")})
    return out


def generate(path: str | Path, rows: int, *, bad: float = 0.0, error_rate: float = 0.02, seed: int = 1,
             profiles: int = PROFILES, fmt: str | None = None) -> Planted:
    """Write ``rows`` decisions to ``path`` (.csv or .parquet) and return what was planted."""
    library = sample_library()
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    table = _profiles(library, rng, profiles)
    pick = np_rng.integers(0, len(table), rows)
    prof = pd.DataFrame(table).iloc[pick].reset_index(drop=True)
    act = pd.Timestamp("2025-06-05") + pd.to_timedelta(np_rng.integers(0, 150, rows), unit="D")
    found = act + pd.to_timedelta(np_rng.integers(0, 60, rows), unit="D")
    decided = found + pd.to_timedelta(np_rng.integers(1, 60, rows), unit="D")
    tendency = np.where(prof["authority"] == HIGH, 0.95, np.where(prof["authority"] == LOW, 0.05, 0.5))
    tendency = np.where(prof["matter"] == PAIR_MATTER, tendency, 0.5)
    position = np.clip(tendency + np_rng.choice([-0.05, 0.0, 0.05], rows), 0, 1)
    fine = (prof["lo"] + position * (prof["hi"] - prof["lo"])).round(-1)
    fine = np.clip(fine, prof["lo"].apply(np.ceil), prof["hi"].apply(np.floor))
    frame = pd.DataFrame({
        "案号": [f"苏评罚〔2025〕{i + 1}号" for i in range(rows)], "事项": prof["matter"], "执法机关": prof["authority"],
        "违法行为发生日期": act.strftime("%Y-%m-%d"), "发现日期": found.strftime("%Y/%m/%d"),
        "决定日期": [f"{d.year}年{d.month}月{d.day}日" for d in decided], "当事人类型": prof["kind"],
        "当事人年龄": prof["age"].map(lambda a: "" if pd.isna(a) else str(int(a))),
    })
    for fact in ("illegal_gains", "goods_value", "sales_amount", "excess_weight_kg"):
        frame[f"事实:{fact}"] = prof["facts"].map(lambda f, fact=fact: "" if fact not in f else f"{f[fact]:g}")
    frame["情节"] = prof["factors"]
    frame["裁量阶次"] = prof["level"]
    frame["罚款"] = fine.map(lambda v: f"{v:g}")
    frame["引用基准"] = prof["baseline"]
    frame["裁量理由"] = np.where(prof["reasoned"], "依基准认定的情节作出", "")
    frame["批准文号"] = ""
    planted = Planted(rows)
    defects = np_rng.random(rows) < error_rate
    kinds = np_rng.integers(0, 3, rows)
    for i in np.flatnonzero(defects):
        row = int(i) + 2
        kind = int(kinds[i])
        if kind == 0:
            frame.at[i, "罚款"] = f"{prof.at[i, 'hi'] * 1.0 + 10:g}" if prof.at[i, "hi"] else "100"
            planted.defects[row] = "fine"
        elif kind == 1 and prof.at[i, "reasoned"]:
            frame.at[i, "裁量理由"] = ""
            planted.defects[row] = "reason_missing"
        else:
            frame.at[i, "引用基准"] = ""
            planted.defects[row] = "no_baseline_cited"
    if bad:
        for i in np.flatnonzero(np_rng.random(rows) < bad):
            column, cell = BAD_CELLS[int(np_rng.integers(0, len(BAD_CELLS)))]
            if i == 0:
                continue  # the first row stays good: a repeated case number repeats it
            if cell == "<repeat>":
                cell = frame.at[0, "案号"]
            frame.at[i, column] = cell
            planted.bad_rows.add(int(i) + 2)
            planted.defects.pop(int(i) + 2, None)
    path = Path(path)
    if (fmt or path.suffix.lstrip(".")) == "parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False, encoding="utf-8")
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--bad", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    planted = generate(args.out, args.rows, bad=args.bad, seed=args.seed)
    print(f"{args.out}: {planted.rows} rows, {len(planted.bad_rows)} bad, {len(planted.defects)} planted defects")


if __name__ == "__main__":
    main()
