"""Intake drafts: saved on every change (encrypted: they hold ID numbers), restored after a crash."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from app.db.models import IntakeDraft
from app.services.intake_types import DraftInfo

if TYPE_CHECKING:
    from app.services.context import AppContext


class DraftStore:
    """One draft per operator; each save is its own short transaction, durable when it returns."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def save(self, operator_id: str, step: str, data: dict[str, Any]) -> str:
        """Replace the operator's draft with `data`; returns the draft id."""
        sealed = {"enc": self._ctx.cipher.encrypt(json.dumps(data, ensure_ascii=False, default=str))}
        now = self._ctx.clock.now()
        with self._ctx.db.session() as s:
            row = s.execute(select(IntakeDraft).where(IntakeDraft.operator_id == operator_id)
                            .order_by(IntakeDraft.updated_at.desc()).limit(1)).scalar_one_or_none()
            if row is None:
                row = IntakeDraft(operator_id=operator_id)
                s.add(row)
            row.step, row.data, row.updated_at = step, sealed, now
            s.flush()
            return row.id

    def latest(self, operator_id: str) -> DraftInfo | None:
        """The operator's draft, decrypted, or None."""
        with self._ctx.db.session() as s:
            row = s.execute(select(IntakeDraft).where(IntakeDraft.operator_id == operator_id)
                            .order_by(IntakeDraft.updated_at.desc()).limit(1)).scalar_one_or_none()
            if row is None:
                return None
            draft_id, step, sealed, at = row.id, row.step, dict(row.data), row.updated_at
        data = json.loads(self._ctx.cipher.decrypt(sealed["enc"])) if "enc" in sealed else sealed
        return DraftInfo(draft_id, step, data, at)

    def discard(self, operator_id: str) -> None:
        """Delete the operator's drafts."""
        with self._ctx.db.session() as s:
            s.execute(delete(IntakeDraft).where(IntakeDraft.operator_id == operator_id))
