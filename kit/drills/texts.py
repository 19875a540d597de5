"""The drill page's words, in Chinese (default) and English: one catalog, read by ``text(key, lang)``.

(``kit/i18n/`` is not built yet; when it is, this catalog moves there.) The level and outcome labels are not
repeated here: they come from ``Level`` and the scenario outcomes, so every front end names them the same way."""

from __future__ import annotations

from ..baselines.vocabulary import Level
from ..grading.answer import TRANSFER
from ..scenarios.template import OUTCOME_LABELS, OUTCOMES

LANGS = ("zh", "en")

TEXTS: dict[str, tuple[str, str]] = {
    "intro": ("选择案例类型，点「下一题」生成案例；选出处理结果并填写罚款，点「提交」即可看到评判和引擎的逐步依据。"
              "所有案例均为示例，非正式文件。",
              "Pick a kind of case and press “Next case”; choose the outcome, enter the fine and press “Submit” to "
              "see the marks and the engine's cited reasoning. Every case is a constructed example, not an official "
              "document."),
    "template": ("案例类型", "Case type"),
    "target": ("目标阶次", "Target outcome"),
    "any": ("任意", "any"),
    "next": ("下一题", "Next case"),
    "submit": ("提交", "Submit"),
    "case": ("案例", "Case"),
    "case_id": ("案例编号", "Case id"),
    "no_case": ("点「下一题」开始练习。", "Press “Next case” to start."),
    "your_answer": ("你的答案", "Your answer"),
    "level": ("处理结果", "Outcome"),
    "fine": ("罚款（元）", "Fine (yuan)"),
    "fine_hint": ("填 0 表示不处罚款", "0 means no fine"),
    "departure": ("偏离基准时填写（调整适用，可选）", "Only for a departure from the baseline (adjusted application, optional)"),
    "reason": ("偏离理由", "Reason"),
    "approval": ("批准文号", "Approval ref."),
    "right": ("✓ 回答正确", "✓ Right"),
    "partial": ("½ 部分得分", "½ Partly right"),
    "wrong": ("✗ 回答有误", "✗ Wrong"),
    "marks": ("逐项评判", "Marks by part"),
    "key": ("基准结论", "The baseline's answer"),
    "engine_outcome": ("引擎结论", "Engine's outcome"),
    "suggested": ("建议罚款", "Suggested fine"),
    "lawful": ("依法可选的处理结果及罚款幅度", "Lawful outcomes and their fine ranges"),
    "no_fine": ("不处罚款", "no fine"),
    "distractors": ("干扰信息（不影响裁量）", "Distractors (they change nothing)"),
    "trace": ("推理过程（引擎逐步说明，附依据）", "Reasoning (the engine's steps, with citations)"),
    "score": ("本次练习", "This session"),
    "answered": ("已答", "answered"),
    "all_right": ("全对", "all right"),
    "share": ("正确率", "share right"),
    "points": ("得分", "points"),
    "first_counts": ("（每题以首次提交计分）", "(each case counts its first submission)"),
    "yuan": ("元", " yuan"),
    "difficulty.basic": ("基础", "basic"),
    "difficulty.intermediate": ("进阶", "intermediate"),
    "difficulty.advanced": ("综合", "advanced"),
    # errors a user can cause
    "err.no_case": ("请先点「下一题」生成案例。", "Press “Next case” first."),
    "err.no_level": ("请先选择处理结果。", "Choose an outcome first."),
    "err.no_answer": ("请先作答再提交。", "Answer before submitting."),
    "err.negative": ("罚款不能为负数。", "The fine cannot be negative."),
    "err.unreachable": ("该案例类型在多次生成中未得到所选目标阶次，请改选“任意”或其他阶次。",
                        "This case type did not produce the target outcome; choose “any” or another outcome."),
    "err.lang": ("语言只能是 zh 或 en。", "The language is zh or en."),
}


def text(key: str, lang: str = "zh") -> str:
    zh, en = TEXTS[key]
    return zh if lang == "zh" else en


ANSWER_LEVELS: tuple[str, ...] = (*(lv.value for lv in Level), TRANSFER)
"""What an officer can answer, lightest first: the five levels and 移送司法机关."""


def answer_label(key: str, lang: str = "zh") -> str:
    if key == TRANSFER:
        return "移送司法机关" if lang == "zh" else "transfer to the judicial organs"
    return Level(key).label(lang)


def target_label(outcome: str | None, lang: str = "zh") -> str:
    """A target outcome for generation (``None``: any)."""
    if outcome is None:
        return text("any", lang)
    zh, en = OUTCOME_LABELS[outcome]
    return zh if lang == "zh" else en


def ordered_outcomes(reachable) -> list[str]:
    """A template's reachable outcomes in the law's order (lightest first, then 移送, 时效)."""
    return [o for o in OUTCOMES if o in set(reachable)]
