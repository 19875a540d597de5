"""``AuditReport``: what a review of one table found, added up from the parts — rows in = reviewed + rejected,
findings with their decisions, totals per authority and matter, the consistency review — as pandas frames in
either language, and written out as the rejected-rows file, a workbook (``report_xlsx``) or HTML (``report_html``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..baselines.library import Library
from ..grading.answer import Answer
from ..i18n import DEFAULT_LANG, Lang, number, t
from .columns import Problem
from .consistency import Consistency, review
from .partition import Outcome, Part
from .read import Table
from .rubric import RULES, RUBRIC, START

KINDS = [rule.kind for rule in RULES]


def label(kind: str, lang: Lang) -> str:
    return t(f"audit.kind.{kind}", lang)


def severity(kind: str, lang: Lang) -> str:
    return t(f"audit.severity.{RUBRIC[kind].severity}", lang)


def level_label(level: str, lang: Lang) -> str:
    return Answer(case_id="-", level=level).label(lang) if level else ""


@dataclass(repr=False)
class AuditReport:
    """The review of one decision table."""

    file: str
    kind: str
    encoding: str | None
    encoding_detected: bool
    title_rows: int
    ignored: list[str]
    rows_in: int
    evaluations: int
    totals: pd.DataFrame  # index (authority, matter): files, failed, score, with_findings, one column per kind
    decisions: pd.DataFrame  # the decisions with findings (row, case_no, …, key)
    outcomes: dict[int, Outcome]
    problems: list[Problem]
    rejected: pd.DataFrame  # raw cells of the rejected rows, index: row
    labels: dict[str, str]
    consistency: Consistency
    library: Library

    @classmethod
    def build(cls, table: Table, part: Part, library: Library) -> AuditReport:
        totals = (pd.concat(part.totals).groupby(level=[0, 1]).sum() if part.totals else
                  pd.DataFrame(columns=["files", "failed", "score", "with_findings", *KINDS],
                               index=pd.MultiIndex.from_tuples([], names=["authority", "matter"])))
        decisions = (pd.concat(part.findings, ignore_index=True).sort_values("row", ignore_index=True)
                     if part.findings else pd.DataFrame(columns=["row", "case_no", "authority", "matter", "level",
                                                                 "fine", "cited", "reason", "approval", "facts",
                                                                 "factors", "score", "key"]))
        rejected = pd.concat(part.rejected).sort_index() if part.rejected else pd.DataFrame(columns=table.keys)
        fines = pd.concat(part.fines, ignore_index=True) if part.fines else pd.DataFrame(
            columns=["group", "authority", "position", "fine", "row", "case_no"])
        enc = table.encoding
        return cls(table.file, table.kind, enc.name if enc else None, bool(enc and enc.detected), table.title_rows,
                   table.ignored, part.rows_in, part.evaluations, totals, decisions, part.outcomes,
                   sorted(part.problems, key=lambda p: (p.row or 0, p.column or 0)), rejected, table.labels,
                   review(fines), library)

    def __repr__(self) -> str:
        return (f"AuditReport({self.file!r}: {self.rows_in} rows = {self.n_reviewed} reviewed + {self.n_rejected} "
                f"rejected; {self.n_findings} findings)")

    def _repr_html_(self) -> str:
        from .report_html import render

        return render(self, DEFAULT_LANG)

    # ---- figures -----------------------------------------------------------------------------------------

    @property
    def n_rejected(self) -> int:
        return len(self.rejected)

    @property
    def n_reviewed(self) -> int:
        return int(self.totals["files"].sum()) if len(self.totals) else 0

    @property
    def n_failed(self) -> int:
        return int(self.totals["failed"].sum()) if len(self.totals) else 0

    @property
    def n_findings(self) -> int:
        return int(self.totals[KINDS].sum().sum()) if len(self.totals) else 0

    @property
    def mean_score(self) -> float:
        return float(self.totals["score"].sum() / self.n_reviewed) if self.n_reviewed else START

    def kinds_of(self, case_no: str) -> list[str]:
        rows = self.decisions[self.decisions["case_no"] == case_no]
        return [k for key in rows["key"] for k in self.outcomes[key].texts]

    # ---- frames ------------------------------------------------------------------------------------------

    def _authority(self, authority: str, lang: Lang) -> str:
        a = self.library.authorities.get(authority)
        return ({"zh": a.name, "en": a.name_en or a.name}[lang]) if a else authority

    def _matter(self, matter: str, lang: Lang) -> str:
        m = self.library.matters.get(matter)
        return ({"zh": m.name, "en": m.name_en or m.name}[lang]) if m else matter

    def _fact(self, matter: str, fact: str, lang: Lang) -> str:
        m = self.library.matters.get(matter)
        found = next((f for f in m.facts if f.id == fact), None) if m else None
        return getattr(found, lang) if found else fact

    def _factors(self, text: str, lang: Lang) -> str:
        """``"cooperative、repeat=2"`` → the factors' labels in ``lang``."""
        words = []
        for item in filter(None, text.split("、")):
            name, _, value = item.partition("=")
            factor = self.library.factors.get(name)
            words.append((getattr(factor, lang) if factor else name) + (f"={value}" if value else ""))
        return t("audit.list_sep", lang).join(words)

    def _facts(self, matter: str, text: str, lang: Lang) -> str:
        """``"illegal_gains=1000; goods_value=20"`` → the facts' labels in ``lang``, amounts formatted."""
        words = []
        for item in filter(None, text.split("; ")):
            fact, _, value = item.partition("=")
            words.append(f"{self._fact(matter, fact, lang)} {number(float(value), lang)}")
        return t("audit.sep", lang).join(words)

    def by_kind(self, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
        """Every kind of the rubric, in its order: label, severity, points, rule, findings."""
        counts = self.totals[KINDS].sum() if len(self.totals) else pd.Series(0, index=KINDS)
        return pd.DataFrame({"kind": KINDS, "label": [label(k, lang) for k in KINDS],
                             "severity": [severity(k, lang) for k in KINDS],
                             "points": [RUBRIC[k].points for k in KINDS],
                             "rule": [t(f"audit.rule.{k}", lang) for k in KINDS],
                             "findings": [int(counts[k]) for k in KINDS]})

    def by_authority(self, lang: Lang = DEFAULT_LANG, *, matter: bool = False) -> pd.DataFrame:
        """Per authority (and matter): decisions reviewed, failed gates, mean score, decisions with findings,
        findings, and the count of each kind."""
        levels = ["authority", "matter"] if matter else ["authority"]
        table = self.totals.groupby(level=levels).sum() if len(self.totals) else self.totals.droplevel(
            [] if matter else [1])
        table = table.reset_index()
        table.insert(1, "authority_name", table["authority"].map(lambda a: self._authority(a, lang)))
        if matter:
            table.insert(3, "matter_name", table["matter"].map(lambda m: self._matter(m, lang)))
        table["mean_score"] = (table["score"] / table["files"]).round(1)
        table["findings"] = table[KINDS].sum(axis=1)
        return table.drop(columns="score")

    def files(self, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
        """One row per decision with findings: the decision as made, the engine's conclusion, the score."""
        d = self.decisions
        eng = [self.outcomes[k].engine for k in d["key"]]
        return pd.DataFrame({
            "row": d["row"], "case_no": d["case_no"], "authority": d["authority"],
            "authority_name": d["authority"].map(lambda a: self._authority(a, lang)), "matter": d["matter"],
            "matter_name": d["matter"].map(lambda m: self._matter(m, lang)),
            "level": d["level"].map(lambda v: level_label(v, lang)), "fine": d["fine"], "cited": d["cited"],
            "facts": [self._facts(m, f, lang) for m, f in zip(d["matter"], d["facts"], strict=False)],
            "factors": d["factors"].map(lambda f: self._factors(f, lang)), "reason": d["reason"],
            "approval": d["approval"],
            "engine_outcome": [e[f"outcome_{lang}"] for e in eng], "engine_range": [e[f"range_{lang}"] for e in eng],
            "engine_suggested": [e["suggested"] for e in eng], "engine_baseline": [e["baseline"] for e in eng],
            "score": d["score"], "failed": [self.outcomes[k].failed for k in d["key"]],
            "findings": [len(self.outcomes[k].texts) for k in d["key"]]})

    def findings_frame(self, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
        """One row per finding, beside its decision's facts, factors, stated reasons and approval."""
        files = self.files(lang)
        rows = []
        for (_, f), key in zip(files.iterrows(), self.decisions["key"], strict=False):
            for kind, (zh, en) in self.outcomes[key].texts.items():
                rows.append({**{c: f[c] for c in ("row", "case_no", "authority", "authority_name", "matter",
                                                  "matter_name", "level", "fine", "facts", "factors", "reason", "approval")},
                             "kind": kind, "label": label(kind, lang), "severity": severity(kind, lang),
                             "points": RUBRIC[kind].points, "finding": {"zh": zh, "en": en}[lang]})
        columns = ["row", "case_no", "authority", "authority_name", "matter", "matter_name", "level", "fine", "facts",
                   "factors",
                   "reason", "approval", "kind", "label", "severity", "points", "finding"]
        frame = pd.DataFrame(rows, columns=columns)
        order = {k: i for i, k in enumerate(KINDS)}
        return frame.sort_values(["row", "kind"], key=lambda s: s.map(order) if s.name == "kind" else s,
                                 ignore_index=True)

    def rejected_frame(self, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
        """One row per rejected row: its number, every problem, then its cells as written."""
        reasons: dict[int, list[str]] = {}
        for p in self.problems:
            reasons.setdefault(p.row, []).append(t("audit.in_cell", lang, header=p.header or "—", column=p.column,
                                                   message=p.message(lang)))
        cells = self.rejected.rename(columns=self.labels)
        out = pd.DataFrame({t("audit.col.row", lang): cells.index,
                            t("audit.col.problems", lang): [t("audit.sep", lang).join(reasons.get(r, []))
                                                            for r in cells.index]})
        return pd.concat([out, cells.reset_index(drop=True)], axis=1)

    # ---- display -----------------------------------------------------------------------------------------

    def summary(self, lang: Lang = DEFAULT_LANG, *, title: str | None = None, limit: int = 50) -> str:
        lines = [t("audit.title_of", lang, title=title) if title else t("audit.title", lang),
                 t("audit.counts", lang, rows=self.rows_in, reviewed=self.n_reviewed, rejected=self.n_rejected),
                 t("audit.figures", lang, failed=self.n_failed, mean=f"{self.mean_score:.1f}",
                   findings=self.n_findings, evaluations=self.evaluations)]
        if self.encoding_detected:
            lines.append(t("audit.encoding_detected", lang, encoding=self.encoding))
        if self.title_rows:
            lines.append(t("audit.title_rows", lang, n=self.title_rows))
        if self.ignored:
            lines.append(t("audit.ignored", lang, columns=t("audit.list_sep", lang).join(self.ignored)))
        lines += ["", t("audit.h.by_kind", lang)]
        lines += [t("audit.line.kind", lang, label=k["label"], severity=k["severity"], n=k["findings"])
                  for _, k in self.by_kind(lang).iterrows() if k["findings"]] or [t("audit.none", lang)]
        lines += ["", t("audit.h.by_authority", lang)]
        lines += [t("audit.line.authority", lang, name=a["authority_name"], id=a["authority"], files=a["files"],
                    failed=a["failed"], mean=f"{a['mean_score']:.1f}", findings=a["findings"])
                  for _, a in self.by_authority(lang).iterrows()]
        c = self.consistency
        lines += ["", t("audit.h.consistency", lang),
                  t("audit.line.consistency", lang, groups=len(c.groups), outliers=len(c.outliers), pairs=len(c.pairs))]
        for _, p in c.pairs.head(limit).iterrows():
            lines.append("  " + t("audit.line.pair", lang, group=self.group_text(p["group"], lang),
                                  high=self._authority(p["high"], lang), low=self._authority(p["low"], lang),
                                  high_median=f"{p['high_median']:.0%}", low_median=f"{p['low_median']:.0%}",
                                  high_case=p["high_case"], low_case=p["low_case"]))
        lines += ["", t("audit.h.findings", lang)]
        found = self.findings_frame(lang).head(limit)
        for _, f in found.iterrows():
            lines.append(t("audit.line.finding", lang, case_no=f["case_no"], row=f["row"], label=f["label"],
                           cost=t("audit.gate", lang) if RUBRIC[f["kind"]].severity == "gate"
                           else f"-{f['points']:g}", finding=f["finding"]))
        if not self.n_findings:
            lines.append(t("audit.none", lang))
        elif self.n_findings > limit:
            lines.append(t("audit.more_findings", lang, n=self.n_findings - limit))
        if self.problems:
            lines += ["", t("audit.h.rejected", lang)]
            lines += [p.text(lang) for p in self.problems[:limit]]
            if len(self.problems) > limit:
                lines.append(t("audit.more_problems", lang, n=len(self.problems) - limit))
        return "\n".join(lines)

    def group_text(self, group: str, lang: Lang) -> str:
        """A consistency group in words: matter, level, factors, fact bands."""
        matter, level, tier, factors, facts = group.split("|")
        words = [self._matter(matter, lang), level_label(level, lang)]
        if tier:
            words.append(t("audit.tier", lang, tier=tier))
        if factors:
            words.append(self._factors(factors.replace(",", "、"), lang))
        for item in filter(None, facts.split(",")):
            fact, band = item.split(":")
            if band not in ("-", "0"):
                lo = 2 ** int(band)
                words.append(f"{self._fact(matter, fact, lang)} {number(lo, lang)}–{number(2 * lo - 1, lang)}")
        return " · ".join(words)

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict:
        return {
            "file": self.file, "rows_in": self.rows_in, "reviewed": self.n_reviewed,
            "evaluations": self.evaluations, "failed_gates": self.n_failed, "mean_score": round(self.mean_score, 2),
            "encoding": self.encoding, "title_rows": self.title_rows, "ignored_columns": self.ignored,
            "by_kind": {k["kind"]: int(k["findings"]) for _, k in self.by_kind(lang).iterrows()},
            "findings": [{"case_no": f["case_no"], "row": int(f["row"]), "kind": f["kind"], "text": f["finding"]}
                         for _, f in self.findings_frame(lang).iterrows()],
            "rejected": [p.to_dict(lang) for p in self.problems],
            "consistency": {"groups": len(self.consistency.groups), "outliers": len(self.consistency.outliers),
                            "pairs": json.loads(self.consistency.pairs.to_json(orient="records", force_ascii=False))},
        }

    def to_json(self, lang: Lang = DEFAULT_LANG) -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)

    # ---- export ------------------------------------------------------------------------------------------

    def write_rejected(self, path: str | Path, lang: Lang = DEFAULT_LANG) -> Path:
        """The rejected rows as CSV (UTF-8 with BOM, for Excel): row, problems, then the cells as written."""
        path = Path(path)
        self.rejected_frame(lang).to_csv(path, index=False, encoding="utf-8-sig")
        return path

    def write_xlsx(self, path: str | Path, lang: Lang = DEFAULT_LANG) -> Path:
        from .report_xlsx import write

        return write(self, Path(path), lang)

    def write_html(self, path: str | Path, lang: Lang = DEFAULT_LANG) -> Path:
        from .report_html import write

        return write(self, Path(path), lang)
