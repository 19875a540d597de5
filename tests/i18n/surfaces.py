"""Telling the library's own words from the kit's words, to check that a page or a command speaks one language.

English output may show the library's data in Chinese — a matter's name, a citation, a title, an authority,
a factor given only in Chinese — but none of the kit's own words. The data is collected from the libraries the
kit ships (every text field of every node, walked generically) and cut out of the output, longest first; what
Chinese is left is the kit's. The one Chinese word an English page shows by design is its language toggle,
which names the other language in that language (``web.other_lang``).

Chinese output may show ASCII data (ids, fact names, file paths) but no English sentence of the catalog: every
English message is cut at its placeholders into fragments, and a fragment of two words or more that no Chinese
message contains must not appear."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from pydantic import BaseModel

from kit.baselines import REAL_LIBRARIES, load_library, sample_library
from kit.i18n import catalog, t

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _strings(value: object, out: set[str]) -> None:
    if isinstance(value, str):
        if value.strip():
            out.add(value.strip())
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _strings(getattr(value, name), out)
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings(k, out)
            _strings(v, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _strings(v, out)


def texts_of(library) -> set[str]:
    """Every text a library holds (its authorities, factors, matters, provisions, baselines, lists), stripped."""
    out: set[str] = set()
    for part in (library.authorities, library.factors, library.matters, library.provisions, library.baselines,
                 library.exemption_lists):
        _strings(part, out)
    return out


@lru_cache(maxsize=1)
def library_strings() -> tuple[str, ...]:
    """Every text of the sample and the bundled real libraries, longest first."""
    libraries = [sample_library(), *(load_library(p) for p in sorted(REAL_LIBRARIES.iterdir()) if p.is_dir())]
    out = set().union(*(texts_of(library) for library in libraries))
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def engine_citations() -> tuple[str, ...]:
    """The citations the engine's trace steps carry (a statute's article, or the engine's name of a rule such as
    基准适用规则：…), over every built-in template's cases. A statute is cited by its Chinese title in both
    languages; the engine's own rule names are Chinese-only text of kit/engine, which issue-10d moves to the
    catalog — cut here so that this sweep checks the front ends' words."""
    from kit.baselines.review import review
    from kit.engine.proposal import SEED_RULE
    from kit.scenarios import builtin_templates, generate

    library = sample_library()
    out: set[str] = {SEED_RULE}  # the provincial rule a departure cites (调整适用), quoted by the grading reasons
    # the filing review's citations of its rules (kit/baselines, which issue-10c puts through the catalog)
    out.update(f.rule for f in review(library))
    for template in builtin_templates(library):
        for seed in range(3):
            for step in generate(template, library, trainee_id="sweep", seed=seed).decision.trace:
                out.update(c for c in re.split(r"[；;]", step.citation) if c.strip())
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def _data() -> tuple[str, ...]:
    return tuple(sorted({*library_strings(), *engine_citations()}, key=len, reverse=True))  # longest first


def without_data(text: str) -> str:
    """``text`` with the library's words and the engine's citations cut out (a one-character text only where it
    stands alone, so that 处 of a unit does not cut 处罚 in two)."""
    text = html.unescape(text)
    for s in _data():
        if len(s) == 1:
            text = re.sub(rf"(?<![\u4e00-\u9fff]){re.escape(s)}(?![\u4e00-\u9fff])", " ", text)
        elif s in text:
            text = text.replace(s, " ")
    return text


def kit_cjk(text: str, inputs: str = "") -> list[str]:
    """The Chinese left in an English output once the library's own words are cut out; a run quoted from the
    command's own input file (``inputs``, its text) is data too."""
    rest = without_data(text).replace(t("web.other_lang", "en"), " ")
    flat = re.sub(r"\s+", "", inputs)
    return [run for run in CJK.findall(rest) if HAN.search(run) and not (flat and run in flat)]


@lru_cache(maxsize=1)
def english_phrases() -> tuple[str, ...]:
    entries = catalog().entries
    zh_all = "\n".join(v["zh"] for v in entries.values())
    found: set[str] = set()
    for texts in entries.values():
        for fragment in re.split(r"\{[^}]*\}|[\n:;()（）“”\"]", texts["en"]):
            fragment = fragment.strip(" .,!?—–-'")
            if len(re.findall(r"[A-Za-z]{2,}", fragment)) >= 2 and not HAN.search(fragment) \
                    and fragment not in zh_all:
                found.add(fragment)
    return tuple(sorted(found, key=len, reverse=True))


def catalog_english(text: str) -> list[str]:
    """English catalog phrases in a Chinese output (the library's own words cut out first)."""
    rest = without_data(text)
    return [p for p in english_phrases() if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", rest)]


def visible(page_html: str) -> str:
    """The text a reader sees in server-rendered HTML: no style, script or tags."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page_html, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))
