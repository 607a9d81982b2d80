"""Working-day calendar: the 2026 vectors of domain.md §3, missing years, overrides, natural days."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import (
    CalendarMissing,
    HolidayCalendar,
    HolidayOverride,
    build_calendar,
    due_date,
    is_workday,
    working_days_between,
)
from app.domain.units import TimeLimit, TimeUnit

CAL = build_calendar()

# 国办 2025-11-04 notice (domain.md §3)
REST_2026 = [
    (date(2026, 1, 1), date(2026, 1, 3)),
    (date(2026, 2, 15), date(2026, 2, 23)),
    (date(2026, 4, 4), date(2026, 4, 6)),
    (date(2026, 5, 1), date(2026, 5, 5)),
    (date(2026, 6, 19), date(2026, 6, 21)),
    (date(2026, 9, 25), date(2026, 9, 27)),
    (date(2026, 10, 1), date(2026, 10, 7)),
]
MAKEUP_2026 = {date(2026, m, d) for m, d in [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]}


def _days(first: date, last: date) -> set[date]:
    return {first + timedelta(i) for i in range((last - first).days + 1)}


def _only_2026() -> HolidayCalendar:
    """2026 alone, built from the notice, so tests do not depend on what the package has for 2027."""
    rest = set().union(*(_days(a, b) for a, b in REST_2026))
    return HolidayCalendar(frozenset(rest), frozenset(MAKEUP_2026), frozenset({2026}))


def test_package_2026_matches_the_notice() -> None:
    rest = set().union(*(_days(a, b) for a, b in REST_2026))
    assert {d for d in CAL.holidays if d.year == 2026} == rest
    assert {d for d in CAL.makeup_workdays if d.year == 2026} == MAKEUP_2026


@pytest.mark.parametrize("cal", [CAL, _only_2026()], ids=["package", "notice"])
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 2, 13), 5, date(2026, 2, 27)),
        (date(2026, 9, 30), 3, date(2026, 10, 10)),  # Saturday makeup workday counts
        (date(2026, 4, 30), 1, date(2026, 5, 6)),
        (date(2026, 9, 18), 20, date(2026, 10, 22)),
        (date(2026, 3, 2), 0, date(2026, 3, 2)),  # 即办件: same day
    ],
)
def test_working_day_vectors(cal: HolidayCalendar, start: date, days: int, expected: date) -> None:
    assert due_date(start, TimeLimit(days), cal) == expected
    assert working_days_between(start, expected, cal) == days


def test_2026_has_248_working_days() -> None:
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31), CAL) == 248
    assert sum(is_workday(d, _only_2026()) for d in _days(date(2026, 1, 1), date(2026, 12, 31))) == 248


def test_year_without_data_raises_instead_of_guessing() -> None:
    cal = _only_2026()
    with pytest.raises(CalendarMissing) as info:
        due_date(date(2026, 12, 31), TimeLimit(1), cal)
    assert info.value.year == 2027
    assert info.value.message_zh == "缺少2027年节假日安排，请管理员更新2027年节假日安排"
    with pytest.raises(CalendarMissing):
        is_workday(date(2027, 1, 4), cal)
    with pytest.raises(CalendarMissing):
        working_days_between(date(2026, 12, 1), date(2027, 1, 5), cal)


def test_natural_days_must_cover_every_year_crossed() -> None:
    cal = HolidayCalendar(frozenset(), frozenset(), frozenset({2025, 2027}))
    with pytest.raises(CalendarMissing) as info:
        due_date(date(2025, 6, 1), TimeLimit(600, TimeUnit.NATURAL_DAY), cal)
    assert info.value.year == 2026


def test_package_years_are_reported_honestly() -> None:
    import chinese_calendar

    package_years = {d.year for d in chinese_calendar.holidays}
    assert CAL.years == frozenset(package_years)
    assert 2026 in CAL.years and CAL.covers(2026)
    missing = max(package_years) + 1
    with pytest.raises(CalendarMissing):
        is_workday(date(missing, 3, 2), CAL)


def test_natural_days_roll_past_holidays() -> None:
    nat = TimeUnit.NATURAL_DAY
    assert due_date(date(2026, 9, 28), TimeLimit(3, nat), CAL) == date(2026, 10, 8)
    assert due_date(date(2026, 3, 2), TimeLimit(5, nat), CAL) == date(2026, 3, 7)  # plain Saturday
    assert due_date(date(2026, 3, 2), TimeLimit(0, nat), CAL) == date(2026, 3, 2)


def test_paused_workdays_are_added_back() -> None:
    # 5 days end Fri 2/27; two paused days add Sat 2/28 (makeup) and Mon 3/2
    assert due_date(date(2026, 2, 13), TimeLimit(5), CAL, paused_workdays=2) == date(2026, 3, 2)
    nat = TimeLimit(3, TimeUnit.NATURAL_DAY)
    assert due_date(date(2026, 9, 28), nat, CAL, paused_workdays=1) == date(2026, 10, 9)


def test_negative_values_are_refused() -> None:
    with pytest.raises(ValueError):
        due_date(date(2026, 3, 2), TimeLimit(-1), CAL)
    with pytest.raises(ValueError):
        due_date(date(2026, 3, 2), TimeLimit(1), CAL, paused_workdays=-1)


def test_overrides_apply_on_top_of_the_package() -> None:
    extra_rest = date(2026, 3, 3)  # a Tuesday made a holiday by the admin
    extra_work = date(2026, 3, 7)  # a Saturday made a workday
    back_to_normal = date(2026, 10, 10)  # the makeup day cancelled: an ordinary Saturday again
    cal = build_calendar(
        [
            HolidayOverride(extra_rest, "holiday"),
            HolidayOverride(extra_work, "workday"),
            HolidayOverride(back_to_normal, "normal"),
        ]
    )
    assert not is_workday(extra_rest, cal)
    assert is_workday(extra_work, cal)
    assert not is_workday(back_to_normal, cal)
    assert due_date(date(2026, 9, 30), TimeLimit(3), cal) == date(2026, 10, 12)
    assert is_workday(extra_rest, CAL)  # the cached base is not modified


def test_later_override_wins() -> None:
    day = date(2026, 3, 3)
    cal = build_calendar([HolidayOverride(day, "holiday"), HolidayOverride(day, "normal")])
    assert is_workday(day, cal)


def test_declared_year_from_overrides() -> None:
    year = max(CAL.years) + 1
    new_year = date(year, 1, 1)
    cal = build_calendar([HolidayOverride(new_year, "holiday")], declared_years=[year])
    assert cal.covers(year)
    assert not is_workday(new_year, cal)
    undeclared = build_calendar([HolidayOverride(new_year, "holiday")])
    with pytest.raises(CalendarMissing):
        is_workday(new_year, undeclared)


def test_unknown_override_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        HolidayOverride(date(2026, 1, 1), "festival")  # type: ignore[arg-type]


def test_build_calendar_is_fast() -> None:
    overrides = [HolidayOverride(date(2026, 1, 1) + timedelta(i), "normal") for i in range(365)]
    started = time.perf_counter()
    build_calendar(overrides, declared_years=[2027])
    assert time.perf_counter() - started < 0.05


@given(st.dates(date(2024, 1, 1), date(2026, 6, 30)), st.integers(0, 60))
def test_due_date_and_working_days_between_agree(start: date, days: int) -> None:
    due = due_date(start, TimeLimit(days), CAL)
    assert working_days_between(start, due, CAL) == days
    assert days == 0 or is_workday(due, CAL)
