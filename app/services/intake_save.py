"""Saving an intake: applicant, cases, materials, commitments, events, outbox and audit in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.counters import next_serial
from app.db.models import Applicant, Case, CaseMaterial, CatalogueVersion, Commitment, IntakeDraft, ServiceItemRow
from app.domain.cases import CaseAction
from app.domain.catalogue import ProjectType, ServiceItem
from app.domain.checklist import ChecklistOutcome, Decision, MaterialEntry, MaterialState
from app.domain.numbering import NumberingError, new_query_password, provisional_number
from app.services.auth import OperatorInfo
from app.services.cases_events import apply_transition
from app.services.clock import local_day
from app.services.errors import ServiceError
from app.services.intake import CERT_TYPE
from app.services.intake_types import ApplicantInput, IntakeRequest, IntakeResult, ItemIntake, SavedCase

if TYPE_CHECKING:
    from app.services.context import AppContext

_ACTION = {
    Decision.ACCEPT: CaseAction.ACCEPT,
    Decision.ACCEPT_WITH_DEFICIENCY: CaseAction.ACCEPT_WITH_DEFICIENCY,
    Decision.REQUEST_SUPPLEMENT: CaseAction.REQUEST_SUPPLEMENT,
    Decision.REJECT: CaseAction.REJECT,
}


def upsert_applicant(ctx: AppContext, s: Session, a: ApplicantInput, at: datetime) -> str:
    """The applicant's row id: found by keyed hash of the ID number and refreshed, or created."""
    cipher = ctx.cipher
    key = cipher.lookup_hash(a.cert_no)
    row = s.execute(select(Applicant).where(Applicant.cert_no_hash == key).limit(1)).scalar_one_or_none()
    if row is None:
        row = Applicant(kind=a.kind, cert_type=CERT_TYPE[a.kind], cert_no_enc=cipher.encrypt(a.cert_no),
                        cert_no_hash=key, created_at=at)
        s.add(row)
    row.name, row.address, row.legal_rep, row.updated_at = a.name, a.address, a.legal_rep, at
    if a.phone:
        row.phone_enc, row.phone_hash = cipher.encrypt(a.phone), cipher.lookup_hash(a.phone)
    s.flush()
    return row.id


def _item_row(s: Session, code: str) -> tuple[int, str]:
    row = s.execute(select(ServiceItemRow.id, CatalogueVersion.version).join(CatalogueVersion)
                    .where(CatalogueVersion.active, ServiceItemRow.code == code)).first()
    if row is None:
        raise ServiceError(f"目录中没有编码为 {code} 的事项。", code="unknown_item")
    return int(row[0]), str(row[1])


def _decision_for(request: IntakeRequest, outcome: ChecklistOutcome) -> Decision:
    # a bundle accepted as a whole: each case says whether it was accepted with 容缺
    if request.decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY):
        return outcome.decision
    return request.decision


def _dates(ctx: AppContext, item: ServiceItem, day: date, accepted: bool) -> tuple[date | None, date | None]:
    """(promise due, legal due) counted in working days from the local accept day; none before acceptance."""
    if not accepted:
        return None, None
    if item.project_type is ProjectType.IMMEDIATE:
        return day, day
    return ctx.calendar.due(day, item.promise_limit), ctx.calendar.due(day, item.legal_limit)


def _materials(s: Session, case_id: str, item: ServiceItem, intake: ItemIntake) -> None:
    entries = {e.code: e for e in intake.materials}
    for m in item.materials_for(intake.situations):
        e = entries.get(m.code, MaterialEntry(m.code))
        s.add(CaseMaterial(case_id=case_id, material_code=m.code, name=m.name, state=e.state.value,
                           originals=e.originals, copies=e.copies,
                           deficiency_due=e.deficiency_due if e.state is MaterialState.DEFICIENCY else None))


def _commitments(s: Session, case_id: str, item: ServiceItem, intake: ItemIntake, signer: str,
                 at: datetime, verify_due: date | None) -> None:
    names = {m.code: m for m in item.materials}
    for e in intake.materials:
        if e.state is MaterialState.COMMITMENT and e.code in names:
            m = names[e.code]
            s.add(Commitment(case_id=case_id, material_code=m.code, proof_name=m.proof_replaced or m.name,
                             template_version="1", signed_at=at if e.commitment_signed else None,
                             signer_name=signer, verify_due=verify_due))


