"""The intake's data: what the wizard hands to the service and what it gets back (frozen DTOs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.checklist import Decision, MaterialEntry

if TYPE_CHECKING:
    from app.services.documents import DocumentInfo


@dataclass(frozen=True)
class ApplicantInput:
    """An applicant or agent as typed: person (resident ID) or org (USCC)."""

    kind: str  # person | org
    name: str
    cert_no: str
    phone: str = ""
    address: str = ""
    legal_rep: str = ""


@dataclass(frozen=True)
class KnownApplicant:
    """An applicant seen before, decrypted for the form (shown masked elsewhere)."""

    id: str
    kind: str
    name: str
    cert_no: str
    phone: str
    address: str
    legal_rep: str


@dataclass(frozen=True)
class ItemIntake:
    """One item of the intake: chosen 情形, the checklist and the form values."""

    item_code: str
    situations: tuple[str, ...] = ()
    materials: tuple[MaterialEntry, ...] = ()
    form_data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IntakeRequest:
    """Everything needed to save the intake as one or more cases (a bundle gives one case per item)."""

    applicant: ApplicantInput
    items: tuple[ItemIntake, ...]
    decision: Decision
    agent: ApplicantInput | None = None
    bundle_code: str | None = None
    reject_reason: str = ""
    legal_basis: str = ""
    competent_agency: str = ""
    delivery_mode: str = "window"
    delivery_address: str = ""
    ticket_id: str | None = None


@dataclass(frozen=True)
class SavedCase:
    """One case written by an intake."""

    id: str
    provisional_no: str
    item_code: str
    item_name: str
    status: str
    action: str
    due_date: date | None


@dataclass(frozen=True)
class IntakeResult:
    """The saved intake: its cases, the query password, the documents and any document problems."""

    cases: tuple[SavedCase, ...]
    query_password: str
    bundle_group: str | None
    decision: Decision
    received_at: datetime
    documents: tuple[DocumentInfo, ...] = ()
    document_errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftInfo:
    """The intake being typed, as last saved."""

    id: str
    step: str
    data: dict[str, Any]
    updated_at: datetime
