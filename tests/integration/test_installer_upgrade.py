"""Upgrades: a profile written by version N is migrated by version N+1 with every row kept, and N refuses N+1's file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.db.migrate import MIGRATIONS_DIR, DatabaseTooNew, current_revision, head_revision, migrate
from tests.conftest import T0, make_context

NEXT_REVISION = '''"""Version N+1 (test only): a new table and a new nullable column."""
import sqlalchemy as sa
from alembic import op

revision = "9999_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer, primary_key=True), sa.Column("note", sa.Text))
    with op.batch_alter_table("case_record") as batch:
        batch.add_column(sa.Column("upgrade_note", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_record") as batch:
        batch.drop_column("upgrade_note")
    op.drop_table("upgrade_probe")
'''


def _seed_case(ctx) -> str:  # type: ignore[no-untyped-def]
    """One case row as version N wrote it (through the models, so the test does not wait for the intake UI)."""
    from sqlalchemy import select

    from app.db.models.cases import Applicant, Case
    from app.db.models.catalogue import ServiceItemRow
    from app.db.models.station import Operator

    with ctx.db.session() as s:
        item = s.scalars(select(ServiceItemRow).order_by(ServiceItemRow.id)).first()
        clerk = s.scalars(select(Operator).where(Operator.username == "clerk")).one()
        applicant = Applicant(kind="person", name="张三", cert_type="身份证", cert_no_enc="x", cert_no_hash="h" * 64)
        s.add(applicant)
        s.flush()
        case = Case(provisional_no="L-UPGRADE-0001", query_password="123456", item_id=item.id,
                    item_code=item.code, catalogue_version="demo", applicant_id=applicant.id, status="accepted",
                    project_type=1, received_at=T0, due_date=date(2026, 12, 4), operator_id=clerk.id,
                    window_no="3")
        s.add(case)
        s.flush()
        return case.id


def _dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (alembic's own bookkeeping excepted), in a stable order."""
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


@pytest.fixture
def next_version_migrations(tmp_path: Path) -> Path:
    """A copy of this release's migrations plus one throwaway revision: what version N+1 would ship."""
    target = tmp_path / "migrations_next"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9999_next.py").write_text(NEXT_REVISION.format(head=head_revision()), encoding="utf-8")
    return target


def test_upgrade_keeps_cases_and_data(tmp_path: Path, next_version_migrations: Path) -> None:
    from app.services.demo import fill_demo

    profile = tmp_path / "profile"
    ctx = make_context(profile)
    fill_demo(ctx)
    ctx.auth.login("clerk", "yichuang2026")  # leaves audit rows behind
    case_id = _seed_case(ctx)
    db_path, backups = ctx.profile.db_path, ctx.profile.backups_dir
    ctx.close()
    before = _dump(db_path)
    assert before["case_record"] and before["operator"] and before["service_item"] and before["audit_log"]

    report = migrate(db_path, backups, script_location=next_version_migrations)

    assert (report.from_revision, report.to_revision) == (head_revision(), "9999_next")
    assert current_revision(db_path) == "9999_next"
    after = _dump(db_path)
    assert after.pop("upgrade_probe") == []
    cases_after = after.pop("case_record")
    assert [row[:-1] for row in cases_after] == before.pop("case_record")  # new column appended, all NULL
    assert all(row[-1] is None for row in cases_after)
    after_ids = {row[0] for row in cases_after}
    assert case_id in after_ids
    assert after == before
    # The copy taken before the upgrade is still version N, untouched.
    assert report.backup is not None and current_revision(report.backup) == head_revision()


def test_older_release_refuses_a_newer_database(tmp_path: Path, next_version_migrations: Path) -> None:
    ctx = make_context(tmp_path / "profile")
    db_path, backups = ctx.profile.db_path, ctx.profile.backups_dir
    ctx.close()
    migrate(db_path, backups, script_location=next_version_migrations)
    untouched = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew):
        migrate(db_path, backups)  # version N opening N+1's file (a downgrade install)
    assert db_path.read_bytes() == untouched


def test_reopening_an_upgraded_profile_is_a_no_op(tmp_path: Path) -> None:
    ctx = make_context(tmp_path / "profile")
    db_path, backups = ctx.profile.db_path, ctx.profile.backups_dir
    ctx.close()
    report = migrate(db_path, backups)
    assert report.from_revision == report.to_revision == head_revision()
    assert report.backup is None
