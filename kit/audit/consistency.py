"""类案不同罚: the same violation with the same facts, fined differently by different authorities.

**Comparable decisions** (one *group*): the same matter, the same level — the one the engine finds and the
decision states —, the same tier, the same factors, and every fact in the same band (powers of two: 1,024–2,047,
2,048–4,095 …). Only decisions with a fine inside a range of positive width are compared.

**The measure** is a fine's *position* in the engine's range for that level: 0 at the bottom, 1 at the top (below
0 or above 1 outside it), so fines of ranges that scale with the facts compare.

**The rules**, stated once here and in the report:

- a group is compared when it has at least ``MIN_GROUP`` decisions from at least two authorities;
- the *spread* of a group is the highest position minus the lowest, as a share of the range (and the
  interquartile range beside it);
- a decision is an *outlier* when its modified z-score (Iglewicz–Hoaglin) exceeds ``Z``:
  ``0.6745 × |position − median| / MAD > 3.5``, with the MAD (median absolute deviation) taken as at least
  ``MAD_FLOOR`` of the range, so that a group fined all alike does not flag a few yuan;
- an authority's *position* in a group is the median of its decisions minus the median of the group;
- a **类案不同罚 pair** is the highest- and the lowest-fining authority of one group, each with at least
  ``MIN_AUTHORITY`` decisions, when their medians are ``PAIR_GAP`` or more of the range apart."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_GROUP = 5
MIN_AUTHORITY = 3
Z = 3.5
MAD_FLOOR = 0.05
PAIR_GAP = 0.5


@dataclass
class Consistency:
    """The consistency review: groups compared, outliers, authority positions and pairs (pandas frames)."""

    groups: pd.DataFrame  # group, matter, level, n, authorities, median, spread, iqr, outliers
    outliers: pd.DataFrame  # group, authority, case_no, row, fine, position, z
    positions: pd.DataFrame  # group, authority, n, median, others, diff
    pairs: pd.DataFrame  # group, high, low, high_median, low_median, gap, high_n, low_n, high_case, low_case
    fines: pd.DataFrame  # group, authority, position (every decision compared; for the plots)

    @property
    def by_authority(self) -> pd.DataFrame:
        """Per authority over all groups: groups, decisions compared, mean position against the others
        (weighted by decisions), outliers."""
        if self.positions.empty:
            return pd.DataFrame(columns=["authority", "groups", "n", "diff", "outliers"])
        p = self.positions.assign(weighted=self.positions["diff"] * self.positions["n"])
        table = p.groupby("authority").agg(groups=("group", "nunique"), n=("n", "sum"), weighted=("weighted", "sum"))
        table["diff"] = (table["weighted"] / table["n"]).round(3)
        out = self.outliers.groupby("authority").size() if not self.outliers.empty else pd.Series(dtype=int)
        table["outliers"] = out.reindex(table.index).fillna(0).astype(int)
        return table.drop(columns="weighted").reset_index()


def review(fines: pd.DataFrame) -> Consistency:
    """``fines``: one row per decision compared (group, authority, position, fine, row, case_no)."""
    empty = Consistency(pd.DataFrame(columns=["group", "matter", "level", "n", "authorities", "median", "spread",
                                              "iqr", "outliers"]),
                        pd.DataFrame(columns=["group", "authority", "case_no", "row", "fine", "position", "z"]),
                        pd.DataFrame(columns=["group", "authority", "n", "median", "others", "diff"]),
                        pd.DataFrame(columns=["group", "high", "low", "high_median", "low_median", "gap", "high_n",
                                              "low_n", "high_case", "low_case"]),
                        pd.DataFrame(columns=["group", "authority", "position"]))
    if fines.empty:
        return empty
    f = fines.copy()
    f["group"] = f["group"].astype("category")
    stats = f.groupby("group", observed=True).agg(n=("position", "size"), authorities=("authority", "nunique"))
    keep = stats.index[(stats["n"] >= MIN_GROUP) & (stats["authorities"] >= 2)]
    f = f[f["group"].isin(keep)]
    if f.empty:
        return empty
    f["group"] = f["group"].cat.remove_unused_categories()
    by = f.groupby("group", observed=True)["position"]
    median = by.transform("median")
    mad = (f["position"] - median).abs().groupby(f["group"], observed=True).transform("median")
    f["z"] = 0.6745 * (f["position"] - median).abs() / np.maximum(mad, MAD_FLOOR)
    is_out = f["z"] > Z
    groups = pd.DataFrame({
        "n": by.size(), "authorities": f.groupby("group", observed=True)["authority"].nunique(),
        "median": by.median(), "spread": by.max() - by.min(),
        "iqr": by.quantile(0.75) - by.quantile(0.25),
        "outliers": is_out.groupby(f["group"], observed=True).sum().astype(int)})
    groups.index = groups.index.astype(str)
    groups = groups.reset_index()
    parts = groups["group"].str.split("|")
    groups.insert(1, "matter", parts.str[0])
    groups.insert(2, "level", parts.str[1])
    outliers = f.loc[is_out, ["group", "authority", "case_no", "row", "fine", "position", "z"]].copy()
    outliers["group"] = outliers["group"].astype(str)
    positions, pairs = _positions(f)
    return Consistency(groups.sort_values(["spread", "n"], ascending=False, ignore_index=True),
                       outliers.sort_values(["group", "z"], ascending=[True, False], ignore_index=True),
                       positions, pairs,
                       f[["group", "authority", "position"]].assign(group=lambda x: x["group"].astype(str)))


def _positions(f: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    ga = f.groupby(["group", "authority"], observed=True)["position"].agg(["size", "median"]).reset_index()
    ga = ga.rename(columns={"size": "n"})
    medians = f.groupby("group", observed=True)["position"].median()
    ga["group"] = ga["group"].astype(str)
    ga["others"] = ga["group"].map(dict(zip(medians.index.astype(str), medians.to_numpy(), strict=False))).astype(float)
    ga["diff"] = ga["median"] - ga["others"]
    positions = ga[["group", "authority", "n", "median", "others", "diff"]].copy()
    positions["group"] = positions["group"].astype(str)
    solid = ga[ga["n"] >= MIN_AUTHORITY]
    columns = ["group", "high", "low", "high_median", "low_median", "gap", "high_n", "low_n", "high_case", "low_case"]
    if solid.empty:
        return positions, pd.DataFrame(columns=columns)
    by = solid.groupby("group", observed=True)["median"]
    hi, lo = solid.loc[by.idxmax()].set_index("group"), solid.loc[by.idxmin()].set_index("group")
    gap = hi["median"] - lo["median"]
    wide = gap.index[gap >= PAIR_GAP]
    rows = []
    wide_rows = f[f["group"].isin(list(wide))]
    by_group = {str(k): g for k, g in wide_rows.groupby("group", observed=True)}
    for group in wide:
        g = by_group[str(group)]
        h, low = hi.loc[group], lo.loc[group]
        rows.append({"group": str(group), "high": h["authority"], "low": low["authority"],
                     "high_median": float(h["median"]), "low_median": float(low["median"]), "gap": float(gap[group]),
                     "high_n": int(h["n"]), "low_n": int(low["n"]), "high_case": _typical(g, h["authority"], h["median"]),
                     "low_case": _typical(g, low["authority"], low["median"])})
    pairs = pd.DataFrame(rows, columns=columns)
    return positions, pairs.sort_values("gap", ascending=False, ignore_index=True)


def _typical(g: pd.DataFrame, authority: str, median: float) -> str:
    """The case number of the authority's decision closest to its median (an example to pull the file of)."""
    own = g[g["authority"] == authority]
    return str(own.loc[(own["position"] - median).abs().idxmin(), "case_no"])
