"""Identity numbers: resident ID (GB 11643), unified social credit code (GB 32100), mobile numbers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = [
    "IdError",
    "MobileError",
    "ResidentIdError",
    "UsccError",
    "birth_date_of",
    "resident_id_check_char",
    "sex_of",
    "uscc_check_char",
    "validate_mobile",
    "validate_resident_id",
    "validate_uscc",
]

# GB 11643 / ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"
# No living applicant was born before this; a year such as 0001 is a typing error, not a person.
_EARLIEST_BIRTH_YEAR = 1850

# GB 32100: 31 characters, no I O S V Z (they look like 1 0 5 U 2); weights 3^(i-1) mod 31.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

_MOBILE_RE = re.compile(r"1[3-9]\d{9}")


class IdError(ValueError):
    """A value that is not a valid identity number; `code` says why, `position` is 1-based."""

    kind_zh = "号码"
    _messages: dict[str, str] = {}
    # `expected` carries codes, not prose; these are their words for people
    _expected_zh = {"digit": "数字", "digit_or_x": "数字或X"}

    def __init__(
        self,
        code: str,
        *,
        position: int | None = None,
        expected: str | None = None,
        actual: str | None = None,
    ) -> None:
        super().__init__(f"{code} position={position} expected={expected!r} actual={actual!r}")
        self.code = code
        self.position = position
        self.expected = expected
        self.actual = actual

    @property
    def message_zh(self) -> str:
        """A Chinese sentence for the clerk: what is wrong and what to do."""
        template = self._messages.get(self.code, "{kind}格式不正确，请核对后重新输入")
        return template.format(
            kind=self.kind_zh,
            position=self.position,
            expected=self._expected_zh.get(self.expected or "", self.expected),
            actual=self.actual,
        )


class ResidentIdError(IdError):
    """An invalid 公民身份号码."""

    kind_zh = "公民身份号码"
    _messages = {
        "empty": "请输入18位公民身份号码",
        "legacy_15": "这是旧版15位身份证号码，请使用18位公民身份号码",
        "length": "公民身份号码应为18位，实际为{actual}位，请核对证件号码",
        "charset": "第{position}位应为{expected}，实际为“{actual}”，请核对证件号码",
        "birth_date": "第7至14位出生日期“{actual}”不是有效日期，请核对证件号码",
        "birth_future": "出生日期{actual}晚于今天，请核对证件号码",
        "check_digit": "第18位校验码应为{expected}，实际为{actual}，请核对证件号码",
    }


class UsccError(IdError):
    """An invalid 统一社会信用代码."""

    kind_zh = "统一社会信用代码"
    _messages = {
        "empty": "请输入18位统一社会信用代码",
        "length": "统一社会信用代码应为18位，实际为{actual}位，请核对",
        "charset": (
            "第{position}位“{actual}”不是统一社会信用代码可用的字符"
            "（只用数字和除I、O、S、V、Z以外的大写字母），请核对"
        ),
        "check_digit": "第18位校验码应为{expected}，实际为{actual}，请核对统一社会信用代码",
    }


class MobileError(IdError):
    """An invalid mainland mobile number."""

    kind_zh = "手机号码"
    _messages = {
        "empty": "请输入11位手机号码",
        "charset": "手机号码第{position}位“{actual}”不是数字，请核对",
        "length": "手机号码应为11位，实际为{actual}位，请核对",
        "prefix": "手机号码应以13至19开头，实际为“{actual}”，请核对",
    }


def _normalise(text: str) -> str:
    """Full-width to half-width (Chinese input methods), then drop all whitespace."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def validate_resident_id(text: str, *, today: date | None = None) -> str:
    """Return the normalised 18-char resident ID (X upper-case) or raise ResidentIdError.

    The area code is deliberately not checked against a list: codes are renamed and
    merged over the years, so a real citizen's code may no longer (or not yet) be listed.
    """
    value = _normalise(text).upper()
    if not value:
        raise ResidentIdError("empty")
    if len(value) == 15 and value.isdigit():
        raise ResidentIdError("legacy_15", expected="18", actual="15")
    if len(value) != 18:
        raise ResidentIdError("length", expected="18", actual=str(len(value)))
    for pos, ch in enumerate(value[:17], start=1):
        if not ch.isascii() or not ch.isdigit():
            raise ResidentIdError("charset", position=pos, expected="digit", actual=ch)
    if not (value[17].isascii() and value[17].isdigit()) and value[17] != "X":
        raise ResidentIdError("charset", position=18, expected="digit_or_x", actual=value[17])
    _check_birth_date(value[6:14], today or date.today())
    expected = resident_id_check_char(value[:17])
    if value[17] != expected:
        raise ResidentIdError("check_digit", position=18, expected=expected, actual=value[17])
    return value


def _check_birth_date(digits: str, today: date) -> date:
    """Parse YYYYMMDD; it must be a real date, not absurdly old and not after today."""
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ResidentIdError("birth_date", position=7, actual=digits) from None
    if born.year < _EARLIEST_BIRTH_YEAR:
        raise ResidentIdError("birth_date", position=7, actual=digits)
    if born > today:
        raise ResidentIdError("birth_future", position=7, actual=born.isoformat())
    return born


def birth_date_of(resident_id: str) -> date:
    """The birth date encoded in a resident ID (validated first)."""
    value = validate_resident_id(resident_id)
    return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def sex_of(resident_id: str) -> str:
    """"M" or "F" from the 17th digit (odd = male, even = female)."""
    value = validate_resident_id(resident_id)
    return "M" if int(value[16]) % 2 else "F"


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    total = sum(_USCC_VALUES[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(text: str) -> str:
    """Return the normalised (upper-case) 18-char USCC or raise UsccError.

    The first two characters (登记管理部门, 机构类别) are not checked against a table:
    the table has grown through amendments and we must not refuse a real organisation.
    """
    value = _normalise(text).upper()
    if not value:
        raise UsccError("empty")
    if len(value) != 18:
        raise UsccError("length", expected="18", actual=str(len(value)))
    for pos, ch in enumerate(value, start=1):
        if ch not in _USCC_VALUES:
            raise UsccError("charset", position=pos, actual=ch)
    expected = uscc_check_char(value[:17])
    if value[17] != expected:
        raise UsccError("check_digit", position=18, expected=expected, actual=value[17])
    return value


def validate_mobile(text: str) -> str:
    """Return the 11-digit mainland mobile number or raise MobileError.

    Spaces and dashes are ignored and a +86 / 0086 / 86 country prefix is removed.
    """
    value = _normalise(text).replace("-", "")
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    else:
        # "86" typed without the plus sign, as some forms print it
        if len(value) == 13 and value.startswith("86"):
            value = value[2:]
    if not value:
        raise MobileError("empty")
    for pos, ch in enumerate(value, start=1):
        if not (ch.isascii() and ch.isdigit()):
            raise MobileError("charset", position=pos, actual=ch)
    if len(value) != 11:
        raise MobileError("length", expected="11", actual=str(len(value)))
    if not _MOBILE_RE.fullmatch(value):
        raise MobileError("prefix", position=1, expected="13-19", actual=value[:2])
    return value
