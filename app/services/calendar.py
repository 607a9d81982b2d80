"""The deadline calendar: the package's holidays plus the admin's override table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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

    def overrides(self) -> list[OverrideInfo]:
        """Every override, by day."""
        with self._db.session() as s:
            rows = s.execute(select(OverrideRow).order_by(OverrideRow.day)).scalars()
            return [OverrideInfo(r.day, r.kind, r.note) for r in rows]
