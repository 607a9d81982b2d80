"""Hash chain over the append-only audit log (pure hashing; storage lives in app.db)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """One audit row: who did what when, linked to the previous row by its hash."""

    seq: int
    at_utc: str
    operator: str
    action: str
    detail: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""


def canonical_json(value: Any) -> str:
    """The exact serialisation that is hashed: sorted keys, UTF-8 text kept, no spaces."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(
    seq: int, at: str, operator: str, action: str, detail: Mapping[str, Any], prev_hash: str
) -> str:
    """SHA-256 (hex) over the canonical JSON of an entry's fields and its predecessor's hash."""
    payload = {
        "seq": seq,
        "at": at,
        "operator": operator,
        "action": action,
        "detail": dict(detail),
        "prev": prev_hash,
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def make_entry(
    seq: int, at_utc: str, operator: str, action: str, detail: Mapping[str, Any], prev_hash: str
) -> AuditEntry:
    """Build an entry with its hash filled in."""
    digest = entry_hash(seq, at_utc, operator, action, detail, prev_hash)
    return AuditEntry(seq, at_utc, operator, action, dict(detail), prev_hash, digest)


def append_entry(
    prev: AuditEntry | None, at_utc: str, operator: str, action: str, detail: Mapping[str, Any]
) -> AuditEntry:
    """The entry that follows `prev` (or the first entry, seq 1, when `prev` is None)."""
    if prev is None:
        return make_entry(1, at_utc, operator, action, detail, GENESIS)
    return make_entry(prev.seq + 1, at_utc, operator, action, detail, prev.hash)


def verify_chain(
    entries: Iterable[AuditEntry], *, start_seq: int = 1, start_prev: str = GENESIS
) -> int | None:
    """Return the seq of the first broken link (hash, prev_hash or a seq gap/reorder), or None if intact.

    `entries` must be given in stored order (by seq as stored). `start_seq`/`start_prev` let a caller
    verify a tail of the log from a known-good checkpoint.
    """
    expected_seq = start_seq
    expected_prev = start_prev
    for entry in entries:
        # A deleted or reordered row shows up as an unexpected seq; report where we expected the next one.
        if entry.seq != expected_seq:
            return expected_seq
        if entry.prev_hash != expected_prev:
            return entry.seq
        recomputed = entry_hash(
            entry.seq, entry.at_utc, entry.operator, entry.action, entry.detail, entry.prev_hash
        )
        if recomputed != entry.hash:
            return entry.seq
        expected_seq = entry.seq + 1
        expected_prev = entry.hash
    return None
