"""DocumentService: numbering per kind and year, snapshots, render failures, reprints, print jobs, printers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.models import AuditLog, Counter, Document, PrintJob
from app.print.samples import sample_context
from app.services.audit import verify_audit
from app.services.documents import dump_context, load_context
from app.services.errors import ServiceError

CLERK = "clerk-1"


def _issue(ctx: Any, kind: str = "receipt", **kw: Any) -> Any:
    return ctx.documents.issue(kind, kind, sample_context(kind), operator_id=CLERK, **kw)


def _count(ctx: Any, model: Any) -> int:
    with ctx.db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_numbers_run_per_kind_and_year_and_go_into_the_pdf(ctx: Any) -> None:
    a, b = _issue(ctx), _issue(ctx)
    c = _issue(ctx, "rejection_notice")
    assert (a.doc_no, b.doc_no, c.doc_no) == ("〔2026〕1号", "〔2026〕2号", "〔2026〕1号")
    assert a.pages == 1 and a.template_id == "receipt" and a.profile == "a4"
    pdf = ctx.documents.pdf(a.id)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    import hashlib

    assert hashlib.sha256(pdf).hexdigest() == a.sha256


def test_a_new_year_starts_at_one(ctx: Any) -> None:
    _issue(ctx)
    # 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai: the station's year counts.
    ctx.clock.at = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert _issue(ctx).doc_no == "〔2027〕1号"


def test_issue_is_stored_with_case_context_encrypted_and_audited(ctx: Any) -> None:
    info = _issue(ctx, "commitment_letter")
    with ctx.db.session() as s:
        row = s.get(Document, info.id)
        assert row is not None
        assert "511602198503120024" not in row.context_enc  # full ID only inside the ciphertext
        stored = load_context(ctx.cipher.decrypt(row.context_enc))
    assert stored["doc_no"] == info.doc_no and stored["applicant"]["id_number"] == "511602198503120024"
    with ctx.db.session() as s:
        last = s.execute(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).scalar_one()
        assert last.action == "document.issue" and last.detail["doc_no"] == info.doc_no
    assert verify_audit(ctx.db)[1] is None


def test_context_round_trip_keeps_types() -> None:
    context = {"a": datetime(2026, 3, 5, 1, 30, tzinfo=UTC), "d": date(2026, 3, 10), "l": [1, "x", None],
               "n": {"t": (1, 2)}}
    back = load_context(dump_context(context))
    assert back == {"a": context["a"], "d": context["d"], "l": [1, "x", None], "n": {"t": [1, 2]}}


def test_render_failure_stores_nothing_and_uses_no_number(ctx: Any) -> None:
    context = sample_context("receipt")
    context["applicant"]["name"] = "李\ue000"
    with pytest.raises(ServiceError) as err:
        ctx.documents.issue("receipt", "receipt", context, operator_id=CLERK)
    assert "\ue000" in err.value.message_zh and "无法打印" in err.value.message_zh
    assert err.value.code == "render"
    assert _count(ctx, Document) == 0
    with ctx.db.session() as s:
        assert s.get(Counter, "doc:receipt:2026") is None
    assert _issue(ctx).doc_no == "〔2026〕1号"


def test_missing_value_is_a_service_error(ctx: Any) -> None:
    context = sample_context("receipt")
    del context["case"]
    with pytest.raises(ServiceError):
        ctx.documents.issue("receipt", "receipt", context, operator_id=CLERK)
    assert _count(ctx, Document) == 0


def test_list_for_case(ctx: Any) -> None:
    case_id = _a_case_id(ctx)
    a = _issue(ctx, case_id=case_id)
    b = _issue(ctx, "deficiency_notice", case_id=case_id)
    _issue(ctx)  # another document without a case
    assert [d.id for d in ctx.documents.list_for_case(case_id)] == [a.id, b.id]


def _a_case_id(ctx: Any) -> str:
    """A minimal case row to hang documents off (the intake service is not what is tested here)."""
    from app.db.models import Applicant, Case, Operator, ServiceItemRow

    with ctx.db.session() as s:
        item = s.execute(select(ServiceItemRow).limit(1)).scalar_one()
        op = s.execute(select(Operator.id).limit(1)).scalar_one()
        person = Applicant(kind="person", name="李秀英", cert_type="111", cert_no_enc="x", cert_no_hash="h")
        s.add(person)
        s.flush()
        case = Case(provisional_no="T-1", query_password="123456", item_id=item.id, item_code="x",
                    catalogue_version="1", applicant_id=person.id, status="accepted", project_type=2,
                    received_at=ctx.clock.now(), operator_id=op, window_no="3")
        s.add(case)
        s.flush()
        return case.id


def test_reprint_is_the_same_document_with_the_mark_and_is_recorded(ctx: Any) -> None:
    info = _issue(ctx, "receipt", profile="roll80")
    ctx.clock.at = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    job, pdf = ctx.documents.reprint(info.id, CLERK)
    assert job.is_reprint and job.status == "queued" and job.document_id == info.id
    assert pdf != ctx.documents.pdf(info.id) and pdf.startswith(b"%PDF")
    # Same stored context, same reprint time → byte-identical: the job can be printed again after a restart.
    assert ctx.documents.job_pdf(job.id) == pdf
    assert ctx.documents.get(info.id).reprints == 1
    with ctx.db.session() as s:
        assert s.execute(select(AuditLog.action).order_by(AuditLog.seq.desc()).limit(1)).scalar_one() \
            == "document.reprint"


def test_reprint_text_carries_the_mark(ctx: Any) -> None:
    pypdf = pytest.importorskip("pypdf")
    import io

    info = _issue(ctx)
    _, pdf = ctx.documents.reprint(info.id, CLERK)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    original = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(ctx.documents.pdf(info.id))).pages)
    assert "补打" in text and "补打" not in original
    assert info.doc_no in text and info.doc_no in original


def test_double_reprint_while_open_counts_once(ctx: Any) -> None:
    info = _issue(ctx)
    j1, _ = ctx.documents.reprint(info.id, CLERK)
    j2, _ = ctx.documents.reprint(info.id, CLERK)
    assert j1.id == j2.id and ctx.documents.get(info.id).reprints == 1
    ctx.documents.mark_sent(j1.id)
    ctx.documents.mark_confirmed(j1.id)
    j3, _ = ctx.documents.reprint(info.id, CLERK)
    assert j3.id != j1.id and ctx.documents.get(info.id).reprints == 2


def test_job_lifecycle_and_double_click(ctx: Any) -> None:
    info = _issue(ctx)
    job = ctx.documents.new_job(info.id, "HP-A4")
    assert ctx.documents.new_job(info.id, "HP-A4").id == job.id  # double click: one job
    assert ctx.documents.mark_sent(job.id).status == "sent"
    assert ctx.documents.new_job(info.id).id == job.id  # still open while awaiting confirmation
    failed = ctx.documents.mark_failed(job.id, "卡纸")
    assert failed.status == "failed" and failed.error == "卡纸"
    assert [j.id for j in ctx.documents.pending_jobs()] == [job.id]  # never lost
    retried = ctx.documents.mark_sent(job.id, "Other")
    assert retried.attempts == 2 and retried.printer == "Other"
    assert ctx.documents.mark_confirmed(job.id).status == "confirmed"
    assert ctx.documents.pending_jobs() == []
    assert ctx.documents.new_job(info.id).id != job.id  # a fresh print after a finished one
    assert _count(ctx, PrintJob) == 2


def test_job_refuses_impossible_moves(ctx: Any) -> None:
    job = ctx.documents.new_job(_issue(ctx).id)
    with pytest.raises(ServiceError) as err:
        ctx.documents.mark_confirmed(job.id)
    assert err.value.code == "job_state" and "排队中" in err.value.message_zh
    ctx.documents.mark_saved(job.id, "/tmp/x.pdf")
    with pytest.raises(ServiceError):
        ctx.documents.mark_sent(job.id)
    with pytest.raises(ServiceError):
        ctx.documents.job("nope")


def test_printers_per_role(ctx: Any) -> None:
    assert ctx.documents.printer_for("a4") == ""
    ctx.documents.set_printer("a4", "HP-A4")
    ctx.documents.set_printer("receipt", "XP-80")
    ctx.documents.set_printer("receipt", "XP-80C")
    assert ctx.documents.printer_for("a4") == "HP-A4"
    assert ctx.documents.printer_for("roll58") == "XP-80C"
    roll = _issue(ctx, "queue_ticket", profile="roll80")
    assert ctx.documents.new_job(roll.id).printer == "XP-80C"
    with pytest.raises(ServiceError):
        ctx.documents.set_printer("fax", "x")


def test_unknown_document(ctx: Any) -> None:
    with pytest.raises(ServiceError) as err:
        ctx.documents.pdf("missing")
    assert err.value.code == "not_found"
