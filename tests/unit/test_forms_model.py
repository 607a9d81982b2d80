"""FormModel: typed values, relevance, calculate order, repeats, validation of each type, export round trip."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.forms.errors import FormPathError, RepeatLimitError
from app.forms.model import FormModel
from app.forms.schema import load_form

TODAY = date(2026, 11, 27)
FORMS_DIR = Path(__file__).resolve().parents[2] / "resources" / "forms"


def make(*fields: dict[str, object], **choices: list[dict[str, str]]) -> FormModel:
    data = {"form_id": "T01", "version": 1, "title": "测试", "fields": list(fields), "choices": choices}
    return FormModel(load_form(data), today=TODAY)


def codes(model: FormModel) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in model.validate()]


FAMILY = {"name": "members", "type": "repeat", "label": "家庭成员", "min": 1, "max": 3, "fields": [
    {"name": "m_name", "type": "text", "label": "姓名", "required": True},
    {"name": "income", "type": "decimal", "label": "月收入"},
]}
PER_CAPITA = {"name": "avg", "type": "decimal", "label": "人均",
              "calculate": "if(count(${members}) > 0, round(sum(${income}) div count(${members}), 2), null)"}


def test_bad_text_for_int_is_a_field_error_and_kept() -> None:
    model = make({"name": "n", "type": "int", "label": "人数"})
    model.set("n", "十二")
    assert model.get("n") == "十二"
    assert [(e.path, e.code, e.message_zh) for e in model.validate()] == [("n", "type", "「人数」应填写整数")]
    model.set("n", " 12 ")
    assert model.get("n") == 12 and model.validate() == ()


@pytest.mark.parametrize(("ftype", "good", "typed", "bad", "code"), [
    ("int", "42", 42, "4.2", "type"),
    ("decimal", "12.50", Decimal("12.50"), "1e5", "type"),
    ("date", "2026-02-28", date(2026, 2, 28), "2026-02-30", "type"),
    ("bool", "是", True, "maybe", "type"),
    ("id_card", "11010519491231002x", "11010519491231002X", "110105194912310021", "id_card"),
    ("uscc", "91350100M000100Y43", "91350100M000100Y43", "91350100M000100Y44", "uscc"),
    ("phone", "13800138000", "13800138000", "1380013800", "phone"),
    ("text", "张三", "张三", "长" * 2001, "type"),
    ("address", "青山村 3 组", "青山村 3 组", "长" * 2001, "type"),
])
def test_each_type_typed_and_checked(ftype: str, good: str, typed: object, bad: str, code: str) -> None:
    model = make({"name": "f", "type": ftype, "label": "字段"})
    model.set("f", good)
    assert model.get("f") == typed and model.validate() == ()
    model.set("f", bad)
    assert codes(model) == [("f", code)]


def test_id_card_with_future_birth_date_is_rejected() -> None:
    model = make({"name": "f", "type": "id_card", "label": "身份证"})
    model.set("f", "440524188001010014")
    assert model.validate() == ()
    model.set("f", "11010520300101001X")  # valid check digit, but born 2030 is after TODAY
    assert codes(model) == [("f", "id_card")]
    model.set("f", "11010519900230001X")  # valid check digit, but 30 February does not exist
    assert codes(model) == [("f", "id_card")]


def test_select_and_multiselect_membership() -> None:
    opts = [{"name": "a", "label": "甲"}, {"name": "b", "label": "乙"}]
    model = make({"name": "s", "type": "select", "label": "单选", "choice_list": "o"},
                 {"name": "m", "type": "multiselect", "label": "多选", "choice_list": "o"}, o=opts)
    model.set("s", "a")
    model.set("m", ["b", "a", "b"])
    assert model.get("m") == ("b", "a") and model.validate() == ()
    model.set("s", "z")
    model.set("m", "a q")
    assert [(e.code, e.message_zh) for e in model.validate()] == [
        ("choice", "「单选」的选项 z 不在可选范围内，请重新选择"),
        ("choice", "「多选」的选项 q 不在可选范围内，请重新选择"),
    ]


def test_choice_filter_cascades() -> None:
    model = make({"name": "town", "type": "select", "label": "乡镇", "choice_list": "t"},
                 {"name": "vil", "type": "select", "label": "村", "choice_list": "v",
                  "choice_filter": "choice('town') = ${town}"},
                 t=[{"name": "q", "label": "青山"}, {"name": "b", "label": "白水"}],
                 v=[{"name": "v1", "label": "一村", "town": "q"}, {"name": "v2", "label": "二村", "town": "b"}])
    model.set("town", "q")
    assert [c.name for c in model.choices("vil")] == ["v1"]
    model.set("vil", "v2")
    assert codes(model) == [("vil", "choice")]


def test_required_constraint_and_messages() -> None:
    model = make({"name": "area", "type": "decimal", "label": "申请面积", "required": True,
                  "constraint": ". > 0 and . <= 160", "constraint_message": "不超过 160 平方米"})
    assert [e.message_zh for e in model.validate()] == ["「申请面积」为必填项，请填写"]
    model.set("area", "200")
    assert [(e.code, e.message_zh) for e in model.validate()] == [("constraint", "不超过 160 平方米")]
    model.set("area", "120.5")
    assert model.validate() == ()


def test_required_as_expression() -> None:
    model = make({"name": "age", "type": "int", "label": "年龄"},
                 {"name": "contact", "type": "text", "label": "紧急联系人", "required": "${age} >= 80"})
    model.set("age", 70)
    assert model.validate() == () and not model.is_required("contact")
    model.set("age", 85)
    assert codes(model) == [("contact", "required")]


def test_relevance_excludes_from_validation_and_export_but_keeps_value() -> None:
    model = make({"name": "kind", "type": "text", "label": "类型"},
                 {"name": "old", "type": "text", "label": "原证号", "required": True,
                  "relevant": "${kind} = 'rebuild'"})
    assert model.validate() == () and model.export() == {"kind": None}
    model.set("kind", "rebuild")
    assert codes(model) == [("old", "required")]
    model.set("old", "ZJ-1")
    model.set("kind", "new")
    assert not model.is_relevant("old") and model.export() == {"kind": "new"}
    model.set("kind", "rebuild")
    assert model.get("old") == "ZJ-1"


def test_irrelevant_group_hides_children_and_they_read_as_empty() -> None:
    model = make({"name": "has", "type": "bool", "label": "有监护人"},
                 {"name": "g", "type": "group", "label": "监护人", "relevant": "${has}", "fields": [
                     {"name": "gname", "type": "text", "label": "姓名", "required": True}]},
                 {"name": "echo", "type": "text", "label": "回显", "calculate": "coalesce(${gname}, '无')"})
    model.set("has", True)
    model.set("gname", "李四")
    assert model.get("echo") == "李四"
    model.set("has", False)
    assert model.get("echo") == "无" and model.validate() == ()


def test_calculations_follow_dependency_order_and_repeat_sums() -> None:
    model = make(FAMILY, PER_CAPITA, {"name": "double", "type": "decimal", "label": "两倍", "calculate": "${avg} * 2"})
    model.set("members[0].income", "1000")
    model.add_row("members")
    model.set("members[1].income", "501")
    assert model.get("avg") == Decimal("750.50") and model.get("double") == Decimal("1501.00")
    model.remove_row("members", 0)
    assert model.get("avg") == Decimal("501.00")


def test_division_by_zero_in_calculate_is_a_field_error() -> None:
    model = make({"name": "n", "type": "int", "label": "人数"},
                 {"name": "per", "type": "decimal", "label": "人均", "calculate": "100 div ${n}"})
    model.set("n", 0)
    assert model.get("per") is None
    assert [(e.path, e.code, e.message_zh) for e in model.validate()] == [
        ("per", "expression", "「人均」的规则无法计算：除数为零，无法计算")]
    model.set("n", 4)
    assert model.get("per") == Decimal(25) and model.validate() == ()


def test_repeat_min_max() -> None:
    model = make(FAMILY)
    assert model.row_count("members") == 1
    with pytest.raises(RepeatLimitError) as low:
        model.remove_row("members", 0)
    assert low.value.code == "repeat_min"
    model.add_row("members")
    model.add_row("members")
    with pytest.raises(RepeatLimitError) as high:
        model.add_row("members")
    assert high.value.code == "repeat_max" and high.value.message_zh == "最多只能填写 3 行"
    too_many = FormModel.from_export(model.schema, {"members": [{"m_name": "x"}] * 5}, today=TODAY)
    assert ("members", "repeat_max") in codes(too_many)


def test_repeat_count_expression_fixes_rows() -> None:
    model = make({"name": "n", "type": "int", "label": "子女数"},
                 {"name": "kids", "type": "repeat", "label": "子女", "repeat_count": "${n}", "max": 4, "fields": [
                     {"name": "kid", "type": "text", "label": "姓名"}]})
    model.set("n", 3)
    assert model.row_count("kids") == 3
    model.set("n", 9)
    assert model.row_count("kids") == 4
    with pytest.raises(RepeatLimitError):
        model.add_row("kids")


def test_paths_and_read_only_errors() -> None:
    model = make(FAMILY, PER_CAPITA)
    with pytest.raises(FormPathError):
        model.set("nope", 1)
    with pytest.raises(FormPathError):
        model.set("members[5].m_name", "x")
    with pytest.raises(FormPathError):
        model.set("avg", 1)
    with pytest.raises(FormPathError):
        model.set("m_name", "x")


def test_export_is_json_and_round_trips() -> None:
    model = make(FAMILY, PER_CAPITA, {"name": "d", "type": "date", "label": "日期"},
                 {"name": "m", "type": "multiselect", "label": "多选", "choice_list": "o"},
                 {"name": "ok", "type": "bool", "label": "是否"}, {"name": "bad", "type": "int", "label": "坏"},
                 o=[{"name": "a", "label": "甲"}, {"name": "b", "label": "乙"}])
    model.set("members[0].m_name", "王五")
    model.set("members[0].income", "88.80")
    model.set("d", date(2026, 1, 2))
    model.set("m", ["a", "b"])
    model.set("ok", False)
    model.set("bad", "x1")
    exported = model.export()
    assert exported == {"members": [{"m_name": "王五", "income": "88.80"}], "avg": "88.80", "d": "2026-01-02",
                        "m": ["a", "b"], "ok": False, "bad": "x1"}
    again = FormModel.from_export(model.schema, json.loads(json.dumps(exported)), today=TODAY)
    assert again.export() == exported and again.validate() == model.validate()


def test_defaults_and_new_rows_get_defaults() -> None:
    model = make({"name": "std", "type": "decimal", "label": "标准", "default": "850", "read_only": True},
                 {"name": "r", "type": "repeat", "label": "行", "fields": [
                     {"name": "inc", "type": "decimal", "label": "收入", "default": "0"}]})
    assert model.get("std") == Decimal(850) and model.row_count("r") == 0
    row = model.add_row("r")
    assert model.get(f"r[{row}].inc") == Decimal(0)


def test_zjd01_area_limit_and_build_type_relevance() -> None:
    schema = load_form(json.loads((FORMS_DIR / "ZJD01.json").read_text(encoding="utf-8")))
    model = FormModel(schema, today=TODAY)
    model.set("build_type", "rebuild")
    assert model.is_relevant("old_cert_no") and not model.is_relevant("land_type")
    model.set("apply_area", "180")
    assert ("apply_area", "constraint") in codes(model)
    model.set("is_mountain", True)
    assert ("apply_area", "constraint") not in codes(model)


def test_db01_per_capita_income() -> None:
    schema = load_form(json.loads((FORMS_DIR / "DB01.json").read_text(encoding="utf-8")))
    model = FormModel(schema, today=TODAY)
    model.set("members[0].m_income", "600")
    model.add_row("members")
    model.add_row("members")
    model.set("members[1].m_income", "300")
    assert model.get("per_capita") == Decimal("300.00") and model.is_relevant("below_note") is False
