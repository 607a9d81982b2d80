"""District-facing endpoints: case status decisions, catalogue publishing, figures, health."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from app.sync.protocol import PROTOCOL_VERSION, DistrictStatus
from app.sync.protocol import ApiError as ApiErrorBody
from gateway import admin
from gateway.deps import ApiError, CallerDep, StoreDep, district_caller
from gateway.figures import FiguresResponse, figures
from gateway.validate import today_local

router = APIRouter(prefix="/api/v1", responses={401: {"model": ApiErrorBody}, 403: {"model": ApiErrorBody}})
DistrictDep = Annotated[admin.StationIdentity, Depends(district_caller)]


class SetStatusRequest(BaseModel):
    """A district decision on a case."""

    status: DistrictStatus
    note: str | None = Field(default=None, max_length=400)


class SetStatusResponse(BaseModel):
    """The case's new status and version, as the station will pull it."""

    case_id: str
    status: DistrictStatus
    server_version: int


class PublishResponse(BaseModel):
    """Version and ETag after publishing a snapshot."""

    version: int
    etag: str


class HealthResponse(BaseModel):
    """Liveness answer, without authentication."""

    status: str
    protocol: int
    server_epoch: str


@router.post(
    "/cases/{case_id}/status",
    response_model=SetStatusResponse,
    tags=["district"],
    responses={404: {"model": ApiErrorBody}, 409: {"model": ApiErrorBody}},
)
def set_status(case_id: str, body: SetStatusRequest, who: DistrictDep, store: StoreDep) -> SetStatusResponse:
    """受理 → 审批中 → 办结/不予许可; the change is queued for the case's station to pull."""
    try:
        version = admin.set_case_status(store, case_id, body.status.value, body.note)
    except admin.AdminError as exc:
        status = 404 if exc.code == "unknown_case" else 409
        raise ApiError(status, exc.code, exc.message_zh) from exc
    return SetStatusResponse(case_id=case_id, status=body.status, server_version=version)


def _publish(store: Any, kind: str, data: dict[str, Any]) -> PublishResponse:
    admin.publish_snapshot(store, kind, data)
    row = admin.get_snapshot(store, kind)
    assert row is not None
    return PublishResponse(version=row.version, etag=row.etag)


@router.put("/catalogue", response_model=PublishResponse, tags=["district"])
def publish_catalogue(data: dict[str, Any], who: DistrictDep, store: StoreDep) -> PublishResponse:
    """Publish a new catalogue; identical content keeps the version."""
    return _publish(store, "catalogue", data)


@router.put("/holidays", response_model=PublishResponse, tags=["district"])
def publish_holidays(data: dict[str, Any], who: DistrictDep, store: StoreDep) -> PublishResponse:
    """Publish a new holiday calendar; identical content keeps the version."""
    return _publish(store, "holidays", data)


@router.get("/figures", response_model=FiguresResponse, tags=["district"])
def get_figures(
    who: CallerDep,
    store: StoreDep,
    date_from: Annotated[date | None, Query()] = None,
    date_to: Annotated[date | None, Query()] = None,
    station: str | None = None,
) -> FiguresResponse:
    """Queue and case counts per station and day; a station credential sees only its own hall."""
    if not who.is_district:
        station = who.code
    today = today_local()
    start, end = (date_from or today), (date_to or today)
    return figures(store, start.isoformat(), end.isoformat(), station)


@router.get("/health", response_model=HealthResponse, tags=["meta"])
def health(store: StoreDep) -> HealthResponse:
    """Is the gateway up, which protocol it speaks, and its epoch."""
    return HealthResponse(status="ok", protocol=PROTOCOL_VERSION, server_epoch=store.epoch())
