"""One case transition = status change + CaseEvent + outbox rows + audit, in the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Case, CaseEvent
from app.db.outbox import add_op
from app.domain.cases import (
    FINISHED_STATUSES,
    CaseAction,
    CaseEventRecord,
    CaseStatus,
    IllegalTransition,
    ReasonRequired,
    record_transition,
)
from app.services.audit import append_audit
from app.services.errors import ServiceError


def case_payload(case: Case) -> dict[str, Any]:
    """What the district receives about a case (no decrypted personal data)."""
    return {
        "id": case.id, "provisional_no": case.provisional_no, "item_code": case.item_code,
        "catalogue_version": case.catalogue_version, "bundle_code": case.bundle_code,
        "bundle_group": case.bundle_group, "applicant_id": case.applicant_id, "agent_id": case.agent_id,
        "window_status": case.status, "project_type": case.project_type, "situations": list(case.situations),
        "received_at": case.received_at.isoformat(),
        "accepted_at": case.accepted_at.isoformat() if case.accepted_at else None,
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "legal_due_date": case.legal_due_date.isoformat() if case.legal_due_date else None,
        "result_code": case.result_code, "result_reason": case.result_reason, "window_no": case.window_no,
        "operator_id": case.operator_id, "delivery_mode": case.delivery_mode, "version": case.version,
    }


def apply_transition(s: Session, case: Case, action: CaseAction, *, at: datetime, operator_id: str,
                     username: str, reason: str | None = None, data: dict[str, Any] | None = None,
                     new_case: bool = False) -> CaseEventRecord:
    """Move `case` by `action`, writing the event, the outbox rows and the audit entry."""
    try:
        record = record_transition(CaseStatus(case.status), action, at=at, operator_id=operator_id,
                                   reason=reason, data=data)
    except (IllegalTransition, ReasonRequired) as exc:
        raise ServiceError(exc.message_zh, code=exc.code) from exc
    case.status = record.to_status.value
    if record.to_status in FINISHED_STATUSES and case.finished_at is None:
        case.finished_at = at
    if record.result_code is not None:
        case.result_code = int(record.result_code)
        case.result_reason = record.reason
    if not new_case:
        case.version += 1
    case.updated_at = at
    seq = 1 if new_case else int(s.execute(
        select(func.coalesce(func.max(CaseEvent.seq), 0)).where(CaseEvent.case_id == case.id)).scalar_one()) + 1
    event = CaseEvent(case_id=case.id, seq=seq, action=action.value, from_status=record.from_status.value,
                      to_status=record.to_status.value, at=at, operator_id=operator_id, reason=record.reason,
                      data=dict(record.data))
    s.add(event)
    s.flush()
    _emit(s, case, event, at=at, operator_id=operator_id, new_case=new_case)
    append_audit(s, at=at, operator=username, action=f"case.{action.value}",
                 detail={"case": case.provisional_no, "from": event.from_status, "to": event.to_status})
    return record


def append_note_event(s: Session, case: Case, action: str, *, at: datetime, operator_id: str, username: str,
                      reason: str | None = None, data: dict[str, Any] | None = None) -> CaseEvent:
    """An event that does not move the case (e.g. a 核查 result): same outbox and audit trail."""
    seq = int(s.execute(
        select(func.coalesce(func.max(CaseEvent.seq), 0)).where(CaseEvent.case_id == case.id)).scalar_one()) + 1
    case.version += 1
    case.updated_at = at
    event = CaseEvent(case_id=case.id, seq=seq, action=action, from_status=case.status, to_status=case.status,
                      at=at, operator_id=operator_id, reason=reason, data=dict(data or {}))
    s.add(event)
    s.flush()
    _emit(s, case, event, at=at, operator_id=operator_id, new_case=False)
    append_audit(s, at=at, operator=username, action=f"case.{action}",
                 detail={"case": case.provisional_no, **(data or {})})
    return event


def _emit(s: Session, case: Case, event: CaseEvent, *, at: datetime, operator_id: str, new_case: bool) -> None:
    """The two outbox rows of a case change: the case's window-owned fields, then the event (R2, R9)."""
    add_op(s, entity="case", entity_id=case.id, op_type="create" if new_case else "update",
           payload=case_payload(case), at=at, operator_id=operator_id, case_id=case.id,
           base_version=None if new_case else case.version - 1)
    add_op(s, entity="case_event", entity_id=event.id, op_type="append",
           payload={"id": event.id, "case_id": case.id, "seq": event.seq, "event_type": event.action,
                    "from_status": event.from_status, "to_status": event.to_status, "at": at.isoformat(),
                    "operator_id": operator_id, "reason": event.reason, "data": event.data},
           at=at, operator_id=operator_id, case_id=case.id)
