"""Clocks for services (the pure definitions live in app.domain.clock)."""

from app.domain.clock import Clock, FixedClock, SystemClock, day_bounds_utc, local_day

__all__ = ["Clock", "FixedClock", "SystemClock", "day_bounds_utc", "local_day"]
