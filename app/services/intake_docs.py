"""The intake's documents (回执, 补正告知书, 不予受理通知书, 容缺受理通知书, 告知承诺书) issued via ctx.documents."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.domain.catalogue import ServiceItem, zh_name
from app.domain.checklist import Decision, MaterialEntry, MaterialState
from app.services.auth import OperatorInfo
from app.services.clock import local_day
from app.services.documents import DocumentInfo
from app.services.errors import message_of
from app.services.intake_types import IntakeRequest, IntakeResult

if TYPE_CHECKING:
    from app.services.context import AppContext

log = logging.getLogger(__name__)

_TEMPLATES = {
    Decision.ACCEPT: ("receipt",),
    Decision.ACCEPT_WITH_DEFICIENCY: ("receipt", "deficiency_notice"),
    Decision.REQUEST_SUPPLEMENT: ("supplement_notice",),
    Decision.REJECT: ("rejection_notice",),
}
_STATE_ZH = {
    MaterialState.RECEIVED: "已收", MaterialState.ELICENSE: "已收（电子证照）",
    MaterialState.COMMITMENT: "告知承诺替代", MaterialState.DEFICIENCY: "容缺后补",
    MaterialState.MISSING: "缺", MaterialState.NOT_APPLICABLE: "不适用",
}


def _days(limit: Any) -> str:
    return "即办" if limit.days == 0 else f"{limit.days} 个工作日"


def station_context(ctx: AppContext, item: ServiceItem) -> dict[str, Any]:
    """The station block every document prints (agency, address, phones, remedies)."""
    info = ctx.station.get()
    name = info.name if info else ""
    return {"name": name, "agency_name": (info.agency_name if info else "") or name,
            "address": item.handle_place or name, "consult_phone": item.consult_phone or "—",
            "supervise_phone": item.supervise_phone or "12345", "timezone": str(ctx.settings.tz),
            "review_agency": "本级人民政府", "court": "有管辖权的人民法院"}


def _material_rows(item: ServiceItem, entries: dict[str, MaterialEntry], situations: tuple[str, ...]
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(receipt rows, rows still to supply with their standard, 容缺 rows)."""
    rows, missing, deficient = [], [], []
    for m in item.materials_for(situations):
        e = entries.get(m.code, MaterialEntry(m.code))
        rows.append({"name": m.name, "original": e.originals, "copies": e.copies,
                     "form": zh_name(m.format), "status": _STATE_ZH[e.state]})
        need = _need(m)
        if e.state is MaterialState.DEFICIENCY:
            deficient.append({"name": m.name, "how": "补交至受理窗口",
                              "requirement": f"{m.accept_standard or need}；期限 {e.deficiency_due}"})
        elif e.state in (MaterialState.MISSING, MaterialState.NOT_APPLICABLE) and m.necessity.value != "optional":
            missing.append({"name": m.name, "requirement": m.accept_standard or need, "copies": need})
    return rows, missing, deficient


def _context(ctx: AppContext, result: IntakeResult, request: IntakeRequest, operator: OperatorInfo,
             item_index: int) -> dict[str, Any]:
    intake, case = request.items[item_index], result.cases[item_index]
    item = ctx.intake.item(intake.item_code)
    rows, missing, deficient = _material_rows(item, {e.code: e for e in intake.materials}, intake.situations)
    context: dict[str, Any] = {
        "station": station_context(ctx, item), "window_no": ctx.station.get().window_no if ctx.station.get() else "",
        "operator": {"name": operator.display_name, "work_no": operator.username, "phone": item.consult_phone},
        "case": {"number": case.provisional_no, "query_password": result.query_password,
                 "project_type": zh_name(item.project_type)},
        "applicant": {"name": request.applicant.name, "id_number": request.applicant.cert_no,
                      "phone": request.applicant.phone, "address": request.applicant.address},
        "item": {"name": item.name, "code": item.task_code, "legal_days": _days(item.legal_limit),
                 "promise_days": _days(item.promise_limit), "dept": item.department},
        "received_at": result.received_at, "accepted_at": result.received_at, "printed_at": result.received_at,
        "due_date": case.due_date or "—", "delivery_method": "邮寄" if request.delivery_mode == "mail" else "窗口领取",
        "materials": rows if result.decision is not Decision.REQUEST_SUPPLEMENT else missing,
        "supplement_due": "—",
        "rejection": {"reason": request.reject_reason, "legal_basis": request.legal_basis,
                      "competent_agency": request.competent_agency or "—"},
        "deficiency": {"materials": deficient, "due_date": case.due_date or "—"},
    }
    if request.agent:
        context["agent"] = {"name": request.agent.name, "id_number": request.agent.cert_no,
                            "phone": request.agent.phone, "relation": "受申请人委托"}
    return context


