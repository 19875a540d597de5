"""The HTML report: one self-contained page (plots inlined as PNG), readable on a phone and printable.

Sections, in order: the figures (rows in = reviewed + rejected), the findings by kind with the rule of each, the
findings per authority (plot) and per authority and matter, 类案不同罚 (the rule stated, the pairs, the fine
positions plot, the groups, the outliers, each authority's position), the findings — each beside its decision's
facts, factors, stated reasons and approval — and the rejected rows. Long lists are capped (``CAP`` per kind,
``CAP`` rejected rows): the workbook and the rejected-rows file hold everything."""

from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd

from ..i18n import Lang, t
from . import consistency as rules
from .plots import findings as findings_plot, fines as fines_plot
from .rubric import RUBRIC

CAP = 200

CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.15rem;margin:1.6em 0 .5em;border-bottom:2px solid #2f5d8a;padding-bottom:4px}
h3{font-size:1rem;margin:1.2em 0 .4em}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border-radius:8px;padding:10px 14px;min-width:130px;
box-shadow:0 1px 2px rgba(0,0,0,.08)}.card b{display:block;font-size:1.4rem}.card span{font-size:.85rem;color:#555}
.note{font-size:.85rem;color:#555}.rule{background:#fff;border-left:4px solid #2f5d8a;padding:8px 12px;font-size:.9rem}
.scroll{overflow-x:auto;background:#fff;border-radius:6px}.scroll table{min-width:760px}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #e3e6ea;padding:5px 7px;
text-align:left;vertical-align:top}th{background:#dde6f0;position:sticky;top:0}td.num{text-align:right;white-space:nowrap}
tr.gate td{background:#fdecec}.tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.78rem;background:#e6ecf3}
.tag.gate{background:#c62828;color:#fff}img{max-width:100%;height:auto;background:#fff}
.finding{background:#fff;border-radius:6px;padding:8px 12px;margin:8px 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.finding .head{font-weight:600}.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 0;
font-size:.85rem}.finding dt{color:#555}.finding dd{margin:0}
"""


def _e(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def _table(frame: pd.DataFrame, lang: Lang, *, percent: tuple[str, ...] = (), classes: pd.Series | None = None) -> str:
    if frame.empty:
        return f"<p class='note'>{_e(t('audit.html.nothing', lang))}</p>"
    head = "".join(f"<th>{_e(t(f'audit.col.{c}', lang) if not c.startswith('kind:') else t(f'audit.kind.{c[5:]}', lang))}"
                   f"</th>" for c in frame.columns)
    rows = []
    for i, (_, r) in enumerate(frame.iterrows()):
        cells = []
        for c in frame.columns:
            v = r[c]
            if c in percent and not pd.isna(v):
                cells.append(f"<td class='num'>{v:.0%}</td>")
            elif isinstance(v, (int, float)) and not isinstance(v, bool) and not pd.isna(v):
                cells.append(f"<td class='num'>{v:,.10g}</td>")
            else:
                cells.append(f"<td>{_e(v)}</td>")
        css = f" class='{classes.iloc[i]}'" if classes is not None and classes.iloc[i] else ""
        rows.append(f"<tr{css}>{''.join(cells)}</tr>")
    return f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def _img(png: bytes, alt: str) -> str:
    return f"<img alt='{_e(alt)}' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"


def _finding(f: pd.Series, lang: Lang) -> str:
    gate = RUBRIC[f["kind"]].severity == "gate"
    cost = t("audit.gate", lang) if gate else f"-{f['points']:g}"
    facts = [("case_no", f["case_no"]), ("authority", f["authority_name"]), ("matter", f["matter_name"]),
             ("level", f["level"]), ("fine", "" if pd.isna(f["fine"]) else f"{f['fine']:,.10g}"),
             ("facts", f["facts"]), ("factors", f["factors"]), ("reason", f["reason"]), ("approval", f["approval"])]
    items = "".join(f"<dt>{_e(t(f'audit.col.{k}', lang))}</dt><dd>{_e(v) or '—'}</dd>" for k, v in facts)
    return (f"<div class='finding'><div class='head'><span class='tag{' gate' if gate else ''}'>{_e(f['label'])} "
            f"{_e(cost)}</span> {_e(t('audit.col.row', lang))} {f['row']} · {_e(f['case_no'])}</div>"
            f"<div>{_e(f['finding'])}</div><dl>{items}</dl></div>")


def render(report, lang: Lang) -> str:
    title = t("audit.title_of", lang, title=Path(report.file).name)
    cards = [("item.rows_in", report.rows_in), ("item.reviewed", report.n_reviewed),
             ("item.rejected", report.n_rejected), ("item.failed", report.n_failed),
             ("item.mean_score", f"{report.mean_score:.1f}"), ("item.findings", report.n_findings),
             ("item.evaluations", report.evaluations)]
    out = [f"<!doctype html><html lang='{t('audit.html.lang', lang)}'><head><meta charset='utf-8'>",
           "<meta name='viewport' content='width=device-width, initial-scale=1'>",
           f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>", f"<h1>{_e(title)}</h1>",
           f"<p class='note'>{_e(t('audit.counts', lang, rows=report.rows_in, reviewed=report.n_reviewed, rejected=report.n_rejected))}"
           + (f" · {_e(t('audit.encoding_detected', lang, encoding=report.encoding))}" if report.encoding_detected else "")
           + (f" · {_e(t('audit.title_rows', lang, n=report.title_rows))}" if report.title_rows else "")
           + (f" · {_e(t('audit.ignored', lang, columns=t('audit.list_sep', lang).join(report.ignored)))}"
              if report.ignored else "") + "</p>",
           f"<h2>{_e(t('audit.html.overview', lang))}</h2><div class='cards'>"
           + "".join(f"<div class='card'><b>{_e(v)}</b><span>{_e(t(f'audit.{k}', lang))}</span></div>" for k, v in cards)
           + "</div>"]
    kinds = report.by_kind(lang)
    out += [f"<h2>{_e(t('audit.html.by_kind', lang))}</h2>",
            _table(kinds[["label", "severity", "points", "rule", "findings"]], lang,
                   classes=kinds["kind"].map(lambda k: "gate" if RUBRIC[k].severity == "gate" else ""))]
    by = report.by_authority(lang, matter=True)
    out += [f"<h2>{_e(t('audit.html.by_authority', lang))}</h2>",
            _img(findings_plot(report, lang), t("audit.html.plot_findings", lang)),
            _table(by[["authority_name", "matter_name", "files", "with_findings", "failed", "mean_score", "findings"]],
                   lang)]
    c = report.consistency
    rule = t("audit.html.consistency_rule", lang, min_group=rules.MIN_GROUP, z=rules.Z, floor=f"{rules.MAD_FLOOR:.0%}",
             min_authority=rules.MIN_AUTHORITY, gap=f"{rules.PAIR_GAP:.0%}")
    pairs = c.pairs.assign(group=c.pairs["group"].map(lambda g: report.group_text(g, lang)),
                           high=c.pairs["high"].map(lambda a: report._authority(a, lang)),
                           low=c.pairs["low"].map(lambda a: report._authority(a, lang)))
    groups = c.groups.assign(group=c.groups["group"].map(lambda g: report.group_text(g, lang)))
    outliers = c.outliers.head(CAP).assign(group=lambda x: x["group"].map(lambda g: report.group_text(g, lang)),
                                           authority=lambda x: x["authority"].map(lambda a: report._authority(a, lang)))
    positions = c.by_authority.assign(authority=lambda x: x["authority"].map(lambda a: report._authority(a, lang)))
    positions = positions.rename(columns={"n": "n", "diff": "diff"})
    out += [f"<h2>{_e(t('audit.html.consistency', lang))}</h2><p class='rule'>{_e(rule)}</p>",
            f"<p>{_e(t('audit.line.consistency', lang, groups=len(c.groups), outliers=len(c.outliers), pairs=len(c.pairs)))}</p>",
            f"<h3>{_e(t('audit.html.pairs', lang))}</h3>",
            _table(pairs[["group", "high", "high_median", "high_n", "high_case", "low", "low_median", "low_n",
                          "low_case", "gap"]].head(CAP), lang, percent=("high_median", "low_median", "gap")),
            _img(fines_plot(report, lang), t("audit.html.plot_fines", lang)),
            f"<h3>{_e(t('audit.html.positions', lang))}</h3>",
            _table(positions[["authority", "groups", "n", "diff", "outliers"]], lang, percent=("diff",)),
            f"<h3>{_e(t('audit.html.groups', lang))}</h3>",
            _table(groups[["group", "n", "authorities", "median", "spread", "iqr", "outliers"]].head(CAP), lang,
                   percent=("median", "spread", "iqr")),
            f"<h3>{_e(t('audit.html.outliers', lang))}</h3>",
            _table(outliers[["row", "case_no", "authority", "group", "fine", "position", "z"]], lang,
                   percent=("position",))]
    found = report.findings_frame(lang)
    shown = found.groupby("kind", sort=False).head(CAP)
    out += [f"<h2>{_e(t('audit.html.findings', lang))}</h2>",
            f"<p class='note'>{_e(t('audit.html.findings_cap', lang, n=CAP))}</p>" if len(shown) < len(found) else ""]
    out += [_finding(f, lang) for _, f in shown.iterrows()] or [f"<p class='note'>{_e(t('audit.html.nothing', lang))}</p>"]
    if report.n_rejected:
        rejected = report.rejected_frame(lang)
        out += [f"<h2>{_e(t('audit.html.rejected', lang))}</h2>",
                f"<p class='note'>{_e(t('audit.html.rejected_cap', lang, n=CAP))}</p>" if len(rejected) > CAP else "",
                _raw_table(rejected.head(CAP))]
    out.append(f"<p class='note'>{_e(t('audit.html.generated', lang))}</p></main></body></html>")
    return "\n".join(out)


def _raw_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def write(report, path: Path, lang: Lang) -> Path:
    path.write_text(render(report, lang), encoding="utf-8")
    return path
