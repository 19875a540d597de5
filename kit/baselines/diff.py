"""What changed between two versions of a baseline, in words a trainer can show."""

from __future__ import annotations

from dataclasses import dataclass

from .checks import fine_bounds
from .models import Baseline
from .vocabulary import Level


@dataclass(frozen=True)
class Change:
    kind: str  # added | removed | changed
    path: str
    zh: str
    en: str


def _range(spec: object) -> str:
    bounds = fine_bounds(spec)
    if bounds is None:
        return "—" if spec is None else type(spec).__name__
    unit = "倍" if hasattr(spec, "base") else "元"
    lo, hi = bounds
    return f"{lo:,g}{unit}" if lo == hi else f"{lo:,g}–{hi:,g}{unit}"


def diff_baselines(old: Baseline, new: Baseline) -> list[Change]:
    out: list[Change] = []

    def field(name: str, zh: str, en: str) -> None:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change("changed", name, f"{zh}：{a or '—'} → {b or '—'}", f"{en}: {a or '—'} → {b or '—'}"))

    for name, zh, en in (("version", "版本", "version"), ("title", "标题", "title"),
                         ("effective_from", "施行日期", "in force from"), ("effective_to", "失效日期", "in force until"),
                         ("provision", "处罚依据", "provision"), ("refines", "细化的上级基准", "refines"),
                         ("document", "文号", "document"), ("teaching_note", "教学说明", "teaching note")):
        field(name, zh, en)
    for level in sorted(set(old.levels) | set(new.levels), key=lambda lv: lv.rank):
        a, b = old.levels.get(level), new.levels.get(level)
        path = f"levels.{level.value}"
        if a is None or b is None:
            kind = "added" if a is None else "removed"
            out.append(Change(kind, path, f"{'新增' if a is None else '删除'}阶次“{level.zh}”",
                              f"level {level.en} {kind}"))
            continue
        if a.fine != b.fine:
            out.append(Change("changed", f"{path}.fine", f"{level.zh}罚款幅度：{_range(a.fine)} → {_range(b.fine)}",
                              f"{level.en} fine: {_range(a.fine)} → {_range(b.fine)}"))
        for cond in b.conditions:
            if cond not in a.conditions:
                out.append(Change("added", f"{path}.conditions", f"{level.zh}新增适用条件：{cond}",
                                  f"{level.en}: condition added: {cond}"))
        for cond in a.conditions:
            if cond not in b.conditions:
                out.append(Change("removed", f"{path}.conditions", f"{level.zh}删除适用条件：{cond}",
                                  f"{level.en}: condition removed: {cond}"))
        if a.penalties != b.penalties:
            out.append(Change("changed", f"{path}.penalties",
                              f"{level.zh}处罚种类：{'、'.join(p.zh for p in a.penalties) or '—'} → "
                              f"{'、'.join(p.zh for p in b.penalties) or '—'}",
                              f"{level.en} penalty types changed"))
    old_tiers = {(t.block, t.no): t for t in old.tiers}
    new_tiers = {(t.block, t.no): t for t in new.tiers}
    for key in sorted(set(old_tiers) | set(new_tiers)):
        ta, tb = old_tiers.get(key), new_tiers.get(key)
        path = f"tiers[{key[1]}]" + (" (逾期不改正)" if key[0] == "overdue" else "")
        if ta is None or tb is None:
            out.append(Change("added" if ta is None else "removed", path,
                              f"{'新增' if ta is None else '删除'}第{key[1]}档", f"tier {key[1]} {'added' if ta is None else 'removed'}"))
            continue
        if ta.fine != tb.fine:
            out.append(Change("changed", f"{path}.fine", f"第{key[1]}档罚款：{_range(ta.fine)} → {_range(tb.fine)}",
                              f"tier {key[1]} fine: {_range(ta.fine)} → {_range(tb.fine)}"))
        if ta.level != tb.level:
            out.append(Change("changed", f"{path}.level", f"第{key[1]}档阶次：{ta.level.zh} → {tb.level.zh}",
                              f"tier {key[1]} level: {ta.level.en} → {tb.level.en}"))
        if [w.text for w in ta.when] != [w.text for w in tb.when]:
            out.append(Change("changed", f"{path}.when", f"第{key[1]}档裁量情节改为：{'；'.join(w.text for w in tb.when)}",
                              f"tier {key[1]} conditions changed"))
    ra, rb = old.rules, new.rules
    for name, zh in (("combination", "情节适用规则"), ("suggested_fine", "建议罚款取值"), ("rounding", "取整单位"),
                     ("contiguous", "阶次是否连续"), ("tier_choice", "多档符合时的取舍")):
        if getattr(ra, name) != getattr(rb, name):
            out.append(Change("changed", f"rules.{name}", f"{zh}：{getattr(ra, name)} → {getattr(rb, name)}",
                              f"rules.{name}: {getattr(ra, name)} → {getattr(rb, name)}"))
    wa = ra.scoring.weights if ra.scoring else {}
    wb = rb.scoring.weights if rb.scoring else {}
    for factor in sorted(set(wa) | set(wb)):
        if wa.get(factor) != wb.get(factor):
            out.append(Change("changed", f"rules.scoring.weights.{factor}",
                              f"因子{factor}分值：{wa.get(factor, '—')} → {wb.get(factor, '—')}",
                              f"factor {factor} weight: {wa.get(factor, '—')} → {wb.get(factor, '—')}"))
    for text in rb.text:
        if text not in ra.text:
            out.append(Change("added", "rules.text", f"新增适用规则：{text}", f"rule added: {text}"))
    for text in ra.text:
        if text not in rb.text:
            out.append(Change("removed", "rules.text", f"删除适用规则：{text}", f"rule removed: {text}"))
    return out


__all__ = ["Change", "diff_baselines", "Level"]
