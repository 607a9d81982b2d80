"""The cases (办件) page: list and search, detail with timeline, and the window's actions on a case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import Applicant, Case, CaseEvent, CaseMaterial, Commitment, Delivery, Document, ServiceItemRow
from app.domain.calendar import CalendarMissing, working_days_between
from app.domain.cases import CaseAction, CaseStatus, allowed_actions
from app.domain.catalogue import ProjectType
from app.domain.checklist import MaterialEntry, MaterialState
from app.domain.masking import mask_id, mask_phone
from app.services.auth import OperatorInfo
from app.services.cases_events import append_note_event, apply_transition
from app.services.cases_types import CaseDetail, CaseEventRow, CaseMaterialRow, CaseRow, CommitmentRow
from app.services.clock import local_day
from app.services.errors import ServiceError

if TYPE_CHECKING:
    from app.services.context import AppContext

A, S = CaseAction, CaseStatus
_OPEN = [s.value for s in (S.AWAIT_SUPPLEMENT, S.ACCEPTED, S.TRANSFERRED, S.IN_REVIEW, S.SUSPENDED, S.DECIDED,
                           S.READY_FOR_PICKUP)]
# From where the window (or the sync layer standing in for the back office) walks a case to 待出件.
_TO_READY = {S.ACCEPTED: A.TRANSFER, S.TRANSFERRED: A.START_REVIEW, S.IN_REVIEW: A.APPROVE, S.DECIDED: A.READY}
_WINDOW_ACTIONS = (A.COMPLETE_SUPPLEMENT, A.DELIVER, A.WITHDRAW, A.READY)
COMMITMENT_RESULTS = {"true": "属实", "false": "不实"}


class CasesService:
    """Reads cases and runs the window's actions; each action is one transaction with event + outbox + audit."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # ---- Reading
    def list_cases(self, *, text: str = "", status: str | None = None, overdue_only: bool = False,
                   limit: int = 500) -> list[CaseRow]:
        """Newest first; `text` matches number, applicant name, item code or name."""
        stmt = (select(Case, Applicant.name, ServiceItemRow.name).join(Applicant, Case.applicant_id == Applicant.id)
                .join(ServiceItemRow, Case.item_id == ServiceItemRow.id)
                .order_by(Case.received_at.desc(), Case.provisional_no.desc()).limit(limit))
        if text.strip():
            like = f"%{text.strip()}%"
            stmt = stmt.where(or_(Case.provisional_no.like(like), Applicant.name.like(like),
                                  Case.item_code.like(like), ServiceItemRow.name.like(like)))
        if status:
            stmt = stmt.where(Case.status == status)
        if overdue_only:
            stmt = stmt.where(Case.status.in_(_OPEN), Case.due_date.is_not(None), Case.due_date < self._today())
        self._ctx.calendar.calendar()  # warm the cache outside the transaction
        with self._ctx.db.session() as s:
            flagged = set(s.execute(select(Commitment.case_id).where(Commitment.verify_result == "false")).scalars())
            return [self._row(c, name, item_name, c.id in flagged) for c, name, item_name in s.execute(stmt).all()]

    def detail(self, case_id: str) -> CaseDetail:
        """The case with its timeline, materials, commitments and documents."""
        cipher = self._ctx.cipher
        self._ctx.calendar.calendar()
        with self._ctx.db.session() as s:
            case = self._get(s, case_id)
            applicant = s.get(Applicant, case.applicant_id)
            agent = s.get(Applicant, case.agent_id) if case.agent_id else None
            item_name = s.get(ServiceItemRow, case.item_id).name  # type: ignore[union-attr]
            commitments = tuple(CommitmentRow(c.id, c.material_code, c.proof_name, c.signed_at is not None,
                                              c.verify_result)
                                for c in s.execute(select(Commitment).where(Commitment.case_id == case_id)).scalars())
            row = self._row(case, applicant.name, item_name, any(c.verify_result == "false" for c in commitments))
            return CaseDetail(
                row=row, applicant_id_masked=mask_id(cipher.decrypt(applicant.cert_no_enc)),
                applicant_phone_masked=mask_phone(cipher.decrypt(applicant.phone_enc)) if applicant.phone_enc else "",
                agent_name=agent.name if agent else "", query_password=case.query_password,
                delivery_mode=case.delivery_mode, events=_events(s, case_id), materials=_materials(s, case_id),
                commitments=commitments, documents=_documents(s, case),
                allowed=tuple(a.value for a in _WINDOW_ACTIONS if a in allowed_actions(S(case.status))))

    # ---- Actions
    def complete_supplement(self, case_id: str, operator: OperatorInfo,
                            received: Sequence[MaterialEntry] = ()) -> CaseRow:
        """补正 → 受理: the missing materials arrived; the time limit starts today."""
        item = self._item_of(case_id)
        today = self._today()
        due = today if item.project_type is ProjectType.IMMEDIATE else self._ctx.calendar.due(today, item.promise_limit)
        legal = today if item.project_type is ProjectType.IMMEDIATE else self._ctx.calendar.due(today, item.legal_limit)
        given = {e.code: e for e in received}

        def change(s: Session, case: Case) -> None:
            asked = _asked_for(s, case_id)
            for m in s.execute(select(CaseMaterial).where(CaseMaterial.case_id == case_id)).scalars():
                if m.material_code in asked or m.material_code in given:
                    e = given.get(m.material_code)
                    m.state = e.state.value if e else MaterialState.RECEIVED.value
                    m.originals, m.copies = (e.originals, e.copies) if e else (max(m.originals, 1), m.copies)
            case.due_date, case.legal_due_date, case.accepted_at = due, legal, self._ctx.clock.now()
            self._move(s, case, A.COMPLETE_SUPPLEMENT, operator)

        return self._act(case_id, change)

    def mark_ready(self, case_id: str, operator: OperatorInfo) -> CaseRow:
        """Walk an accepted case to 待出件 (a 即办件 is approved at the window), one event per step."""
        def change(s: Session, case: Case) -> None:
            if S(case.status) not in _TO_READY:
                raise ServiceError("只有已受理、审批中或已办结的办件可以转为待出件。", code="not_ready")
            while S(case.status) in _TO_READY:
                action = _TO_READY[S(case.status)]
                if case.project_type == int(ProjectType.IMMEDIATE) and S(case.status) is S.ACCEPTED:
                    action = A.APPROVE  # decided on the spot
                self._move(s, case, action, operator)

        return self._act(case_id, change)

    def deliver_at_window(self, case_id: str, operator: OperatorInfo, *, receiver_name: str, receiver_cert_no: str,
                          signature: bytes | str) -> CaseRow:
        """出件 at the window: the receiver must be the applicant or the authorised agent; the signature is kept."""
        sig = signature.encode("utf-8") if isinstance(signature, str) else signature
        if not sig.strip():
            raise ServiceError("请领取人签名后再出件。", code="deliver.signature")
        key = self._ctx.cipher.lookup_hash(receiver_cert_no.strip().upper())

        def change(s: Session, case: Case) -> None:
            applicant = s.get(Applicant, case.applicant_id)
            agent = s.get(Applicant, case.agent_id) if case.agent_id else None
            if applicant is not None and key == applicant.cert_no_hash:
                is_agent = False
            elif agent is not None and key == agent.cert_no_hash:
                is_agent = True
            else:
                raise ServiceError("领取人证件号码与申请人及其委托代理人均不一致，不能出件。请核对证件。",
                                   code="deliver.identity")
            s.add(Delivery(case_id=case.id, mode="window", receiver_name=receiver_name.strip(),
                           receiver_cert_hash=key, receiver_is_agent=is_agent, signature_png=sig,
                           delivered_at=self._ctx.clock.now(), operator_id=operator.id))
            self._move(s, case, A.DELIVER, operator, data={"mode": "window", "agent": is_agent})

        return self._act(case_id, change)

    def deliver_by_mail(self, case_id: str, operator: OperatorInfo, *, tracking_no: str, address: str = "") -> CaseRow:
        """出件 by post: the tracking number is the proof."""
        if not tracking_no.strip():
            raise ServiceError("请填写邮寄单号。", code="deliver.tracking_no")

        def change(s: Session, case: Case) -> None:
            s.add(Delivery(case_id=case.id, mode="mail", tracking_no=tracking_no.strip(),
                           delivered_at=self._ctx.clock.now(), operator_id=operator.id))
            if address.strip():
                case.delivery_address = address.strip()
            self._move(s, case, A.DELIVER, operator, data={"mode": "mail", "tracking_no": tracking_no.strip()})

        return self._act(case_id, change)

    def withdraw(self, case_id: str, operator: OperatorInfo, reason: str) -> CaseRow:
        """The applicant withdraws (撤回); the reason is required."""
        return self._act(case_id, lambda s, case: self._move(s, case, A.WITHDRAW, operator, reason=reason))

    def record_commitment_check(self, commitment_id: str, operator: OperatorInfo, *, result: str,
                                note: str = "") -> CaseRow:
        """核查 result: 属实 closes the check; 不实 flags the case (credit record, stop or revoke follows)."""
        if result not in COMMITMENT_RESULTS:
            raise ServiceError("核查结果只能是“属实”或“不实”。", code="commitment.result")
        if result == "false" and not note.strip():
            raise ServiceError("核查不实时请写明不实的情况。", code="commitment.note")
        with self._ctx.db.session() as s:
            c = s.get(Commitment, commitment_id)
            if c is None:
                raise ServiceError("找不到该告知承诺书。", code="commitment.unknown")
            case_id = c.case_id
        now = self._ctx.clock.now()

        def change(s: Session, case: Case) -> None:
            c = s.get(Commitment, commitment_id)
            c.verify_result, c.verified_at, c.verify_note = result, now, note.strip()  # type: ignore[union-attr]
            append_note_event(s, case, "commitment_check", at=now, operator_id=operator.id,
                              username=operator.username, reason=note.strip() or None,
                              data={"commitment": commitment_id, "result": result, "flagged": result == "false"})

        return self._act(case_id, change)

    # ---- Private
    def _today(self) -> date:
        return local_day(self._ctx.clock.now(), self._ctx.settings.tz)

    def _item_of(self, case_id: str) -> Any:
        with self._ctx.db.session() as s:
            item_id = self._get(s, case_id).item_id
        return self._ctx.catalogue.item_by_row_id(item_id)

    def _get(self, s: Session, case_id: str) -> Case:
        case = s.get(Case, case_id)
        if case is None:
            raise ServiceError("找不到该办件。", code="case.unknown")
        return case

    def _move(self, s: Session, case: Case, action: CaseAction, operator: OperatorInfo, *,
              reason: str | None = None, data: dict[str, Any] | None = None) -> None:
        apply_transition(s, case, action, at=self._ctx.clock.now(), operator_id=operator.id,
                         username=operator.username, reason=reason, data=data)

    def _act(self, case_id: str, change: Callable[[Session, Case], None]) -> CaseRow:
        self._ctx.calendar.calendar()  # warm the cache outside the write transaction
        with self._ctx.db.session() as s:
            case = self._get(s, case_id)
            change(s, case)
            applicant = s.get(Applicant, case.applicant_id)
            item = s.get(ServiceItemRow, case.item_id)
            flagged = s.execute(select(Commitment.id).where(Commitment.case_id == case_id,
                                                            Commitment.verify_result == "false")).first()
            return self._row(case, applicant.name, item.name, flagged is not None)  # type: ignore[union-attr]

    def _row(self, c: Case, applicant_name: str, item_name: str, flagged: bool) -> CaseRow:
        overdue, warn = self._urgency(c)
        return CaseRow(c.id, c.provisional_no, applicant_name, c.item_code, item_name, c.status, c.due_date,
                       c.received_at, overdue, warn, flagged, c.bundle_group)

    def _urgency(self, c: Case) -> tuple[bool, bool]:
        """(overdue, ≤ 1 working day left) for an open case with a due date."""
        if c.due_date is None or c.status not in _OPEN:
            return False, False
        today = self._today()
        if c.due_date < today:
            return True, False
        try:
            return False, working_days_between(today, c.due_date, self._ctx.calendar.calendar()) <= 1
        except CalendarMissing:
            return False, True  # no calendar for the due year: warn rather than stay silent


