"""The words of published tables, kept as data: base amounts of multiple fines, penalty types, measures,
who an individual fine is for, and the header names of the table's columns.

Extending the importer to a new table usually means adding a row here, not code."""

from __future__ import annotations

import re

from kit.baselines.vocabulary import PenaltyType

# ---------------------------------------------------------------- base amounts of 倍 / 百分之 fines
# phrase as written → (fact id, label zh, label en). Longest phrase wins, so 建设项目总投资额 before 总投资额.
BASES: dict[str, tuple[str, str, str]] = {
    "建设项目总投资额": ("investment", "建设项目总投资额", "total investment of the project"),
    "总投资额": ("investment", "建设项目总投资额", "total investment of the project"),
    "所收费用": ("fees", "所收费用", "fees charged"),
    "违法所得": ("illegal_gains", "违法所得", "illegal gains"),
    "货值金额": ("goods_value", "货值金额", "value of the goods"),
    "违法生产、销售产品货值金额": ("goods_value", "货值金额", "value of the goods"),
    "代为处置费用": ("disposal_cost", "代为处置费用", "cost of disposal by a third party"),
    "所需处置费用": ("disposal_cost", "代为处置费用", "cost of disposal by a third party"),
    "代为治理费用": ("treatment_cost", "代为治理费用", "cost of treatment by a third party"),
    "直接损失": ("direct_loss", "直接损失", "direct loss"),
    "直接经济损失": ("direct_loss", "直接损失", "direct loss"),
    "上一年度从本单位取得收入": ("prior_year_income", "上一年度从本单位取得的收入", "income from the unit in the prior year"),
    "上一年度从本单位取得的收入": ("prior_year_income", "上一年度从本单位取得的收入", "income from the unit in the prior year"),
    "违法收入": ("illegal_income", "违法收入", "illegal income"),
    "销售额": ("sales", "销售额", "sales"),
    "合同价款": ("contract_price", "合同价款", "contract price"),
    "工程合同价款": ("contract_price", "合同价款", "contract price"),
    "应缴税款": ("tax_due", "应缴税款", "tax due"),
    "赔偿额": ("compensation", "赔偿额", "amount of compensation"),
}
"""Multiple fines name the fact holding their base amount; the matter gets a FactDef for each base used."""

BASE_PHRASE: dict[str, str] = {}
"""Fact id → the phrase the exporter writes (the first phrase listed for it above)."""
for _phrase, (_id, _zh, _en) in BASES.items():
    BASE_PHRASE.setdefault(_id, _phrase)

# ---------------------------------------------------------------- per-unit fines (每平方米…, 800元/车次)
PER_UNITS: dict[str, tuple[str, str, str, str]] = {
    # unit as written → (fact id, label zh, label en, unit)
    "平方米": ("area_m2", "涉案面积", "area involved", "平方米"),
    "处违法设施": ("facilities", "违法设施数量", "number of unlawful installations", "处"),
    "处设施": ("facilities", "违法设施数量", "number of unlawful installations", "处"),
    "车次": ("trips", "车次", "trips", "车次"),
    "车": ("vehicles", "车辆数", "vehicles", "辆"),
    "辆": ("vehicles", "车辆数", "vehicles", "辆"),
    "日": ("days", "持续天数", "duration", "日"),
    "天": ("days", "持续天数", "duration", "日"),
}
"""A fine per unit of a fact (rate × the fact, no cap unless the text says one): the unit → the fact counted."""

# ---------------------------------------------------------------- penalty types (行政处罚法 第九条)
# a regular expression over one clause → the penalty type. Checked in order; the first that matches wins.
PENALTY_CLAUSES: list[tuple[str, PenaltyType]] = [
    (r"^(?:并)?(?:给予|予以|处以|并处)?警告$", PenaltyType.warning),
    (r"^(?:并)?(?:给予|予以)?通报批评$", PenaltyType.criticism),
    (r"^(?:有违法所得的|牟取利益的|有违法所得)(?:并处|并|可以并处)?没收违法所得$", PenaltyType.confiscation),
    (r"^(?:并处|并|可以并处|可以)?没收.+$", PenaltyType.confiscation),
    (r"^(?:并)?(?:可以)?责令停产停业$", PenaltyType.suspension),
    (r"^(?:并)?(?:可以)?责令停业$", PenaltyType.suspension),
    (r"^(?:并)?(?:可以)?暂扣.+$", PenaltyType.suspension),
    (r"^(?:并)?(?:可以)?降低资质等级$", PenaltyType.suspension),
    (r"^(?:并)?(?:可以)?吊销.+$", PenaltyType.revocation),
    (r"^(?:并)?(?:可以)?(?:禁止从事.+工作|限制从业)$", PenaltyType.ban),
    (r"^(?:并)?(?:可以)?(?:处以?)?(?:[0-9零一二两三四五六七八九十]+日以上)?(?:[0-9零一二两三四五六七八九十]+日以下)?(?:行政)?拘留$",
     PenaltyType.detention),
]

PENALTY_PHRASE: dict[PenaltyType, str] = {
    PenaltyType.warning: "给予警告",
    PenaltyType.criticism: "通报批评",
    PenaltyType.confiscation: "没收违法所得",
    PenaltyType.suspension: "责令停产停业",
    PenaltyType.revocation: "吊销许可证件",
    PenaltyType.ban: "限制从业",
    PenaltyType.detention: "行政拘留",
}
"""What the exporter writes for a penalty type without a fine (each parses back to its type)."""

