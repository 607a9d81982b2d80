"""Statistics service on a small fixed data set: real queue flow, cases and ratings, against hand figures."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select, update

from app.db.models import Applicant, Case, CaseEvent, Commitment, Operator, QueueTicket, ServiceItemRow
from app.services.errors import ServiceError
from app.services.stats import PeriodKind, period_bounds

DAY = date(2026, 11, 27)


def _op(ctx, username: str) -> str:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return s.execute(select(Operator.id).where(Operator.username == username)).scalar_one()


def _serve(ctx, op: str, wait: int, walk: int, service: int) -> None:  # type: ignore[no-untyped-def]
    t = ctx.queue.issue("A").ticket
    ctx.clock.advance(seconds=wait)
    assert ctx.queue.call_next(by=op).id == t.id
    ctx.clock.advance(seconds=walk)
    ctx.queue.start_serving(t.id, by=op)
    ctx.clock.advance(seconds=service)
    ctx.queue.finish(t.id, by=op)


def _queue_day(ctx) -> str:  # type: ignore[no-untyped-def]
    """10:00 local: three served tickets (waits 60/120/180, walk-ups 10/20/30, service 300/600/900), one no-show."""
    op = _op(ctx, "clerk")
    for wait, walk, service in [(60, 10, 300), (120, 20, 600), (180, 30, 900)]:
        _serve(ctx, op, wait, walk, service)
    t = ctx.queue.issue("B").ticket
    ctx.queue.call_next(by=op)
    ctx.queue.no_show(t.id, by=op)
    ctx.queue.pause("午休", by=op)
    ctx.clock.advance(minutes=15)
    ctx.queue.resume(by=op)
    return op


def _cases(ctx, op: str) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 27, 3, tzinfo=UTC)
    with ctx.db.session() as s:
        item_id, code = s.execute(select(ServiceItemRow.id, ServiceItemRow.code).limit(1)).one()
        app_id = str(uuid.uuid4())
        s.execute(insert(Applicant), [{"id": app_id, "kind": "person", "name": "甲", "cert_type": "111",
                                       "cert_no_enc": "x", "cert_no_hash": "h"}])
        plan = [("accept", date(2026, 11, 27), True, False),
                ("accept_with_deficiency", date(2026, 11, 26), False, True),
                ("request_supplement", None, False, False), ("reject", None, False, False)]
        for n, (action, due, finished, commitment) in enumerate(plan):
            cid = str(uuid.uuid4())
            s.execute(insert(Case), [{"id": cid, "provisional_no": f"T{n}", "query_password": "1", "item_id": item_id,
                                      "item_code": code, "catalogue_version": "1", "applicant_id": app_id,
                                      "status": "accepted", "project_type": 2, "received_at": at, "due_date": due,
                                      "operator_id": op, "window_no": "3"}])
            events = [{"id": str(uuid.uuid4()), "case_id": cid, "seq": 1, "action": action, "to_status": "accepted",
                       "at": at}]
            if finished:
                events.append({"id": str(uuid.uuid4()), "case_id": cid, "seq": 2, "action": "approve",
                               "to_status": "decided", "at": at + timedelta(hours=1)})
            s.execute(insert(CaseEvent), events)
            if commitment:
                s.execute(insert(Commitment), [{"id": str(uuid.uuid4()), "case_id": cid, "material_code": "M",
                                                "proof_name": "证明", "template_version": "1", "signer_name": "甲"}])


def _ratings(ctx, op: str) -> None:  # type: ignore[no-untyped-def]
    for level, codes in [(5, []), (4, []), (1, ["503"])]:
        req = ctx.evaluation.request(by=op, ticket_id="x")
        ctx.evaluation.record(req.id, level, codes, evaluator="13800138000")
    ctx.evaluation.request(by=op, ticket_id="pending")


@pytest.fixture
def day_ctx(ctx):  # type: ignore[no-untyped-def]
    op = _queue_day(ctx)
    _cases(ctx, op)
    _ratings(ctx, op)
    return ctx


def test_day_figures_by_hand(day_ctx) -> None:  # type: ignore[no-untyped-def]
    r = day_ctx.stats.report(DAY, DAY)
    s = r.stats
    assert (s.issued, s.served, s.no_show) == (4, 3, 1)
    assert (s.wait.median, s.wait.p90, s.wait.max) == (120, 180, 180)
    assert (s.walk_up.median, s.walk_up.max) == (20, 30)
    assert (s.service.median, s.service.p90) == (600, 900)
    assert sum(s.issued_per_hour.values()) == 4 and set(s.served_per_hour) == {10}
    assert [(g.key, g.issued, g.served) for g in s.by_category] == [("A", 3, 3), ("B", 1, 0)]
    (op,) = s.by_operator
    assert r.operator(op.key) != op.key and op.served == 3 and op.no_show == 1
    assert s.pause_total == 900
    c = s.cases
    assert (c.received, c.accepted, c.deficiency, c.supplement, c.rejected, c.commitment) == (4, 2, 1, 1, 1, 1)
    assert (s.finished, s.on_time, s.on_time_rate) == (1, 1, 1.0)
    assert [(o.number, o.days_over) for o in s.overdue] == [("T1", 1)]
    assert dict(s.ratings.by_level) == {5: 1, 4: 1, 3: 0, 2: 0, 1: 1}
    assert s.ratings.bad == 1 and s.ratings.by_indicator == {"503": 1}


def test_durations_derived_from_events_when_not_stored(day_ctx) -> None:  # type: ignore[no-untyped-def]
    with day_ctx.db.session() as s:
        s.execute(update(QueueTicket).values(wait_s=None, walk_up_s=None, service_s=None))
    st = day_ctx.stats.report(DAY, DAY).stats
    assert (st.wait.median, st.walk_up.max, st.service.p90) == (120, 30, 900)


def test_empty_period_and_periods(day_ctx) -> None:  # type: ignore[no-untyped-def]
    s = day_ctx.stats.report(date(2026, 11, 20), date(2026, 11, 20)).stats
    assert (s.issued, s.served, s.wait.median, s.cases.received, s.ratings.rated) == (0, 0, None, 0, 0)
    assert period_bounds(PeriodKind.WEEK, DAY) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_bounds(PeriodKind.MONTH, DAY) == (date(2026, 11, 1), date(2026, 11, 30))
    with pytest.raises(ServiceError):
        period_bounds(PeriodKind.RANGE, DAY, DAY - timedelta(days=1))
