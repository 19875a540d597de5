"""Answer cells read as data: the grader parses a cell's text, it never runs it.

An answer cell of a kit exercise holds one assignment of a literal, as a trainee fills it in::

    ANSWER_1 = {"处理结果": "从轻", "罚款": "1.5万元", "理由": "", "批准文号": ""}

or, in the drafting exercise, a text literal (``DRAFT = \"\"\"…YAML…\"\"\"``). ``read_cell`` parses the text with
``ast`` and ``ast.literal_eval`` — nothing is imported, called or executed — and says what it found: the
fields, the problems (catalog keys with their parameters) and whether the cell held code (an integrity flag:
anything but one literal assignment and comments). Trainee code may run in the trainee's own session; what is
graded is only what this module reads from the submitted file."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from pydantic import ValidationError

from .amount import AmountError, parse_amount
from .answer import Answer, parse_answer_level

FIELDS: dict[str, tuple[str, ...]] = {
    "level": ("处理结果", "结果", "阶次", "裁量阶次", "level", "outcome"),
    "fine": ("罚款", "罚款金额", "fine"),
    "reason": ("理由", "偏离理由", "reason"),
    "approval": ("批准文号", "批准", "approval"),
}
"""The keys an answer may use for each field (Chinese first, as the release shows them)."""
_FIELD_OF = {key: name for name, keys in FIELDS.items() for key in keys}
MAX_CELL = 20_000
"""Characters read from one answer cell; a longer cell is not read (inputs are bounded)."""


@dataclass
class Reading:
    """What an answer cell holds, read as data."""

    value: object = None
    code: bool = False
    problems: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        if self.value is None:
            return True
        if isinstance(self.value, str):
            return not self.value.strip()
        if isinstance(self.value, dict):
            return all(v is None or (isinstance(v, str) and not v.strip()) for v in self.value.values())
        return False


def read_cell(source: str, name: str) -> Reading:
    """The literal assigned to ``name`` in ``source``; ``code`` when the cell holds anything else."""
    if len(source) > MAX_CELL:
        return Reading(code=True, problems=[("cell_too_long", {"limit": MAX_CELL})])
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return Reading(code=True, problems=[("cell_syntax", {"line": error.lineno or 1})])
    body = tree.body
    if not body:
        return Reading()
    if len(body) != 1 or not isinstance(body[0], ast.Assign) or len(body[0].targets) != 1 \
            or not isinstance(body[0].targets[0], ast.Name) or body[0].targets[0].id != name:
        return Reading(code=True, problems=[("cell_not_literal", {"name": name})])
    try:
        value = ast.literal_eval(body[0].value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return Reading(code=True, problems=[("cell_not_literal", {"name": name})])
    return Reading(value=value)


@dataclass
class ReadAnswer:
    """An answer cell turned into an ``Answer`` (level and fine each read on their own), or why not."""

    answer: Answer | None
    level_problem: tuple[str, dict] | None = None
    fine_problem: tuple[str, dict] | None = None
    given: dict = field(default_factory=dict)


def to_answer(reading: Reading, case_id: str) -> ReadAnswer:
    """The ``Answer`` of a read cell; a fine that cannot be read does not void a level that can."""
    value = reading.value
    if not isinstance(value, dict):
        return ReadAnswer(None, ("answer_not_mapping", {}))
    given: dict = {}
    unknown = []
    for key, item in value.items():
        name = _FIELD_OF.get(str(key).strip())
        if name is None:
            unknown.append(str(key))
        else:
            given[name] = item
    if unknown:
        return ReadAnswer(None, ("answer_unknown_keys", {"keys": "、".join(unknown),
                                                          "known": "、".join(k[0] for k in FIELDS.values())}),
                          given=given)
    level_text = given.get("level")
    if level_text is None or not str(level_text).strip():
        return ReadAnswer(None, ("level_missing", {}), given=given)
    try:
        level = parse_answer_level(str(level_text))
    except ValueError:
        return ReadAnswer(None, ("level_unknown", {"found": str(level_text)[:40]}), given=given)
    fine, fine_problem = None, None
    raw_fine = given.get("fine")
    if raw_fine is not None and not (isinstance(raw_fine, str) and raw_fine.strip() in ("", "无", "不罚款", "none", "None")):
        try:
            fine = parse_amount(raw_fine)
        except AmountError as error:
            fine_problem = (error.key, {"found": str(raw_fine)[:40]})
    text = {k: (str(given[k]).strip()[:500] if given.get(k) is not None else None) for k in ("reason", "approval")}
    try:
        answer = Answer(case_id=case_id, level=level, fine=fine or None, **text)
    except ValidationError:  # pragma: no cover - every field was checked above
        return ReadAnswer(None, ("answer_not_mapping", {}), given=given)
    return ReadAnswer(answer, None, fine_problem, given)
