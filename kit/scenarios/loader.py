"""Load scenario templates with the library's error quality: every problem of every file, each naming the
file, the line (and column), the dotted path (``flyposting-youth.narrative.zh``), what was expected and what
was found; ``LibraryError`` carries them all. Nothing half-checked escapes: a template that loads can be drawn.

Checked here, beyond the shape: the matter and authority exist; facts are facts of the matter; factor ids are
factors of the library; every draw has one shape and a possible range (min ≤ max, a step that fits, weights
that match); dates follow each other with sane offsets (0 to 20 years); each group's shares sum to at most 1;
every ``{placeholder}`` names a fact, a variable or a built-in; the narrative has ``{circumstances}`` when
there are circumstances or distractors to show."""

from __future__ import annotations

import math
import re
from importlib.resources import files
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Sequence

from pydantic import ValidationError

from ..baselines.errors import LibraryError, LoadError, show
from ..baselines import model_walk
from ..baselines.library import Library
from ..baselines.loader import Source, expected_text, problem_text, yaml_files
from ..baselines.yaml_source import parse_fast, parse_located, read_text
from .render import NAME, placeholders
from .template import BUILTIN_PLACEHOLDERS, FORMAT_VERSION, Circumstance, Distractor, Draw, Template, TemplateFile
from .exclusive import exclusive_problems

TEMPLATES_DIR = Path(str(files(__package__) / "templates"))
MAX_OFFSET_DAYS = 20 * 366
DRAW_SHAPES = "one of: value; min and max; choices; bands; of and times"


