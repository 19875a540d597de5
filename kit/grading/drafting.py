"""The drafting exercise: a trainee drafts a baseline for a given provision; the filing review grades it.

The answer cell holds the draft as a text literal (``DRAFT = \"\"\"…\"\"\"``, a baseline file in the library's YAML
format). ``grade_draft`` loads the sample library with the draft added (in a temporary folder, never the
trainee's) and gives one part per question an officer reviewing a filing (备案审查) asks:

- ``well_formed`` — the draft loads as a baseline file with the task's id, authority, matter and provision;
- ``no_conflict`` — no conflict with a higher baseline (review kind ``conflict``);
- ``complete`` — every level has conditions and a concrete standard (``missing_part``);
- ``conditioned`` — 减轻 and 不予处罚 have stated conditions (``unconditioned_leniency``);
- ``tiles`` — the levels' ranges neither overlap nor leave gaps the draft forbids (``rules.contiguous``), and no
  default sits at the very top or bottom of the statutory range (``extreme_default``).

A draft that does not load earns no review part (the review cannot read it) and is told every load error, by
line and dotted path inside the draft — never a file path of the grader's."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..baselines import SAMPLE_LIBRARY, LibraryError, load_library
from ..baselines.checks import fine_bounds
from ..baselines.models import FixedFine
from ..baselines.review import review
from ..baselines.vocabulary import Level
from ..baselines.wording import label, point
from ..i18n import Lang, Msg, msg, say, t
from .exam import Exam
from .results import DRAFT_VAR, PartResult, QuestionResult
from .sheet import read_cell

PARTS = ("well_formed", "no_conflict", "complete", "conditioned", "tiles")
REVIEW_PART = {"conflict": "no_conflict", "missing_part": "complete", "unconditioned_leniency": "conditioned",
               "extreme_default": "tiles"}
MAX_DRAFT = 20_000
_TILING = ("load.c_level_gap", "load.c_level_overlap")  # the library's words for sub-ranges that do not tile


def _where(error, lang: Lang = "zh") -> str:
    """A load error located inside the draft, without any path of the grader's machine."""
    line = t("load.draft_line", lang, n=error.line) if error.line else ""
    text = line + t("load.draft_error", lang, path=error.path, problem=say(error.problem, lang),
                    expected=say(error.expected, lang), found=say(error.found, lang))
    return re.sub(r"(/[^\s:'\"，；）]+)+/([\w.-]+\.ya?ml)", r"\2", text)


def _unread(name: str, points: float) -> PartResult:
    return PartResult(name, "wrong", 0.0, points, t("grading.draft_unread", "zh"), t("grading.draft_unread", "en"))


def _part(name: str, points: float, ok: bool, zh: list[str], en: list[str]) -> PartResult:
    if ok:
        return PartResult(name, "right", points, points, t(f"grading.draft_{name}_ok", "zh"),
                          t(f"grading.draft_{name}_ok", "en"))
    return PartResult(name, "wrong", 0.0, points, t(f"grading.draft_{name}_bad", "zh", detail="；".join(zh)),
                      t(f"grading.draft_{name}_bad", "en", detail="; ".join(en)))


def grade_draft(exam: Exam, text: str | None) -> list[PartResult]:
    """The parts of a drafted baseline (``text``: the YAML), per the exam's task and points."""
    task = exam.task
    assert task is not None
    pts = {p: float(task.points.get(p, 1.0)) for p in PARTS}
    if text is None or not str(text).strip():
        return [PartResult(p, "wrong", 0.0, pts[p], t("grading.draft_empty", "zh"), t("grading.draft_empty", "en"))
                for p in PARTS]
    if len(text) > MAX_DRAFT:
        return [PartResult(p, "wrong", 0.0, pts[p], t("grading.draft_too_long", "zh"),
                           t("grading.draft_too_long", "en")) for p in PARTS]
    with tempfile.TemporaryDirectory(prefix="kit-draft-") as tmp:  # the review reads the file for line numbers
        return _grade(task, pts, text, Path(tmp))


