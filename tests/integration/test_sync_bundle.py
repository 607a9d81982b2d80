"""Offline bundles: export → `gateway import-bundle` → reply → import; tampered, foreign and replayed files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.sync.bundle_io import export_bundle, import_reply
from app.sync.protocol import BundleForeignError, BundleTamperedError, BundleWrongKindError
from gateway import admin
from gateway.cli import main as gateway_main
from tests.integration.test_sync_pull import local_case, read_case
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    STATION,
    Gateway,
    add_case_ops,
    gateway_fixture,
    make_engine,
    outbox_states,
)


def carry(ctx: Any, gw: Gateway, tmp: Path) -> Path:
    """Export the station's bundle and import it at the town center; returns the reply file."""
    data, result = export_bundle(ctx.db, ctx.clock, STATION, gw.token)
    ops_file, reply_file = tmp / "ops.ycb", tmp / "reply.ycb"
    ops_file.write_bytes(data)
    assert gateway_main(["import-bundle", "--db", gw.db_url, "--station", STATION, str(ops_file),
                         "--reply", str(reply_file)]) == 0
    return reply_file


def test_round_trip_and_replay(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    case_id = local_case(ctx)
    add_case_ops(ctx, 4)
    reply = carry(ctx, gateway, tmp_path)
    result = import_reply(ctx.db, ctx.clock, STATION, gateway.token, reply.read_bytes())
    assert result.results == {"applied": 5}
    assert outbox_states(ctx) == {"acked": 5} and gateway.cases() == 5
    admin.set_case_status(gateway.store, case_id, "completed")
    reply2 = carry(ctx, gateway, tmp_path)  # nothing pending: the reply carries the status change
    assert import_reply(ctx.db, ctx.clock, STATION, gateway.token, reply2.read_bytes()).changes == 1
    assert read_case(ctx, case_id).district_status == "completed"
    # replaying both replies changes nothing
    again = import_reply(ctx.db, ctx.clock, STATION, gateway.token, reply.read_bytes())
    assert again.results == {} and import_reply(ctx.db, ctx.clock, STATION, gateway.token,
                                                reply2.read_bytes()).changes == 0
    assert outbox_states(ctx) == {"acked": 5} and gateway.cases() == 5


def test_same_ops_bundle_imported_twice_adds_nothing(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    add_case_ops(ctx, 3)
    data, _ = export_bundle(ctx.db, ctx.clock, STATION, gateway.token)
    f = tmp_path / "ops.ycb"
    f.write_bytes(data)
    for _ in range(2):
        assert gateway_main(["import-bundle", "--db", gateway.db_url, "--station", STATION, str(f),
                             "--reply", str(tmp_path / "r.ycb")]) == 0
    assert gateway.cases() == 3 and gateway.processed() == 3
    assert outbox_states(ctx) == {"pending": 3}  # a bundle alone acknowledges nothing
    assert make_engine(ctx, gateway).run_once().pushed["duplicate"] == 3


def test_tampered_and_foreign_bundles_are_refused(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    add_case_ops(ctx, 2)
    data, _ = export_bundle(ctx.db, ctx.clock, STATION, gateway.token)
    body = json.loads(data)
    body["ops"][0]["payload"]["item_code"] = "FORGED"
    forged = tmp_path / "forged.ycb"
    forged.write_text(json.dumps(body), encoding="utf-8")
    assert gateway_main(["import-bundle", "--db", gateway.db_url, "--station", STATION, str(forged),
                         "--reply", str(tmp_path / "r.ycb")]) == 3
    foreign, _ = export_bundle(ctx.db, ctx.clock, STATION, "another station's credential")
    (tmp_path / "foreign.ycb").write_bytes(foreign)
    assert gateway_main(["import-bundle", "--db", gateway.db_url, "--station", STATION,
                         str(tmp_path / "foreign.ycb"), "--reply", str(tmp_path / "r.ycb")]) == 3
    assert gateway.processed() == 0
    # at the station: a reply signed for another key, or an ops bundle instead of a reply
    reply = carry(ctx, gateway, tmp_path).read_bytes()
    with pytest.raises(BundleTamperedError):
        import_reply(ctx.db, ctx.clock, STATION, "wrong", reply)
    with pytest.raises(BundleForeignError):
        import_reply(ctx.db, ctx.clock, "511602999999", gateway.token, reply)
    with pytest.raises(BundleWrongKindError):
        import_reply(ctx.db, ctx.clock, STATION, gateway.token, data)
    assert outbox_states(ctx) == {"pending": 2}
