"""FastAPI app factory for the reference district gateway."""

from __future__ import annotations

import json
from email.utils import formatdate
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from gateway import routes_district, routes_sync
from gateway.db import Store
from gateway.deps import ApiError


class ProtocolHeaders:
    """ASGI middleware: `Date` (R16, stations compute clock skew from it) and the protocol version."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Add the headers to every HTTP response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                headers.append((b"date", formatdate(usegmt=True).encode("ascii")))
                headers.append((PROTOCOL_HEADER.lower().encode("ascii"), str(PROTOCOL_VERSION).encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse({"code": exc.code, "message": exc.message}, status_code=exc.status, headers=exc.headers)


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return JSONResponse(
        {"code": "invalid_request", "message": f"请求格式不正确（{where}），请升级本机程序或联系管理员。"},
        status_code=422,
    )


def create_app(db_url: str) -> FastAPI:
    """Build the gateway app on the database at `db_url` (tables are created if missing)."""
    app = FastAPI(
        title="一窗 district gateway",
        version=str(PROTOCOL_VERSION),
        description="Reference district-platform endpoint for Yichuang stations (sync protocol v1).",
    )
    app.state.store = Store(db_url)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.include_router(routes_sync.router)
    app.include_router(routes_district.router)
    app.add_middleware(ProtocolHeaders)
    return app


def openapi_document() -> str:
    """The OpenAPI document of the gateway as stable JSON text (what docs/openapi.json holds)."""
    spec = create_app("sqlite://").openapi()
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"
