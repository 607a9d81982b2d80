"""Form definitions: good and bad definitions, the exact load-time errors, and the ten resource forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.forms.schema import FieldSpec, FormDefinitionError, GroupSpec, RepeatSpec, load_form

FORMS_DIR = Path(__file__).resolve().parents[2] / "resources" / "forms"
FORM_IDS = ["ZJD01", "NZGZ01", "JZZ01", "YLBX01", "DB01", "CJRZ01", "SYDJ01", "GTH01", "LNYD01", "LSJZ01"]


def form(*fields: dict[str, object], **extra: object) -> dict[str, object]:
    return {"form_id": "T01", "version": 1, "title": "测试", "fields": list(fields), **extra}


def issues(data: object) -> list[tuple[str, str, str]]:
    with pytest.raises(FormDefinitionError) as info:
        load_form(data)
    return [(e.path, e.code, e.message_zh) for e in info.value.errors]


def test_good_definition_builds_frozen_schema() -> None:
    schema = load_form(form(
        {"name": "kind", "type": "select", "label": "类型", "choice_list": "k", "default": "a"},
        {"name": "g", "type": "group", "label": "组", "relevant": "${kind} = 'a'", "fields": [
            {"name": "n", "type": "int", "label": "数", "required": "${kind} = 'a'"}]},
        {"name": "r", "type": "repeat", "label": "行", "min": 1, "max": 3, "fields": [
            {"name": "x", "type": "decimal", "label": "x"}]},
        choices={"k": [{"name": "a", "label": "甲"}, {"name": "b", "label": "乙", "group": "2"}]},
    ))
    kind, group, rep = schema.fields
    assert isinstance(kind, FieldSpec) and kind.default == "a"
    assert isinstance(group, GroupSpec) and isinstance(group.fields[0], FieldSpec)
    assert isinstance(rep, RepeatSpec) and (rep.min, rep.max) == (1, 3)
    assert schema.choices["k"][1].attrs == {"group": "2"}
    with pytest.raises(AttributeError):
        schema.title = "x"  # type: ignore[misc]


def test_missing_right_paren_message() -> None:
    assert issues(form({"name": "area", "type": "decimal", "label": "面积", "constraint": "(. <= 3"})) == [
        ("area.constraint", "syntax.missing_rparen", "字段 area: 表达式第8个字符处缺少右括号"),
    ]


@pytest.mark.parametrize(("field", "expected"), [
    ({"name": "a", "type": "int", "label": "a", "relevant": "${nope} > 1"},
     ("a.relevant", "expression.unknown_field", "字段 a: relevant 引用了不存在的字段 nope")),
    ({"name": "a", "type": "int", "label": "a", "calculate": "eval('1')"},
     ("a.calculate", "expression.unknown_function", "字段 a: calculate 不支持的函数 eval")),
    ({"name": "a", "type": "int", "label": "a", "relevant": ". > 1"},
     ("a.relevant", "expression.misplaced", "字段 a: relevant ${.} 只能用在 constraint 中")),
    ({"name": "a", "type": "colour", "label": "a"}, ("a.type", "bad_type", "字段 a: 不支持的类型 colour")),
    ({"name": "a", "type": "int", "label": "a", "requird": True},
     ("a.requird", "unknown_key", "字段 a: 未知的属性 requird")),
    ({"name": "a", "type": "select", "label": "a", "choice_list": "zz"},
     ("a.choice_list", "unknown_choice_list", "字段 a: 选项列表 zz 不存在")),
    ({"name": "a", "type": "int", "label": "a", "default": "abc"},
     ("a.default", "bad_default", "字段 a: 默认值与字段类型 int 不符")),
    ({"name": "1a", "type": "int", "label": "a"},
     ("fields[0]", "bad_name", "fields[0]: 字段名 name 应为字母、数字、下划线，且以字母开头")),
    ({"name": "a", "type": "int"}, ("a.label", "no_label", "字段 a: 需要标签 label")),
    ({"name": "r", "type": "repeat", "label": "r", "min": 3, "max": 1,
      "fields": [{"name": "x", "type": "int", "label": "x"}]},
     ("r.max", "bad_max", "字段 r: max 应为不小于 min、不大于 200 的整数")),
])
def test_bad_field_definitions(field: dict[str, object], expected: tuple[str, str, str]) -> None:
    assert issues(form(field)) == [expected]


def test_all_problems_reported_together_and_header_checked() -> None:
    found = issues({"form_id": "t", "version": 0, "title": "", "fields": [], "extra": 1})
    assert [code for _, code, _ in found] == ["unknown_key", "bad_form_id", "bad_version", "no_title", "no_fields"]
    assert issues([1])[0][1] == "not_object"


def test_duplicate_names_and_nested_repeats() -> None:
    inner = {"name": "r2", "type": "repeat", "label": "r2", "fields": [{"name": "y", "type": "int", "label": "y"}]}
    found = issues(form(
        {"name": "a", "type": "int", "label": "a"}, {"name": "a", "type": "int", "label": "a"},
        {"name": "r", "type": "repeat", "label": "r", "fields": [inner]},
    ))
    assert [code for _, code, _ in found] == ["duplicate_name", "nested_repeat"]


def test_calculate_cycle_detected_at_load() -> None:
    found = issues(form(
        {"name": "a", "type": "int", "label": "a", "calculate": "${b} + 1"},
        {"name": "b", "type": "int", "label": "b", "calculate": "${c} + 1"},
        {"name": "c", "type": "int", "label": "c", "relevant": "${a} > 0"},
    ))
    assert found == [("a", "cycle", "字段 a: 计算或显示条件形成循环引用（a → b → c → a）")]


def test_self_reference_is_a_cycle() -> None:
    assert issues(form({"name": "a", "type": "int", "label": "a", "calculate": "${a} + 1"}))[0][1] == "cycle"


def test_evaluation_order_follows_dependencies_not_document_order() -> None:
    schema = load_form(form(
        {"name": "total", "type": "int", "label": "t", "calculate": "${x} + ${y}"},
        {"name": "y", "type": "int", "label": "y", "calculate": "${x} * 2"},
        {"name": "x", "type": "int", "label": "x"},
    ))
    order = schema.order
    assert order.index("x") < order.index("y") < order.index("total")


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_resource_forms_load(form_id: str) -> None:
    data = json.loads((FORMS_DIR / f"{form_id}.json").read_text(encoding="utf-8"))
    schema = load_form(data)
    assert schema.form_id == form_id and schema.version >= 1 and schema.title
    assert len(list(schema.walk())) >= 8
