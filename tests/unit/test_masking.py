"""Tests for display masking of IDs, phones and names."""

from __future__ import annotations

import pytest

from app.domain.masking import mask_id, mask_name, mask_phone


def test_resident_id_keeps_first_six_and_last_four() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"


def test_resident_id_is_stripped_first() -> None:
    assert mask_id(" 110105194912310021 ") == "110105********0021"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("91350100M000100Y43", "913501********0Y43"),  # 18-char USCC follows the resident-ID rule
        ("12345678", "12****78"),
        ("123456789012345", "123*********345"),
        ("1234", "1**4"),
        ("12", "**"),
        ("1", "*"),
        ("", ""),
    ],
)
def test_other_id_lengths_keep_a_quarter_at_each_end(raw: str, masked: str) -> None:
    assert mask_id(raw) == masked


def test_masked_id_always_hides_something() -> None:
    for n in range(1, 30):
        assert "*" in mask_id("9" * n)


def test_mobile_phone() -> None:
    assert mask_phone("13812341234") == "138****1234"


@pytest.mark.parametrize(("raw", "masked"), [("010-62345678", "010*****5678"), ("12345", "1***5"), ("", "")])
def test_other_phone_lengths(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [("张三", "张*"), ("欧阳娜", "欧**"), ("欧阳娜娜", "欧***"), ("王", "王*"), ("  李四 ", "李*"), ("", "")],
)
def test_name_keeps_first_character(raw: str, masked: str) -> None:
    assert mask_name(raw) == masked
