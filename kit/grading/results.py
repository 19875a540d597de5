"""Grade one submitted notebook from its answer cells, read as data: ``grade_submission(exam, trainee, cells)``.

Pure: no nbgrader, no file, no execution. ``cells`` maps a grade id to the cell's (type, text) as submitted;
``flags`` are the integrity flags found before (``kit.grading.autograde``). For each of the trainee's questions
the case is regenerated from (trainee, exam, attempt), the answer cell ``answer-<n>`` is read with
``kit.grading.sheet`` and graded with the one ``kit.grading.grade``; the drafting exercise goes to
``kit.grading.drafting``. The result lists, per question, what the trainee answered, the lawful answer, each
part's points and reason, and the engine's trace; it is what the grade cells show and what the export reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..i18n import Lang, bilingual, money, money_range, t
from .answer import Answer
from .citing import in_words
from .exam import Exam, questions
from .grade import Part, Weights, grade
from .score import SumOfParts
from .sheet import read_cell, to_answer
from .variants import _sample

ANSWER_VAR = "ANSWER_{n}"
"""The name an answer cell assigns (``ANSWER_1 = {…}``)."""
DRAFT_VAR = "DRAFT"


def answer_id(n: int) -> str:
    return f"answer-{n}"


def part_id(n: int, part: str) -> str:
    return f"q{n}-{part}"


@dataclass
class Flag:
    """An integrity flag: what was found (a catalog key under ``grading.flag_``) and in which cell."""

    code: str
    cell: str | None = None

    def text(self, lang: Lang = "zh") -> str:
        return t(f"grading.flag_{self.code}", lang, cell=self.cell or "—")


@dataclass
class PartResult:
    part: str
    status: str
    points: float
    max_points: float
    zh: str
    en: str

    def reason(self, lang: Lang = "zh") -> str:
        return bilingual(self, lang)


@dataclass
class QuestionResult(SumOfParts):
    """One question of one submission, graded."""

    n: int
    pool: str
    template: str
    case_id: str
    narrative_zh: str
    given_zh: str
    given_en: str
    expected_zh: str
    expected_en: str
    expected_level: str
    parts: list[PartResult]
    trace_zh: list[str] = field(default_factory=list)
    trace_en: list[str] = field(default_factory=list)

    def scored_parts(self) -> list[PartResult]:
        return self.parts

    def part(self, name: str) -> PartResult:
        return next(p for p in self.parts if p.part == name)


@dataclass
class SubmissionResult(SumOfParts):
    exam: str
    attempt: int
    trainee: str
    questions: list[QuestionResult]
    flags: list[Flag]
    pass_mark: float

    def scored_parts(self) -> list[QuestionResult]:
        return self.questions

    @property
    def passed(self) -> bool:
        return self.max_points > 0 and self.points >= self.pass_mark * self.max_points - 1e-9

    def to_dict(self) -> dict:
        return {**asdict(self), "points": self.points, "max_points": self.max_points, "passed": self.passed}


def _unanswered(name: str, full: float, key: str, params: dict) -> PartResult:
    return PartResult(name, "wrong", 0.0, full, t(f"grading.{key}", "zh", **params), t(f"grading.{key}", "en", **params))


def _given(answer: Answer | None, raw: dict, lang: Lang, problem: str | None = None) -> str:
    if answer is None and problem == "answer_is_code":
        return t("grading.given_code", lang)
    if answer is None:
        return t("grading.given_none", lang) if not raw else t("grading.given_raw", lang, text=str(raw)[:120])
    fine = money(answer.fine, lang) if answer.fine else t("grading.no_fine", lang)
    return t("grading.given", lang, level=answer.label(lang), fine=fine)


def _expected(decision, lang: Lang) -> str:
    if decision.transfer:
        return t("grading.expected_transfer", lang)
    parts = []
    for level, rng in decision.acceptable.items():
        fine = money_range(rng.lo, rng.hi, lang, upper_open=rng.upper_open) if rng else t("grading.no_fine", lang)
        parts.append(t("grading.expected_level", lang, level=level.label(lang), fine=fine))
    return t("common.semicolon", lang).join(parts) or t("grading.expected_none", lang)


def grade_case_question(q, trainee: str, cell: tuple[str, str] | None, weights: Weights) -> QuestionResult:
    scenario = q.scenario(trainee)
    d = scenario.decision
    raw: dict = {}
    problem: tuple[str, dict] | None = None
    if cell is None:
        problem = ("answer_missing", {})
        answer = None
        fine_problem = None
    elif cell[0] != "code":
        problem, answer, fine_problem = ("answer_wrong_type", {}), None, None
    else:
        reading = read_cell(cell[1], ANSWER_VAR.format(n=q.n))
        if reading.code:
            problem, answer, fine_problem = ("answer_is_code", {}), None, None
        elif reading.blank:
            problem, answer, fine_problem = ("answer_missing", {}), None, None
        else:
            read = to_answer(reading, d.case_id)
            answer, problem, fine_problem, raw = read.answer, read.level_problem, read.fine_problem, read.given
    if answer is None:
        key, params = problem or ("answer_missing", {})
        parts = [_unanswered("outcome", weights.outcome, key, params),
                 _unanswered("fine", weights.fine, "fine_needs_level", {})]
    else:
        marks = grade(answer, d, weights=weights, library=_sample())  # the exams draw on the sample library
        parts = [_part(marks.part("outcome"))]
        if fine_problem is not None:
            parts.append(_unanswered("fine", weights.fine, fine_problem[0], fine_problem[1]))
        else:
            parts.append(_part(marks.part("fine")))
    fired = [s for s in d.trace if s.fired]
    return QuestionResult(
        n=q.n, pool=q.pool, template=q.template, case_id=d.case_id, narrative_zh=scenario.narrative_zh,
        given_zh=_given(answer, raw, "zh", problem and problem[0]), given_en=_given(answer, raw, "en", problem and problem[0]),
        expected_zh=_expected(d, "zh"), expected_en=_expected(d, "en"),
        expected_level="transfer" if d.transfer else (d.level.value if d.level else "none"), parts=parts,
        trace_zh=[in_words(s.text("zh"), "zh", _sample()) for s in fired],
        trace_en=[in_words(s.text("en"), "en", _sample()) for s in fired])


def _part(p: Part) -> PartResult:
    return PartResult(p.name, p.status, p.points, p.max_points, p.zh, p.en)


def grade_submission(exam: Exam, trainee: str, cells: dict[str, tuple[str, str]],
                     flags: list[Flag] | None = None) -> SubmissionResult:
    """Grade a submission's answer cells (by grade id) for ``trainee`` on their own variant of ``exam``."""
    flags = list(flags or [])
    if exam.kind == "drafting":
        from .drafting import grade_draft_cell
        results = [grade_draft_cell(exam, trainee, cells.get(answer_id(1)))]
    else:
        weights = Weights(outcome=exam.points.outcome, fine=exam.points.fine)
        results = [grade_case_question(q, trainee, cells.get(answer_id(q.n)), weights)
                   for q in questions(exam, trainee)]
    empty = any(f.code == "notebook_empty" for f in flags)
    var = (lambda n: DRAFT_VAR) if exam.kind == "drafting" else (lambda n: ANSWER_VAR.format(n=n))
    for q in results:
        cell = cells.get(answer_id(q.n))
        if empty:
            continue
        if cell is None:
            _add(flags, Flag("answer_missing", answer_id(q.n)))
        elif cell[0] != "code":
            _add(flags, Flag("answer_wrong_type", answer_id(q.n)))
        else:
            reading = read_cell(cell[1], var(q.n))
            if reading.code:
                _add(flags, Flag("answer_is_code", answer_id(q.n)))
            elif reading.blank:
                _add(flags, Flag("answer_missing", answer_id(q.n)))
    return SubmissionResult(exam.id, exam.attempt, trainee, results, flags, exam.pass_mark)


def _add(flags: list[Flag], flag: Flag) -> None:
    if not any(f.code == flag.code and f.cell == flag.cell for f in flags):
        flags.append(flag)
