"""The 裁量标准 parser: hand-written expectations, reported (never guessed) failures, and the share of the
382 real Jiangmen phrases read to exact specs, each checked against the numbers of its own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, RangeFine
from kit.excel.phrases import PhraseError, parse_standard, standard_words

from .oracle import agrees

DATA = Path(__file__).resolve().parent / "data"
PHRASES = DATA / "jiangmen-penalty-phrases.txt"

R, M, F = RangeFine, MaxOnlyFine, FixedFine

EXPECTED = [
    # text, fine, individual_fine, penalties, measures
    ("处5万元以上8.5万元以下罚款", R(min=50000, max=85000), None, ["fine"], []),
    ("处一万元以下罚款", M(max=10000), None, ["fine"], []),
    ("处二十万元罚款", F(amount=200000), None, ["fine"], []),
    ("处所收费用三倍的罚款", MultipleFine(base="fees", min=3, max=3), None, ["fine"], []),
    ("处违法所得3倍以上5倍以下罚款", MultipleFine(base="illegal_gains", min=3, max=5), None, ["fine"], []),
    ("责令停止建设，处建设项目总投资额百分之一以上百分之二以下的罚款",
     MultipleFine(base="investment", min=0.01, max=0.02, display="percent"), None, ["fine"], ["责令停止建设"]),
    ("责令改正，处一万五千元以上二万元以下罚款", R(min=15000, max=20000), None, ["fine"], ["责令改正"]),
    ("处二十万以上三十万元以下罚款", R(min=200000, max=300000), None, ["fine"], []),
    ("予以警告", None, None, ["warning"], []),
    ("给予警告", None, None, ["warning"], []),
    ("责令改正，没收违法所得，并处八万元以上十五万元以下的罚款", R(min=80000, max=150000), None,
     ["fine", "confiscation"], ["责令改正"]),
    ("责令停产停业，处五万元以上十万元以下罚款", R(min=50000, max=100000), None, ["fine", "suspension"], []),
    ("处二十万元以上四十万元以下罚款，个人处五千元以上七千元以下罚款", R(min=200000, max=400000),
     R(min=5000, max=7000), ["fine"], []),
    ("处五十万元以上七十万元以下的罚款，并对建设单位的法定代表人、主要负责人、直接负责的主管人员和其他直接责任人员，"
     "处五万元以上七万元以下的罚款", R(min=500000, max=700000), R(min=50000, max=70000), ["fine"], []),
    ("责令停止违法行为，限期采取治理措施，消除污染，处六十万元以上八十万元以下罚款", R(min=600000, max=800000), None,
     ["fine"], ["责令停止违法行为", "限期采取治理措施", "消除污染"]),
    ("处以直接经济损失2倍罚款；对责任人员可以处上一年度从本单位取得收入10％以下的罚款",
     MultipleFine(base="direct_loss", min=2, max=2),
     MultipleFine(base="prior_year_income", max=0.1, display="percent"), ["fine"], []),
    ("处所收费用五倍的罚款，禁止从事环境影响报告书、环境影响报告表编制工作", MultipleFine(base="fees", min=5, max=5),
     None, ["fine", "ban"], []),
    ("报经有批准权的人民政府批准，责令停业", None, None, ["suspension"], []),
    ("处不超过五万元的罚款", M(max=50000), None, ["fine"], []),
    ("吊销排污许可证", None, None, ["revocation"], []),
    ("对责任人处五万元以上七万元以下罚款", None, R(min=50000, max=70000), [], []),
    ("不予处罚", None, None, [], []),
]


@pytest.mark.parametrize("text, fine, individual, penalties, measures", EXPECTED, ids=[e[0][:24] for e in EXPECTED])
def test_hand_written_expectations(text, fine, individual, penalties, measures):
    parsed = parse_standard(text)
    assert parsed.fine == fine
    assert parsed.individual_fine == individual
    assert [p.value for p in parsed.penalties] == penalties
    assert parsed.measures == measures


REPORTED = [
    ("责令停止违法行为，限期改正，处以处三万元以上六万元以下的罚款", "处 written twice"),
    ("处七万元以下九万元以下罚款", "amount not understood"),
    ("处二十万元以上三十万元以下元罚款", "amount not understood"),
    ("处二十万元以上七十万元以下罚款（每增加1个超标因子增加五万元，每个因子超标每0.2倍增加二万元，不足0.2倍的向高取齐）",
     "formula"),
    ("按照直接损失的百分之三十计算罚款，但是最高不超过一百万元", "formula"),
    ("对责任人员可以处上一年度从本单位取得收入30%以上40%的罚款", "multiple not understood"),
    ("处五万元以上不足十万元罚款", "exclusive"),
    ("处超过五万元罚款", "exclusive"),
    ("处八万元以上五万元以下罚款", "above the 以下 bound"),
    ("处五万元以上罚款", "amount not understood"),
    ("处十万元罚款，处二十万元罚款", "two fines"),
    ("责令关闭", "no type in the library vocabulary"),
    ("处十万元罚款，按日连续处罚", "formula"),
    ("处十万元罚款，另行处理", "clause not understood"),
    ("", "empty"),
]


@pytest.mark.parametrize("text, reason", REPORTED, ids=[r[1] for r in REPORTED])
def test_not_understood_is_reported_not_guessed(text, reason):
    with pytest.raises(PhraseError) as exc:
        parse_standard(text)
    assert reason in exc.value.reason.render("en")
    assert exc.value.clause or text == ""  # the clause it stopped at is named


@pytest.mark.parametrize("text", [e[0] for e in EXPECTED])
def test_words_written_for_a_spec_read_back_the_same(text):
    parsed = parse_standard(text)
    words = standard_words(fine=parsed.fine, individual_fine=parsed.individual_fine, penalties=parsed.penalties)
    again = parse_standard(words)
    assert (again.fine, again.individual_fine, again.penalties) == (parsed.fine, parsed.individual_fine,
                                                                    parsed.penalties)


def test_share_of_the_382_real_phrases_read_to_exact_specs():
    assert PHRASES.exists(), f"missing test data {PHRASES}: copy it from shared/real-baselines/"
    phrases = [line.rstrip("\n") for line in PHRASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(phrases) == 382
    exact, failures, wrong = 0, [], []
    for text in phrases:
        try:
            parsed = parse_standard(text)
        except PhraseError as exc:
            assert exc.reason and exc.clause, text  # a located reason, never a silent skip
            failures.append(f"{exc.reason.render('en')} — at '{exc.clause}' — in '{text}'")
            continue
        if agrees(text, parsed.fine, parsed.individual_fine):
            exact += 1
        else:
            wrong.append(f"{text} → {parsed.fine} / {parsed.individual_fine}")
    share = exact / len(phrases)
    print(f"\n{exact} of {len(phrases)} phrases parsed to exact specs ({share:.1%}); "
          f"{len(failures)} reported as not understood:")
    for line in failures:
        print("  -", line)
    assert not wrong, "parsed to specs that disagree with the numbers of the text:\n" + "\n".join(wrong)
    assert share >= 0.95
