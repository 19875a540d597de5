"""What the pages show, as JSON-ready dicts built from the service's values: the case, the key (the engine's
decision with its cited trace), a participant's own marks, the spread. Texts come from the catalog."""

from __future__ import annotations

from ..baselines import Library
from ..engine.decision import Decision
from ..grading import Marks
from ..grading.citing import cite, in_words
from ..i18n import Lang, money, t
from ..scenarios import Scenario
from ..store import Round, Submission
from .service import level_label


def authority_view(library: Library, authority_id: str, lang: Lang) -> dict:
    authority = library.authorities[authority_id]
    name = {"zh": authority.name, "en": authority.name_en or authority.name}[lang]
    tier = authority.level.label(lang)
    return {"id": authority.id, "name": name, "tier": tier, "label": t("workshop.authority_label", lang, name=name,
                                                                       tier=tier)}


def case_view(scenario: Scenario, round_: Round, lang: Lang, library: Library) -> dict:
    return {"id": round_.id, "authority": authority_view(library, scenario.case.authority, lang)["label"], "number": round_.number, "status": round_.status, "case_id": round_.case_id,
            "status_label": t(f"workshop.status.{round_.status}", lang),
            "narrative": [line for line in scenario.narrative(lang).splitlines() if line.strip()],
            "illustrative": t("common.illustrative", lang)}


def key_view(decision: Decision, lang: Lang, library: Library | None = None) -> dict:
    """The answer key: the outcome, the lawful fine range, the suggested fine and each fired step with its cite."""
    return {"outcome": decision.outcome(lang),
            "acceptable": [lv.label(lang) for lv in decision.acceptable_levels],
            "fine": decision.fine.text(lang) if decision.fine else None,
            "suggested": money(decision.suggested_fine, lang) if decision.suggested_fine else None,
            "trace": [{"text": in_words(s.text(lang), lang, library), "cites": cite(s, lang, library)} for s in decision.trace if s.fired]}


def answer_view(sub: Submission, lang: Lang) -> dict:
    return {"level": sub.level, "label": level_label(sub.level, lang), "fine": sub.fine,
            "fine_text": money(sub.fine, lang) if sub.fine else t("workshop.no_fine", lang), "reason": sub.reason}


def marks_view(marks: Marks, lang: Lang) -> dict:
    return {"total": marks.total, "max_total": marks.max_total, "right": marks.right,
            "parts": [{"label": p.label(lang), "status": p.status, "points": p.points, "max_points": p.max_points,
                       "reason": p.reason(lang)} for p in marks.parts]}


def levels_view(lang: Lang) -> list[dict]:
    from .service import LEVEL_ORDER

    return [{"level": key, "label": level_label(key, lang)} for key in LEVEL_ORDER]
