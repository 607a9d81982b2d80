"""The change feed stations pull (R12): commit-ordered sequence and opaque cursors."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.sync.protocol import Change, PullResponse
from gateway.models import ChangeRow, ServerState


class CursorError(Exception):
    """A cursor that cannot be used: `code` is `bad_cursor` (garbage) or `reset_required` (other epoch)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def encode_cursor(epoch: str, seq: int) -> str:
    """Opaque cursor: urlsafe base64 of 'epoch:seq'."""
    return base64.urlsafe_b64encode(f"{epoch}:{seq}".encode()).decode("ascii")


def decode_cursor(cursor: str | None, epoch: str) -> int:
    """Sequence number behind a cursor; empty means the start. Another epoch's cursor needs a reset."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        cursor_epoch, seq_text = text.split(":", 1)
        seq = int(seq_text)
    except (binascii.Error, ValueError, UnicodeError) as exc:
        raise CursorError("bad_cursor") from exc
    if cursor_epoch != epoch:
        raise CursorError("reset_required")
    if seq < 0:
        raise CursorError("bad_cursor")
    return seq


def append_change(
    s: Session,
    *,
    station_code: str | None,
    entity: str,
    entity_id: str,
    change_type: str,
    payload: dict[str, Any],
    server_version: int | None,
) -> int:
    """Add a change for one station (or all, when None); call last in the transaction.

    Why the lock: a bigserial is assigned at insert time, not at commit, so a reader could see seq 6
    before seq 5 commits and step past it for good. Taking the counter row's lock serialises the
    writers of the feed, so sequence order equals commit order.
    """
    state = s.get(ServerState, 1, with_for_update=True, populate_existing=True)
    assert state is not None
    state.last_seq += 1
    s.add(
        ChangeRow(
            seq=state.last_seq,
            station_code=station_code,
            entity=entity,
            entity_id=entity_id,
            change_type=change_type,
            payload=payload,
            server_version=server_version,
        )
    )
    s.flush()
    return state.last_seq


def pull_changes(s: Session, station_code: str, cursor: str | None, limit: int) -> PullResponse:
    """One page of changes for a station after `cursor`."""
    epoch = s.execute(select(ServerState.epoch).where(ServerState.id == 1)).scalar_one()
    after = decode_cursor(cursor, epoch)
    rows = (
        s.execute(
            select(ChangeRow)
            .where(ChangeRow.seq > after)
            .where(or_(ChangeRow.station_code == station_code, ChangeRow.station_code.is_(None)))
            .order_by(ChangeRow.seq)
            .limit(limit + 1)
        )
        .scalars()
        .all()
    )
    page = rows[:limit]
    last = page[-1].seq if page else after
    changes = [
        Change(
            seq=r.seq,
            entity=r.entity,  # type: ignore[arg-type]
            entity_id=r.entity_id,
            change_type=r.change_type,
            payload=r.payload,
            server_version=r.server_version,
        )
        for r in page
    ]
    return PullResponse(
        changes=changes,
        next_cursor=encode_cursor(epoch, last),
        has_more=len(rows) > limit,
        server_epoch=epoch,
    )
