"""Pull: district status changes reach only district-owned fields, idempotently; epochs and clock skew."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from app.db.models import Applicant, Case, Operator, ServiceItemRow
from app.db.outbox import add_op
from app.sync import outbox_store as store
from app.sync.client import SyncClient
from gateway import admin
from gateway.models import CaseRow, ProcessedOp
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    STATION,
    Gateway,
    add_case_ops,
    gateway_fixture,
    make_engine,
    outbox_states,
)


def local_case(ctx: Any) -> str:
    """A local case row plus its create op, in one transaction as a service would write them."""
    with ctx.db.session() as s:
        item = s.scalars(select(ServiceItemRow)).first()
        clerk = s.scalars(select(Operator).where(Operator.username == "clerk")).one()
        person = Applicant(kind="person", name="张三", cert_type="id", cert_no_enc="x", cert_no_hash="h")
        s.add(person)
        s.flush()
        case = Case(provisional_no=f"P{uuid.uuid4().hex[:10]}", query_password="123456", item_id=item.id,
                    item_code=item.code, catalogue_version="1", applicant_id=person.id, status="accepted",
                    project_type=1, received_at=ctx.clock.now(), operator_id=clerk.id, window_no="3",
                    form_data={"note": "window"})
        s.add(case)
        s.flush()
        add_op(s, entity="case", entity_id=case.id, case_id=case.id, op_type="create",
               payload={"item_code": item.code, "catalogue_version": "2026.11.1"}, at=ctx.clock.now(),
               operator_id=clerk.id)
        return case.id


def read_case(ctx: Any, case_id: str) -> Case:
    with ctx.db.session() as s:
        return s.get(Case, case_id)


def test_district_status_reaches_only_the_district_field(ctx: Any, gateway: Gateway) -> None:
    case_id = local_case(ctx)
    engine = make_engine(ctx, gateway)
    engine.run_once()
    admin.set_case_status(gateway.store, case_id, "in_review")
    admin.set_case_status(gateway.store, case_id, "completed", "准予")
    report = engine.run_once()
    assert report.outcome == "ok" and report.pulled == 2
    case = read_case(ctx, case_id)
    assert case.district_status == "completed"
    assert case.status == "accepted" and case.form_data == {"note": "window"}  # window-owned, untouched
    with ctx.db.session() as s:
        assert store.get_state(s, "cursor")


def test_t14_duplicate_and_out_of_order_pages_are_idempotent(ctx: Any, gateway: Gateway) -> None:
    case_id = local_case(ctx)
    engine = make_engine(ctx, gateway)
    engine.run_once()
    admin.set_case_status(gateway.store, case_id, "in_review")
    client = SyncClient(gateway.url, STATION, gateway.token)
    older = client.pull(None).body
    admin.set_case_status(gateway.store, case_id, "denied")
    newer = client.pull(older.next_cursor).body
    client.close()
    for page in (newer, older, newer, older):  # replayed and reordered
        with ctx.db.session() as s:
            store.apply_changes(s, page.changes, page.next_cursor)
    assert read_case(ctx, case_id).district_status == "denied"
    # a pending local edit is never lost by applying pulled pages
    with ctx.db.session() as s:
        add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="update",
               payload={"note": "later"}, base_version=1, at=ctx.clock.now(), operator_id="clerk")
    with ctx.db.session() as s:
        store.apply_changes(s, newer.changes, newer.next_cursor)
    assert outbox_states(ctx)["pending"] == 1


def test_t9_epoch_change_re_uploads_what_the_restored_server_lacks(ctx: Any, gateway: Gateway) -> None:
    ids = add_case_ops(ctx, 15)
    engine = make_engine(ctx, gateway)
    engine.run_once()
    assert gateway.cases() == 15
    # "restore from backup": the last five are gone on the server and the epoch moves on
    with gateway.store.session() as s:
        s.execute(delete(CaseRow).where(CaseRow.id.in_(ids[10:])))
        s.execute(delete(ProcessedOp).where(ProcessedOp.entity_id.in_(ids[10:])))
    gateway.store.rotate_epoch()
    first = engine.run_once()  # push finds nothing pending; the pull answers 409 reset_required
    second = engine.run_once()
    pushed = {k: first.pushed.get(k, 0) + second.pushed.get(k, 0) for k in ("applied", "duplicate")}
    assert pushed == {"applied": 5, "duplicate": 10}
    assert gateway.cases() == 15 and outbox_states(ctx) == {"acked": 15}


def test_t7_clock_skew_is_measured_from_the_date_header(ctx: Any, gateway: Gateway) -> None:
    add_case_ops(ctx, 3)
    engine = make_engine(ctx, gateway)
    for offset in (timedelta(days=1), timedelta(days=-365), timedelta(0)):
        ctx.clock.at = datetime.now(UTC) + offset
        assert engine.run_once().outcome == "ok"
        with ctx.db.session() as s:
            skew = store.get_state(s, "skew_s")
        assert abs(skew - offset.total_seconds()) < 120
    # ops were sent in client_seq order whatever the device clock said
    with gateway.store.session() as s:
        seqs = [r.client_seq for r in s.scalars(select(ProcessedOp).order_by(ProcessedOp.received_at))]
    assert seqs == sorted(seqs)


def test_updates_after_a_district_status_change_are_not_conflicts(ctx: Any, gateway: Gateway) -> None:
    case_id = add_case_ops(ctx, 1, updates=1)[0]  # local versions 1 → 2
    engine = make_engine(ctx, gateway)
    engine.run_once()
    admin.set_case_status(gateway.store, case_id, "in_review")  # server version 3, window version 2
    with ctx.db.session() as s:
        for base in (2, 3):  # two more local edits, made on local versions 2 and 3
            add_op(s, entity="case", entity_id=case_id, case_id=case_id, op_type="update",
                   payload={"note": f"after {base}"}, base_version=base, at=ctx.clock.now(), operator_id="clerk")
    engine.run_once()
    assert outbox_states(ctx) == {"acked": 4}
    with gateway.store.session() as s:
        row = s.get(CaseRow, case_id)
        assert (row.payload["note"], row.status, row.version) == ("after 3", "in_review", 5)


def test_t10_new_catalogue_is_downloaded_whole_and_swapped(ctx: Any, gateway: Gateway, tmp_path: Any) -> None:
    import json

    import httpx

    from tests.integration.test_sync_support import FaultTransport

    old_version = ctx.catalogue.active_version()
    ctx.catalogue.export_file(tmp_path / "cat.json")
    data = json.loads((tmp_path / "cat.json").read_text(encoding="utf-8"))
    data["version"] = "2026.12-district"
    admin.publish_snapshot(gateway.store, "catalogue", data)
    add_case_ops(ctx, 2)  # ops made on the old catalogue version are still accepted

    class CutCatalogue(FaultTransport):
        cut = True

        def handle_request(self, request: Any) -> Any:
            if request.url.path.endswith("/catalogue") and self.cut:
                self.cut = False
                raise httpx.ReadError("cut mid-download", request=request)
            return super().handle_request(request)

    engine = make_engine(ctx, gateway, CutCatalogue(), on_catalogue=ctx.sync.engine.on_catalogue)
    assert engine.run_once().outcome == "offline"
    assert ctx.catalogue.active_version() == old_version  # the old catalogue is intact
    assert outbox_states(ctx) == {"acked": 2}
    assert engine.run_once().outcome == "ok"
    assert ctx.catalogue.active_version() == "2026.12-district"
    assert engine.run_once().outcome == "ok"  # 304 from now on: nothing re-imported
