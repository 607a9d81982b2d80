"""The receipt's rate-later QR: configured per district, a pending QR request, decoded from the printed page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.models import Evaluation
from app.domain.evaluation import Channel
from app.print.qr import QrPayloadRefused
from app.print.render import render_document
from app.print.samples import sample_context
from tests.integration.test_intake_helpers import PERSON, immediate_request
from tests.integration.test_print_documents import qr_texts

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
pytest.importorskip("zxingcpp")

TEMPLATE = "https://hcp.example.gov.cn/r?id={id}&n={service_number}"


@pytest.fixture
def clerk(ctx):  # type: ignore[no-untyped-def]
    return ctx.auth.login("clerk", "yichuang2026")


def _qr_requests(ctx) -> list[Evaluation]:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        rows = s.execute(select(Evaluation).where(Evaluation.channel == Channel.QR)).scalars().all()
        s.expunge_all()
        return list(rows)


def test_receipt_carries_the_rating_qr_next_to_the_progress_qr(ctx, clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.evaluation.set_qr_template(TEMPLATE, by="admin")
    result = ctx.intake.submit(immediate_request(), clerk)
    (doc,) = result.documents
    (req,) = _qr_requests(ctx)
    assert req.case_id == result.cases[0].id and req.level is None and req.operator_id == clerk.id
    codes = qr_texts(ctx.documents.pdf(doc.id), tmp_path)
    rating = f"https://hcp.example.gov.cn/r?id={req.id}&n=1"
    assert sorted(codes) == sorted([rating, f"{result.cases[0].provisional_no}|{result.query_password}"])
    assert all(PERSON.cert_no not in c for c in codes)
    assert ctx.evaluation.pending() is None  # the QR request never appears on the customer screen
    assert ctx.evaluation.state_for(case_id=result.cases[0].id) == "pending"


def test_no_template_no_rating_qr_and_no_request(ctx, clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = ctx.intake.submit(immediate_request(), clerk)
    codes = qr_texts(ctx.documents.pdf(result.documents[0].id), tmp_path)
    assert codes == [f"{result.cases[0].provisional_no}|{result.query_password}"]
    assert _qr_requests(ctx) == []


def test_reprint_and_repeat_reuse_the_same_request(ctx, clerk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.evaluation.set_qr_template(TEMPLATE, by="admin")
    result = ctx.intake.submit(immediate_request(), clerk)
    first = ctx.evaluation.receipt_qr(result.cases[0].id, by=clerk.id)
    assert ctx.evaluation.receipt_qr(result.cases[0].id, by=clerk.id) == first
    assert len(_qr_requests(ctx)) == 1
    _job, pdf = ctx.documents.reprint(result.documents[0].id, clerk.id)
    assert first in qr_texts(pdf, tmp_path)


def test_rating_qr_never_carries_an_id_number() -> None:
    base = sample_context("receipt")
    bad = {**base, "rating": {"qr": f"https://x/r?who={base['applicant']['id_number']}"}}
    with pytest.raises(QrPayloadRefused):
        render_document("receipt", bad, profile="a4")
