"""Documents: number, render and keep every 文书 as a snapshot; reprints with 补打; print jobs; printers."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.counters import next_serial
from app.db.models import Document, PrintJob, Setting
from app.db.session import Database
from app.domain.numbering import document_number
from app.security.pii import PiiCipher
from app.services.audit import append_audit
from app.services.clock import Clock
from app.services.errors import ServiceError, message_of

OPEN_JOB = ("queued", "sent", "failed")  # a job in one of these is not finished: it is never dropped
JOB_STATUSES = OPEN_JOB + ("confirmed", "saved", "cancelled")
PRINTER_ROLES = ("a4", "receipt")


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document (the PDF itself is fetched with `DocumentService.pdf`)."""

    id: str
    kind: str
    doc_no: str
    case_id: str | None
    template_id: str
    template_version: str
    profile: str
    sha256: str
    pages: int
    reprints: int
    created_at: datetime


@dataclass(frozen=True)
class PrintJobInfo:
    """One attempt to put a document on paper, as last recorded."""

    id: str
    document_id: str
    printer: str
    status: str
    is_reprint: bool
    attempts: int
    error: str
    created_at: datetime
    updated_at: datetime


def printer_role(profile: str) -> str:
    """Which configured printer a paper profile goes to: A4 sheets or the receipt roll."""
    return "a4" if profile == "a4" else "receipt"