def _asked_for(s: Session, case_id: str) -> set[str]:
    """Codes of the materials the 补正 notice asked for (optional ones left missing are not among them)."""
    rows = s.execute(select(CaseEvent.data).where(CaseEvent.case_id == case_id,
                                                  CaseEvent.action == A.REQUEST_SUPPLEMENT.value)).scalars()
    return {m["code"] for data in rows for m in (data or {}).get("missing", [])}


def _events(s: Session, case_id: str) -> tuple[CaseEventRow, ...]:
    rows = s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq)).scalars()
    return tuple(CaseEventRow(e.seq, e.action, e.from_status, e.to_status, e.at, e.operator_id, e.reason) for e in rows)


def _materials(s: Session, case_id: str) -> tuple[CaseMaterialRow, ...]:
    rows = s.execute(select(CaseMaterial).where(CaseMaterial.case_id == case_id).order_by(CaseMaterial.id)).scalars()
    return tuple(CaseMaterialRow(m.material_code, m.name, m.state, m.originals, m.copies, m.deficiency_due)
                 for m in rows)


def _documents(s: Session, case: Case) -> tuple[tuple[str, str, str], ...]:
    ids = [case.id]
    if case.bundle_group:
        ids = list(s.execute(select(Case.id).where(Case.bundle_group == case.bundle_group)).scalars())
    rows = s.execute(select(Document.id, Document.kind, Document.doc_no).where(Document.case_id.in_(ids))
                     .order_by(Document.created_at, Document.kind, Document.doc_no)).all()
    return tuple((r[0], r[1], r[2]) for r in rows)
