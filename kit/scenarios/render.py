"""How generated values read in narratives: amounts, dates, quantities in Chinese and English, and
``{placeholder}`` filling.

Narratives imitate case files, which write large amounts in 万元:
- below 10,000 yuan: the kit's money, ``8,000元``, ``950元``, ``1,234.50元`` (kit.i18n.money);
- from 10,000 yuan: in 万元 with the decimals it needs, ``2.5万元``, ``12.3456万元``; from 100,000,000 in 亿元.
English: the kit's money, ``CNY 25,000``. Dates: the kit's dates, ``2024年3月5日`` / ``5 March 2024``."""

from __future__ import annotations

import re
from datetime import date
from collections.abc import Callable

from ..i18n import date_text, money, t, unit_label

ILLUSTRATIVE_ZH = "（示例案例，非正式文件）"
ILLUSTRATIVE_EN = "(Constructed example, not an official document.)"

def number(value: float, *, separators: bool = True) -> str:
    """``8000`` → ``8,000``; ``2.50`` → ``2.5``; no float noise (0.30000000000000004 → 0.3)."""
    value = round(float(value), 6)
    if value.is_integer():
        return f"{int(value):,}" if separators else str(int(value))
    text = f"{value:,.6f}" if separators else f"{value:.6f}"
    return text.rstrip("0").rstrip(".")


def yuan_zh(amount: float) -> str:
    """``8000`` → ``8,000元``; ``25000`` → ``2.5万元``; ``123456`` → ``12.3456万元``; ``2e8`` → ``2亿元``."""
    amount = float(amount)
    if abs(amount) >= 100_000_000:
        return f"{number(amount / 100_000_000, separators=False)}亿元"
    if abs(amount) >= 10_000:
        return f"{number(amount / 10_000, separators=False)}万元"
    return money(amount, "zh")


def yuan_en(amount: float) -> str:
    return money(amount, "en")


def date_zh(day: date) -> str:
    return date_text(day, "zh")


def date_en(day: date) -> str:
    return date_text(day, "en")


def quantity(value: float, unit: str | None, unit_en: str | None = None) -> tuple[str, str]:
    """A fact or variable with its unit, in (zh, en). 元 is an amount; 比例 is a share written as a percentage;
    倍 is a multiple; 千克 is kg (their English names: the catalog's); other units follow the number."""
    if unit in (None, ""):
        return number(value), number(value)
    if unit == "元":
        return yuan_zh(value), yuan_en(value)
    if unit == "比例":
        pct = number(value * 100)
        return f"{pct}%", f"{pct}%"
    if unit == "是否":
        return t("common.yes" if value else "common.no", "zh"), t("common.yes" if value else "common.no", "en")
    if unit in ("倍", "千克"):  # units the catalog names in both languages (common.unit.*)
        return f"{number(value)}{unit_label(unit, 'zh')}", f"{number(value)} {unit_label(unit, 'en')}"
    en = f"{number(value)} {unit_en}" if unit_en else number(value)
    return f"{number(value)}{unit}", en


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def placeholders(text: str) -> list[tuple[str, int]]:
    """Every ``{name}`` in ``text`` with its offset (``{{`` and ``}}`` are literal braces). A stray brace is
    reported as the placeholder ``{`` or ``}`` so that the loader can say where it is."""
    found = [(m.group(1), m.start()) for m in _PLACEHOLDER.finditer(text) if m.group(1) is not None]
    stripped = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
    found += [(ch, i) for i, ch in enumerate(stripped) if ch in "{}"]
    return sorted(found, key=lambda pair: pair[1])


def fill(text: str, lookup: Callable[[str], str]) -> str:
    """Replace each ``{name}`` by ``lookup(name)``; ``{{`` / ``}}`` become braces."""
    def one(m: re.Match) -> str:
        if m.group(1) is None:
            return m.group(0)[0]
        return lookup(m.group(1))
    return _PLACEHOLDER.sub(one, text)


def tidy_zh(text: str) -> str:
    """Paragraphs trimmed, no doubled full stops, no spaces between Chinese sentences."""
    paragraphs = [re.sub(r"[ \t]+", "", p.strip()) if _mostly_cjk(p) else p.strip() for p in text.split("\n")]
    out = "\n".join(p for p in paragraphs if p)
    return re.sub(r"。。+", "。", out)


def tidy_en(text: str) -> str:
    paragraphs = [re.sub(r"[ \t]+", " ", p.strip()) for p in text.split("\n")]
    out = "\n".join(p for p in paragraphs if p)
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    return re.sub(r"\.\.+", ".", out)


