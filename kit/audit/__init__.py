"""Case-file review (案卷评查) of past decisions: read a decision table, evaluate each case once with the engine,
grade the decision as made with ``kit.grading.grade`` (the same path as a trainee's answer), and report the
findings scored by the rubric.

    records = read_decisions("decisions.csv", library)   # located errors for every bad cell, all at once
    report = audit(records, library)                     # findings, scores, summaries (pandas)
    report.write_xlsx("review.xlsx")                      # sheets 汇总 / 评查结果 / 问题明细
"""

from .checks import CHECKS, Finding
from .read import COLUMNS, FACT_PREFIXES, DecisionRecord, read_decisions
from .report import SHEETS, AuditReport, audit
from .rubric import RUBRIC, RULES, START, Rule, score

__all__ = ["CHECKS", "Finding", "COLUMNS", "FACT_PREFIXES", "DecisionRecord", "read_decisions", "SHEETS",
           "AuditReport", "audit", "RUBRIC", "RULES", "START", "Rule", "score"]
