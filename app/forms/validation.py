"""validate(): every problem of every relevant field of a FormModel, as FieldErrors with Chinese messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.forms.checks import id_card_ok, phone_ok, uscc_ok
from app.forms.errors import ExpressionEvalError
from app.forms.expr import truthy
from app.forms.spec import FieldSpec, RepeatSpec
from app.forms.values import BadValue

if TYPE_CHECKING:
    from app.forms.model import FormModel

_TYPE_ZH = {
    "int": "应填写整数",
    "decimal": "应填写数字（最多 6 位小数）",
    "date": "应填写日期，格式为 年-月-日（如 2026-01-31）",
    "bool": "应选择 是 或 否",
    "multiselect": "选项格式不正确，请重新勾选",
    "select": "选项格式不正确，请重新选择",
}


@dataclass(frozen=True)
class FieldError:
    """One problem at one field: path is `name` or `repeat[i].name`; code is stable, message_zh is for people."""

    path: str
    code: str
    message_zh: str


def validate_model(model: FormModel) -> tuple[FieldError, ...]:
    """Walk the form in document order and collect the problems of relevant fields and repeats."""
    errors: list[FieldError] = []
    for place in model.schema.walk():
        item = place.item
        rows = [None] if place.repeat is None else list(range(model.row_count(place.repeat)))
        for row in rows:
            if not model._relevant.get((item.name, row), False):
                continue  # irrelevant fields are neither validated nor exported
            path = item.name if row is None else f"{place.repeat}[{row}].{item.name}"
            problem = model.expression_errors.get((item.name, row))
            if problem is not None:
                errors.append(FieldError(path, "expression", f"「{item.label}」的规则无法计算：{problem.message_zh}"))
            if isinstance(item, RepeatSpec):
                errors.extend(_repeat_errors(model, item))
            elif isinstance(item, FieldSpec) and item.type != "note" and item.calculate is None:
                error = _field_error(model, item, path)
                if error is not None:
                    errors.append(error)
    return tuple(errors)


def _repeat_errors(model: FormModel, spec: RepeatSpec) -> list[FieldError]:
    count = model.row_count(spec.name)
    if count < spec.min:
        return [FieldError(spec.name, "repeat_min", f"「{spec.label}」至少需要填写 {spec.min} 行")]
    if spec.max is not None and count > spec.max:
        return [FieldError(spec.name, "repeat_max", f"「{spec.label}」最多只能填写 {spec.max} 行")]
    return []


def _field_error(model: FormModel, spec: FieldSpec, path: str) -> FieldError | None:
    """The first problem of one field: type, then required, then content checks, then constraint."""
    value = model._raw(*model._resolve(path))
    label = spec.label
    if isinstance(value, BadValue):
        detail = _TYPE_ZH.get(spec.type, "内容过长或格式不正确")
        return FieldError(path, "type", f"「{label}」{detail}")
    if value is None:
        if model.is_required(path):
            return FieldError(path, "required", spec.required_message or f"「{label}」为必填项，请填写")
        return None
    return _content_error(model, spec, path, value) or _constraint_error(model, spec, path, value)


def _content_error(model: FormModel, spec: FieldSpec, path: str, value: object) -> FieldError | None:
    label, text = spec.label, value if isinstance(value, str) else ""
    if spec.type == "id_card" and not id_card_ok(text, model.today):
        return FieldError(path, "id_card", f"「{label}」身份证号码校验不通过，请核对 18 位号码（末位可为 X）")
    if spec.type == "uscc" and not uscc_ok(text):
        return FieldError(path, "uscc", f"「{label}」统一社会信用代码校验不通过，请核对 18 位代码")
    if spec.type == "phone" and not phone_ok(text):
        return FieldError(path, "phone", f"「{label}」电话号码格式不正确：手机 11 位，座机如 0571-88888888")
    if spec.type in ("select", "multiselect"):
        allowed = {c.name for c in model.choices(path)}
        picked = value if isinstance(value, tuple) else (value,)
        wrong = [str(v) for v in picked if v not in allowed]
        if wrong:
            return FieldError(path, "choice", f"「{label}」的选项 {'、'.join(wrong)} 不在可选范围内，请重新选择")
    return None


def _constraint_error(model: FormModel, spec: FieldSpec, path: str, value: object) -> FieldError | None:
    if spec.constraint is None:
        return None
    name, row = model._resolve(path)
    scope = model._places[name].repeat
    try:
        ok = truthy(model.evaluate(spec.constraint, row=row, scope=scope, current=value))
    except ExpressionEvalError as exc:
        return FieldError(path, "expression", f"「{spec.label}」的校验规则无法计算：{exc.message_zh}")
    if ok:
        return None
    return FieldError(path, "constraint", spec.constraint_message or f"「{spec.label}」不符合填写要求，请核对")
