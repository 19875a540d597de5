"""A constructed scored table (裁量百分值), one block per shape an agency publishes, for the docs and the tests:
docs/templates/scored-example.xlsx. ``python -m kit.excel.scored_template [OUT]`` writes it.

Every row is constructed (示例，非正式文件): the provisions are written in the style of real ones, not quoted."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

SCORED_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "templates" / "scored-example.xlsx"

INFO = [("制定机关编号", "demo-sthj"), ("制定机关名称", "示例市生态环境局"), ("制定机关层级", "municipal"),
        ("行政区划代码", "440000"), ("领域", "生态环境"), ("施行日期", "2025-01-01"), ("版本", "2025"),
        ("文号", "示例〔2025〕2号"), ("标题", "示例市生态环境违法行为裁量百分值"), ("示例", "是")]

HEADER = ["序号", "违法行为", "法律依据", "裁量要素", "违法程度", "裁量权重"]

# (序号, 违法行为, 法律依据, rows [(裁量要素, 违法程度, 裁量权重)])
BLOCKS = [
    ("1", "示例：未按规定设置排污口（百分值 × 法定最高额；下限、上限）",
     "《示例生态环境保护条例》第十条：违反本条例规定设置排污口的，责令改正，处十万元以上一百万元以下罚款。",
     [("裁量起点", "", "30%"),
      ("违法次数", "一次", "0"), ("违法次数", "两次", "15%"), ("违法次数", "三次及以上", "30%"),
      ("整改情况", "及时整改", "-10%"), ("整改情况", "未整改", "10%"),
      ("环境敏感区（可多选）", "涉及饮用水水源保护区", "20%"), ("环境敏感区（可多选）", "涉及自然保护区", "15%"),
      ("配合调查", "主动配合调查", "-5%"),
      ("备注", "罚款=裁量百分值×法定最高额；裁量百分值不足20%的按20%计算；裁量百分值超过100%的按100%计算", "")]),
    ("2", "示例：未批先建（百分值 × 总投资额 × 5%）",
     "《示例建设项目环境管理条例》第二十条：未依法报批环境影响报告书擅自开工建设的，责令停止建设，"
     "处建设项目总投资额百分之一以上百分之五以下的罚款。",
     [("裁量起点", "", "40%"),
      ("建设进度", "已开工未建成", "0"), ("建设进度", "已建成未投产", "10%"), ("建设进度", "已投入生产", "20%"),
      ("备注", "罚款=裁量百分值×总投资额×5%", "")]),
    ("3", "示例：未按规定处置固体废物（百分值 × 处置费用 × 3倍；费用下限）",
     "《示例固体废物污染防治条例》第三十条：未按规定处置固体废物的，处所需处置费用一倍以上三倍以下的罚款，"
     "所需处置费用不足二十万元的，按二十万元计算。",
     [("裁量起点", "", "50%"),
      ("废物类别", "一般工业固体废物", "0"), ("废物类别", "危险废物", "20%"),
      ("备注", "罚款=裁量百分值×所需处置费用×3倍；所需处置费用不足二十万元的按二十万元计算", "")]),
    ("4", "示例：未按规定公开环境信息（限期内 / 逾期两个公式）",
     "《示例环境信息公开办法》第十二条：未按规定公开环境信息的，责令限期改正，处二万元以下罚款；"
     "逾期不改正的，处二万元以上二十万元以下罚款。",
     [("裁量起点", "", "50%"),
      ("违法次数", "一次", "0"), ("违法次数", "两次及以上", "20%"),
      ("备注", "限期内的，罚款=裁量百分值×2万元；逾期的，罚款=裁量百分值×20万元", "")]),
    ("5", "示例：拒不配合现场检查（对单位 / 对个人两个公式）",
     "《示例环境监督检查办法》第八条：拒绝、阻挠现场检查的，对单位处五万元以上五十万元以下罚款，"
     "对个人处五千元以上五万元以下罚款。",
     [("裁量起点", "", "30%"),
      ("影响程度", "一般", "0"), ("影响程度", "较大", "20%"), ("影响程度", "重大", "40%"),
      ("备注", "对单位，罚款=裁量百分值×50万元；对个人，罚款=裁量百分值×5万元", "")]),
]


def write(path: Path = SCORED_EXAMPLE) -> Path:
    wb = Workbook()
    info = wb.active
    info.title = "基本信息"
    for key, value in INFO:
        info.append([key, value])
    ws = wb.create_sheet("裁量百分值")
    ws.append(["示例市生态环境违法行为裁量百分值（示例，非正式文件）"])
    for no, act, basis, rows in BLOCKS:
        ws.append(HEADER)  # each block has its own header row
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        first = ws.max_row + 1
        for element, degree, weight in rows:
            ws.append([no, act, basis, element, degree, weight])
        for col in (1, 2, 3):
            ws.merge_cells(start_row=first, end_row=ws.max_row, start_column=col, end_column=col)
        spans: dict[str, list[int]] = {}
        for r in range(first, ws.max_row + 1):
            spans.setdefault(ws.cell(r, 4).value, []).append(r)
        for lines in spans.values():
            if len(lines) > 1:
                ws.merge_cells(start_row=lines[0], end_row=lines[-1], start_column=4, end_column=4)
    for letter, width in zip("ABCDEF", (6, 30, 50, 18, 60, 10), strict=False):
        ws.column_dimensions[letter].width = width
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scored"


def write_fixture(out: Path = FIXTURE) -> None:
    """tests/fixtures/scored: the example imported, for the expert cases of tests/cases/scored-tables.yaml."""
    import shutil

    from .importer import import_to_folder

    shutil.rmtree(out, ignore_errors=True)
    result = import_to_folder(SCORED_EXAMPLE, out)
    if result.errors:
        raise SystemExit("\n".join(map(str, result.errors)))


if __name__ == "__main__":  # pragma: no cover
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else SCORED_EXAMPLE))
    if len(sys.argv) == 1:
        write_fixture()
