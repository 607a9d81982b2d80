"""Masking of ID numbers, phone numbers and names for display (pure, no I/O)."""

from __future__ import annotations

import math

_STAR = "*"


def _mask_middle(text: str, keep_head: int, keep_tail: int) -> str:
    """Keep `keep_head` leading and `keep_tail` trailing chars, star the rest (at least one star)."""
    n = len(text)
    if n == 0:
        return ""
    if keep_head + keep_tail >= n:
        # Too short to keep both ends and still hide something: keep the first char only.
        keep_head, keep_tail = (1, 0) if n > 1 else (0, 0)
    return text[:keep_head] + _STAR * (n - keep_head - keep_tail) + text[n - keep_tail :]


def mask_id(text: str) -> str:
    """Mask an ID: 18-char resident ID → first 6 + 8 stars + last 4; other lengths keep 25% at each end."""
    value = text.strip()
    if len(value) == 18:
        return _mask_middle(value, 6, 4)
    quarter = math.floor(len(value) / 4)
    return _mask_middle(value, quarter, quarter)


def mask_phone(text: str) -> str:
    """Mask a phone number: 11-digit mobile → 138****1234; others keep about a third at each end."""
    value = text.strip()
    if len(value) == 11:
        return _mask_middle(value, 3, 4)
    tail = min(4, len(value) // 3)
    head = min(3, len(value) // 3)
    return _mask_middle(value, head, tail)


def mask_name(text: str) -> str:
    """Mask a personal name: keep the first character, star the rest (张三 → 张*, 欧阳娜 → 欧**)."""
    value = text.strip()
    if len(value) <= 1:
        # A one-character name is not hidden by starring nothing; show a single star after it.
        return value + _STAR if value else ""
    return value[0] + _STAR * (len(value) - 1)
