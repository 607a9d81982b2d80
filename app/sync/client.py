"""HTTP client for the district gateway: push a batch, pull a page, heartbeat; transport errors typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app.sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    Heartbeat,
    HeartbeatAck,
    Op,
    PullResponse,
    PushRequest,
    PushResponse,
)


class SyncTransportError(Exception):
    """Network error, timeout, 5xx or 429: retry the whole request later (R8); nothing is lost."""

    def __init__(self, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class CredentialError(Exception):
    """401: the station credential is missing, wrong or revoked; stop and ask for a new one (R17)."""


class ResetRequired(Exception):
    """409 reset_required / 400 bad_cursor: the server epoch changed; resync from scratch (R13, T9)."""


class RequestRefused(Exception):
    """Any other 4xx for the whole request (e.g. 413 batch too large, 403 station mismatch)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Answer:
    """A decoded answer and the server's clock from its `Date` header (for skew, R16)."""

    body: Any
    server_date: datetime | None


def _server_date(response: httpx.Response) -> datetime | None:
    text = response.headers.get("date")
    if not text:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None


def _error_body(response: httpx.Response) -> tuple[str, str]:
    try:
        data = response.json()
        return str(data.get("code", "")), str(data.get("message", ""))
    except (ValueError, AttributeError):
        return "", response.text[:200]


class SyncClient:
    """One station's view of the gateway; the credential is sent as a bearer token (R17)."""

    def __init__(self, base_url: str, station_code: str, token: str, *, verify: bool = True,
                 transport: httpx.BaseTransport | None = None, timeout: float = 30.0) -> None:
        self.station_code = station_code
        self._http = httpx.Client(base_url=base_url.rstrip("/") + API_PREFIX, verify=verify, transport=transport,
                                  timeout=timeout, headers={"Authorization": f"Bearer {token}"})

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def push(self, ops: list[Op]) -> Answer:
        """Send up to 50 ops; the answer holds one result per op in request order."""
        body = PushRequest(station_code=self.station_code, ops=ops).model_dump_json()
        response = self._send("POST", f"/stations/{self.station_code}/ops:batch", content=body,
                              headers={"Content-Type": "application/json"})
        return Answer(PushResponse.model_validate_json(response.content), _server_date(response))

    def pull(self, cursor: str | None, limit: int = DEFAULT_PULL_LIMIT) -> Answer:
        """One page of changes after `cursor` (None: from the beginning)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = self._send("GET", f"/stations/{self.station_code}/changes", params=params)
        return Answer(PullResponse.model_validate_json(response.content), _server_date(response))

    def snapshot(self, kind: str, etag: str | None) -> Answer:
        """The catalogue or holiday snapshot (`kind`), or an Answer with body None when `etag` is current."""
        headers = {"If-None-Match": f'"{etag}"'} if etag else {}
        response = self._send("GET", f"/{kind}", headers=headers)
        body = None if response.status_code == 304 else response.json()
        return Answer(body, _server_date(response))

    def has_blob(self, sha256: str) -> bool:
        """HEAD /blobs/{sha256}: whether the gateway already stores this attachment (R11)."""
        try:
            response = self._http.request("HEAD", f"/blobs/{sha256}")
        except httpx.HTTPError as exc:
            raise SyncTransportError(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code == 404:
            return False
        self._raise_for(response)
        return True

    def put_blob(self, sha256: str, data: bytes) -> None:
        """PUT /blobs/{sha256}: upload an attachment; idempotent, the gateway checks the hash."""
        self._send("PUT", f"/blobs/{sha256}", content=data, headers={"Content-Type": "application/octet-stream"})

    def health(self, timeout: float) -> bool:
        """GET /health with a short timeout: is the gateway reachable again? Never raises."""
        try:
            return self._http.get("/health", timeout=timeout).status_code == 200
        except httpx.HTTPError:
            return False

    def heartbeat(self, beat: Heartbeat) -> Answer:
        """Report the station's health (R18)."""
        response = self._send("POST", f"/stations/{self.station_code}/heartbeat", content=beat.model_dump_json(),
                              headers={"Content-Type": "application/json"})
        return Answer(HeartbeatAck.model_validate_json(response.content), _server_date(response))

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:  # connect, read, timeouts, cut connections
            raise SyncTransportError(f"{type(exc).__name__}: {exc}") from exc
        self._raise_for(response)
        return response

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        code, message = _error_body(response)
        if status == 401:
            raise CredentialError(message or code)
        if status in (409, 400) and code in ("reset_required", "bad_cursor", "cursor_expired"):
            raise ResetRequired(code)
        if status == 410:
            raise ResetRequired(code or "cursor_expired")
        if status >= 500 or status in (408, 429):
            raise SyncTransportError(f"HTTP {status} {code}", _retry_after(response))
        raise RequestRefused(status, code, message)
