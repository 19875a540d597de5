"""Load scenario templates with the library's error quality: every problem of every file, each naming the
file, the line (and column), the dotted path (``flyposting-youth.narrative.zh``), what was expected and what
was found; ``LibraryError`` carries them all. Nothing half-checked escapes: a template that loads can be drawn.
The shape is checked by the model (``model_walk.shape_errors``, the library's words), the meaning against the
library by template_checks.py."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..baselines.errors import LibraryError, LoadError, Words
from ..baselines import model_walk
from ..baselines.library import Library
from ..baselines.loader import Source, format_version_error, no_files, not_a_mapping, yaml_files
from ..baselines.yaml_source import parse_fast, parse_located, read_text
from ..i18n import msg
from .template import FORMAT_VERSION, Template, TemplateFile
from .template_checks import problems

TEMPLATES_DIR = Path(str(files(__package__) / "templates"))


class _Source(Source):
    """A template file: errors may point inside a text value (a placeholder in a ``|`` block)."""

    def error(self, loc: tuple, problem: Words, expected: Words, found: Words, *, at_key: bool = False,
              offset: int | None = None) -> LoadError:
        located = super().error(loc, problem, expected, found, at_key=at_key)
        if offset is None or located.line is None:
            return located
        line, col = _inside_scalar(self.text, located.line, located.column, _get(self.data, loc), offset)
        return LoadError(located.file, line, col, located.path, problem, expected, found)


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _inside_scalar(text: str, line: int, col: int | None, value: Any, offset: int) -> tuple[int, int | None]:
    """The line and column of character ``offset`` of a text value: inside a literal block (``|``) count its
    lines; in a one-line scalar count columns."""
    raw = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if not isinstance(value, str):
        return line, col
    if re.search(r"[|>][+-]?\d*\s*(#.*)?$", raw.rstrip()) and "\n" in value:
        before = value[:offset]
        row = line + 1 + before.count("\n")
        body = text.splitlines()[row - 1] if row <= len(text.splitlines()) else ""
        indent = len(body) - len(body.lstrip(" "))
        return row, indent + len(before.rsplit("\n", 1)[-1]) + 1
    quote = 1 if raw[(col or 1) - 1:(col or 1)] in ("'", '"') else 0
    return line, (col or 1) + quote + offset


# ---------------------------------------------------------------- loading


def load_templates(*paths: str | Path, library: Library) -> list[Template]:
    """Load and check every template under ``paths``; raise ``LibraryError`` listing every problem."""
    found, errors = yaml_files(paths, what=msg("load.x_template_path"))
    no_files(found, errors, paths, msg("load.e_no_template_files"))
    templates: list[Template] = []
    first_file: dict[str, tuple[_Source, int | None]] = {}
    for path in found:
        source, file_errors = _read(path)
        errors.extend(file_errors)
        if source is None:
            continue
        template, problems = check_source(source, library)
        errors.extend(problems)
        if template is None:
            continue
        if template.id in first_file:
            other, line = first_file[template.id]
            errors.append(source.error(("template", "id"), msg("load.t_duplicate_id"), msg("load.c_unused_id"),
                                       msg("load.f_already_in", id=template.id, where=f"{other.file}:{line}")))
            continue
        first_file[template.id] = (source, template._lines.get("id"))
        templates.append(template)
    if errors:
        raise LibraryError(errors)
    return templates


def load_template(path: str | Path, library: Library) -> Template:
    return load_templates(path, library=library)[0]


def builtin_templates(library: Library) -> list[Template]:
    """The templates shipped with the kit (kit/scenarios/templates/), for the sample library."""
    return load_templates(TEMPLATES_DIR, library=library)


def find_template(name: str | Path, library: Library) -> Template:
    """A template file, the id of a built-in template, or tier.<baseline>.<block>.<no> (from_tier.py)."""
    path = Path(name)
    if path.exists():
        return load_template(path, library)
    candidate = TEMPLATES_DIR / f"{name}.yaml"
    if candidate.exists():
        return load_template(candidate, library)
    if str(name).startswith("tier."):  # tier.<baseline>.<block>.<no>: the generic template of a tier
        from .from_tier import template_by_id

        found = template_by_id(str(name), library)
        if found is not None:
            return found
    known = sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))
    raise LibraryError([LoadError(str(name), None, None, "", msg("load.e_no_template"),
                                  msg("load.x_template", names=", ".join(known)), f"'{name}'")])


def _read(path: Path) -> tuple[_Source | None, list[LoadError]]:
    text, error = read_text(path)
    if error:
        return None, [error]
    try:
        return _Source(str(path), text, parse_fast(text)), []
    except Exception:  # any parse problem: re-read with positions to report it exactly
        tree, errors = parse_located(text, str(path))
        if tree is None:
            return None, errors
        return _Source(str(path), text, tree, tree), errors


def check_source(source: _Source, library: Library) -> tuple[Template | None, list[LoadError]]:
    data = source.data
    if not isinstance(data, dict) or "template" not in data:
        kind = msg("load.f_no_template") if isinstance(data, dict) else not_a_mapping(data)
        return None, [LoadError(source.file, 1, 1, "", msg("load.e_not_template_file"),
                                msg("load.x_template_file"), kind)]
    if data.get("format_version") != FORMAT_VERSION:
        return None, [format_version_error(source, data.get("format_version"), (FORMAT_VERSION,))]
    try:
        model = TemplateFile.model_validate(data)
    except ValidationError as exc:
        return None, model_walk.shape_errors(source, exc, TemplateFile)
    template = model.template
    errors = [source.error(loc, problem, expected, found, at_key=at_key, offset=offset)
              for loc, problem, expected, found, at_key, offset in problems(template, library)]
    if errors:
        return None, errors
    template._file = source.file
    template._lines = _top_level_lines(source.text)
    return template, []


def _top_level_lines(text: str) -> dict[str, int]:
    """Line of each key of ``template:`` (read from indentation: cheap, and enough for messages)."""
    lines: dict[str, int] = {}
    inside = False
    indent = None
    for no, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("template:"):
            inside = True
            continue
        if inside and raw.strip() and not raw.lstrip().startswith("#"):
            here = len(raw) - len(raw.lstrip(" "))
            if here == 0:
                break
            indent = here if indent is None else indent
            match = re.match(r"\s*([A-Za-z_]+)\s*:", raw)
            if here == indent and match:
                lines.setdefault(match.group(1), no)
    return lines
