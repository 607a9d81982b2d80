"""A throw-away PostgreSQL database on the server named by YICHUANG_TEST_PG_URL (gateway tests and benchmarks)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url

from gateway.db import normalise_url

# A server URL whose user may CREATE DATABASE; scripts/start-postgres.sh prints one.
PG_URL = os.environ.get("YICHUANG_TEST_PG_URL")


@contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    """Create an empty database, yield its URL, drop it afterwards (even with connections left open)."""
    assert PG_URL, "YICHUANG_TEST_PG_URL is not set"
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    server = create_engine(normalise_url(PG_URL), isolation_level="AUTOCOMMIT")
    with server.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(normalise_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()