# ---- The render context is stored as JSON; timestamps and dates keep their type so a reprint is identical.
def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if len(value) == 1 and "$date" in value:
            return date.fromisoformat(value["$date"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dump_context(context: Mapping[str, Any]) -> str:
    """The context as JSON text with tagged datetimes and dates."""
    return json.dumps(_encode(context), ensure_ascii=False, sort_keys=True)


def load_context(text: str) -> dict[str, Any]:
    """The inverse of `dump_context`."""
    return _decode(json.loads(text))  # type: ignore[no-any-return]


def _info(row: Document) -> DocumentInfo:
    return DocumentInfo(row.id, row.kind, row.doc_no, row.case_id, row.template_id, row.template_version,
                        row.profile, row.sha256, row.pages, row.reprints, row.created_at)


def _job_info(row: PrintJob) -> PrintJobInfo:
    return PrintJobInfo(row.id, row.document_id, row.printer, row.status, row.is_reprint, row.attempts,
                        row.error, row.created_at, row.updated_at)


def _render(template_id: str, context: Mapping[str, Any], profile: str, reprint: bool) -> Any:
    """Render, turning the renderer's typed errors into a ServiceError a clerk can act on."""
    from app.print.fonts import UnprintableCharacter
    from app.print.qr import QrPayloadRefused
    from app.print.render import render_document
    from app.print.templates import TemplateError

    try:
        return render_document(template_id, context, profile=profile, reprint=reprint)
    except (TemplateError, UnprintableCharacter, QrPayloadRefused) as exc:
        raise ServiceError(message_of(exc), code="render") from exc


class DocumentService:
    """Issues documents with gap-free numbers, keeps their PDFs, reprints them and tracks print jobs."""

    def __init__(self, db: Database, clock: Clock, tz: ZoneInfo, cipher: Callable[[], PiiCipher]) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz
        self._cipher = cipher  # unlocked on first use, never at start-up

    # ---- Documents
    def issue(self, kind: str, template_id: str, context: Mapping[str, Any], *, case_id: str | None = None,
              profile: str = "a4", operator_id: str) -> DocumentInfo:
        """Number (〔YYYY〕N号 per kind and year), render and keep one document, with an audit row.

        Rendering happens inside the transaction: a failure rolls the number back, so numbers stay
        gap-free and a number printed on paper is never given to another document.
        """
        now = self._clock.now()
        year = now.astimezone(self._tz).year
        with self._db.session() as s:
            doc_no = document_number(year, next_serial(s, f"doc:{kind}:{year}"))
            full = {**context, "doc_no": doc_no}
            rendered = _render(template_id, full, profile, reprint=False)
            row = Document(case_id=case_id, kind=kind, doc_no=doc_no, template_id=rendered.template_id,
                           template_version=str(rendered.template_version), profile=rendered.profile,
                           pdf=rendered.pdf, sha256=rendered.sha256, pages=rendered.page_count,
                           operator_id=operator_id, created_at=now,
                           context_enc=self._cipher().encrypt(dump_context(full)))
            s.add(row)
            s.flush()
            append_audit(s, at=now, operator=operator_id, action="document.issue",
                         detail={"id": row.id, "kind": kind, "doc_no": doc_no, "case_id": case_id,
                                 "sha256": rendered.sha256})
            return _info(row)

    def get(self, document_id: str) -> DocumentInfo:
        """One document's record."""
        with self._db.session() as s:
            row = self._row(s, document_id)
            return _info(row)

    def pdf(self, document_id: str) -> bytes:
        """The PDF exactly as first issued."""
        with self._db.session() as s:
            return self._row(s, document_id).pdf

    def list_for_case(self, case_id: str) -> list[DocumentInfo]:
        """A case's documents, oldest first."""
        with self._db.session() as s:
            rows = s.execute(select(Document).where(Document.case_id == case_id)
                             .order_by(Document.created_at, Document.doc_no)).scalars()
            return [_info(r) for r in rows]

    def reprint(self, document_id: str, operator_id: str, *, printer: str | None = None
                ) -> tuple[PrintJobInfo, bytes]:
        """补打: the same document re-rendered with the 补打 mark; counted, audited, and queued as a job.

        A second request while a reprint job of this document is still open returns that job (a double
        click never prints or counts twice).
        """
        now = self._clock.now()
        with self._db.session() as s:
            row = self._row(s, document_id)
            job = self._open_job(s, document_id, is_reprint=True)
            if job is None:
                job = PrintJob(document_id=row.id, printer=printer or self._printer(s, row.profile),
                               is_reprint=True, created_at=now, updated_at=now)
                s.add(job)
                row.reprints += 1
                s.flush()
                append_audit(s, at=now, operator=operator_id, action="document.reprint",
                             detail={"id": row.id, "doc_no": row.doc_no, "reprints": row.reprints, "job": job.id})
            pdf = self._reprint_pdf(row, job.created_at)
            return _job_info(job), pdf

    def job_pdf(self, job_id: str) -> bytes:
        """What a job prints: the stored PDF, or for a reprint the 补打 rendering at the job's time."""
        with self._db.session() as s:
            job = self._job(s, job_id)
            row = self._row(s, job.document_id)
            return self._reprint_pdf(row, job.created_at) if job.is_reprint else row.pdf

    def _reprint_pdf(self, row: Document, at: datetime) -> bytes:
        if not row.context_enc:
            raise ServiceError("这份文书没有保存生成时的内容，无法补打。请打印原件的副本或重新出具。",
                               code="no_context")
        context = load_context(self._cipher().decrypt(row.context_enc))
        context["reprinted_at"] = at
        return _render(row.template_id, context, row.profile, reprint=True).pdf  # type: ignore[no-any-return]

    @staticmethod
    def _row(s: Session, document_id: str) -> Document:
        row = s.get(Document, document_id)
        if row is None:
            raise ServiceError("找不到这份文书，可能已被删除。请刷新办件后重试。", code="not_found")
        return row

    # ---- Print jobs
    def new_job(self, document_id: str, printer: str | None = None) -> PrintJobInfo:
        """Queue a print of the document; an open job for it is returned instead (double click prints once)."""
        now = self._clock.now()
        with self._db.session() as s:
            row = self._row(s, document_id)
            job = self._open_job(s, document_id, is_reprint=False)
            if job is None:
                job = PrintJob(document_id=row.id, printer=printer or self._printer(s, row.profile),
                               created_at=now, updated_at=now)
                s.add(job)
                s.flush()
            return _job_info(job)

    def mark_sent(self, job_id: str, printer: str | None = None) -> PrintJobInfo:
        """The pages went to `printer` (a retry after a failure is a new attempt of the same job)."""
        return self._move(job_id, "sent", ("queued", "failed"), printer=printer, attempt=True)

    def mark_confirmed(self, job_id: str) -> PrintJobInfo:
        """The clerk saw the paper come out."""
        return self._move(job_id, "confirmed", ("sent",))

    def mark_failed(self, job_id: str, reason: str) -> PrintJobInfo:
        """Printing failed (printer missing, refused, or the clerk saw no paper); the job stays open."""
        return self._move(job_id, "failed", ("queued", "sent", "failed"), error=reason)

    def mark_saved(self, job_id: str, path: str) -> PrintJobInfo:
        """The clerk saved the PDF instead of printing (e.g. to print elsewhere)."""
        return self._move(job_id, "saved", OPEN_JOB, error=f"已保存为 PDF：{path}")

    def cancel_job(self, job_id: str) -> PrintJobInfo:
        """The clerk gave up on this job (the document stays, it can be printed again)."""
        return self._move(job_id, "cancelled", OPEN_JOB)

    def pending_jobs(self) -> list[PrintJobInfo]:
        """Jobs not finished (queued, sent awaiting confirmation, failed), oldest first."""
        with self._db.session() as s:
            rows = s.execute(select(PrintJob).where(PrintJob.status.in_(OPEN_JOB))
                             .order_by(PrintJob.created_at, PrintJob.id)).scalars()
            return [_job_info(r) for r in rows]

    def job(self, job_id: str) -> PrintJobInfo:
        """One job as last recorded."""
        with self._db.session() as s:
            return _job_info(self._job(s, job_id))

    def _move(self, job_id: str, status: str, allowed: tuple[str, ...], *, printer: str | None = None,
              error: str | None = None, attempt: bool = False) -> PrintJobInfo:
        with self._db.session() as s:
            job = self._job(s, job_id)
            if job.status not in allowed:
                raise ServiceError(f"打印任务当前状态为“{_STATUS_ZH.get(job.status, job.status)}”，"
                                   f"不能改为“{_STATUS_ZH[status]}”。请刷新后重试。", code="job_state")
            job.status = status
            job.updated_at = self._clock.now()
            if printer:
                job.printer = printer
            if error is not None:
                job.error = error
            if attempt:
                job.attempts += 1
            s.flush()
            return _job_info(job)

    @staticmethod
    def _job(s: Session, job_id: str) -> PrintJob:
        job = s.get(PrintJob, job_id)
        if job is None:
            raise ServiceError("找不到这个打印任务。请刷新后重试。", code="not_found")
        return job

    @staticmethod
    def _open_job(s: Session, document_id: str, *, is_reprint: bool) -> PrintJob | None:
        return s.execute(select(PrintJob).where(
            PrintJob.document_id == document_id, PrintJob.is_reprint == is_reprint,
            PrintJob.status.in_(OPEN_JOB)).order_by(PrintJob.created_at).limit(1)).scalar_one_or_none()

    # ---- Printers (kept in the `setting` table: one for A4 sheets, one for the receipt roll)
    def printer_for(self, profile: str) -> str:
        """The configured printer name for a paper profile ("" = the system default)."""
        with self._db.session() as s:
            return self._printer(s, profile)

    def set_printer(self, role: str, name: str) -> None:
        """Remember the printer for "a4" or "receipt"."""
        if role not in PRINTER_ROLES:
            raise ServiceError(f"未知的打印机用途：{role}（可用：A4 打印机 a4、小票打印机 receipt）。", code="role")
        with self._db.session() as s:
            row = s.get(Setting, f"printer.{role}")
            if row is None:
                s.add(Setting(key=f"printer.{role}", value=name))
            else:
                row.value = name

    @staticmethod
    def _printer(s: Session, profile: str) -> str:
        row = s.get(Setting, f"printer.{printer_role(profile)}")
        return str(row.value) if row is not None and row.value else ""


_STATUS_ZH = {"queued": "排队中", "sent": "已发送", "confirmed": "已确认", "failed": "失败",
              "saved": "已存为PDF", "cancelled": "已取消"}
