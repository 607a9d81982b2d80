"""R10: while offline the worker probes GET /health every 15 s and wakes as soon as the gateway answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app.sync.dblock import DatabaseLock
from app.sync.worker import RunReport, SyncWorker
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    add_case_ops,
    gateway_fixture,
    make_engine,
    outbox_states,
)


@dataclass
class Outage(httpx.BaseTransport):
    """Refuses every connection while `down`; counts the health probes it saw."""

    down: bool = True
    probes: int = 0
    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            self.probes += 1
        if self.down:
            raise httpx.ConnectError("network unreachable", request=request)
        return self.inner.handle_request(request)


@dataclass
class FakeSleeper:
    """Records the waits instead of sleeping; brings the network back after `recover_after` waits."""

    outage: Outage
    recover_after: int
    waits: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> bool:
        self.waits.append(seconds)
        if len(self.waits) == self.recover_after:
            self.outage.down = False
        return False  # nobody pressed 立即同步


def _worker(ctx: Any, gw: Gateway, outage: Outage, sleeper: FakeSleeper, tmp: Path) -> SyncWorker:
    engine = make_engine(ctx, gw, outage)
    worker = SyncWorker(engine, DatabaseLock(tmp / "x.db"), rng=lambda: 1.0, sleeper=sleeper)
    worker.attempt = 6  # a long backoff (2·2^6 = 128 s) that the probe must cut short
    return worker


def test_offline_worker_wakes_when_the_network_comes_back(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    add_case_ops(ctx, 60)
    outage = Outage()
    sleeper = FakeSleeper(outage, recover_after=3)
    worker = _worker(ctx, gateway, outage, sleeper, tmp_path)

    report = worker.engine.run_once()
    assert report.outcome == "offline" and gateway.processed() == 0

    assert worker.pause(report) == "network_back"
    assert sleeper.waits == [15.0, 15.0, 15.0]  # 45 s instead of the 128 s backoff
    assert outage.probes == 3  # one short probe after each interval; the first two failed

    assert worker.engine.run_once().outcome == "ok"
    assert gateway.processed() == 60 and outbox_states(ctx) == {"acked": 60}


def test_probing_never_outlasts_the_backoff(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    outage = Outage()
    sleeper = FakeSleeper(outage, recover_after=1000)
    worker = _worker(ctx, gateway, outage, sleeper, tmp_path)
    assert worker.pause(RunReport(outcome="offline")) == "elapsed"
    assert sum(sleeper.waits) == 128.0 and sleeper.waits[-1] == 128.0 - 15.0 * 8
    assert outage.probes == 9


def test_no_probing_when_online(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    outage = Outage(down=False)
    sleeper = FakeSleeper(outage, recover_after=1000)
    worker = SyncWorker(make_engine(ctx, gateway, outage), DatabaseLock(tmp_path / "x.db"),
                        idle_interval=60.0, sleeper=sleeper)
    assert worker.pause(RunReport(outcome="ok")) == "elapsed"
    assert sleeper.waits == [60.0] and outage.probes == 0


def test_probe_interval_is_configurable_and_wake_still_wins(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    outage = Outage()
    worker = SyncWorker(make_engine(ctx, gateway, outage), DatabaseLock(tmp_path / "x.db"),
                        rng=lambda: 1.0, probe_interval=5.0)
    worker.attempt = 3
    worker.wake()  # 立即同步 pressed while offline: the real sleeper returns at once
    assert worker.pause(RunReport(outcome="offline")) == "woken"
    assert outage.probes == 0