def _mostly_cjk(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk * 2 >= len(text.strip()) > 0


# ---------------------------------------------------------------- the rendering step of generation


CAPACITY_TEXT: dict[str, tuple[str, str]] = {
    "full": ("", ""),
    "partial": ("经司法鉴定，当事人患有轻度精神发育迟滞，实施行为时辨认和控制自己行为的能力减弱，但尚未完全丧失",
                "A forensic appraisal found that the party has a mild intellectual disability: when acting, their "
                "ability to recognise and control the act was reduced but not lost"),
    "none": ("经司法鉴定，当事人患有精神分裂症，实施行为时处于发病期，不能辨认自己的行为",
             "A forensic appraisal found that the party has schizophrenia and was in an acute episode when acting, "
             "unable to recognise what they were doing"),
    "intermittent_lucid": ("经司法鉴定，当事人患有间歇性精神病，但实施行为时处于缓解期，精神状态正常",
                           "A forensic appraisal found that the party has an intermittent mental illness but was in "
                           "remission, mentally normal, when acting"),
}


def values(d) -> dict[str, tuple[str, str]]:
    """Every placeholder of a draft (a ``draw.Draft``) as (zh, en) text."""
    t = d.template
    out: dict[str, tuple[str, str]] = {}
    units = {f.id: f.unit for f in d.library.matters[t.matter].facts}
    for name, value in d.facts.items():
        spec = t.facts.get(name)
        out[name] = _mapped(spec, value) or quantity(value, units.get(name, ""))
    for name, value in d.vars.items():
        spec = t.vars[name]
        if isinstance(value, str):
            out[name] = (value, value)
        elif hasattr(value, "zh"):
            out[name] = (value.zh, value.en)
        else:
            unit = spec.unit
            zh_unit, en_unit = (unit.zh, unit.en) if hasattr(unit, "zh") else (unit, unit if unit and unit.isascii() else None)
            out[name] = _mapped(spec, value) or quantity(value, zh_unit, en_unit)
    p = d.party
    if p is not None:
        out["party"] = (p.name.zh, p.name.en)
        if p.kind == "person":
            out["party_desc"] = (f"{p.name.zh}（{p.sex.zh}，{p.age}周岁）", f"{p.name.en} ({p.sex.en}, aged {p.age})")
            out["age"] = (f"{p.age}周岁", f"{p.age}")
            custom = t.party.capacity_text.get(p.capacity)
            zh_cap, en_cap = (custom.zh, custom.en) if custom else CAPACITY_TEXT[p.capacity]
            out["capacity"] = (_sentence_zh(zh_cap) if zh_cap else "", _sentence_en(en_cap) if en_cap else "")
            if p.occupation is not None:
                out["occupation"] = (p.occupation.zh, p.occupation.en)
        else:
            out["party_desc"] = out["party"]
            out["capacity"] = ("", "")
    authority = d.library.authorities[t.authority]
    out["authority"] = (authority.name, authority.name_en or authority.name)
    matter = d.library.matters[t.matter]
    out["matter_name"] = (matter.name, matter.name_en)
    if d.city is not None:
        out["city"] = (d.city.zh, d.city.en)
    for name, day in d.dates.items():
        out[name] = (date_zh(day), date_en(day))
    return out


def _mapped(spec, value) -> tuple[str, str] | None:
    if spec is not None and spec.text:
        for key, text in spec.text.items():
            if abs(float(key) - float(value)) < 1e-9:
                return text.zh, text.en
    return None


def render_narratives(d) -> None:
    """Fill the narrative and the circumstance sentences in both languages; end with the illustrative mark."""
    vals = values(d)
    zh = lambda name: vals.get(name, ("", ""))[0]  # noqa: E731
    en = lambda name: vals.get(name, ("", ""))[1]  # noqa: E731
    vals["circumstances"] = (
        "".join(_sentence_zh(fill(s.zh, zh)) for s in d.sentences),
        " ".join(_sentence_en(fill(s.en, en)) for s in d.sentences),
    )
    d.narrative_zh = tidy_zh(fill(d.template.narrative.zh, zh)) + "\n" + ILLUSTRATIVE_ZH
    d.narrative_en = tidy_en(fill(d.template.narrative.en, en)) + "\n" + ILLUSTRATIVE_EN


def _sentence_zh(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "”")) else text + "。"


def _sentence_en(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", '"')) else text + "."
