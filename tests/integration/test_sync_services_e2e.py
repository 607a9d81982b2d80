"""End to end: ops written by the real intake, queue and evaluation services, pushed to the real gateway."""

from __future__ import annotations

from typing import Any

from tests.integration.test_intake_helpers import bundle_request, immediate_request
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    gateway_fixture,
    make_engine,
    outbox_states,
)


def test_queue_service_ops_are_accepted(ctx: Any, gateway: Gateway) -> None:
    ticket = ctx.queue.issue("A")
    ctx.queue.call_next(by=ctx.auth.login("clerk", "yichuang2026").id)
    assert ticket is not None
    assert make_engine(ctx, gateway).run_once().outcome == "ok"
    states = outbox_states(ctx)
    assert states == {"acked": sum(states.values())} and gateway.queue_events() == states["acked"]


def test_intake_cases_reach_the_gateway(ctx: Any, gateway: Gateway) -> None:
    clerk = ctx.auth.login("clerk", "yichuang2026")
    ctx.intake.submit(immediate_request(), clerk, documents=False)
    ctx.intake.submit(bundle_request(), clerk, documents=False)
    make_engine(ctx, gateway).run_once()
    assert ctx.sync.list_ops("quarantined") == []
    assert set(outbox_states(ctx)) == {"acked"}
    assert gateway.cases() == 5


def test_ratings_and_bad_review_follow_up_reach_the_gateway(ctx: Any, gateway: Gateway) -> None:
    clerk = ctx.auth.login("clerk", "yichuang2026")
    case_ids = [c.id for c in ctx.intake.submit(immediate_request(), clerk, documents=False).cases]
    good = ctx.evaluation.request(by=clerk.id, case_id=case_ids[0])
    ctx.evaluation.record(good.id, 5)
    bad = ctx.evaluation.request(by=clerk.id, case_id=case_ids[0])
    ctx.evaluation.record(bad.id, 1, ["501"], "等太久")
    review = ctx.evaluation.bad_reviews()[0]
    sup = ctx.auth.login("supervisor", "yichuang2026")
    ctx.evaluation.assign(review.id, sup.id, by=sup.username)
    ctx.evaluation.record_callback(review.id, "已回访", by=sup.username)
    make_engine(ctx, gateway).run_once()
    assert ctx.sync.list_ops("quarantined") == []
    assert set(outbox_states(ctx)) == {"acked"}
