"""Benchmark: a 10,000-op backlog drains into the real gateway over loopback in ≤ 20 s with flat memory."""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway import admin
from gateway.db import Store
from tests.integration.test_sync_support import STATION, Gateway, add_case_ops, free_port, make_engine, outbox_states

BACKLOG = 10_000


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[Gateway]:
    """`yichuang gateway serve` in its own process on loopback, as a district would run it."""
    db_url = f"sqlite:///{tmp_path / 'gateway.db'}"
    store = Store(db_url)
    token = admin.create_station(store, STATION, "测试站")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--db", db_url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # start-up only
        try:
            httpx.get(url + "/api/v1/catalogue", timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield Gateway(url, db_url, store, token)
    proc.terminate()
    proc.wait(10)
    store.dispose()


def _drain(ctx: Any, gw: Gateway, *, trace: bool) -> dict[str, float]:
    engine = make_engine(ctx, gw)
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    report = engine.run_once()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else 0.0
    tracemalloc.stop()
    assert report.outcome == "ok"
    return {"seconds": seconds, "peak_mb": peak, "batches": report.batches}


def test_drain_10000_op_backlog(benchmark: Any, ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, BACKLOG // 2, updates=1)  # creates and updates: per-case order matters
    figures: dict[str, float] = {}
    benchmark.pedantic(lambda: figures.update(_drain(ctx, gateway, trace=False)), rounds=1, iterations=1)
    print(f"\n10,000 ops: {figures['seconds']:.1f} s, {BACKLOG / figures['seconds']:.0f} ops/s, "
          f"{figures['batches']:.0f} batches")
    assert outbox_states(ctx) == {"acked": BACKLOG}
    assert gateway.processed() == BACKLOG and gateway.cases() == BACKLOG // 2
    assert figures["seconds"] <= 20.0


def test_memory_stays_flat_as_the_backlog_grows(ctx: Any, gateway: Gateway) -> None:
    """tracemalloc peak while draining 500 vs 3,000 ops: one batch at a time, so no growth with the backlog."""
    peaks = []
    for n in (250, 1500):
        add_case_ops(ctx, n, updates=1)
        peaks.append(_drain(ctx, gateway, trace=True)["peak_mb"])
    print(f"\ntracemalloc peak: 500 ops {peaks[0]:.2f} MB, 3,000 ops {peaks[1]:.2f} MB")
    assert peaks[1] < peaks[0] * 1.5 + 0.5
