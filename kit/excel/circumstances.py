"""The 裁量情节 of one item → the tier alternatives the engine decides, and the factors of the matter.

A row's words can hold several alternatives (具有下列情形之一：（1）…；（2）… / …，或者…); each becomes one
alternative, read by ``conditions.read_condition``. Where words remain, the alternative needs a factor: one
per distinct text within the item (the same words in two tiers are the same box), labelled with the
published text, direction ``circumstance`` (it selects a tier and has no effect of its own)."""

from __future__ import annotations

import re

from .conditions import Reading, label, read_condition

_LIST = re.compile(r"^(?P<head>[^：:]*?(?:下列|以下)情形之一)[：:](?P<body>.+)$")
_NUMBERED = re.compile(r"[（(]\d+[）)]|(?<![\d.])\d+[、．](?!\d)|(?<![\d.])\d+\.(?!\d)")  # not 0.1吨


def split_alternatives(text: str) -> list[str]:
    """具有下列情形之一：（1）a；（2）b → [a, b]; a，或者b → [a, b]; otherwise [text]."""
    t = re.sub(r"\s+", "", text)
    m = _LIST.match(t)
    if m:
        parts = [p.strip("；;。，, ") for p in _NUMBERED.split(m.group("body"))]
        parts = [p for p in parts if p]
        if len(parts) >= 2:
            return parts
    parts = [p.strip("；;。，, ") for p in re.split(r"[，,；;]或者", t)]
    if len(parts) >= 2 and all(parts):
        return parts
    return [text.strip()]


def fact_def(fact: str, labels: dict[str, tuple[str, str, str]] | None = None) -> dict:
    """The matter's FactDef for a fact a condition uses: labelled with the table's own words where it has them
    (年处理危险废物量（吨）), else the vocabulary's label."""
    zh, en, unit = (labels or {}).get(fact) or label(re.sub(r"_\d+$", "", fact))
    return {"id": fact, "zh": zh, "en": en, "unit": unit}


class Circumstances:
    """The factors one item's words need, named ``PREFIX.cN`` in the order the texts first appear."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.by_text: dict[str, str] = {}
        self.readings: list[Reading] = []
        self.labels: dict[str, tuple[str, str, str]] = {}  # fact → its label, from the first text naming it
        self.measures: dict[str, str] = {}  # fact id → the table's words for its measure

    def _factor(self, text: str) -> str:
        key = re.sub(r"\s+", "", text).rstrip("。；;")
        if key not in self.by_text:
            self.by_text[key] = f"{self.prefix}.c{len(self.by_text) + 1}"
        return self.by_text[key]

    def _fact_id(self, fact: str, named: str | None) -> str:
        """One fact per measure the table names: 涉及危险废物…吨 and 涉及表土…吨 are two facts of one matter
        (quantity_t, quantity_t_2); a threshold without words of its own takes the first."""
        if named is None:
            return fact
        for fid, words in self.measures.items():
            if words == named and (fid == fact or fid.startswith(fact + "_")):
                return fid
        if fact not in self.measures:
            self.measures[fact] = named
            return fact
        n = 2 + sum(1 for fid in self.measures if fid.startswith(fact + "_"))
        self.measures[f"{fact}_{n}"] = named
        return f"{fact}_{n}"

    def alternatives(self, text: str) -> list[dict]:
        out = []
        for part in split_alternatives(text):
            reading = read_condition(part)
            self.readings.append(reading)
            ids = {fact: self._fact_id(fact, reading.named.get(fact)) for fact in reading.facts}
            for fact, lab in reading.facts.items():
                self.labels.setdefault(ids[fact], lab)
            conds = [{**c, "fact": ids.get(c["fact"], c["fact"])} for c in reading.all]
            alt: dict = {"text": part, "all": conds}
            if reading.words or not reading.all:
                alt["factor"] = self._factor(part)
            out.append(alt)
        return out

    def factors(self, used: set[str], title: str) -> list[dict]:
        return [{"id": fid, "zh": text, "en": f"(published in Chinese) {text}", "kind": "discretionary",
                 "direction": "circumstance", "citation": f"{title}（裁量情节）"}
                for text, fid in self.by_text.items() if fid in used]