def save_intake(ctx: AppContext, request: IntakeRequest, applicant: ApplicantInput, agent: ApplicantInput | None,
                outcomes: Sequence[ChecklistOutcome], operator: OperatorInfo) -> IntakeResult:
    """Write the whole intake or nothing; the operator's draft goes in the same transaction."""
    now = ctx.clock.now()
    day = local_day(now, ctx.settings.tz)
    station = ctx.station.get()
    if station is None:
        raise ServiceError("本站点尚未设置，请管理员先完成站点设置。", code="no_station")
    password = new_query_password()
    group = str(uuid.uuid4()) if len(request.items) > 1 else None
    saved: list[SavedCase] = []
    # Everything that reads the database through another service is done before the write
    # transaction: a second session inside it would wait for our own write lock.
    plans = []
    for intake, outcome in zip(request.items, outcomes, strict=True):
        item = ctx.intake.item(intake.item_code)
        decision = _decision_for(request, outcome)
        accepted = decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY)
        plans.append((intake, outcome, item, decision, accepted, *_dates(ctx, item, day, accepted)))
    with ctx.db.session() as s:
        applicant_id = upsert_applicant(ctx, s, applicant, now)
        agent_id = upsert_applicant(ctx, s, agent, now) if agent else None
        for intake, outcome, item, decision, accepted, due, legal_due in plans:
            item_id, version = _item_row(s, item.code)
            try:
                number = provisional_number(station.area_code, day,
                                            next_serial(s, f"case:{station.area_code}:{day:%Y%m%d}"))
            except NumberingError as exc:
                raise ServiceError(exc.message_zh, code="numbering") from exc
            case = Case(provisional_no=number, query_password=password, item_id=item_id, item_code=item.code,
                        catalogue_version=version, bundle_code=request.bundle_code, bundle_group=group,
                        applicant_id=applicant_id, agent_id=agent_id, status="receiving",
                        project_type=int(item.project_type), situations=list(intake.situations),
                        received_at=now, accepted_at=now if accepted else None, due_date=due,
                        legal_due_date=legal_due, operator_id=operator.id, window_no=station.window_no,
                        ticket_id=request.ticket_id, form_data=dict(intake.form_data),
                        delivery_mode=request.delivery_mode, delivery_address=request.delivery_address,
                        created_at=now, updated_at=now)
            s.add(case)
            s.flush()
            _materials(s, case.id, item, intake)
            _commitments(s, case.id, item, intake, applicant.name, now, due)
            reason = _reason(request, decision)
            apply_transition(s, case, _ACTION[decision], at=now, operator_id=operator.id,
                             username=operator.username, reason=reason, new_case=True,
                             data=_event_data(request, outcome, decision))
            saved.append(SavedCase(case.id, number, item.code, item.name, case.status,
                                   _ACTION[decision].value, due))
        s.execute(delete(IntakeDraft).where(IntakeDraft.operator_id == operator.id))
    return IntakeResult(tuple(saved), password, group, request.decision, now)


def _reason(request: IntakeRequest, decision: Decision) -> str | None:
    if decision is Decision.REJECT:
        return request.reject_reason.strip()
    return None


def _event_data(request: IntakeRequest, outcome: ChecklistOutcome, decision: Decision) -> dict[str, object]:
    data: dict[str, object] = {}
    if decision is Decision.REQUEST_SUPPLEMENT:
        data["missing"] = [{"code": b.material_code, "name": b.material_name, "reason": b.reason,
                            "standard": b.accept_standard} for b in outcome.blockers]
    if decision is Decision.ACCEPT_WITH_DEFICIENCY:
        data["deficiencies"] = [{"code": c, "due": d.isoformat()} for c, d in outcome.deficiencies]
    if decision is Decision.REJECT:
        data["legal_basis"] = request.legal_basis.strip()
        data["competent_agency"] = request.competent_agency.strip()
    if outcome.commitments:
        data["commitments"] = list(outcome.commitments)
    return data
