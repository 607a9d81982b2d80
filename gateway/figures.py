"""Hall- and district-level figures counted from synced rows (per station and station-local day)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import func, select

from gateway.db import Store
from gateway.models import BadReviewRow, CaseRow, EvaluationRow, QueueEventRow

COUNTERS = ("tickets_issued", "tickets_served", "cases_received", "evaluations", "bad_reviews")


class DayFigures(BaseModel):
    """Counts for one station (or the whole district when `station_code` is None) on one day."""

    station_code: str | None
    day: str
    tickets_issued: int = 0
    tickets_served: int = 0
    cases_received: int = 0
    evaluations: int = 0
    bad_reviews: int = 0


class CaseStatusCount(BaseModel):
    """Cases per district status for one station."""

    station_code: str
    status: str
    count: int


class FiguresResponse(BaseModel):
    """Per-station rows, district totals per day, and open cases per status."""

    date_from: str
    date_to: str
    stations: list[DayFigures] = Field(default_factory=list)
    district: list[DayFigures] = Field(default_factory=list)
    case_status: list[CaseStatusCount] = Field(default_factory=list)


def _grouped(s: Any, model: Any, date_from: str, date_to: str, station: str | None, *conds: Any) -> Any:
    query = (
        select(model.station_code, model.day, func.count())
        .where(model.day >= date_from, model.day <= date_to, *conds)
        .group_by(model.station_code, model.day)
    )
    if station is not None:
        query = query.where(model.station_code == station)
    return s.execute(query).all()


def figures(store: Store, date_from: str, date_to: str, station: str | None = None) -> FiguresResponse:
    """Counts per station and day between two local dates (inclusive); `station` limits to one hall."""
    sources = {
        "tickets_issued": (QueueEventRow, (QueueEventRow.event_type == "issued",)),
        "tickets_served": (QueueEventRow, (QueueEventRow.event_type == "finished",)),
        "cases_received": (CaseRow, ()),
        "evaluations": (EvaluationRow, ()),
        "bad_reviews": (BadReviewRow, ()),
    }
    per_station: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    with store.session() as s:
        for name, (model, conds) in sources.items():
            for code, day, count in _grouped(s, model, date_from, date_to, station, *conds):
                per_station[(code, day)][name] = count
        status_query = select(CaseRow.station_code, CaseRow.status, func.count()).group_by(
            CaseRow.station_code, CaseRow.status
        )
        if station is not None:
            status_query = status_query.where(CaseRow.station_code == station)
        statuses = [CaseStatusCount(station_code=c, status=st, count=n) for c, st, n in s.execute(status_query)]
    rows = [DayFigures(station_code=c, day=d, **v) for (c, d), v in sorted(per_station.items())]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))
    for row in rows:
        for name in COUNTERS:
            totals[row.day][name] += getattr(row, name)
    district = [DayFigures(station_code=None, day=d, **v) for d, v in sorted(totals.items())]
    return FiguresResponse(date_from=date_from, date_to=date_to, stations=rows, district=district, case_status=statuses)
