"""Every message the audit looks up is in the catalog (kit/i18n/messages/audit.yaml) in both languages, and the
whole report reads in English with no Chinese sentence of the kit's own (names and quoted cells aside)."""

from __future__ import annotations

import re
from pathlib import Path

from kit.audit import RULES, audit
from kit.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "kit" / "audit").glob("*.py")), ROOT / "kit" / "cli" / "audit.py"]


def test_every_static_key_is_in_the_catalog():
    keys = set()
    for path in SOURCES:
        keys |= set(re.findall(r"""\bt\(\s*"(audit\.[A-Za-z0-9_.]+)""", path.read_text(encoding="utf-8")))
    assert len(keys) > 40
    missing = sorted(k for k in keys if not catalog().has(k))
    assert not missing, missing


def test_every_kind_has_its_label_rule_and_severity():
    for rule in RULES:
        for key in (f"audit.kind.{rule.kind}", f"audit.rule.{rule.kind}", f"audit.severity.{rule.severity}"):
            assert catalog().has(key), key


def test_the_english_summary_has_no_chinese_of_its_own(library):
    report = audit(ROOT / "examples" / "audit" / "decisions.csv", library, workers=1)
    text = report.summary("en", limit=0)
    # names of authorities are English in the sample library; the term of art is said in English
    assert "Like cases fined unalike:" in text
    rest = text.replace(str(report.file), "")
    assert not re.search(r"[\u4e00-\u9fff]", rest), rest
