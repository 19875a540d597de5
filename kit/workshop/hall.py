"""``Hall``: one workshop server's state, the object the HTTP layer (kit/web/workshop_api.py) calls.

It owns one SQLAlchemy engine (one connection pool for every phone of the hall) and the library; each method is
one transaction and returns plain dicts ready for JSON. Participants are named by their token, the trainer by
the workshop's key (``identity``); every answer names its round (``service.submit``)."""

from __future__ import annotations

from typing import Any

import time
from dataclasses import dataclass, field
from types import SimpleNamespace

from sqlalchemy import Engine, func, select

from ..baselines import Library
from ..grading import grade
from ..i18n import Lang, t
from ..store import Participant, Round, Submission, session_factory
from . import export, identity, service, views
from .service import WorkshopError


SCREEN_TTL_S = 1.0
"""How long the phones' polls share one reading of a workshop's round on screen. The trainer's actions through
this ``Hall`` drop it at once; a change made by another process is seen within this time."""


@dataclass
class Screen:
    """A workshop and the round on screen, read once for every phone polling within ``SCREEN_TTL_S``."""

    workshop_id: int
    code: str
    title: str
    round: Any  # a snapshot of the current Round (SimpleNamespace with its fields), or None
    expires: float
    views: dict = field(default_factory=dict)  # lang → the case view


