"""Queue categories, tickets (排队号) and their events."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id


class QueueCategory(Base):
    """A ticket category with its prefix, daily cap and issuing hours."""

    __tablename__ = "queue_category"
    prefix: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    daily_cap: Mapped[int] = mapped_column(default=300)
    open_from: Mapped[str] = mapped_column(String(5), default="08:30")
    open_until: Mapped[str] = mapped_column(String(5), default="17:00")
    enabled: Mapped[bool] = mapped_column(default=True)
    ord: Mapped[int] = mapped_column(default=0)


class QueueTicket(Base):
    """A 排队号: per station-local day, per category prefix, numbered without gaps or duplicates."""

    __tablename__ = "queue_ticket"
    __table_args__ = (
        UniqueConstraint("day", "prefix", "number"),
        Index("ix_queue_ticket_day_status", "day", "status"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    day: Mapped[date]
    prefix: Mapped[str] = mapped_column(String(2))
    number: Mapped[int]
    ticket_no: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(2))
    priority: Mapped[str] = mapped_column(String(12), default="none")
    status: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime]
    appointment_hash: Mapped[str | None] = mapped_column(String(64))
    slot_start: Mapped[datetime | None]
    slot_end: Mapped[datetime | None]
    recalls: Mapped[int] = mapped_column(default=0)
    window_no: Mapped[str | None] = mapped_column(String(10))
    operator_id: Mapped[str | None] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime]
    # When it last re-entered a queue (transfer, reactivation); ordering may use it.
    requeued_at: Mapped[datetime | None]
    # Durations in seconds derived from the events when the ticket finishes (metrics.ticket_durations),
    # so a year of statistics summarises columns instead of replaying every event.
    wait_s: Mapped[float | None]
    walk_up_s: Mapped[float | None]
    service_s: Mapped[float | None]


class QueueEvent(Base):
    """One queue transition or operator pause/resume (ticket_id empty); statistics come from these."""

    __tablename__ = "queue_event"
    __table_args__ = (Index("ix_queue_event_at", "at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    ticket_id: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str | None] = mapped_column(String(12))
    category: Mapped[str | None] = mapped_column(String(2))
    operator_id: Mapped[str | None] = mapped_column(String(36))
    window_no: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Events in one transaction share a timestamp; seq keeps their order for replay.
    seq: Mapped[int] = mapped_column(default=0)


class QueueWindow(Base):
    """This window's calling state: priority streak, pause, and which categories it calls."""

    __tablename__ = "queue_window"
    window_no: Mapped[str] = mapped_column(String(10), primary_key=True)
    streak: Mapped[int] = mapped_column(default=0)
    priority_ratio: Mapped[int] = mapped_column(default=2)
    categories: Mapped[list[Any] | None] = mapped_column(default=None)
    paused_since: Mapped[datetime | None]
    pause_reason: Mapped[str | None] = mapped_column(Text)
    paused_by: Mapped[str | None] = mapped_column(String(36))
