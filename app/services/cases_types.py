"""Rows the cases page shows (frozen DTOs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    provisional_no: str
    applicant_name: str
    item_code: str
    item_name: str
    status: str
    due_date: date | None
    received_at: datetime
    overdue: bool
    warn: bool  # ≤ 1 working day left
    flagged: bool  # a commitment found 不实
    bundle_group: str | None = None


@dataclass(frozen=True)
class CaseEventRow:
    """One line of a case's timeline."""

    seq: int
    action: str
    from_status: str | None
    to_status: str
    at: datetime
    operator_id: str | None
    reason: str | None


@dataclass(frozen=True)
class CaseMaterialRow:
    """How one material was handled."""

    code: str
    name: str
    state: str
    originals: int
    copies: int
    deficiency_due: date | None


@dataclass(frozen=True)
class CommitmentRow:
    """A 告知承诺书 and its 核查 result (pending | true 属实 | false 不实)."""

    id: str
    material_code: str
    proof_name: str
    signed: bool
    verify_result: str


@dataclass(frozen=True)
class CaseDetail:
    """Everything the detail pane shows."""

    row: CaseRow
    applicant_id_masked: str
    applicant_phone_masked: str
    agent_name: str
    query_password: str
    delivery_mode: str
    events: tuple[CaseEventRow, ...]
    materials: tuple[CaseMaterialRow, ...]
    commitments: tuple[CommitmentRow, ...]
    documents: tuple[tuple[str, str, str], ...]  # (id, kind, doc_no)
    allowed: tuple[str, ...]  # window actions possible now
