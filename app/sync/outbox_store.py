"""The database side of the outbox and sync bookkeeping: batches, per-op results, cursor, pulled changes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.models import Case, Outbox
from app.db.models.sync import SyncState
from app.sync.protocol import Change, Op, OpResult

PENDING, INFLIGHT, ACKED, QUARANTINED, CONFLICT = "pending", "inflight", "acked", "quarantined", "conflict"
_SCAN = 120  # rows read per scan step when picking a batch (keeps memory flat on a large backlog)


def case_key(row: Outbox) -> str | None:
    """The case an outbox row belongs to: per-case order is kept on this key (R8)."""
    if row.case_id:
        return row.case_id
    if row.entity == "case":
        return row.entity_id
    case_id = row.payload.get("case_id") if isinstance(row.payload, dict) else None
    return case_id if isinstance(case_id, str) else None


def to_op(row: Outbox) -> Op:
    """The wire form of an outbox row; raises pydantic ValidationError for a row that can never be sent."""
    return Op(
        op_id=row.op_id, entity=row.entity, entity_id=row.entity_id, op_type=row.op_type,  # type: ignore[arg-type]
        base_version=row.base_version, payload=row.payload, payload_sha256=row.payload_sha256,
        client_seq=row.client_seq, client_ts=row.client_ts, operator_id=row.operator_id,
    )  # fmt: skip


def reset_inflight(s: Session) -> int:
    """At start: rows left inflight by a crash go back to pending (sent again, answered duplicate)."""
    result = s.execute(update(Outbox).where(Outbox.state == INFLIGHT).values(state=PENDING))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _blocked_cases(s: Session) -> set[str]:
    """Cases with a quarantined op, or an op still on the wire (the next batch is picked while one flies)."""
    rows = s.execute(select(Outbox.case_id, Outbox.entity, Outbox.entity_id, Outbox.payload)
                     .where(Outbox.state.in_([QUARANTINED, INFLIGHT])))
    keys = {case_key(Outbox(case_id=c, entity=e, entity_id=i, payload=p)) for c, e, i, p in rows}
    return {k for k in keys if k}


def take_batch(s: Session, now: datetime, limit: int) -> tuple[list[Op], int]:
    """Pick up to `limit` sendable ops in client_seq order and mark them inflight.

    An op waits while an earlier op of its case is quarantined or not yet due (R8: a case's ops strictly
    in order). A row that cannot even be encoded is quarantined here. Returns (ops, quarantined_now).
    """
    blocked = _blocked_cases(s)
    ops: list[Op] = []
    bad = 0
    last = -1
    while len(ops) < limit:
        rows = s.scalars(select(Outbox).where(Outbox.state == PENDING, Outbox.client_seq > last)
                         .order_by(Outbox.client_seq).limit(_SCAN)).all()
        if not rows:
            break
        for row in rows:
            last = row.client_seq
            if len(ops) >= limit:
                break
            bad += _consider(row, now, blocked, ops)
    if ops:
        ids = [str(op.op_id) for op in ops]
        s.execute(update(Outbox).where(Outbox.op_id.in_(ids)).values(state=INFLIGHT))
    return _rebase(s, ops), bad


def _rebase(s: Session, ops: list[Op]) -> list[Op]:
    """Shift `base_version` by the district's own version bumps seen in the last ack of the entity (R14).

    Locally a case's version moves once per op; on the server a district status change moves it too.
    Without this, the second update after a status change would be based on a version older than the
    server's window version and come back as a conflict. Not part of the digest: resends stay idempotent.
    """
    ids = {op.entity_id for op in ops if op.base_version is not None}
    if not ids:
        return ops
    offsets: dict[str, int] = {}
    acked = s.execute(select(Outbox.entity_id, Outbox.base_version, Outbox.result)
                      .where(Outbox.entity_id.in_(ids), Outbox.state == ACKED).order_by(Outbox.client_seq))
    for entity_id, base, result in acked:
        server = (result or {}).get("server_version")
        if isinstance(server, int):
            offsets[entity_id] = server - (base + 1 if base is not None else 1)
    return [op.model_copy(update={"base_version": op.base_version + offsets[op.entity_id]})
            if op.base_version is not None and offsets.get(op.entity_id, 0) > 0 else op for op in ops]


def _consider(row: Outbox, now: datetime, blocked: set[str], ops: list[Op]) -> int:
    key = case_key(row)
    if key is not None and key in blocked:
        return 0
    if row.next_attempt_at is not None and row.next_attempt_at > now:
        if key is not None:
            blocked.add(key)  # later ops of this case wait behind it
        return 0
    if row.base_version is not None:
        # One versioned op per entity per batch: the next is based on the server version this one gets
        # back, which can include district status bumps (see _rebase).
        if f"v:{row.entity_id}" in blocked:
            blocked.add(key or row.entity_id)
            return 0
        blocked.add(f"v:{row.entity_id}")
    try:
        ops.append(to_op(row))
    except (ValidationError, ValueError) as exc:
        _quarantine(row, "invalid_op", f"本机记录格式不符合同步协议：{str(exc).splitlines()[0]}")
        if key is not None:
            blocked.add(key)
        return 1
    return 0


def _quarantine(row: Outbox, code: str, message: str) -> None:
    row.state = QUARANTINED
    row.last_error = f"{code}: {message}"
    row.result = {"status": "rejected", "code": code, "message": message}


def release(s: Session, op_ids: Iterable[str], error: str) -> None:
    """A whole batch failed in transport: its ops go back to pending, nothing is dropped."""
    s.execute(update(Outbox).where(Outbox.op_id.in_(list(op_ids)), Outbox.state == INFLIGHT)
              .values(state=PENDING, attempts=Outbox.attempts + 1, last_error=error))


def apply_results(s: Session, results: Iterable[OpResult], now: datetime, retry_delay: timedelta) -> dict[str, int]:
    """Record per-op results (R8); acked rows are never touched again. Returns counts per status."""
    counts: dict[str, int] = {}
    results = list(results)
    ids = [str(r.op_id) for r in results]
    rows = {r.op_id: r for r in s.scalars(select(Outbox).where(Outbox.op_id.in_(ids)))}  # one query per batch
    for res in results:
        row = rows.get(str(res.op_id))
        if row is None or row.state in (ACKED, CONFLICT):
            continue
        counts[res.status] = counts.get(res.status, 0) + 1
        _apply_one(row, res, now, retry_delay)
    return counts


def _apply_one(row: Outbox, res: OpResult, now: datetime, retry_delay: timedelta) -> None:
    stored = res.model_dump(mode="json", exclude_none=True)
    if res.status in ("applied", "duplicate"):
        row.state, row.result, row.acked_at, row.last_error = ACKED, stored, now, ""
    elif res.status == "conflict":
        # The server kept both versions for the district to resolve; the case is marked, not retried.
        row.state, row.result, row.acked_at = CONFLICT, stored, now
        row.last_error = f"{res.code or 'version_conflict'}: {res.message or ''}"
    elif res.status == "rejected" and res.code != "missing_blob":
        _quarantine(row, res.code or "rejected", res.message or "")
    else:  # retry_later, or missing_blob: the attachment is uploaded again before the retry (R11)
        row.state, row.attempts = PENDING, row.attempts + 1
        row.next_attempt_at = now + retry_delay
        row.last_error = f"{res.code or 'retry_later'}: {res.message or ''}"


def requeue_unconfirmed(s: Session) -> int:
    """After an epoch change (server restored from backup): every acked op is sent again (R13, T9)."""
    result = s.execute(update(Outbox).where(Outbox.state.in_([ACKED, INFLIGHT]))
                       .values(state=PENDING, next_attempt_at=None))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# ---- Key/value bookkeeping


def get_state(s: Session, key: str) -> Any:
    """A stored bookkeeping value (JSON-decoded), or None."""
    row = s.get(SyncState, key)
    return None if row is None else json.loads(row.value)


def set_state(s: Session, key: str, value: Any) -> None:
    """Store a bookkeeping value (JSON-encoded) in the caller's transaction."""
    row = s.get(SyncState, key)
    text = json.dumps(value, default=str)
    if row is None:
        s.add(SyncState(key=key, value=text))
    else:
        row.value = text


