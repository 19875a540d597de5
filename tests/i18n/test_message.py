"""kit.i18n.Msg: a message rendered later, in the reader's language; nested messages and data as written."""

from kit.i18n import Msg, msg, say, t


def test_a_deferred_message_renders_in_each_language():
    m = msg("common.parens", text="x")
    assert m.render("zh") == t("common.parens", "zh", text="x") == "（x）"
    assert m.render("en") == " (x)"
    assert str(m) == m.render("zh")  # Chinese is the default


def test_a_parameter_may_be_a_message_and_data_stays_as_written():
    m = msg("common.parens", text=msg("common.yes"))
    assert m.render("en") == " (yes)" and m.render("zh") == "（是）"
    assert say("甲-1", "en") == "甲-1" and say(Msg("common.no"), "en") == "no"
