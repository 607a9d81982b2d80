"""T12: content-addressed attachments — a cut upload, and an op whose blob the gateway lacks (R11)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete, select

from app.db.models import Outbox
from app.db.outbox import add_op
from app.sync.blobs import BlobStore
from gateway.models import Blob, CaseRow
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    gateway_fixture,
    make_engine,
    outbox_states,
)


@dataclass
class CutUploads(httpx.BaseTransport):
    """Cuts the first `cuts` blob PUTs mid-way (the connection drops, nothing is stored)."""

    cuts: int = 1
    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)
    log: list[str] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append(f"{request.method} {request.url.path.rsplit('/', 1)[-1][:12]}")
        if request.method == "PUT" and "/blobs/" in request.url.path and self.cuts > 0:
            self.cuts -= 1
            raise httpx.WriteError("connection cut during upload", request=request)
        return self.inner.handle_request(request)


def _case_with_blob(ctx: Any, blobs: list[str]) -> str:
    case_id = str(uuid.uuid4())
    with ctx.db.session() as s:
        add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="create",
               payload={"item_code": "ITEM1", "catalogue_version": "2026.11.1", "blobs": blobs},
               at=ctx.clock.now(), operator_id="clerk")
    return case_id


def _engine(ctx: Any, gw: Gateway, transport: httpx.BaseTransport, root: Path) -> Any:
    engine = make_engine(ctx, gw, transport)
    engine.blobs = BlobStore(root)
    return engine


def test_blob_store_is_write_once_and_content_addressed(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    sha = store.put(b"scan-1")
    assert store.put(b"scan-1") == sha and store.get(sha) == b"scan-1"
    store.path(sha).write_bytes(b"tampered")
    assert store.get(sha) is None  # a file that no longer matches its name is never uploaded
    assert store.get("0" * 64) is None


def test_t12_cut_upload_then_success(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    sha = store.put(b"%PDF-1.4 scanned id card" * 1000)
    case_id = _case_with_blob(ctx, [sha])
    transport = CutUploads(cuts=1)
    engine = _engine(ctx, gateway, transport, store.root)

    assert engine.run_once().outcome == "offline"  # the cut upload fails the run; the op never left
    assert gateway.cases() == 0 and outbox_states(ctx) == {"pending": 1}
    assert transport.log[:2] == [f"HEAD {sha[:12]}", f"PUT {sha[:12]}"]

    report = engine.run_once()
    assert report.outcome == "ok" and report.pushed == {"quarantined_locally": 0, "applied": 1}
    assert outbox_states(ctx) == {"acked": 1} and gateway.count(Blob) == 1
    with gateway.store.session() as s:
        assert s.get(CaseRow, case_id) is not None
    # Uploaded before the op: the PUT precedes the batch in the second run.
    second = transport.log[transport.log.index(f"PUT {sha[:12]}") + 1:]
    assert second[:2] == [f"HEAD {sha[:12]}", f"PUT {sha[:12]}"] and "POST ops:batch" in second[2]


def test_t12_op_referencing_a_blob_the_gateway_lacks(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    sha = store.put(b"scan of the business licence")
    transport = CutUploads(cuts=0)
    engine = _engine(ctx, gateway, transport, store.root)
    _case_with_blob(ctx, [sha])
    assert engine.run_once().outcome == "ok" and gateway.count(Blob) == 1
    with gateway.store.session() as s:  # the gateway loses it (restored from an older backup)
        s.execute(delete(Blob))
    second = _case_with_blob(ctx, [sha])

    report = engine.run_once()  # the engine believes the blob is there and sends the op straight away
    assert report.pushed.get("rejected") == 1
    assert outbox_states(ctx) == {"acked": 1, "pending": 1}  # waits, not quarantined
    ctx.clock.advance(minutes=5)

    report = engine.run_once()
    assert report.outcome == "ok" and report.pushed.get("applied") == 1
    assert gateway.count(Blob) == 1 and gateway.cases() == 2 and outbox_states(ctx) == {"acked": 2}
    with gateway.store.session() as s:
        assert s.get(CaseRow, second) is not None


def test_t12_blob_missing_locally_waits_with_its_reason(ctx: Any, gateway: Gateway, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    engine = _engine(ctx, gateway, CutUploads(cuts=0), store.root)
    _case_with_blob(ctx, ["ab" * 32])
    engine.run_once()
    assert outbox_states(ctx) == {"pending": 1} and gateway.cases() == 0 and gateway.count(Blob) == 0
    with ctx.db.session() as s:  # the reason is kept for the sync page; the op is retried, never dropped
        assert s.scalars(select(Outbox.last_error)).one().startswith("missing_blob")
