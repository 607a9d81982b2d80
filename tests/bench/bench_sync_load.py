"""Load benchmark (issue #6): 315 stations × 1,400 pending ops drain concurrently into ONE gateway on PostgreSQL.

A station here is a light client loop (the real SyncClient and real Op payloads, batches of 50), not a whole
profile; a pool of worker threads takes stations one by one. Every op must be applied exactly once.

Run: YICHUANG_TEST_PG_URL=$(scripts/start-postgres.sh) python -m pytest tests/bench/bench_sync_load.py \
         -p no:cacheprovider --benchmark-only -q -s --timeout=0
(the full run takes a quarter of an hour on two cores: --timeout=0 lifts the suite's 300 s test limit).
Scale down with YICHUANG_LOAD_STATIONS, YICHUANG_LOAD_OPS and YICHUANG_LOAD_WORKERS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.sync.client import SyncClient, SyncTransportError
from app.sync.protocol import MAX_OPS_PER_BATCH, Op, make_op
from gateway import admin
from gateway.db import Store
from gateway.models import CaseEventRow, CaseRow, ProcessedOp, QueueEventRow
from tests.integration.pg import PG_URL, fresh_database
from tests.integration.test_sync_support import free_port

STATIONS = int(os.environ.get("YICHUANG_LOAD_STATIONS", "315"))
OPS = int(os.environ.get("YICHUANG_LOAD_OPS", "1400"))
WORKERS = int(os.environ.get("YICHUANG_LOAD_WORKERS", "24"))
START = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def station_code(i: int) -> str:
    """A distinct 12-digit division code per simulated station."""
    return f"5116{i:08d}"


def station_ops(code: str, n: int) -> Iterator[Op]:
    """A week of one station's work: per case a create, an event and two queue events (generated lazily)."""
    case_id = ""
    for seq in range(1, n + 1):
        at = START + timedelta(minutes=7 * seq)
        kind = seq % 4
        if kind == 1 or not case_id:
            case_id = str(uuid.uuid4())
            yield make_op(entity="case", entity_id=case_id, op_type="create", client_seq=seq, client_ts=at,
                          payload={"item_code": f"ITEM{seq % 7}", "catalogue_version": "2026.11.1",
                                   "applicant_masked": "张**", "station": code}, operator_id="clerk")
        elif kind == 2:
            yield make_op(entity="case_event", entity_id=str(uuid.uuid4()), op_type="append", client_seq=seq,
                          client_ts=at, payload={"case_id": case_id, "event_type": "accepted"}, operator_id="clerk")
        else:
            yield make_op(entity="queue_event", entity_id=str(uuid.uuid4()), op_type="append", client_seq=seq,
                          client_ts=at, payload={"event_type": "called", "ticket_no": f"A{seq:03d}",
                                                 "occurred_at": at.isoformat()}, operator_id="clerk")


@dataclass
class Tally:
    """Counts over all stations (guarded by a lock: many worker threads add to it)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    retries: int = 0

    def add(self, statuses: dict[str, int], requests: int, retries: int) -> None:
        """Fold in one station's figures."""
        with self.lock:
            for k, v in statuses.items():
                self.statuses[k] = self.statuses.get(k, 0) + v
            self.requests += requests
            self.retries += retries


def drain_station(url: str, code: str, token: str, tally: Tally) -> None:
    """Push a station's backlog in batches of 50; resend on transport errors and retry_later (R8)."""
    client = SyncClient(url, code, token, timeout=120.0)
    statuses: dict[str, int] = {}
    requests = retries = 0
    try:
        ops = station_ops(code, OPS)
        pending: list[Op] = []
        while True:
            while len(pending) < MAX_OPS_PER_BATCH:
                nxt = next(ops, None)
                if nxt is None:
                    break
                pending.append(nxt)
            if not pending:
                break
            requests += 1
            try:
                results = client.push(pending).body.results
            except SyncTransportError:
                retries += 1
                continue
            again = [op for op, r in zip(pending, results, strict=True) if r.status == "retry_later"]
            for r in results:
                statuses[r.status] = statuses.get(r.status, 0) + 1
            retries += 1 if again else 0
            pending = again
    finally:
        client.close()
    tally.add(statuses, requests, retries)


def _rss_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this run, dropped afterwards."""
    if not PG_URL:
        pytest.skip("set YICHUANG_TEST_PG_URL (scripts/start-postgres.sh prints it)")
    with fresh_database("yichuang_load") as url:
        yield url


def _serve(db_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--db", db_url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:  # start-up only
        try:
            httpx.get(url + "/api/v1/health", timeout=1)
            return proc, url
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                proc.kill()
                raise
            time.sleep(0.1)


def _counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
                for m in (ProcessedOp, CaseRow, CaseEventRow, QueueEventRow)}


def _per_station_min_max(store: Store) -> tuple[int, int]:
    with store.session() as s:
        rows = s.execute(select(func.count()).select_from(ProcessedOp).group_by(ProcessedOp.station_code)).all()
    counts = [int(r[0]) for r in rows]
    return min(counts), max(counts)


def test_load_many_stations(benchmark: Any, pg_database: str) -> None:
    """All stations drain at once into one `gateway serve`; the database holds each op exactly once."""
    store = Store(pg_database)
    tokens = {station_code(i): admin.create_station(store, station_code(i), f"站点{i}") for i in range(STATIONS)}
    proc, url = _serve(pg_database)
    tally = Tally()
    peak_rss = [0]
    stop = threading.Event()

    def sample() -> None:  # the gateway's resident memory, every second
        while not stop.wait(1.0):
            peak_rss[0] = max(peak_rss[0], _rss_kb(proc.pid, "VmRSS"))

    def run() -> float:
        start = time.perf_counter()
        with ThreadPoolExecutor(WORKERS) as pool:
            for f in [pool.submit(drain_station, url, code, tok, tally) for code, tok in tokens.items()]:
                f.result()
        return time.perf_counter() - start

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        seconds = benchmark.pedantic(run, rounds=1, iterations=1)
        hwm = _rss_kb(proc.pid, "VmHWM")
    finally:
        stop.set()
        proc.terminate()
        proc.wait(30)
    total = STATIONS * OPS
    counts = _counts(store)
    lo, hi = _per_station_min_max(store)
    store.dispose()
    print(f"\nLOAD stations={STATIONS} ops/station={OPS} total={total} workers={WORKERS}")
    print(f"LOAD seconds={seconds:.1f} ops_per_s={total / seconds:.0f} requests={tally.requests} "
          f"retries={tally.retries} statuses={tally.statuses}")
    print(f"LOAD gateway peak RSS={max(hwm, peak_rss[0]) / 1024:.0f} MB rows={counts} per-station={lo}..{hi}")
    cases = sum(1 for seq in range(1, OPS + 1) if seq % 4 == 1) * STATIONS
    assert counts["processed_ops"] == total
    assert (lo, hi) == (OPS, OPS)
    assert counts["cases"] == cases
    assert counts["case_events"] + counts["queue_events"] + counts["cases"] == total
    assert tally.statuses.get("applied", 0) + tally.statuses.get("duplicate", 0) == total
