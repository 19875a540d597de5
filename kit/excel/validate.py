"""The library's own checks on the items built: the files are written to a scratch folder and loaded with
``load_library``; each problem is mapped back to the row of the tier (or level, or item) it came from."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from kit.baselines.errors import LibraryError, LoadError
from kit.i18n import msg
from kit.baselines.loader import load_library

from .build import Built
from .context import Context
from .writer import write_library


def validate(common: dict[str, dict], built: list[Built], ctx: Context) -> tuple[list[Built], bool]:
    """Write the files to a scratch folder, load them, and map each problem back to the rows it came from.

    A problem in a tier (or level) leaves that tier out; any other problem of an item's files leaves the item
    out, as does losing its last tier. Returns the items kept and whether anything was left out (check again)."""
    files = dict(common)
    owner: dict[str, Built] = {}
    for b in built:
        for rel, data in b.files(ctx).items():
            files[rel] = data
            owner[rel] = b
    with tempfile.TemporaryDirectory() as tmp:
        write_library(files, Path(tmp))
        try:
            load_library(tmp)
            return built, False
        except LibraryError as exc:
            problems = exc.errors
        paths = {str(Path(tmp) / rel): rel for rel in files}
    drop_tiers: dict[int, set[int]] = {}
    drop_levels: dict[int, set[str]] = {}
    dead: set[int] = set()
    for e in problems:
        rel = paths.get(e.file)
        if rel is None or rel not in owner:
            ctx.errors.append(LoadError(ctx.file, None, None, rel or "", e.problem, e.expected, e.found))
            continue
        b = owner[rel]
        m = re.search(r"\.tiers\[(\d+)\]", e.path) if rel.startswith("baselines/") else None
        lv = re.search(r"\.levels\.(\w+)", e.path) if rel.startswith("baselines/") else None
        if m and int(m.group(1)) < len(b.tiers):
            drop_tiers.setdefault(id(b), set()).add(int(m.group(1)))
            row, key = b.tiers[int(m.group(1))][1][0], "standard"
        elif lv and lv.group(1) in b.levels:
            drop_levels.setdefault(id(b), set()).add(lv.group(1))
            row, key = b.levels[lv.group(1)][1][0], "standard"
        else:
            dead.add(id(b))
            row, key = b.item.rows[0], "basis"
        ctx.error(row, key, msg("load.at", where=e.path, text=e.problem), e.expected, e.found)
    kept = []
    for b in built:
        b.tiers = [t for i, t in enumerate(b.tiers) if i not in drop_tiers.get(id(b), ())]
        b.levels = {k: v for k, v in b.levels.items() if k not in drop_levels.get(id(b), ())}
        if id(b) not in dead and (b.tiers or b.levels):
            kept.append(b)
    changed = bool(dead or drop_tiers or drop_levels)
    return kept, changed
