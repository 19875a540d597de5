"""``kit list`` names every penalty a level or a tier imposes, not only its fine: the 上海 fire-safety tiers
whose penalty is 拘留 (detention) said nothing before."""

from __future__ import annotations

from typer.testing import CliRunner

import kit.cli  # noqa: F401  registers every command
from kit.baselines import REAL_LIBRARIES, load_library
from kit.baselines.vocabulary import PenaltyType
from kit.cli import app

FIRE = REAL_LIBRARIES / "shanghai-fire"


def _tier_lines(output: str, baseline: str) -> list[str]:
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(baseline + " "))
    out = []
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        out.append(line.strip())
    return out


def test_detention_is_listed_on_the_tiers_that_impose_it():
    library = load_library(FIRE)
    detained = [(b.id, tier.no) for b in library.baselines.values() for tier in b.tiers
                if PenaltyType.detention in tier.penalties]
    assert len(detained) >= 5
    for lang, label in (("zh", "行政拘留"), ("en", "administrative detention")):
        result = CliRunner().invoke(app, ["list", "--library", str(FIRE), "--lang", lang])
        assert result.exit_code == 0, result.output
        for baseline, no in detained:
            tier = "类别 " if lang == "zh" else "tier "
            line = next(x for x in _tier_lines(result.output, baseline) if x.startswith(f"{tier}{no} "))
            assert label in line, (baseline, no, line)


def test_a_fine_only_tier_lists_no_other_penalty():
    result = CliRunner().invoke(app, ["list", "--library", str(FIRE)])
    line = next(x for x in _tier_lines(result.output, "sh-gaj-10") if x.startswith("类别 2 "))
    assert line.endswith("元") and "拘留" not in line


def test_kit_list_writes_money_the_kits_one_way():
    """The listing's fines are money as every page writes it (11,900元 / CNY 11,900), not bare numbers."""
    from kit.baselines.models import MaxOnlyFine, RangeFine
    from kit.cli.library import fine_text
    from kit.i18n import money, money_range

    assert fine_text(RangeFine(min=1500, max=3500), lang="zh") == money_range(1500, 3500, "zh") == "1,500–3,500元"
    assert fine_text(RangeFine(min=1500, max=3500), lang="en") == "CNY 1,500–3,500"
    assert fine_text(MaxOnlyFine(max=50000), lang="zh") == f"{money(50000, 'zh')}以下"
    assert fine_text(MaxOnlyFine(max=50000), lang="en") == "up to CNY 50,000"
