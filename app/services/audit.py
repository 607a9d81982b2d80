"""The audit log: append inside the action's transaction; verify the whole chain on demand."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditLog
from app.db.session import Database
from app.security.audit_chain import GENESIS, AuditEntry, make_entry, verify_chain


def append_audit(
    session: Session, *, at: datetime, operator: str, action: str, detail: Mapping[str, Any] | None = None
) -> AuditLog:
    """Add the next link of the chain; runs under the transaction's write lock, so seq is unique."""
    last = session.execute(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).scalar_one_or_none()
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    entry = make_entry(seq, at.isoformat(), operator, action, dict(detail or {}), prev)
    row = AuditLog(
        seq=entry.seq, at=entry.at_utc, operator=entry.operator, action=entry.action,
        detail=dict(entry.detail), prev_hash=entry.prev_hash, hash=entry.hash,
    )
    session.add(row)
    session.flush()
    return row


def _entries(session: Session) -> Iterator[AuditEntry]:
    stmt = select(AuditLog).order_by(AuditLog.seq).execution_options(yield_per=2000)
    for row in session.execute(stmt).scalars():
        yield AuditEntry(row.seq, row.at, row.operator, row.action, row.detail, row.prev_hash, row.hash)


def verify_audit(db: Database) -> tuple[int, int | None]:
    """(number of rows, seq of the first broken link or None)."""
    with db.session() as session:
        count = session.query(AuditLog).count()
        return count, verify_chain(_entries(session))
