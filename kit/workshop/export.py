"""The workshop's results as an Excel workbook: one row per participant × round (answer, marks and the
reasons of the marks, the reason given) and one row per round (the case and the engine's key)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..baselines import Library
from ..grading import grade
from ..i18n import Lang, t
from ..store import Participant, Round, Workshop
from . import service, views

ANSWER_COLUMNS = ("participant", "round", "case_id", "outcome", "fine", "points", "max_points", "right",
                  "marks_reasons", "reason")
ROUND_COLUMNS = ("round", "status", "template", "authority", "seed", "case_id", "key_outcome", "key_fine", "answers")


def workbook(session: Session, workshop: Workshop, library: Library, lang: Lang) -> bytes:
    book = Workbook()
    answers = book.active
    answers.title = t("workshop.xlsx.answers_sheet", lang)
    rounds = book.create_sheet(t("workshop.xlsx.rounds_sheet", lang))
    bold = Font(bold=True)
    answers.append([t(f"workshop.xlsx.{c}", lang) for c in ANSWER_COLUMNS])
    rounds.append([t(f"workshop.xlsx.{c}", lang) for c in ROUND_COLUMNS])
    for cell in (*answers[1], *rounds[1]):
        cell.font = bold
    names = list(session.scalars(select(Participant.name).where(Participant.workshop_id == workshop.id)
                                 .order_by(Participant.name)))
    by_round = {}
    for round_ in session.scalars(select(Round).where(Round.workshop_id == workshop.id).order_by(Round.number)):
        decision = service.case_of(round_, library).decision
        subs = {sub.participant: sub for sub in service.submissions(session, round_)}
        by_round[round_.number] = (round_, decision, subs)
        scenario = service.case_of(round_, library)
        rounds.append([round_.number, t(f"workshop.status.{round_.status}", lang), round_.template_id,
                       views.authority_view(library, scenario.case.authority, lang)["label"], round_.seed,
                       round_.case_id, decision.outcome(lang), decision.fine.text(lang) if decision.fine else "",
                       len(subs)])
    for name in sorted(set(names) | {n for _, _, subs in by_round.values() for n in subs}):
        for number, (round_, decision, subs) in by_round.items():
            sub = subs.get(name)
            if sub is None:
                answers.append([name, number, round_.case_id, t("workshop.xlsx.no_answer", lang)])
                continue
            marks = grade(service.answer_of(sub, round_), decision, library=library)
            answers.append([name, number, round_.case_id, service.level_label(sub.level, lang), sub.fine,
                            marks.total, marks.max_total, t("workshop.xlsx.yes" if marks.right else "workshop.xlsx.no",
                                                            lang),
                            "\n".join(p.label(lang) + t("workshop.ui.colon", lang) + p.reason(lang) for p in marks.parts),
                            sub.reason or ""])
    for sheet, widths in ((answers, (14, 6, 28, 14, 12, 8, 8, 8, 60, 40)), (rounds, (6, 10, 28, 30, 6, 28, 14, 22, 8))):
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
        sheet.freeze_panes = "A2"
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
