"""load_form: validate a JSON form definition completely and build a FormSchema (or list every problem)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.forms.errors import DefinitionIssue, ExpressionSyntaxError, FormDefinitionError
from app.forms.expr import Expression, check_expression, compile_expression
from app.forms.loader_graph import evaluation_order
from app.forms.spec import CHOICE_TYPES, FIELD_TYPES, Choice, FieldSpec, FormSchema, GroupSpec, Item, RepeatSpec
from app.forms.values import BadValue, coerce

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
FORM_ID_RE = re.compile(r"[A-Z][A-Z0-9_]{0,31}")
MAX_REPEAT_ROWS = 200
_TOP_KEYS = {"form_id", "version", "title", "fields", "choices", "description"}
_FIELD_KEYS = {
    "name", "type", "label", "hint", "required", "required_message", "default", "read_only",
    "constraint", "constraint_message", "relevant", "calculate", "choice_list", "choice_filter",
}
_GROUP_KEYS = {"name", "type", "label", "fields", "relevant", "hint"}
_REPEAT_KEYS = _GROUP_KEYS | {"min", "max", "repeat_count"}


def load_form(data: object) -> FormSchema:
    """Build a FormSchema from a parsed JSON definition; raises FormDefinitionError listing every problem."""
    return _Loader().load(data)


class _Loader:
    """Collects issues while building; raises once at the end so authors see every problem at once."""

    def __init__(self) -> None:
        self.issues: list[DefinitionIssue] = []
        self.names: set[str] = set()
        self.choices: dict[str, tuple[Choice, ...]] = {}

    def issue(self, path: str, code: str, message_zh: str) -> None:
        self.issues.append(DefinitionIssue(path, code, message_zh))

    def load(self, data: object) -> FormSchema:
        if not isinstance(data, Mapping):
            raise FormDefinitionError((DefinitionIssue("", "not_object", "表单定义必须是一个 JSON 对象"),))
        for key in sorted(set(data) - _TOP_KEYS, key=str):
            self.issue(str(key), "unknown_key", f"表单定义中有未知的键 {key}")
        form_id, version, title = self._header(data)
        self.choices = self._choices(data.get("choices", {}))
        raw_fields = data.get("fields")
        if not isinstance(raw_fields, list) or not raw_fields:
            self.issue("fields", "no_fields", "表单至少需要一个字段（fields 不能为空）")
            raw_fields = []
        self._collect_names(raw_fields, "fields")
        items = tuple(self._items(raw_fields, "fields", in_repeat=False))
        schema = FormSchema(form_id, version, title, items, self.choices)
        order = evaluation_order(schema, self.issue)
        if self.issues:
            raise FormDefinitionError(tuple(self.issues))
        return FormSchema(form_id, version, title, items, self.choices, order)

    def _header(self, data: Mapping[str, object]) -> tuple[str, int, str]:
        form_id, version, title = data.get("form_id"), data.get("version"), data.get("title")
        if not isinstance(form_id, str) or not FORM_ID_RE.fullmatch(form_id):
            self.issue("form_id", "bad_form_id", "form_id 应为大写字母开头的事项编码，如 ZJD01")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.issue("version", "bad_version", "version 应为正整数")
        if not isinstance(title, str) or not title.strip():
            self.issue("title", "no_title", "表单需要标题 title")
        ok_version = version if isinstance(version, int) else 0
        return str(form_id), ok_version, str(title)

    def _choices(self, raw: object) -> dict[str, tuple[Choice, ...]]:
        if not isinstance(raw, Mapping):
            self.issue("choices", "bad_choices", "choices 应为「列表名 → 选项数组」的对象")
            return {}
        return {str(name): self._choice_list(str(name), options) for name, options in raw.items()}

    def _choice_list(self, list_name: str, options: object) -> tuple[Choice, ...]:
        path = f"choices.{list_name}"
        if not isinstance(options, list) or not options:
            self.issue(path, "empty_choice_list", f"选项列表 {list_name} 不能为空")
            return ()
        out: list[Choice] = []
        for i, opt in enumerate(options):
            name = opt.get("name") if isinstance(opt, Mapping) else None
            label = opt.get("label") if isinstance(opt, Mapping) else None
            if not isinstance(name, str) or not name or " " in name or not isinstance(label, str):
                self.issue(f"{path}[{i}]", "bad_choice", f"选项列表 {list_name} 第{i + 1}项需要 name（无空格）和 label")
                continue
            if any(c.name == name for c in out):
                self.issue(f"{path}[{i}]", "duplicate_choice", f"选项列表 {list_name} 中选项 {name} 重复")
            attrs = {str(k): str(v) for k, v in opt.items() if k not in ("name", "label")}  # type: ignore[union-attr]
            out.append(Choice(name, label, attrs))
        return tuple(out)

    def _collect_names(self, raw_fields: list[object], path: str) -> None:
        # Names first, so expressions may refer to fields defined further down the form.
        for i, raw in enumerate(raw_fields):
            name = raw.get("name") if isinstance(raw, Mapping) else None
            if not isinstance(name, str) or not NAME_RE.fullmatch(name):
                self.issue(f"{path}[{i}]", "bad_name", f"{path}[{i}]: 字段名 name 应为字母、数字、下划线，且以字母开头")
                continue
            if name in self.names:
                self.issue(name, "duplicate_name", f"字段 {name}: 字段名重复（全表唯一）")
            self.names.add(name)
            inner = raw.get("fields") if isinstance(raw, Mapping) else None
            if isinstance(inner, list):
                self._collect_names(inner, name)

    def _items(self, raw_fields: list[object], path: str, *, in_repeat: bool) -> list[Item]:
        out: list[Item] = []
        for raw in raw_fields:
            if not isinstance(raw, Mapping) or not isinstance(raw.get("name"), str):
                continue  # already reported by _collect_names
            kind = raw.get("type")
            if kind in ("group", "repeat"):
                out.append(self._container(raw, in_repeat=in_repeat))
            elif kind in FIELD_TYPES:
                out.append(self._field(raw))
            else:
                self.issue(f"{raw['name']}.type", "bad_type", f"字段 {raw['name']}: 不支持的类型 {kind}")
        return out

    def _unknown_keys(self, raw: Mapping[str, object], allowed: set[str]) -> None:
        for key in sorted(set(raw) - allowed, key=str):
            self.issue(f"{raw['name']}.{key}", "unknown_key", f"字段 {raw['name']}: 未知的属性 {key}")

    def _container(self, raw: Mapping[str, object], *, in_repeat: bool) -> Item:
        name, is_repeat = str(raw["name"]), raw["type"] == "repeat"
        self._unknown_keys(raw, _REPEAT_KEYS if is_repeat else _GROUP_KEYS)
        if is_repeat and in_repeat:
            self.issue(name, "nested_repeat", f"字段 {name}: 重复组内不能再嵌套重复组")
        inner = raw.get("fields")
        if not isinstance(inner, list) or not inner:
            self.issue(f"{name}.fields", "no_fields", f"字段 {name}: 分组至少需要一个字段")
            inner = []
        items = tuple(self._items(inner, name, in_repeat=in_repeat or is_repeat))
        label, relevant = self._label(raw), self._expr(raw, "relevant")
        if not is_repeat:
            return GroupSpec(name, label, items, relevant)
        low, high = self._bounds(raw)
        return RepeatSpec(name, label, items, low, high, self._expr(raw, "repeat_count"), relevant)

    def _bounds(self, raw: Mapping[str, object]) -> tuple[int, int | None]:
        name, low, high = raw["name"], raw.get("min", 0), raw.get("max")
        if not _is_count(low):
            self.issue(f"{name}.min", "bad_min", f"字段 {name}: min 应为 0 到 {MAX_REPEAT_ROWS} 的整数")
            low = 0
        if high is not None and (not _is_count(high) or high < low):  # type: ignore[operator]
            self.issue(f"{name}.max", "bad_max", f"字段 {name}: max 应为不小于 min、不大于 {MAX_REPEAT_ROWS} 的整数")
            high = None
        return int(low), (int(high) if high is not None else MAX_REPEAT_ROWS)  # type: ignore[call-overload]

    def _label(self, raw: Mapping[str, object]) -> str:
        label = raw.get("label")
        if not isinstance(label, str) or not label.strip():
            self.issue(f"{raw['name']}.label", "no_label", f"字段 {raw['name']}: 需要标签 label")
            return str(raw["name"])
        return label

    def _field(self, raw: Mapping[str, object]) -> FieldSpec:
        self._unknown_keys(raw, _FIELD_KEYS)
        name, ftype = str(raw["name"]), str(raw["type"])
        texts = {k: self._text(raw, k) for k in ("hint", "required_message", "constraint_message")}
        read_only = raw.get("read_only", False)
        if not isinstance(read_only, bool):
            self.issue(f"{name}.read_only", "bad_read_only", f"字段 {name}: read_only 应为 true 或 false")
        choice_list = self._choice_ref(raw, ftype)
        spec = FieldSpec(
            name=name, type=ftype, label=self._label(raw), required=self._required(raw),
            read_only=read_only is True, constraint=self._expr(raw, "constraint", allow_current=True),
            relevant=self._expr(raw, "relevant"), calculate=self._expr(raw, "calculate"),
            choice_list=choice_list, choice_filter=self._expr(raw, "choice_filter", allow_choice=True),
            **texts,
        )
        self._field_rules(raw, spec)
        return FieldSpec(**{**spec.__dict__, "default": self._default(raw, spec)})

    def _text(self, raw: Mapping[str, object], key: str) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.issue(f"{raw['name']}.{key}", "bad_text", f"字段 {raw['name']}: {key} 应为文字")
            return ""
        return value

    def _required(self, raw: Mapping[str, object]) -> bool | Expression:
        value = raw.get("required", False)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self._expr(raw, "required") or False
        self.issue(f"{raw['name']}.required", "bad_required", f"字段 {raw['name']}: required 应为 true/false 或表达式")
        return False

    def _choice_ref(self, raw: Mapping[str, object], ftype: str) -> str | None:
        name, ref = raw["name"], raw.get("choice_list")
        if ftype in CHOICE_TYPES and ref not in self.choices:
            self.issue(f"{name}.choice_list", "unknown_choice_list", f"字段 {name}: 选项列表 {ref} 不存在")
            return None
        if ftype not in CHOICE_TYPES and ref is not None:
            self.issue(f"{name}.choice_list", "choices_not_allowed", f"字段 {name}: 只有选择题可以设置选项列表")
            return None
        return ref if isinstance(ref, str) else None

    def _field_rules(self, raw: Mapping[str, object], spec: FieldSpec) -> None:
        name = spec.name
        if spec.type == "note" and (spec.calculate or spec.constraint or "required" in raw or "default" in raw):
            self.issue(name, "note_has_value", f"字段 {name}: 说明文字（note）不能有取值、必填或校验")
        if spec.calculate is not None and ("default" in raw or "required" in raw):
            self.issue(name, "calculate_conflict", f"字段 {name}: 计算字段不能同时设置 default 或 required")
        if spec.choice_filter is not None and spec.choice_list is None:
            self.issue(f"{name}.choice_filter", "filter_without_list", f"字段 {name}: choice_filter 需要选项列表")

    def _default(self, raw: Mapping[str, object], spec: FieldSpec) -> object:
        if "default" not in raw or spec.type == "note":
            return None
        value = coerce(spec.type, raw["default"])
        allowed = self.choices.get(spec.choice_list or "", ())
        picked = value if isinstance(value, tuple) else (value,)
        bad_choice = spec.type in CHOICE_TYPES and not all(any(c.name == v for c in allowed) for v in picked)
        if isinstance(value, BadValue) or bad_choice:
            self.issue(f"{spec.name}.default", "bad_default", f"字段 {spec.name}: 默认值与字段类型 {spec.type} 不符")
            return None
        return value

    def _expr(
        self, raw: Mapping[str, object], key: str, *, allow_current: bool = False, allow_choice: bool = False
    ) -> Expression | None:
        source, name = raw.get(key), raw["name"]
        if source is None:
            return None
        if not isinstance(source, str):
            self.issue(f"{name}.{key}", "bad_expression", f"字段 {name}: {key} 应为表达式文字")
            return None
        try:
            expr = compile_expression(source)
        except ExpressionSyntaxError as exc:
            self.issue(f"{name}.{key}", f"syntax.{exc.code}", f"字段 {name}: {exc.message_zh}")
            return None
        for problem in check_expression(expr, self.names, allow_current=allow_current, allow_choice=allow_choice):
            self.issue(f"{name}.{key}", f"expression.{problem.code}", f"字段 {name}: {key} {problem.message_zh}")
        return expr


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_REPEAT_ROWS
