"""Offline bundles at the station: export pending ops to a signed file, import the gateway's signed reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from pydantic import ValidationError
from sqlalchemy import select

from app.db.models import Outbox
from app.db.session import Database
from app.domain.clock import Clock
from app.sync import outbox_store as store
from app.sync.protocol import (
    Bundle,
    derive_bundle_key,
    dump_bundle,
    load_bundle,
    sign_bundle,
    verify_bundle,
)

_EXPORT_LIMIT = 100_000


@dataclass(frozen=True)
class ExportResult:
    """How many ops went into the file."""

    ops: int
    bundle_id: str


@dataclass(frozen=True)
class ImportResult:
    """What a reply changed: per-status result counts and the number of changes applied."""

    results: dict[str, int]
    changes: int
    epoch_changed: bool


def export_bundle(db: Database, clock: Clock, station_code: str, credential: str) -> tuple[bytes, ExportResult]:
    """All pending ops in client_seq order, with the pull cursor, signed with the station's bundle key.

    Nothing changes locally: the ops stay pending until a reply (or a push) acknowledges them, so a
    lost USB stick loses nothing and exporting twice is harmless (the gateway answers duplicate).
    """
    with db.session() as s:
        rows = s.scalars(select(Outbox).where(Outbox.state.in_([store.PENDING, store.INFLIGHT]))
                         .order_by(Outbox.client_seq).limit(_EXPORT_LIMIT)).all()
        ops = []
        for row in rows:
            try:
                ops.append(store.to_op(row))
            except (ValidationError, ValueError):
                continue  # the online path quarantines it with its reason; a file must stay valid
        cursor = store.get_state(s, "cursor")
    bundle = Bundle(kind="ops", station_code=station_code, created_at=clock.now(), ops=ops, cursor=cursor)
    signed = sign_bundle(bundle, derive_bundle_key(credential))
    return dump_bundle(signed), ExportResult(len(ops), str(signed.bundle_id))


def import_reply(db: Database, clock: Clock, station_code: str, credential: str, data: bytes) -> ImportResult:
    """Verify and apply a reply bundle in one transaction; replaying it changes nothing.

    Raises a `BundleError` (malformed, bad signature, foreign station, wrong kind) before touching anything.
    """
    bundle = verify_bundle(load_bundle(data), derive_bundle_key(credential), station_code=station_code,
                           kind="reply")
    with db.session() as s:
        known = store.get_state(s, "epoch")
        changed = bool(known and bundle.server_epoch and known != bundle.server_epoch)
        if changed:
            store.requeue_unconfirmed(s)
            store.set_state(s, "cursor", None)
        counts = store.apply_results(s, bundle.results, clock.now(), timedelta(seconds=0))
        applied = store.apply_changes(s, bundle.changes, bundle.next_cursor)
        if bundle.server_epoch:
            store.set_state(s, "epoch", bundle.server_epoch)
        store.set_state(s, "last_pull", clock.now().isoformat())
    return ImportResult(counts, applied, changed)
