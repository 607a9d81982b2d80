"""Holiday calendar from the district: If-None-Match, one-transaction install, a cut download keeps the old one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx

from app.db.models import HolidayYear
from gateway import admin
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    gateway_fixture,
    make_engine,
)

CAL_2027 = {"years": [2027], "days": [
    {"day": "2027-02-05", "kind": "holiday", "note": "春节"},
    {"day": "2027-02-07", "kind": "workday", "note": "春节调休上班"},
    {"day": "2027-10-01", "kind": "holiday", "note": "国庆节"},
]}


@dataclass
class HolidayWire(httpx.BaseTransport):
    """Cuts the next `cuts` holiday downloads mid-body; logs each holiday request's If-None-Match."""

    cuts: int = 0
    seen: list[str | None] = field(default_factory=list)
    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/holidays"):
            return self.inner.handle_request(request)
        self.seen.append(request.headers.get("if-none-match"))
        response = self.inner.handle_request(request)
        if self.cuts > 0:
            self.cuts -= 1
            response.read()
            raise httpx.RemoteProtocolError("peer closed connection mid-body", request=request)
        return response


def _engine(ctx: Any, gw: Gateway, wire: HolidayWire) -> Any:
    engine = make_engine(ctx, gw, wire)
    engine.on_holidays = ctx.sync._install_holidays  # the service's installer, on a test transport
    return engine


def _days(ctx: Any) -> dict[date, str]:
    return {o.day: o.kind for o in ctx.calendar.overrides()}


def test_holidays_pulled_installed_and_etag_respected(ctx: Any, gateway: Gateway) -> None:
    ctx.calendar.set_override(date(2027, 3, 1), "holiday", "本站误录", by="admin")  # replaced for 2027
    ctx.calendar.set_override(date(2026, 12, 31), "holiday", "本站补录", by="admin")  # other year: kept
    admin.publish_snapshot(gateway.store, "holidays", CAL_2027)
    wire = HolidayWire()
    engine = _engine(ctx, gateway, wire)

    assert engine.run_once().outcome == "ok"
    assert _days(ctx) == {date(2026, 12, 31): "holiday", date(2027, 2, 5): "holiday",
                          date(2027, 2, 7): "workday", date(2027, 10, 1): "holiday"}
    with ctx.db.session() as s:
        assert s.get(HolidayYear, 2027) is not None  # declared: due dates in 2027 no longer refuse
    first_etag = admin.get_snapshot(gateway.store, "holidays").etag
    assert wire.seen == [None]
    assert engine.run_once().outcome == "ok" and wire.seen == [None]  # nothing new announced: no download

    second = {**CAL_2027, "days": CAL_2027["days"][:2]}
    admin.publish_snapshot(gateway.store, "holidays", second)
    assert engine.run_once().outcome == "ok"
    assert wire.seen[1] is not None and wire.seen[1].strip('"') == first_etag
    assert date(2027, 10, 1) not in _days(ctx)


def test_cut_holiday_download_keeps_the_old_calendar(ctx: Any, gateway: Gateway) -> None:
    admin.publish_snapshot(gateway.store, "holidays", {"years": [2027], "days": CAL_2027["days"][:1]})
    wire = HolidayWire()
    engine = _engine(ctx, gateway, wire)
    assert engine.run_once().outcome == "ok"
    before = _days(ctx)
    admin.publish_snapshot(gateway.store, "holidays", CAL_2027)

    wire.cuts = 1
    assert engine.run_once().outcome == "offline"
    assert _days(ctx) == before  # the old calendar is intact

    assert engine.run_once().outcome == "ok"
    assert _days(ctx) == {date(2027, 2, 5): "holiday", date(2027, 2, 7): "workday", date(2027, 10, 1): "holiday"}


def test_malformed_calendar_is_refused_whole(ctx: Any, gateway: Gateway) -> None:
    ctx.calendar.set_override(date(2027, 5, 1), "holiday", by="admin")
    bad = {"years": [2027], "days": [{"day": "2027-05-02", "kind": "holiday"}, {"day": "2028-01-01",
                                                                              "kind": "holiday"}]}
    admin.publish_snapshot(gateway.store, "holidays", bad)
    engine = _engine(ctx, gateway, HolidayWire())
    assert engine.run_once().outcome == "ok"  # cases keep syncing
    assert _days(ctx) == {date(2027, 5, 1): "holiday"}
    from app.sync import outbox_store

    with ctx.db.session() as s:
        assert "节假日" in outbox_store.get_state(s, "holidays_error")
