"""Push against the real gateway on loopback with faults injected: exactly once, in order, nothing dropped."""

from __future__ import annotations

import threading
from typing import Any

from app.db.models import Outbox
from app.db.outbox import add_op
from app.sync.client import SyncClient
from app.sync.outbox_store import to_op
from app.sync.protocol import make_op
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    STATION,
    FaultTransport,
    Gateway,
    add_case_ops,
    gateway_fixture,
    make_engine,
    outbox_states,
)


def test_queue_events_from_the_real_service_drain_exactly_once(ctx: Any, gateway: Gateway) -> None:
    for _ in range(3):
        ctx.queue.issue("A")
    pending = outbox_states(ctx)["pending"]
    report = make_engine(ctx, gateway).run_once()
    assert report.outcome == "ok"
    assert outbox_states(ctx) == {"acked": pending}
    assert gateway.queue_events() == pending == gateway.processed()
    with gateway.store.session() as s:  # R18: the heartbeat reached the district dashboard
        from gateway.models import StationHealth

        health = s.get(StationHealth, STATION).report
    assert (health["pending"], health["quarantined"]) == (0, 0) and health["last_push"]


def test_t1_server_500_mid_batch_gives_exactly_n_rows(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 20)
    proxy = FaultTransport(script=[("partial", 7)])
    engine = make_engine(ctx, gateway, proxy)
    first = engine.run_once()
    assert first.outcome == "offline" and gateway.cases() == 7
    assert outbox_states(ctx) == {"pending": 20}  # nothing dropped, nothing left inflight
    second = engine.run_once()
    assert second.outcome == "ok"
    assert second.pushed == {"duplicate": 7, "applied": 13, "quarantined_locally": 0}
    assert gateway.cases() == 20 and outbox_states(ctx) == {"acked": 20}


def test_t2_lost_ack_replays_as_duplicate_with_the_same_version(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 5, updates=1)
    proxy = FaultTransport(script=["drop"])
    engine = make_engine(ctx, gateway, proxy)
    assert engine.run_once().outcome == "offline"
    assert gateway.processed() == 10  # the server committed everything
    report = engine.run_once()
    assert report.pushed["duplicate"] == 10
    assert gateway.cases() == 5 and gateway.processed() == 10
    with ctx.db.session() as s:
        versions = sorted(r.result["server_version"] for r in s.query(Outbox).all())
    assert versions == [1] * 5 + [2] * 5


def test_t3_same_batch_three_times_concurrently(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 30)
    with ctx.db.session() as s:
        ops = [to_op(r) for r in s.query(Outbox).order_by(Outbox.client_seq)]
    statuses: list[int] = []
    results: list[list[str]] = []

    def send() -> None:
        client = SyncClient(gateway.url, STATION, gateway.token)
        try:
            answer = client.push(ops)
            results.append([r.status for r in answer.body.results])
        except Exception as exc:  # recorded so the assertion below shows it
            statuses.append(getattr(exc, "status", 500))
        finally:
            client.close()

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [] and len(results) == 3
    assert gateway.cases() == 30 and gateway.processed() == 30
    flat = [s for r in results for s in r]
    assert flat.count("applied") == 30 and flat.count("duplicate") == 60


def test_t4_same_op_id_with_another_payload_is_refused(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 1)
    make_engine(ctx, gateway).run_once()
    with ctx.db.session() as s:
        row = s.query(Outbox).one()
        twin = make_op(entity="case", entity_id=row.entity_id, op_type="create", op_id=row.op_id,
                       payload={"item_code": "OTHER", "catalogue_version": "2026.11.1"}, client_seq=99,
                       client_ts=row.client_ts)
    client = SyncClient(gateway.url, STATION, gateway.token)
    result = client.push([twin]).body.results[0]
    client.close()
    assert (result.status, result.code) == ("rejected", "idempotency_mismatch")
    with gateway.store.session() as s:
        from gateway.models import CaseRow

        assert s.get(CaseRow, row.entity_id).item_code == "ITEM0"


def test_t6_poison_op_is_quarantined_and_other_cases_continue(ctx: Any, gateway: Gateway) -> None:
    good = add_case_ops(ctx, 3)
    with ctx.db.session() as s:
        add_op(s, entity="case", entity_id="bad-case", case_id="bad-case", op_type="create",
               payload={"catalogue_version": "2026.11.1"}, at=ctx.clock.now(), operator_id="clerk")  # no item_code
        add_op(s, entity="case", entity_id="bad-case", case_id="bad-case", op_type="update",
               payload={"note": "waits"}, base_version=1, at=ctx.clock.now(), operator_id="clerk")
    add_case_ops(ctx, 2)
    engine = make_engine(ctx, gateway)
    report = engine.run_once()
    assert report.outcome == "ok"
    assert gateway.cases() == 5
    states = outbox_states(ctx)
    assert states["acked"] == 5 and states["quarantined"] == 1 and states["pending"] == 1
    with ctx.db.session() as s:
        q = s.query(Outbox).filter_by(state="quarantined").one()
        assert q.last_error.startswith("invalid_payload")
    # the later op of the poisoned case keeps waiting behind it, run after run
    engine.run_once()
    assert outbox_states(ctx)["pending"] == 1
    assert good  # other cases went through


