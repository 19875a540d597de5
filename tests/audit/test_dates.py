"""Strict dates: the accepted forms read as the day they name; each ambiguous or incomplete form is refused with
its row (and column), the forms accepted named; a decision dated after today is refused; the other rows are
reviewed."""

from __future__ import annotations

from datetime import date

import pytest

from kit.audit import audit
from kit.audit.dates import DateProblem, parse

HEAD = "案号,事项,执法机关,违法行为发生日期,发现日期,决定日期,裁量阶次,罚款,事实:illegal_gains,引用基准,裁量理由"
GOOD = "A{n},price-marking,js-scjg,2025-03-01,2025-04-01,{decided},一般,2500,1000,js-scjg-price-marking,"
TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text", ["2025-03-01", "2025-3-1", "2025年3月1日", "2025年03月01日", "2025/3/1",
                                  "2025/03/01", "2025.3.1", "2025-03-01 00:00:00", "2025-03-01T00:00:00"])
def test_accepted_forms(text):
    assert parse(text) == date(2025, 3, 1)


@pytest.mark.parametrize("text, kind", [
    ("5/10/2025", "year_last"),        # 5 October or May 10?
    ("10/5/2025", "year_last"),
    ("25/3/2025", "year_last"),        # not ambiguous by value, but a day-first form: refused as a form
    ("01-03-2025", "year_last"),
    ("25/3/1", "two_digit_year"),      # 2025 or 2001?
    ("3/1/25", "two_digit_year"),
    ("25年3月1日", "two_digit_year"),
    ("2025-03-01 10:30", "time"),
    ("2025-02-30", "no_such_day"),
    ("2025-13-01", "no_such_day"),
    ("March 1, 2025", "not_a_date"),
    ("20250301", "not_a_date"),
    ("45717", "not_a_date"),           # an Excel serial number in a CSV: no form says it is a date
])
def test_refused_forms(text, kind):
    with pytest.raises(DateProblem) as info:
        parse(text)
    assert info.value.kind == kind


REFUSED = ["5/10/2025", "10/5/2025", "25/3/1", "3/1/25", "2025-03-01 10:30", "2025-02-30", "2027-01-01"]


def test_each_refused_date_rejects_its_row_and_only_it(tmp_path, library):
    rows = [GOOD.format(n=1, decided="2025-05-10")]
    rows += [GOOD.format(n=i + 2, decided=text) for i, text in enumerate(REFUSED)]
    rows += [GOOD.format(n=99, decided="2025年5月10日")]
    path = tmp_path / "dates.csv"
    path.write_text("\n".join([HEAD, *rows]) + "\n", encoding="utf-8")
    report = audit(path, library, workers=1, today=TODAY)
    assert (report.rows_in, report.n_reviewed, report.n_rejected) == (len(rows), 2, len(REFUSED))
    by_row = {p.row: p for p in report.problems}
    assert sorted(by_row) == list(range(3, 3 + len(REFUSED)))
    expected = ["date_year_last", "date_year_last", "date_two_digit_year", "date_two_digit_year", "date_time",
                "date_no_such_day", "date_future"]
    for i, key in enumerate(expected):
        p = by_row[3 + i]
        assert (p.key, p.column, p.header) == (key, 6, "决定日期")
        assert REFUSED[i] in p.message("zh") and REFUSED[i] in p.message("en")
    for row in range(3, 3 + 6):  # each refusal names the forms accepted
        assert "2025年3月1日" in by_row[row].message("zh") and "Accepted" in by_row[row].message("en")
    assert "2026-12-01" in by_row[3 + 6].message("en")


def test_the_future_is_today_by_default(tmp_path, library):
    path = tmp_path / "future.csv"
    path.write_text("\n".join([HEAD, GOOD.format(n=1, decided="2100-01-01")]) + "\n", encoding="utf-8")
    report = audit(path, library, workers=1)
    assert [p.key for p in report.problems] == ["date_future"]
