"""Provisional case numbers, query passwords and document numbers."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.domain.numbering import (
    NumberingError,
    document_number,
    new_query_password,
    provisional_number,
)

AREA = "511602000000"


def test_provisional_number_format() -> None:
    assert provisional_number(AREA, date(2026, 3, 5), 7) == "511602000000-20260305-0007"
    assert provisional_number(AREA, date(2026, 12, 31), 9999) == "511602000000-20261231-9999"


@pytest.mark.parametrize(
    "area", ["51160200000", "5116020000000", "51160200000A", "", "５１１６０２００００００"]
)
def test_bad_area_code_is_refused(area: str) -> None:
    with pytest.raises(NumberingError) as info:
        provisional_number(area, date(2026, 3, 5), 1)
    assert info.value.code == "area_code"
    assert "12位" in info.value.message_zh


@pytest.mark.parametrize("serial", [0, -1, 10000, True])
def test_serial_out_of_range_is_refused(serial: int) -> None:
    with pytest.raises(NumberingError) as info:
        provisional_number(AREA, date(2026, 3, 5), serial)
    assert info.value.code == "serial"
    assert info.value.message_zh


def test_query_password_is_six_digits() -> None:
    for _ in range(200):
        pwd = new_query_password()
        assert len(pwd) == 6 and pwd.isdigit()


def test_query_password_keeps_leading_zeros_and_is_reproducible_with_rng() -> None:
    class Zero(random.Random):
        def randrange(self, *args: object, **kwargs: object) -> int:  # type: ignore[override]
            return 42

    assert new_query_password(Zero()) == "000042"
    assert new_query_password(random.Random(5)) == new_query_password(random.Random(5))


def test_query_passwords_vary() -> None:
    assert len({new_query_password() for _ in range(50)}) > 40


def test_document_number() -> None:
    assert document_number(2026, 12) == "〔2026〕12号"
    assert document_number(2027, 1) == "〔2027〕1号"
    for year, serial in [(2026, 0), (99, 1), (2026, -3)]:
        with pytest.raises(NumberingError):
            document_number(year, serial)
