"""The catalog: every message in both languages with the same placeholders; bad files named precisely."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.i18n import UnknownLanguage, catalog, money, money_range, number, parse_lang, t
from kit.i18n.catalog import CatalogError, load


def test_every_message_has_both_languages_and_the_same_placeholders():
    entries = catalog().entries
    assert entries, "the catalog is empty"
    for key, texts in entries.items():
        assert set(texts) == {"zh", "en"}, key
        assert all(s.strip() for s in texts.values()), key


def test_lookup_fills_placeholders():
    assert t("common.illustrative", "zh") == "示例，非正式文件"
    assert t("common.illustrative", "en").startswith("Illustrative")


@pytest.mark.parametrize("text, problem", [
    ("a: {zh: 甲}", "expected exactly the languages ['zh', 'en']; found ['zh']"),
    ("a: {zh: '{n}个', en: '{m} items'}", "placeholders differ — zh ['n'], en ['m']"),
    ("a: {zh: '', en: x}", "empty or not text in ['zh']"),
])
def test_a_broken_catalog_names_the_file_and_the_key(text, problem):
    with pytest.raises(CatalogError) as err:
        load({"drill.yaml": text, "other.yaml": "b: {zh: 乙}"})
    message = str(err.value)
    assert f"drill.yaml: a: {problem}" in message
    assert "other.yaml: b:" in message  # every problem of every file in one run


def test_a_key_yaml_reads_as_a_boolean_is_refused():
    with pytest.raises(CatalogError) as err:
        load({"common.yaml": "yes: {zh: 是, en: 'yes'}"})
    assert "common.yaml: True: key is read as bool, not text; quote it" in str(err.value)


def test_a_key_given_twice_in_one_file_is_refused_with_its_file_key_and_line():
    text = "a: {zh: 甲, en: A}\nb: {zh: 乙, en: B}\na: {zh: 丙, en: C}\n"
    with pytest.raises(CatalogError) as err:
        load({"drill.yaml": text, "web.yaml": "a: {zh: 甲, en: A}"})
    message = str(err.value)
    assert "drill.yaml: a: duplicate key (line 3)" in message
    assert "web.yaml" not in message  # the same key in two files is two areas, not a duplicate


def test_the_same_key_in_two_files_is_fine():
    cat = load({"drill.yaml": "a: {zh: 甲, en: A}", "web.yaml": "a: {zh: 乙, en: B}"})
    assert cat.text("drill.a", "en") == "A" and cat.text("web.a", "zh") == "乙"


@pytest.mark.parametrize("value, lang", [(None, "zh"), ("", "zh"), ("zh-CN", "zh"), ("EN", "en"), ("en", "en")])
def test_parse_lang(value, lang):
    assert parse_lang(value) == lang


def test_unknown_language_is_refused_in_both_languages():
    with pytest.raises(UnknownLanguage) as err:
        parse_lang("fr")
    assert "不支持的语言 'fr'" in str(err.value) and "unknown language 'fr'" in str(err.value)


def test_money_one_way():
    assert money(11900) == "11,900元"
    assert money(11900, "en") == "CNY 11,900"
    assert money(0.5, "en") == "CNY 0.50"
    assert money(1234.5) == "1,234.50元"
    assert money_range(0, 50000, "zh", upper_open=True) == "0–不足50,000元"
    assert money_range(5000, 8000, "en") == "CNY 5,000–8,000"
    assert number(1234567.25) == "1,234,567.25"


@given(cents=st.integers(min_value=0, max_value=10**12))
def test_amounts_are_babels_money_format_in_both_locales(cents):
    from babel.numbers import format_decimal

    from kit.i18n.format import digits

    yuan = cents / 100
    pattern = "#,##0" if cents % 100 == 0 else "#,##0.00"
    assert digits(yuan) == format_decimal(yuan, format=pattern, locale="zh_CN") \
        == format_decimal(yuan, format=pattern, locale="en_GB")


def test_dates_one_way():
    from datetime import date

    from kit.i18n import date_text
    from kit.scenarios.render import date_en, date_zh

    day = date(2024, 3, 5)
    assert date_text(day) == date_zh(day) == "2024年3月5日"
    assert date_text(day, "en") == date_en(day) == "5 March 2024"
