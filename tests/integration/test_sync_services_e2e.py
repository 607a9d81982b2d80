"""End to end: ops written by the real intake, queue and evaluation services, pushed to the real gateway."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.mark.xfail(strict=True, reason=(
    "contract mismatch, owned by the cases service: case payloads carry the district-owned 'status' and a "
    "text catalogue_version, case_event ops use op_type 'create' (the protocol says 'append'); the gateway "
    "rejects them (invalid_payload / district_owned_field / unknown_op_type). Remove this mark when fixed."))
def test_intake_cases_reach_the_gateway(ctx: Any, gateway: Gateway) -> None:
    clerk = ctx.auth.login("clerk", "yichuang2026")
    ctx.intake.submit(immediate_request(), clerk, documents=False)
    ctx.intake.submit(bundle_request(), clerk, documents=False)
    make_engine(ctx, gateway).run_once()
    assert ctx.sync.list_ops("quarantined") == []
    assert set(outbox_states(ctx)) == {"acked"}
    assert gateway.cases() == 5
