"""Alembic environment: programmatic, connection shared by app.db.migrate, batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from app.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run through the alembic CLI
    raise RuntimeError("run migrations through app.db.migrate")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
