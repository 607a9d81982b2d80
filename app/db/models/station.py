"""Station identity, operators, settings, counters, holidays and the audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id, utcnow


class Station(Base):
    """The one station (hall or village station) and window this install serves."""

    __tablename__ = "station"
    id: Mapped[int] = mapped_column(primary_key=True)
    area_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))
    window_no: Mapped[str] = mapped_column(String(10))
    agency_name: Mapped[str] = mapped_column(String(100), default="")
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")
    demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Operator(Base):
    """A person who logs in: counter staff, supervisor or administrator."""

    __tablename__ = "operator"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """A station setting kept in the database (printers, idle lock, sync address …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Counter(Base):
    """Gap-free serials (case numbers per day, document numbers per kind and year)."""

    __tablename__ = "counter"
    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class HolidayOverride(Base):
    """An admin's correction of the holiday calendar (holiday, makeup workday, or normal)."""

    __tablename__ = "holiday_override"
    day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(100), default="")
    updated_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class HolidayYear(Base):
    """A year an admin declared complete in the override table (for years the package lacks)."""

    __tablename__ = "holiday_year"
    year: Mapped[int] = mapped_column(primary_key=True)
    declared_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    declared_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditLog(Base):
    """Append-only, hash-chained record of who did what."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO text: hashed exactly as stored
    operator: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
