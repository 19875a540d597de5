"""``audit(records, library) -> AuditReport``: the findings of a decision table, scored by the rubric, as pandas
frames: the files (one row per decision, one column per kind of finding), the findings, and summaries by kind
and by authority; exported to .xlsx (sheets 汇总 / 评查结果 / 问题明细) or .csv."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..baselines.errors import LibraryError, LoadError
from ..baselines.library import Library
from ..engine import evaluate
from .checks import Finding, Reviewed, find, review_record
from .read import DecisionRecord
from .rubric import RULES, RUBRIC, START, score

SHEETS = ("汇总", "评查结果", "问题明细")
"""The sheets of the workbook, in order: summary, one row per file, one row per finding."""

# column key → (zh, en) header of the exported tables
HEADERS = {
    "row": ("行号", "row"), "case_no": ("案号", "case number"), "authority": ("执法机关", "authority"),
    "authority_name": ("执法机关名称", "authority name"), "matter": ("事项", "matter"),
    "level": ("裁量阶次", "level"), "fine": ("罚款", "fine"), "cited": ("引用基准", "baseline cited"),
    "engine_outcome": ("引擎结论", "engine outcome"), "engine_range": ("引擎幅度", "engine range"),
    "engine_suggested": ("建议罚款", "suggested fine"), "engine_baseline": ("适用基准", "baseline in force"),
    "score": ("得分", "score"), "failed": ("否决", "failed gate"), "findings": ("问题数", "findings"),
    "kind": ("问题类型", "kind"), "label": ("问题", "finding"), "severity": ("性质", "severity"),
    "points": ("扣分", "points"), "reason": ("理由", "reason"), "files": ("案卷数", "files"),
    "mean_score": ("平均得分", "mean score"), "total_points": ("合计扣分", "points deducted"),
}
SEVERITY = {"gate": ("否决项", "gate"), "deduction": ("扣分项", "deduction")}


def audit(records: list[DecisionRecord], library: Library) -> "AuditReport":
    """Evaluate each case once, grade the decision as made, run the checks; an engine failure on a row is a
    located error of that row (all rows are tried before any is reported)."""
    reviewed: list[Reviewed] = []
    errors: list[LoadError] = []
    for record in records:
        try:
            decision = evaluate(library, record.case)
        except Exception as exc:  # a case the engine cannot evaluate: name the row, not a traceback
            errors.append(LoadError(record.file, record.row, None, "事项", "the engine could not evaluate this case",
                                    "a case the library's baseline can evaluate", f"{type(exc).__name__}: {exc}"))
            continue
        reviewed.append(review_record(record, decision))
    if errors:
        raise LibraryError(errors)
    return AuditReport(reviewed, find(reviewed, library), library)


@dataclass
class AuditReport:
    """The review of one table: the files reviewed, their findings and scores."""

    reviewed: list[Reviewed]
    findings: list[Finding]
    library: Library

    # ---- frames ------------------------------------------------------------------------------------------

    def files(self, lang: str = "zh") -> pd.DataFrame:
        """One row per file (decision), with its score and one column per kind of finding (0/1)."""
        by_case: dict[str, list[str]] = {}
        for f in self.findings:
            by_case.setdefault(f.case_no, []).append(f.kind)
        rows = []
        for r in self.reviewed:
            rec, d, answer = r.record, r.decision, r.record.answer
            kinds = by_case.get(rec.case_no, [])
            points, failed = score(kinds)
            authority = self.library.authorities[rec.case.authority]
            row = {"row": rec.row, "case_no": rec.case_no, "authority": rec.case.authority,
                   "authority_name": authority.name if lang == "zh" else (authority.name_en or authority.name),
                   "matter": rec.case.matter, "level": answer.label(lang), "fine": answer.fine,
                   "cited": rec.cited or "", "engine_outcome": d.outcome(lang),
                   "engine_range": d.fine.text(lang) if d.fine else "",
                   "engine_suggested": d.suggested_fine, "engine_baseline": d.baseline or "",
                   "score": points, "failed": failed, "findings": len(kinds)}
            row.update({rule.kind: int(rule.kind in kinds) for rule in RULES})
            rows.append(row)
        columns = [*HEADERS_FILES, *(rule.kind for rule in RULES)]
        return pd.DataFrame(rows, columns=columns)

    def findings_frame(self, lang: str = "zh") -> pd.DataFrame:
        """One row per finding."""
        authority = {r.record.case_no: r.record.case.authority for r in self.reviewed}
        matter = {r.record.case_no: r.record.case.matter for r in self.reviewed}
        rows = [{"row": f.row, "case_no": f.case_no, "authority": authority[f.case_no], "matter": matter[f.case_no],
                 "kind": f.kind, "label": RUBRIC[f.kind].label(lang),
                 "severity": SEVERITY[f.severity][0 if lang == "zh" else 1], "points": f.points,
                 "reason": f.reason(lang)} for f in self.findings]
        return pd.DataFrame(rows, columns=["row", "case_no", "authority", "matter", "kind", "label", "severity",
                                           "points", "reason"])

    def by_kind(self, lang: str = "zh") -> pd.DataFrame:
        """Every kind of the rubric (in its order) with the number of findings and files."""
        found = self.findings_frame(lang)
        counts = found.groupby("kind").agg(findings=("case_no", "size"), files=("case_no", "nunique"))
        table = pd.DataFrame({"kind": [r.kind for r in RULES], "label": [r.label(lang) for r in RULES],
                              "severity": [SEVERITY[r.severity][0 if lang == "zh" else 1] for r in RULES],
                              "points": [r.points for r in RULES]}).set_index("kind")
        table = table.join(counts).fillna({"findings": 0, "files": 0}).astype({"findings": int, "files": int})
        return table.reset_index()

    def by_authority(self, lang: str = "zh") -> pd.DataFrame:
        """Per authority: files reviewed, failed gates, mean score, findings."""
        files = self.files(lang)
        table = files.groupby(["authority", "authority_name"], sort=True).agg(
            files=("case_no", "size"), failed=("failed", "sum"), mean_score=("score", "mean"),
            findings=("findings", "sum"))
        table["mean_score"] = table["mean_score"].round(1)
        return table.reset_index()

    # ---- figures -----------------------------------------------------------------------------------------

    @property
    def n_files(self) -> int:
        return len(self.reviewed)

    @property
    def n_failed(self) -> int:
        return int(self.files()["failed"].sum()) if self.reviewed else 0

    @property
    def mean_score(self) -> float:
        return float(self.files()["score"].mean()) if self.reviewed else START

    def kinds_of(self, case_no: str) -> list[str]:
        return [f.kind for f in self.findings if f.case_no == case_no]

    # ---- display -----------------------------------------------------------------------------------------

    def summary(self, lang: str = "zh", *, title: str | None = None) -> str:
        zh = lang == "zh"
        lines = [f"{'案卷评查' if zh else 'Case-file review'}{'：' + title if title and zh else ': ' + title if title else ''}",
                 (f"评查案卷 {self.n_files} 件；否决 {self.n_failed} 件；平均得分 {self.mean_score:.1f}" if zh else
                  f"Files reviewed: {self.n_files}; failed gates: {self.n_failed}; mean score: {self.mean_score:.1f}"),
                 "", "问题（按类型）：" if zh else "Findings by kind:"]
        for _, k in self.by_kind(lang).iterrows():
            if k["findings"]:
                lines.append(f"  {k['label']}（{k['severity']}）：{k['findings']} 件" if zh else
                             f"  {k['label']} ({k['severity']}): {k['findings']}")
        if not self.findings:
            lines.append("  无" if zh else "  none")
        lines += ["", "按执法机关：" if zh else "By authority:"]
        for _, a in self.by_authority(lang).iterrows():
            lines.append(f"  {a['authority_name']}（{a['authority']}）：{a['files']} 件，否决 {a['failed']} 件，"
                         f"平均 {a['mean_score']:.1f} 分，问题 {a['findings']} 个" if zh else
                         f"  {a['authority_name']} ({a['authority']}): {a['files']} files, {a['failed']} failed, "
                         f"mean {a['mean_score']:.1f}, {a['findings']} findings")
        lines += ["", "问题明细：" if zh else "Findings:"]
        for f in self.findings:
            rule = RUBRIC[f.kind]
            cost = ("否决" if zh else "gate") if rule.severity == "gate" else f"-{rule.points:g}"
            where = f"（第{f.row}行）" if zh else f" (row {f.row})"
            lines.append(f"  {f.case_no}{where} [{rule.label(lang)} {cost}] {f.reason(lang)}")
        if not self.findings:
            lines.append("  无" if zh else "  none")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        files = self.files("zh")
        return {
            "files_reviewed": self.n_files, "failed_gates": self.n_failed, "mean_score": round(self.mean_score, 2),
            "by_kind": {k["kind"]: int(k["findings"]) for _, k in self.by_kind().iterrows()},
            "files": [{"case_no": r["case_no"], "row": int(r["row"]), "authority": r["authority"],
                       "matter": r["matter"], "score": float(r["score"]), "failed": bool(r["failed"]),
                       "engine_outcome": r["engine_outcome"]} for _, r in files.iterrows()],
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def _repr_html_(self, lang: str = "zh") -> str:
        head = html.escape(self.summary(lang).split("\n\n")[0]).replace("\n", "<br>")
        return f"<div class='kit-audit'><p>{head}</p>{self.findings_frame(lang).to_html(index=False)}</div>"

    # ---- export ------------------------------------------------------------------------------------------

    def tables(self, lang: str = "zh") -> dict[str, pd.DataFrame]:
        """The three sheets with localised headers: 汇总 (figures, by kind, by authority), 评查结果, 问题明细."""
        return {"评查结果": _localise(self.files(lang), lang), "问题明细": _localise(self.findings_frame(lang), lang)}

    def write_xlsx(self, path: str | Path, lang: str = "zh") -> Path:
        path = Path(path)
        zh = lang == "zh"
        figures = pd.DataFrame({
            ("项目" if zh else "item"): ["评查案卷数" if zh else "files reviewed", "否决数" if zh else "failed gates",
                                       "平均得分" if zh else "mean score"],
            ("数值" if zh else "value"): [self.n_files, self.n_failed, round(self.mean_score, 1)]})
        kinds = _localise(self.by_kind(lang), lang)
        authorities = _localise(self.by_authority(lang), lang)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            start = 0
            for block in (figures, kinds, authorities):
                block.to_excel(writer, sheet_name=SHEETS[0], index=False, startrow=start)
                start += len(block) + 2
            for name, table in self.tables(lang).items():
                table.to_excel(writer, sheet_name=name, index=False)
        return path

    def write_csv(self, path: str | Path, lang: str = "zh") -> tuple[Path, Path]:
        """The files to ``path`` and the findings beside it (``<stem>-问题明细.csv``), UTF-8 with BOM for Excel."""
        path = Path(path)
        details = path.with_name(f"{path.stem}-{SHEETS[2]}.csv")
        tables = self.tables(lang)
        tables["评查结果"].to_csv(path, index=False, encoding="utf-8-sig")
        tables["问题明细"].to_csv(details, index=False, encoding="utf-8-sig")
        return path, details


HEADERS_FILES = ["row", "case_no", "authority", "authority_name", "matter", "level", "fine", "cited",
                 "engine_outcome", "engine_range", "engine_suggested", "engine_baseline", "score", "failed",
                 "findings"]


def _localise(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    i = 0 if lang == "zh" else 1
    names = {k: v[i] for k, v in HEADERS.items()}
    names.update({rule.kind: rule.label(lang) for rule in RULES})
    return table.rename(columns=names)


__all__ = ["AuditReport", "SHEETS", "audit"]
