"""好差评 service: rating once, 差评 follow-up with working-day deadlines, outbox and audit, confidentiality."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import AuditLog, BadReviewTicket, Evaluation, Outbox
from app.services.errors import ServiceError
from app.services.evaluation import BadReviewInfo, EvaluationInfo

FORBIDDEN = ("evaluator", "author", "name", "phone", "cert", "id_no")


def _op(ctx, username: str = "clerk") -> str:  # type: ignore[no-untyped-def]
    return next(o.id for o in ctx.auth.list_operators() if o.username == username)


def _count(ctx, model, **where) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        stmt = select(func.count()).select_from(model)
        for k, v in where.items():
            stmt = stmt.where(getattr(model, k) == v)
        return s.execute(stmt).scalar_one()


def test_rating_once_with_outbox_and_audit(ctx) -> None:  # type: ignore[no-untyped-def]
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-1")
    assert req.pending and req.level is None and req.indicators == ()
    assert ctx.evaluation.pending() == req
    done = ctx.evaluation.record(req.id, 5, evaluator="110101199003077777")
    assert done.level == 5 and not done.pending and ctx.evaluation.pending() is None
    assert _count(ctx, Outbox, entity="evaluation") == 2
    assert _count(ctx, AuditLog, action="evaluation.rate") == 1
    assert _count(ctx, BadReviewTicket) == 0
    with pytest.raises(ServiceError) as exc:
        ctx.evaluation.record(req.id, 1)
    assert exc.value.code == "already_rated"
    with ctx.db.session() as s:
        token = s.get(Evaluation, req.id).evaluator_enc
    assert token and "110101199003077777" not in token
    assert ctx.cipher.decrypt(token) == "110101199003077777"


def test_confidentiality_no_staff_dto_carries_the_evaluator(ctx) -> None:  # type: ignore[no-untyped-def]
    for cls in (EvaluationInfo, BadReviewInfo):
        names = [f.name for f in dataclasses.fields(cls)]
        assert not [n for n in names if any(word in n for word in FORBIDDEN)], cls
    req = ctx.evaluation.request(by=_op(ctx), case_id="c-1")
    ctx.evaluation.record(req.id, 1, ["503"], "态度差", evaluator="13800138000")
    shown = repr(ctx.evaluation.get(req.id)) + repr(ctx.evaluation.bad_reviews())
    assert "13800138000" not in shown
    with ctx.db.session() as s:
        payloads = [o.payload for o in s.execute(select(Outbox)).scalars()]
    assert all("13800138000" not in repr(p) and "evaluator" not in repr(p) for p in payloads)


@pytest.mark.parametrize(("days", "due"), [(5, date(2026, 10, 13)), (7, date(2026, 10, 15)),
                                           (15, date(2026, 10, 27))])
def test_bad_review_due_date_across_national_day(ctx, days: int, due: date) -> None:  # type: ignore[no-untyped-def]
    # 2026-09-30 15:00 Shanghai; 国庆 10-01…10-07 off, 10-10 (Sat) a makeup working day.
    ctx.clock.at = datetime(2026, 9, 30, 7, tzinfo=UTC)
    ctx.evaluation.configure(bad_review_days=days, default_enabled=False, by="admin")
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-9")
    ctx.evaluation.record(req.id, 2, ["501"])
    (review,) = ctx.evaluation.bad_reviews()
    assert review.due_date == due and review.level == 2 and review.indicators == ("501",)
    assert not review.overdue
    ctx.clock.at = datetime.combine(due + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    assert [r.id for r in ctx.evaluation.overdue()] == [review.id]


def test_default_due_date_is_five_working_days(ctx) -> None:  # type: ignore[no-untyped-def]
    assert ctx.evaluation.bad_review_days() == 5
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-2")  # Friday 2026-11-27
    ctx.evaluation.record(req.id, 1)
    assert ctx.evaluation.bad_reviews()[0].due_date == date(2026, 12, 4)
    with pytest.raises(ServiceError):
        ctx.evaluation.configure(bad_review_days=6, default_enabled=False, by="admin")


def test_follow_up_assign_callback_rectify(ctx) -> None:  # type: ignore[no-untyped-def]
    sup = _op(ctx, "supervisor")
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-3")
    ctx.evaluation.record(req.id, 2, ["502"])
    rid = ctx.evaluation.bad_reviews()[0].id
    assert ctx.evaluation.assign(rid, _op(ctx), by=sup).status == "assigned"
    with pytest.raises(ServiceError):
        ctx.evaluation.record_callback(rid, "  ", by=sup)
    r = ctx.evaluation.record_callback(rid, "已联系申请人，解释了材料要求", by=sup)
    assert r.status == "called_back" and r.callback_at == ctx.clock.now()
    r = ctx.evaluation.record_rectification(rid, "一次性告知单补充示例", by=sup)
    assert r.status == "closed" and r.closed_at is not None
    assert ctx.evaluation.bad_reviews() == [] and len(ctx.evaluation.bad_reviews(include_closed=True)) == 1
    with pytest.raises(ServiceError) as exc:
        ctx.evaluation.assign(rid, sup, by=sup)
    assert exc.value.code == "step"
    with ctx.db.session() as s:
        rows = s.execute(select(Outbox).where(Outbox.entity == "bad_review").order_by(Outbox.client_seq)).scalars()
        ops = [(o.op_type, o.payload["step"], o.base_version) for o in rows]
    # Protocol vocabulary: create, then updates that build on the version before them.
    assert ops == [("create", "open", None), ("update", "assign", 1), ("update", "callback", 2),
                   ("update", "rectify", 3)]
    assert _count(ctx, AuditLog, action="bad_review.rectify") == 1


def test_appeal_upheld_and_rejected(ctx) -> None:  # type: ignore[no-untyped-def]
    sup = _op(ctx, "supervisor")
    ids = []
    for n in range(2):
        req = ctx.evaluation.request(by=_op(ctx), ticket_id=f"t-a{n}")
        ctx.evaluation.record(req.id, 1)
    ids = [r.id for r in ctx.evaluation.bad_reviews()]
    for rid in ids:
        assert ctx.evaluation.file_appeal(rid, "恶意差评，有录像为证", by=sup).appeal_status == "pending"
    up = ctx.evaluation.record_appeal_outcome(ids[0], upheld=True, outcome="复核通过，剔除", by=sup)
    down = ctx.evaluation.record_appeal_outcome(ids[1], upheld=False, outcome="复核驳回", by=sup)
    assert (up.appeal_status, up.status) == ("upheld", "closed")
    assert (down.appeal_status, down.status) == ("rejected", "assigned")


def test_default_rating_after_n_days_when_enabled(ctx) -> None:  # type: ignore[no-untyped-def]
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-4")
    ctx.clock.advance(days=8)
    assert ctx.evaluation.apply_defaults() == 0  # off by default
    ctx.evaluation.configure(bad_review_days=5, default_enabled=True, default_days=7, by="admin")
    assert ctx.evaluation.apply_defaults() == 1
    got = ctx.evaluation.get(req.id)
    assert (got.level, got.is_default, got.channel) == (3, True, "default")
    assert ctx.evaluation.apply_defaults() == 0


def _ops(ctx) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return [(o.entity, o.op_type) for o in s.execute(select(Outbox).order_by(Outbox.client_ts)).scalars()]


def test_clerk_sees_only_pending_or_done_and_qr_payload(ctx) -> None:  # type: ignore[no-untyped-def]
    assert ctx.evaluation.state_for(ticket_id="t-5") == "none"
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-5", case_id="c-5")
    assert ctx.evaluation.state_for(ticket_id="t-5") == "pending"
    assert ctx.evaluation.qr_payload(req.id) is None  # no district template yet
    ctx.evaluation.set_qr_template("https://hcp.example.gov.cn/r?id={id}&n={service_number}", by="admin")
    assert ctx.evaluation.qr_payload(req.id) == f"https://hcp.example.gov.cn/r?id={req.id}&n=1"
    with pytest.raises(ServiceError):
        ctx.evaluation.set_qr_template("{evaluator}", by="admin")
    ctx.evaluation.record(req.id, 4)
    assert ctx.evaluation.state_for(case_id="c-5") == "done"
