"""The intake (受理) use case: applicant, checklist decision, drafts, and saving the case(s)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.config import resources_dir
from app.db.models import Applicant, CatalogueVersion, ServiceItemRow
from app.domain.catalogue import ProjectType, ServiceItem
from app.domain.checklist import ChecklistError, ChecklistOutcome, Decision, evaluate_checklist
from app.domain.ids import IdError, validate_mobile, validate_resident_id, validate_uscc
from app.forms import FormDefinitionError, FormSchema, load_form
from app.services.auth import OperatorInfo
from app.services.clock import local_day
from app.services.drafts import DraftStore
from app.services.errors import ServiceError
from app.services.intake_types import (
    ApplicantInput,
    DraftInfo,
    IntakeRequest,
    IntakeResult,
    ItemIntake,
    KnownApplicant,
)

if TYPE_CHECKING:
    from app.services.context import AppContext

CERT_TYPE = {"person": "居民身份证", "org": "统一社会信用代码"}

_CHECKLIST_ZH = {
    "deficiency_due_missing": "材料“{m}”选择了容缺受理，请填写补交期限。",
    "deficiency_after_promise": "材料“{m}”的容缺补交期限晚于承诺办结日 {due}，请改为不晚于该日的日期。",
    "no_materials": "事项“{m}”在目录中没有任何材料，无法受理。请联系管理员核对事项目录。",
    "no_items": "请至少选择一个事项。",
}


def checklist_error(exc: ChecklistError, item: ServiceItem, promise_due: date | None) -> ServiceError:
    """A ChecklistError in Chinese, naming the material and the fix."""
    names = {m.code: m.name for m in item.materials}
    text = _CHECKLIST_ZH.get(exc.code, "材料清单有误：{m}").format(
        m=names.get(exc.material_code, exc.material_code or item.name), due=promise_due or "")
    return ServiceError(text, code=f"checklist.{exc.code}:{exc.material_code}")


class IntakeService:
    """What the intake wizard calls; each write is one transaction."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.drafts = DraftStore(ctx)
        self._forms: dict[str, FormSchema] = {}

    # ---- Applicant
    def validate_applicant(self, a: ApplicantInput, *, role: str = "applicant") -> ApplicantInput:
        """The applicant normalised, or a ServiceError whose code names the field (e.g. applicant.cert_no)."""
        if a.kind not in CERT_TYPE:
            raise ServiceError("请选择申请人类型：个人或单位。", code=f"{role}.kind")
        name = a.name.strip()
        if not name:
            raise ServiceError("请填写姓名或单位名称。", code=f"{role}.name")
        try:
            if a.kind == "person":
                cert = validate_resident_id(a.cert_no, today=self.today())
            else:
                cert = validate_uscc(a.cert_no)
        except IdError as exc:
            raise ServiceError(f"证件号码：{exc.message_zh}", code=f"{role}.cert_no") from exc
        phone = a.phone.strip()
        if phone or role == "applicant":
            try:
                phone = validate_mobile(phone)
            except IdError as exc:
                raise ServiceError(f"联系电话：{exc.message_zh}", code=f"{role}.phone") from exc
        return ApplicantInput(a.kind, name, cert, phone, a.address.strip(), a.legal_rep.strip())

    def find_applicant(self, cert_no: str) -> KnownApplicant | None:
        """An applicant seen before (looked up by keyed hash of the normalised number), decrypted."""
        cipher = self._ctx.cipher
        key = cipher.lookup_hash(cert_no.strip().upper())
        with self._ctx.db.session() as s:
            row = s.execute(select(Applicant).where(Applicant.cert_no_hash == key)
                            .order_by(Applicant.updated_at.desc()).limit(1)).scalar_one_or_none()
            if row is None:
                return None
            phone = cipher.decrypt(row.phone_enc) if row.phone_enc else ""
            return KnownApplicant(row.id, row.kind, row.name, cipher.decrypt(row.cert_no_enc), phone,
                                  row.address, row.legal_rep)

    # ---- Items and the checklist
    def item(self, code: str) -> ServiceItem:
        """The active version of an item (parsed once per version: the save path calls this often)."""
        with self._ctx.db.session() as s:
            row_id = s.execute(select(ServiceItemRow.id).join(CatalogueVersion)
                               .where(CatalogueVersion.active, ServiceItemRow.code == code)).scalar_one_or_none()
        if row_id is None:
            raise ServiceError(f"目录中没有编码为 {code} 的事项。", code="unknown_item")
        item = self._ctx.catalogue.item_by_row_id(row_id)
        if item.status != "active":
            raise ServiceError(f"事项“{item.name}”（{code}）已停用，不能受理。请按新的事项目录选择替代事项。",
                               code="retired_item")
        return item

    def bundle_items(self, bundle_code: str) -> list[ServiceItem]:
        """The items of a 一件事, in bundle order; a missing member is refused by name."""
        bundle = next((b for b in self._ctx.catalogue.bundles() if b.code == bundle_code), None)
        if bundle is None:
            raise ServiceError(f"目录中没有编码为 {bundle_code} 的一件事。", code="unknown_bundle")
        return [self.item(code) for code in bundle.item_codes]

    def form_schema(self, form_id: str | None) -> FormSchema | None:
        """The item's intake form (resources/forms/<id>.json), None when the item has none.

        A broken form file is refused with the form language's own message, at load time.
        """
        if not form_id:
            return None
        if form_id not in self._forms:
            path = resources_dir() / "forms" / f"{form_id}.json"
            if not path.exists():
                return None
            try:
                self._forms[form_id] = load_form(json.loads(path.read_text(encoding="utf-8")))
            except (FormDefinitionError, ValueError) as exc:
                text = getattr(exc, "message_zh", str(exc))
                raise ServiceError(f"申请表 {form_id} 定义有误：{text}", code="form_definition") from exc
        return self._forms[form_id]

    def today(self) -> date:
        """The station-local day."""
        return local_day(self._ctx.clock.now(), self._ctx.settings.tz)

    def promise_due(self, item: ServiceItem) -> date:
        """The promised completion day if accepted today (即办件: today)."""
        if item.project_type is ProjectType.IMMEDIATE:
            return self.today()
        return self._ctx.calendar.due(self.today(), item.promise_limit)

    def evaluate(self, intake: ItemIntake) -> ChecklistOutcome:
        """The live decision for one item; a bad 容缺 date or an empty item comes back as ServiceError."""
        item = self.item(intake.item_code)
        promise = self.promise_due(item)
        entries = {e.code: e for e in intake.materials}
        try:
            return evaluate_checklist(item, intake.situations, entries, promise_due=promise)
        except ChecklistError as exc:
            raise checklist_error(exc, item, promise) from exc

    def evaluate_all(self, intakes: Sequence[ItemIntake]) -> list[ChecklistOutcome]:
        """The live decision of every item of an intake (a bundle decides by its worst item)."""
        if not intakes:
            raise ServiceError(_CHECKLIST_ZH["no_items"], code="checklist.no_items")
        return [self.evaluate(i) for i in intakes]

    # ---- Drafts
    def save_draft(self, operator_id: str, step: str, data: dict[str, Any]) -> str:
        """Keep what has been typed (one draft per operator); returns the draft id."""
        return self.drafts.save(operator_id, step, data)

    def latest_draft(self, operator_id: str) -> DraftInfo | None:
        """The operator's unfinished intake, if any."""
        return self.drafts.latest(operator_id)

    def discard_draft(self, operator_id: str) -> None:
        """Throw the draft away (the clerk cancelled the intake)."""
        self.drafts.discard(operator_id)

    # ---- Saving
    def submit(self, request: IntakeRequest, operator: OperatorInfo, *, documents: bool = True) -> IntakeResult:
        """Save the intake in one transaction; then render its documents (a failure there loses nothing)."""
        from app.services.intake_docs import produce_documents
        from app.services.intake_save import save_intake

        _check_items(request)
        applicant = self.validate_applicant(request.applicant)
        agent = self.validate_applicant(request.agent, role="agent") if request.agent else None
        outcomes = self.evaluate_all(request.items)
        _check_decision(request, outcomes)
        result = save_intake(self._ctx, request, applicant, agent, outcomes, operator)
        self._refresh_search()
        if documents:
            result = produce_documents(self._ctx, result, request, operator)
        return result

    def _refresh_search(self) -> None:
        # only re-rank an index that exists; building one here would slow the save down
        if "search" in self._ctx.__dict__:
            self._ctx.search.refresh_usage()


