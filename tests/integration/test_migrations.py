"""Migrations: empty → head, a copy set aside before upgrading, a failing step leaves the original untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db.migrate import (
    MIGRATIONS_DIR,
    DatabaseCorrupt,
    DatabaseTooNew,
    MigrationFailed,
    current_revision,
    daily_backup,
    head_revision,
    migrate,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scripts_with(tmp_path: Path, body: str) -> Path:
    """A copy of our migrations plus one more revision on top."""
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_extra.py").write_text(
        f'revision = "9999"\ndown_revision = "{head_revision()}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        f"def upgrade():\n{body}\n\ndef downgrade():\n    pass\n", encoding="utf-8")
    return scripts


def test_empty_database_goes_to_head(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    report = migrate(db, tmp_path / "backups")
    assert report.from_revision is None and report.to_revision == head_revision()
    assert current_revision(db) == head_revision()
    tables = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"case_record", "queue_ticket", "outbox", "audit_log", "service_item"} <= tables


def test_upgrade_sets_a_copy_aside_and_keeps_data(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    migrate(db, tmp_path / "backups")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO counter (scope, value) VALUES ('kept', 41)")
    con.commit()
    con.close()
    scripts = _scripts_with(tmp_path, "    op.add_column('counter', sa.Column('note', sa.String(20)))")
    report = migrate(db, tmp_path / "backups", script_location=scripts)
    assert report.from_revision == head_revision() and report.to_revision == "9999"
    assert report.backup is not None and report.backup.exists()
    assert current_revision(report.backup) == head_revision()
    assert sqlite3.connect(db).execute("SELECT value FROM counter WHERE scope='kept'").fetchone() == (41,)


def test_failing_migration_leaves_original_untouched(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    migrate(db, tmp_path / "backups")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO counter (scope, value) VALUES ('kept', 7)")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _digest(db)
    scripts = _scripts_with(tmp_path, "    op.create_table('half', sa.Column('id', sa.Integer, primary_key=True))\n"
                                      "    raise RuntimeError('step two breaks')")
    with pytest.raises(MigrationFailed) as err:
        migrate(db, tmp_path / "backups", script_location=scripts)
    assert "原数据库未被修改" in err.value.message_zh
    assert _digest(db) == before
    assert current_revision(db) == head_revision()
    assert err.value.backup.exists()
    assert not db.with_name(db.name + ".upgrading").exists()


def test_database_from_a_newer_release_is_refused_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    migrate(db, tmp_path / "backups")
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'f00d'")
    con.commit()
    con.close()
    before = _digest(db)
    with pytest.raises(DatabaseTooNew) as err:
        migrate(db, tmp_path / "backups")
    assert "比本程序新" in err.value.message_zh
    assert _digest(db) == before


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseCorrupt) as err:
        migrate(db, tmp_path / "backups")
    assert "完整性" in err.value.message_zh


def test_daily_backup_keeps_seven(tmp_path: Path) -> None:
    from datetime import date, timedelta

    db = tmp_path / "y.db"
    migrate(db, tmp_path / "backups")
    for n in range(10):
        daily_backup(db, tmp_path / "backups", date(2026, 11, 1) + timedelta(days=n))
    kept = sorted(p.name for p in (tmp_path / "backups").glob("daily-*.db"))
    assert kept == [f"daily-202611{d:02d}.db" for d in range(4, 11)]
    assert daily_backup(db, tmp_path / "backups", date(2026, 11, 10)) is None  # once a day
