"""T8: a week's backlog (1,400 ops, 300 scans) drains over an emulated 256 kbit/s link with 5% loss and cuts."""

from __future__ import annotations

import random
import tracemalloc
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app.db.outbox import add_op
from app.sync.blobs import BlobStore
from gateway.models import Blob, CaseEventRow, QueueEventRow
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    gateway_fixture,
    make_engine,
    outbox_states,
)

CASES, SCANS, QUEUE_EVENTS = 350, 300, 700  # 350 creates + 350 case events + 700 queue events = 1,400 ops
BACKLOG = CASES * 2 + QUEUE_EVENTS
HEADER_BYTES = 400  # request line, headers and TCP/TLS framing, per direction


@dataclass
class SlowLossyLink(httpx.BaseTransport):
    """A 256 kbit/s village link on a virtual clock: each request costs its bytes' wire time (no sleeping);
    5% of requests and 5% of answers are lost, and now and then the link goes down for a few requests."""

    rng: random.Random
    bits_per_s: float = 256_000
    loss: float = 0.05
    cut_rate: float = 0.02
    cut_length: int = 3
    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)
    link_seconds: float = 0.0
    requests: int = 0
    pushes: int = 0
    faults: int = 0
    down: int = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        self.pushes += request.url.path.endswith("ops:batch")
        body = request.read()
        if self.down > 0 or self.rng.random() < self.cut_rate:
            self.down = self.down - 1 if self.down > 0 else self.cut_length
            self.faults += 1
            raise httpx.ConnectError("link down", request=request)
        self.link_seconds += (len(body) + HEADER_BYTES) * 8 / self.bits_per_s
        if self.rng.random() < self.loss:
            self.faults += 1
            raise httpx.WriteError("request lost", request=request)
        response = self.inner.handle_request(request)
        data = response.read()
        self.link_seconds += (len(data) + HEADER_BYTES) * 8 / self.bits_per_s
        if self.rng.random() < self.loss:  # the server has done the work; only the answer is lost
            self.faults += 1
            raise httpx.ReadError("answer lost", request=request)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-encoding"]
        return httpx.Response(response.status_code, headers=headers, content=data)


def _week_of_work(ctx: Any, blobs: BlobStore) -> None:
    """Creates (300 with a scan), one event per case, and the hall's queue events, in one outbox."""
    with ctx.db.session() as s:
        for i in range(CASES):
            case_id = str(uuid.uuid4())
            payload: dict[str, Any] = {"item_code": f"ITEM{i % 7}", "catalogue_version": "2026.11.1"}
            if i < SCANS:
                payload["blobs"] = [blobs.put(f"scan {i} ".encode() * 200)]  # ~1.6 KB each
            add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="create", payload=payload,
                   at=ctx.clock.now(), operator_id="clerk")
            add_op(s, entity="case_event", entity_id=str(uuid.uuid4()), case_id=case_id, op_type="append",
                   payload={"case_id": case_id, "event_type": "accepted"}, at=ctx.clock.now(), operator_id="clerk")
            for j in range(QUEUE_EVENTS // CASES):
                add_op(s, entity="queue_event", entity_id=str(uuid.uuid4()), op_type="append",
                       payload={"event_type": "called", "ticket_no": f"A{i:03d}{j}",
                                "occurred_at": ctx.clock.now().isoformat()}, at=ctx.clock.now(), operator_id="clerk")


def test_t8_week_backlog_over_a_bad_link(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    _week_of_work(ctx, blobs)
    assert outbox_states(ctx) == {"pending": BACKLOG}
    link = SlowLossyLink(random.Random(8))
    engine = make_engine(ctx, gateway, link)
    engine.blobs = blobs

    peaks: list[float] = []
    runs = 0
    while outbox_states(ctx).get("pending", 0) and runs < 400:  # every failed run resumes where it stopped
        traced = runs % 8 == 0  # tracing every run would make the test several times slower
        if traced:
            tracemalloc.start()
        engine.run_once()
        runs += 1
        if traced:
            peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.stop()
        ctx.clock.advance(minutes=1)  # the worker's backoff, on the virtual clock

    assert outbox_states(ctx) == {"acked": BACKLOG}  # drained completely
    assert gateway.processed() == BACKLOG  # exactly once
    assert (gateway.cases(), gateway.count(CaseEventRow), gateway.count(QueueEventRow)) == (
        CASES, CASES, QUEUE_EVENTS)
    assert gateway.count(Blob) == SCANS
    assert link.faults >= 20 and runs > 5  # the faults really happened
    # Bounded: ideally 28 batches and 2 requests per scan; every fault costs at most a few resends.
    assert link.pushes <= BACKLOG // 50 * 2 + 3 * link.faults
    assert link.requests <= 2 * SCANS + BACKLOG // 50 * 2 + 8 * runs + 3 * link.faults
    # Flat memory: no run allocates more than a few MB at its peak, late runs no more than early ones.
    assert max(peaks) < 40
    assert max(peaks[len(peaks) // 2:]) <= max(peaks[: len(peaks) // 2]) * 1.5 + 2
    # 1,400 ops and 300 scans fit in well under an hour of 256 kbit/s wire time.
    assert link.link_seconds < 3600
    print(f"T8: runs={runs} requests={link.requests} pushes={link.pushes} faults={link.faults} "
          f"wire={link.link_seconds:.0f}s peak={max(peaks):.1f}MB")
