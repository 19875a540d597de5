"""Citations as an officer says them: the statute's article, the baseline by its title (its matter in English),
the part of it by the level's label or the tier's number — never a baseline id or a dotted path.

The engine's trace names where a rule came from as a machine reference (``TraceStep.baseline_ref``, e.g.
``js-scjg-44（2024）levels.standard.fine``; a conflict names a node ``gd-x.levels.standard.fine``). The
grading reasons, the drill's trace and the workshop's key read it back here into words of the catalog
(``reasons.ref_*``). Without a library the baseline is named by its version only ("the applicable baseline")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..baselines.vocabulary import Level
from ..i18n import Lang, named, t

if TYPE_CHECKING:
    from ..baselines import Library
    from ..engine.decision import Decision, TraceStep

_REF = re.compile(r"^(?P<id>[^（）]+?)（(?P<version>[^）]*)）(?P<part>.*)$")
_LEVEL_PART = re.compile(r"^levels\.(?P<level>\w+)(?P<fine>\.fine)?(?:\..*)?$")
_TIER_PART = re.compile(r"^tiers\[(?P<n>\d+)\](?:\..*)?$")
# The engine's fixed reference words and the catalog entry each is said by.
_WORDS = {"适用规则": "rules", "具体标准": "standards", "分档": "tiers", "individual_fine": "individual",
          "statute": "statute", "per_unit": "statute", "法定幅度": "statute", "tier": "tiers",
          "（情节严重：法定第二档幅度）": "serious"}


def baseline_name(baseline_id: str, version: str | None, lang: Lang, library: Library | None) -> str:
    """``《title》（2024）`` / ``the baseline on <matter> (2024)``; the version alone without a library."""
    b = library.baselines.get(baseline_id) if library is not None else None
    if b is None:
        return t("reasons.baseline_unnamed", lang, version=version or "—")
    matter = library.matters.get(b.matter) if library is not None else None
    name = named(b.title, matter.name_en if matter else None, lang)
    return t("reasons.baseline_named", lang, name=name.strip("《》"), version=version or b.version)


def part_text(part: str, lang: Lang) -> str:
    """A baseline's part (``levels.lenient.fine``, ``tiers[2]``, ``适用规则 r1``) in words; '' for the whole."""
    part = part.strip()
    if not part:
        return ""
    if m := _LEVEL_PART.match(part):
        try:
            label = Level(m["level"]).label(lang)
        except ValueError:
            return ""
        return t("reasons.ref_level_fine" if m["fine"] else "reasons.ref_level", lang, level=label)
    if m := _TIER_PART.match(part):
        return t("reasons.ref_tier", lang, n=m["n"])
    word = _WORDS.get(part.split(" ")[0]) or _WORDS.get(part)
    return t(f"reasons.ref_{word}", lang) if word else ""


def ref_text(ref: str, lang: Lang, library: Library | None = None) -> str:
    """An engine reference in words. A list item's reference (``<list title> 第3项``) is already words."""
    if m := _REF.match(ref):
        return _join(baseline_name(m["id"], m["version"], lang, library), part_text(m["part"], lang), lang)
    head, _, rest = ref.partition(".")
    if rest and library is not None and head in library.baselines:  # a node of another baseline (a conflict)
        return _join(baseline_name(head, None, lang, library), part_text(rest, lang), lang)
    if ref in _WORDS:
        return part_text(ref, lang)
    if re.fullmatch(r"[\w\-]+(\.[\w\-\[\]]+)+", ref):  # some other machine path: say nothing rather than a path
        return ""
    return ref


def in_words(text: str, lang: Lang, library: Library | None) -> str:
    """A trace sentence with the baselines it names by id said by name: ``id（2024）`` → ``《title》（2024）``, a
    node ``id.levels.standard.fine`` → its title and part, a bare id → ``《title》`` / ``“matter”``."""
    if library is None or not text:
        return text
    pattern = _id_pattern(library)
    if not pattern.search(text):
        return text

    def said(m: re.Match) -> str:
        if m["version"] is not None:
            return baseline_name(m["id"], m["version"], lang, library)
        if m["path"]:
            return _join(baseline_name(m["id"], None, lang, library), part_text(m["path"], lang), lang)
        b = library.baselines[m["id"]]
        matter = library.matters.get(b.matter)
        return t("reasons.baseline_bare", lang, name=named(b.title, matter.name_en if matter else None, lang).strip("《》"))

    return pattern.sub(said, text)


def _id_pattern(library: Library) -> re.Pattern:
    key = id(library)
    if key not in _PATTERNS or _PATTERNS[key][0] is not library:
        # ids are ASCII; \w would match the Chinese characters around them too
        ids = "|".join(re.escape(b) for b in sorted(library.baselines, key=len, reverse=True))
        _PATTERNS[key] = (library, re.compile(
            rf"(?<![A-Za-z0-9_-])(?P<id>{ids})(?![A-Za-z0-9_-])"
            r"(?:（(?P<version>[^）]*)）|\.(?P<path>[A-Za-z0-9_.\[\]]*[A-Za-z0-9_\]]))?"))
    return _PATTERNS[key][1]


_PATTERNS: dict[int, tuple[Library, re.Pattern]] = {}


def _join(baseline: str, part: str, lang: Lang) -> str:
    return t("reasons.ref_in", lang, baseline=baseline, part=part) if part else baseline


def cite(step: TraceStep, lang: Lang, library: Library | None = None) -> str:
    """A trace step's citation: the statute or rule it applies and the baseline part it read, in words."""
    said = [s for s in (step.citation, ref_text(step.baseline_ref, lang, library) if step.baseline_ref else "") if s]
    return t("common.semicolon", lang).join(said)


def basis(decision: Decision, lang: Lang, library: Library | None = None) -> str:
    """What an outcome rests on: the penalty provisions and the baseline in force, in words."""
    said = list(decision.provisions)
    if decision.baseline:
        said.append(baseline_name(decision.baseline, decision.baseline_version, lang, library))
    return t("common.semicolon", lang).join(said) or "—"


def summary(decision: Decision, lang: Lang, library: Library | None = None) -> str:
    """``decision.summary(lang)`` with each step's citation and the baselines it names said in words."""
    text = decision.summary(lang)
    for step in decision.trace:
        if step.fired:
            text = text.replace(f"〔{step.cites()}〕", f"〔{cite(step, lang, library)}〕", 1)
    return in_words(text, lang, library)
