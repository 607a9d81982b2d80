"""好差评: ask for a rating after each service, record it, follow up 差评 within a working-day deadline.

Who gave a rating is stored encrypted and is never part of any DTO this module returns:
staff see that a rating is pending or done, supervisors see grades and reasons, nobody sees the author.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import BadReviewTicket, Evaluation, Outbox, Setting
from app.db.outbox import add_op
from app.db.session import Database
from app.domain.evaluation import (
    DEFAULT_BAD_REVIEW_DAYS,
    DEFAULT_GRADE,
    Channel,
    DefaultRule,
    EvaluationRefused,
    ReviewStatus,
    after_appeal,
    check_bad_review_days,
    check_rating,
    check_step,
    is_bad,
)
from app.domain.units import TimeLimit, TimeUnit
from app.security.pii import PiiCipher
from app.services.audit import append_audit
from app.services.clock import Clock, local_day
from app.services.errors import ServiceError

BAD_REVIEW_DAYS_KEY = "evaluation.bad_review_days"
DEFAULT_RULE_KEY = "evaluation.default_rule"
QR_TEMPLATE_KEY = "evaluation.qr_template"  # per district, e.g. "https://hcp.example.gov.cn/r?id={id}"

_REFUSALS = {
    "level": "评价等级只能是 1 到 5（非常不满意到非常满意）。请重新选择。",
    "indicator": "所选差评原因不在指标列表中。请从列表中选择。",
    "indicator_not_bad": "只有“不满意”或“非常不满意”才能选择差评原因。",
    "bad_review_days": "差评整改期限只能是 5、7 或 15 个工作日。",
    "step": "该差评工单当前状态不允许此操作。请刷新后重试。",
}


def _refused(exc: EvaluationRefused) -> ServiceError:
    return ServiceError(_REFUSALS.get(exc.code, "操作不符合好差评规则。"), code=exc.code)


@dataclass(frozen=True)
class EvaluationInfo:
    """A rating as staff may see it: no field names or holds the evaluator."""

    id: str
    case_id: str | None
    ticket_id: str | None
    channel: str
    level: int | None
    indicators: tuple[str, ...]
    comment: str
    is_default: bool
    operator_id: str | None
    requested_at: datetime
    rated_at: datetime | None

    @property
    def pending(self) -> bool:
        """Still waiting for the applicant's rating."""
        return self.level is None


@dataclass(frozen=True)
class BadReviewInfo:
    """A 差评 follow-up ticket with its rating, for the supervisor (never the evaluator)."""

    id: str
    evaluation_id: str
    level: int
    indicators: tuple[str, ...]
    comment: str
    rated_operator_id: str | None
    opened_at: datetime
    due_date: date
    assignee_id: str | None
    status: str
    callback_at: datetime | None
    callback_note: str
    rectification: str
    appeal_status: str
    appeal_outcome: str
    closed_at: datetime | None
    overdue: bool


def _info(row: Evaluation) -> EvaluationInfo:
    return EvaluationInfo(row.id, row.case_id, row.ticket_id, row.channel, row.level, tuple(row.indicators or ()),
                          row.comment, row.is_default, row.operator_id, row.requested_at, row.rated_at)


def _payload(row: Evaluation) -> dict[str, Any]:
    """What the district receives: the rating and the encrypted author token, as stored."""
    return {"id": row.id, "case_id": row.case_id, "ticket_id": row.ticket_id, "channel": row.channel,
            "service_number": row.service_number, "level": row.level, "indicators": list(row.indicators or ()),
            "comment": row.comment, "is_default": row.is_default, "operator_id": row.operator_id,
            "requested_at": row.requested_at.isoformat(),
            "rated_at": row.rated_at.isoformat() if row.rated_at else None}


def _review_payload(t: BadReviewTicket) -> dict[str, Any]:
    return {"id": t.id, "evaluation_id": t.evaluation_id, "due_date": t.due_date.isoformat(),
            "assignee_id": t.assignee_id, "status": t.status, "callback_note": t.callback_note,
            "callback_at": t.callback_at.isoformat() if t.callback_at else None,
            "rectification": t.rectification, "appeal_status": t.appeal_status,
            "appeal_outcome": t.appeal_outcome, "closed_at": t.closed_at.isoformat() if t.closed_at else None}


