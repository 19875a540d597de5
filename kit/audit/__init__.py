"""Case-file review (案卷评查) of past decisions at province scale: stream a decision table in chunks, evaluate
each distinct case once with the engine, grade each decision as made with ``kit.grading.grade`` (the same path as
a trainee's answer), set bad rows aside with their located problems, compare like cases across authorities
(类案不同罚), and report.

    report = audit("decisions.csv", library)       # rows in = reviewed + rejected; both cores by default
    report.write_rejected("rejected.csv")          # every bad row with its problems
    report.write_xlsx("review.xlsx")                # 汇总 / 机关事项 / 评查结果 / 问题明细 / 类案不同罚 / 离群决定 / 退回行
    report.write_html("review.html")                # the same with plots
"""

from .checks import CHECKS, DecisionRecord, Finding
from .columns import COLUMNS, FACT_PREFIXES, AuditInputError, Problem
from .consistency import Consistency
from .pipeline import audit
from .report import AuditReport
from .rubric import RUBRIC, RULES, START, Rule, score

SHEETS_ZH = ("汇总", "机关事项", "评查结果", "问题明细", "类案不同罚", "离群决定", "退回行")
"""The sheets of the workbook (Chinese), in order."""

__all__ = ["CHECKS", "DecisionRecord", "Finding", "COLUMNS", "FACT_PREFIXES", "AuditInputError", "Problem",
           "Consistency", "audit", "AuditReport", "RUBRIC", "RULES", "START", "Rule", "score", "SHEETS_ZH"]
