"""Engine and session set-up for the gateway database (SQLite pilot or PostgreSQL district)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from gateway.models import Base, ServerState


def normalise_url(db_url: str) -> str:
    """Map bare `postgresql://` to the psycopg 3 driver (psycopg2 is not installed); keep others as given."""
    if db_url.startswith("postgresql://") or db_url.startswith("postgres://"):
        return "postgresql+psycopg://" + db_url.split("://", 1)[1]
    return db_url


def _configure_sqlite(engine: Engine) -> None:
    """WAL, and BEGIN IMMEDIATE so concurrent writers queue instead of failing on a lock upgrade."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(db_url: str) -> Engine:
    """Create an engine with the settings the gateway relies on."""
    url = normalise_url(db_url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


class Store:
    """The gateway's database: engine, sessions and one-time schema set-up."""

    def __init__(self, db_url: str) -> None:
        self.engine = make_engine(db_url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.init_schema()

    def init_schema(self) -> None:
        """Create missing tables and the server_state row with a fresh epoch."""
        Base.metadata.create_all(self.engine)
        with self.session() as s:
            if s.get(ServerState, 1) is None:
                s.add(ServerState(id=1, epoch=uuid.uuid4().hex, last_seq=0))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error."""
        s = self._sessions()
        try:
            with s.begin():
                yield s
        finally:
            s.close()

    def epoch(self) -> str:
        """The current server epoch."""
        with self.session() as s:
            return s.execute(select(ServerState.epoch).where(ServerState.id == 1)).scalar_one()

    def rotate_epoch(self) -> str:
        """Start a new epoch, e.g. after restoring from backup, so stations reconcile (R13)."""
        with self.session() as s:
            state = s.get(ServerState, 1, with_for_update=True)
            assert state is not None
            state.epoch = uuid.uuid4().hex
            return state.epoch

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()
