"""What changed between two versions of a baseline, in words a trainer can show (``review.*`` of the catalog)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import Msg, msg
from .models import Baseline
from .vocabulary import Level
from .wording import Said, fine, joined, label, value

FIELDS = ("version", "title", "effective_from", "effective_to", "provision", "refines", "document", "teaching_note")
RULES = ("combination", "suggested_fine", "rounding", "contiguous", "tier_choice")
CHOICES = ("combination", "suggested_fine", "tier_choice")  # rules whose values are named in the catalog


@dataclass(frozen=True)
class Change(Said):
    kind: str  # added | removed | changed
    path: str
    message: Msg  # what changed, said in the reader's language


def _changed(path: str, field: str, old: object, new: object) -> Change:
    def said(v: object) -> Msg | str:
        return msg(f"review.value.{field}.{v}") if field in CHOICES else value(v)

    return Change("changed", path, msg("review.changed", field=msg(f"review.field.{field}"), old=said(old),
                                       new=said(new)))


def _presence_or_fine(node: str, path: str, who: dict, a, b, facts: tuple) -> list[Change]:
    """A level or tier added or removed, else its fine changed, if it did."""
    if a is None or b is None:
        kind = "added" if a is None else "removed"
        return [Change(kind, path, msg(f"review.{node}_{kind}", **who))]
    if a.fine == b.fine:
        return []
    return [Change("changed", f"{path}.fine", msg(f"review.{node}_fine", **who, old=fine(a.fine, facts),
                                                  new=fine(b.fine, facts)))]


def diff_baselines(old: Baseline, new: Baseline, facts: Iterable[object] = ()) -> list[Change]:
    """Every edit from ``old`` to ``new``; ``facts`` (the matter's) name the base of a multiple."""
    facts = tuple(facts)
    out: list[Change] = [_changed(name, name, getattr(old, name), getattr(new, name)) for name in FIELDS
                         if getattr(old, name) != getattr(new, name)]
    for level in sorted(set(old.levels) | set(new.levels), key=lambda lv: lv.rank):
        a, b = old.levels.get(level), new.levels.get(level)
        path, name = f"levels.{level.value}", label(level)
        out.extend(_presence_or_fine("level", path, {"level": name}, a, b, facts))
        if a is None or b is None:
            continue
        out.extend(Change("added", f"{path}.conditions", msg("review.condition_added", level=name, text=cond))
                   for cond in b.conditions if cond not in a.conditions)
        out.extend(Change("removed", f"{path}.conditions", msg("review.condition_removed", level=name, text=cond))
                   for cond in a.conditions if cond not in b.conditions)
        if a.penalties != b.penalties:
            out.append(Change("changed", f"{path}.penalties", msg(
                "review.penalties", level=name, old=joined(label(p) for p in a.penalties),
                new=joined(label(p) for p in b.penalties))))
    old_tiers = {(t.block, t.no): t for t in old.tiers}
    new_tiers = {(t.block, t.no): t for t in new.tiers}
    for key in sorted(set(old_tiers) | set(new_tiers)):
        ta, tb = old_tiers.get(key), new_tiers.get(key)
        path = f"tiers[{key[1]}]" + ("" if key[0] == "main" else f"@{key[0]}")
        tier = msg("review.tier" if key[0] == "main" else f"review.tier_{key[0]}", no=key[1])
        out.extend(_presence_or_fine("tier", path, {"tier": tier}, ta, tb, facts))
        if ta is None or tb is None:
            continue
        if ta.level != tb.level:
            out.append(Change("changed", f"{path}.level", msg("review.tier_level", tier=tier, old=label(ta.level),
                                                              new=label(tb.level))))
        if [w.text for w in ta.when] != [w.text for w in tb.when]:
            out.append(Change("changed", f"{path}.when", msg("review.tier_when", tier=tier, when=joined(
                (w.text for w in tb.when), "semicolon"))))
    ra, rb = old.rules, new.rules
    out.extend(_changed(f"rules.{name}", name, getattr(ra, name), getattr(rb, name)) for name in RULES
               if getattr(ra, name) != getattr(rb, name))
    wa = ra.scoring.weights if ra.scoring else {}
    wb = rb.scoring.weights if rb.scoring else {}
    out.extend(Change("changed", f"rules.scoring.weights.{factor}", msg(
        "review.weight", factor=factor, old=value(wa.get(factor)), new=value(wb.get(factor))))
        for factor in sorted(set(wa) | set(wb)) if wa.get(factor) != wb.get(factor))
    out.extend(Change("added", "rules.text", msg("review.rule_added", text=text)) for text in rb.text
               if text not in ra.text)
    out.extend(Change("removed", "rules.text", msg("review.rule_removed", text=text)) for text in ra.text
               if text not in rb.text)
    return out


__all__ = ["Change", "diff_baselines", "Level"]