def apply_changes(s: Session, changes: Iterable[Change], next_cursor: str | None) -> int:
    """Apply one pulled page and store its cursor in the same transaction (R12); idempotent (T14)."""
    applied = 0
    for change in changes:
        if change.entity == "case" and change.change_type == "status":
            applied += _apply_status(s, change)
        elif change.entity in ("catalogue", "holidays"):
            set_state(s, f"available:{change.entity}", change.payload)
    if next_cursor is not None:
        set_state(s, "cursor", next_cursor)
    return applied


def _apply_status(s: Session, change: Change) -> int:
    """Only `Case.district_status` changes, and only for a newer server version (R14)."""
    key = f"dv:{change.entity_id}"
    seen = get_state(s, key)
    version = change.server_version or 0
    if seen is not None and version <= int(seen):
        return 0
    case = s.get(Case, change.entity_id)
    status = change.payload.get("status")
    if case is not None and isinstance(status, str):
        case.district_status = status
    set_state(s, key, version)
    return 1


# ---- Figures for the status line


@dataclass(frozen=True)
class OutboxCounts:
    """How many ops wait, are quarantined or in conflict, and when the oldest waiting one was made."""

    pending: int
    quarantined: int
    conflicts: int
    oldest_pending: datetime | None


def counts(s: Session) -> OutboxCounts:
    """Outbox figures in one query."""
    rows = dict(s.execute(select(Outbox.state, func.count()).group_by(Outbox.state)).all())
    oldest = s.scalar(select(func.min(Outbox.client_ts)).where(Outbox.state.in_([PENDING, INFLIGHT])))
    return OutboxCounts(rows.get(PENDING, 0) + rows.get(INFLIGHT, 0), rows.get(QUARANTINED, 0),
                        rows.get(CONFLICT, 0), oldest)
