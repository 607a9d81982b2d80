"""The outbox (one row per local change) and the sync bookkeeping."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class Outbox(Base):
    """R2: written in the same transaction as the change; never deleted on send (R3)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "client_seq"),)
    client_seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    op_type: Mapped[str] = mapped_column(String(30))
    base_version: Mapped[int | None]
    payload: Mapped[dict[str, Any]]
    payload_sha256: Mapped[str] = mapped_column(String(64))
    client_ts: Mapped[datetime]
    operator_id: Mapped[str | None] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict[str, Any] | None]
    acked_at: Mapped[datetime | None]


class SyncState(Base):
    """Key/value bookkeeping of the sync worker: cursor, server epoch, last push and pull."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
