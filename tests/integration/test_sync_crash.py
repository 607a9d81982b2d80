"""T5: kill -9 of a client subprocess at each boundary; on restart nothing is lost or duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from typing import Any

from app.sync import outbox_store as store
from gateway import admin
from tests.integration.test_sync_pull import local_case, read_case
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    STATION,
    Gateway,
    add_case_ops,
    gateway_fixture,
    make_engine,
    outbox_states,
)

# The child syncs the same profile database and freezes at the chosen boundary until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    import httpx
    from app.db.session import Database
    from app.services.clock import SystemClock
    from app.sync import outbox_store, worker
    from app.sync.client import SyncClient

    db_path, url, station, token, mode = sys.argv[1:6]

    def freeze(tag):
        print(tag, flush=True)
        sys.stdin.readline()  # never answered: the parent kills us here

    class AfterCommit(httpx.HTTPTransport):
        def handle_request(self, request):
            response = super().handle_request(request)
            if mode == "push" and request.url.path.endswith("ops:batch"):
                response.read()
                freeze("SERVER_COMMITTED")  # the server has the batch, the client has no ack
            return response

    if mode == "pull":
        real = outbox_store.apply_changes
        def apply_then_freeze(s, changes, cursor):
            n = real(s, changes, cursor)
            s.flush()
            freeze("PAGE_APPLIED_NOT_COMMITTED")
            return n
        outbox_store.apply_changes = apply_then_freeze

    cfg = worker.SyncConfig(url, station, token)
    factory = lambda c: SyncClient(c.url, c.station_code, c.token, transport=AfterCommit())
    engine = worker.SyncEngine(Database(Path(db_path)), SystemClock(), lambda: cfg, client_factory=factory)
    engine.recover()
    engine.run_once()
    print("FINISHED", flush=True)
""")


def run_and_kill(ctx: Any, gw: Gateway, mode: str) -> str:
    """Start the child, wait for its boundary line, kill -9 it; returns the line it printed."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ctx.db.path), gw.url, STATION, gw.token, mode],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    return line


def test_kill_after_the_server_committed_before_the_ack(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 80)
    assert run_and_kill(ctx, gateway, "push") == "SERVER_COMMITTED"
    # the next batch was already picked while the first was on the wire: both are left inflight
    assert outbox_states(ctx) == {"inflight": 80}
    assert gateway.cases() == 50
    engine = make_engine(ctx, gateway)
    assert engine.recover() == 80
    report = engine.run_once()
    assert report.pushed["duplicate"] == 50 and report.pushed["applied"] == 30
    assert outbox_states(ctx) == {"acked": 80} and gateway.cases() == 80 == gateway.processed()


def test_kill_after_local_commit_before_send(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 10)  # committed locally; the child is killed before it sends anything
    child = subprocess.Popen([sys.executable, "-c", "import sys; print('READY', flush=True); sys.stdin.readline()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    engine = make_engine(ctx, gateway)
    engine.recover()
    assert engine.run_once().pushed["applied"] == 10
    assert gateway.cases() == 10


def test_kill_while_applying_a_pull_page_keeps_the_cursor(ctx: Any, gateway: Gateway) -> None:
    case_id = local_case(ctx)
    engine = make_engine(ctx, gateway)
    engine.run_once()
    with ctx.db.session() as s:
        cursor_before = store.get_state(s, "cursor")
    admin.set_case_status(gateway.store, case_id, "completed")
    assert run_and_kill(ctx, gateway, "pull") == "PAGE_APPLIED_NOT_COMMITTED"
    with ctx.db.session() as s:
        assert store.get_state(s, "cursor") == cursor_before  # not moved past unapplied changes
    assert read_case(ctx, case_id).district_status is None
    assert engine.run_once().pulled == 1
    assert read_case(ctx, case_id).district_status == "completed"
