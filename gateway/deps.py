"""Request dependencies shared by the routes: the store, bearer auth, and typed API errors."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from app.sync.protocol import MAX_BATCH_BYTES
from gateway.admin import StationIdentity, authenticate
from gateway.db import Store


class ApiError(Exception):
    """An HTTP error answered as `{"code", "message"}`; `message` is Chinese for the operator."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def get_store(request: Request) -> Store:
    """The app's store (one per app instance)."""
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(get_store)]


def caller(store: StoreDep, authorization: Annotated[str | None, Header()] = None) -> StationIdentity:
    """Resolve `Authorization: Bearer <credential>`; 401 when missing or unknown (R8: refresh, retry)."""
    scheme, _, token = (authorization or "").partition(" ")
    identity = authenticate(store, token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    if identity is None:
        raise ApiError(
            401, "unauthorized", "站点凭据无效或已停用，请在设置中重新填写平台凭据。", {"WWW-Authenticate": "Bearer"}
        )
    return identity


CallerDep = Annotated[StationIdentity, Depends(caller)]


def station_caller(station: str, who: CallerDep) -> StationIdentity:
    """The caller must be the station named in the path (the district may not act as a station)."""
    if who.code != station:
        raise ApiError(403, "station_mismatch", "凭据与请求中的站点编码不一致，请核对站点设置。")
    return who


def district_caller(who: CallerDep) -> StationIdentity:
    """Only a district credential may change statuses or publish catalogues."""
    if not who.is_district:
        raise ApiError(403, "district_only", "只有区级平台账号可以执行此操作。")
    return who


def limit_body(request: Request) -> None:
    """Refuse oversized batches before parsing (R6: 512 KB)."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BATCH_BYTES:
        raise ApiError(413, "batch_too_large", "一次上传的数据超过512KB，请分批上传。")