def _bundle_context(ctx: AppContext, result: IntakeResult, request: IntakeRequest,
                    operator: OperatorInfo) -> dict[str, Any]:
    """One receipt for a bundle: every item and every material, every case number."""
    parts = [_context(ctx, result, request, operator, k) for k in range(len(request.items))]
    first = dict(parts[0])
    first["item"] = {**first["item"], "name": "；".join(p["item"]["name"] for p in parts)}
    first["case"] = {**first["case"], "number": "、".join(c.provisional_no for c in result.cases)}
    for key in ("materials",):
        first[key] = [dict(r, name=f"{p['item']['name']}：{r['name']}") for p in parts for r in p[key]]
    first["deficiency"] = {"materials": [r for p in parts for r in p["deficiency"]["materials"]],
                           "due_date": min((c.due_date for c in result.cases if c.due_date), default="—")}
    return first


def _commitment_contexts(ctx: AppContext, result: IntakeResult, request: IntakeRequest,
                         operator: OperatorInfo) -> list[tuple[str, dict[str, Any]]]:
    """(case id, context) of one 告知承诺书 per signed commitment, with the full ID (the signed copy is filed)."""
    out = []
    for k, intake in enumerate(request.items):
        item = ctx.intake.item(intake.item_code)
        materials = {m.code: m for m in item.materials}
        for e in intake.materials:
            m = materials.get(e.code)
            if m is None or e.state is not MaterialState.COMMITMENT or not e.commitment_signed:
                continue
            context = _context(ctx, result, request, operator, k)
            context["commitment"] = {
                "proof_name": m.proof_replaced or m.name,
                "proof_content": f"申请人已具备“{m.proof_replaced or m.name}”所证明的条件，所填报的信息真实、准确。",
                "legal_basis": item.legal_basis or "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的"
                                                   "指导意见》（国办发〔2020〕42号）",
                "verify_method": "审批机关将通过数据共享或现场核查的方式核查承诺内容。"}
            context["copies"] = "本承诺书一式两份，申请人和审批机关各执一份。"
            out.append((result.cases[k].id, context))
    return out


def _rating(ctx: AppContext, result: IntakeResult, operator: OperatorInfo) -> dict[str, Any]:
    """`rating.qr` for the receipt's rate-later QR code when the district configured one; else nothing."""
    try:
        payload = ctx.evaluation.receipt_qr(result.cases[0].id, by=operator.id)
    except Exception:  # noqa: BLE001 - a receipt without the rating QR beats no receipt at all
        log.exception("rating QR payload failed")
        return {}
    return {"rating": {"qr": payload}} if payload else {}


def produce_documents(ctx: AppContext, result: IntakeResult, request: IntakeRequest,
                      operator: OperatorInfo) -> IntakeResult:
    """Issue the decision's documents and the signed commitment letters; a failure is reported, the case stays."""
    docs: list[DocumentInfo] = []
    errors: list[str] = []
    planned: list[tuple[str, str | None, Any]] = [
        (t, result.cases[0].id, lambda t=t: {**_bundle_context(ctx, result, request, operator),
                                             **(_rating(ctx, result, operator) if t == "receipt" else {})})
        for t in _TEMPLATES[result.decision]]
    if result.decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY):
        try:
            planned += [("commitment_letter", case_id, lambda c=c: c)
                        for case_id, c in _commitment_contexts(ctx, result, request, operator)]
        except Exception as exc:  # noqa: BLE001 - the case is saved whatever happens here
            log.exception("commitment letters failed")
            errors.append(f"告知承诺书生成失败：{message_of(exc)}。办件已保存，可稍后补打。")
    for template_id, case_id, make in planned:
        try:
            docs.append(ctx.documents.issue(template_id, template_id, make(), case_id=case_id,
                                            operator_id=operator.id))
        except Exception as exc:  # noqa: BLE001 - any render failure must leave the saved case alone
            log.exception("document %s failed", template_id)
            errors.append(f"文书“{template_id}”生成失败：{message_of(exc)}。办件已保存，可在办件页补打。")
    return replace(result, documents=tuple(docs), document_errors=tuple(errors))


def consultation_notice(ctx: AppContext, item_code: str, operator: OperatorInfo, *, name: str = "",
                        phone: str = "") -> DocumentInfo:
    """一次性告知单 for a consultation without a case: the item's materials and the standard each must meet."""
    item = ctx.intake.item(item_code)
    now = ctx.clock.now()
    need = [{"name": m.name, "requirement": m.accept_standard or _need(m), "copies": _need(m)}
            for m in item.materials_for(()) if m.necessity.value != "optional"]
    station = ctx.station.get()
    context: dict[str, Any] = {
        "station": station_context(ctx, item), "window_no": station.window_no if station else "",
        "operator": {"name": operator.display_name, "work_no": operator.username, "phone": item.consult_phone},
        "consultation": {"number": f"ZX{local_day(now, ctx.settings.tz):%Y%m%d}{now:%H%M%S}"},
        "applicant": {"name": name.strip() or "咨询人", **({"phone": phone.strip()} if phone.strip() else {})},
        "item": {"name": item.name, "code": item.task_code, "legal_days": _days(item.legal_limit),
                 "promise_days": _days(item.promise_limit), "dept": item.department},
        "printed_at": now, "received_at": now, "materials": need,
    }
    return ctx.documents.issue("supplement_notice", "supplement_notice", context, case_id=None,
                               operator_id=operator.id)


def _need(m: Any) -> str:
    return f"原件 {m.originals} 份" + (f"，复印件 {m.copies} 份" if m.copies else "")
