"""The workshop as plain functions over a SQLAlchemy ``Session`` (kit.store): no HTTP, no browser.

A round's case is ``generate(template, library, trainee_id=<workshop code>, seed=seed)``: everyone in the room
sees the same case, and the store keeps only the template id and the seed (the case and its decision are
regenerated, deterministically, and cached per process). Answers are ``kit.grading.Answer``, graded with the
one ``kit.grading.grade``. Every answer names the round it answers: an answer to a round that is closed or no
longer on screen is refused, never filed under another round. The functions flush but do not commit: the
caller owns the transaction."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from functools import lru_cache

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..baselines import Library, sample_library
from ..baselines.vocabulary import Level
from ..engine.decision import Decision
from ..grading import TRANSFER, Answer, Marks, grade
from ..i18n import Lang, t
from ..scenarios import Scenario, Template, builtin_templates, generate
from ..store import Participant, Round, Submission, Workshop
from ..store.models import utcnow

LEVEL_ORDER: tuple[str, ...] = (*(lv.value for lv in Level), TRANSFER)
"""The rows of ``spread``: the level keys from 不予处罚 to 从重处罚, then 移送."""

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on phones
CODE_LENGTH = 6
MAX_TITLE = 200
MAX_NAME = 40
MAX_REASON = 2000
MAX_FINE = 10 ** 10
MAX_SEED = 2 ** 31 - 1


class WorkshopError(ValueError):
    """A mistake a trainer or a participant can fix: a catalog key (``workshop.<key>``), its parameters, and the
    HTTP status the API answers with."""

    def __init__(self, key: str, status: int = 400, **params: object):
        self.key, self.status, self.params = key, status, params
        super().__init__(f"{t('workshop.' + key, 'zh', **params)} / {t('workshop.' + key, 'en', **params)}")

    def message(self, lang: Lang = "zh") -> str:
        return t(f"workshop.{self.key}", lang, **self.params)


def level_label(key: str, lang: Lang = "zh") -> str:
    return t("workshop.level.transfer", lang) if key == TRANSFER else Level(key).label(lang)


# ---- the library and the cases ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _sample() -> Library:
    return sample_library()


_TEMPLATES: dict[int, tuple[Library, dict[str, Template]]] = {}


def _templates(library: Library) -> dict[str, Template]:
    """The built-in templates checked against ``library`` (kept per library object)."""
    if id(library) not in _TEMPLATES:
        _TEMPLATES[id(library)] = (library, {tp.id: tp for tp in builtin_templates(library)})
    return _TEMPLATES[id(library)][1]


def templates(library: Library | None = None) -> list[Template]:
    return list(_templates(library or _sample()).values())


def _template(template: Template | str, library: Library) -> Template:
    if isinstance(template, Template):
        return template
    known = _templates(library)
    if template not in known:
        raise WorkshopError("no_template", template=str(template)[:100])
    return known[template]


_CASES: dict[tuple, Scenario] = {}
_AUTHORITIES: dict[tuple[int, str], list[str]] = {}


def authorities(template: Template | str, library: Library | None = None) -> list[str]:
    """The authorities, of any tier, that can decide ``template``'s cases: the template's own, then every
    authority with a baseline for its matter (national → county) whose case the engine decides."""
    library = library or _sample()
    template = _template(template, library)
    key = (id(library), template.id)
    if key not in _AUTHORITIES:
        found = [template.authority]
        ranked = sorted({b.authority for b in library.baselines.values() if b.matter == template.matter},
                        key=lambda a: (library.authorities[a].level.rank, a))
        for authority in ranked:
            if authority in found:
                continue
            try:
                generate(template.model_copy(update={"authority": authority}), library, trainee_id="CHECK", seed=0)
            except Exception:  # noqa: BLE001 — an authority whose chain cannot decide this case is not offered
                continue
            found.append(authority)
        _AUTHORITIES[key] = found
    return _AUTHORITIES[key]


def scenario_of(template: Template | str, code: str, seed: int, library: Library | None = None,
                authority: str | None = None) -> Scenario:
    """The case of ``template`` for workshop ``code`` and ``seed``, decided by ``authority`` (default: the
    template's); generated once per process."""
    library = library or _sample()
    template = _template(template, library)
    if authority is not None and authority != template.authority:
        if authority not in authorities(template, library):
            raise WorkshopError("no_authority", authority=str(authority)[:100], template=template.id)
        template = template.model_copy(update={"authority": authority})
    key = (id(library), template.id, template.authority, code, seed)
    if key not in _CASES:
        if len(_CASES) > 512:
            _CASES.clear()
        _CASES[key] = generate(template, library, trainee_id=code, seed=seed)
    return _CASES[key]


def case_of(round_: Round, library: Library | None = None) -> Scenario:
    """The round's case with its decision."""
    return scenario_of(round_.template_id, round_.workshop.code, round_.seed, library, round_.authority)


# ---- workshops and rounds --------------------------------------------------------------------------------

def create_workshop(session: Session, title: str, *, code: str | None = None,
                    trainer_key_hash: str | None = None) -> Workshop:
    """A new workshop; ``code`` is made up (6 letters and digits, easy to read aloud) unless given."""
    title = (title or "").strip()
    if not title:
        raise WorkshopError("title_missing")
    if len(title) > MAX_TITLE:
        raise WorkshopError("title_too_long", limit=MAX_TITLE, found=len(title))
    if code is None:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if session.scalar(select(Workshop).where(Workshop.code == code)) is None:
                break
    else:
        code = code.strip().upper()
        if session.scalar(select(Workshop).where(Workshop.code == code)) is not None:
            raise WorkshopError("code_taken", status=409, code=code)
    workshop = Workshop(code=code, title=title, trainer_key_hash=trainer_key_hash)
    session.add(workshop)
    session.flush()
    return workshop


def get_workshop(session: Session, code: str) -> Workshop:
    code = (code or "").strip().upper()[:16]
    workshop = session.scalar(select(Workshop).where(Workshop.code == code)) if code else None
    if workshop is None:
        raise WorkshopError("no_workshop", status=404, code=code)
    return workshop


def current_round(session: Session, code: str | Workshop) -> Round | None:
    """The round on screen: the one opened or reopened last (open, closed or revealed); None before the first."""
    workshop = code if isinstance(code, Workshop) else get_workshop(session, code)
    return session.scalar(select(Round).where(Round.workshop_id == workshop.id)
                          .order_by(func.coalesce(Round.shown_at, Round.opened_at).desc(), Round.number.desc())
                          .limit(1))


def round_by_number(session: Session, workshop: Workshop, number: int) -> Round:
    round_ = session.scalar(select(Round).where(Round.workshop_id == workshop.id, Round.number == number))
    if round_ is None:
        raise WorkshopError("no_round", status=404, number=number)
    return round_


def check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise WorkshopError("bad_seed", limit=MAX_SEED)
    return seed


def _close_open(session: Session, workshop: Workshop) -> None:
    for earlier in session.scalars(select(Round).where(Round.workshop_id == workshop.id, Round.status == "open")):
        earlier.status = "closed"


def open_round(session: Session, code: str, template: Template | str, seed: int = 0, *,
               library: Library | None = None, authority: str | None = None) -> Round:
    """Open the next round of workshop ``code`` on a case of ``template`` (decided by ``authority``, default the
    template's); an open round before it is closed."""
    library = library or _sample()
    workshop = get_workshop(session, code)
    template = _template(template, library)
    authority = None if authority in (None, "", template.authority) else authority
    scenario = scenario_of(template, workshop.code, check_seed(seed), library, authority)
    _close_open(session, workshop)
    number = (session.scalar(select(func.max(Round.number)).where(Round.workshop_id == workshop.id)) or 0) + 1
    now = utcnow()
    round_ = Round(workshop=workshop, number=number, template_id=template.id, seed=seed,
                   case_id=scenario.case.id, status="open", opened_at=now, shown_at=now, authority=authority)
    session.add(round_)
    session.flush()
    return round_


def reopen(session: Session, round_: Round) -> Round:
    """Put a past round back on screen: a closed round takes answers again, a revealed one shows its reveal."""
    _close_open(session, round_.workshop)
    if round_.status == "closed":
        round_.status = "open"
    round_.shown_at = utcnow()
    session.flush()
    return round_


def close(session: Session, round_: Round) -> Round:
    """No more answers: the room discusses the spread."""
    if round_.status == "open":
        round_.status = "closed"
        session.flush()
    return round_


# ---- answers ---------------------------------------------------------------------------------------------

def check_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise WorkshopError("name_missing")
    if len(name) > MAX_NAME:
        raise WorkshopError("name_too_long", limit=MAX_NAME, found=len(name))
    return name


def check_fine(fine: object) -> float | None:
    if fine is None or fine == "":
        return None
    if isinstance(fine, bool) or not isinstance(fine, (int, float)) or not math.isfinite(fine) or fine < 0:
        raise WorkshopError("bad_fine", limit=MAX_FINE)
    if fine > MAX_FINE:
        raise WorkshopError("fine_too_large", limit=MAX_FINE)
    return float(fine) or None


def submit(session: Session, participant: Participant, round_id: int, level: str | None, fine: object = None,
           reason: str | None = None) -> Submission:
    """Record ``participant``'s answer to round ``round_id``, which must be the open round on screen in the
    participant's workshop; a second answer replaces the first."""
    round_ = session.get(Round, round_id) if isinstance(round_id, int) and not isinstance(round_id, bool) else None
    if round_ is None or round_.workshop_id != participant.workshop_id:
        raise WorkshopError("no_round_id", status=409)
    on_screen = current_round(session, round_.workshop)
    if on_screen is not None and on_screen.id != round_.id:
        raise WorkshopError("round_replaced", status=409, number=round_.number, current=on_screen.number)
    if round_.status != "open":
        raise WorkshopError("round_closed", status=409, number=round_.number)
    if level is None or not str(level).strip():
        raise WorkshopError("level_missing")
    fine = check_fine(fine)
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON:
        raise WorkshopError("reason_too_long", limit=MAX_REASON, found=len(reason))
    try:
        answer = Answer(case_id=round_.case_id, level=str(level)[:40], fine=fine, reason=reason)
    except ValidationError:
        raise WorkshopError("bad_level") from None
    sub = session.scalar(select(Submission).where(Submission.round_id == round_.id,
                                                  Submission.participant == participant.name))
    if sub is None:
        sub = Submission(round=round_, participant=participant.name)
        session.add(sub)
    sub.level, sub.fine, sub.reason = answer.level, answer.fine, answer.reason
    sub.submitted_at = utcnow()
    session.flush()
    return sub


def submissions(session: Session, round_: Round) -> list[Submission]:
    return list(session.scalars(select(Submission).where(Submission.round_id == round_.id)
                                .order_by(Submission.participant)))


def answer_of(sub: Submission, round_: Round) -> Answer:
    return Answer(case_id=round_.case_id, level=sub.level, fine=sub.fine, reason=sub.reason)


def marks_of(session: Session, round_: Round, library: Library | None = None) -> dict[str, Marks]:
    """Each participant's marks, by ``kit.grading.grade`` against the round's decision."""
    decision = case_of(round_, library).decision
    return {s.participant: grade(answer_of(s, round_), decision, library=library or _sample())
            for s in submissions(session, round_)}


def spread(session: Session, round_: Round, *, lang: Lang = "zh", library: Library | None = None) -> list[dict]:
    """The room's answers by outcome, one row per level key (``LEVEL_ORDER``, every row even when empty):
    ``count``, ``share``, the fines proposed (min, median, max; None where none) and, for the reveal,
    ``lawful``: how many of those answers ``grade`` finds right on every part."""
    marks = marks_of(session, round_, library)
    total = len(marks)
    rows = []
    for key in LEVEL_ORDER:
        chosen = [m for m in marks.values() if m.answer.level == key]
        fines = sorted(m.answer.fine or 0.0 for m in chosen)
        median = None
        if fines:
            mid = len(fines) // 2
            median = fines[mid] if len(fines) % 2 else (fines[mid - 1] + fines[mid]) / 2
        rows.append({"level": key, "label": level_label(key, lang), "count": len(chosen),
                     "share": len(chosen) / total if total else 0.0,
                     "fine_min": fines[0] if fines else None, "fine_median": median,
                     "fine_max": fines[-1] if fines else None, "lawful": sum(m.right for m in chosen)})
    return rows


@dataclass(frozen=True)
class Reveal:
    """What the trainer reveals: the case, the engine's decision (with its trace) and everyone's marks."""

    scenario: Scenario
    marks: dict[str, Marks]

    @property
    def decision(self) -> Decision:
        return self.scenario.decision


def reveal(session: Session, round_: Round, *, library: Library | None = None) -> Reveal:
    """Mark the round revealed (no more answers) and return the decision and the marks per participant."""
    round_.status = "revealed"
    session.flush()
    return Reveal(case_of(round_, library), marks_of(session, round_, library))
