"""Case actions: supplement completed → ready → 出件 (identity, signature, mail), withdraw, 核查, list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.db.models import Case, CaseEvent, Delivery, Outbox
from app.services.errors import ServiceError
from tests.integration.test_intake_helpers import bundle_request, commitment_request, immediate_request


@pytest.fixture
def clerk(ctx):  # type: ignore[no-untyped-def]
    return ctx.auth.login("clerk", "yichuang2026")


def events(ctx, case_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return list(s.execute(select(CaseEvent.action).where(CaseEvent.case_id == case_id)
                              .order_by(CaseEvent.seq)).scalars())


def outbox_events(ctx, case_id: str) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return len(s.execute(select(Outbox.op_id).where(Outbox.case_id == case_id,
                                                     Outbox.entity == "case_event")).all())


def test_bundle_supplement_completed_then_delivered_to_the_agent(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    result = ctx.intake.submit(bundle_request(), clerk, documents=False)
    ctx.clock.advance(days=3)  # Mon 30 Nov
    hk = result.cases[1]
    row = ctx.cases.complete_supplement(hk.id, clerk)
    assert row.status == "accepted"
    with ctx.db.session() as s:
        case = s.get(Case, hk.id)
        assert case.due_date == date(2026, 11, 30)  # 出生登记 is a 即办件: due the day it is accepted
    ready = ctx.cases.mark_ready(hk.id, clerk)
    assert ready.status == "ready_for_pickup"
    with pytest.raises(ServiceError) as err:
        ctx.cases.deliver_at_window(hk.id, clerk, receiver_name="路人", receiver_cert_no="11010519491231002X"[:-1]
                                    + "1", signature="路人")
    assert err.value.code == "deliver.identity"
    done = ctx.cases.deliver_at_window(hk.id, clerk, receiver_name="王五", receiver_cert_no="440524188001010014",
                                       signature=b"\x89PNG fake")
    assert done.status == "delivered"
    assert events(ctx, hk.id) == ["request_supplement", "complete_supplement", "approve", "ready", "deliver"]
    assert outbox_events(ctx, hk.id) == 5
    with ctx.db.session() as s:
        d = s.execute(select(Delivery).where(Delivery.case_id == hk.id)).scalar_one()
        assert d.receiver_is_agent and d.signature_png == b"\x89PNG fake" and d.mode == "window"
    detail = ctx.cases.detail(hk.id)
    assert [e.action for e in detail.events][-1] == "deliver"
    assert detail.applicant_id_masked.startswith("110") and "1949" not in detail.applicant_id_masked
    states = {m.code: m.state for m in detail.materials}
    assert states["CSZ"] == "received" and states["JHZ"] == "missing"  # optional, never asked for


def test_promise_case_walks_to_ready_and_is_mailed(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    case = ctx.intake.submit(commitment_request(), clerk, documents=False).cases[0]
    ctx.cases.mark_ready(case.id, clerk)
    with pytest.raises(ServiceError, match="邮寄单号"):
        ctx.cases.deliver_by_mail(case.id, clerk, tracking_no=" ")
    row = ctx.cases.deliver_by_mail(case.id, clerk, tracking_no="SF123456789", address="广安区幸福路12号")
    assert row.status == "delivered"
    assert events(ctx, case.id) == ["accept", "transfer", "start_review", "approve", "ready", "deliver"]
    with ctx.db.session() as s:  # the first 办结 is stamped once, at approval, for deadlines and statistics
        from app.db.models import Case, CaseEvent

        stored = s.get(Case, case.id)
        approved = s.query(CaseEvent).filter_by(case_id=case.id, action="approve").one()
        assert stored.finished_at == approved.at


def test_withdraw_needs_a_reason(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    case = ctx.intake.submit(commitment_request(), clerk, documents=False).cases[0]
    with pytest.raises(ServiceError) as err:
        ctx.cases.withdraw(case.id, clerk, "  ")
    assert err.value.code == "reason_required"
    assert ctx.cases.withdraw(case.id, clerk, "申请人主动撤回").status == "closed"
    with pytest.raises(ServiceError) as err:
        ctx.cases.withdraw(case.id, clerk, "再次撤回")
    assert err.value.code == "illegal_transition"


def test_false_commitment_flags_the_case(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    case = ctx.intake.submit(commitment_request(), clerk, documents=False).cases[0]
    (commitment,) = ctx.cases.detail(case.id).commitments
    with pytest.raises(ServiceError, match="不实的情况"):
        ctx.cases.record_commitment_check(commitment.id, clerk, result="false")
    row = ctx.cases.record_commitment_check(commitment.id, clerk, result="false", note="住所系虚构")
    assert row.flagged and row.status == "accepted"
    assert events(ctx, case.id) == ["accept", "commitment_check"]
    assert outbox_events(ctx, case.id) == 2
    assert ctx.cases.detail(case.id).commitments[0].verify_result == "false"


def test_list_search_and_overdue(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    quick = ctx.intake.submit(immediate_request(), clerk, documents=False).cases[0]
    promise = ctx.intake.submit(commitment_request(), clerk, documents=False).cases[0]
    assert {r.id for r in ctx.cases.list_cases(text="李秀英")} == {quick.id, promise.id}
    assert [r.id for r in ctx.cases.list_cases(text="居住证")] == [promise.id]
    assert [r.id for r in ctx.cases.list_cases(text=promise.provisional_no)] == [promise.id]
    today = {r.id: r for r in ctx.cases.list_cases()}
    assert today[quick.id].warn and not today[quick.id].overdue  # due today
    ctx.clock.advance(days=3)
    rows = {r.id: r for r in ctx.cases.list_cases()}
    assert rows[quick.id].overdue
    assert not rows[promise.id].overdue and not rows[promise.id].warn
    assert [r.id for r in ctx.cases.list_cases(overdue_only=True)] == [quick.id]
    assert [r.id for r in ctx.cases.list_cases(status="accepted", text="居住")] == [promise.id]
