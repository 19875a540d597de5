"""Who may import whom (docs/architecture.md): the engine and the library import no front end, no store and no
I/O framework; front ends never import each other. Read from the source with ``ast``, so a new module is
checked the day it is added."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1] / "kit"

# package → the kit packages it may import (besides itself). ``web`` and ``cli`` are the shells over all.
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),
    "store": set(),
    "baselines": {"i18n"},
    "engine": {"baselines", "i18n"},
    "cases": {"baselines", "engine", "i18n"},
    "scenarios": {"baselines", "engine", "i18n"},
    "excel": {"baselines", "engine", "i18n"},
    "grading": {"baselines", "engine", "scenarios", "i18n"},
    "audit": {"baselines", "engine", "grading", "i18n"},
    "drills": {"baselines", "engine", "scenarios", "grading", "store", "i18n"},
    "workshop": {"baselines", "engine", "scenarios", "grading", "store", "i18n"},
    "simulator": {"baselines", "engine", "scenarios", "grading", "i18n"},
}
SHELLS = {"web", "cli"}
# Third-party packages that do I/O or belong to a front end: never in the pure core.
NOT_IN_CORE = {"sqlalchemy", "alembic", "psycopg", "tornado", "ipywidgets", "IPython", "voila", "nbgrader",
               "jupyter_server", "matplotlib", "openpyxl", "pandas", "requests", "urllib"}
# The engine and the catalog never touch them; the library's models may, inside a display or export function
# (``Library.to_dataframe``, the review workbook), but not at import.
PURE = {"i18n", "engine"}
CORE = {"baselines"}


def _imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(KIT).parts[:-1]
    found: set[str] = set()
    for node in (tree.body if top_level_only else ast.walk(tree)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ("kit", *package[: len(package) - node.level + 1])
                found.add(".".join(base + ((node.module,) if node.module else ())))
            elif node.module:
                found.add(node.module)
    return found


def _modules():
    for path in sorted(KIT.rglob("*.py")):
        parts = path.relative_to(KIT).parts
        if len(parts) > 1 and "migrations" not in parts:
            yield parts[0], path


def test_every_package_is_in_the_map():
    packages = {p.name for p in KIT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages <= set(ALLOWED) | SHELLS, packages - set(ALLOWED) - SHELLS


@pytest.mark.parametrize("package, path", list(_modules()), ids=lambda v: str(v).rsplit("kit/", 1)[-1])
def test_imports_follow_the_map(package, path):
    if package in SHELLS:
        return
    kit_imports = {name.split(".")[1] for name in _imports(path) if name.startswith("kit.") and name.count(".")}
    wrong = kit_imports - ALLOWED[package] - {package}
    assert not wrong, f"kit/{package} may not import kit/{', kit/'.join(sorted(wrong))}"
    if package in PURE | CORE:
        third = {name.split(".")[0] for name in _imports(path, top_level_only=package in CORE)} & NOT_IN_CORE
        assert not third, f"kit/{package} is pure and may not import {sorted(third)}"


# What reads files: the engine imports none of it and opens nothing (case files load in kit/cases).
FILE_IO = {"pathlib", "io", "kit.baselines.yaml_source", "kit.baselines.loader", "kit.cases"}


@pytest.mark.parametrize("path", sorted((KIT / "engine").glob("*.py")), ids=lambda p: p.name)
def test_the_engine_reads_no_file(path):
    names = _imports(path)
    assert not {n for n in names if n in FILE_IO or n.startswith("kit.cases")}, names
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
    opened = [c for c in calls if (isinstance(c, ast.Name) and c.id == "open")
              or (isinstance(c, ast.Attribute) and c.attr in ("read_text", "open", "read_bytes"))]
    assert not opened, f"{path.name} opens a file"
