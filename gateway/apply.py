"""Applying pushed ops: one transaction per op, idempotency row written in it (R7, R9, R14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.sync.protocol import Op, OpResult
from gateway.db import Store
from gateway.models import (
    BadReviewRow,
    Blob,
    CaseEventRow,
    CaseRow,
    EvaluationRow,
    ProcessedOp,
    QueueEventRow,
    utcnow,
)
from gateway.validate import NotStoredError, check_op, local_day, outcome, reject, retry_later

_ATTEMPTS = 3
_ABSENT = "absent_entities"  # session.info key: ids known not to exist yet (batch prefetch)


def case_key(op: Op) -> str | None:
    """The case an op belongs to, for per-case ordering inside a batch."""
    if op.entity == "case":
        return op.entity_id
    case_id = op.payload.get("case_id")
    return case_id if isinstance(case_id, str) else None


def push_ops(store: Store, station_code: str, ops: list[Op]) -> list[OpResult]:
    """Apply a batch in client_seq order; results come back in request order.

    Fast path: one transaction for the batch with a savepoint per op (one commit instead of 50).
    Any race or lock error aborts it and the batch is redone op by op, where races resolve to
    `duplicate`; the savepoint keeps each op and its processed_ops row together either way.
    """
    try:
        with store.session() as s:
            # One query for all earlier results instead of one lookup per op.
            ids = [str(op.op_id) for op in ops]
            priors = {p.op_id: p for p in s.scalars(select(ProcessedOp).where(ProcessedOp.op_id.in_(ids)))}
            s.info[_ABSENT] = _absent_entities(s, ops)
            return _ordered(ops, lambda op: _apply_in_savepoint(s, station_code, op, priors))
    except (IntegrityError, OperationalError):
        return _ordered(ops, lambda op: apply_op(store, station_code, op))


def _absent_entities(s: Session, ops: list[Op]) -> set[str]:
    """Ids the batch creates that no row holds yet, in one query per table instead of one per op.

    `_existing` then skips its lookup for them; a twin committed meanwhile still fails the insert on
    its unique key, which aborts the fast path and the batch is redone op by op.
    """
    wanted: dict[type[Any], set[str]] = {}
    for op in ops:
        model = _MODELS.get(op.entity)
        if model is not None and op.base_version is None:
            wanted.setdefault(model, set()).add(op.entity_id)
    absent: set[str] = set()
    for model, ids in wanted.items():
        found = set(s.scalars(select(model.id).where(model.id.in_(ids))))
        absent |= ids - found
    return absent


def _ordered(ops: list[Op], apply: Callable[[Op], OpResult]) -> list[OpResult]:
    """Run `apply` in client_seq order; once an op of a case fails its later ops wait (R8)."""
    results: list[OpResult | None] = [None] * len(ops)
    blocked: set[str] = set()
    for i in sorted(range(len(ops)), key=lambda j: ops[j].client_seq):
        op = ops[i]
        key = case_key(op)
        result = outcome(op, "retry_later", "predecessor_pending") if key in blocked else apply(op)
        if key is not None and result.status not in ("applied", "duplicate"):
            blocked.add(key)
        results[i] = result
    return [r for r in results if r is not None]


def _apply_in_savepoint(s: Session, station_code: str, op: Op, priors: dict[str, ProcessedOp]) -> OpResult:
    prior = priors.get(str(op.op_id))
    if prior is not None:
        return replay(prior, op)
    try:
        with s.begin_nested():
            check_op(op)
            result = _execute(s, station_code, op)
            priors[str(op.op_id)] = _record(s, station_code, op, result)
    except NotStoredError as exc:
        return exc.result
    return result


def apply_op(store: Store, station_code: str, op: Op) -> OpResult:
    """Apply one op exactly once in its own transaction; a concurrent twin never becomes a 500."""
    for _ in range(_ATTEMPTS):
        try:
            return _apply_once(store, station_code, op)
        except NotStoredError as exc:
            return exc.result
        except IntegrityError:
            # Another request committed the same op_id or entity first; the next attempt sees it.
            continue
        except OperationalError:
            continue
    return outcome(op, "retry_later", "busy")


def _apply_once(store: Store, station_code: str, op: Op) -> OpResult:
    with store.session() as s:
        prior = s.get(ProcessedOp, str(op.op_id))
        if prior is not None:
            return replay(prior, op)
        check_op(op)
        result = _execute(s, station_code, op)
        _record(s, station_code, op, result)
        return result


def replay(prior: ProcessedOp, op: Op) -> OpResult:
    """Answer a resent op from its stored result; a different payload never overwrites (T4)."""
    if prior.payload_sha256 != op.payload_sha256:
        return outcome(op, "rejected", "idempotency_mismatch", prior.server_version)
    status = "conflict" if prior.status == "conflict" else "duplicate"
    return OpResult(
        op_id=op.op_id, status=status, server_version=prior.server_version, code=prior.code,
        message=prior.message,
    )  # fmt: skip


def _record(s: Session, station_code: str, op: Op, result: OpResult) -> ProcessedOp:
    row = ProcessedOp(
        op_id=str(op.op_id), station_code=station_code, entity=op.entity, entity_id=op.entity_id,
        payload_sha256=op.payload_sha256, payload=op.payload, status=result.status,
        server_version=result.server_version, code=result.code, message=result.message,
        client_seq=op.client_seq, client_ts=op.client_ts, operator_id=op.operator_id,
        received_at=utcnow(),
    )  # fmt: skip
    s.add(row)
    s.flush()
    return row


def _execute(s: Session, station_code: str, op: Op) -> OpResult:
    _check_blobs(s, op)
    handler = _HANDLERS[(op.entity, op.op_type)]
    return handler(s, station_code, op)


def _check_blobs(s: Session, op: Op) -> None:
    wanted = set(op.payload.get("blobs", []))
    if not wanted:
        return
    present = set(s.execute(select(Blob.sha256).where(Blob.sha256.in_(wanted))).scalars())
    missing = sorted(wanted - present)
    if missing:
        raise reject(op, "missing_blob", missing[0][:12])


def _existing(s: Session, model: type[Any], station_code: str, op: Op) -> OpResult | None:
    """A create for an id that exists: same content from the same station is a duplicate."""
    absent: set[str] = s.info.get(_ABSENT, set())
    if op.entity_id in absent:
        absent.discard(op.entity_id)  # a second create of the same id in this batch looks it up
        return None
    row = s.get(model, op.entity_id)
    if row is None:
        return None
    if row.station_code == station_code and row.create_sha256 == op.payload_sha256:
        return outcome(op, "duplicate", None, row.version)
    raise reject(op, "entity_exists")


def _insert(s: Session, model: type[Any], station_code: str, op: Op, **cols: Any) -> OpResult:
    found = _existing(s, model, station_code, op)
    if found is not None:
        return found
    now = utcnow()
    s.add(
        model(
            id=op.entity_id, station_code=station_code, day=local_day(op), payload=op.payload,
            version=1, create_sha256=op.payload_sha256, received_at=now, updated_at=now, **cols,
        )
    )  # fmt: skip
    s.flush()  # surface a unique-constraint race here, inside the retry loop
    return outcome(op, "applied", None, 1)


def _owned_case(s: Session, station_code: str, op: Op, case_id: str) -> CaseRow:
    row = s.get(CaseRow, case_id, with_for_update=True)
    if row is None:
        raise retry_later(op, "unknown_case")
    if row.station_code != station_code:
        raise reject(op, "foreign_case")
    return row


def _case_create(s: Session, station_code: str, op: Op) -> OpResult:
    p = op.payload
    return _insert(
        s, CaseRow, station_code, op, item_code=p["item_code"], catalogue_version=p["catalogue_version"],
        status="accepted", window_version=1,
    )  # fmt: skip


def _case_change(s: Session, station_code: str, op: Op) -> OpResult:
    """Update or withdraw: checked against the version of the window-owned fields (R14)."""
    row = _owned_case(s, station_code, op, op.entity_id)
    assert op.base_version is not None
    if op.base_version > row.version:
        raise retry_later(op, "base_version_ahead")
    if op.base_version < row.window_version:
        return outcome(op, "conflict", "version_conflict", row.version)
    if row.withdrawn:
        raise reject(op, "case_withdrawn")
    if op.op_type == "withdraw":
        row.withdrawn = True
    else:
        row.payload = {**row.payload, **op.payload}
        row.item_code = str(row.payload["item_code"])
        row.catalogue_version = str(row.payload["catalogue_version"])
    row.version += 1
    row.window_version = row.version
    row.updated_at = utcnow()
    return outcome(op, "applied", None, row.version)


def _case_event(s: Session, station_code: str, op: Op) -> OpResult:
    _owned_case(s, station_code, op, op.payload["case_id"])
    return _insert(
        s, CaseEventRow, station_code, op, case_id=op.payload["case_id"], event_type=op.payload["event_type"]
    )


def _queue_event(s: Session, station_code: str, op: Op) -> OpResult:
    p = op.payload
    return _insert(s, QueueEventRow, station_code, op, event_type=p["event_type"], ticket_no=p["ticket_no"])


def _evaluation(s: Session, station_code: str, op: Op) -> OpResult:
    case_id = op.payload.get("case_id")
    if case_id is not None:
        _owned_case(s, station_code, op, str(case_id))
    return _insert(s, EvaluationRow, station_code, op, case_id=case_id,
                   score=op.payload.get("score", op.payload.get("level")))


def _evaluation_rated(s: Session, station_code: str, op: Op) -> OpResult:
    """The grade for a rating requested earlier (its request op is ahead of it in client_seq order)."""
    row = s.get(EvaluationRow, op.entity_id, with_for_update=True)
    if row is None:
        raise retry_later(op, "unknown_evaluation")
    if row.station_code != station_code:
        raise reject(op, "foreign_case")
    row.payload = {**row.payload, **op.payload}
    row.score = op.payload["level"]
    row.version += 1
    row.updated_at = utcnow()
    return outcome(op, "applied", None, row.version)


def _bad_review_create(s: Session, station_code: str, op: Op) -> OpResult:
    evaluation_id = op.payload["evaluation_id"]
    if s.get(EvaluationRow, evaluation_id) is None:
        raise retry_later(op, "unknown_evaluation")
    return _insert(
        s, BadReviewRow, station_code, op, evaluation_id=evaluation_id,
        state=str(op.payload.get("state", "open")),
    )  # fmt: skip


def _bad_review_update(s: Session, station_code: str, op: Op) -> OpResult:
    row = s.get(BadReviewRow, op.entity_id, with_for_update=True)
    if row is None:
        raise retry_later(op, "unknown_case")
    if row.station_code != station_code:
        raise reject(op, "foreign_case")
    assert op.base_version is not None
    if op.base_version > row.version:
        raise retry_later(op, "base_version_ahead")
    if op.base_version < row.version:
        return outcome(op, "conflict", "version_conflict", row.version)
    row.payload = {**row.payload, **op.payload}
    row.state = op.payload["state"]
    row.version += 1
    row.updated_at = utcnow()
    return outcome(op, "applied", None, row.version)


_HANDLERS = {
    ("case", "create"): _case_create,
    ("case", "update"): _case_change,
    ("case", "withdraw"): _case_change,
    ("case_event", "append"): _case_event,
    ("queue_event", "append"): _queue_event,
    ("evaluation", "create"): _evaluation,
    ("evaluation", "request"): _evaluation,
    ("evaluation", "rate"): _evaluation_rated,
    ("evaluation", "default"): _evaluation_rated,
    ("bad_review", "create"): _bad_review_create,
    ("bad_review", "update"): _bad_review_update,
}
_MODELS: dict[str, type[Any]] = {
    "case": CaseRow, "case_event": CaseEventRow, "queue_event": QueueEventRow,
    "evaluation": EvaluationRow, "bad_review": BadReviewRow,
}
