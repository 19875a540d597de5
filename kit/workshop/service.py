"""The workshop as plain functions over a SQLAlchemy ``Session`` (kit.store): no widgets, no browser.

A round's case is ``generate(template, library, trainee_id=<workshop code>, seed=seed)``: everyone in the room
sees the same case, and the store keeps only the template id and the seed (the case and its decision are
regenerated, deterministically, whenever they are needed). Answers are ``kit.grading.Answer`` and are graded
with the one ``kit.grading.grade``. The functions flush but do not commit: the caller owns the transaction."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..baselines import Library, sample_library
from ..baselines.vocabulary import Level
from ..engine.decision import Decision
from ..grading import TRANSFER, Answer, Marks, grade
from ..scenarios import Scenario, Template, builtin_templates, generate
from ..store import Round, Submission, Workshop
from ..store.models import utcnow

LEVEL_ORDER: tuple[str, ...] = (*(lv.value for lv in Level), TRANSFER)
"""The rows of ``spread``: the level keys from 不予处罚 to 从重处罚, then 移送."""

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on phones
CODE_LENGTH = 6


class WorkshopError(ValueError):
    """A mistake a trainer or a participant can fix, said in Chinese and English."""

    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en
        super().__init__(f"{zh} / {en}")

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


def level_label(key: str, lang: str = "zh") -> str:
    if key == TRANSFER:
        return "移送司法机关" if lang == "zh" else "transfer"
    return Level(key).label(lang)


# ---- the library and the cases ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _sample() -> Library:
    return sample_library()


_TEMPLATES: dict[int, tuple[Library, dict[str, Template]]] = {}


def _templates(library: Library) -> dict[str, Template]:
    """The built-in templates checked against ``library`` (kept per library object)."""
    if id(library) not in _TEMPLATES:
        _TEMPLATES[id(library)] = (library, {t.id: t for t in builtin_templates(library)})
    return _TEMPLATES[id(library)][1]


def templates(library: Library | None = None) -> list[Template]:
    return list(_templates(library or _sample()).values())


def _template(template: Template | str, library: Library) -> Template:
    if isinstance(template, Template):
        return template
    known = _templates(library)
    if template not in known:
        raise WorkshopError(f"没有案例模板 {template!r}", f"no scenario template {template!r}; known: "
                            f"{', '.join(known)}")
    return known[template]


def case_of(round_: Round, library: Library | None = None) -> Scenario:
    """The round's case with its decision (regenerated from the template id, the workshop code and the seed)."""
    library = library or _sample()
    return generate(_template(round_.template_id, library), library, trainee_id=round_.workshop.code,
                    seed=round_.seed)


# ---- workshops and rounds --------------------------------------------------------------------------------

def create_workshop(session: Session, title: str, *, code: str | None = None) -> Workshop:
    """A new workshop; ``code`` is made up (6 letters and digits, easy to read aloud) unless given."""
    title = (title or "").strip()
    if not title:
        raise WorkshopError("请填写研讨会名称。", "Give the workshop a title.")
    if code is None:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if session.scalar(select(Workshop).where(Workshop.code == code)) is None:
                break
    else:
        code = code.strip().upper()
        if session.scalar(select(Workshop).where(Workshop.code == code)) is not None:
            raise WorkshopError(f"研讨会代码 {code} 已被使用。", f"The workshop code {code} is taken.")
    workshop = Workshop(code=code, title=title)
    session.add(workshop)
    session.flush()
    return workshop


def get_workshop(session: Session, code: str) -> Workshop:
    code = (code or "").strip().upper()
    workshop = session.scalar(select(Workshop).where(Workshop.code == code)) if code else None
    if workshop is None:
        raise WorkshopError(f"没有代码为「{code}」的研讨会，请核对培训人员给出的代码。",
                            f"No workshop has the code {code!r}: check the code the trainer gave.")
    return workshop


def current_round(session: Session, code: str) -> Round | None:
    """The workshop's latest round (open, closed or revealed), or None before the first."""
    workshop = get_workshop(session, code)
    return session.scalar(select(Round).where(Round.workshop_id == workshop.id)
                          .order_by(Round.number.desc()).limit(1))


def open_round(session: Session, code: str, template: Template | str, seed: int = 0, *,
               library: Library | None = None) -> Round:
    """Open the next round of workshop ``code`` on a case of ``template``; an open round before it is closed."""
    library = library or _sample()
    workshop = get_workshop(session, code)
    template = _template(template, library)
    scenario = generate(template, library, trainee_id=workshop.code, seed=seed)
    for earlier in session.scalars(select(Round).where(Round.workshop_id == workshop.id, Round.status == "open")):
        earlier.status = "closed"
    number = (session.scalar(select(func.max(Round.number)).where(Round.workshop_id == workshop.id)) or 0) + 1
    round_ = Round(workshop=workshop, number=number, template_id=template.id, seed=seed,
                   case_id=scenario.case.id, status="open")
    session.add(round_)
    session.flush()
    return round_


