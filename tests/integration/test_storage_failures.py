"""A full disk or a locked database while saving: a Chinese message, nothing half-written, the input kept."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from app.services.errors import message_of


def test_full_disk_during_an_action_saves_nothing_and_says_so(ctx) -> None:
    from sqlalchemy import event

    from app.security.roles import Role

    before = len(ctx.auth.list_operators())

    def disk_full(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        # SQLite's own SQLITE_FULL, raised where the last write of the action (its audit row) would land.
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_LOG"):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(ctx.db.engine, "before_cursor_execute", disk_full)
    try:
        with pytest.raises(OperationalError) as err:
            ctx.auth.create_operator(username="clerk9", display_name="新人", role=Role.CLERK, password="counter2026")
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", disk_full)
    assert "磁盘已满" in message_of(err.value) and "仍在" in message_of(err.value)
    assert len(ctx.auth.list_operators()) == before  # the account row went with the failed transaction


@pytest.mark.parametrize(("detail", "words"), [
    ("database is locked", "另一个程序占用"),
    ("attempt to write a readonly database", "不可写"),
    ("something else entirely", "已录入的内容仍保留"),
])
def test_storage_messages(detail: str, words: str) -> None:
    assert words in message_of(OperationalError("INSERT …", {}, sqlite3.OperationalError(detail)))
