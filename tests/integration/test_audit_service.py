"""The audit log is append-only and hash-chained; `yichuang audit verify` finds the first broken link."""

from __future__ import annotations

import sqlite3

from app.cli import main
from app.services.audit import verify_audit


def test_actions_are_chained_and_verify(ctx) -> None:
    ctx.auth.login("clerk", "yichuang2026")
    rows, broken = verify_audit(ctx.db)
    assert rows >= 5 and broken is None


def test_tampering_is_found_at_the_changed_row(ctx) -> None:
    ctx.auth.login("clerk", "yichuang2026")
    ctx.close()
    con = sqlite3.connect(ctx.profile.db_path)
    con.execute("UPDATE audit_log SET operator = 'someone-else' WHERE seq = 3")
    con.commit()
    con.close()
    rows, broken = verify_audit(ctx.db)
    assert broken == 3


def test_deleting_a_row_is_found(ctx) -> None:
    ctx.close()
    con = sqlite3.connect(ctx.profile.db_path)
    con.execute("DELETE FROM audit_log WHERE seq = 2")
    con.commit()
    con.close()
    assert verify_audit(ctx.db)[1] == 2


def test_cli_reports_the_break(ctx, capsys) -> None:
    ctx.close()
    assert main(["--profile", str(ctx.profile.root), "audit", "verify"]) == 0
    assert "哈希链无断裂" in capsys.readouterr().out
    con = sqlite3.connect(ctx.profile.db_path)
    con.execute("UPDATE audit_log SET detail = '{}' WHERE seq = 4")
    con.commit()
    con.close()
    assert main(["--profile", str(ctx.profile.root), "audit", "verify"]) == 1
    assert "第 4 条" in capsys.readouterr().out
