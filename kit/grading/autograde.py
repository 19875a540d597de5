"""nbgrader's own ``autograde`` with the kit's steps: the submission is read as data and never executed.

A kit course's ``nbgrader_config.py`` (``kit.grading.course``) sets nbgrader's two lists of preprocessors.
nbgrader runs the first list on the submitted notebook (``submitted/<trainee>/<assignment>/``) and the second on
the result; the order matters:

sanitize (on the notebook as the trainee handed it in)
  1. ``Integrity`` — *before* nbgrader restores anything, compare every cell with the source cells recorded in
     the gradebook at release (checksums): a changed locked cell, a deleted cell, grading metadata the source does
     not have, a duplicate; remove metadata nbgrader would trip over; keep the flags in the notebook's metadata
     (``kit.integrity``, written fresh: whatever a trainee put there is dropped).
  2.–6. nbgrader's ``ClearOutput``, ``DeduplicateIds``, ``OverwriteKernelspec``, ``OverwriteCells`` (restores
     locked and deleted grade cells from the source), ``CheckCellMetadata``.

autograde (on the sanitized copy)
  1. ``GradeAnswers`` — in place of nbgrader's ``Execute``: the trainee is nbgrader's student id (the folder
     the submission sits in), the exam is ``source/<assignment>/exam.yaml`` (the assessor's copy), the answer
     cells are read as data (``kit.grading.sheet``), each question is graded on the trainee's own variant with
     ``kit.grading.grade`` and the grade cells' outputs are written (``kit.grading.feedback``). An assignment
     without ``exam.yaml`` is an ordinary nbgrader assignment: it is executed by nbgrader's ``Execute``.
  2.–6. nbgrader's ``ClearMetadataPreprocessor``, ``LimitOutput``, ``SaveAutoGrades`` (records the scores in the
     gradebook from those outputs), ``AssignLatePenalties``, ``CheckCellMetadata``.
  7. ``RecordResults`` — the integrity flags into the gradebook's comments of the answer cells (formgrader and
     the feedback show them), and the full result beside the autograded notebook (``<notebook>.kit.json``), which
     ``kit grade export`` reads with the gradebook's scores.

No trainee cell runs, so no trainee code can change an environment variable, a function, the working folder,
the gradebook or another trainee's grade; an endless loop or a killed kernel changes nothing either."""

from __future__ import annotations

import json
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, Execute,
                                    LimitOutput, NbGraderPreprocessor, OverwriteCells, OverwriteKernelspec,
                                    SaveAutoGrades)
from nbformat.v4 import new_code_cell, new_markdown_cell
from traitlets import Unicode

from ..i18n import parse_lang, t
from .exam import EXAM_FILE, load_exam
from .feedback import outputs
from .results import Flag, answer_id, grade_submission, part_id

META = "kit"
RESULT_SUFFIX = ".kit.json"


def _coursedir(pp) -> CourseDirectory:
    node = pp
    while node is not None:
        found = getattr(node, "coursedir", None)
        if isinstance(found, CourseDirectory):
            return found
        node = getattr(node, "parent", None)
    return CourseDirectory(config=pp.config)


def source_folder(pp, assignment: str) -> Path:
    cd = _coursedir(pp)
    return Path(cd.format_path(cd.source_directory, ".", assignment))


