"""Tests for the hash-chained audit log: tampering, deletion and reordering are found at the right seq."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from app.security.audit_chain import (
    GENESIS,
    AuditEntry,
    append_entry,
    entry_hash,
    make_entry,
    verify_chain,
)


def _chain(n: int = 6) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    prev: AuditEntry | None = None
    for i in range(1, n + 1):
        prev = append_entry(
            prev, f"2026-03-02T01:00:{i:02d}+00:00", "wang", "case.accept", {"case": i, "说明": "受理"}
        )
        entries.append(prev)
    return entries


def test_first_entry_links_to_genesis() -> None:
    first = _chain(1)[0]
    assert first.seq == 1 and first.prev_hash == GENESIS == "0" * 64
    assert len(first.hash) == 64


def test_hash_is_sha256_of_canonical_json() -> None:
    expected_payload = json.dumps(
        {
            "seq": 1,
            "at": "t",
            "operator": "op",
            "action": "a",
            "detail": {"b": 1, "a": "中"},
            "prev": GENESIS,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert (
        entry_hash(1, "t", "op", "a", {"b": 1, "a": "中"}, GENESIS)
        == hashlib.sha256(expected_payload.encode("utf-8")).hexdigest()
    )
    # Key order inside detail does not matter; content does.
    assert entry_hash(1, "t", "op", "a", {"a": "中", "b": 1}, GENESIS) == entry_hash(
        1, "t", "op", "a", {"b": 1, "a": "中"}, GENESIS
    )


def test_intact_chain_verifies() -> None:
    assert verify_chain(_chain()) is None
    assert verify_chain([]) is None


def test_tampered_detail_is_found_at_its_seq() -> None:
    entries = _chain()
    entries[3] = dataclasses.replace(entries[3], detail={"case": 4, "说明": "不予受理"})
    assert verify_chain(entries) == 4


def test_tampered_operator_or_time_is_found() -> None:
    entries = _chain()
    entries[0] = dataclasses.replace(entries[0], operator="li")
    assert verify_chain(entries) == 1
    entries = _chain()
    entries[5] = dataclasses.replace(entries[5], at_utc="2026-03-01T00:00:00+00:00")
    assert verify_chain(entries) == 6


def test_rehashed_row_breaks_the_next_link() -> None:
    entries = _chain()
    forged = entries[2]
    entries[2] = make_entry(
        forged.seq, forged.at_utc, forged.operator, "case.reject", forged.detail, forged.prev_hash
    )
    assert verify_chain(entries) == 4


def test_deleted_row_is_found_at_the_missing_seq() -> None:
    entries = _chain()
    del entries[2]
    assert verify_chain(entries) == 3


def test_deleted_and_renumbered_row_is_found() -> None:
    entries = _chain()
    del entries[2]
    entries = [dataclasses.replace(e, seq=i) for i, e in enumerate(entries, start=1)]
    assert verify_chain(entries) == 3


def test_deleted_first_row_is_found() -> None:
    assert verify_chain(_chain()[1:]) == 1


def test_reordered_rows_are_found() -> None:
    entries = _chain()
    entries[1], entries[2] = entries[2], entries[1]
    assert verify_chain(entries) == 2


def test_swapped_seq_numbers_are_found() -> None:
    entries = _chain()
    a, b = entries[3], entries[4]
    entries[3], entries[4] = dataclasses.replace(b, seq=4), dataclasses.replace(a, seq=5)
    assert verify_chain(entries) == 4


def test_verification_from_a_checkpoint() -> None:
    entries = _chain()
    assert verify_chain(entries[3:], start_seq=4, start_prev=entries[2].hash) is None
    assert verify_chain(entries[3:], start_seq=4, start_prev=GENESIS) == 4


def test_entry_is_frozen() -> None:
    entry = _chain(1)[0]
    try:
        entry.action = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("AuditEntry must be immutable")
