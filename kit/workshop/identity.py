"""Who is asking: the trainer key of a workshop and the participant token of a phone.

Both are random secrets (``secrets.token_urlsafe``) of which only the SHA-256 is stored, compared in constant
time. The trainer key is shown once, when the workshop is created; every trainer action needs it. The
participant token is the phone's cookie: a name is unique within a workshop, and only the token that joined
under it answers as that name (a second 李四 is asked to choose another name)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..store import Participant, Workshop
from .service import WorkshopError, check_name, get_workshop

MAX_SECRET = 100


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def check_trainer(session: Session, code: str, key: str | None) -> Workshop:
    """The workshop ``code`` if ``key`` is its trainer key; else a 403 that says the key is missing or wrong."""
    workshop = get_workshop(session, code)
    if not key:
        raise WorkshopError("key_missing", status=403)
    if (workshop.trainer_key_hash is None or len(key) > MAX_SECRET
            or not hmac.compare_digest(workshop.trainer_key_hash, digest(key))):
        raise WorkshopError("key_wrong", status=403)
    return workshop


def participant_by_token(session: Session, workshop: Workshop, token: str | None) -> Participant | None:
    if not token or len(token) > MAX_SECRET:
        return None
    found = session.scalar(select(Participant).where(Participant.token_hash == digest(token)))
    return found if found is not None and found.workshop_id == workshop.id else None


def require_participant(session: Session, workshop: Workshop, token: str | None) -> Participant:
    found = participant_by_token(session, workshop, token)
    if found is None:
        raise WorkshopError("not_joined", status=401)
    return found


def join(session: Session, code: str, name: str | None, token: str | None, *,
         login: bool = False) -> tuple[Participant, str]:
    """(the participant, its token). A phone whose token already joined this workshop stays that participant;
    a new name gets a new token; a name already taken by another phone is refused (409) — unless ``login``:
    the name is a signed-in user's (a hub login), who gets a new token for the same participant."""
    workshop = get_workshop(session, code)
    known = participant_by_token(session, workshop, token)
    if known is not None and not login:
        return known, token
    name = check_name(name)
    if known is not None and known.name == name:
        return known, token
    taken = session.scalar(select(Participant).where(Participant.workshop_id == workshop.id,
                                                     Participant.name == name))
    if taken is not None and login:
        token = new_secret()
        taken.token_hash = digest(token)
        return taken, token
    if taken is not None:
        raise WorkshopError("name_taken", status=409, name=name)
    token = new_secret()
    participant = Participant(workshop_id=workshop.id, name=name, token_hash=digest(token))
    session.add(participant)
    try:
        session.flush()
    except IntegrityError:  # two phones sent the same name at the same moment: the second is told (the
        raise WorkshopError("name_taken", status=409, name=name) from None  # caller's transaction rolls back)
    return participant, token
