"""Gateway push: applied, duplicate, idempotency mismatch, poison ops, retry_later, conflicts, races (T1–T4, T6)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.sync.protocol import Op, PushRequest, PushResponse, make_op
from gateway import admin
from gateway.app import create_app
from gateway.models import CaseEventRow, CaseRow, ProcessedOp
from tests.integration.pg import PG_URL, fresh_database

STATION = "110105001001"
OTHER = "110105002002"
NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database per test: a SQLite file, or a throw-away PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'gw.db'}"
        return
    if not PG_URL:
        pytest.skip("set YICHUANG_TEST_PG_URL to run the gateway tests on PostgreSQL")
    with fresh_database("gw_test") as url:
        yield url


class Gateway:
    """A gateway on a SQLite file with one station, one foreign station and a district account."""

    def __init__(self, db_url: str) -> None:
        self.app = create_app(db_url)
        self.store = self.app.state.store
        self.client = TestClient(self.app)
        self.token = admin.create_station(self.store, STATION, "东坝村便民服务站")
        self.other_token = admin.create_station(self.store, OTHER, "西坝村便民服务站")
        self.district_token = admin.create_station(self.store, "110105000000", "区政务服务中心", district=True)

    def headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}

    def push(self, ops: list[Op], station: str = STATION, token: str | None = None) -> PushResponse:
        body = PushRequest(station_code=station, ops=ops).model_dump(mode="json")
        r = self.client.post(f"/api/v1/stations/{station}/ops:batch", json=body, headers=self.headers(token))
        assert r.status_code == 200, r.text
        return PushResponse.model_validate(r.json())

    def count(self, model: Any) -> int:
        with self.store.session() as s:
            return s.execute(select(func.count()).select_from(model)).scalar_one()


def case_op(case_id: str, seq: int = 1, **payload: Any) -> Op:
    body = {"item_code": "11110105MB0001", "catalogue_version": "2026.11.1", "acceptance_no": f"A-{seq}", **payload}
    return make_op(entity="case", entity_id=case_id, op_type="create", payload=body, client_seq=seq, client_ts=NOW)


def event_op(case_id: str, seq: int, event_type: str = "accepted") -> Op:
    return make_op(
        entity="case_event", entity_id=str(uuid.uuid4()), op_type="append",
        payload={"case_id": case_id, "event_type": event_type}, client_seq=seq, client_ts=NOW,
    )  # fmt: skip


def update_op(case_id: str, seq: int, base: int, **payload: Any) -> Op:
    return make_op(
        entity="case", entity_id=case_id, op_type="update", base_version=base, payload=payload,
        client_seq=seq, client_ts=NOW,
    )  # fmt: skip


@pytest.fixture(params=BACKENDS)
def gw(request: Any, tmp_path: Path) -> Iterator[Gateway]:
    for url in database_url(request.param, tmp_path):
        gateway = Gateway(url)
        yield gateway
        gateway.store.dispose()


def test_push_applies_then_replay_is_duplicate_with_same_version(gw: Gateway) -> None:
    ops = [case_op("c1", 1), event_op("c1", 2), case_op("c2", 3)]
    first = gw.push(ops)
    assert [r.status for r in first.results] == ["applied"] * 3
    again = gw.push(ops)
    assert [r.status for r in again.results] == ["duplicate"] * 3
    assert [r.server_version for r in again.results] == [r.server_version for r in first.results]
    assert gw.count(CaseRow) == 2 and gw.count(ProcessedOp) == 3


def test_same_op_twice_in_one_batch_is_applied_once(gw: Gateway) -> None:
    op = case_op("c1", 1)
    assert [r.status for r in gw.push([op, op]).results] == ["applied", "duplicate"]
    assert gw.count(ProcessedOp) == 1


def test_partial_commit_then_retry_applies_the_rest(gw: Gateway) -> None:
    """T1: the server committed k of N before failing; resending all N gives k duplicates, N−k applied."""
    ops = [case_op(f"c{i}", i) for i in range(6)]
    gw.push(ops[:2])
    results = gw.push(ops).results
    assert [r.status for r in results] == ["duplicate"] * 2 + ["applied"] * 4
    assert gw.count(CaseRow) == 6


def test_same_op_id_other_payload_is_rejected_and_row_unchanged(gw: Gateway) -> None:
    """T4."""
    original = case_op("c1", 1, applicant_name="张三")
    gw.push([original])
    tampered = case_op("c1", 1, applicant_name="李四").model_copy(update={"op_id": original.op_id})
    result = gw.push([tampered]).results[0]
    assert (result.status, result.code) == ("rejected", "idempotency_mismatch")
    with gw.store.session() as s:
        assert s.get(CaseRow, "c1").payload["applicant_name"] == "张三"


def test_poison_op_is_rejected_with_code_and_others_still_apply(gw: Gateway) -> None:
    """T6: one bad op does not block other cases."""
    bad = make_op(entity="case", entity_id="bad", op_type="create", payload={"item_code": ""},
                  client_seq=1, client_ts=NOW)  # fmt: skip
    results = gw.push([bad, case_op("good", 2)]).results
    assert (results[0].status, results[0].code) == ("rejected", "invalid_payload")
    assert results[0].message and "格式" in results[0].message
    assert results[1].status == "applied"
    fixed = case_op("bad", 3)
    assert gw.push([fixed]).results[0].status == "applied"


@pytest.mark.parametrize(
    ("payload_change", "code"),
    [
        ({"status": "completed"}, "district_owned_field"),
        ({"op_type": "delete"}, "unknown_op_type"),
        ({"payload_sha256": "0" * 64}, "digest_mismatch"),
    ],
)
def test_rejections_carry_codes(gw: Gateway, payload_change: dict[str, Any], code: str) -> None:
    op = case_op("c1", 1)
    if "status" in payload_change:
        op = case_op("c1", 1, **payload_change)
    else:
        op = op.model_copy(update=payload_change)
    result = gw.push([op]).results[0]
    assert (result.status, result.code) == ("rejected", code)
    assert gw.count(ProcessedOp) == 0


def test_event_for_unknown_case_is_retry_later_then_applies(gw: Gateway) -> None:
    early = event_op("c9", 5)
    result = gw.push([early]).results[0]
    assert (result.status, result.code) == ("retry_later", "unknown_case")
    gw.push([case_op("c9", 4)])
    assert gw.push([early]).results[0].status == "applied"


def test_child_before_parent_in_one_batch_is_ordered_by_client_seq(gw: Gateway) -> None:
    results = gw.push([event_op("c1", 2), case_op("c1", 1)]).results
    assert [r.status for r in results] == ["applied", "applied"]


def test_later_ops_of_a_failed_case_wait_behind_it(gw: Gateway) -> None:
    bad = make_op(entity="case", entity_id="c1", op_type="create", payload={"item_code": 7},
                  client_seq=1, client_ts=NOW)  # fmt: skip
    results = gw.push([bad, event_op("c1", 2), case_op("c2", 3)]).results
    assert [r.status for r in results] == ["rejected", "retry_later", "applied"]
    assert results[1].code == "predecessor_pending"


def test_update_versions_conflicts_and_district_status_is_no_conflict(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    admin.set_case_status(gw.store, "c1", "in_review")  # version 2, window fields untouched
    ahead = gw.push([update_op("c1", 2, base=5, phone="138")]).results[0]
    assert (ahead.status, ahead.code) == ("retry_later", "base_version_ahead")
    ok = gw.push([update_op("c1", 3, base=1, phone="139")]).results[0]
    assert (ok.status, ok.server_version) == ("applied", 3)
    stale = gw.push([update_op("c1", 4, base=1, phone="137")]).results[0]
    assert (stale.status, stale.code, stale.server_version) == ("conflict", "version_conflict", 3)
    with gw.store.session() as s:
        assert s.get(CaseRow, "c1").payload["phone"] == "139"


def test_other_station_cannot_touch_a_case(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    result = gw.push([update_op("c1", 1, base=1, phone="1")], station=OTHER, token=gw.other_token).results[0]
    assert (result.status, result.code) == ("rejected", "foreign_case")


def test_create_with_new_op_id_but_same_content_is_duplicate(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    twin = case_op("c1", 1)
    assert gw.push([twin]).results[0].status == "duplicate"
    different = case_op("c1", 1, applicant_name="王五")
    assert gw.push([different]).results[0].code == "entity_exists"


def test_missing_blob_is_rejected_until_uploaded(gw: Gateway) -> None:
    import hashlib

    data = "身份证正面".encode()
    digest = hashlib.sha256(data).hexdigest()
    op = case_op("c1", 1, blobs=[digest])
    assert gw.push([op]).results[0].code == "missing_blob"
    put = gw.client.put(f"/api/v1/blobs/{digest}", content=data, headers=gw.headers())
    assert put.status_code == 201
    assert gw.push([op]).results[0].status == "applied"


def test_concurrent_duplicate_pushes_give_one_row_per_case(gw: Gateway) -> None:
    """T3: the same batch three times at once (double click, two workers) → one row each, no 5xx."""
    ops = [case_op(f"c{i}", i) for i in range(10)] + [event_op("c1", 20), event_op("c2", 21)]
    body = PushRequest(station_code=STATION, ops=ops).model_dump(mode="json")
    statuses: list[int] = []
    outcomes: list[str] = []
    barrier = threading.Barrier(3)

    def send() -> None:
        with TestClient(gw.app) as client:
            barrier.wait()
            r = client.post(f"/api/v1/stations/{STATION}/ops:batch", json=body, headers=gw.headers())
            statuses.append(r.status_code)
            outcomes.extend(x["status"] for x in r.json()["results"])

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200, 200, 200]
    assert outcomes.count("applied") == len(ops)
    assert outcomes.count("duplicate") == 2 * len(ops)
    assert gw.count(CaseRow) == 10 and gw.count(CaseEventRow) == 2 and gw.count(ProcessedOp) == 12


def test_batch_over_50_ops_is_refused_whole(gw: Gateway) -> None:
    ops = [case_op(f"c{i}", i).model_dump(mode="json") for i in range(51)]
    r = gw.client.post(
        f"/api/v1/stations/{STATION}/ops:batch", json={"station_code": STATION, "ops": ops}, headers=gw.headers()
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_request"
    assert gw.count(CaseRow) == 0