class Hall:
    def __init__(self, engine: Engine, library: Library | None = None):
        self.engine = engine
        self.Session = session_factory(engine)
        self.library = library or service._sample()
        self._screens: dict[str, Screen] = {}
        self._people: dict[str, tuple[int, str]] = {}  # token hash → (workshop id, name): never changes

    def _screen(self, s, code: str) -> Screen:
        key = (code or "").strip().upper()
        hit = self._screens.get(key)
        if hit is not None and hit.expires > time.monotonic():
            return hit
        workshop = service.get_workshop(s, code)
        r = service.current_round(s, workshop)
        snapshot = None if r is None else SimpleNamespace(
            id=r.id, number=r.number, status=r.status, case_id=r.case_id, template_id=r.template_id, seed=r.seed,
            authority=r.authority)
        screen = Screen(workshop.id, workshop.code, workshop.title, snapshot, time.monotonic() + SCREEN_TTL_S)
        if len(self._screens) > 1000:
            self._screens.clear()
        self._screens[key] = screen
        return screen

    def _person(self, s, screen: Screen, token: str | None) -> str | None:
        """The name of the participant of ``token`` in the workshop on ``screen``, or None."""
        if not token or len(token) > identity.MAX_SECRET:
            return None
        digest = identity.digest(token)
        known = self._people.get(digest)
        if known is None:
            found = s.scalar(select(Participant).where(Participant.token_hash == digest))
            if found is None:
                return None
            if len(self._people) > 100_000:
                self._people.clear()
            known = self._people[digest] = (found.workshop_id, found.name)
        return known[1] if known[0] == screen.workshop_id else None

    def _changed(self, code: str) -> None:
        self._screens.pop((code or "").strip().upper(), None)

    # ---- creating and joining ------------------------------------------------------------------------

    def create(self, title: str) -> dict:
        """A new workshop: its code and its trainer key (the key is returned this once, only its hash is kept)."""
        key = identity.new_secret()
        with self.Session.begin() as s:
            workshop = service.create_workshop(s, title, trainer_key_hash=identity.digest(key))
            return {"code": workshop.code, "title": workshop.title, "key": key}

    def join(self, code: str, name: str | None, token: str | None, *, login: bool = False) -> tuple[dict, str]:
        """``login``: ``name`` is a signed-in user's (a hub's), who may come back from any browser."""
        with self.Session.begin() as s:
            participant, token = identity.join(s, code, name, token, login=login)
            return {"name": participant.name}, token

    def workshop_info(self, code: str) -> dict:
        with self.Session() as s:
            workshop = service.get_workshop(s, code)
            return {"code": workshop.code, "title": workshop.title}

    # ---- the participant's phone ---------------------------------------------------------------------

    def state(self, code: str, token: str | None, lang: Lang) -> dict:
        """What the phone shows: the workshop, who it is, the round on screen, its own answer, and after the
        reveal its own marks and the key. Never another participant's answer."""
        with self.Session() as s:
            screen = self._screen(s, code)
            name = self._person(s, screen, token)
            out: dict = {"workshop": {"code": screen.code, "title": screen.title},
                         "me": {"name": name} if name else None, "round": None, "answer": None}
            round_ = screen.round
            if round_ is None or name is None:
                return out
            scenario = service.scenario_of(round_.template_id, screen.code, round_.seed, self.library,
                                           round_.authority)
            if lang not in screen.views:
                screen.views[lang] = views.case_view(scenario, round_, lang, self.library)
            out["round"] = screen.views[lang]
            sub = s.scalar(select(Submission).where(Submission.round_id == round_.id,
                                                    Submission.participant == name))
            if sub is not None:
                out["answer"] = views.answer_view(sub, lang)
            if round_.status == "revealed":
                out["key"] = views.key_view(scenario.decision, lang, self.library)
                if sub is not None:
                    out["marks"] = views.marks_view(grade(service.answer_of(sub, round_), scenario.decision,
                                                                  library=self.library), lang)
            return out

    def submit(self, code: str, token: str | None, body: dict, lang: Lang) -> dict:
        round_id = body.get("round")
        with self.Session.begin() as s:
            workshop = service.get_workshop(s, code)
            me = identity.require_participant(s, workshop, token)
            sub = service.submit(s, me, round_id, body.get("level"), body.get("fine"), body.get("reason"))
            return {"round": sub.round.number, "answer": views.answer_view(sub, lang),
                    "message": t("workshop.submitted", lang, number=sub.round.number)}

    # ---- the trainer ---------------------------------------------------------------------------------

    def trainer_state(self, code: str, key: str | None, lang: Lang, *, names: bool = False) -> dict:
        """The projector's view: the round, the count and spread as answers arrive, and after the reveal the
        key with its trace and the reasons given (names only with ``names``)."""
        with self.Session() as s:
            workshop = identity.check_trainer(s, code, key)
            joined = s.scalar(select(func.count()).select_from(Participant)
                              .where(Participant.workshop_id == workshop.id))
            counts = dict(s.execute(select(Submission.round_id, func.count()).join(Round)
                                    .where(Round.workshop_id == workshop.id).group_by(Submission.round_id)).all())
            rounds = list(s.scalars(select(Round).where(Round.workshop_id == workshop.id).order_by(Round.number)))
            out: dict = {"workshop": {"code": workshop.code, "title": workshop.title}, "joined": joined,
                         "rounds": [{"number": r.number, "status": r.status,
                                     "status_label": t(f"workshop.status.{r.status}", lang),
                                     "template": r.template_id, "seed": r.seed, "authority": r.authority, "count": counts.get(r.id, 0)}
                                    for r in rounds],
                         "round": None}
            round_ = service.current_round(s, workshop)
            if round_ is None:
                return out
            scenario = service.case_of(round_, self.library)
            view = views.case_view(scenario, round_, lang, self.library)
            view["count"] = counts.get(round_.id, 0)
            revealed = round_.status == "revealed"
            view["spread"] = service.spread(s, round_, lang=lang, library=self.library)
            if not revealed:
                for row in view["spread"]:
                    row.pop("lawful")  # the room sees the screen: which answers are lawful waits for the reveal
            else:
                view["key"] = views.key_view(scenario.decision, lang, self.library)
                view["reasons"] = [{"name": sub.participant if names else None, "label": service.level_label(
                    sub.level, lang), "fine_text": views.answer_view(sub, lang)["fine_text"], "reason": sub.reason}
                    for sub in service.submissions(s, round_) if sub.reason]
            out["round"] = view
            return out

    def preview(self, code: str, key: str | None, template: str, seed: object, lang: Lang,
                authority: str | None = None) -> dict:
        """The case and its key before a round is opened (for the trainer's eyes only)."""
        with self.Session() as s:
            workshop = identity.check_trainer(s, code, key)
            scenario = service.scenario_of(template, workshop.code, service.check_seed(seed), self.library,
                                           authority or None)
            return {"narrative": [x for x in scenario.narrative(lang).splitlines() if x.strip()],
                    "case_id": scenario.case.id, "key": views.key_view(scenario.decision, lang, self.library),
                    "authority": views.authority_view(self.library, scenario.case.authority, lang)["label"]}

    def templates(self, lang: Lang) -> list[dict]:
        """The expert templates, each with the authorities of any tier that can decide its cases."""
        return [{"id": tp.id, "title": getattr(tp.title, lang),
                 "authorities": [views.authority_view(self.library, a, lang)
                                 for a in service.authorities(tp, self.library)]}
                for tp in service.templates(self.library)]

    def act(self, code: str, key: str | None, action: str, body: dict) -> dict:
        """``open`` (template, seed), ``close``, ``reveal`` or ``reopen`` (number); returns the round on screen."""
        with self.Session.begin() as s:
            workshop = identity.check_trainer(s, code, key)
            if action == "open":
                authority = body.get("authority")
                round_ = service.open_round(s, workshop.code, str(body.get("template", ""))[:100],
                                            body.get("seed", 0), library=self.library,
                                            authority=str(authority)[:100] if authority else None)
            elif action == "reopen":
                number = body.get("number")
                if not isinstance(number, int) or isinstance(number, bool):
                    raise WorkshopError("no_round", status=404, number=str(number)[:12])
                round_ = service.reopen(s, service.round_by_number(s, workshop, number))
            else:
                round_ = service.current_round(s, workshop)
                if round_ is None:
                    raise WorkshopError("no_round_yet", status=409)
                if action == "close":
                    service.close(s, round_)
                elif action == "reveal":
                    service.reveal(s, round_, library=self.library)
                else:
                    raise WorkshopError("no_action", status=404, action=action[:40])
            done = {"number": round_.number, "status": round_.status}
        self._changed(code)
        return done

    def export(self, code: str, key: str | None, lang: Lang) -> bytes:
        with self.Session() as s:
            workshop = identity.check_trainer(s, code, key)
            return export.workbook(s, workshop, self.library, lang)
