"""Sync test harness: the real gateway on loopback, a fault-injecting transport, op factories."""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select

from app.db.outbox import add_op
from app.sync.worker import SyncConfig, SyncEngine
from gateway import admin
from gateway.app import create_app
from gateway.db import Store
from gateway.models import CaseRow, ProcessedOp, QueueEventRow

STATION = "511602000000"


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Gateway:
    """A running gateway: its URL, its database, and a credential for the demo station."""

    url: str
    db_url: str
    store: Store
    token: str

    def count(self, model: Any) -> int:
        """Rows of one gateway table."""
        with self.store.session() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

    def processed(self) -> int:
        """Rows in the idempotency table."""
        return self.count(ProcessedOp)

    def queue_events(self) -> int:
        """Queue events stored by the gateway."""
        return self.count(QueueEventRow)

    def cases(self) -> int:
        """Cases stored by the gateway."""
        return self.count(CaseRow)


def start_gateway(tmp: Path) -> tuple[Gateway, Callable[[], None]]:
    """uvicorn in a thread on a free loopback port, SQLite file database."""
    db_url = f"sqlite:///{tmp / 'gateway.db'}"
    app = create_app(db_url)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           date_header=False, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:  # start-up only; the tests themselves never sleep
        if time.monotonic() > deadline:
            raise RuntimeError("gateway did not start")
        time.sleep(0.01)
    store = Store(db_url)
    token = admin.create_station(store, STATION, "测试站")

    def stop() -> None:
        server.should_exit = True
        thread.join(10)
        store.dispose()

    return Gateway(f"http://127.0.0.1:{port}", db_url, store, token), stop


@pytest.fixture(name="gateway")
def gateway_fixture(tmp_path: Path) -> Iterator[Gateway]:
    """A real gateway for one test."""
    gw, stop = start_gateway(tmp_path)
    yield gw
    stop()


@dataclass
class FaultTransport(httpx.BaseTransport):
    """Sits between client and gateway; each push consumes one scripted fault (None = pass through).

    Faults: "cut" (connection refused, nothing sent), "500" (server error, nothing applied),
    "drop" (forwarded and committed, then the answer is lost), ("partial", k) (the server commits the
    first k ops of the batch, then answers 500), "401" (credential refused).
    """

    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)
    script: list[Any] = field(default_factory=list)
    pushes: int = 0
    requests: int = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if not request.url.path.endswith("ops:batch"):
            return self.inner.handle_request(request)
        self.pushes += 1
        fault = self.script.pop(0) if self.script else None
        if fault == "cut":
            raise httpx.ConnectError("cut by proxy", request=request)
        if fault == "500":
            return httpx.Response(500, json={"code": "internal", "message": "boom"})
        if fault == "401":
            return httpx.Response(401, json={"code": "unauthorized", "message": "凭据无效"})
        if isinstance(fault, tuple) and fault[0] == "partial":
            self._forward_first(request, fault[1])
            return httpx.Response(500, json={"code": "internal", "message": "crashed mid-batch"})
        response = self.inner.handle_request(request)
        if fault == "drop":
            response.read()
            raise httpx.ReadError("answer lost by proxy", request=request)
        return response

    def _forward_first(self, request: httpx.Request, k: int) -> None:
        body = json.loads(request.read())
        body["ops"] = body["ops"][:k]
        cut = httpx.Request(request.method, request.url, headers={"Authorization": request.headers["authorization"]},
                            json=body)
        self.inner.handle_request(cut).read()


def make_engine(ctx: Any, gw: Gateway, transport: httpx.BaseTransport | None = None,
                token: Callable[[], str] | None = None,
                on_catalogue: Callable[[dict[str, Any]], None] | None = None) -> SyncEngine:
    """An engine on the test profile that talks to `gw` (through `transport` when given)."""
    from app.sync.client import SyncClient

    def config() -> SyncConfig:
        return SyncConfig(gw.url, STATION, token() if token else gw.token)

    def factory(cfg: SyncConfig) -> SyncClient:
        return SyncClient(cfg.url, cfg.station_code, cfg.token, verify=cfg.verify_tls, transport=transport)

    return SyncEngine(ctx.db, ctx.clock, config, client_factory=factory, on_catalogue=on_catalogue)


def add_case_ops(ctx: Any, n: int, *, updates: int = 0) -> list[str]:
    """`n` case creates (each followed by `updates` updates) written straight to the outbox."""
    ids = []
    with ctx.db.session() as s:
        for i in range(n):
            case_id = str(uuid.uuid4())
            ids.append(case_id)
            add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="create",
                   payload={"item_code": f"ITEM{i % 7}", "catalogue_version": "2026.11.1", "n": i},
                   at=ctx.clock.now(), operator_id="clerk")
            for v in range(updates):
                add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="update",
                       payload={"note": f"edit {v}"}, base_version=v + 1, at=ctx.clock.now(), operator_id="clerk")
    return ids


def outbox_states(ctx: Any) -> dict[str, int]:
    """Outbox rows per state."""
    from app.db.models import Outbox

    with ctx.db.session() as s:
        return dict(s.execute(select(Outbox.state, func.count()).group_by(Outbox.state)).all())
