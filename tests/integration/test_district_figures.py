"""Hall and district figures from the real gateway on loopback; None (never an exception) when unreachable."""

from __future__ import annotations

import uuid
from datetime import date

import httpx

from app.services.district_figures import DistrictFigures, DistrictFiguresService, FigureCounts
from app.sync.worker import SyncConfig
from gateway import admin
from gateway.models import BadReviewRow, CaseRow, EvaluationRow, QueueEventRow
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    STATION,
    Gateway,
    free_port,
    gateway_fixture,
)

OTHER = "511602001000"
DAY = date(2026, 11, 27)


def _row(model, station: str, day: str, **extra):  # type: ignore[no-untyped-def]
    return model(id=str(uuid.uuid4()), station_code=station, day=day, payload={}, create_sha256="x" * 64, **extra)


def _seed(gw: Gateway) -> None:
    """Own hall: 3 issued, 2 served, 1 case, 2 ratings, 1 bad review today; another hall: 4 issued, 1 case."""
    with gw.store.session() as s:
        for event, n in (("issued", 3), ("finished", 2), ("called", 5)):
            s.add_all(_row(QueueEventRow, STATION, DAY.isoformat(), event_type=event, ticket_no=f"A{k}")
                      for k in range(n))
        s.add_all([_row(CaseRow, STATION, "2026-11-27", item_code="I", catalogue_version="1"),
                   _row(EvaluationRow, STATION, "2026-11-27", score=5), _row(EvaluationRow, STATION, "2026-11-27"),
                   _row(BadReviewRow, STATION, "2026-11-27", evaluation_id="e"),
                   _row(CaseRow, STATION, "2026-11-20", item_code="I", catalogue_version="1"),  # outside the period
                   _row(CaseRow, OTHER, "2026-11-27", item_code="I", catalogue_version="1")])
        s.add_all(_row(QueueEventRow, OTHER, "2026-11-27", event_type="issued", ticket_no=f"B{k}") for k in range(4))


def test_station_credential_sees_its_hall(ctx, gateway: Gateway) -> None:  # type: ignore[no-untyped-def]
    _seed(gateway)
    ctx.sync.save_settings(url=gateway.url, verify_tls=True, credential=gateway.token, by="admin")
    got = ctx.district_figures.fetch(DAY, DAY)
    hall = FigureCounts(tickets_issued=3, tickets_served=2, cases_received=1, evaluations=2, bad_reviews=1)
    assert got == DistrictFigures(DAY, DAY, hall, hall, 1)  # the gateway shows a station only its own hall


def test_district_credential_sees_every_hall(gateway: Gateway) -> None:
    _seed(gateway)
    token = admin.create_station(gateway.store, "511600000000", "区平台", district=True)
    service = DistrictFiguresService(lambda: SyncConfig(gateway.url, STATION, token))
    got = service.fetch(date(2026, 11, 20), DAY)
    assert got is not None and got.halls == 2
    assert got.hall == FigureCounts(3, 2, 2, 2, 1)
    assert got.district == FigureCounts(7, 2, 3, 2, 1)


def test_unreachable_unconfigured_or_refused_is_none(ctx, gateway: Gateway) -> None:  # type: ignore[no-untyped-def]
    assert ctx.district_figures.fetch(DAY, DAY) is None  # not configured
    dead = DistrictFiguresService(lambda: SyncConfig(f"http://127.0.0.1:{free_port()}", STATION, "t"), timeout=1)
    assert dead.fetch(DAY, DAY) is None
    wrong = DistrictFiguresService(lambda: SyncConfig(gateway.url, STATION, "not-a-credential"))
    assert wrong.fetch(DAY, DAY) is None


def test_garbage_answers_and_broken_config_are_none() -> None:
    junk = httpx.MockTransport(lambda request: httpx.Response(200, json={"stations": [{"x": 1}]}))
    cfg = SyncConfig("http://gw.invalid", STATION, "t")
    assert DistrictFiguresService(lambda: cfg, transport=junk).fetch(DAY, DAY) is None

    def broken() -> SyncConfig:
        raise RuntimeError("secret store locked")

    assert DistrictFiguresService(broken).fetch(DAY, DAY) is None