def test_t11_edit_made_while_the_previous_op_is_inflight(ctx: Any, gateway: Gateway) -> None:
    case_id = add_case_ops(ctx, 1)[0]

    class EditDuringSend(FaultTransport):
        def handle_request(self, request: Any) -> Any:
            if request.url.path.endswith("ops:batch") and self.pushes == 0:
                with ctx.db.session() as s:  # the clerk edits while the create is on the wire
                    add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="update",
                           payload={"note": "latest"}, base_version=1, at=ctx.clock.now(), operator_id="clerk")
            return super().handle_request(request)

    engine = make_engine(ctx, gateway, EditDuringSend(script=["drop"]))
    engine.run_once()
    engine.run_once()
    assert outbox_states(ctx) == {"acked": 2}
    with gateway.store.session() as s:
        from gateway.models import CaseRow

        row = s.get(CaseRow, case_id)
        assert row.payload["note"] == "latest" and row.version == 2


def test_t13_credential_refused_then_a_new_one_continues(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 120)
    token = {"value": "wrong"}
    proxy = FaultTransport()
    engine = make_engine(ctx, gateway, proxy, token=lambda: token["value"])
    report = engine.run_once()
    assert report.outcome == "credential"
    assert outbox_states(ctx) == {"pending": 120}
    token["value"] = gateway.token
    proxy.script = [None, "401"]  # expires again in the middle of the backlog
    assert engine.run_once().outcome == "credential"
    assert outbox_states(ctx) == {"acked": 50, "pending": 70}
    assert engine.run_once().outcome == "ok"
    assert outbox_states(ctx) == {"acked": 120} and gateway.cases() == 120


def test_network_cut_and_5xx_keep_everything(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 60)
    proxy = FaultTransport(script=["cut", "500"])
    engine = make_engine(ctx, gateway, proxy)
    assert engine.run_once().outcome == "offline"
    assert engine.run_once().outcome == "offline"
    assert outbox_states(ctx) == {"pending": 60}
    assert engine.run_once().outcome == "ok"
    assert gateway.cases() == 60 and proxy.pushes == 4  # two failures, then 50 + 10


def test_batch_too_large_halves_the_batch_and_keeps_the_ops(ctx: Any, gateway: Gateway) -> None:
    with ctx.db.session() as s:
        for i in range(40):  # ~20 KB each: 40 of them exceed the gateway's 512 KB per request
            add_op(s, entity="queue_event", entity_id=f"qe-{i}", op_type="append", at=ctx.clock.now(),
                   operator_id="clerk", payload={"event_type": "issued", "ticket_no": f"A{i:03d}",
                                                 "occurred_at": ctx.clock.now().isoformat(), "pad": "x" * 20000})
    engine = make_engine(ctx, gateway)
    first = engine.run_once()
    assert (first.outcome, engine.batch_size) == ("refused", 25)
    assert outbox_states(ctx) == {"pending": 40}
    assert engine.run_once().outcome == "ok"
    assert outbox_states(ctx) == {"acked": 40} and gateway.queue_events() == 40


def test_t8_lossy_link_drains_exactly_once_with_bounded_requests(ctx: Any, gateway: Gateway) -> None:
    import random

    add_case_ops(ctx, 300, updates=1)  # 600 ops → 12 batches on a clean link
    rng = random.Random(20261127)

    class Lossy(FaultTransport):
        def handle_request(self, request: Any) -> Any:
            if request.url.path.endswith("ops:batch"):
                roll = rng.random()
                self.script = [("partial", rng.randint(1, 49)) if roll < 0.1 else "drop" if roll < 0.2
                               else "cut" if roll < 0.3 else "500" if roll < 0.35 else None]
            return super().handle_request(request)

    proxy = Lossy()
    engine = make_engine(ctx, gateway, proxy)
    runs = 0
    while outbox_states(ctx) != {"acked": 600} and runs < 100:
        engine.run_once()  # every run resumes wherever the last one stopped
        runs += 1
    assert outbox_states(ctx) == {"acked": 600}
    assert gateway.processed() == 600 and gateway.cases() == 300
    assert proxy.pushes <= 3 * 12 + 10  # bounded: failures cost one request each, not a restart
