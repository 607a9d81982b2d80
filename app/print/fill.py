"""Fill `${path|filter}` placeholders from the context: formatting, masking and font-checked markup."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.masking import mask_id, mask_name, mask_phone
from app.print.fonts import CHAIN, markup
from app.print.templates import PLACEHOLDER, MissingValue, is_missing, lookup, parse_placeholder

DEFAULT_TZ = "Asia/Shanghai"

_MASKS = {"mask_id": mask_id, "mask_phone": mask_phone, "mask_name": mask_name}


def station_zone(context: Mapping[str, Any]) -> ZoneInfo:
    """The station's time zone (dates people see are local to the station)."""
    name = lookup(context, "station.timezone")
    return ZoneInfo(DEFAULT_TZ if is_missing(name) else str(name))


def _as_datetime(value: Any) -> datetime | date | None:
    """Accept date/datetime objects or ISO-8601 strings."""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _local(value: datetime | date, zone: ZoneInfo) -> datetime | date:
    """Convert an aware datetime (stored UTC) to the station zone; naive values are already local."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(zone)
    return value


def format_temporal(value: datetime | date, filt: str | None, zone: ZoneInfo) -> str:
    """Chinese date/time formatting: date → 2026年03月05日, datetime → 2026年03月05日 09:30."""
    local = _local(value, zone)
    day = f"{local.year}年{local.month:02d}月{local.day:02d}日"
    if not isinstance(local, datetime) or filt == "date":
        return day
    clock = f"{local.hour:02d}:{local.minute:02d}"
    return clock if filt == "time" else f"{day} {clock}"


def format_value(value: Any, filt: str | None, zone: ZoneInfo) -> str:
    """Turn one context value into display text, applying the placeholder's filter."""
    if filt in _MASKS:
        return _MASKS[filt](str(value))
    if filt in ("date", "datetime", "time") or isinstance(value, datetime | date):
        moment = _as_datetime(value)
        return format_temporal(moment, filt, zone) if moment is not None else str(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _substitute(text: str, context: Mapping[str, Any], *, source: str, block: int, emit: Any) -> str:
    """Walk literal text and placeholders, handing each piece and its field name to `emit`."""
    zone = station_zone(context)
    out: list[str] = []
    pos = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(emit(text[pos : match.start()], f"模板第 {block} 个块"))
        ph = parse_placeholder(match.group(1))
        value = lookup(context, ph.path)
        if is_missing(value):
            raise MissingValue(source, ph.path, block=block)
        out.append(emit(format_value(value, ph.filter, zone), ph.path))
        pos = match.end()
    out.append(emit(text[pos:], f"模板第 {block} 个块"))
    return "".join(out)


def fill_markup(
    text: str, context: Mapping[str, Any], *, source: str, block: int, chain: tuple[str, ...] = CHAIN
) -> str:
    """Fill placeholders and return Paragraph markup; every character is checked against the font chain."""
    return _substitute(text, context, source=source, block=block, emit=lambda piece, field: markup(piece, field, chain))


def fill_plain(text: str, context: Mapping[str, Any], *, source: str, block: int) -> str:
    """Fill placeholders and return plain text (for QR payloads and metadata)."""
    return _substitute(text, context, source=source, block=block, emit=lambda piece, field: piece)
