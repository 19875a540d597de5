"""Every workbook the kit writes for a user in a chosen language speaks that language: opened with openpyxl, every
sheet name and every cell's text, the library's own words cut out (tests/i18n/surfaces.py), holds no Chinese of
the kit's in English and no English sentence of the catalog in Chinese; a few exact header cells are asserted in
both languages so that an empty workbook cannot pass.

The workbooks: the audit report (``kit audit … --xlsx``, ``AuditReport.write_xlsx``), the grading export
(``kit grade export``, real nbgrader course of tests/grading), the workshop export (``Hall.export``, a real SQLite
store) and the filing review (``kit review --xlsx``, bilingual by design: its zh column and its en column are
checked each for its language).

Not checked here, on purpose: the published-layout export ``kit export-xlsx`` (kit/excel/export.py), the
authoring template (kit/excel/template.py), the scored example (kit/excel/scored_template.py) and the 深圳
workbook (kit/excel/real.py) write the agencies' own Chinese table layout — a round-trip format the importer
reads back — so they stay Chinese in every language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import kit.cli  # noqa: F401  registers every command
from kit.audit import audit
from kit.baselines.review import review
from kit.baselines.review_report import write_xlsx as write_review
from kit.baselines.vocabulary import Level
from kit.cli import app
from kit.workshop.hall import Hall

from tests.grading.conftest import course  # noqa: F401  the real nbgrader course, built once per run
from tests.i18n.surfaces import catalog_english, kit_cjk

ROOT = Path(__file__).resolve().parents[2]
DECISIONS = ROOT / "examples" / "audit" / "decisions.csv"
ACCEPTED_DATE = "2025年3月1日"
"""A form of date the audit reader accepts, quoted as written in its English messages too (audit.err.date_*): the
syntax of an input, not a word of the kit's."""


def cells(book) -> list[str]:
    """Every sheet name and every non-empty cell of ``book``, as text."""
    out = list(book.sheetnames)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            out.extend(str(v) for v in row if v is not None and str(v).strip())
    return out


def first_rows(book, n: int = 3) -> dict[str, list[tuple]]:
    return {ws.title: list(ws.iter_rows(max_row=n, values_only=True)) for ws in book.worksheets}


def assert_english(texts: list[str], inputs: str = "", what: str = "") -> None:
    leaks = {run: text for text in texts for run in kit_cjk(text, inputs)}
    assert not leaks, f"{what} in English shows Chinese of the kit: {list(leaks.items())[:12]}"


def assert_chinese(texts: list[str], what: str = "") -> None:
    leaks = {p: text for text in texts for p in catalog_english(text)}
    assert not leaks, f"{what} in Chinese shows English of the catalog: {list(leaks.items())[:12]}"


# ---- the audit report -------------------------------------------------------------------------------------

HEAD = "案号,事项,执法机关,违法行为发生日期,发现日期,决定日期,裁量阶次,罚款,事实:illegal_gains,情节,引用基准,裁量理由"


def _row(no: str, authority: str, fine: object, gains: object = 1000, date: str = "2025-07-01") -> str:
    return f"{no},price-marking,{authority},{date},2025-07-20,2025-08-30,一般,{fine},{gains},,js-scjg-price-marking,依基准"


