"""Tiny check-digit validators (GB 11643 ID card, GB 32100 USCC, mainland mobile) kept local to forms."""

from __future__ import annotations

import re
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_RE = re.compile(r"\d{17}[\dX]")
_PHONE_RE = re.compile(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}")


def id_birth_date(text: str) -> date | None:
    """The birth date encoded in an 18-character ID number, or None when it is not a real date."""
    if len(text) != 18 or not text[6:14].isdigit():
        return None
    try:
        return date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None


def id_card_ok(text: str, today: date) -> bool:
    """GB 11643 MOD 11-2 check, plus a real birth date that is not in the future."""
    if not _ID_RE.fullmatch(text):
        return False
    total = sum(int(c) * w for c, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    born = id_birth_date(text)
    return _ID_CHECK[total % 11] == text[17] and born is not None and born <= today


def uscc_ok(text: str) -> bool:
    """GB 32100 mod-31 check over the 31-symbol alphabet (first two characters not hard-checked)."""
    if len(text) != 18 or any(c not in _USCC_ALPHA for c in text):
        return False
    total = sum(_USCC_ALPHA.index(c) * w for c, w in zip(text[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHA[(31 - total % 31) % 31] == text[17]


def phone_ok(text: str) -> bool:
    """An 11-digit mobile number, or a landline with area code (0xx-xxxxxxx)."""
    return _PHONE_RE.fullmatch(text) is not None
