"""The loaded library: indexes over the validated files, and how it shows itself."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .models import Authority, Baseline, ExemptionList, Factor, LibraryFile, ListItem, Matter, Provision
from .vocabulary import ILLUSTRATIVE_MARK, Level
from ..i18n import Lang, named, t

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class Library:
    authorities: dict[str, Authority]
    factors: dict[str, Factor]
    matters: dict[str, Matter]
    provisions: dict[str, Provision]
    provision_matter: dict[str, str]
    baselines: dict[str, Baseline]
    exemption_lists: dict[str, ExemptionList]
    files: dict[str, str] = field(default_factory=dict)  # "baseline:js-scjg-44" → file it came from

    @classmethod
    def from_files(cls, files: list[tuple[str, LibraryFile]]) -> Library:
        parts: dict[str, dict] = {k: {} for k in ("authorities", "factors", "matters", "provisions",
                                                  "provision_matter", "baselines", "exemption_lists", "files")}
        for file, model in files:
            for a in model.authorities:
                parts["authorities"][a.id] = a
                parts["files"][f"authority:{a.id}"] = file
            for f in model.factors:
                parts["factors"][f.id] = f
                parts["files"][f"factor:{f.id}"] = file
            if model.matter:
                parts["matters"][model.matter.id] = model.matter
                parts["files"][f"matter:{model.matter.id}"] = file
                for p in model.matter.provisions:
                    parts["provisions"][p.id] = p
                    parts["provision_matter"][p.id] = model.matter.id
            if model.baseline:
                parts["baselines"][model.baseline.id] = model.baseline
                parts["files"][f"baseline:{model.baseline.id}"] = file
            if model.exemption_list:
                parts["exemption_lists"][model.exemption_list.id] = model.exemption_list
                parts["files"][f"list:{model.exemption_list.id}"] = file
        return cls(**parts)

    # ---------------------------------------------------------------- lookups

    def __post_init__(self) -> None:
        # Look-ups the engine makes for every case, computed once (the library is immutable).
        by_matter: dict[str, list[Baseline]] = {}
        for b in self.baselines.values():
            by_matter.setdefault(b.matter, []).append(b)
        object.__setattr__(self, "_by_matter", by_matter)
        object.__setattr__(self, "_chains", {})
        object.__setattr__(self, "_conflicts", {})
        object.__setattr__(self, "_memo", {})  # per-baseline texts and look-ups the engine reuses across cases
        items: dict[str, list] = {}
        for lst in self.exemption_lists.values():
            for item in lst.items:
                if item.matter:
                    items.setdefault(item.matter, []).append((lst, item))
        object.__setattr__(self, "_list_items", items)

    def authority_chain(self, authority_id: str) -> tuple[Authority, ...]:
        """The authority and its parents, most specific first."""
        chains: dict = self._chains  # type: ignore[attr-defined]
        if authority_id not in chains:
            chain: list[Authority] = []
            seen: set[str] = set()
            current = self.authorities.get(authority_id)
            while current is not None and current.id not in seen:
                chain.append(current)
                seen.add(current.id)
                current = self.authorities.get(current.parent) if current.parent else None
            chains[authority_id] = tuple(chain)
        return chains[authority_id]

    def list_items_for(self, matter_id: str) -> list[tuple[ExemptionList, ListItem]]:
        """(list, item) pairs of every 首违不罚 / 轻罚 list that name the matter."""
        return self._list_items.get(matter_id, [])  # type: ignore[attr-defined]

    @property
    def cache(self) -> dict:
        """The memo dictionary itself, for the engine's hot paths (``cache.get(key)`` before building a key's
        value avoids creating a closure per call)."""
        return self._memo  # type: ignore[attr-defined]

    def memo(self, key: tuple, make):
        """A value computed once per library (the library never changes once loaded)."""
        cache: dict = self._memo  # type: ignore[attr-defined]
        if key not in cache:
            cache[key] = make()
        return cache[key]

    def baselines_for(self, matter_id: str) -> list[Baseline]:
        return self._by_matter.get(matter_id, [])  # type: ignore[attr-defined]

    def provision_of(self, baseline: Baseline) -> Provision:
        return self.provisions[baseline.provision]

    # ---------------------------------------------------------------- display

    def summary(self) -> dict[str, int]:
        return {
            "authorities": len(self.authorities),
            "matters": len(self.matters),
            "baselines": len(self.baselines),
            "factors": len(self.factors),
            "exemption_lists": len(self.exemption_lists),
        }

    def matters_table(self, lang: Lang = "zh") -> pd.DataFrame:
        import pandas as pd

        def col(key: str) -> str:
            return t(f"baselines.col_{key}", lang)

        rows = []
        for b in sorted(self.baselines.values(), key=lambda b: (b.matter, b.authority, b.effective_from)):
            m = self.matters[b.matter]
            authority = self.authorities[b.authority]
            rows.append({
                col("matter"): named(m.name, m.name_en, lang),
                col("sector"): m.sector,
                col("baseline"): b.id,
                col("authority"): named(authority.name, authority.name_en, lang),
                col("version"): b.version,
                col("provision"): self.provisions[b.provision].citation,
                col("levels"): "、".join(lv.label(lang) for lv in sorted(b.levels, key=_rank)),
                col("tiers"): len(b.tiers),
                col("note"): ILLUSTRATIVE_MARK if (b.disclaimer or m.disclaimer) else "",
            })
        return pd.DataFrame(rows)

    def _repr_html_(self, lang: Lang = "zh") -> str:
        cells = "".join(f"<li>{t('baselines.library_count', lang, label=t('baselines.count.' + k, lang), n=v)}</li>"
                        for k, v in self.summary().items())
        flagged = sum(1 for b in self.baselines.values() if b.disclaimer)
        return (f"<div class='kit-library'><b>{t('baselines.library_title', lang)}</b><ul>{cells}</ul>"
                f"<p>{html.escape(t('baselines.library_flagged', lang, n=flagged, mark=ILLUSTRATIVE_MARK))}</p></div>")


def _rank(level: Level) -> int:
    return level.rank