# ---------------------------------------------------------------- measures (责令改正 etc.), kept verbatim
MEASURE_PATTERN = r"^(?:并)?(?:责令|限期).+$"
"""Orders to correct (责令改正, 责令停止违法行为, 限期改正, 责令限期拆除 …): any clause that starts with 责令/限期
and is not a penalty type above."""

UNMAPPED_PENALTIES = ("责令关闭", "限制开展生产经营活动", "责令停产整治")
"""Penalty-like orders with no type in the library vocabulary: reported, not taken as a mere measure."""

MEASURE_WORDS = ("消除污染", "恢复原状", "采取补救措施", "补办手续")
"""Clauses that continue an order without repeating 责令 (限期采取治理措施，消除污染)."""

PROCEDURE_WORDS = ("报经有批准权的人民政府批准",)
"""Procedural prerequisites of a penalty: recognised and kept in the 裁量标准 text only."""

NO_PENALTY_WORDS = ("不予处罚", "不予行政处罚", "免予处罚", "免予行政处罚")

# ---------------------------------------------------------------- who a 双罚 fine is for
INDIVIDUAL_WORDS = ("个人", "责任人", "人员", "法定代表人", "主要负责人")
"""A fine clause whose subject (对…) names one of these is the individual fine of a 双罚 standard."""

# ---------------------------------------------------------------- column headers
# canonical key → header names seen in published tables (compared without spaces and line breaks).
HEADERS: dict[str, tuple[str, ...]] = {
    "no": ("序号", "编号", "项目编号", "事项编号"),
    "act": ("违法行为", "违法行为名称", "违法事项", "事项名称", "违法行为描述"),
    "breach": ("违法依据", "违法条款", "违反条款"),
    "basis": ("处罚依据", "法律依据", "处罚条款", "法律依据及处罚依据", "法律规定", "设定依据"),
    "statutory": ("处罚种类及幅度", "处罚种类和幅度", "法定处罚幅度", "法定处罚种类及幅度"),
    "tier": ("类别", "档次", "分档", "裁量档次", "裁量类别"),
    "level": ("裁量阶次", "阶次", "裁量等级", "处罚阶次", "裁量幅度"),
    "block": ("分段",),
    "when": ("裁量情节", "适用条件", "违法情节", "情节", "违法程度", "情形"),
    "conditions": ("情节条件",),
    "factor": ("情节因子",),
    "standard": ("裁量标准", "具体标准", "处罚标准", "裁量基准", "处罚幅度"),
    "remark": ("备注", "说明及备注"),
    "label": ("标注", "示例标注"),
    "baseline": ("基准编号",),
    "data": ("数据",),
}
"""Recognised header names per column. A header row needs 违法行为 (or 基准编号) and 裁量标准."""

LAYOUT: list[str] = ["no", "act", "breach", "basis", "tier", "level", "when", "standard", "remark", "label",
                     "baseline", "block", "conditions", "factor", "data"]
"""The exporter's columns, left to right: the published layout, then the columns that keep a library exact."""

COLUMN_WIDTHS: dict[str, int] = {
    "no": 7, "act": 30, "breach": 28, "basis": 40, "tier": 6, "level": 10, "when": 36, "standard": 40,
    "remark": 24, "label": 16, "baseline": 24, "block": 6, "conditions": 24, "factor": 14, "data": 30,
}

OVERDUE_WORDS = ("逾期", "拒不改正", "拒不停止", "拒不拆除", "拒不执行")
"""A second block restarting at 类别 1 is 逾期不改正的 (block: overdue) when its 法律依据 or 裁量情节 says so."""

INDIVIDUAL_BLOCK = re.compile(r"^(?:\d+[、.．])?对[^，,；;：:。]*?(?:主管人员|责任人员|责任人|个人)")
"""A further block restarting at 类别 1 is the block of fines on the responsible individuals (block: individual,
双罚 published as a block of its own) when its own 法律依据 begins so: 对直接负责的主管人员和其他责任人员，处…."""

TIER_LEVEL_WORDS: list[tuple[str, str]] = [
    # a 裁量阶次 that names a circumstance (深圳: 情节较轻 / 情节较重 / 情节严重) → the level of its tier
    (r"^(?:个人|单位)?情节轻微$", "no_penalty"),
    (r"^(?:.*下的)?(?:个人|单位)?(?:情节)?较轻(?:情节)?$", "lenient"),
    (r"^(?:.*下的)?(?:个人|单位)?(?:情节)?(?:一般|较重)(?:情节)?$", "standard"),
    (r"^(?:.*下的)?(?:个人|单位)?(?:情节)?(?:特别)?严重(?:情节)?$", "aggravated"),
]
"""Tables without 类别 whose 裁量阶次 names a circumstance: each row is a tier, numbered in order within its
item, its level read here (the table's own words stay in the tier's 裁量情节 and 标准)."""

BLOCK_WORDS = {"": "main", "main": "main", "逾期": "overdue", "overdue": "overdue", "个人": "individual",
               "individual": "individual"}
"""The 分段 column of an exported workbook: blank for the main block, 逾期, or 个人 (fines on individuals)."""
