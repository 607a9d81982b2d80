"""Gateway tables (SQLAlchemy 2): portable types so one schema runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments an INTEGER PRIMARY KEY, PostgreSQL gets a real bigint identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and always returned timezone-aware, whatever the backend keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Refuse naive datetimes: every stored timestamp is UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """SQLite hands back naive values; they were written as UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The server clock, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of the gateway schema."""


class ServerState(Base):
    """Single row: server epoch (changes on restore from backup) and the change-feed counter."""

    __tablename__ = "server_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32))
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class Station(Base):
    """A station credential; only derived digests of the token are kept."""

    __tablename__ = "stations"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    is_district: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ProcessedOp(Base):
    """Idempotency record (R7), inserted in the same transaction that applies the op."""

    __tablename__ = "processed_ops"
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    server_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    message: Mapped[str | None] = mapped_column(String(400), nullable=True)
    client_seq: Mapped[int] = mapped_column(BigInteger)
    client_ts: Mapped[datetime] = mapped_column(UtcDateTime)
    operator_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class _Record:
    """Columns shared by every synced entity row."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    day: Mapped[str] = mapped_column(String(10), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    create_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CaseRow(_Record, Base):
    """A case (办件): window-owned intake fields in `payload`, district-owned status in columns."""

    __tablename__ = "cases"
    item_code: Mapped[str] = mapped_column(String(64))
    catalogue_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="accepted")
    status_note: Mapped[str | None] = mapped_column(String(400), nullable=True)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    # Version at which window-owned fields last changed: a district status change alone is no conflict (R14).
    window_version: Mapped[int] = mapped_column(Integer, default=1)


class CaseEventRow(_Record, Base):
    """An event appended to a case's history at the window."""

    __tablename__ = "case_events"
    case_id: Mapped[str] = mapped_column(String(64), index=True)
    event_type: Mapped[str] = mapped_column(String(40))


class QueueEventRow(_Record, Base):
    """A queue transition (issue, call, serve, finish …) reported by a station."""

    __tablename__ = "queue_events"
    event_type: Mapped[str] = mapped_column(String(40))
    ticket_no: Mapped[str] = mapped_column(String(32))


class EvaluationRow(_Record, Base):
    """A 好差评 score given by an applicant."""

    __tablename__ = "evaluations"
    case_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None while the rating is pending


class BadReviewRow(_Record, Base):
    """A 差评 follow-up ticket opened by a score of 1–2."""

    __tablename__ = "bad_reviews"
    evaluation_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(32), default="open")


class ChangeRow(Base):
    """The pull feed: `seq` is assigned under the server_state row lock, so it follows commit order."""

    __tablename__ = "changes"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    station_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64))
    change_type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_changes_station_seq", "station_code", "seq"),)


class Snapshot(Base):
    """Latest catalogue or holiday calendar; `kind` is 'catalogue' or 'holidays'."""

    __tablename__ = "snapshots"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Blob(Base):
    """Content-addressed attachment (R11)."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    station_code: Mapped[str] = mapped_column(String(12))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class StationHealth(Base):
    """Last heartbeat per station (R18)."""

    __tablename__ = "station_health"
    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
