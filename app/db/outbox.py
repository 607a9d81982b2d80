"""Writing outbox rows inside the caller's transaction (R2): one row per local change."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import Outbox
from app.sync.protocol import payload_digest


def add_op(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    op_type: str,
    payload: dict[str, Any],
    at: datetime,
    operator_id: str | None,
    case_id: str | None = None,
    base_version: int | None = None,
) -> Outbox:
    """Queue one change for the district; the caller's commit makes it durable with the change itself."""
    row = Outbox(
        op_id=str(uuid.uuid4()),
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        op_type=op_type,
        base_version=base_version,
        payload=payload,
        payload_sha256=payload_digest(payload),
        client_ts=at,
        operator_id=operator_id,
        state="pending",
    )
    session.add(row)
    return row
