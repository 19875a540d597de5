"""``review_chunk``: the one function every path runs on a chunk of raw rows — in this process, in a pool of
worker processes, or on Dask workers — and whose results combine by concatenation and sums (``Part``).

Steps, in order: validate every cell (bad rows set aside with their problems) → key each good row's case and
answer (``distinct``) → evaluate each distinct case once and review each distinct answer once, through
``kit.engine.evaluate`` and ``kit.grading.grade`` (cached in the process across chunks) → map the results back
onto the rows: aggregates per authority and matter, the rows with findings (with their facts, factors, reasons
and approval), and each fine's place in its range for the consistency review."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..baselines.library import Library
from ..baselines.vocabulary import Level
from ..engine import Case, evaluate
from ..grading.answer import Answer
from .checks import DecisionRecord, Reviewed, find_indexed, review_record
from .columns import Problem
from .distinct import answer_columns, boundaries, case_columns, hash_rows
from .rubric import RULES, score
from .read import EXTRA, tidy
from .validate import Context, validate

KIND_BIT = {rule.kind: 1 << i for i, rule in enumerate(RULES)}
PENALTY = {Level.mitigated.value, Level.lenient.value, Level.standard.value, Level.aggravated.value}


@dataclass(frozen=True)
class Task:
    """What a worker needs besides the rows: the library and the table's context (picklable)."""

    library: Library
    ctx: Context
    token: str  # identifies the library and table, to key the worker's cache


@dataclass
class Outcome:
    """The review of one distinct (case, answer): what every row sharing it inherits."""

    kinds: int
    score: float
    failed: bool
    texts: dict[str, tuple[str, str]]
    engine: dict  # outcome zh/en, range zh/en, suggested, baseline
    group: str | None  # the consistency group, or None when the fine is not compared
    position: float  # the fine's place in the engine's range (0 = bottom, 1 = top), NaN when not compared


@dataclass
class Part:
    """A chunk's results; ``combine`` adds parts up in table order."""

    rows_in: int = 0
    rejected: list[pd.DataFrame] = field(default_factory=list)  # raw cells of bad rows (index: row)
    problems: list[Problem] = field(default_factory=list)
    totals: list[pd.DataFrame] = field(default_factory=list)  # per authority × matter
    findings: list[pd.DataFrame] = field(default_factory=list)  # rows with findings
    fines: list[pd.DataFrame] = field(default_factory=list)  # group, authority, position, fine, row, case_no
    outcomes: dict[int, Outcome] = field(default_factory=dict)  # answer key → outcome (of the rows kept)
    evaluations: int = 0  # distinct cases evaluated by the engine

    def add(self, other: Part) -> None:
        self.rows_in += other.rows_in
        self.evaluations += other.evaluations
        for name in ("rejected", "problems", "totals", "findings", "fines"):
            getattr(self, name).extend(getattr(other, name))
        self.outcomes.update(other.outcomes)


_CACHES: dict[str, tuple[np.ndarray, dict, dict]] = {}


def _cache(task: Task) -> tuple[np.ndarray, dict, dict]:
    if task.token not in _CACHES:
        _CACHES.clear()
        _CACHES[task.token] = (boundaries(task.library), {}, {})
    return _CACHES[task.token]


def _case(rep: dict, ctx: Context) -> Case:
    def day(key):
        value = rep[key]
        return None if pd.isna(value) else value.date()

    return Case.model_validate({
        "id": rep["case_no"], "matter": rep["matter"], "authority": rep["authority"],
        "dates": {k: day(k) for k in ("act_start", "act_end", "discovered", "decided")},
        "party": {"kind": rep["party_kind"], "age": None if pd.isna(rep["party_age"]) else int(rep["party_age"])},
        "facts": {f: float(rep[f"fact:{f}"]) for f in ctx.facts if not pd.isna(rep[f"fact:{f}"])},
        "factors": dict(rep["factors"]),
    })