def close(session: Session, round_: Round) -> Round:
    """No more answers: the room discusses the spread."""
    if round_.status == "open":
        round_.status = "closed"
        session.flush()
    return round_


# ---- answers ---------------------------------------------------------------------------------------------

def submit(session: Session, code: str, participant: str, level: str, fine: float | None = None,
           reason: str | None = None) -> Submission:
    """Record ``participant``'s answer to the open round of workshop ``code``; a second answer replaces the
    first. The answer is checked as a ``kit.grading.Answer`` (the level as 从轻 / lenient / 移送 …)."""
    round_ = current_round(session, code)
    participant = (participant or "").strip()
    if not participant:
        raise WorkshopError("请填写姓名。", "Enter your name.")
    if round_ is None:
        raise WorkshopError("培训人员尚未开始本轮案例，请稍候。", "The trainer has not opened a round yet: wait.")
    if round_.status != "open":
        raise WorkshopError(f"第{round_.number}轮已截止提交，请等待下一轮。",
                            f"Round {round_.number} is closed: answers are no longer accepted; wait for the next.")
    if level is None or not str(level).strip():
        raise WorkshopError("请先选择处理结果。", "Choose an outcome first.")
    try:
        answer = Answer(case_id=round_.case_id, level=str(level), fine=fine or None, reason=reason)
    except ValidationError as exc:
        detail = "; ".join(e["msg"] for e in exc.errors())
        raise WorkshopError(f"答案无法识别：{detail}", f"The answer cannot be read: {detail}") from None
    sub = session.scalar(select(Submission).where(Submission.round_id == round_.id,
                                                  Submission.participant == participant))
    if sub is None:
        sub = Submission(round=round_, participant=participant)
        session.add(sub)
    sub.level, sub.fine, sub.reason = answer.level, answer.fine, answer.reason
    sub.submitted_at = utcnow()
    session.flush()
    return sub


def submissions(session: Session, round_: Round) -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.round_id == round_.id)
                                .order_by(Submission.participant)))


def submission_of(session: Session, round_: Round, participant: str) -> Submission | None:
    """``participant``'s answer in ``round_``, if they gave one."""
    return session.scalar(select(Submission).where(Submission.round_id == round_.id,
                                                   Submission.participant == participant))


def answer_of(sub: Submission, round_: Round) -> Answer:
    return Answer(case_id=round_.case_id, level=sub.level, fine=sub.fine, reason=sub.reason)


def marks_of(session: Session, round_: Round, library: Library | None = None) -> dict[str, Marks]:
    """Each participant's marks, by ``kit.grading.grade`` against the round's decision."""
    decision = case_of(round_, library).decision
    return {s.participant: grade(answer_of(s, round_), decision) for s in submissions(session, round_)}


SPREAD_COLUMNS = ["label", "count", "share", "fine_min", "fine_q25", "fine_median", "fine_q75", "fine_max",
                  "lawful_share"]


def spread(session: Session, round_: Round, *, lang: str = "zh", library: Library | None = None) -> pd.DataFrame:
    """The room's answers by outcome, one row per level key (``LEVEL_ORDER``, every row even when empty):
    ``count`` and ``share`` of the participants, the quantiles of the fines proposed (yuan; NaN where none),
    and ``lawful_share``: the share of those answers that ``grade`` finds right on every part."""
    marks = marks_of(session, round_, library)
    rows = []
    total = len(marks)
    for key in LEVEL_ORDER:
        chosen = [m for m in marks.values() if m.answer.level == key]
        fines = pd.Series([m.answer.fine or 0.0 for m in chosen], dtype=float)
        q = fines.quantile([0.0, 0.25, 0.5, 0.75, 1.0]) if len(fines) else pd.Series([float("nan")] * 5)
        rows.append({"label": level_label(key, lang), "count": len(chosen),
                     "share": len(chosen) / total if total else 0.0,
                     "fine_min": q.iloc[0], "fine_q25": q.iloc[1], "fine_median": q.iloc[2], "fine_q75": q.iloc[3],
                     "fine_max": q.iloc[4],
                     "lawful_share": sum(m.right for m in chosen) / len(chosen) if chosen else float("nan")})
    frame = pd.DataFrame(rows, index=pd.Index(LEVEL_ORDER, name="level"), columns=SPREAD_COLUMNS)
    frame.attrs.update(round=round_.number, case_id=round_.case_id, participants=total,
                       lawful=sum(m.right for m in marks.values()))
    return frame


@dataclass(frozen=True)
class Reveal:
    """What the trainer reveals: the case, the engine's decision (with its trace) and everyone's marks."""

    scenario: Scenario
    marks: dict[str, Marks]

    @property
    def decision(self) -> Decision:
        return self.scenario.decision


def reveal(session: Session, round_: Round, *, library: Library | None = None) -> Reveal:
    """Close the round if it is open, mark it revealed, and return the decision and the marks per participant."""
    round_.status = "revealed"
    session.flush()
    return Reveal(case_of(round_, library), marks_of(session, round_, library))
