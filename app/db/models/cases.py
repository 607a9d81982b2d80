"""Applicants, cases (办件) with materials, events, commitments, deliveries, documents and drafts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id, utcnow


class Applicant(Base):
    """A person (GB 11643) or organisation (GB 32100); ID and phone encrypted, found by keyed hash."""

    __tablename__ = "applicant"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(10))  # person | org
    name: Mapped[str] = mapped_column(String(100))
    cert_type: Mapped[str] = mapped_column(String(20))
    cert_no_enc: Mapped[str] = mapped_column(Text)
    cert_no_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    legal_rep: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Case(Base):
    """A 办件: local UUID, provisional number, platform number once synced."""

    __tablename__ = "case_record"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    provisional_no: Mapped[str] = mapped_column(String(40), unique=True)
    platform_no: Mapped[str | None] = mapped_column(String(50), index=True)
    query_password: Mapped[str] = mapped_column(String(6))
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    catalogue_version: Mapped[str] = mapped_column(String(40))
    bundle_code: Mapped[str | None] = mapped_column(String(40))
    bundle_group: Mapped[str | None] = mapped_column(String(36), index=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicant.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(ForeignKey("applicant.id"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    district_status: Mapped[str | None] = mapped_column(String(20))
    project_type: Mapped[int]
    situations: Mapped[list[Any]] = mapped_column(default=list)
    received_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]  # first 办结; overdue and on-time read it (indexes at the end)
    due_date: Mapped[date | None] = mapped_column(index=True)
    legal_due_date: Mapped[date | None]
    paused_workdays: Mapped[int] = mapped_column(default=0)
    result_code: Mapped[int | None]
    result_reason: Mapped[str | None] = mapped_column(Text)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.id"))
    window_no: Mapped[str] = mapped_column(String(10))
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    form_data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    delivery_mode: Mapped[str] = mapped_column(String(10), default="window")
    delivery_address: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseMaterial(Base):
    """How one material of a case was handled at intake (received, e-licence, commitment, 容缺, missing)."""

    __tablename__ = "case_material"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"), index=True)
    material_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20))
    originals: Mapped[int] = mapped_column(default=0)
    copies: Mapped[int] = mapped_column(default=0)
    deficiency_due: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class CaseEvent(Base):
    """One transition of a case; the timeline and the sync feed are built from these."""

    __tablename__ = "case_event"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    operator_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Commitment(Base):
    """A 告知承诺书 signed for one material it replaces, and its later 核查 result."""

    __tablename__ = "commitment"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"), index=True)
    material_code: Mapped[str] = mapped_column(String(40))
    proof_name: Mapped[str] = mapped_column(String(200))
    template_version: Mapped[str] = mapped_column(String(20))
    signed_at: Mapped[datetime | None]
    signer_name: Mapped[str] = mapped_column(String(100))
    verify_due: Mapped[date | None]
    verify_result: Mapped[str] = mapped_column(String(10), default="pending")
    verified_at: Mapped[datetime | None]
    verify_note: Mapped[str] = mapped_column(Text, default="")


class Delivery(Base):
    """出件: the result handed over at the window (identity checked, signed) or mailed."""

    __tablename__ = "delivery"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"), index=True)
    mode: Mapped[str] = mapped_column(String(10))  # window | mail
    receiver_name: Mapped[str] = mapped_column(String(100), default="")
    receiver_cert_hash: Mapped[str | None] = mapped_column(String(64))
    receiver_is_agent: Mapped[bool] = mapped_column(default=False)
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    tracking_no: Mapped[str | None] = mapped_column(String(40))
    delivered_at: Mapped[datetime] = mapped_column(default=utcnow)
    operator_id: Mapped[str] = mapped_column(String(36))


class Document(Base):
    """A rendered 回执 / 通知书 kept byte-for-byte so a reprint is identical."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("kind", "doc_no"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_record.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    doc_no: Mapped[str] = mapped_column(String(40))
    template_id: Mapped[str] = mapped_column(String(40))
    template_version: Mapped[str] = mapped_column(String(20))
    profile: Mapped[str] = mapped_column(String(10))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(default=1)
    # The render context, encrypted (it holds full ID numbers): a reprint re-renders it with the 补打 mark.
    context_enc: Mapped[str] = mapped_column(Text, default="")
    reprints: Mapped[int] = mapped_column(default=0)
    operator_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PrintJob(Base):
    """One attempt to put a document on paper: queued → sent → confirmed | failed."""

    __tablename__ = "print_job"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id"), index=True)
    printer: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="queued")
    is_reprint: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class IntakeDraft(Base):
    """The intake being typed, saved on every change so a crash loses nothing."""

    __tablename__ = "intake_draft"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    operator_id: Mapped[str] = mapped_column(ForeignKey("operator.id"), index=True)
    step: Mapped[str] = mapped_column(String(20), default="applicant")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


# The statistics' overdue list reads the cases still open by due date from this index alone (it covers the
# query): finished cases are most of the table and are never visited.
Index("ix_case_record_open_due", Case.due_date, Case.status, Case.received_at, Case.provisional_no, Case.item_code,
      sqlite_where=Case.finished_at.is_(None), postgresql_where=Case.finished_at.is_(None))
# Finished cases by when: partial, so the planner never walks it for the still-open ones above.
Index("ix_case_record_finished", Case.finished_at, sqlite_where=Case.finished_at.is_not(None),
      postgresql_where=Case.finished_at.is_not(None))
