"""Gap-free serial numbers taken inside the caller's write transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def next_serial(session: Session, scope: str) -> int:
    """The next number in `scope`; the write lock of the transaction makes it unique across writers."""
    value = session.execute(
        text(
            "INSERT INTO counter (scope, value) VALUES (:scope, 1) "
            "ON CONFLICT(scope) DO UPDATE SET value = value + 1 RETURNING value"
        ),
        {"scope": scope},
    ).scalar_one()
    return int(value)