def _check_items(request: IntakeRequest) -> None:
    """One intake, one case per item: an item twice (a bundle that already holds it) is refused by name."""
    if not request.items:
        raise ServiceError("请至少选择一个事项。", code="items.empty")
    codes = [i.item_code for i in request.items]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise ServiceError(f"事项 {'、'.join(twice)} 在本次受理中出现了两次（所选一件事可能已包含它），"
                           "请删去重复的事项。", code="items.duplicate")


def _check_decision(request: IntakeRequest, outcomes: Sequence[ChecklistOutcome]) -> None:
    """Refuse a decision the materials do not support, saying what blocks it."""
    d = request.decision
    if d in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY):
        blockers = [b for o in outcomes for b in o.blockers]
        if blockers:
            names = "、".join(dict.fromkeys(b.material_name for b in blockers))
            raise ServiceError(f"以下材料尚未齐全或不符合要求，不能受理：{names}。请补正或选择“需补正”。",
                               code="decision.blocked")
    if d is Decision.REQUEST_SUPPLEMENT and not any(o.blockers for o in outcomes):
        raise ServiceError("材料已齐全，无需补正。请选择受理。", code="decision.nothing_missing")
    if d is Decision.REJECT:
        if not request.reject_reason.strip():
            raise ServiceError("不予受理必须写明理由。", code="decision.reject_reason")
        if not request.legal_basis.strip():
            raise ServiceError("不予受理必须写明法律依据。", code="decision.legal_basis")
