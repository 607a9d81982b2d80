"""Clocks: UTC for storage, the station's zone for every date a person sees."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """Anything that tells the current time (tests pass a fixed one)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock, always returned as aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, benchmarks)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        """Move forward by timedelta arguments."""
        self.at = self.at + timedelta(**kwargs)


def local_day(at: datetime, tz: ZoneInfo) -> date:
    """The station-local calendar day of a UTC instant (daily numbers, due dates, statistics)."""
    return at.astimezone(tz).date()


def day_bounds_utc(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where a station-local day starts and ends."""
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)
