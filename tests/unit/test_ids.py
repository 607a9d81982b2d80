"""Resident ID, USCC and mobile validation: standard vectors, typed errors, property tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.ids import (
    IdError,
    MobileError,
    ResidentIdError,
    UsccError,
    birth_date_of,
    resident_id_check_char,
    sex_of,
    uscc_check_char,
    validate_mobile,
    validate_resident_id,
    validate_uscc,
)

TODAY = date(2026, 11, 27)


# ---- resident ID


@pytest.mark.parametrize("value", ["11010519491231002X", "440524188001010014"])
def test_standard_vectors_pass(value: str) -> None:
    assert validate_resident_id(value, today=TODAY) == value


def test_lowercase_x_and_spaces_are_normalised() -> None:
    assert validate_resident_id(" 110105 19491231 002x ", today=TODAY) == "11010519491231002X"


def test_full_width_digits_are_normalised() -> None:
    full = "１１０１０５１９４９１２３１００２ｘ"
    assert validate_resident_id(full, today=TODAY) == "11010519491231002X"


def test_check_digit_error_names_position_and_expected() -> None:
    with pytest.raises(ResidentIdError) as info:
        validate_resident_id("110105194912310021", today=TODAY)
    err = info.value
    assert (err.code, err.position, err.expected, err.actual) == ("check_digit", 18, "X", "1")
    assert err.message_zh == "第18位校验码应为X，实际为1，请核对证件号码"
    assert isinstance(err, IdError) and isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("", "empty", None),
        ("   ", "empty", None),
        ("110105491231002", "legacy_15", None),
        ("11010519491231002", "length", None),
        ("11010519491231002XX", "length", None),
        ("1101051949123100AX", "charset", 17),
        ("A1010519491231002X", "charset", 1),
        ("11010519491231002Y", "charset", 18),
        ("110105194902300021", "birth_date", 7),  # 30 February
        ("110105194913010021", "birth_date", 7),  # month 13
        ("110105000101010021", "birth_date", 7),  # year 0001 is a typing error
    ],
)
def test_invalid_resident_ids(text: str, code: str, position: int | None) -> None:
    with pytest.raises(ResidentIdError) as info:
        validate_resident_id(text, today=TODAY)
    assert info.value.code == code
    assert info.value.position == position
    assert info.value.message_zh  # every code has a Chinese message


def _make_id(area: str, born: date, seq: int) -> str:
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    return first17 + resident_id_check_char(first17)


def test_birth_date_in_future_is_rejected() -> None:
    tomorrow = _make_id("110105", date(2026, 11, 28), 1)
    with pytest.raises(ResidentIdError) as info:
        validate_resident_id(tomorrow, today=TODAY)
    assert info.value.code == "birth_future"
    assert "2026-11-28" in info.value.message_zh
    assert validate_resident_id(_make_id("110105", TODAY, 1), today=TODAY)


def test_area_code_is_not_checked_against_a_list() -> None:
    # 110119 (延庆区) was created in 2015; a person born in 1950 may hold it today.
    assert validate_resident_id(_make_id("110119", date(1950, 3, 1), 12), today=TODAY)
    assert validate_resident_id(_make_id("999999", date(1990, 1, 1), 5), today=TODAY)


def test_charset_message_names_position_and_what_is_allowed() -> None:
    with pytest.raises(ResidentIdError) as info:
        validate_resident_id("11010519491231002Y", today=TODAY)
    assert info.value.expected == "digit_or_x"
    assert info.value.message_zh == "第18位应为数字或X，实际为“Y”，请核对证件号码"


def test_birth_date_and_sex() -> None:
    assert birth_date_of("11010519491231002X") == date(1949, 12, 31)
    assert sex_of("11010519491231002X") == "F"  # 17th digit 2 is even
    assert sex_of("440524188001010014") == "M"  # 17th digit 1 is odd
    with pytest.raises(ResidentIdError):
        sex_of("110105194912310021")


ids = st.builds(
    _make_id,
    st.from_regex(r"[1-9][0-9]{5}", fullmatch=True),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
)


@given(ids, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_every_valid_id_passes_and_any_single_change_fails(value: str, pos: int, shift: int) -> None:
    assert validate_resident_id(value, today=TODAY) == value
    chars = "0123456789X" if pos == 17 else "0123456789"
    old = chars.index(value[pos])
    new = chars[(old + shift) % len(chars)]
    if new == value[pos]:
        return
    changed = value[:pos] + new + value[pos + 1 :]
    with pytest.raises(ResidentIdError):
        validate_resident_id(changed, today=TODAY)


# ---- unified social credit code


@pytest.mark.parametrize("value", ["91350100M000100Y43", "9144030071526726XG", "91110000802100433B"])
def test_uscc_vectors_pass(value: str) -> None:
    assert validate_uscc(value) == value
    assert validate_uscc(value.lower()) == value


def test_uscc_unknown_first_two_chars_are_accepted() -> None:
    first17 = "Y9" + "350100M000100Y4"
    value = first17 + uscc_check_char(first17)
    assert validate_uscc(value) == value


@pytest.mark.parametrize(
    ("text", "code", "position", "expected"),
    [
        ("", "empty", None, None),
        ("91350100M000100Y4", "length", None, "18"),
        ("91350100O000100Y43", "charset", 9, None),  # letter O is not in the alphabet
        ("91350100M000100Y4I", "charset", 18, None),
        ("91350100M000100Y44", "check_digit", 18, "3"),
    ],
)
def test_invalid_uscc(text: str, code: str, position: int | None, expected: str | None) -> None:
    with pytest.raises(UsccError) as info:
        validate_uscc(text)
    assert (info.value.code, info.value.position, info.value.expected) == (code, position, expected)
    assert info.value.message_zh


def test_uscc_check_message() -> None:
    with pytest.raises(UsccError) as info:
        validate_uscc("91350100M000100Y44")
    assert info.value.message_zh == "第18位校验码应为3，实际为4，请核对统一社会信用代码"


usccs = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17).map(
    lambda s: s + uscc_check_char(s)
)


@given(usccs, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=30))
def test_any_single_uscc_change_fails(value: str, pos: int, shift: int) -> None:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    assert validate_uscc(value) == value
    new = alphabet[(alphabet.index(value[pos]) + shift) % 31]
    with pytest.raises(UsccError):
        validate_uscc(value[:pos] + new + value[pos + 1 :])


# ---- mobile numbers


@pytest.mark.parametrize(
    "text",
    ["13812341234", "138 1234 1234", "138-1234-1234", "+86 138 1234 1234", "+8613812341234",
     "008613812341234", "8613812341234", "１３８１２３４１２３４"],
)
def test_mobile_normalised(text: str) -> None:
    assert validate_mobile(text) == "13812341234"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("+86", "empty"),
        ("1381234123", "length"),
        ("138123412345", "length"),
        ("12812341234", "prefix"),
        ("23812341234", "prefix"),
        ("1381234123a", "charset"),
        ("010-12345678", "prefix"),  # a landline is not a mobile
        ("0571-888888", "length"),
    ],
)
def test_invalid_mobile(text: str, code: str) -> None:
    with pytest.raises(MobileError) as info:
        validate_mobile(text)
    assert info.value.code == code
    assert info.value.message_zh
