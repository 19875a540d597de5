"""The report's two plots (matplotlib, drawn off screen, returned as PNG bytes).

- ``fines``: for each matter compared (the busiest first), the position of every fine in its range, one box per
  authority — where an authority sits against the others at a glance.
- ``findings``: the findings of each authority, stacked by kind in the rubric's order."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..i18n import Lang, t  # noqa: E402
from .rubric import RULES  # noqa: E402

FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "DejaVu Sans"]
MAX_MATTERS = 6


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _style() -> dict:
    return {"font.sans-serif": FONTS, "font.family": "sans-serif", "axes.unicode_minus": False}


def fines(report, lang: Lang) -> bytes:
    data = report.consistency.fines
    with plt.rc_context(_style()):
        if data.empty:
            fig, ax = plt.subplots(figsize=(7, 1.6))
            ax.text(0.5, 0.5, t("audit.plot.no_data", lang), ha="center", va="center")
            ax.axis("off")
            return _png(fig)
        data = data.assign(matter=data["group"].str.split("|").str[0])
        matters = data["matter"].value_counts().index[:MAX_MATTERS]
        boxes = sum(data.loc[data["matter"] == m, "authority"].nunique() for m in matters)
        fig, axes = plt.subplots(len(matters), 1, figsize=(8, 0.6 + 0.45 * boxes + 0.6 * len(matters)),
                                 squeeze=False, gridspec_kw={"height_ratios": [
                                     data.loc[data["matter"] == m, "authority"].nunique() + 1 for m in matters]})
        for ax, matter in zip(axes[:, 0], matters, strict=False):
            own = data[data["matter"] == matter]
            authorities = sorted(own["authority"].unique())
            ax.boxplot([own.loc[own["authority"] == a, "position"].to_numpy() for a in authorities],
                       orientation="horizontal",
                       tick_labels=[report._authority(a, lang) for a in authorities], showfliers=True,
                       flierprops={"markersize": 2, "alpha": 0.4}, widths=0.6)
            ax.axvspan(0, 1, color="#e8f0e8", zorder=0)
            ax.set_title(report._matter(matter, lang), fontsize=10, loc="left")
            ax.set_xlim(-0.25, 1.25)
            ax.tick_params(labelsize=8)
        axes[-1, 0].set_xlabel(t("audit.plot.position", lang), fontsize=9)
        fig.tight_layout()
        return _png(fig)


def findings(report, lang: Lang) -> bytes:
    by = report.by_authority(lang)
    kinds = [r.kind for r in RULES if r.kind in by.columns and by[r.kind].sum() > 0]
    with plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=(8, 0.9 + 0.45 * max(1, len(by))))
        if by.empty or not kinds:
            ax.text(0.5, 0.5, t("audit.html.nothing", lang), ha="center", va="center")
            ax.axis("off")
            return _png(fig)
        left = pd.Series(0.0, index=by.index)
        colors = plt.get_cmap("tab10")
        for i, kind in enumerate(kinds):
            ax.barh(by["authority_name"], by[kind], left=left, label=t(f"audit.kind.{kind}", lang),
                    color=colors(i % 10))
            left += by[kind]
        ax.invert_yaxis()
        ax.set_xlabel(t("audit.plot.findings", lang), fontsize=9)
        ax.tick_params(labelsize=8)
        ax.legend(fontsize=7, loc="lower right", frameon=False)
        fig.tight_layout()
        return _png(fig)