def band(value: float) -> str:
    """The band of a fact: powers of two (… 1,024–2,047, 2,048–4,095 …); 0 and empty have their own."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return "0" if value <= 0 else str(math.floor(math.log2(value)))


def _group(rep: dict, ctx: Context, decision, answer: Answer) -> tuple[str | None, float]:
    level = decision.level.value if decision.level is not None and not decision.transfer else None
    if level not in PENALTY or answer.level != level or not answer.fine:
        return None, math.nan
    fine_range = decision.acceptable.get(decision.level) or decision.fine
    if fine_range is None or not fine_range.hi > fine_range.lo:
        return None, math.nan
    facts = ",".join(f"{f}:{band(rep[f'fact:{f}'])}" for f in ctx.facts if f in ctx.matter_facts[rep["matter"]])
    factors = ",".join(name for name, _ in rep["factors"])
    group = f"{rep['matter']}|{level}|{decision.tier if decision.tier is not None else ''}|{factors}|{facts}"
    return group, (answer.fine - fine_range.lo) / (fine_range.hi - fine_range.lo)


def _engine(decision) -> dict:
    return {"outcome_zh": decision.outcome("zh"), "outcome_en": decision.outcome("en"),
            "range_zh": decision.fine.text("zh") if decision.fine else "",
            "range_en": decision.fine.text("en") if decision.fine else "",
            "suggested": decision.suggested_fine, "baseline": decision.baseline or ""}


def review_chunk(chunk: pd.DataFrame, duplicates: dict[int, int], task: Task) -> Part:
    """Review one chunk of raw rows (see the module's docstring)."""
    library, ctx = task.library, task.ctx
    edges, decisions, outcomes = _cache(task)
    chunk = tidy(chunk)
    part = Part(rows_in=len(chunk))
    good, problems = validate(chunk, ctx, duplicates)
    if problems:
        part.problems = list(problems)
        part.rejected = [chunk.loc[sorted({p.row for p in problems})].drop(columns=EXTRA, errors="ignore")]
    if good.empty:
        return part
    case_key = hash_rows(case_columns(good, ctx.facts, edges))
    good, case_key = _evaluate_new(part, chunk, good, case_key, task, decisions)
    if good.empty:
        return part
    answers = answer_columns(good)
    answers["case"] = case_key
    answer_key = hash_rows(answers)
    firsts = pd.Series(np.arange(len(good)), index=answer_key)
    firsts = firsts[~firsts.index.duplicated()]
    new = [(k, i) for k, i in firsts.items() if k not in outcomes]
    reps: list[tuple[int, Reviewed, dict]] = []
    records = good.iloc[[i for _, i in new]].reset_index(names="_row").to_dict("records") if new else []
    for (key, i), rep in zip(new, records, strict=False):
        decision = decisions[int(case_key[i])]
        fine = rep["fine"]
        answer = Answer(case_id=decision.case_id, level=rep["level"], fine=None if pd.isna(fine) else float(fine),
                        reason=rep["reason"] or None, approval=rep["approval"] or None)
        record = DecisionRecord(ctx.file, int(rep["_row"]), _case_stub(decision.case_id, rep), answer,
                                rep["cited"] or None)
        reps.append((key, review_record(record, decision), rep))
    if reps:
        by_rep: dict[int, dict[str, tuple[str, str]]] = {}
        for i, f in find_indexed([r for _, r, _ in reps], library):
            by_rep.setdefault(i, {})[f.kind] = (f.zh, f.en)
        for i, (key, reviewed, rep) in enumerate(reps):
            texts = by_rep.get(i, {})
            points, failed = score(list(texts))
            group, position = _group(rep, ctx, reviewed.decision, reviewed.record.answer)
            outcomes[key] = Outcome(sum(KIND_BIT[k] for k in texts), points, failed, texts,
                                    _engine(reviewed.decision), group, position)
    _rows(part, good, answer_key, outcomes, ctx)
    return part


def _evaluate_new(part: Part, chunk: pd.DataFrame, good: pd.DataFrame, case_key: np.ndarray, task: Task,
                  decisions: dict) -> tuple[pd.DataFrame, np.ndarray]:
    """Evaluate each case not seen before, once; a case the engine cannot evaluate rejects its rows (located)."""
    firsts = pd.Series(np.arange(len(good)), index=case_key)
    firsts = firsts[~firsts.index.duplicated()]
    new = [(int(k), i) for k, i in firsts.items() if int(k) not in decisions]
    records = good.iloc[[i for _, i in new]].to_dict("records") if new else []
    failed: dict[int, str] = {}
    for (key, _), rep in zip(new, records, strict=False):
        try:
            decisions[key] = evaluate(task.library, _case(rep, task.ctx))
            part.evaluations += 1
        except Exception as exc:  # the engine's refusal becomes the row's located problem, never a traceback
            failed[key] = f"{type(exc).__name__}: {str(exc)[:200]}"
    if not failed:
        return good, case_key
    bad = np.isin(case_key, list(failed))
    rows = good.index[bad]
    for row, key in zip(rows, case_key[bad], strict=False):
        part.problems.append(task.ctx.problem(row, "matter", "engine", found=failed[int(key)]))
    part.rejected = [pd.concat([*part.rejected, chunk.loc[rows].drop(columns=EXTRA, errors="ignore")]).sort_index()]
    return good[~bad], case_key[~bad]


def _case_stub(case_id: str, rep: dict):
    """The record's case for the checks: they read its id, matter and authority (the rest is the decision's)."""
    from types import SimpleNamespace

    return SimpleNamespace(id=case_id, matter=rep["matter"], authority=rep["authority"])


def _rows(part: Part, good: pd.DataFrame, answer_key: np.ndarray, outcomes: dict[int, Outcome], ctx: Context):
    keys = pd.unique(answer_key)
    table = pd.DataFrame({"kinds": [outcomes[k].kinds for k in keys], "score": [outcomes[k].score for k in keys],
                          "failed": [outcomes[k].failed for k in keys], "group": [outcomes[k].group for k in keys],
                          "position": [outcomes[k].position for k in keys]}, index=keys)
    per_row = table.reindex(answer_key)
    per_row.index = good.index
    rows = pd.DataFrame({"authority": good["authority"], "matter": good["matter"], "score": per_row["score"],
                         "failed": per_row["failed"].astype(int), "kinds": per_row["kinds"]}, index=good.index)
    rows["files"] = 1
    rows["with_findings"] = (rows["kinds"] != 0).astype(int)
    for rule in RULES:
        rows[rule.kind] = ((rows["kinds"] & KIND_BIT[rule.kind]) != 0).astype(int)
    part.totals.append(rows.drop(columns="kinds").groupby(["authority", "matter"]).sum())
    hit = rows["kinds"] != 0
    if hit.any():
        g = good[hit]
        facts = pd.Series("", index=g.index)
        for fact in ctx.facts:
            value = g[f"fact:{fact}"]
            facts = facts + np.where(value.notna(), fact + "=" + value.map("{:g}".format, na_action="ignore")
                                     .fillna("") + "; ", "")
        part.findings.append(pd.DataFrame({
            "row": g.index, "case_no": g["case_no"], "authority": g["authority"], "matter": g["matter"],
            "level": g["level"], "fine": g["fine"], "cited": g["cited"], "reason": g["reason"],
            "approval": g["approval"], "facts": facts.str.rstrip("; "),
            "factors": g["factors"].map(lambda fs: "、".join(f if v == 1 else f"{f}={v:g}" for f, v in fs)),
            "score": per_row.loc[hit, "score"], "key": answer_key[hit.to_numpy()],
        }).reset_index(drop=True))
        for key in pd.unique(answer_key[hit.to_numpy()]):
            part.outcomes[key] = outcomes[key]
    compared = per_row["group"].notna()
    if compared.any():
        g = good[compared]
        part.fines.append(pd.DataFrame({
            "group": per_row.loc[compared, "group"].to_numpy(), "authority": g["authority"].to_numpy(),
            "position": per_row.loc[compared, "position"].to_numpy(dtype=float), "fine": g["fine"].to_numpy(),
            "row": g.index.to_numpy(), "case_no": g["case_no"].to_numpy()}))
