"""Saving intakes: case, materials, commitments, events, outbox, audit, documents, drafts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from app.db.models import AuditLog, Case, CaseEvent, CaseMaterial, Commitment, Document, IntakeDraft, Outbox
from app.domain.checklist import Decision, MaterialEntry, MaterialState
from app.services.errors import ServiceError
from app.services.intake_types import ApplicantInput, ItemIntake
from tests.integration.test_intake_helpers import PERSON, bundle_request, commitment_request, immediate_request


@pytest.fixture
def clerk(ctx):  # type: ignore[no-untyped-def]
    return ctx.auth.login("clerk", "yichuang2026")


def count(ctx, model, *where) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return int(s.execute(select(func.count()).select_from(model).where(*where)).scalar_one())


def test_immediate_case_accepted_due_today_with_receipt(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    ctx.intake.save_draft(clerk.id, "materials", {"item": "YLBX01"})
    audit_before = count(ctx, AuditLog)
    result = ctx.intake.submit(immediate_request(), clerk)
    (case,) = result.cases
    assert case.status == "accepted" and case.action == "accept"
    assert case.due_date == date(2026, 11, 27)
    assert case.provisional_no == "511602000000-20261127-0001"
    assert len(result.query_password) == 6
    assert result.document_errors == ()
    assert [d.kind for d in result.documents] == ["receipt"]
    assert result.documents[0].doc_no == "〔2026〕1号"
    with ctx.db.session() as s:
        row = s.get(Case, case.id)
        assert row.form_data == {"x": 1} and row.accepted_at is not None
        events = s.execute(select(CaseEvent).where(CaseEvent.case_id == case.id)).scalars().all()
        assert [(e.seq, e.action, e.from_status, e.to_status) for e in events] == [
            (1, "accept", "receiving", "accepted")]
        ops = s.execute(select(Outbox.entity, Outbox.op_type).where(Outbox.case_id == case.id)).all()
        assert sorted(ops) == [("case", "create"), ("case_event", "append")]
        assert s.execute(select(func.count()).select_from(CaseMaterial)
                         .where(CaseMaterial.case_id == case.id)).scalar_one() == 4
        assert s.execute(select(Document.pdf).where(Document.case_id == case.id)).scalar_one()[:4] == b"%PDF"
    assert count(ctx, AuditLog) == audit_before + 2  # the accept, the receipt
    assert ctx.intake.latest_draft(clerk.id) is None


def test_known_applicant_is_found_and_id_is_encrypted(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    ctx.intake.submit(immediate_request(), clerk, documents=False)
    known = ctx.intake.find_applicant("11010519491231002x")
    assert known is not None and known.name == "李秀英" and known.phone == "13812345678"
    with ctx.db.session() as s:
        raw = s.execute(select(func.group_concat(Case.id))).scalar_one()
        assert raw
    assert "11010519491231002X" not in (ctx.profile.db_path.read_bytes().decode("latin-1"))


def test_commitment_case_needs_the_signed_letter(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError) as err:
        ctx.intake.submit(commitment_request(signed=False), clerk)
    assert err.value.code == "decision.blocked" and "住所" in err.value.message_zh
    result = ctx.intake.submit(commitment_request(), clerk, documents=False)
    (case,) = result.cases
    assert case.due_date == date(2026, 12, 8)  # 7 working days after Fri 27 Nov
    with ctx.db.session() as s:
        (c,) = s.execute(select(Commitment).where(Commitment.case_id == case.id)).scalars().all()
        assert c.material_code == "ZSZM" and c.signed_at is not None and c.verify_result == "pending"
        assert c.signer_name == "李秀英"


def test_bundle_is_one_intake_one_notice_one_case_per_item(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    result = ctx.intake.submit(bundle_request(), clerk)
    assert [c.item_code for c in result.cases] == ["SYDJ01", "HKCS01", "YB01", "SBKSL01"]
    assert {c.status for c in result.cases} == {"await_supplement"}
    assert all(c.due_date is None for c in result.cases)  # the clock has not started
    assert [d.kind for d in result.documents] == ["supplement_notice"]
    with ctx.db.session() as s:
        groups = set(s.execute(select(Case.bundle_group).where(Case.bundle_code == "BD-XSE")).scalars())
        assert groups == {result.bundle_group} and result.bundle_group
        ev = s.execute(select(CaseEvent).where(CaseEvent.case_id == result.cases[1].id)).scalar_one()
        assert [m["code"] for m in ev.data["missing"]] == ["CSZ"]
    assert count(ctx, Outbox, Outbox.entity == "case") == 4


def test_supplement_when_nothing_is_missing_is_refused(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError, match="无需补正"):
        ctx.intake.submit(replace(immediate_request(), decision=Decision.REQUEST_SUPPLEMENT), clerk)


def test_reject_needs_reason_and_legal_basis(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    req = replace(immediate_request(), decision=Decision.REJECT, reject_reason="不属于本机关职权")
    with pytest.raises(ServiceError, match="法律依据"):
        ctx.intake.submit(req, clerk)
    req = replace(req, legal_basis="《行政许可法》第三十二条", competent_agency="市医保局")
    result = ctx.intake.submit(req, clerk)
    assert result.cases[0].status == "closed"
    assert [d.kind for d in result.documents] == ["rejection_notice"]
    with ctx.db.session() as s:
        row = s.get(Case, result.cases[0].id)
        assert row.result_code == 6 and row.result_reason == "不属于本机关职权"


def test_deficiency_after_the_promised_day_is_refused_at_the_material(ctx) -> None:  # type: ignore[no-untyped-def]
    mats = (MaterialEntry("SGHT", MaterialState.DEFICIENCY, deficiency_due=date(2027, 1, 30)),)
    with pytest.raises(ServiceError) as err:
        ctx.intake.evaluate(ItemIntake("NZGZ01", (), mats))
    assert err.value.code == "checklist.deficiency_after_promise:SGHT"
    assert "承诺办结日" in err.value.message_zh


def test_invalid_ids_are_refused_at_the_field(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError) as err:
        ctx.intake.validate_applicant(ApplicantInput("person", "张三", "110105194912310021", "13812345678"))
    assert err.value.code == "applicant.cert_no"
    with pytest.raises(ServiceError) as err:
        ctx.intake.validate_applicant(replace(PERSON, phone="1234"))
    assert err.value.code == "applicant.phone"
    org = ctx.intake.validate_applicant(ApplicantInput("org", "某公司", "91350100m000100y43", "13812345678"))
    assert org.cert_no == "91350100M000100Y43"


def test_a_document_failure_keeps_the_case(ctx, clerk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import app.print.render as render

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer font missing")

    monkeypatch.setattr(render, "render_document", broken)
    result = ctx.intake.submit(immediate_request(), clerk)
    assert result.documents == () and "办件已保存" in result.document_errors[0]
    assert count(ctx, Case) == 1 and count(ctx, Document) == 0


def test_drafts_round_trip_and_are_encrypted(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    ctx.intake.save_draft(clerk.id, "applicant", {"cert_no": "11010519491231002X"})
    ctx.intake.save_draft(clerk.id, "items", {"cert_no": "11010519491231002X", "item": "JZZ01"})
    draft = ctx.intake.latest_draft(clerk.id)
    assert draft is not None and draft.step == "items" and draft.data["item"] == "JZZ01"
    assert count(ctx, IntakeDraft) == 1
    with ctx.db.session() as s:
        assert "1101051949" not in str(s.execute(select(IntakeDraft.data)).scalar_one())
    ctx.intake.discard_draft(clerk.id)
    assert ctx.intake.latest_draft(clerk.id) is None
