"""Offline bundles at the gateway: apply a station's ops bundle exactly as a push, answer with a reply."""

from __future__ import annotations

from app.sync.protocol import (
    MAX_PULL_LIMIT,
    Bundle,
    BundleForeignError,
    dump_bundle,
    load_bundle,
    sign_bundle,
    verify_bundle,
)
from gateway.admin import bundle_key
from gateway.apply import push_ops
from gateway.db import Store
from gateway.feed import CursorError, pull_changes
from gateway.models import utcnow

# A reply carries up to this many changes; has_more tells the station to come back for the rest.
REPLY_CHANGE_LIMIT = 5 * MAX_PULL_LIMIT


def import_bundle(store: Store, station_code: str, data: bytes) -> bytes:
    """Verify and apply an ops bundle; return the signed reply bundle (results plus pending changes).

    Replaying the same bundle answers `duplicate` for every op and changes nothing in the database.
    """
    key = bundle_key(store, station_code)
    if key is None:
        raise BundleForeignError(station_code)
    bundle = verify_bundle(load_bundle(data), key, station_code=station_code, kind="ops")
    results = push_ops(store, station_code, bundle.ops)
    with store.session() as s:
        try:
            page = pull_changes(s, station_code, bundle.cursor, REPLY_CHANGE_LIMIT)
        except CursorError:
            # A cursor from another epoch (restore from backup) or garbage: send the whole feed again.
            page = pull_changes(s, station_code, None, REPLY_CHANGE_LIMIT)
    reply = Bundle(
        kind="reply",
        station_code=station_code,
        created_at=utcnow(),
        results=results,
        changes=page.changes,
        next_cursor=page.next_cursor,
        has_more=page.has_more,
        server_epoch=page.server_epoch,
    )
    return dump_bundle(sign_bundle(reply, key))
