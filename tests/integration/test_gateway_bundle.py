"""Offline bundles through the gateway CLI, the CLI's other commands, and the OpenAPI document."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.sync.protocol import (
    Bundle,
    BundleForeignError,
    BundleMalformedError,
    BundleTamperedError,
    BundleWrongKindError,
    derive_bundle_key,
    dump_bundle,
    load_bundle,
    sign_bundle,
    verify_bundle,
)
from gateway import admin
from gateway.app import openapi_document
from gateway.cli import main
from gateway.db import Store
from gateway.models import CaseEventRow, CaseRow, ProcessedOp
from tests.integration.test_gateway_push import OTHER, STATION, case_op, event_op

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, str, Store]:
    url = f"sqlite:///{tmp_path / 'gw.db'}"
    store = Store(url)
    token = admin.create_station(store, STATION, "东坝村便民服务站")
    admin.create_station(store, OTHER, "西坝村便民服务站")
    return url, token, store


def ops_bundle(token: str, station: str = STATION, cursor: str | None = None) -> Bundle:
    bundle = Bundle(
        kind="ops", station_code=station, created_at=datetime(2026, 3, 2, tzinfo=UTC),
        ops=[case_op("c1", 1), event_op("c1", 2), case_op("c2", 3)], cursor=cursor,
    )  # fmt: skip
    return sign_bundle(bundle, derive_bundle_key(token))


def run_import(url: str, src: Path, reply: Path, station: str = STATION) -> int:
    return main(["import-bundle", "--db", url, "--station", station, str(src), "--reply", str(reply)])


def count(store: Store, model: Any) -> int:
    with store.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_bundle_round_trip_and_replay_changes_nothing(setup: Any, tmp_path: Path) -> None:
    url, token, store = setup
    src, reply_path = tmp_path / "out.yb", tmp_path / "reply.yb"
    src.write_bytes(dump_bundle(ops_bundle(token)))
    assert run_import(url, src, reply_path) == 0
    key = derive_bundle_key(token)
    reply = verify_bundle(load_bundle(reply_path.read_bytes()), key, station_code=STATION, kind="reply")
    assert [r.status for r in reply.results] == ["applied"] * 3
    assert reply.server_epoch == store.epoch() and reply.next_cursor
    admin.set_case_status(store, "c1", "in_review")
    assert run_import(url, src, reply_path) == 0
    again = verify_bundle(load_bundle(reply_path.read_bytes()), key, station_code=STATION, kind="reply")
    assert [r.status for r in again.results] == ["duplicate"] * 3
    assert [c.payload["status"] for c in again.changes] == ["in_review"]
    assert (count(store, CaseRow), count(store, CaseEventRow), count(store, ProcessedOp)) == (2, 1, 3)


def test_reply_carries_only_changes_after_the_bundle_cursor(setup: Any, tmp_path: Path) -> None:
    url, token, store = setup
    src, reply_path = tmp_path / "out.yb", tmp_path / "reply.yb"
    src.write_bytes(dump_bundle(ops_bundle(token)))
    run_import(url, src, reply_path)
    admin.set_case_status(store, "c1", "in_review")
    first = load_bundle(reply_path.read_bytes())
    second_src = ops_bundle(token, cursor=first.next_cursor)
    src.write_bytes(dump_bundle(second_src))
    run_import(url, src, reply_path)
    admin.set_case_status(store, "c1", "completed")
    src.write_bytes(dump_bundle(ops_bundle(token, cursor=load_bundle(reply_path.read_bytes()).next_cursor)))
    run_import(url, src, reply_path)
    assert [c.payload["status"] for c in load_bundle(reply_path.read_bytes()).changes] == ["completed"]


def test_tampered_bundle_is_refused_and_nothing_applied(setup: Any, tmp_path: Path, capsys: Any) -> None:
    url, token, store = setup
    data = json.loads(dump_bundle(ops_bundle(token)))
    data["ops"][0]["payload"]["acceptance_no"] = "FORGED"
    src = tmp_path / "out.yb"
    src.write_text(json.dumps(data), encoding="utf-8")
    assert run_import(url, src, tmp_path / "reply.yb") == 3
    assert "签名不符" in capsys.readouterr().err
    assert count(store, CaseRow) == 0 and not (tmp_path / "reply.yb").exists()


def test_foreign_bundle_is_refused(setup: Any, tmp_path: Path) -> None:
    url, token, store = setup
    src = tmp_path / "out.yb"
    src.write_bytes(dump_bundle(ops_bundle(token)))
    assert run_import(url, src, tmp_path / "reply.yb", station=OTHER) == 3
    assert count(store, CaseRow) == 0


def test_garbage_file_is_refused(setup: Any, tmp_path: Path) -> None:
    url, _, _ = setup
    src = tmp_path / "out.yb"
    src.write_bytes(b"\x00not json")
    assert run_import(url, src, tmp_path / "reply.yb") == 3


def test_verify_bundle_raises_typed_errors() -> None:
    key = derive_bundle_key("secret")
    signed = sign_bundle(Bundle(kind="reply", station_code=STATION, created_at=datetime.now(UTC)), key)
    with pytest.raises(BundleTamperedError):
        verify_bundle(signed, derive_bundle_key("other"))
    with pytest.raises(BundleForeignError):
        verify_bundle(signed, key, station_code=OTHER)
    with pytest.raises(BundleWrongKindError):
        verify_bundle(signed, key, kind="ops")
    with pytest.raises(BundleMalformedError):
        load_bundle(b'{"kind": "ops"}')
    assert verify_bundle(load_bundle(dump_bundle(signed)), key, station_code=STATION, kind="reply") == signed


def test_cli_create_station_and_set_status(tmp_path: Path, capsys: Any) -> None:
    url = f"sqlite:///{tmp_path / 'gw.db'}"
    assert main(["create-station", "--db", url, "--code", STATION, "--name", "东坝村"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    store = Store(url)
    assert admin.authenticate(store, token) == admin.StationIdentity(STATION, False)
    assert main(["create-station", "--db", url, "--code", "123", "--name", "x"]) == 1
    assert "12位数字" in capsys.readouterr().err
    assert main(["set-status", "--db", url, "nope", "completed"]) == 1
    from gateway.apply import push_ops

    push_ops(store, STATION, [case_op("c1", 1)])
    assert main(["set-status", "--db", url, "c1", "in_review", "--note", "转审批"]) == 0
    assert "审批中" in capsys.readouterr().out


def test_cli_publish_catalogue(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'gw.db'}"
    src = tmp_path / "cat.json"
    src.write_text(json.dumps({"items": [{"code": "A1"}]}), encoding="utf-8")
    assert main(["publish", "--db", url, "catalogue", str(src)]) == 0
    assert admin.get_snapshot(Store(url), "catalogue").version == 1


def test_openapi_document_is_current() -> None:
    """docs/openapi.json is regenerated with `python -m gateway.cli openapi --out docs/openapi.json`."""
    current = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert current == openapi_document()
    paths = json.loads(current)["paths"]
    assert "/api/v1/stations/{station}/ops:batch" in paths and "/api/v1/stations/{station}/changes" in paths
