"""Field readers for catalogue parsing: each reads one value, records a RowError and returns a fallback."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum, IntEnum
from functools import cache
from typing import Any

from app.domain.catalogue_model import RowError, zh_name
from app.domain.units import TimeLimit, TimeUnit

# Problem code → Chinese template. Kept in one table so wording stays consistent and testable by code.
MESSAGES: dict[str, str] = {
    "missing": "必填，不能为空",
    "not_text": "应为文字，现为「{value}」",
    "not_int": "应为整数，现为「{value}」",
    "negative": "不能为负数，现为 {value}",
    "not_bool": "应为 是/否（true/false），现为「{value}」",
    "bad_choice": "取值「{value}」无效，可选：{choices}",
    "not_list": "应为列表，现为「{value}」",
    "not_object": "应为对象 {{…}}，现为「{value}」",
    "unknown_field": "未知字段「{value}」，请检查是否拼写错误",
    "bad_code": "编码「{value}」只能由字母、数字和 - _ . 组成，长度 2–40",
    "bad_uscc": "「{value}」不是有效的18位统一社会信用代码（{reason}）",
    "bad_phone": "「{value}」不像电话号码，应如 0817-2345678、13812345678 或 12345",
    "bad_date": "日期「{value}」无效，应为 YYYY-MM-DD",
    "unit_mismatch": "承诺时限单位（{promise}）与法定时限单位（{legal}）不一致，请使用同一单位",
    "promise_exceeds_legal": "承诺时限不能超过法定时限（承诺 {promise} 天 > 法定 {legal} 天）",
    "immediate_promise": "即办件当场办结，承诺时限应为 0，现为 {promise} 天；否则请改为承诺件",
    "promise_zero": "承诺件的承诺时限应大于 0 天；当场办结请改为即办件",
    "duplicate_item": "事项编码「{value}」重复（第{first}项已使用）",
    "duplicate_task_code": "实施编码「{value}」重复（第{first}项已使用）",
    "duplicate_material": "材料编码「{value}」在本事项内重复",
    "duplicate_situation": "情形编码「{value}」在本事项内重复",
    "duplicate_bundle": "一件事编码「{value}」重复",
    "unknown_situation": "材料引用的情形「{value}」不在本事项的情形列表中",
    "proof_missing": "材料可用告知承诺替代时，须填写所替代的证明（proof_replaced）",
    "commitment_not_allowed": "材料可用告知承诺替代，但事项未开启告知承诺（commitment_allowed）",
    "rongque_not_allowed": "材料允许容缺，但事项未开启容缺受理（rongque_allowed）",
    "elicense_type_missing": "电子证照可免提交时，须填写电子证照类型（elicense_type）",
    "no_copies": "纸质材料的原件份数和复印件份数不能都为 0",
    "no_materials": "在用事项至少要有 1 项材料；事项已停用请把状态设为 retired",
    "bundle_unknown_item": "一件事包含的事项「{value}」不在目录中",
    "bundle_repeat_item": "事项「{value}」在同一件事中重复出现",
    "bundle_too_small": "一件事至少要包含 2 个事项",
    "item_conflict": "事项「{item}」各行此列取值不一致（「{first}」与「{value}」），请保持一致或只在首行填写",
}

Locate = Callable[[str], tuple[int, str]]
_MISSING = object()
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,39}$")
_PHONE_RE = re.compile(r"^(0\d{2,3}-?(\d{7,8}|1\d{4})(-\d{1,5})?|1[3-9]\d{9}|1\d{4}|[48]00-?\d{3}-?\d{4})$")
_USCC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_TRUE = {"true", "1", "是", "y", "yes", "√", "有"}
_FALSE = {"false", "0", "否", "n", "no", "", "×", "无"}
_UNIT_ALIASES = {"工作日": TimeUnit.WORKING_DAY, "g": TimeUnit.WORKING_DAY, "1": TimeUnit.WORKING_DAY,
                 "自然日": TimeUnit.NATURAL_DAY, "z": TimeUnit.NATURAL_DAY, "2": TimeUnit.NATURAL_DAY}


class Sink:
    """Collects RowErrors for one record; `locate` turns a field path into (row, column)."""

    def __init__(self, source: str, section: str, locate: Locate, errors: list[RowError]) -> None:
        self.source, self.section, self.locate, self.errors = source, section, locate, errors
        self.prefix = ""

    def child(self, prefix: str) -> Sink:
        """A sink for a nested record whose field paths start with `prefix`."""
        sub = Sink(self.source, self.section, self.locate, self.errors)
        sub.prefix = self.prefix + prefix
        return sub

    def add(self, field: str, code: str, **data: Any) -> None:
        """Record problem `code` on `field` with template data."""
        row, column = self.locate(self.prefix + field)
        text = MESSAGES[code].format(**{k: _show(v) for k, v in data.items()})
        self.errors.append(RowError(self.source, row, column, code, text, self.section))


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _blank(value: Any) -> bool:
    return value is None or value is _MISSING or (isinstance(value, str) and not value.strip())


def check_unknown(d: dict[str, Any], allowed: frozenset[str], s: Sink) -> None:
    """Report keys that are not fields, which are usually typos that would silently drop data."""
    for key in d:
        if key not in allowed:
            s.add(str(key), "unknown_field", value=key)


def text(d: dict[str, Any], key: str, s: Sink, *, required: bool = True) -> str:
    """A string field; numbers from spreadsheets are accepted as text."""
    value = d.get(key, _MISSING)
    if _blank(value):
        if required:
            s.add(key, "missing")
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet cell holding 12345 arrives as 12345.0
    if isinstance(value, bool) or not isinstance(value, str | int):
        s.add(key, "not_text", value=value)
        return ""
    return str(value).strip()


def opt_text(d: dict[str, Any], key: str, s: Sink) -> str | None:
    """An optional string field; blank becomes None."""
    return text(d, key, s, required=False) or None


def code(d: dict[str, Any], key: str, s: Sink) -> str:
    """A required code made of letters, digits and - _ ."""
    value = text(d, key, s)
    if value and not _CODE_RE.match(value):
        s.add(key, "bad_code", value=value)
    return value


def integer(d: dict[str, Any], key: str, s: Sink, *, default: int | None = None) -> int:
    """A non-negative integer; `default` is used when blank, else blank is an error."""
    value = d.get(key, _MISSING)
    if _blank(value):
        if default is None:
            s.add(key, "missing")
        return default or 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # spreadsheets hand every number over as float
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        s.add(key, "not_int", value=value)
        return 0
    if value < 0:
        s.add(key, "negative", value=value)
    return value


def boolean(d: dict[str, Any], key: str, s: Sink) -> bool:
    """A yes/no flag; blank is False. Accepts true/false, 1/0 and 是/否."""
    value = d.get(key, _MISSING)
    if value is _MISSING or value is None or isinstance(value, bool):
        return bool(value) if isinstance(value, bool) else False
    norm = str(value).strip().lower()
    if norm in _TRUE:
        return True
    if norm not in _FALSE:
        s.add(key, "not_bool", value=value)
    return False


def choice(d: dict[str, Any], key: str, s: Sink, cls: type[Enum]) -> Any:
    """An enum member given by its code, its number or its Chinese name."""
    value = d.get(key, _MISSING)
    members = list(cls)
    if _blank(value):
        s.add(key, "missing")
        return members[0]
    found = enum_lookup(cls, value)
    if found is None:
        names = "、".join(f"{m.value}（{zh_name(m)}）" for m in members)
        s.add(key, "bad_choice", value=value, choices=names)
        return members[0]
    return found


def enum_lookup(cls: type[Enum], value: Any) -> Any:
    """The member of `cls` matching a code, number or Chinese name, or None."""
    norm = str(value).strip()
    aliases = _aliases(cls)
    return aliases.get(norm) or aliases.get(norm.lower())


@cache
def _aliases(cls: type[Enum]) -> dict[str, Enum]:
    """Code, number and Chinese name → member, built once per enum class (parsing is hot in imports)."""
    out: dict[str, Enum] = {}
    for m in cls:
        out[str(int(m.value)) if isinstance(m, IntEnum) else str(m.value)] = m
        if zh_name(m):
            out[zh_name(m)] = m
    return out


def one_of(d: dict[str, Any], key: str, s: Sink, allowed: tuple[str, ...], default: str | None = None) -> str:
    """A string restricted to `allowed`."""
    value = text(d, key, s, required=default is None) or (default or "")
    if value and value not in allowed:
        s.add(key, "bad_choice", value=value, choices="、".join(allowed))
    return value


def texts(d: dict[str, Any], key: str, s: Sink) -> tuple[str, ...]:
    """A list of strings; a spreadsheet cell may separate them with 、 , ; or ，."""
    value = d.get(key, _MISSING)
    if _blank(value):
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in re.split(r"[、,;，；]", value) if p.strip())
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        s.add(key, "not_list", value=value)
        return ()
    return tuple(v.strip() for v in value if v.strip())


def time_limit(d: dict[str, Any], key: str, s: Sink) -> TimeLimit:
    """A limit given as {"days": n, "unit": "working_day" | "natural_day"} (also 工作日/自然日, 1/2)."""
    value = d.get(key, _MISSING)
    if _blank(value):
        s.add(key, "missing")
        return TimeLimit(0)
    if not isinstance(value, dict):
        s.add(key, "not_object", value=value)
        return TimeLimit(0)
    days = integer(value, "days", s.child(key + "."))
    raw_unit = value.get("unit", TimeUnit.WORKING_DAY.value)
    unit = enum_lookup(TimeUnit, raw_unit) or _UNIT_ALIASES.get(str(raw_unit).strip().lower())
    if unit is None:
        s.child(key + ".").add("unit", "bad_choice", value=raw_unit,
                               choices="working_day（工作日）、natural_day（自然日）")
        unit = TimeUnit.WORKING_DAY
    return TimeLimit(days, unit)


def phone(d: dict[str, Any], key: str, s: Sink) -> str:
    """A phone number: landline with area code, mobile, or a short service number like 12345."""
    value = text(d, key, s)
    if value and not _PHONE_RE.match(value.replace(" ", "")):
        s.add(key, "bad_phone", value=value)
    return value


def uscc(d: dict[str, Any], key: str, s: Sink) -> str:
    """An 18-character unified social credit code with a correct GB 32100 check character."""
    value = text(d, key, s).upper()
    if not value:
        return value
    reason = uscc_problem(value)
    if reason:
        s.add(key, "bad_uscc", value=value, reason=reason)
    return value


def uscc_problem(value: str) -> str | None:
    """Why `value` is not a valid USCC, or None. The reason is a short Chinese phrase."""
    if len(value) != 18:
        return f"长度应为18位，现为{len(value)}位"
    bad = [c for c in value if c not in _USCC_ALPHA]
    if bad:
        return f"含非法字符「{bad[0]}」"
    total = sum(_USCC_ALPHA.index(c) * w for c, w in zip(value[:17], _USCC_WEIGHTS, strict=True))
    expected = _USCC_ALPHA[(31 - total % 31) % 31]
    return None if value[17] == expected else f"校验位应为 {expected}"


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters (used by the generator)."""
    total = sum(_USCC_ALPHA.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHA[(31 - total % 31) % 31]
