"""Typing raw input by field type, and the JSON form of typed values (dates ISO, decimals as strings)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

MAX_TEXT = 2000
_INT_RE = re.compile(r"[+-]?\d{1,15}")
_DECIMAL_RE = re.compile(r"[+-]?(?:\d{1,15}(?:\.\d{0,6})?|\.\d{1,6})")
_TRUE = {"true", "1", "yes", "y", "是", "有"}
_FALSE = {"false", "0", "no", "n", "否", "无"}
_UPPER_TYPES = {"id_card", "uscc"}


class BadValue:
    """Input that could not be typed; kept (as text, if it was text) so the clerk sees what they typed."""

    __slots__ = ("raw",)

    def __init__(self, raw: str | None) -> None:
        self.raw = raw

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BadValue) and other.raw == self.raw

    def __hash__(self) -> int:
        return hash(self.raw)

    def __repr__(self) -> str:
        return f"BadValue({self.raw!r})"


def coerce(field_type: str, raw: object) -> object:
    """Type `raw` for `field_type`: the typed value, None for empty, or a BadValue. Never raises."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str) and len(raw) > MAX_TEXT:
        return BadValue(None)
    converter = _CONVERTERS.get(field_type, _text)
    try:
        value = converter(raw)
    except (ValueError, TypeError, InvalidOperation, OverflowError):
        value = None
    if value is None:
        return BadValue(raw if isinstance(raw, str) else None)
    return value


def _text(raw: object) -> str | None:
    return raw if isinstance(raw, str) else None


def _code(raw: object) -> str | None:
    # ID and credit codes are compared in upper case; a lowercase x check digit is normal input.
    return raw.strip().upper() if isinstance(raw, str) else None


def _phone(raw: object) -> str | None:
    return raw.strip().replace(" ", "") if isinstance(raw, str) else None


def _int(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if abs(raw) < 10**15 else None
    if isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
        return _int(int(raw))
    if isinstance(raw, float) and raw.is_integer():
        return _int(int(raw))
    if isinstance(raw, str) and _INT_RE.fullmatch(raw.strip()):
        return int(raw.strip())
    return None


def _decimal(raw: object) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float | Decimal):
        raw = str(raw)
    if isinstance(raw, str) and _DECIMAL_RE.fullmatch(raw.strip()):
        return Decimal(raw.strip())
    return None


def _date(raw: object) -> date | None:
    if isinstance(raw, datetime):
        return None  # a timestamp is not a calendar date; refuse rather than guess the zone
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        return date.fromisoformat(raw.strip())
    return None


def _bool(raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        text = raw.strip().lower()
        return True if text in _TRUE else False if text in _FALSE else None
    return None


def _multi(raw: object) -> tuple[str, ...] | None:
    if isinstance(raw, str):
        parts: list[object] = list(raw.split())
    elif isinstance(raw, list | tuple):
        parts = list(raw)
    else:
        return None
    if not all(isinstance(p, str) for p in parts) or len(parts) > 200:
        return None
    # Blank entries select nothing: dropping them keeps the value the same after an export round trip.
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))  # type: ignore[union-attr]


def _select(raw: object) -> str | None:
    return raw.strip() if isinstance(raw, str) else None


_CONVERTERS = {
    "int": _int, "decimal": _decimal, "date": _date, "bool": _bool,
    "multiselect": _multi, "select": _select,
    "id_card": _code, "uscc": _code, "phone": _phone,
}


def to_json(value: object) -> object:
    """JSON-serialisable form of a typed value (BadValue exports the text as typed)."""
    if isinstance(value, BadValue):
        return value.raw
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
