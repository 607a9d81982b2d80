"""SyncService: the status line, lists with reasons, requeue, settings, credential, worker and lock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.db.outbox import add_op
from app.services.errors import ServiceError
from app.sync.worker import DatabaseLock, SyncWorker
from app.sync_commands import run_sync_command
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    add_case_ops,
    free_port,
    gateway_fixture,
    outbox_states,
)


def connect(ctx: Any, gw: Gateway) -> None:
    ctx.sync.save_settings(url=gw.url, verify_tls=True, credential=gw.token, by="admin")


def test_status_line_goes_from_pending_to_synced(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 4)
    assert ctx.sync.status().text == "未连接区平台 · 待上传 4"
    with pytest.raises(ServiceError):
        ctx.sync.sync_now()  # not configured yet: a clear message, nothing lost
    connect(ctx, gateway)
    assert ctx.secrets.get("sync.credential") == gateway.token
    assert not ctx.sync.settings().url == ""
    ctx.clock.at = datetime.now(UTC)
    assert ctx.sync.sync_now().outcome == "ok"
    st = ctx.sync.status()
    assert (st.text, st.pending, st.warnings) == ("已同步", 0, ())
    assert st.last_push is not None and st.last_pull is not None


def test_offline_quarantine_and_warnings(ctx: Any, gateway: Gateway) -> None:
    ctx.sync.save_settings(url=f"http://127.0.0.1:{free_port()}", verify_tls=False, credential="x", by="admin")
    add_case_ops(ctx, 2)
    assert ctx.sync.sync_now().outcome == "offline"
    st = ctx.sync.status()
    assert st.text.startswith("离线 自 11-27 10:00") and st.text.endswith("待上传 2")
    assert any("TLS" in w for w in st.warnings)
    ctx.clock.advance(hours=25)
    assert any("24" in w or "25" in w for w in ctx.sync.status().warnings)
    # back online, with a poison op among them
    connect(ctx, gateway)
    with ctx.db.session() as s:
        add_op(s, entity="case", entity_id="c-bad", case_id="c-bad", op_type="create",
               payload={"catalogue_version": "2026.11.1"}, at=ctx.clock.now(), operator_id="clerk")
    ctx.sync.sync_now()
    st = ctx.sync.status()
    assert st.text == "已同步 · 隔离 1" and st.quarantined == 1
    assert any("时钟" in w for w in st.warnings)  # the fixed test clock is hours off the server's
    [row] = ctx.sync.list_ops("quarantined")
    assert row.code == "invalid_payload" and row.reason  # the gateway's Chinese message
    # T6: the corrected record goes out as a new op
    new_id = ctx.sync.requeue(row.op_id, by="admin", payload={"item_code": "FIXED", "catalogue_version": "2026.11.1"})
    assert new_id != row.op_id and ctx.sync.list_ops("pending")[0].op_id == new_id
    ctx.sync.sync_now()
    assert outbox_states(ctx) == {"acked": 3, "requeued": 1}
    assert gateway.cases() == 3
    with pytest.raises(ServiceError):
        ctx.sync.requeue(row.op_id, by="admin")


def test_bad_url_is_refused(ctx: Any) -> None:
    with pytest.raises(ServiceError) as err:
        ctx.sync.save_settings(url="ftp://x", verify_tls=True, credential=None, by="admin")
    assert "https://" in err.value.message_zh


def test_worker_runs_wakes_and_is_alone_per_database(ctx: Any, gateway: Gateway) -> None:
    connect(ctx, gateway)
    add_case_ops(ctx, 3)
    assert ctx.sync.start_worker()
    worker = ctx.sync.worker
    assert worker.runs.acquire(timeout=30)
    assert outbox_states(ctx) == {"acked": 3}
    second = SyncWorker(ctx.sync.engine, DatabaseLock(ctx.db.path))
    assert not second.start()  # R5: one worker per database
    assert run_sync_command(ctx, ["run", "--once"]) == 2  # nor a command beside it
    add_case_ops(ctx, 2)
    ctx.sync.wake()  # 立即同步 instead of waiting out the idle interval
    assert worker.runs.acquire(timeout=30)
    assert outbox_states(ctx) == {"acked": 5}
    ctx.sync.stop_worker()
    assert second.start()
    second.stop()


def test_backoff_is_full_jitter_capped_and_reset_on_success(ctx: Any) -> None:
    from app.sync.worker import RunReport

    worker = SyncWorker(ctx.sync.engine, DatabaseLock(ctx.db.path), rng=lambda: 1.0)
    delays = [worker.next_delay(RunReport(outcome="offline")) for _ in range(12)]
    assert delays[:4] == [2.0, 4.0, 8.0, 16.0] and max(delays) == 600.0
    assert worker.next_delay(RunReport(outcome="offline", retry_after=None)) == 600.0
    worker.next_delay(RunReport())
    assert worker.next_delay(RunReport(outcome="offline")) == 2.0
    assert SyncWorker(ctx.sync.engine, DatabaseLock(ctx.db.path), rng=lambda: 0.0).next_delay(
        RunReport(outcome="offline", retry_after=30.0)) == 30.0


def test_sync_commands(ctx: Any, gateway: Gateway, tmp_path: Any, capsys: Any) -> None:
    connect(ctx, gateway)
    add_case_ops(ctx, 2)
    assert run_sync_command(ctx, ["export-bundle", str(tmp_path / "b.ycb")]) == 0
    assert run_sync_command(ctx, ["run", "--once"]) == 0
    assert run_sync_command(ctx, ["status"]) == 0
    out = capsys.readouterr().out
    assert "已导出 2 条" in out and "已同步" in out
