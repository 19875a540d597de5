"""Language choices go through the catalog: no ``lang == "zh"`` branch in the kit outside kit/i18n."""

import re
from pathlib import Path

KIT = Path(__file__).resolve().parents[2] / "kit"
BRANCH = re.compile(r"""\blang\s*[!=]=\s*['"](zh|en)['"]""")


def test_no_language_branch_outside_the_catalog():
    found = []
    for path in sorted(KIT.rglob("*.py")):
        rel = path.relative_to(KIT).as_posix()
        if rel.startswith("i18n/"):
            continue
        found += [f"kit/{rel}:{n}" for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                  if BRANCH.search(line)]
    assert not found, "move these strings into kit/i18n/messages: " + ", ".join(found)


def test_the_pattern_finds_a_branch():
    assert BRANCH.search("x = a if lang == 'zh' else b") and BRANCH.search('if lang != "en":')