def _alike(path: Path) -> Path:
    """Like cases fined unalike by three authorities (tests/audit/test_consistency.py), an outlier, and rows the
    reader rejects (a date that is none, a fine that is no number, an unknown matter)."""
    rows = [_row(f"省{i}", "js-scjg", f) for i, f in enumerate((2400, 2500, 2600, 2450))]
    rows += [_row(f"市{i}", "nj-scjg", f) for i, f in enumerate((3400, 3500, 3450))]
    rows += [_row(f"区{i}", "nj-gl-scjg", f) for i, f in enumerate((1500, 1550, 1600))]
    rows += [_row(f"乙{i}", "nj-scjg", 2500, gains=3000) for i in range(4)] + [_row("乙X", "nj-scjg", 3500, 3000)]
    rows += [_row("坏1", "js-scjg", 2500, date="2025-13-01"), _row("坏2", "js-scjg", "两千"),
             _row("坏3", "js-scjg", 2500).replace("price-marking", "no-such-matter", 1)]
    path.write_text("\n".join([HEAD, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("table", ["sample", "alike"])
def test_the_audit_workbook_speaks_one_language(library, table, tmp_path):
    source = DECISIONS if table == "sample" else _alike(tmp_path / "alike.csv")
    report = audit(source, library, workers=1)
    assert table == "sample" or (report.n_rejected == 3 and len(report.consistency.pairs) == 1)
    zh = load_workbook(report.write_xlsx(tmp_path / "zh.xlsx", "zh"))
    en = load_workbook(report.write_xlsx(tmp_path / "en.xlsx", "en"))
    assert zh.sheetnames[:3] == ["汇总", "机关事项", "评查结果"]
    assert en.sheetnames[:3] == ["summary", "by authority", "files"]
    assert [c.value for c in zh["问题明细"][1]][:2] == ["行号", "案号"]
    assert zh["汇总"]["A4"].value == "读入行数" and en["summary"]["A4"].value == "rows read"
    assert "review note" in [c.value for c in en["findings"][1]]
    # the decisions' own text (case numbers, headers as written, facts, reasons) is data
    inputs = source.read_text(encoding="utf-8") + "\n" + ACCEPTED_DATE
    assert_english(cells(en), inputs, "the audit workbook")
    assert_chinese(cells(zh), "the audit workbook")


# ---- the grading export -----------------------------------------------------------------------------------

def test_the_grading_workbook_speaks_one_language(course, tmp_path):  # noqa: F811
    books = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"grades-{lang}.xlsx"
        result = CliRunner().invoke(app, ["grade", "export", str(course), "--out", str(out), "--lang", lang])
        assert result.exit_code == 0, result.output
        books[lang] = load_workbook(out)
    zh, en = books["zh"], books["en"]
    assert zh.sheetnames == ["学员成绩", "逐题明细", "题目分析"]
    assert en.sheetnames == ["Trainees", "Questions", "Item analysis"]
    assert [c.value for c in zh["逐题明细"][1]][:2] == ["学员", "考试（作业）"]
    assert [c.value for c in en["Questions"][1]][0] == "Trainee"
    # an integrity flag is said in the workbook's language (the gradebook's comments hold the course's only)
    for book, sheet, flag in ((zh, "学员成绩", "锁定单元格被改动（q2-outcome）"),
                              (en, "Trainees", "locked cell changed (q2-outcome)")):
        rows = {r[0]: r for r in book[sheet].iter_rows(min_row=2, values_only=True) if r[1] == "exam-general"}
        assert flag in (rows["A-gradebook"][9] or ""), rows["A-gradebook"]  # the last column: the flags
    counts = [r[5] for r in en["Item analysis"].iter_rows(min_row=2, values_only=True) if r[5]]
    assert counts and all("（" not in c and c.endswith(")") for c in counts), counts[:3]
    # what the trainees typed into their notebooks is theirs (their answers and their cells' code)
    inputs = (course / "given.json").read_text(encoding="utf-8")
    assert_english(cells(en), inputs, "the grading workbook")
    assert_chinese(cells(zh), "the grading workbook")


# ---- the workshop export ----------------------------------------------------------------------------------

TEMPLATE = "parking-fee-overcharge"
NAMES = ("张三", "李四")
REASON = "屡查屡犯"


def _workshop(engine) -> tuple[Hall, str, str]:
    """Two rounds: the first answered by two participants and revealed, the second open with no answer."""
    hall = Hall(engine)
    made = hall.create("裁量基准研讨")
    code, key = made["code"], made["key"]
    hall.act(code, key, "open", {"template": TEMPLATE, "seed": 1})
    tokens = [hall.join(code, name, None)[1] for name in NAMES]
    state = hall.state(code, tokens[0], "zh")
    round_id = state["round"]["id"]
    from kit.workshop import case_of, current_round, get_workshop

    with hall.Session() as s:
        decision = case_of(current_round(s, get_workshop(s, code))).decision
    wrong = next(lv for lv in Level if lv not in decision.acceptable)
    hall.submit(code, tokens[0], {"round": round_id, "level": decision.level.value, "fine": decision.suggested_fine,
                                  "reason": REASON}, "zh")
    hall.submit(code, tokens[1], {"round": round_id, "level": wrong.value, "fine": 100.0}, "zh")
    hall.act(code, key, "reveal", {})
    hall.act(code, key, "open", {"template": "spitting-public", "seed": 2})
    return hall, code, key


def test_the_workshop_workbook_speaks_one_language(sqlite_store):
    hall, code, key = _workshop(sqlite_store)
    zh = load_workbook(io.BytesIO(hall.export(code, key, "zh")))
    en = load_workbook(io.BytesIO(hall.export(code, key, "en")))
    assert [c.value for c in en["answers"][1]][:5] == ["participant", "round", "case id", "outcome", "fine (yuan)"]
    assert en.sheetnames == ["answers", "rounds"] and len(zh.sheetnames) == 2
    assert len(list(zh.worksheets[0].iter_rows())) == 1 + len(NAMES) * 2  # every participant × round
    assert_english(cells(en), " ".join((*NAMES, REASON, "裁量基准研讨")), "the workshop workbook")
    assert_chinese(cells(zh), "the workshop workbook")


# ---- the filing review (bilingual by design) ----------------------------------------------------------------

def test_the_review_workbook_keeps_each_column_to_its_language(library, tmp_path):
    book = load_workbook(write_review(review(library), tmp_path / "review.xlsx"))
    overview = book.worksheets[0]
    rows = list(overview.iter_rows(values_only=True))
    assert len(rows) > 2
    zh_cells, en_cells = [book.sheetnames[0], rows[0][0]], [rows[0][1]]
    zh_cells += [r[0] for r in rows[1:]]
    en_cells += [r[1] for r in rows[1:]]
    zh_cells += book.sheetnames[1:]  # each kind's sheet is named by its Chinese title
    for ws in book.worksheets[1:]:
        head = [c.value for c in ws[1]]
        assert len(head) == 8 and head[0].split(" ", 1)[1] == "baseline"
        zh_cells += [h.split(" ", 1)[0] for h in head[:6]] + [head[6]]
        en_cells += [h.split(" ", 1)[1] for h in head[:6]] + [head[7]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            zh_cells.append(row[6])
            en_cells.append(row[7])
    assert any(len(list(ws.iter_rows())) > 1 for ws in book.worksheets[1:])  # some finding is written
    assert_english([str(c) for c in en_cells if c], what="the review workbook's English column")
    assert_chinese([str(c) for c in zh_cells if c], what="the review workbook's Chinese column")
