"""The review checks: each past decision against the engine's decision for the same case.

Each row is evaluated once (``evaluate``) and graded once (``grade``, which uses ``check_proposal`` for the fine):
the same grading path as a trainee's answer. What the grade says, and what the table says, go into one pandas
frame, one row per decision; each check in ``CHECKS`` is a vectorised mask over that frame plus a sentence
pair (zh, en) that cites the engine's decision. Read ``CHECKS`` top to bottom: gates first, then deductions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from ..baselines.library import Library
from ..baselines.vocabulary import Level
from ..engine.decision import Decision, money
from ..engine.proposal import check_proposal
from ..grading import Marks, grade
from ..grading.answer import Answer
from .rubric import RUBRIC

PENALTY_LEVELS = (Level.mitigated.value, Level.lenient.value, Level.standard.value, Level.aggravated.value)
REASONED_LEVELS = (Level.mitigated.value, Level.lenient.value, Level.aggravated.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect of one file: its kind (a rule of the rubric), the points it costs and why, in zh and en."""

    case_no: str
    row: int
    kind: str
    zh: str
    en: str

    @property
    def severity(self) -> str:
        return RUBRIC[self.kind].severity

    @property
    def points(self) -> float:
        return RUBRIC[self.kind].points

    def reason(self, lang: str = "zh") -> str:
        return {"zh": self.zh, "en": self.en}[lang]

    def to_dict(self) -> dict:
        return {"case_no": self.case_no, "row": self.row, "kind": self.kind, "severity": self.severity,
                "points": self.points, "zh": self.zh, "en": self.en}


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One past decision as the checks read it: where it is (file, row), the case (its ``id``, ``matter`` and
    ``authority``), the decision as made read as an ``Answer``, and the baseline the decision cites."""

    file: str
    row: int
    case: object
    answer: "Answer"
    cited: str | None

    @property
    def case_no(self) -> str:
        return self.case.id


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One decision under review: the record, the engine's decision and the marks of the decision as made."""

    record: DecisionRecord
    decision: Decision
    marks: Marks
    fine_lawful: bool


def review_record(record: DecisionRecord, decision: Decision) -> Reviewed:
    """Grade the decision as made against the engine's decision (one grading path: ``grade``)."""
    answer = record.answer
    marks = grade(answer, decision)
    amount = answer.fine or 0.0
    if decision.transfer or decision.level is None:
        lawful = not amount
    else:
        chosen = answer.as_level
        level = chosen if chosen in decision.acceptable else decision.level
        lawful = check_proposal(decision, level, amount, reason=answer.reason, approval=answer.approval).lawful
    return Reviewed(record, decision, marks, lawful)


def frame(reviewed: list[Reviewed], library: Library) -> pd.DataFrame:
    """What the checks read: one row per decision (index: its position in ``reviewed``)."""
    rows = []
    for r in reviewed:
        rec, d, answer = r.record, r.decision, r.record.answer
        cited = library.baselines.get(rec.cited) if rec.cited else None
        rows.append({
            "level": answer.level, "fine": answer.fine or 0.0, "has_reason": bool(answer.reason),
            "has_approval": bool(answer.approval), "cited": rec.cited or "", "matter": rec.case.matter,
            "cited_matter": cited.matter if cited else "", "engine_transfer": d.transfer,
            "engine_barred": d.time_barred or d.acceptable_levels == (Level.no_penalty,),
            "engine_baseline": d.baseline or "", "outcome": r.marks.part("outcome").status,
            "fine_status": r.marks.part("fine").status, "fine_lawful": r.fine_lawful,
        })
    return pd.DataFrame(rows, index=range(len(reviewed)))


# ---- the masks ---------------------------------------------------------------------------------------------

def _penalty(f: pd.DataFrame) -> pd.Series:
    return f["level"].isin(PENALTY_LEVELS)


def _missed_transfer(f):
    return f["engine_transfer"] & (f["level"] != "transfer")


def _penalty_barred(f):
    no_penalty_with_fine = (f["level"] == Level.no_penalty.value) & (f["fine"] > 0)
    return ~f["engine_transfer"] & f["engine_barred"] & (_penalty(f) | no_penalty_with_fine)


def _wrong_matter(f):
    return (f["cited_matter"] != "") & (f["cited_matter"] != f["matter"])


def _gate(f):
    return _missed_transfer(f) | _penalty_barred(f) | _wrong_matter(f)


def _level_departure(f):
    return ~_gate(f) & (f["outcome"] == "wrong")


def _fine_departure(f):
    return ~_gate(f) & (f["fine_status"] == "wrong")


def _reason_only(f):
    return f["has_reason"] & ~f["has_approval"]


def _level_not_lawful(f):
    return _level_departure(f) & ~(_reason_only(f) & (f["level"] != "transfer"))


def _fine_unlawful(f):
    return _fine_departure(f) & ~f["fine_lawful"]


def _fine_outside_range(f):
    return _fine_departure(f) & f["fine_lawful"] & ~_level_departure(f) & ~_reason_only(f)


def _no_approval(f):
    level = _level_departure(f) & _reason_only(f) & (f["level"] != "transfer")
    fine = _fine_departure(f) & f["fine_lawful"] & ~_level_departure(f) & _reason_only(f)
    return level | fine


def _reason_missing(f):
    return f["level"].isin(REASONED_LEVELS) & ~f["has_reason"]


def _no_baseline_cited(f):
    return _penalty(f) & (f["cited"] == "") & (f["engine_baseline"] != "")


def _baseline_not_in_force(f):
    return (f["cited"] != "") & ~_wrong_matter(f) & (f["cited"] != f["engine_baseline"])


