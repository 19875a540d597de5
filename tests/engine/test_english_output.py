"""English output is English: every word the kit itself says about a decision or a refusal comes from the catalog.

Chinese may remain in English output only where it is data: the library's own texts (names, titles, labels,
conditions, formulas that a library gives only in Chinese) and citations (the 〔…〕 after each step: the statute's
and the baseline's own article and part names, cited as they are written). The check blanks exactly those —
every text of the library that evaluated the case, and the citation brackets — and then finds no Chinese left.
Cases: every expert case of tests/cases (with its own library), and generated cases over the sample library and
each real library of kit/baselines/real."""

from __future__ import annotations

import random
import re
from datetime import timedelta
from pathlib import Path

import pytest

from kit.baselines import LibraryError, load_library, sample_library
from kit.engine import CaseError, evaluate
from kit.cases import load_expert_case, read_case_file
from kit.engine.case import Case
from tests.i18n.surfaces import texts_of

TESTS = Path(__file__).resolve().parents[1]
REAL = Path(__file__).resolve().parents[2] / "kit" / "baselines" / "real"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
CITES = re.compile(r"〔(?:[^〔〕]|〔[^〔〕]*〕)*〕")  # a citation may hold a document number: 苏政办发〔2023〕1号


_DATA: dict[int, tuple[object, list[str]]] = {}  # id → (the library, kept alive so its id is not reused; texts)


def library_data(library) -> list[str]:
    """Every text of the library that holds Chinese, longest first (so a title goes before a word inside it)."""
    if id(library) not in _DATA:
        out = {text for text in texts_of(library) if CJK.search(text)}
        _DATA[id(library)] = (library, sorted(out, key=len, reverse=True))
    return _DATA[id(library)][1]


def kit_words(text: str, library) -> list[str]:
    """The Chinese left in ``text`` once the library's data and the citations are blanked."""
    text = CITES.sub("〔〕", text)
    for data in library_data(library):
        text = text.replace(data, "·")
    return [m.group() for m in CJK.finditer(text.replace("〔〕", "")) if m.group() not in ("·",)]


def expert_cases():
    library = sample_library()
    for path in sorted((TESTS / "cases").glob("*.yaml")):
        data = read_case_file(path)
        for i, entry in enumerate(data.get("cases") or []):
            expect = entry.get("expect") or {}
            if "load_error" in expect:
                continue
            lib = load_library(TESTS / entry["library"]) if "library" in entry else library
            try:
                case = load_expert_case(path, i, lib)
            except LibraryError:
                continue  # a case the loader refuses: the loader's words are issue 10c's
            yield f"{path.stem}[{i}]", lib, case


def generated_cases(library, n: int = 150, seed: int = 7):
    """Cases over every baseline of a library: random facts, factors and parties (the benchmark's generator)."""
    rng = random.Random(seed)
    factors = sorted(library.factors)
    for i in range(n):
        b = rng.choice(sorted(library.baselines.values(), key=lambda b: b.id))
        matter = library.matters[b.matter]
        act = b.effective_from + timedelta(days=rng.randint(0, 400))
        facts = {f.id: float(rng.choice([0, 1, 3, 20_000, 300_000])) for f in matter.facts}
        yield f"{b.id}#{i}", library, Case.model_validate({
            "id": f"gen-{i}", "matter": b.matter, "authority": b.authority,
            "dates": {"act_start": act, "discovered": act + timedelta(days=rng.randint(0, 900))},
            "party": rng.choice([{"kind": "organisation"}, {"kind": "person", "age": rng.randint(12, 70)}]),
            "facts": facts, "factors": rng.sample(factors, rng.randint(0, 4))})


def all_cases():
    yield from expert_cases()
    yield from generated_cases(sample_library())
    for name in sorted(p.name for p in REAL.iterdir() if p.is_dir()):
        yield from generated_cases(load_library(REAL / name), n=100)


def test_english_output_has_no_chinese_of_the_kit():
    found: dict[str, list[str]] = {}
    decided = refused = 0
    for name, library, case in all_cases():
        try:
            decision = evaluate(library, case)
        except CaseError as error:
            refused += 1
            words = kit_words(error.report("en"), library)
        else:
            decided += 1
            words = kit_words(decision.summary("en"), library) + kit_words(decision._repr_html_("en"), library)
            for w in decision.to_dict()["warnings"]:
                words += kit_words(w["en"], library)
        if words:
            found[name] = sorted(set(words))
    assert decided > 300 and refused > 0  # the check saw decisions and refusals of every library
    assert not found, "\n".join(f"{k}: {v}" for k, v in list(found.items())[:30])


def test_the_check_finds_chinese_the_kit_says():
    library = sample_library()
    assert kit_words("No baseline applies: 按法定幅度计算。 〔行政处罚法第三十二条〕", library) == ["按法定幅度计算。"]
    some = library_data(library)[0]
    assert kit_words(f"The baseline {some} applies.", library) == []


@pytest.mark.parametrize("lang, other", [("zh", "en")])
def test_chinese_output_is_the_default(lang, other):
    _, lib, case = next(expert_cases())
    d = evaluate(lib, case)
    assert d.summary() == d.summary(lang) != d.summary(other)


def test_the_trace_writes_dates_as_the_kit_does():
    """Dates in a trace read 2025年2月13日 / 13 February 2025 (kit.i18n.date_text), never as ISO digits."""
    from kit.i18n import date_text

    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    checked = 0
    for name, library, case in all_cases():
        try:
            decision = evaluate(library, case)
        except CaseError:
            continue
        for step in decision.trace:
            for lang in ("zh", "en"):
                text = step.text(lang)
                assert not iso.search(text), (name, step.rule, text)
                if step.rule == "art36.time_bar" and case.dates.discovered is not None:
                    assert date_text(case.dates.discovered, lang) in text, (name, text)
                    checked += 1
    assert checked > 100
