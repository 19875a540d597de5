"""One item → a matter and a baseline (the files of the library), with the documented defaults for what a
published table does not say: ids, the provision's citation, statutory fine and level, the tiers' levels."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pydantic import ValidationError

from kit.i18n.validation import problems

from kit.baselines.errors import show
from kit.baselines.models import MultipleFine, PerUnitFine, Tier
from kit.baselines.vocabulary import ILLUSTRATIVE_MARK, Level
from kit.i18n.message import msg

from .alternatives import provision_penalties
from .circumstances import Circumstances
from .context import Context, Item, Row
from .phrases import PhraseError, _fine_clause, clauses
from .circumstances import fact_def
from .tiers import conditions, default_level, tier_level, groups, individual_parts, standard_parts, tier_name
from .vocabulary import BASES, PER_UNITS

TIER_KEYS = ("fine", "individual_fine", "penalties", "measures", "standard")
LEVEL_KEYS = ("fine", "individual_fine", "penalties")
DEFAULT_LEVEL_NOTE = ("裁量阶次由导入程序按类别位置推定（每段首档从轻、末档从重、其余一般；只有一档为一般），"
                      "原表未分阶次。")


@dataclass
class Built:
    """One item built: its baseline (without tiers and levels), and the tiers and levels whose rows all
    imported, each with its rows. Tiers keep their published numbers; one left out leaves a gap."""

    item: Item
    baseline_id: str
    data: dict
    derived: tuple[str, str] | None  # (matter, provision) of a matter derived from the table; None: 事项 sheet
    tiers: list[tuple[Tier, list[Row]]]
    levels: dict[str, tuple[dict, list[Row]]]
    circumstances: Circumstances | None = None

    @property
    def rows(self) -> list[Row]:
        return [r for _, rows in self.tiers for r in rows] + [r for _, rows in self.levels.values() for r in rows]

    def files(self, ctx: Context) -> dict[str, dict]:
        tiers = [t for t, _ in self.tiers]
        files = {}
        if self.derived is not None:
            matter_id, provision_id = self.derived
            files[f"matters/{matter_id}.yaml"] = {
                "format_version": 1, "matter": _derive_matter(self.item, matter_id, provision_id, tiers, ctx,
                                                            self.circumstances)}
        data = {**self.data, "tiers": tiers, "levels": {k: v for k, (v, _) in self.levels.items()}}
        files[f"baselines/{self.baseline_id}.yaml"] = {"format_version": 1, "baseline": data}
        used = {alt.factor for t in tiers for alt in t.when if alt.factor}
        factors = self.circumstances.factors(used, data["title"]) if self.circumstances else []
        if factors:
            files[f"factors/{self.baseline_id}.yaml"] = {"format_version": 1, "factors": factors}
        return files


def _safe_id(text: str) -> str:
    out = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text).strip("-.")
    return out or "item"


def _tier(block: str, no: int, rows: list[Row], level: str, ctx: Context,
          circumstances: Circumstances | None = None) -> Tier | None:
    """One tier from its rows (each an alternative 裁量情节), or None with the problems reported."""
    parts = standard_parts(rows, TIER_KEYS, ctx)
    if parts is not None and block == "individual":
        parts = individual_parts(parts, rows[0], ctx)
        if parts is None:
            ctx.parsed.difference_update(r.at for r in rows)
    alternatives = []
    for row in rows:
        conds = conditions(row, ctx)
        if not row.get("when"):
            ctx.error(row, "when", msg("excel_import.build.when_empty"), msg("excel_import.build.when_empty.expected"),
                      msg("excel_import.empty_cell"))
            continue
        if circumstances is not None and not conds and not row.get("factor"):
            alternatives.extend(circumstances.alternatives(row.get("when")))  # read from the words
            continue
        alternatives.append({"text": row.get("when"), "all": conds or [],
                             **({"factor": row.get("factor")} if row.get("factor") else {})})
    if parts is None or not alternatives:
        return None
    tier = {"no": no, "block": block, "level": level, "when": alternatives, **parts,
            "remark": rows[0].get("remark") or None}
    try:
        return Tier.model_validate(tier)
    except ValidationError as exc:
        for p in problems(exc):
            ctx.error(rows[0], "standard", p.text(tier_name(block, no)), msg("excel_import.build.value.expected"),
                      show(p.input))
    return None


def build_item(item: Item, meta: dict, ctx: Context) -> Built | None:
    """The item's baseline with every tier and level whose rows all import; None when none does, or when
    the item itself has a problem (no baseline data, no sector, 违法行为 differing from the 事项 sheet)."""
    o = ctx.options
    first = item.rows[0]
    tier_groups, level_groups, _ = groups(item, ctx)
    baseline_meta = meta["baselines"].get(item.key) if "baseline" in first.cols else None
    # tiers
    tiers: list[tuple[Tier, list[Row]]] = []
    defaulted = False
    blocks = defaultdict(list)
    for block, no, _rows in tier_groups:
        blocks[block].append(no)
    machine = "conditions" in first.cols or "factor" in first.cols  # an exported workbook says them itself
    prefix = _safe_id(baseline_meta[0].id if baseline_meta else f"{o.authority or 'item'}-{item.key}")
    circumstances = None if machine else Circumstances(prefix)
    for block, no, rows in tier_groups:
        level_text = rows[0].get("level")
        if level_text:
            try:
                level = tier_level(level_text) or Level.parse(level_text).value
            except ValueError:
                ctx.error(rows[0], "level", msg("excel_import.level"), msg("excel_import.level.expected"),
                          show(level_text))
                continue
        else:
            level = default_level(blocks[block].index(no), len(blocks[block]))
            defaulted = True
        tier = _tier(block, no, rows, level, ctx, circumstances)
        if tier is not None and ctx.ok(rows):
            tiers.append((tier, rows))
    levels = {}
    for level, rows in level_groups.items():
        parts = standard_parts(rows, LEVEL_KEYS, ctx)
        if parts is not None and ctx.ok(rows):
            levels[level] = ({"conditions": [r.get("when") for r in rows if r.get("when")], **parts}, rows)
    if not tiers and not levels:
        return None
    # matter and baseline
    derived = None
    if baseline_meta is not None:
        baseline_node, _ = baseline_meta
        data = baseline_node.model_dump(exclude={"levels", "tiers"})
        matter = meta["matters"].get(baseline_node.matter)
        if matter is not None and first.get("act") and first.get("act") != matter.name:
            ctx.error(first, "act", msg("excel_import.build.act_differs"), show(matter.name), show(first.get("act")))
            return None
        if matter is None:
            derived = (baseline_node.matter, baseline_node.provision)
    else:
        missing = [flag for flag, value in (("--authority", o.authority), ("--effective-from", o.effective_from),
                                            ("--sector", o.sector)) if not value]
        if missing:  # all of them in one message, so one run tells the author everything to add
            ctx.error(first, "no", msg("excel_import.build.no_data"),
                      msg("excel_import.build.no_data.expected", flags=", ".join(missing)),
                      msg("excel_import.none_given"))
            return None
        base = f"{o.authority}-{_safe_id(item.key)}"
        derived = (base, f"{base}-basis")
        label = first.get("label")
        act = first.get("act").splitlines()[0] if first.get("act") else item.key
        data = {
            "id": base, "title": f"{o.title or item.title or item.sheet} {item.key} {act}".strip(),
            "authority": o.authority, "matter": base, "provision": f"{base}-basis",
            "version": o.version or str(o.effective_from.year), "effective_from": o.effective_from,
            "document": o.document,
            "disclaimer": ILLUSTRATIVE_MARK if (o.illustrative or ILLUSTRATIVE_MARK in label or "示例" in label)
            else None,
        }
        if defaulted:
            data["teaching_note"] = DEFAULT_LEVEL_NOTE
    if derived is not None and _derive_matter(item, *derived, [t for t, _ in tiers], ctx) is None:
        return None
    return Built(item, data["id"], data, derived, tiers, levels, circumstances)


def _derive_matter(item: Item, matter_id: str, provision_id: str, tiers: list[Tier], ctx: Context,
                   circumstances: Circumstances | None = None) -> dict | None:
    """A matter from the table's own words: 违法行为, 违法依据, 处罚依据/法律依据 (documented defaults)."""
    o = ctx.options
    first = item.rows[0]
    if not o.sector:
        ctx.error(first, "act", msg("excel_import.build.sector"), msg("excel_import.build.sector.expected"),
                  msg("excel_import.none"))
        return None
    bases_text = []
    for row in item.rows:
        if row.get("basis") and row.get("basis") not in bases_text:
            bases_text.append(row.get("basis"))
    basis = "\n".join(bases_text)
    citation = re.split(r"[：:\n]", basis.strip(), maxsplit=1)[0].strip() if basis else ""
    citation = re.sub(r"^\d+[、.]", "", citation) or item.key
    law = re.match(r"^《[^》]+》", item.title or "")
    if law and citation.startswith("第"):  # 设定依据 gives the article only: the sheet's 法规规章 names the law
        citation = law.group(0) + citation
    breaches = [b.strip() for b in re.split(r"\n", first.get("breach")) if b.strip()] or [citation]
    statutory = statutory_fine(first.get("statutory") or basis)
    facts = {}
    for spec in [statutory] + [t.fine for t in tiers] + [t.individual_fine for t in tiers]:
        if isinstance(spec, MultipleFine):
            _, zh, en = next(v for v in BASES.values() if v[0] == spec.base)
            facts[spec.base] = {"id": spec.base, "zh": zh, "en": en}
        elif isinstance(spec, PerUnitFine):  # 每平方米… (PER_UNITS), or given in 数据: named by its id only
            known = next((v for v in PER_UNITS.values() if v[0] == spec.per), None)
            facts[spec.per] = ({"id": spec.per, "zh": known[1], "en": known[2], "unit": known[3]} if known else
                               {"id": spec.per, "zh": spec.per, "en": spec.per, "unit": ""})
    for fact in sorted({c.fact for t in tiers for alt in t.when for c in alt.all}):
        if fact not in facts:
            facts[fact] = fact_def(fact, circumstances.labels if circumstances else None)
    label = first.get("label")
    return {
        "id": matter_id, "name": first.get("act") or item.key, "name_en": "", "sector": o.sector,
        "breaches": breaches, "facts": list(facts.values()),
        "provisions": [{
            "id": provision_id, "citation": citation, "statute_level": statute_level(citation),
            "effective_from": o.effective_from, "fine": statutory, "penalties": ["fine"] if statutory else [],
            "text": basis or None, **provision_penalties(basis),  # 处警告或者…罚款: warning or fine
        }],
        "disclaimer": ILLUSTRATIVE_MARK if (o.illustrative or "示例" in label) else None,
    }


