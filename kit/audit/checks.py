"""The review checks: each past decision against the engine's decision for the same case.

Each row is evaluated once (``evaluate``) and graded once (``grade``, which uses ``check_proposal`` for the fine):
the same grading path as a trainee's answer. What the grade says, and what the table says, go into one pandas
frame, one row per decision; each check in ``CHECKS`` is a vectorised mask over that frame plus a sentence
pair (zh, en) that cites the engine's decision. Read ``CHECKS`` top to bottom: gates first, then deductions."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass
from collections.abc import Callable

import pandas as pd

from ..baselines.library import Library
from ..baselines.vocabulary import Level
from ..engine.decision import Decision
from ..i18n import money, t
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
    case: Any  # a kit.engine Case
    answer: Answer
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


def _both(key: str, **params) -> tuple[str, str]:
    """The message ``audit.finding.<key>`` in Chinese and in English (a finding carries both)."""
    return t(f"audit.finding.{key}", "zh", **params), t(f"audit.finding.{key}", "en", **params)


def _engine(d: Decision) -> tuple[str, str]:
    """The engine's conclusion in a clause: outcome, range, suggested fine, baseline."""
    out = []
    for lang in ("zh", "en"):
        text = t("audit.finding.engine", lang, outcome=d.outcome(lang))
        if d.fine is not None:
            text += t("audit.finding.engine_range", lang, range=d.fine.text(lang))
        if d.suggested_fine is not None:
            text += t("audit.finding.engine_suggested", lang, fine=money(d.suggested_fine, lang))
        if d.baseline:
            text += t("audit.finding.engine_baseline", lang, baseline=d.baseline, version=d.baseline_version)
        out.append(text)
    return out[0], out[1]


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
    zh = t("audit.finding.wrong_matter", "zh", cited=cited.id, other=other.name, own=own.name, engine=ezh)
    en = t("audit.finding.wrong_matter", "en", cited=cited.id, other=other.name_en or other.name,
           own=own.name_en or own.name, engine=een)
    return zh, en


def _reason_missing_text(r: Reviewed, library: Library) -> tuple[str, str]:
    level = Level(r.record.answer.level)
    ezh, een = _engine(r.decision)
    return (t("audit.finding.reason_missing", "zh", level=level.zh, engine=ezh),
            t("audit.finding.reason_missing", "en", level=level.en.capitalize(), engine=een))


def _no_baseline_text(r: Reviewed, library: Library) -> tuple[str, str]:
    d = r.decision
    level = Level(r.record.answer.level)
    return (t("audit.finding.no_baseline", "zh", level=level.zh, baseline=d.baseline, version=d.baseline_version,
              provisions="；".join(d.provisions)),
            t("audit.finding.no_baseline", "en", level=level.en.capitalize(), baseline=d.baseline,
              version=d.baseline_version, provisions="; ".join(d.provisions)))


def _not_in_force_text(r: Reviewed, library: Library) -> tuple[str, str]:
    d, cited = r.decision, r.record.cited
    why_zh = why_en = ""
    for step in d.trace:
        if step.fired and step.rule == "hierarchy.conflict":
            why_zh, why_en = step.text("zh"), " " + step.text("en")
            break
    if d.baseline:
        return (t("audit.finding.not_in_force", "zh", cited=cited, baseline=d.baseline, version=d.baseline_version,
                  why=why_zh),
                t("audit.finding.not_in_force", "en", cited=cited, baseline=d.baseline, version=d.baseline_version,
                  why=why_en))
    return _both("not_yet_in_force", cited=cited)


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
