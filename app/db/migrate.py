"""Start-up database care: integrity check, copy-aside migrations that never damage the file, daily backups."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DAILY_BACKUPS_KEPT = 7


class DatabaseProblem(Exception):
    """A database that cannot be opened safely; `message_zh` says what to do."""

    message_zh = "数据库无法打开。"


class DatabaseTooNew(DatabaseProblem):
    """The file was written by a newer release."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision
        self.message_zh = (
            f"数据库版本（{revision}）比本程序新，可能已被新版本使用过。"
            "请安装最新版本的一窗后再打开；数据库未做任何改动。"
        )


class DatabaseCorrupt(DatabaseProblem):
    """PRAGMA integrity_check did not say ok."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.message_zh = (
            f"数据库完整性检查未通过（{detail[:120]}）。请勿继续使用，"
            "请联系区管理员用 backups 文件夹中的最近备份恢复。数据库未做任何改动。"
        )


class MigrationFailed(DatabaseProblem):
    """An upgrade step failed; the original file is untouched and a copy was set aside."""

    def __init__(self, error: BaseException, backup: Path) -> None:
        super().__init__(str(error))
        self.backup = backup
        self.message_zh = (
            f"数据库升级失败：{error}。原数据库未被修改，升级前的副本保存在 {backup}。"
            "请把这段信息发给区管理员。"
        )


@dataclass(frozen=True)
class MigrationReport:
    """What start-up did to the database."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    """A programmatic config: absolute script location, so frozen builds find the scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    """The newest revision this release knows."""
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path) -> str | None:
    """The revision stamped in the file, or None for a new or unversioned file."""
    if not db_path.exists():
        return None
    con = sqlite3.connect(db_path)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        found = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return found[0] if found else None
    finally:
        con.close()


def check_integrity(db_path: Path) -> None:
    """Raise DatabaseCorrupt unless SQLite's integrity check says ok."""
    con = sqlite3.connect(db_path)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(str(exc)) from exc
    finally:
        con.close()
    if result != "ok":
        raise DatabaseCorrupt(result)


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy through SQLite's backup API (includes what is still in the WAL)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(src)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _upgrade(db_path: Path, script_location: Path) -> None:
    # Foreign keys stay off while batch operations rebuild tables (alembic's advice for SQLite).
    engine = create_engine(f"sqlite+pysqlite:///{db_path}", connect_args={"isolation_level": None})

    @event.listens_for(engine, "connect")
    def _wal(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA journal_mode=WAL")

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        # One transaction for the whole upgrade: it either all applies or none of it does.
        with engine.begin() as conn:
            cfg = alembic_config(script_location)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def migrate(db_path: Path, backups_dir: Path, *, script_location: Path = MIGRATIONS_DIR) -> MigrationReport:
    """Bring the file to head. An existing file is upgraded on a copy that replaces it only on success."""
    head = head_revision(script_location)
    if not db_path.exists():
        _upgrade(db_path, script_location)
        return MigrationReport(None, head, None)
    check_integrity(db_path)
    current = current_revision(db_path)
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config(script_location)).walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(current)
    if current == head:
        return MigrationReport(current, head, None)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = backups_dir / f"before-upgrade-{current or 'none'}-{stamp}.db"
    copy_database(db_path, backup)
    work = db_path.with_name(db_path.name + ".upgrading")
    work.unlink(missing_ok=True)
    copy_database(db_path, work)
    try:
        _upgrade(work, script_location)
    except Exception as exc:
        work.unlink(missing_ok=True)
        raise MigrationFailed(exc, backup) from exc
    _checkpoint(db_path)
    os.replace(work, db_path)
    return MigrationReport(current, head, backup)


def _checkpoint(db_path: Path) -> None:
    # Fold the WAL into the file and drop it, so no stale -wal is replayed onto the replacement.
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def daily_backup(db_path: Path, backups_dir: Path, today: date) -> Path | None:
    """Once a day, a consistent copy; the newest seven are kept."""
    target = backups_dir / f"daily-{today:%Y%m%d}.db"
    if target.exists() or not db_path.exists():
        return None
    copy_database(db_path, target)
    dailies = sorted(backups_dir.glob("daily-*.db"))
    for old in dailies[:-DAILY_BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target
