"""The 出件签收单 issued when a case's result is handed over (through ctx.documents, kept for 补打)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.db.models import Applicant, Case, Delivery
from app.services.auth import OperatorInfo
from app.services.documents import DocumentInfo
from app.services.errors import ServiceError
from app.services.intake_docs import station_context

if TYPE_CHECKING:
    from app.services.context import AppContext

_METHOD_ZH = {"window": "窗口领取", "mail": "邮寄送达"}


def _delivery_context(ctx: AppContext, case_id: str) -> dict[str, Any]:
    """What the 出件签收单 prints: the case, the applicant, who collected it and how."""
    cipher = ctx.cipher
    with ctx.db.session() as s:
        case = s.get(Case, case_id)
        delivery = s.execute(select(Delivery).where(Delivery.case_id == case_id)
                             .order_by(Delivery.delivered_at.desc()).limit(1)).scalar_one_or_none()
        if case is None or delivery is None:
            raise ServiceError("该办件尚未出件，不能出具出件签收单。请先完成出件。", code="delivery.none")
        applicant = s.get(Applicant, case.applicant_id)
        agent = s.get(Applicant, case.agent_id) if case.agent_id and delivery.receiver_is_agent else None
        people = {"applicant": _person(cipher, applicant)}
        if agent is not None:
            people["agent"] = {**_person(cipher, agent), "relation": "受申请人委托"}
        facts = (case.provisional_no, case.query_password, case.item_code, delivery.mode, delivery.tracking_no,
                 delivery.delivered_at)
    number, password, item_code, mode, tracking, at = facts
    item = ctx.intake.item(item_code)
    station = ctx.station.get()
    method = _METHOD_ZH.get(mode, mode) + (f"（运单号 {tracking}）" if tracking else "")
    return {**people, "station": station_context(ctx, item), "window_no": station.window_no if station else "",
            "case": {"number": number, "query_password": password}, "item": {"name": item.name},
            "delivery": {"result_name": item.result_name or item.name, "count": "1 份", "method": method,
                         "delivered_at": at},
            "printed_at": at}


def _person(cipher: Any, row: Applicant | None) -> dict[str, Any]:
    if row is None:
        return {"name": "—", "id_number": "", "phone": ""}
    return {"name": row.name, "id_number": cipher.decrypt(row.cert_no_enc),
            "phone": cipher.decrypt(row.phone_enc) if row.phone_enc else ""}


def issue_delivery_receipt(ctx: AppContext, case_id: str, operator: OperatorInfo) -> DocumentInfo:
    """Number, render and keep the 出件签收单 of a delivered case (the operator's name printed on it)."""
    context = _delivery_context(ctx, case_id)
    context["operator"] = {"name": operator.display_name, "work_no": operator.username, "phone": ""}
    return ctx.documents.issue("delivery_receipt", "delivery_receipt", context, case_id=case_id,
                               operator_id=operator.id)