def statutory_fine(text: str) -> object | None:
    """The unit fine of the statute text when it states exactly one; None when none or several (罚款：（一）…
    lists several)."""
    if re.search(r"罚款[：:]", text):
        return None
    found = []
    for clause in (c for line in text.splitlines() for c in clauses(line)):
        if "罚款" not in clause:
            continue
        tail = clause[clause.rfind("处") - 2 if clause.rfind("处") >= 2 else 0:]
        for candidate in (clause, tail, clause[clause.find("处"):] if "处" in clause else clause):
            try:
                spec, who, _ = _fine_clause(candidate)
            except PhraseError:
                continue
            if who == "unit" and spec not in found:
                found.append(spec)
            break
    return found[0] if len(found) == 1 else None


def statute_level(citation: str) -> str:
    """Documented default: 《中华人民共和国…法》 law; …省/市…条例 local regulation; 条例 administrative regulation;
    办法/规定/细则 departmental rule (local government rule when a province or city issued it)."""
    name = citation.split("》")[0]
    local = re.search(r"《[^》]*?(省|自治区|市)", citation) is not None and "中华人民共和国" not in name
    if name.endswith("法") or re.search(r"法（|法》", citation):
        return "law" if not local else "local_regulation"
    if "条例" in name:
        return "local_regulation" if local else "administrative_regulation"
    return "local_rule" if local else "departmental_rule"


