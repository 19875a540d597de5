"""A printable certificate / result sheet (HTML, A4) for each trainee who passed an exam.

``write_certificates(report, folder)`` writes ``<assignment>-<trainee>.html`` for every passed (trainee,
assignment) of the report: the exam, the attempt, the score and the pass mark, a table of the questions with
the points earned, any integrity flag (a certificate with a flag says so), and the constructed-cases notice."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from ..i18n import Lang, date_text, html_lang, t
from .report import Report

CSS = """
@page { size: A4; margin: 18mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #1b1b1b; max-width: 174mm; margin: auto; }
.frame { border: 3px double #8a6d3b; padding: 14mm 12mm; }
h1 { text-align: center; letter-spacing: .3em; font-size: 26pt; margin: 0 0 4mm; color: #7a1f1f; }
.sub { text-align: center; color: #555; margin-bottom: 10mm; }
.who { font-size: 15pt; line-height: 1.9; }
table { border-collapse: collapse; width: 100%; margin-top: 8mm; font-size: 10.5pt; }
th, td { border: 1px solid #999; padding: 2mm 3mm; text-align: left; }
th { background: #f1ece1; white-space: nowrap; }
td.num { white-space: nowrap; text-align: right; }
td.id { font-size: 9pt; word-break: break-all; }
.flag { color: #a40000; font-weight: bold; }
.foot { margin-top: 10mm; display: flex; justify-content: space-between; font-size: 10pt; color: #444; }
.note { font-size: 9pt; color: #777; margin-top: 6mm; }
"""


def certificate_html(report: Report, trainee: str, assignment: str, lang: Lang = "zh", *,
                     course: str = "discretion-kit", today: date | None = None) -> str:
    row = report.totals[(report.totals.trainee == trainee) & (report.totals.assignment == assignment)].iloc[0].to_dict()
    rows = report.detail[(report.detail.trainee == trainee) & (report.detail.assignment == assignment)]
    e = html.escape
    lines = "".join(f"<tr><td class='num'>{int(r.n)}</td><td>{e(str(r.pool))}</td><td class='id'>{e(str(r.variant))}"
                    f"</td><td class='num'>{r.points:g} / {r.max_points:g}</td></tr>" for r in rows.itertuples())
    flags = (f"<p class='flag'>{e(t('grading.feedback_flags', lang))}：{e(row['flags'])}</p>" if row['flags'] else "")
    day = date_text(today or date.today(), lang)
    return f"""<!DOCTYPE html>
<html lang="{html_lang(lang)}"><head><meta charset="utf-8">
<title>{e(t('grading.cert_title', lang))} · {e(trainee)}</title><style>{CSS}</style></head>
<body><div class="frame">
<h1>{e(t('grading.cert_title', lang))}</h1>
<p class="sub">{e(t('grading.cert_sub', lang, course=course))}</p>
<p class="who">{e(t('grading.cert_body', lang, trainee=trainee, exam=row['exam'], attempt=int(row['attempt']),
                    points=f"{row['points']:g}", max=f"{row['max_points']:g}", share=f"{row['share']:.0%}",
                    mark=f"{row['pass_mark']:.0%}"))}</p>
{flags}
<table><thead><tr><th>{e(t('grading.col_n', lang))}</th><th>{e(t('grading.col_pool', lang))}</th>
<th>{e(t('grading.col_variant', lang))}</th><th>{e(t('grading.col_points', lang))}</th></tr></thead>
<tbody>{lines}</tbody></table>
<div class="foot"><span>{e(t('grading.cert_date', lang, date=day))}</span><span>{e(t('grading.cert_sign', lang))}</span></div>
<p class="note">{e(t('grading.cert_note', lang))}</p>
</div></body></html>
"""


def write_certificates(report: Report, folder: str | Path, lang: Lang = "zh", **options) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in report.totals[report.totals.passed.astype(bool)].itertuples():
        path = folder / f"{row.assignment}-{row.trainee}.html"
        path.write_text(certificate_html(report, row.trainee, row.assignment, lang, **options), encoding="utf-8")
        written.append(path)
    return written