class EvaluationService:
    """Rating requests, ratings, default ratings and the 差评 follow-up."""

    def __init__(self, db: Database, clock: Clock, tz: ZoneInfo, due: Callable[[date, TimeLimit], date],
                 cipher: Callable[[], PiiCipher]) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz
        self._due = due
        self._cipher = cipher

    # ---- Settings
    def bad_review_days(self) -> int:
        """Working days to close a 差评 (5, 7 or 15; 5 unless set)."""
        with self._db.session() as s:
            row = s.get(Setting, BAD_REVIEW_DAYS_KEY)
            return int(row.value) if row else DEFAULT_BAD_REVIEW_DAYS

    def default_rule(self) -> DefaultRule:
        """The local default-rating rule (off unless set)."""
        with self._db.session() as s:
            row = s.get(Setting, DEFAULT_RULE_KEY)
            return DefaultRule(**row.value) if row else DefaultRule()

    def configure(self, *, bad_review_days: int, default_enabled: bool, default_days: int = 7, by: str) -> None:
        """Set the follow-up deadline and the default-rating rule (admin)."""
        try:
            check_bad_review_days(bad_review_days)
        except EvaluationRefused as exc:
            raise _refused(exc) from exc
        if default_days < 1:
            raise ServiceError("默认好评天数至少为 1 天。", code="default_days")
        now = self._clock.now()
        with self._db.session() as s:
            s.merge(Setting(key=BAD_REVIEW_DAYS_KEY, value=bad_review_days))
            s.merge(Setting(key=DEFAULT_RULE_KEY, value={"enabled": default_enabled, "days": default_days}))
            append_audit(s, at=now, operator=by, action="evaluation.configure",
                         detail={"days": bad_review_days, "default": default_enabled, "default_days": default_days})

    def qr_payload(self, evaluation_id: str) -> str | None:
        """What the receipt's rating QR code encodes: the district's template filled with this request's id."""
        with self._db.session() as s:
            row = s.get(Setting, QR_TEMPLATE_KEY)
            ev = self._evaluation(s, evaluation_id)
            if not row or not row.value:
                return None
            return str(row.value).format(id=ev.id, case_id=ev.case_id or "", service_number=ev.service_number)

    def receipt_qr(self, case_id: str, *, by: str) -> str | None:
        """The receipt's rate-later QR payload: a pending QR request for the case (reused); None when QR is off."""
        with self._db.session() as s:
            row = s.get(Setting, QR_TEMPLATE_KEY)
            if not row or not row.value:
                return None
            found = s.execute(select(Evaluation.id).where(Evaluation.case_id == case_id, Evaluation.level.is_(None),
                                                          Evaluation.channel == Channel.QR)).scalars().first()
        return self.qr_payload(found or self.request(by=by, case_id=case_id, channel=Channel.QR).id)

    def set_qr_template(self, template: str, *, by: str) -> None:
        """Set the district's QR payload template ({id}, {case_id}, {service_number}); empty turns QR off."""
        try:
            template.format(id="x", case_id="y", service_number=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise ServiceError("二维码模板只能使用 {id}、{case_id}、{service_number} 三个占位符。", code="qr") from exc
        with self._db.session() as s:
            s.merge(Setting(key=QR_TEMPLATE_KEY, value=template.strip()))
            append_audit(s, at=self._clock.now(), operator=by, action="evaluation.qr_template",
                         detail={"template": template.strip()})

    # ---- Ratings
    def state_for(self, *, ticket_id: str | None = None, case_id: str | None = None) -> str:
        """For the clerk's screen: "none", "pending" or "done" — never the grade's author."""
        col, value = (Evaluation.ticket_id, ticket_id) if ticket_id else (Evaluation.case_id, case_id)
        with self._db.session() as s:
            levels = s.execute(select(Evaluation.level).where(col == value)).scalars().all()
        if not levels:
            return "none"
        return "pending" if any(level is None for level in levels) else "done"

    def request(self, *, by: str, ticket_id: str | None = None, case_id: str | None = None,
                channel: Channel = Channel.SCREEN) -> EvaluationInfo:
        """Ask for a rating after a finished ticket or case (一次一评): a pending row, nothing filled in."""
        if not ticket_id and not case_id:
            raise ServiceError("请先办结一个排队号或办件，再请求评价。", code="nothing_to_rate")
        now = self._clock.now()
        with self._db.session() as s:
            count = 0
            if case_id:
                count = len(s.execute(select(Evaluation.id).where(Evaluation.case_id == case_id)).all())
            row = Evaluation(case_id=case_id, ticket_id=ticket_id, service_number=count + 1, channel=channel,
                             level=None, indicators=[], comment="", operator_id=by, requested_at=now)
            s.add(row)
            s.flush()
            self._log(s, row, "request", now, by)
            return _info(row)

    def pending(self) -> EvaluationInfo | None:
        """The newest rating still waiting on the customer screen, if any."""
        with self._db.session() as s:
            # A receipt's QR request waits for the applicant's phone, not for the customer screen.
            row = s.execute(select(Evaluation).where(Evaluation.level.is_(None), Evaluation.channel != Channel.QR)
                            .order_by(Evaluation.requested_at.desc()).limit(1)).scalar_one_or_none()
            return _info(row) if row else None

    def get(self, evaluation_id: str) -> EvaluationInfo:
        """One rating as staff may see it."""
        with self._db.session() as s:
            return _info(self._evaluation(s, evaluation_id))

    def record(self, evaluation_id: str, level: int, indicators: Iterable[str] = (), comment: str = "", *,
               evaluator: str | None = None, channel: Channel | None = None) -> EvaluationInfo:
        """Record the applicant's own rating; a 差评 opens a follow-up ticket in the same transaction."""
        try:
            grade, codes = check_rating(level, indicators)
        except EvaluationRefused as exc:
            raise _refused(exc) from exc
        token = self._cipher().encrypt(evaluator) if evaluator else None
        now = self._clock.now()
        # The calendar reads the database itself: work the due date out before this transaction opens.
        due = self._review_due(now) if is_bad(grade) else None
        with self._db.session() as s:
            row = self._evaluation(s, evaluation_id)
            if row.level is not None:
                raise ServiceError("这次服务已经评价过，每次服务只能评价一次。", code="already_rated")
            row.level, row.indicators, row.comment = int(grade), list(codes), comment.strip()
            row.evaluator_enc, row.rated_at = token, now
            row.channel = channel or row.channel
            self._log(s, row, "rate", now, "applicant")
            if due is not None:
                self._open_review(s, row, now, due)
            return _info(row)

    def apply_defaults(self, *, by: str = "system") -> int:
        """Record 基本满意 as a default for requests unrated after N days, when the local rule is on."""
        rule = self.default_rule()
        if not rule.enabled:
            return 0
        now = self._clock.now()
        with self._db.session() as s:
            rows = s.execute(select(Evaluation).where(Evaluation.level.is_(None))).scalars().all()
            due = [r for r in rows if rule.due(r.requested_at, now)]
            for row in due:
                row.level, row.is_default, row.rated_at, row.channel = int(DEFAULT_GRADE), True, now, Channel.DEFAULT
                self._log(s, row, "default", now, by)
            return len(due)

    def _evaluation(self, s: Session, evaluation_id: str) -> Evaluation:
        row = s.get(Evaluation, evaluation_id)
        if row is None:
            raise ServiceError("找不到这条评价记录，可能已被处理。请刷新。", code="not_found")
        return row

    def _log(self, s: Session, row: Evaluation, op: str, now: datetime, by: str) -> None:
        add_op(s, entity="evaluation", entity_id=row.id, op_type=op, payload=_payload(row), at=now,
               operator_id=None if by in ("applicant", "system") else by, case_id=row.case_id)
        append_audit(s, at=now, operator=by, action=f"evaluation.{op}",
                     detail={"id": row.id, "level": row.level, "is_default": row.is_default})

    def _review_due(self, now: datetime) -> date:
        """Due date of a 差评 follow-up opened now: N working days after the station-local day."""
        limit = TimeLimit(self.bad_review_days(), TimeUnit.WORKING_DAY)
        return self._due(local_day(now, self._tz), limit)

    def _open_review(self, s: Session, row: Evaluation, now: datetime, due: date) -> None:
        ticket = BadReviewTicket(evaluation_id=row.id, opened_at=now, status=ReviewStatus.OPEN, due_date=due)
        s.add(ticket)
        s.flush()
        self._log_review(s, ticket, "open", now, "system")

    def _log_review(self, s: Session, t: BadReviewTicket, step: str, now: datetime, by: str) -> None:
        # The gateway knows a follow-up as create, then updates carrying its state and the version they build on;
        # every change went through the outbox, so the count of earlier rows is that version.
        earlier = s.execute(select(func.count()).select_from(Outbox).where(Outbox.entity_id == t.id)).scalar_one()
        payload = {**_review_payload(t), "state": t.status, "step": step}
        add_op(s, entity="bad_review", entity_id=t.id, op_type="create" if step == "open" else "update",
               payload=payload, at=now, operator_id=None if by == "system" else by,
               base_version=None if step == "open" else int(earlier))
        append_audit(s, at=now, operator=by, action=f"bad_review.{step}", detail={"id": t.id, "status": t.status})

    # ---- 差评 follow-up (supervisor)
    def bad_reviews(self, *, include_closed: bool = False) -> list[BadReviewInfo]:
        """Follow-up tickets, most urgent first; `overdue` is judged on the station-local today."""
        today = local_day(self._clock.now(), self._tz)
        stmt = (select(BadReviewTicket, Evaluation.level, Evaluation.indicators, Evaluation.comment,
                       Evaluation.operator_id)
                .join(Evaluation, Evaluation.id == BadReviewTicket.evaluation_id)
                .order_by(BadReviewTicket.due_date, BadReviewTicket.opened_at))
        if not include_closed:
            stmt = stmt.where(BadReviewTicket.status != ReviewStatus.CLOSED)
        with self._db.session() as s:
            return [_review_info(t, lvl, ind, com, op, today) for t, lvl, ind, com, op in s.execute(stmt)]

    def overdue(self) -> list[BadReviewInfo]:
        """Open follow-ups past their due date."""
        return [r for r in self.bad_reviews() if r.overdue]

    def assign(self, review_id: str, assignee_id: str, *, by: str) -> BadReviewInfo:
        """Give the follow-up to a person (谁办理谁负责: usually the operator who served)."""
        def change(t: BadReviewTicket, now: datetime) -> None:
            t.assignee_id, t.status = assignee_id, ReviewStatus.ASSIGNED
        return self._step(review_id, "assign", change, by)

    def record_callback(self, review_id: str, note: str, *, by: str) -> BadReviewInfo:
        """The applicant was called back (回访); what they said."""
        if not note.strip():
            raise ServiceError("请填写回访情况（联系结果、申请人意见）。", code="callback_note")

        def change(t: BadReviewTicket, now: datetime) -> None:
            t.callback_at, t.callback_note, t.status = now, note.strip(), ReviewStatus.CALLED_BACK
            t.assignee_id = t.assignee_id or by
        return self._step(review_id, "callback", change, by)

    def record_rectification(self, review_id: str, text: str, *, by: str) -> BadReviewInfo:
        """What was fixed (整改); closes the follow-up."""
        if not text.strip():
            raise ServiceError("请填写整改措施和结果。", code="rectification")

        def change(t: BadReviewTicket, now: datetime) -> None:
            t.rectification, t.status, t.closed_at = text.strip(), ReviewStatus.CLOSED, now
        return self._step(review_id, "rectify", change, by)

    def file_appeal(self, review_id: str, reason: str, *, by: str) -> BadReviewInfo:
        """申诉 against a mistaken or malicious 差评."""
        if not reason.strip():
            raise ServiceError("请填写申诉理由和依据。", code="appeal_reason")

        def change(t: BadReviewTicket, now: datetime) -> None:
            t.appeal_status, t.status = "pending", ReviewStatus.APPEALING
            t.data = {**(t.data or {}), "appeal_reason": reason.strip(), "appeal_at": now.isoformat()}
        return self._step(review_id, "appeal", change, by)

    def record_appeal_outcome(self, review_id: str, *, upheld: bool, outcome: str, by: str) -> BadReviewInfo:
        """复核 result: upheld removes the 差评 and closes; rejected sends it back to rectification."""
        def change(t: BadReviewTicket, now: datetime) -> None:
            appeal, status = after_appeal(upheld)
            t.appeal_status, t.status, t.appeal_outcome = appeal, status, outcome.strip()
            t.closed_at = now if status is ReviewStatus.CLOSED else None
        return self._step(review_id, "appeal_outcome", change, by)

    def _step(self, review_id: str, step: str, change: Callable[[BadReviewTicket, datetime], None],
              by: str) -> BadReviewInfo:
        """Check the step against the status, change, sync and audit in one transaction."""
        now = self._clock.now()
        with self._db.session() as s:
            t = s.get(BadReviewTicket, review_id)
            if t is None:
                raise ServiceError("找不到这张差评工单。请刷新列表。", code="not_found")
            try:
                check_step(step, t.status)
            except EvaluationRefused as exc:
                raise _refused(exc) from exc
            change(t, now)
            self._log_review(s, t, step, now, by)
            ev = self._evaluation(s, t.evaluation_id)
            return _review_info(t, ev.level, ev.indicators, ev.comment, ev.operator_id,
                                local_day(now, self._tz))


def _review_info(t: BadReviewTicket, level: int | None, indicators: list[Any] | None, comment: str,
                 operator_id: str | None, today: date) -> BadReviewInfo:
    return BadReviewInfo(
        t.id, t.evaluation_id, level or 0, tuple(indicators or ()), comment, operator_id, t.opened_at, t.due_date,
        t.assignee_id, t.status, t.callback_at, t.callback_note, t.rectification, t.appeal_status,
        t.appeal_outcome, t.closed_at, t.status != ReviewStatus.CLOSED and t.due_date < today,
    )
