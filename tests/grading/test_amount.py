"""Amounts as officers write them, read without guessing."""

from __future__ import annotations

import pytest

from kit.grading.amount import AmountError, parse_amount

from .conftest import chinese_amount

READ = [("15000", 15000), ("15,000", 15000), ("15,000元", 15000), ("1.5万元", 15000), ("1.5万", 15000),
        ("一万五千元", 15000), ("一万五", 15000), ("壹万伍仟元整", 15000), ("1万5千", 15000), ("¥15,000", 15000),
        ("￥15000元", 15000), ("0.8万元", 8000), ("一点五万元", 15000), ("两千元", 2000), ("十五万元", 150000),
        ("一百零五元", 105), ("一千二", 1200), ("三千五百元", 3500), ("一万零五元", 10005), ("一亿五千万元", 1.5e8),
        ("100.5元", 100.5), (" 15,000 元 ", 15000), ("人民币一万元", 10000), (15000, 15000), (1.5e4, 15000)]


@pytest.mark.parametrize("text,yuan", READ)
def test_the_forms_officers_write(text, yuan):
    assert parse_amount(text) == yuan


@pytest.mark.parametrize("yuan", [50, 200, 1000, 1460, 3500, 15000, 20000, 45150, 95000, 100000, 155000, 1000000])
def test_chinese_numerals_agree_with_an_independent_writer(yuan):
    assert parse_amount(chinese_amount(yuan)) == yuan


@pytest.mark.parametrize("text,key", [("abc", "amount_not_number"), ("", "amount_empty"), ("元", "amount_empty"),
                                      ("-5", "amount_negative"), ("负五百", "amount_negative"),
                                      ("五百 三百", "amount_two_numbers"), ("五百三百", "amount_two_numbers"),
                                      ("1 2", "amount_two_numbers"), ("1e20", "amount_not_number"),
                                      ("万", "amount_not_number"), ("2000000000000", "amount_too_large"),
                                      (True, "amount_not_number"), ("约一万", "amount_not_number")])
def test_what_cannot_be_read_is_an_error_naming_why(text, key):
    with pytest.raises(AmountError) as error:
        parse_amount(text)
    assert error.value.key == key


@pytest.mark.parametrize("yuan", [7, 50, 105, 1460, 10005, 15000, 45150, 95000, 120000, 2000000, 35000000])
def test_chinese_numerals_agree_with_cn2an(yuan):
    """cn2an (a dependency of the kit's Excel phrase parser) writes the numerals, lower and upper case."""
    import cn2an

    assert parse_amount(cn2an.an2cn(yuan) + "元") == yuan
    assert parse_amount(cn2an.an2cn(yuan, "up") + "元") == yuan
