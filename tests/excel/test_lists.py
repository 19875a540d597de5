"""No-penalty lists from CSV/Excel (issue 16 point 5): one row per item, the conditions read into factors the
item requires, the category mapped to Art. 33's grounds, items linked to the table's matters only when the
words fit one; a broken list is located and not written."""

from __future__ import annotations

import datetime as dt

from kit.baselines import REAL_LIBRARIES, load_library
from kit.engine import Case, evaluate
from kit.excel.importer import ImportOptions, import_to_folder, import_workbook
from kit.excel.lists import condition_lines, ground
from kit.i18n import say


def test_jiangmen_list_shipped_with_its_table():
    lib = load_library(REAL_LIBRARIES / "jiangmen-ecology")
    lst = lib.exemption_lists["jm-sthjj-no-penalty"]
    assert (lst.kind, lst.document, lst.effective_from, lst.effective_to) == (
        "first_violation", "江环〔2021〕231号", dt.date(2022, 2, 1), dt.date(2025, 1, 31))
    assert len(lst.items) == 40 and lst.disclaimer is None
    item = lst.items[0]
    assert item.conditions == ["属于首次违法", "在责令改正期限内改正违法行为，危害后果轻微"]
    assert [lib.factors[f].zh for f in item.requires] == item.conditions
    item17 = next(i for i in lst.items if i.id == "17")
    assert "所涉危险废物不超过0.1吨" in item17.conditions[1] and "0.01吨" in item17.conditions[1]
    linked = [i for i in lst.items if i.matter]
    assert len(linked) == 6 and all(i.matter in lib.matters for i in linked)


def test_a_linked_item_lets_the_engine_offer_no_penalty():
    lib = load_library(REAL_LIBRARIES / "jiangmen-ecology")
    item = next(i for i in lib.exemption_lists["jm-sthjj-no-penalty"].items if i.id == "14")
    b = next(b for b in lib.baselines.values() if b.matter == item.matter)
    alt = b.tiers[0].when[0]
    base = {"id": "c", "matter": item.matter, "authority": "jm-sthjj",
            "dates": {"act_start": dt.date(2023, 3, 1), "decided": dt.date(2023, 4, 1)},
            "facts": {c.fact: c.value for c in alt.all}, "factors": [alt.factor] if alt.factor else []}
    without = evaluate(lib, Case.model_validate(base))
    meets = evaluate(lib, Case.model_validate({**base, "factors": base["factors"] + list(item.requires)}))
    assert "no_penalty" not in [lv.value for lv in without.acceptable_levels]
    assert "no_penalty" in [lv.value for lv in meets.acceptable_levels]
    assert any("不予行政处罚的轻微环境违法行为清单 第14项" in (s.baseline_ref or "") for s in meets.trace)


def test_shanghai_list_split_by_art33_ground():
    lib = load_library(REAL_LIBRARIES / "shanghai-fire")
    kinds = {lst.kind: len(lst.items) for lst in lib.exemption_lists.values()}
    assert kinds == {"first_violation": 11, "minor": 6, "no_fault": 2}
    assert {lst.document for lst in lib.exemption_lists.values()} == {"沪消规〔2026〕1号"}
    assert lib.authorities["sh-xfjy"].name == "上海市消防救援局"


def test_grounds_and_condition_lines():
    assert ground("下列初次违法且危害后果轻微并及时改正的，不予行政处罚", "") == "first_violation"
    assert ground("下列违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚", "") == "minor"
    assert ground("下列当事人有证据足以证明没有主观过错的违法行为，不予行政处罚", "") == "no_fault"
    assert ground("四、固废污染防治类", "（1）属于两年内首次违法；（2）…") == "first_violation"
    assert ground("信息公开管理类", "违法行为轻微并及时改正，没有造成危害后果") == "minor"
    assert condition_lines("同时满足下列情形的，不予行政处罚：\n（1）属于首次违法；\n（2）不超过0.1吨。") == [
        "属于首次违法", "不超过0.1吨"]


def test_broken_list_rows_located_and_nothing_written(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("序号,类别,违法行为,违反条款,不予处罚的情节\n"
                    "1,一、示例类,示例违法一,某法第一条,同时满足下列情形的，不予行政处罚：（1）属于首次违法；（2）及时改正。\n"
                    "2,一、示例类,示例违法二,某法第二条,\n"
                    "第 3 项,一、示例类,示例违法三,某法第三条,（1）属于首次违法\n", encoding="utf-8")
    options = ImportOptions(authority="demo", sector="生态环境", effective_from=dt.date(2025, 1, 1),
                            illustrative=True)
    result = import_to_folder(path, tmp_path / "out", options)
    assert sorted(e.path.split(" ")[0] for e in result.errors) == ["list!A4", "list!E3"]
    assert all(e.file.endswith("list.csv") and e.line and e.column for e in result.errors)
    assert not (tmp_path / "out").exists()


def test_csv_not_utf8_is_a_located_problem(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("序号,违法行为\n1,示例\n".encode("gbk"))
    result = import_workbook(path, ImportOptions())
    assert result.errors and "not UTF-8" in say(result.errors[0].found, "en")
