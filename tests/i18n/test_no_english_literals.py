"""No error or printed line of kit/ is text in one language: user-facing words are catalog messages.

An AST walk of kit/ flags ``raise X("…")`` / ``raise X(f"…")`` and ``print("…")`` / ``typer.echo(f"…")`` whose
argument is words (a string with anything but a catalog key's characters, an f-string, a join or a
concatenation of such), unless ``X`` can only be a programming mistake: ``TypeError``, ``RuntimeError``,
``AssertionError``, ``NotImplementedError``, or a class of kit/ derived from one of them. A string that is
only a catalog key (``"err.bad_request"``, ``"not_a_date"``: the error class looks it up) is not words, nor is
one without letters (a run of spaces, line breaks), nor data passed through (``ValueError(text)``). A
module-private class (``_Unsupported``) is a signal caught inside its module (it never reaches a user) and is
left alone. ``UnknownLanguage`` is the one hand-bilingual message: it is said before any language is known."""

from __future__ import annotations

import ast
import re
from pathlib import Path

KIT = Path(__file__).resolve().parents[2] / "kit"
DEVELOPERS = {"TypeError", "RuntimeError", "AssertionError", "NotImplementedError"}
_PRINTS = {"print", "echo", "secho"}  # print(), typer.echo()
NAMES_ONLY = {"kit (discretion-kit) "}
"""Literal text that is only names, the same in every language (``kit --version``)."""
_KEY = re.compile(r"[A-Za-z0-9_.\-]*")


def _words(node: ast.AST) -> bool:
    """Whether ``node`` builds text a person reads (not a catalog key, not data passed through)."""
    if isinstance(node, ast.Constant):
        text = node.value
        return (isinstance(text, str) and not _KEY.fullmatch(text) and text not in NAMES_ONLY
                and any(c.isalpha() for c in text))
    if isinstance(node, ast.JoinedStr):
        return any(_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("join", "format"):
        return _words(node.func.value) or any(_words(a) for a in node.args)
    return False


def _name(func: ast.AST) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _bases(trees: dict[str, ast.Module]) -> dict[str, set[str]]:
    """Each class defined in kit/ → the names of its bases."""
    out: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                out.setdefault(node.name, set()).update(n for n in map(_name, node.bases) if n)
    return out


def _for_developers(name: str, bases: dict[str, set[str]], seen: frozenset[str] = frozenset()) -> bool:
    if name in DEVELOPERS:
        return True
    if name in seen or name not in bases:
        return False
    return any(_for_developers(b, bases, seen | {name}) for b in bases[name])


def literals(trees: dict[str, ast.Module]) -> list[str]:
    """``file:line: raise X`` / ``file:line: print`` for every message written as words in one language."""
    bases = _bases(trees)
    found = []
    for file, tree in sorted(trees.items()):
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                name = _name(node.exc.func) or "?"
                if not name.startswith("_") and not _for_developers(name, bases) and _words(node.exc.args[0]):
                    found.append(f"{file}:{node.lineno}: raise {name}")
            elif isinstance(node, ast.Call) and _name(node.func) in _PRINTS and node.args and _words(node.args[0]):
                found.append(f"{file}:{node.lineno}: {_name(node.func)}")
    return found


def _kit() -> dict[str, ast.Module]:
    return {str(p.relative_to(KIT.parent)): ast.parse(p.read_text(encoding="utf-8")) for p in KIT.rglob("*.py")}


def test_no_error_or_printed_line_of_kit_is_words_in_one_language():
    assert literals(_kit()) == []


PLANTED = '''
class Broken(ValueError): ...
class Bug(RuntimeError): ...
class _Signal(Exception): ...
def f(x, out):
    raise ValueError(f"{x}: the output must be an .xlsx file")       # flagged
    raise Broken("a deduction needs its points")                      # flagged
    raise FileNotFoundError("no gradebook at " + str(x))              # flagged
    raise ValueError(" or ".join(x))                                  # flagged
    print(f"written {out}")                                           # flagged
    raise Bug(f"step {x} wrote state.fine")                           # a programming mistake: fine
    raise TypeError("unknown options")                                # fine
    raise ValueError(x)                                               # data passed through: fine
    raise ValueError("err.bad_request")                               # a catalog key: fine
    raise _Signal("anchor or tag")                                    # module-private signal: fine
    print(x)                                                          # fine
    typer.echo(f"{x}  [{out}]")                                       # no words: fine
    typer.echo(f"stale: {x}; regenerate with: kit schema", err=True)  # flagged
'''


def test_the_walk_catches_each_planted_literal_and_only_those():
    found = literals({"kit/planted.py": ast.parse(PLANTED)})
    assert found == ["kit/planted.py:6: raise ValueError", "kit/planted.py:7: raise Broken",
                     "kit/planted.py:8: raise FileNotFoundError", "kit/planted.py:9: raise ValueError",
                     "kit/planted.py:10: print", "kit/planted.py:18: echo"]