# ---- the sentences -----------------------------------------------------------------------------------------

Text = Callable[[Reviewed, Library], tuple[str, str]]


def _engine(d: Decision) -> tuple[str, str]:
    """The engine's conclusion in a clause: outcome, range, suggested fine, baseline."""
    zh, en = f"引擎结论：{d.outcome('zh')}", f"engine: {d.outcome('en')}"
    if d.fine is not None:
        zh += f"，幅度{d.fine.text('zh')}"
        en += f", range {d.fine.text('en')}"
    if d.suggested_fine is not None:
        zh += f"，建议{money(d.suggested_fine)}元"
        en += f", suggested {money(d.suggested_fine)}"
    if d.baseline:
        zh += f"（{d.baseline}，{d.baseline_version}）"
        en += f" ({d.baseline}, {d.baseline_version})"
    return zh, en


def _part(name: str) -> Text:
    def text(r: Reviewed, library: Library) -> tuple[str, str]:
        part = r.marks.part(name)
        return part.zh, part.en
    return text


def _barred_text(r: Reviewed, library: Library) -> tuple[str, str]:
    part = r.marks.part("outcome")
    if part.right:
        part = r.marks.part("fine")
    return part.zh, part.en


def _wrong_matter_text(r: Reviewed, library: Library) -> tuple[str, str]:
    cited = library.baselines[r.record.cited]
    own, other = library.matters[r.record.case.matter], library.matters[cited.matter]
    ezh, een = _engine(r.decision)
    return (f"引用的基准{cited.id}属于“{other.name}”，本案违法行为为“{own.name}”，适用依据错误；{ezh}。",
            f"The baseline cited, {cited.id}, is for '{other.name_en or other.name}', but the act is "
            f"'{own.name_en or own.name}': wrong law; {een}.")


def _reason_missing_text(r: Reviewed, library: Library) -> tuple[str, str]:
    level = Level(r.record.answer.level)
    ezh, een = _engine(r.decision)
    return (f"作出“{level.zh}”但未说明裁量理由（从轻、从重、减轻须载明理由及其与结果的关联）；{ezh}。",
            f"{level.en.capitalize()} without stated reasons (从轻/从重/减轻 must state why); {een}.")


def _no_baseline_text(r: Reviewed, library: Library) -> tuple[str, str]:
    d = r.decision
    level = Level(r.record.answer.level)
    return (f"作出“{level.zh}”但未引用裁量基准；本案适用{d.baseline}（{d.baseline_version}），处罚依据"
            f"{'；'.join(d.provisions)}。",
            f"{level.en.capitalize()} decided without citing a baseline; {d.baseline} ({d.baseline_version}) "
            f"applies, under {'; '.join(d.provisions)}.")


def _not_in_force_text(r: Reviewed, library: Library) -> tuple[str, str]:
    d, cited = r.decision, r.record.cited
    why_zh = why_en = ""
    for step in d.trace:
        if step.fired and step.rule == "hierarchy.conflict":
            why_zh, why_en = step.zh, " " + step.en
            break
    if d.baseline:
        return (f"引用的{cited}不是本案适用的基准；按执法机关层级和违法行为发生时间，适用{d.baseline}"
                f"（{d.baseline_version}）。{why_zh}",
                f"The baseline cited, {cited}, is not the one that applies; by the authority's chain and the date "
                f"of the act, {d.baseline} ({d.baseline_version}) applies.{why_en}")
    return (f"引用的{cited}在违法行为发生时尚未施行，本案无适用的裁量基准，按法定幅度。",
            f"The baseline cited, {cited}, was not in force at the time of the act; no baseline applies.")


@dataclass(frozen=True, slots=True)
class Check:
    kind: str
    mask: Callable[[pd.DataFrame], pd.Series]
    text: Text


CHECKS: tuple[Check, ...] = (
    Check("missed_transfer", _missed_transfer, _part("outcome")),        # Art. 27
    Check("wrong_matter", _wrong_matter, _wrong_matter_text),
    Check("penalty_barred", _penalty_barred, _barred_text),              # Arts. 30, 31, 33, 36
    Check("level_not_lawful", _level_not_lawful, _part("outcome")),
    Check("fine_unlawful", _fine_unlawful, _part("fine")),
    Check("fine_outside_range", _fine_outside_range, _part("fine")),
    Check("no_approval", _no_approval, lambda r, lib: _part(
        "outcome" if r.marks.part("outcome").status == "wrong" else "fine")(r, lib)),
    Check("reason_missing", _reason_missing, _reason_missing_text),
    Check("no_baseline_cited", _no_baseline_cited, _no_baseline_text),
    Check("baseline_not_in_force", _baseline_not_in_force, _not_in_force_text),
)
"""Every check, in the rubric's order; each kind appears at most once per file."""


def find(reviewed: list[Reviewed], library: Library) -> list[Finding]:
    """Every finding of every decision, file by file in table order, then in the order of ``CHECKS``."""
    return [f for _, f in find_indexed(reviewed, library)]


def find_indexed(reviewed: list[Reviewed], library: Library) -> list[tuple[int, Finding]]:
    """``find``, each finding with the position in ``reviewed`` of the decision it is about."""
    if not reviewed:
        return []
    f = frame(reviewed, library)
    hits = pd.DataFrame({c.kind: c.mask(f).astype(bool) for c in CHECKS})
    texts = {c.kind: c.text for c in CHECKS}
    findings: list[tuple[int, Finding]] = []
    for i, kind in hits.stack()[lambda s: s].index:
        r = reviewed[i]
        zh, en = texts[kind](r, library)
        findings.append((i, Finding(r.record.case_no, r.record.row, kind, zh, en)))
    return findings