class _Source(Source):
    """A template file: errors may point inside a text value (a placeholder in a ``|`` block)."""

    def error(self, loc: tuple, problem: str, expected: str, found: str, *, at_key: bool = False,
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
    found, errors = yaml_files(paths, what="a template file or folder")
    if not found and not errors:
        errors.append(LoadError(", ".join(map(str, paths)), None, None, "", "no template files",
                                "at least one .yaml file", "none"))
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
            errors.append(source.error(("template", "id"), "duplicate template id", "an id not used elsewhere",
                                       f"'{template.id}', already in {other.file}:{line}"))
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
    raise LibraryError([LoadError(str(name), None, None, "", "no such template file or built-in template",
                                  "a .yaml file or one of: " + ", ".join(known), f"'{name}'")])


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
        kind = "an empty file" if data is None else ("a mapping without 'template'" if isinstance(data, dict)
                                                     else f"a {type(data).__name__}")
        return None, [LoadError(source.file, 1, 1, "", "not a template file",
                                "a mapping with format_version and template", kind)]
    if data.get("format_version") != FORMAT_VERSION:
        found = "no format_version" if data.get("format_version") is None else show(data.get("format_version"))
        return None, [source.error(("format_version",), "unsupported format_version",
                                   f"format_version: {FORMAT_VERSION}", found)]
    try:
        model = TemplateFile.model_validate(data)
    except ValidationError as exc:
        return None, _shape_errors(source, exc)
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


# ---------------------------------------------------------------- shape errors (pydantic)


def _shape_errors(source: _Source, exc: ValidationError) -> list[LoadError]:
    out: list[LoadError] = []
    seen: set[tuple] = set()
    errs = [(err, model_walk.data_loc(source.data, err["loc"])) for err in exc.errors(include_url=False)]
    deeper = {loc[:i] for _, loc in errs for i in range(len(loc))}
    for err, loc in errs:
        # A union reports one mistake once per member: keep the first, and drop a member's "wrong type" at a
        # node when another member found the real mistake inside it.
        if loc in seen or (loc in deeper and err["type"] != "missing"):
            continue
        seen.add(loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            allowed = allowed_keys(source.data, loc[:-1])
            out.append(source.error(loc, f"unknown key '{loc[-1]}'", "one of the keys: " + ", ".join(allowed),
                                    f"'{loc[-1]}'", at_key=True))
        elif kind == "missing":
            out.append(source.error(loc, f"missing required key '{loc[-1]}'", f"a '{loc[-1]}' key"
                                    + _about(source.data, loc), "no such key"))
        else:
            out.append(source.error(loc, problem_text(err), expected_text(err), show(err.get("input"))))
    return out


def allowed_keys(data: Any, loc: tuple) -> list[str]:
    return model_walk.allowed_keys(TemplateFile, data, loc)


def _about(data: Any, loc: tuple) -> str:
    text = model_walk.field_description(TemplateFile, data, loc)
    return f" ({text})" if text else ""


# ---------------------------------------------------------------- meaning checks

Problem = tuple[tuple, str, str, str, bool, "int | None"]  # loc, problem, expected, found, at_key, offset


def problems(t: Template, library: Library) -> list[Problem]:
    """Everything in a well-shaped template that cannot work with ``library``."""
    out: list[Problem] = []
    T = ("template",)

    def add(loc: tuple, problem: str, expected: str, found: str, *, at_key: bool = False,
            offset: int | None = None) -> None:
        out.append(((*T, *loc), problem, expected, found, at_key, offset))

    matter = library.matters.get(t.matter)
    if matter is None:
        add(("matter",), "unknown matter", "a matter of the library: " + ", ".join(sorted(library.matters)),
            f"'{t.matter}'")
    if t.authority not in library.authorities:
        add(("authority",), "unknown authority", "an authority of the library: "
            + ", ".join(sorted(library.authorities)), f"'{t.authority}'")
    matter_facts = [f.id for f in matter.facts] if matter else []
    if matter is not None:
        for name in t.facts:
            if name not in matter_facts:
                add(("facts", name), "unknown fact", f"a fact of {t.matter}: "
                    + (", ".join(matter_facts) or "none (this matter has no facts)"), f"'{name}'", at_key=True)
    # draws
    for name, spec in t.facts.items():
        _check_draw(add, ("facts", name), spec, earlier=list(t.facts)[: list(t.facts).index(name)], numeric=True)
    for name, spec in t.vars.items():
        _check_draw(add, ("vars", name), spec, earlier=[*t.facts, *list(t.vars)[: list(t.vars).index(name)]],
                    numeric=False)
        if name in t.facts or name in BUILTIN_PLACEHOLDERS:
            add(("vars", name), "variable name taken", "a name that is not a fact or a built-in placeholder ("
                + ", ".join(BUILTIN_PLACEHOLDERS) + ")", f"'{name}'", at_key=True)
    # party
    _check_weights(add, ("party", "kind"), t.party.kind)
    _check_weights(add, ("party", "capacity"), t.party.capacity)
    if t.party.age is not None:
        _check_draw(add, ("party", "age"), t.party.age, earlier=[], numeric=True, bounds=(0, 150))
    for i, occupation in enumerate(t.party.occupations):
        if occupation.ages is not None and occupation.ages[0] > occupation.ages[1]:
            add(("party", "occupations", i, "ages", 0), "impossible range: min greater than max",
                f"youngest ≤ oldest ({occupation.ages[1]})", str(occupation.ages[0]))
    # dates
    _check_dates(add, t)
    # circumstances
    shares: dict[str, tuple[float, int]] = {}
    for i, c in enumerate(t.circumstances):
        ids = list(c.factors)
        for j, factor in enumerate(ids):
            if factor not in library.factors:
                loc = ("circumstances", i, "factors", j) if isinstance(c.factors, list) else \
                      ("circumstances", i, "factors", factor)
                add(loc, "unknown factor", "a factor of the library, e.g. " + _near(factor, library.factors),
                    f"'{factor}'", at_key=isinstance(c.factors, dict))
        for name in c.facts:
            if matter is not None and name not in matter_facts:
                add(("circumstances", i, "facts", name), "unknown fact", f"a fact of {t.matter}: "
                    + (", ".join(matter_facts) or "none"), f"'{name}'", at_key=True)
        if c.group is not None:
            total, first = shares.get(c.group, (0.0, i))
            shares[c.group] = (total + c.p, first)
        if not ids and not c.facts:
            add(("circumstances", i), "a circumstance that changes nothing", "factors or facts (a detail that "
                "changes nothing belongs in distractors)", "neither")
    exclusive_problems(t, library, add)  # exclusive.py
    for group, (total, first) in shares.items():
        if total > 1 + 1e-9:
            add(("circumstances", first, "p"), f"shares of group '{group}' exceed 1",
                "p of one group summing to at most 1", f"{total:g}")
    # placeholders
    known = set(t.facts) | set(t.vars) | set(BUILTIN_PLACEHOLDERS)
    known -= {name for name in ("act_end", "decided") if getattr(t.dates, name) is None}
    if "person" not in t.party.kind:
        known -= {"age"}
    if not t.party.occupations:
        known -= {"occupation"}
    texts: list[tuple[tuple, str]] = [(("narrative", "zh"), t.narrative.zh), (("narrative", "en"), t.narrative.en)]
    groups: tuple[tuple[str, Sequence[Circumstance | Distractor]], ...] = (
        ("circumstances", t.circumstances), ("distractors", t.distractors))
    for kind, items in groups:
        for i, item in enumerate(items):
            texts += [((kind, i, "zh"), item.zh), ((kind, i, "en"), item.en)]
    for loc, text in texts:
        for name, offset in placeholders(text):
            inner = name in ("{", "}") or not NAME.match(name) or name not in known or (
                name == "circumstances" and loc[0] != "narrative")
            if inner:
                shown = name if name in ("{", "}") else "{" + name + "}"
                problem = "unbalanced brace" if name in ("{", "}") else "unknown placeholder"
                add(loc, problem, "a placeholder naming a fact, a variable or a built-in: "
                    + ", ".join(sorted(known - ({"circumstances"} if loc[0] != "narrative" else set())))
                    + " (write {{ and }} for literal braces)", f"'{shown}'", offset=offset)
    for lang in ("zh", "en"):
        text = getattr(t.narrative, lang)
        if (t.circumstances or t.distractors) and "{circumstances}" not in text:
            add(("narrative", lang), "the narrative does not show the circumstances",
                "a {circumstances} placeholder where the drawn circumstances and distractors go", "none")
    return out


def _near(name: str, options: Iterable[str]) -> str:
    import difflib
    close = difflib.get_close_matches(name, list(options), n=3, cutoff=0.5)
    return ", ".join(close) if close else ", ".join(sorted(options)[:6]) + ", …"


def _check_weights(add, loc: tuple, weights: dict) -> None:
    for key, weight in weights.items():
        if weight < 0:
            add((*loc, key), "negative weight", "a weight ≥ 0", show(weight))
    if weights and sum(weights.values()) <= 0:
        add(loc, "no weight", "at least one weight above 0", "all 0")


def _check_draw(add, loc: tuple, spec: Draw, *, earlier: list[str], numeric: bool,
                bounds: tuple[float, float] | None = None) -> None:
    shape = spec.shape()
    if shape is None:
        present = [k for k in ("value", "min", "max", "choices", "bands", "of", "times")
                   if getattr(spec, k) is not None]
        add(loc, "not a draw", DRAW_SHAPES, ", ".join(present) or "none of them")
        return
    if shape == "range":
        if spec.min is None or spec.max is None:
            add((*loc, "min" if spec.min is None else "max"), "a range needs both ends", "min and max",
                f"only {'max' if spec.min is None else 'min'}")
            return
        _check_range(add, loc, spec.min, spec.max, spec.step or 1, log=spec.log, bounds=bounds)
    elif shape == "choices":
        if numeric and any(not isinstance(c, (int, float)) for c in spec.choices or []):
            bad = next(i for i, c in enumerate(spec.choices or []) if not isinstance(c, (int, float)))
            add((*loc, "choices", bad), "a fact is a number", "numbers (texts belong in vars, or in text:)",
                show(spec.choices[bad] if isinstance(spec.choices[bad], str) else "a text"))
        if spec.weights is not None:
            if len(spec.weights) != len(spec.choices or []):
                add((*loc, "weights"), "weights do not match choices", f"{len(spec.choices or [])} weights",
                    f"{len(spec.weights)}")
            elif any(w < 0 for w in spec.weights) or sum(spec.weights) <= 0:
                add((*loc, "weights"), "impossible weights", "weights ≥ 0, at least one above 0", show(spec.weights))
    elif shape == "bands":
        for i, band in enumerate(spec.bands or []):
            _check_range(add, (*loc, "bands", i), band.min, band.max, spec.step or 1, log=spec.log, bounds=bounds)
    elif shape == "multiple":
        if spec.of is None or spec.times is None:
            add(loc, "a multiple needs both keys", "of and times", "only " + ("of" if spec.of else "times"))
            return
        if spec.of not in earlier:
            add((*loc, "of"), "unknown or later value", "a fact or variable declared before this one: "
                + (", ".join(earlier) or "none"), f"'{spec.of}'")
        if spec.times.min > spec.times.max:
            add((*loc, "times", "min"), "impossible range: min greater than max",
                f"min ≤ max ({show(spec.times.max)})", show(spec.times.min))
    if spec.unit is not None and numeric:
        add((*loc, "unit"), "a fact's unit comes from the matter", "no unit here", show(spec.unit)
            if isinstance(spec.unit, str) else "a unit")


def _check_range(add, loc: tuple, lo: float, hi: float, step: float, *, log: bool,
                 bounds: tuple[float, float] | None) -> None:
    if lo > hi:
        add((*loc, "min"), "impossible range: min greater than max", f"min ≤ max ({show(hi)})", show(lo))
        return
    if math.floor(hi / step + 1e-9) < math.ceil(lo / step - 1e-9):
        add((*loc, "step"), "no multiple of step in the range", f"a step with a multiple between {show(lo)} and "
            f"{show(hi)}", show(step))
    if log and lo <= 0:
        add((*loc, "min"), "a log range starts above 0", "min > 0", show(lo))
    if bounds is not None and (lo < bounds[0] or hi > bounds[1]):
        add((*loc, "min" if lo < bounds[0] else "max"), "out of bounds",
            f"values between {show(bounds[0])} and {show(bounds[1])}", show(lo if lo < bounds[0] else hi))


def _check_dates(add, t: Template) -> None:
    dates = t.dates
    first = dates.act_start
    if first.earliest is None or first.latest is None:
        add(("dates", "act_start"), "the first date is absolute", "earliest and latest",
            "after/days" if first.after else "no earliest/latest")
    elif first.earliest > first.latest:
        add(("dates", "act_start", "earliest"), "impossible range: earliest after latest",
            f"a day on or before {first.latest.isoformat()}", first.earliest.isoformat())
    if first.after is not None or first.days is not None:
        add(("dates", "act_start", "after" if first.after else "days"), "the first date is absolute",
            "earliest and latest only", "after/days")
    order = ["act_start", "act_end", "discovered", "decided"]
    for name in order[1:]:
        rule = getattr(dates, name)
        if rule is None:
            continue
        if rule.earliest is not None or rule.latest is not None:
            add(("dates", name, "earliest" if rule.earliest else "latest"), "a later date is relative",
                "after and days", "an absolute day")
        if rule.after is None or rule.days is None:
            add(("dates", name), "a later date is relative", "after (an earlier date) and days",
                "no " + ("after" if rule.after is None else "days"))
            continue
        earlier = [n for n in order[: order.index(name)] if n == "act_start" or getattr(dates, n) is not None]
        if rule.after not in earlier:
            add(("dates", name, "after"), "not an earlier date", "one of: " + ", ".join(earlier), f"'{rule.after}'")
        _check_draw(add, ("dates", name, "days"), rule.days, earlier=[], numeric=True, bounds=(0, MAX_OFFSET_DAYS))
