"""The intake's documents go through ctx.documents: numbered, kept with their context, reprintable with 补打."""

from __future__ import annotations

import io

import pytest

from app.services.cases_docs import issue_delivery_receipt
from app.services.errors import ServiceError
from app.services.intake_docs import consultation_notice
from tests.integration.test_intake_helpers import PERSON, commitment_request, immediate_request

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def clerk(ctx):  # type: ignore[no-untyped-def]
    return ctx.auth.login("clerk", "yichuang2026")


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_accepted_intake_documents_are_the_services_and_reprint_with_the_mark(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    result = ctx.intake.submit(immediate_request(), clerk)
    (doc,) = result.documents
    assert doc == ctx.documents.get(doc.id)  # one DocumentInfo type: the documents service's
    assert doc.case_id == result.cases[0].id and doc.template_id == "receipt"
    job, pdf = ctx.documents.reprint(doc.id, clerk.id)
    assert job.is_reprint and "补打" in text_of(pdf) and "补打" not in text_of(ctx.documents.pdf(doc.id))
    assert result.cases[0].provisional_no in text_of(pdf)


def test_signed_commitment_gets_its_letter_with_the_full_id(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    result = ctx.intake.submit(commitment_request(), clerk)
    assert [d.kind for d in result.documents] == ["receipt", "commitment_letter"]
    letter = result.documents[1]
    text = text_of(ctx.documents.pdf(letter.id))
    assert PERSON.cert_no in text and "告知承诺书" in text and "居住证明" in text
    assert PERSON.cert_no not in text_of(ctx.documents.pdf(result.documents[0].id))  # take-home copy masked


def test_consultation_notice_has_no_case_and_lists_the_materials(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    doc = consultation_notice(ctx, "JZZ01", clerk, name="赵先生")
    assert doc.case_id is None and doc.kind == "supplement_notice"
    text = text_of(ctx.documents.pdf(doc.id))
    item = ctx.intake.item("JZZ01")
    assert "咨询编号" in text and "赵先生" in text and "办件编号" not in text
    for m in item.materials_for(()):
        if m.necessity.value != "optional":
            assert m.name[:6] in text.replace("\n", "")


def test_delivery_receipt_after_window_delivery(ctx, clerk) -> None:  # type: ignore[no-untyped-def]
    (case,) = ctx.intake.submit(immediate_request(), clerk, documents=False).cases
    with pytest.raises(ServiceError) as err:
        issue_delivery_receipt(ctx, case.id, clerk)
    assert err.value.code == "delivery.none"
    ctx.cases.mark_ready(case.id, clerk)
    ctx.cases.deliver_at_window(case.id, clerk, receiver_name=PERSON.name, receiver_cert_no=PERSON.cert_no,
                                signature="李秀英")
    doc = issue_delivery_receipt(ctx, case.id, clerk)
    text = text_of(ctx.documents.pdf(doc.id))
    assert doc.case_id == case.id and case.provisional_no in text and "窗口领取" in text
    assert PERSON.cert_no not in text  # masked on what the applicant takes home
