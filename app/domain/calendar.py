"""Working-day calendar with 调休 and due dates for 法定时限 / 承诺时限 (domain.md §3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from app.domain.units import TimeLimit, TimeUnit

__all__ = [
    "CalendarMissing",
    "HolidayCalendar",
    "HolidayOverride",
    "build_calendar",
    "due_date",
    "is_workday",
    "working_days_between",
]

_ONE_DAY = timedelta(days=1)

OverrideKind = Literal["holiday", "workday", "normal"]


class CalendarMissing(LookupError):  # noqa: N818 - the name the services and UI already use
    """No holiday arrangement is known for `year`; we refuse to guess a deadline."""

    def __init__(self, year: int) -> None:
        super().__init__(f"no holiday data for {year}")
        self.code = "calendar_missing"
        self.year = year

    @property
    def message_zh(self) -> str:
        """A Chinese sentence telling who must do what."""
        return f"缺少{self.year}年节假日安排，请管理员更新{self.year}年节假日安排"


@dataclass(frozen=True)
class HolidayCalendar:
    """Legal rest days (incl. weekends inside a holiday), 调休 makeup workdays, and the years covered."""

    holidays: frozenset[date]
    makeup_workdays: frozenset[date]
    years: frozenset[int]

    def covers(self, year: int) -> bool:
        """Whether the holiday arrangement of `year` is known."""
        return year in self.years


@dataclass(frozen=True)
class HolidayOverride:
    """An admin's correction of one day: force a holiday, force a workday, or back to a normal day."""

    day: date
    kind: OverrideKind

    def __post_init__(self) -> None:
        if self.kind not in ("holiday", "workday", "normal"):
            raise ValueError(f"unknown override kind {self.kind!r}")


def _require_years(first: date, last: date, cal: HolidayCalendar) -> None:
    """Raise CalendarMissing for the first uncovered year between two dates (inclusive)."""
    lo, hi = sorted((first.year, last.year))
    for year in range(lo, hi + 1):
        if year not in cal.years:
            raise CalendarMissing(year)


def is_workday(d: date, cal: HolidayCalendar) -> bool:
    """Whether `d` is a legal working day: makeup days count, legal holidays and weekends do not."""
    if d.year not in cal.years:
        raise CalendarMissing(d.year)
    return d in cal.makeup_workdays or (d.weekday() < 5 and d not in cal.holidays)


def _add_workdays(start: date, count: int, cal: HolidayCalendar) -> date:
    """The `count`-th working day after `start` (start itself not counted)."""
    d = start
    while count > 0:
        d += _ONE_DAY
        if is_workday(d, cal):
            count -= 1
    return d


def due_date(start: date, limit: TimeLimit, cal: HolidayCalendar, paused_workdays: int = 0) -> date:
    """The last day of a time limit counted from `start` (民法典 201/203; 行政许可法 82, 45).

    The start day is not counted and 0 days means the same day (即办件). Working-day limits
    skip weekends and legal holidays and count 调休 makeup days. A natural-day limit that ends
    on a legal holiday rolls to the day after it. Paused 特别程序 days are added back as working
    days (for natural-day limits: after the natural end). Raises CalendarMissing if any year
    from `start` to the result lacks holiday data, rather than guessing.
    """
    if limit.days < 0 or paused_workdays < 0:
        raise ValueError("time limits and paused days must not be negative")
    _require_years(start, start, cal)
    if limit.unit is TimeUnit.NATURAL_DAY:
        d = start + timedelta(days=limit.days)
        _require_years(start, d, cal)
        if limit.days > 0:
            while d in cal.holidays:
                d += _ONE_DAY
                _require_years(d, d, cal)
        result = _add_workdays(d, paused_workdays, cal)
    else:
        result = _add_workdays(start, limit.days + paused_workdays, cal)
    _require_years(start, result, cal)
    return result


def working_days_between(a: date, b: date, cal: HolidayCalendar) -> int:
    """Working days in (a, b]: a is not counted, b is; negative when b is before a.

    So `working_days_between(s, due_date(s, TimeLimit(n), cal), cal) == n`, and a positive
    value of `working_days_between(due, today, cal)` is how many working days a case is overdue.
    """
    if b < a:
        return -working_days_between(b, a, cal)
    _require_years(a, b, cal)
    count = 0
    d = a
    while d < b:
        d += _ONE_DAY
        if is_workday(d, cal):
            count += 1
    return count


@lru_cache(maxsize=1)
def _package_base() -> HolidayCalendar:
    """Holiday data shipped in the chinesecalendar package (cached: it is read once at start-up)."""
    import chinese_calendar  # imported lazily so the rest of the domain never pays for it

    holidays = frozenset(chinese_calendar.holidays)
    workdays = frozenset(chinese_calendar.workdays)
    # A year counts as covered only if the package has its legal holidays; every real year has some.
    years = frozenset(d.year for d in holidays)
    return HolidayCalendar(holidays=holidays, makeup_workdays=workdays, years=years)


def build_calendar(
    overrides: Iterable[HolidayOverride] = (), declared_years: Iterable[int] = ()
) -> HolidayCalendar:
    """The package's holiday data with admin overrides applied on top, in the given order.

    `declared_years` are years an admin entered completely through overrides (for example
    next year's 国办 notice before a package update); they count as covered.
    """
    base = _package_base()
    holidays = set(base.holidays)
    workdays = set(base.makeup_workdays)
    for item in overrides:
        holidays.discard(item.day)
        workdays.discard(item.day)
        if item.kind == "holiday":
            holidays.add(item.day)
        elif item.kind == "workday":
            workdays.add(item.day)
    return HolidayCalendar(
        holidays=frozenset(holidays),
        makeup_workdays=frozenset(workdays),
        years=base.years | frozenset(declared_years),
    )
