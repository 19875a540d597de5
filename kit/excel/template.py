"""The authoring template (docs/templates/baseline-template.xlsx): a 基本信息 sheet and a table sheet with one
filled example row per penalty shape. ``python -m kit.excel.template [OUT]`` writes it."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kit.baselines.vocabulary import ILLUSTRATIVE_MARK

from .vocabulary import COLUMN_WIDTHS, HEADERS

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "docs" / "templates" / "baseline-template.xlsx"

INFO = [
    ("制定机关编号", "demo-sthjj", "字母、数字、连字符；写入 authorities.yaml"),
    ("制定机关名称", "示例市生态环境局", ""),
    ("制定机关层级", "municipal", "national / provincial / municipal / county"),
    ("行政区划代码", "440700", "六位行政区划代码"),
    ("领域", "生态环境", ""),
    ("施行日期", "2025-01-01", "YYYY-MM-DD"),
    ("版本", "2025", ""),
    ("文号", "示例〔2025〕1号", ""),
    ("标题", "示例市生态环境行政处罚裁量基准", "每条基准标题的前缀"),
    ("示例", "是", "是：每行标注“示例，非正式文件”"),
]

COLUMNS = ["no", "act", "breach", "basis", "tier", "level", "when", "standard", "remark", "label", "data"]

_BASIS_RANGE = "《中华人民共和国环境影响评价法》第三十一条第三款：建设单位未依法备案建设项目环境影响登记表的，责令备案，处五万元以下的罚款。"
_BASIS_PCT = ("《中华人民共和国环境影响评价法》第三十一条第一款：擅自开工建设的，责令停止建设，处建设项目总投资额"
              "百分之一以上百分之五以下的罚款。")
# (序号, 违法行为, 违法依据, 处罚依据, 类别, 裁量阶次, 裁量情节, 裁量标准, 备注, 数据)
ROWS = [
    ("1", "未依法备案建设项目环境影响登记表（区间罚款 range / 最高额 max_only）", "《中华人民共和国环境影响评价法》第二十二条第四款",
     _BASIS_RANGE, 1, "从轻处罚", "无生产、经营污染物排放", "责令备案，处一万元以下罚款", "", ""),
    ("", "", "", "", 2, "一般处罚", "有生产、经营污染物排放", "责令备案，处一万元以上二万元以下的罚款", "", ""),
    ("", "", "", "", 2, "", "发现有超标排放污染物的", "", "", ""),
    ("", "", "", "", 3, "从重处罚", "造成较大以上突发环境事件或其他严重后果的", "责令备案，处4万元以上5万元以下罚款", "", ""),
    ("2", "未依法报批环境影响报告书、报告表擅自开工建设（倍数/百分比 multiple）", "《中华人民共和国环境影响评价法》第二十五条",
     _BASIS_PCT, 1, "从轻处罚", "报告表项目，主体工程未建设完成的", "责令停止建设，处建设项目总投资额百分之一以上百分之二以下的罚款",
     "并可责令恢复原状", ""),
    ("", "", "", "", 2, "一般处罚", "报告书项目，主体工程已建设完成的", "责令停止建设，处建设项目总投资额百分之二以上百分之四以下的罚款", "", ""),
    ("", "", "", "", 3, "从重处罚", "造成较大以上突发环境事件或其他严重后果的", "责令停止建设，处建设项目总投资额百分之五的罚款", "", ""),
    ("3", "环境影响评价机构收费违规（所收费用倍数 multiple, times；固定额 fixed）", "示例条款", "示例条款：处所收费用一倍以上三倍以下的罚款。",
     1, "从轻处罚", "初次违法的", "责令改正，处所收费用一倍的罚款", "", ""),
    ("", "", "", "", 2, "从重处罚", "两年内再次违法的", "责令改正，没收违法所得，并处所收费用二倍以上三倍以下的罚款", "", ""),
    ("4", "违反排污许可管理（双罚 individual fine；警告 warning）", "示例条款",
     "示例条款：处十万元以上一百万元以下的罚款，对个人处五千元以上二万元以下的罚款。",
     1, "从轻处罚", "初次违法，及时改正的", "责令改正，处十万元罚款，对个人处五千元罚款", "", ""),
    ("", "", "", "", 2, "一般处罚", "其他情形", "责令改正，处十万元以上五十万元以下罚款；对个人处以一万元以上二万元以下罚款", "", ""),
    ("", "", "", "", 3, "从重处罚", "造成严重后果的", "责令停产停业，处五十万元以上一百万元以下罚款，对直接负责的主管人员和其他直接责任人员处二万元罚款", "", ""),
    ("5", "车货总质量超限（计量公式 per_unit：写在数据列）", "示例条款",
     "示例条款：超过1000千克的，每超1000千克罚款500元，最高不得超过30000元。", 1, "一般处罚", "超限1000千克以上的",
     "每超1000千克罚款500元，最高不超过30000元",
     "公式写在数据列（JSON），裁量标准保留原文",
     '{"fine": {"per": "excess_weight_kg", "unit": 1000, "rate": 500, "cap": 30000, "rounding": "down"}, '
     '"individual_fine": null, "penalties": ["fine"], "measures": []}'),
]


def build_template(out: str | Path = TEMPLATE_PATH) -> Path:
    wb = Workbook()
    info = wb.active
    info.title = "基本信息"
    for r, (key, value, note) in enumerate(INFO, start=1):
        info.cell(r, 1, key).font = Font(bold=True)
        info.cell(r, 2, value).data_type = "s"
        info.cell(r, 3, note)
    for col, width in zip("ABC", (16, 36, 44), strict=False):
        info.column_dimensions[col].width = width
    ws = wb.create_sheet("示例表")
    ws.cell(1, 1, f"示例市生态环境行政处罚裁量基准（{ILLUSTRATIVE_MARK}）").font = Font(bold=True, size=12)
    for c, key in enumerate(COLUMNS, start=1):
        cell = ws.cell(2, c, HEADERS[key][0] if key != "label" else "标注")
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(c)].width = COLUMN_WIDTHS[key]
    for r, row in enumerate(ROWS, start=3):
        for key, text in zip([k for k in COLUMNS if k != "label"], row, strict=False):
            if text != "":
                cell = ws.cell(r, COLUMNS.index(key) + 1, text)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row[0]:
            ws.cell(r, COLUMNS.index("label") + 1, ILLUSTRATIVE_MARK)
    ws.freeze_panes = "A3"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


if __name__ == "__main__":  # pragma: no cover
    print(build_template(*([Path(a) for a in sys.argv[1:2]] or [TEMPLATE_PATH])))
