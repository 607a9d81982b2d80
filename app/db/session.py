"""Engine and session scope: SQLite in WAL mode, foreign keys on, one session per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # FULL makes every commit durable (fsync) — a power cut at a village station must lose nothing.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(path: Path) -> Engine:
    """An engine on the profile database file."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "isolation_level": None},
        pool_pre_ping=False,
    )
    event.listen(engine, "connect", _on_connect)

    # pysqlite's own transaction handling is off (isolation_level=None); we issue BEGIN IMMEDIATE
    # so concurrent writers (UI and sync worker) queue on the lock instead of failing mid-transaction.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Database:
    """The profile database: hands out short sessions, one per user action."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        with self._factory() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close every pooled connection (before copying or replacing the file)."""
        self.engine.dispose()
