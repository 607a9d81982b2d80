"""The deadline calendar: the package's holidays plus the admin's override table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select

from app.db.models import HolidayOverride as OverrideRow
from app.db.models import HolidayYear
from app.db.session import Database
from app.domain.calendar import CalendarMissing, HolidayCalendar, HolidayOverride, build_calendar, due_date
from app.domain.units import TimeLimit
from app.services.audit import append_audit
from app.services.clock import Clock
from app.services.errors import ServiceError


@dataclass(frozen=True)
class OverrideInfo:
    """One admin correction, as the settings page lists it."""

    day: date
    kind: str
    note: str


class CalendarService:
    """Builds the calendar from the database; due dates never guess a year without data."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._cached: HolidayCalendar | None = None

    def calendar(self) -> HolidayCalendar:
        """The current calendar (rebuilt after each admin change)."""
        if self._cached is None:
            with self._db.session() as s:
                rows = s.execute(select(OverrideRow)).scalars().all()
                years = s.execute(select(HolidayYear.year)).scalars().all()
                overrides = [HolidayOverride(r.day, r.kind) for r in rows]  # type: ignore[arg-type]
            self._cached = build_calendar(overrides, years)
        return self._cached

    def due(self, start: date, limit: TimeLimit, paused_workdays: int = 0) -> date:
        """The due date, or a ServiceError asking the admin to add the missing year."""
        try:
            return due_date(start, limit, self.calendar(), paused_workdays)
        except CalendarMissing as exc:
            raise ServiceError(exc.message_zh, code="calendar_missing") from exc

    def set_override(self, day: date, kind: str, note: str = "", *, by: str) -> None:
        """Mark a day as holiday, makeup workday, or normal (removes the override)."""
        if kind not in ("holiday", "workday", "normal"):
            raise ServiceError("日期类型只能是“节假日”“调休上班”或“恢复正常”。", code="kind")
        now = self._clock.now()
        with self._db.session() as s:
            s.execute(delete(OverrideRow).where(OverrideRow.day == day))
            if kind != "normal":
                s.add(OverrideRow(day=day, kind=kind, note=note, updated_at=now))
            append_audit(s, at=now, operator=by, action="calendar.override",
                         detail={"day": day.isoformat(), "kind": kind})
        self._cached = None

    def declare_year(self, year: int, *, by: str) -> None:
        """Declare a year's holidays complete (entered by hand because the package lacks it)."""
        now = self._clock.now()
        with self._db.session() as s:
            if s.get(HolidayYear, year) is None:
                s.add(HolidayYear(year=year, declared_at=now))
            append_audit(s, at=now, operator=by, action="calendar.declare_year", detail={"year": year})
        self._cached = None

    def replace_years(self, years: list[int], days: list[OverrideInfo], *, by: str, source: str) -> None:
        """Install a whole published calendar in one transaction: for each of `years`, the override table
        becomes exactly `days` and the year is declared; one audit entry. Any error leaves it as it was."""
        if not years or any(d.kind not in ("holiday", "workday") or d.day.year not in years for d in days):
            raise ServiceError("下发的节假日表有不在声明年份内或类型不对的日期，已保留原日历。", code="calendar_data")
        now = self._clock.now()
        with self._db.session() as s:
            s.execute(delete(OverrideRow).where(OverrideRow.day.in_(_days_in(s, years))))
            s.add_all(OverrideRow(day=d.day, kind=d.kind, note=d.note[:100], updated_at=now) for d in days)
            for year in years:
                if s.get(HolidayYear, year) is None:
                    s.add(HolidayYear(year=year, declared_at=now))
            append_audit(s, at=now, operator=by, action="calendar.replace_years",
                         detail={"years": sorted(years), "days": len(days), "source": source})
        self._cached = None

    def overrides(self) -> list[OverrideInfo]:
        """Every override, by day."""
        with self._db.session() as s:
            rows = s.execute(select(OverrideRow).order_by(OverrideRow.day)).scalars()
            return [OverrideInfo(r.day, r.kind, r.note) for r in rows]


def _days_in(s: Any, years: list[int]) -> list[date]:
    """Override days that fall in one of `years` (the years need not be contiguous)."""
    rows = s.execute(select(OverrideRow.day)).scalars()
    wanted = set(years)
    return [d for d in rows if d.year in wanted]
