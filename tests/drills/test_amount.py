"""Reading a fine as an officer types it; anything unreadable is an error, never 0."""

from __future__ import annotations

import pytest

from kit.drills import AmountError, parse_amount


@pytest.mark.parametrize("text, yuan", [
    ("50000", 50_000), ("50,000", 50_000), ("50，000", 50_000), ("1,234,567.5", 1_234_567.5), ("5万", 50_000),
    ("5万元", 50_000), ("1.2万元", 12_000), ("3000元", 3_000), ("¥3,000", 3_000), ("五万", 50_000), ("五万元", 50_000),
    ("十万", 100_000), ("十五万元", 150_000), ("一百二十万", 1_200_000), ("两千五百", 2_500), ("一万零五百", 10_500),
    ("叁仟元整", 3_000), ("贰拾万元", 200_000), ("一亿二千万", 120_000_000), ("九千九百九十九", 9_999), (12.5, 12.5),
])
def test_amounts(text, yuan):
    assert parse_amount(text) == yuan


@pytest.mark.parametrize("text", ["", "  ", None, "元"])
def test_an_empty_box_is_no_fine(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("text", ["abc", "5万万", "-3", "二五", "五千块", "1e5", "万", "5..0", "2" * 20])
def test_what_cannot_be_read_is_an_error_naming_the_text(text):
    with pytest.raises(AmountError) as err:
        parse_amount(text)
    assert err.value.text == text