class Integrity(NbGraderPreprocessor):
    """Sanitize step 1: integrity flags from the notebook as handed in (see the module docstring)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        flags: list[dict] = []
        with Gradebook(info["db_url"]) as gb:
            try:
                source = gb.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return nb, resources
            cells = {c.name: c for c in source.source_cells}
            seen: set[str] = set()
            for cell in nb.cells:
                meta = cell.get("metadata", {}).get("nbgrader")
                if not isinstance(meta, dict) or "grade_id" not in meta:
                    continue
                gid = str(meta.get("grade_id"))
                if gid not in cells or gid in seen:
                    flags.append({"code": "unknown_cell" if gid not in cells else "duplicate_cell", "cell": gid})
                    del cell.metadata["nbgrader"]
                    continue
                src = cells[gid]
                if cell.cell_type != src.cell_type and not src.locked:  # an answer cell made markdown or raw
                    flags.append({"code": "answer_wrong_type", "cell": gid})
                    del cell.metadata["nbgrader"]
                    continue
                seen.add(gid)
                if src.locked and _checksum(cell) != src.checksum:
                    flags.append({"code": "locked_changed", "cell": gid})
            if not seen:
                flags.append({"code": "notebook_empty", "cell": None})
            else:
                flags += [{"code": "cell_missing", "cell": g} for g in cells if g not in seen and cells[g].locked]
            # every cell the source has and the submission lacks is added back, at the end, as released (a
            # restored answer cell holds the empty template: the question counts as unanswered)
            points = {c.name: c.max_score for c in source.grade_cells}
            solutions = {c.name for c in source.solution_cells}
            for name, src in cells.items():
                if name not in seen:
                    nb.cells.append(_restore(src, points.get(name), name in solutions))
        nb.metadata[META] = {"integrity": flags}
        return nb, resources


def _restore(src, points: float | None, solution: bool):
    """A source cell of the gradebook as a notebook cell, with its nbgrader metadata."""
    meta = {"grade": points is not None, "grade_id": src.name, "locked": bool(src.locked), "schema_version": 3,
            "solution": solution, "checksum": src.checksum}
    if points is not None:
        meta["points"] = points
    if src.cell_type == "code":
        cell = new_code_cell(src.source, metadata={"nbgrader": meta})
    else:
        cell = new_markdown_cell(src.source, metadata={"nbgrader": meta})
    cell.metadata["nbgrader"]["cell_type"] = src.cell_type
    return cell


def _checksum(cell) -> str | None:
    try:
        return utils.compute_checksum(cell)
    except Exception:  # a cell whose metadata a trainee broke: it cannot match the source
        return None


class GradeAnswers(NbGraderPreprocessor):
    """Autograde step 1: grade the answer cells as data (see the module docstring)."""

    lang = Unicode("zh", help="The language of the feedback written into the graded cells: zh or en.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        exam_path = source_folder(self, info["assignment"]) / EXAM_FILE
        if not exam_path.exists():  # an ordinary nbgrader assignment of the same course
            return Execute(parent=self.parent).preprocess(nb, resources)
        lang = parse_lang(self.lang)
        exam = load_exam(exam_path)
        meta = nb.metadata.get(META, {}) if isinstance(nb.metadata.get(META), dict) else {}
        flags = [Flag(f["code"], f.get("cell")) for f in meta.get("integrity", [])]
        cells = {}
        for cell in nb.cells:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if gid and gid.startswith("answer-") and gid not in cells:
                cells[gid] = (cell.cell_type, cell.source)
        result = grade_submission(exam, info["student"], cells, flags)
        by_id = {c.metadata.nbgrader.grade_id: c for c in nb.cells if utils.is_grade(c)}
        for q in result.questions:
            for i, part in enumerate(q.parts):
                cell = by_id.get(part_id(q.n, part.part))
                if cell is not None:
                    cell.outputs = outputs(q, part, lang, first=i == 0, flags=_for_question(result.flags, q.n))
                    cell.execution_count = None
        resources[META] = result
        return nb, resources


def _for_question(flags: list[Flag], n: int) -> list[Flag]:
    return [f for f in flags if f.cell == answer_id(n)]


class RecordResults(NbGraderPreprocessor):
    """Autograde step 7: the flags into the gradebook's comments, the result beside the autograded notebook."""

    def preprocess(self, nb, resources):
        result = resources.get(META)
        if result is None:
            return nb, resources
        info = resources["nbgrader"]
        lang = parse_lang(GradeAnswers(parent=self.parent).lang)
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            answers = [c.name for c in notebook.solution_cells]
            for name in answers:
                own = [f for f in result.flags if f.cell == name]
                if name == (sorted(answers)[0] if answers else None):
                    own += [f for f in result.flags if f.cell not in answers]
                comment = gb.find_comment(name, info["notebook"], info["assignment"], info["student"])
                if own:
                    text = "\n".join(t("grading.flag_prefix", lang) + f.text(lang) for f in own)
                    comment.auto_comment = ((comment.auto_comment + "\n") if comment.auto_comment else "") + text
            gb.db.commit()
        cd = _coursedir(self)
        folder = Path(cd.format_path(cd.autograded_directory, info["student"], info["assignment"]))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{info['notebook']}{RESULT_SUFFIX}").write_text(
            json.dumps(result.to_dict(), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        return nb, resources


SANITIZE = [Integrity, ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
AUTOGRADE = [GradeAnswers, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades, AssignLatePenalties,
             CheckCellMetadata, RecordResults]
"""The two lists, in order (nbgrader 0.9.6's own, with Execute replaced and the kit's steps added)."""