def _grade(task, pts: dict[str, float], text: str, tmp: Path) -> list[PartResult]:
    library, load_errors, tiling = _load(text, tmp)
    parts: dict[str, PartResult] = {}
    if library is None:
        parts["well_formed"] = _part("well_formed", pts["well_formed"], False, [_where(e) for e in load_errors[:8]],
                                     [_where(e, "en") for e in load_errors[:8]])
        for p in PARTS[1:]:
            parts[p] = _unread(p, pts[p])
        return [parts[p] for p in PARTS]
    b = library.baselines.get(task.baseline_id)
    wrong = []
    if b is None:
        wrong.append(("baseline.id", task.baseline_id))
    else:
        for key in ("authority", "matter", "provision"):
            if getattr(b, key) != getattr(task, key):
                wrong.append((f"baseline.{key}", getattr(task, key)))
    if wrong:
        detail = [t("grading.draft_field", "zh", path=p, expected=v) for p, v in wrong]
        detail_en = [t("grading.draft_field", "en", path=p, expected=v) for p, v in wrong]
        parts["well_formed"] = _part("well_formed", pts["well_formed"], False, detail, detail_en)
        for p in PARTS[1:]:
            parts[p] = _unread(p, pts[p])
        return [parts[p] for p in PARTS]
    parts["well_formed"] = _part("well_formed", pts["well_formed"], True, [], [])
    found: dict[str, tuple[list[str], list[str]]] = {p: ([], []) for p in PARTS[1:]}
    for f in review(library, only={b.id}):
        part = REVIEW_PART.get(f.kind)
        if part:
            found[part][0].append(f"{f.path}: {f.zh}")
            found[part][1].append(f"{f.path}: {f.en}")
    for e in tiling:
        found["tiles"][0].append(_where(e))
        found["tiles"][1].append(_where(e, "en"))
    for overlap in ([] if tiling else _overlaps(b)):
        found["tiles"][0].append(overlap.render("zh"))
        found["tiles"][1].append(overlap.render("en"))
    for p in PARTS[1:]:
        parts[p] = _part(p, pts[p], not found[p][0], found[p][0][:6], found[p][1][:6])
    return [parts[p] for p in PARTS]


def _overlaps(b) -> list[Msg]:
    """Levels whose fine ranges overlap beyond a shared edge (a gap is allowed unless ``rules.contiguous``)."""
    order = [lv for lv in (Level.lenient, Level.standard, Level.aggravated) if b.levels.get(lv) and
             b.levels[lv].fine is not None and not isinstance(b.levels[lv].fine, FixedFine) and
             fine_bounds(b.levels[lv].fine) is not None]
    out = []
    for prev, nxt in zip(order, order[1:]):
        p, n = fine_bounds(b.levels[prev].fine), fine_bounds(b.levels[nxt].fine)
        if n[0] < p[1]:
            spec = b.levels[nxt].fine
            out.append(msg("review.levels_overlap", path=f"levels.{nxt.value}.fine", level=label(nxt),
                           other=label(prev), lo=point(n[0], spec), hi=point(p[1], spec)))
    return out


def _load(text: str, tmp: Path):
    """The sample library with the draft added, the draft's load errors, and its tiling errors."""
    draft = tmp / "draft.yaml"
    draft.write_text(text, encoding="utf-8")
    try:
        return load_library(SAMPLE_LIBRARY, draft), [], []
    except LibraryError as error:
        mine = [e for e in error.errors if Path(e.file).name == "draft.yaml"]
        others = [e for e in error.errors if e not in mine]
        tiling = [e for e in mine if getattr(e.problem, "key", None) in _TILING]
        if others or len(tiling) != len(mine) or not mine:
            return None, (mine or others), []
        draft.write_text(text.replace("contiguous: true", "contiguous: false"), encoding="utf-8")
        try:
            return load_library(SAMPLE_LIBRARY, draft), [], tiling
        except LibraryError as again:
            return None, again.errors, []


def grade_draft_cell(exam: Exam, trainee: str, cell: tuple[str, str] | None) -> QuestionResult:
    """The drafting exercise's one question, from the submitted answer cell."""
    text = None
    if cell is not None and cell[0] == "code":
        reading = read_cell(cell[1], DRAFT_VAR)
        if not reading.code and isinstance(reading.value, str):
            text = reading.value
    parts = grade_draft(exam, text)
    task = exam.task
    return QuestionResult(
        n=1, pool="drafting", template=task.baseline_id, case_id=f"{task.baseline_id}:{trainee}",
        narrative_zh=task.brief.zh, given_zh=t("grading.draft_given", "zh", lines=len((text or "").splitlines())),
        given_en=t("grading.draft_given", "en", lines=len((text or "").splitlines())),
        expected_zh=t("grading.draft_expected", "zh"), expected_en=t("grading.draft_expected", "en"),
        expected_level="drafting", parts=parts)
