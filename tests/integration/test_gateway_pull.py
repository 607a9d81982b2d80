"""Gateway pull feed, snapshots with ETag, auth, Date header, blobs, heartbeat and figures."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from app.sync.protocol import PROTOCOL_HEADER, Heartbeat, PullResponse, make_op
from gateway import admin
from tests.integration.test_gateway_push import (
    BACKENDS,
    NOW,
    OTHER,
    STATION,
    Gateway,
    case_op,
    database_url,
)

CHANGES = f"/api/v1/stations/{STATION}/changes"


@pytest.fixture(params=BACKENDS)
def gw(request: Any, tmp_path: Path) -> Iterator[Gateway]:
    for url in database_url(request.param, tmp_path):
        gateway = Gateway(url)
        yield gateway
        gateway.store.dispose()


def pull(gw: Gateway, cursor: str | None = None, limit: int = 200) -> PullResponse:
    params: dict[str, Any] = {"limit": limit}
    if cursor is not None:
        params["cursor"] = cursor
    r = gw.client.get(CHANGES, params=params, headers=gw.headers())
    assert r.status_code == 200, r.text
    return PullResponse.model_validate(r.json())


def test_set_status_appears_in_the_station_feed_only(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    gw.push([case_op("x1", 1)], station=OTHER, token=gw.other_token)
    admin.set_case_status(gw.store, "c1", "in_review", "材料已转审批科室")
    admin.set_case_status(gw.store, "x1", "completed")
    page = pull(gw)
    assert [(c.entity_id, c.payload["status"], c.server_version) for c in page.changes] == [("c1", "in_review", 2)]
    assert page.changes[0].payload["note"] == "材料已转审批科室"
    assert page.has_more is False


def test_paging_follows_the_cursor_without_gaps_or_repeats(gw: Gateway) -> None:
    gw.push([case_op(f"c{i}", i) for i in range(7)])
    for i in range(7):
        admin.set_case_status(gw.store, f"c{i}", "in_review")
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page = pull(gw, cursor, limit=3)
        seen.extend(c.entity_id for c in page.changes)
        cursor, pages = page.next_cursor, pages + 1
        if not page.has_more:
            break
    assert seen == [f"c{i}" for i in range(7)] and pages == 3
    assert pull(gw, cursor).changes == []  # the last cursor is stable
    admin.set_case_status(gw.store, "c3", "completed")
    assert [c.payload["status"] for c in pull(gw, cursor).changes] == ["completed"]


def test_cursor_from_another_epoch_needs_reset_and_garbage_is_400(gw: Gateway) -> None:
    cursor = pull(gw).next_cursor
    gw.store.rotate_epoch()
    r = gw.client.get(CHANGES, params={"cursor": cursor}, headers=gw.headers())
    assert (r.status_code, r.json()["code"]) == (409, "reset_required")
    r = gw.client.get(CHANGES, params={"cursor": "not-a-cursor"}, headers=gw.headers())
    assert (r.status_code, r.json()["code"]) == (400, "bad_cursor")


def test_set_status_refuses_invalid_transitions(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    admin.set_case_status(gw.store, "c1", "completed")
    with pytest.raises(admin.AdminError) as err:
        admin.set_case_status(gw.store, "c1", "in_review")
    assert err.value.code == "invalid_transition"


def test_status_endpoint_is_district_only(gw: Gateway) -> None:
    gw.push([case_op("c1", 1)])
    url = "/api/v1/cases/c1/status"
    body = {"status": "denied", "note": "不符合条件"}
    assert gw.client.post(url, json=body, headers=gw.headers()).status_code == 403
    r = gw.client.post(url, json=body, headers=gw.headers(gw.district_token))
    assert r.status_code == 200 and r.json()["server_version"] == 2
    missing = gw.client.post("/api/v1/cases/nope/status", json=body, headers=gw.headers(gw.district_token))
    assert missing.status_code == 404
    assert [c.payload["status"] for c in pull(gw).changes] == ["denied"]


def test_bad_token_is_401_and_wrong_station_403(gw: Gateway) -> None:
    r = gw.client.get(CHANGES, headers={"Authorization": "Bearer nope"})
    assert (r.status_code, r.json()["code"]) == (401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"
    assert gw.client.get(CHANGES).status_code == 401
    r = gw.client.get(CHANGES, headers=gw.headers(gw.other_token))
    assert (r.status_code, r.json()["code"]) == (403, "station_mismatch")


def test_every_response_carries_date_and_protocol_headers(gw: Gateway) -> None:
    for r in (gw.client.get(CHANGES, headers=gw.headers()), gw.client.get(CHANGES)):
        assert parsedate_to_datetime(r.headers["date"]).tzinfo is not None
        assert r.headers[PROTOCOL_HEADER] == "1"


def test_catalogue_etag_gives_304_until_content_changes(gw: Gateway) -> None:
    assert gw.client.get("/api/v1/catalogue", headers=gw.headers()).status_code == 404
    admin.publish_snapshot(gw.store, "catalogue", {"items": [{"code": "A1", "name": "居住证办理"}]})
    first = gw.client.get("/api/v1/catalogue", headers=gw.headers())
    assert first.status_code == 200 and first.json()["catalogue_version"] == 1
    etag = first.headers["etag"]
    assert etag.strip('"') == first.json()["etag"]
    again = gw.client.get("/api/v1/catalogue", headers={**gw.headers(), "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert admin.publish_snapshot(gw.store, "catalogue", {"items": [{"code": "A1", "name": "居住证办理"}]}) == 1
    admin.publish_snapshot(gw.store, "catalogue", {"items": []})
    changed = gw.client.get("/api/v1/catalogue", headers={**gw.headers(), "If-None-Match": etag})
    assert changed.status_code == 200 and changed.json()["catalogue_version"] == 2
    announced = [c for c in pull(gw).changes if c.entity == "catalogue"]
    assert [c.server_version for c in announced] == [1, 2]


def test_holidays_publish_by_district_endpoint(gw: Gateway) -> None:
    data = {"2026-10-01": "holiday", "2026-10-10": "workday"}
    assert gw.client.put("/api/v1/holidays", json=data, headers=gw.headers()).status_code == 403
    r = gw.client.put("/api/v1/holidays", json=data, headers=gw.headers(gw.district_token))
    assert r.status_code == 200 and r.json()["version"] == 1
    got = gw.client.get("/api/v1/holidays", headers=gw.headers()).json()
    assert got["data"] == data and got["calendar_version"] == 1


def test_blobs_are_content_addressed_and_idempotent(gw: Gateway) -> None:
    data = b"%PDF-1.7 scanned"
    digest = hashlib.sha256(data).hexdigest()
    url = f"/api/v1/blobs/{digest}"
    assert gw.client.head(url, headers=gw.headers()).status_code == 404
    assert gw.client.put(url, content=data, headers=gw.headers()).status_code == 201
    assert gw.client.put(url, content=data, headers=gw.headers()).status_code == 200
    assert gw.client.head(url, headers=gw.headers()).status_code == 200
    assert gw.client.get(url, headers=gw.headers()).content == data
    wrong = gw.client.put(f"/api/v1/blobs/{'0' * 64}", content=data, headers=gw.headers())
    assert (wrong.status_code, wrong.json()["code"]) == (400, "hash_mismatch")


def test_heartbeat_is_recorded(gw: Gateway) -> None:
    beat = Heartbeat(station_code=STATION, pending=3, oldest_pending_age_s=90000, quarantined=1,
                     app_version="0.1.0", catalogue_version=2)  # fmt: skip
    r = gw.client.post(f"/api/v1/stations/{STATION}/heartbeat", json=beat.model_dump(mode="json"), headers=gw.headers())
    assert r.status_code == 200 and r.json()["server_epoch"] == gw.store.epoch()
    from gateway.models import StationHealth

    with gw.store.session() as s:
        assert s.get(StationHealth, STATION).report["oldest_pending_age_s"] == 90000


def test_figures_count_per_station_and_day_in_station_time(gw: Gateway) -> None:
    def queue(i: int, kind: str, at: str) -> Any:
        payload = {"event_type": kind, "ticket_no": f"A{i:03d}", "occurred_at": at}
        return make_op(entity="queue_event", entity_id=f"q{kind}{i}{at}", op_type="append", payload=payload,
                       client_seq=i, client_ts=NOW)  # fmt: skip

    # 2026-03-01T17:00Z is already 2 March in Asia/Shanghai
    gw.push([queue(1, "issued", "2026-03-01T17:00:00+00:00"), queue(2, "issued", "2026-03-02T09:00:00+08:00"),
             queue(1, "finished", "2026-03-02T09:20:00+08:00"), case_op("c1", 9)])  # fmt: skip
    gw.push([queue(1, "issued", "2026-03-02T10:00:00+08:00")], station=OTHER, token=gw.other_token)
    params = {"date_from": "2026-03-02", "date_to": "2026-03-02"}
    body = gw.client.get("/api/v1/figures", params=params, headers=gw.headers(gw.district_token)).json()
    per_station = {(r["station_code"], r["day"]): r for r in body["stations"]}
    mine = per_station[(STATION, "2026-03-02")]
    assert (mine["tickets_issued"], mine["tickets_served"], mine["cases_received"]) == (2, 1, 1)
    assert body["district"][0]["tickets_issued"] == 3
    own = gw.client.get("/api/v1/figures", params=params, headers=gw.headers()).json()
    assert {r["station_code"] for r in own["stations"]} == {STATION}
