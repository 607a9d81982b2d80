"""Station-facing endpoints: push, pull, snapshots, blobs, heartbeat (R6, R11, R12, R15, R18)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    BlobInfo,
    CatalogueSnapshot,
    Heartbeat,
    HeartbeatAck,
    HolidaySnapshot,
    PullResponse,
    PushRequest,
    PushResponse,
)
from app.sync.protocol import ApiError as ApiErrorBody
from gateway import admin
from gateway.apply import push_ops
from gateway.deps import ApiError, CallerDep, StoreDep, limit_body, station_caller
from gateway.feed import CursorError, pull_changes
from gateway.models import utcnow

MAX_BLOB_BYTES = 20 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ApiErrorBody, "description": "bad or missing credential"},
    403: {"model": ApiErrorBody, "description": "credential does not match the station"},
}

router = APIRouter(prefix="/api/v1", responses=_ERRORS)
StationDep = Annotated[admin.StationIdentity, Depends(station_caller)]


@router.post(
    "/stations/{station}/ops:batch",
    response_model=PushResponse,
    dependencies=[Depends(limit_body)],
    tags=["sync"],
    responses={413: {"model": ApiErrorBody}},
)
def push(station: str, body: PushRequest, who: StationDep, store: StoreDep) -> PushResponse:
    """Apply up to 50 ops, each on its own; HTTP 200 with one result per op (R6–R9)."""
    if body.station_code != station:
        raise ApiError(400, "station_mismatch", "请求体中的站点编码与地址不一致。")
    results = push_ops(store, station, body.ops)
    return PushResponse(results=results, server_epoch=store.epoch(), server_time=utcnow())


@router.get(
    "/stations/{station}/changes",
    response_model=PullResponse,
    tags=["sync"],
    responses={400: {"model": ApiErrorBody}, 409: {"model": ApiErrorBody}},
)
def changes(
    station: str,
    who: StationDep,
    store: StoreDep,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
) -> PullResponse:
    """A page of changes after `cursor` (opaque); 409 reset_required after a restore (R12, R13)."""
    try:
        with store.session() as s:
            return pull_changes(s, station, cursor, limit)
    except CursorError as exc:
        if exc.code == "reset_required":
            raise ApiError(409, "reset_required", "平台数据已从备份恢复，需要重新完整同步。") from exc
        raise ApiError(400, "bad_cursor", "同步位置无效，请重新完整同步。") from exc


def _snapshot(store: Any, kind: str, if_none_match: str | None, response: Response) -> Any:
    row = admin.get_snapshot(store, kind)
    if row is None:
        raise ApiError(404, f"no_{kind}", "平台尚未发布该数据。")
    etag = f'"{row.etag}"'
    if if_none_match is not None and row.etag in {t.strip().strip('"') for t in if_none_match.split(",")}:
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return row


@router.get(
    "/catalogue",
    response_model=CatalogueSnapshot,
    tags=["snapshots"],
    responses={304: {"description": "unchanged"}, 404: {"model": ApiErrorBody}},
)
def catalogue(
    who: CallerDep, store: StoreDep, response: Response, if_none_match: Annotated[str | None, Header()] = None
) -> Any:
    """The whole catalogue, or 304 when `If-None-Match` carries the current ETag (R15)."""
    row = _snapshot(store, "catalogue", if_none_match, response)
    if isinstance(row, Response):
        return row
    return CatalogueSnapshot(catalogue_version=row.version, etag=row.etag, data=row.data)


@router.get(
    "/holidays",
    response_model=HolidaySnapshot,
    tags=["snapshots"],
    responses={304: {"description": "unchanged"}, 404: {"model": ApiErrorBody}},
)
def holidays(
    who: CallerDep, store: StoreDep, response: Response, if_none_match: Annotated[str | None, Header()] = None
) -> Any:
    """The holiday and makeup-workday calendar, same ETag rules as the catalogue."""
    row = _snapshot(store, "holidays", if_none_match, response)
    if isinstance(row, Response):
        return row
    return HolidaySnapshot(calendar_version=row.version, etag=row.etag, data=row.data)


def _check_address(sha256: str) -> None:
    if not _SHA256.match(sha256):
        raise ApiError(400, "bad_address", "附件地址应为64位小写十六进制 sha256。")


@router.head("/blobs/{sha256}", tags=["blobs"], responses={404: {"description": "not stored"}})
def blob_head(sha256: str, who: CallerDep, store: StoreDep) -> Response:
    """200 if the blob is stored (R11), 404 if it must be uploaded."""
    _check_address(sha256)
    size = admin.has_blob(store, sha256)
    if size is None:
        return Response(status_code=404)
    return Response(status_code=200, headers={"Content-Length": str(size)})


@router.put(
    "/blobs/{sha256}",
    response_model=BlobInfo,
    status_code=201,
    tags=["blobs"],
    responses={200: {"model": BlobInfo}, 400: {"model": ApiErrorBody}, 413: {"model": ApiErrorBody}},
)
async def blob_put(sha256: str, request: Request, who: CallerDep, store: StoreDep, response: Response) -> BlobInfo:
    """Store raw bytes under their sha256; idempotent (201 created, 200 already there)."""
    _check_address(sha256)
    data = await request.body()
    if len(data) > MAX_BLOB_BYTES:
        raise ApiError(413, "blob_too_large", "单个附件不能超过20MB。")
    try:
        created = await run_in_threadpool(admin.put_blob, store, sha256, data, who.code)
    except admin.AdminError as exc:
        raise ApiError(400, exc.code, exc.message_zh) from exc
    if not created:
        response.status_code = 200
    return BlobInfo(sha256=sha256, size=len(data), created=created)


@router.get("/blobs/{sha256}", tags=["blobs"], responses={404: {"model": ApiErrorBody}})
def blob_get(sha256: str, who: CallerDep, store: StoreDep) -> Response:
    """The bytes of a stored blob."""
    _check_address(sha256)
    data = admin.get_blob(store, sha256)
    if data is None:
        raise ApiError(404, "no_blob", "平台上没有该附件。")
    return Response(content=data, media_type="application/octet-stream")


@router.post("/stations/{station}/heartbeat", response_model=HeartbeatAck, tags=["sync"])
def heartbeat(station: str, body: Heartbeat, who: StationDep, store: StoreDep) -> HeartbeatAck:
    """Record station health (R18); the answer carries server time and epoch."""
    if body.station_code != station:
        raise ApiError(400, "station_mismatch", "请求体中的站点编码与地址不一致。")
    admin.record_heartbeat(store, body)
    return HeartbeatAck(server_epoch=store.epoch(), server_time=utcnow())
