"""The per-day rollup gives exactly the figures of the direct computation, and is invalidated by late writes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, text, update

from app.db.models import Case, CaseEvent, Evaluation, QueueTicket, StatsDay
from tests.stats_data import fill_year

TODAY = date(2026, 11, 27)  # the fixture clock's local day
PERIODS = [
    (date(2026, 3, 10), date(2026, 3, 10)),  # a day
    (date(2026, 6, 8), date(2026, 6, 14)),  # a week
    (date(2026, 2, 1), date(2026, 2, 28)),  # a month
    (date(2026, 11, 1), date(2026, 12, 15)),  # spans today: closed days rolled up, the rest live
    (date(2026, 1, 1), date(2026, 12, 31)),  # the year
    (TODAY, TODAY),  # today only: all live
]


@pytest.fixture
def year(ctx):  # type: ignore[no-untyped-def]
    fill_year(ctx, tickets=4000, cases=1500)
    return ctx


def _rows(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return s.execute(select(func.count()).select_from(StatsDay)).scalar_one()


def _has_day(ctx, day: date) -> bool:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return s.get(StatsDay, day) is not None


def _same(ctx, first: date, last: date):  # type: ignore[no-untyped-def]
    rolled = ctx.stats.report(first, last).stats
    direct = ctx.stats.report(first, last, rollup=False).stats
    assert rolled == direct
    return rolled


@pytest.mark.parametrize("first,last", PERIODS)
def test_rollup_equals_direct(year, first: date, last: date) -> None:  # type: ignore[no-untyped-def]
    cold = _same(year, first, last)  # builds the missing closed days
    assert _same(year, first, last) == cold  # read back from stats_day
    assert cold.issued > 0 and cold.wait.count == cold.served


def test_only_closed_days_are_stored(year) -> None:  # type: ignore[no-untyped-def]
    _same(year, date(2026, 11, 1), date(2026, 12, 15))
    assert _rows(year) == 26  # 1…26 November; today and later stay live
    assert not _has_day(year, TODAY)


def _ticket(day: date, status: str = "finished") -> dict:
    at = datetime(day.year, day.month, day.day, 3, tzinfo=UTC)
    return {"id": str(uuid.uuid4()), "day": day, "prefix": "Z", "number": 1, "ticket_no": "Z001", "category": "A",
            "status": status, "issued_at": at, "operator_id": None, "window_no": "3", "updated_at": at,
            "wait_s": 7.5, "walk_up_s": 1.25, "service_s": 99.0, "priority": "none", "recalls": 0}


def test_late_ticket_invalidates_its_day(year) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 3, 10)
    before = _same(year, day, day)
    assert _has_day(year, day) and _has_day(year, day - timedelta(days=1)) is False
    with year.db.session() as s:  # e.g. pulled by sync or written late
        s.execute(insert(QueueTicket), [_ticket(day)])
    assert not _has_day(year, day)
    after = _same(year, day, day)
    assert (after.issued, after.served) == (before.issued + 1, before.served + 1)


def test_untouched_days_survive_writes_today(year) -> None:  # type: ignore[no-untyped-def]
    _same(year, date(2026, 11, 20), date(2026, 11, 27))
    op = next(o.id for o in year.auth.list_operators() if o.username == "clerk")
    t = year.queue.issue("A").ticket
    year.queue.call_next(by=op)
    year.queue.start_serving(t.id, by=op)
    year.queue.finish(t.id, by=op)
    assert _rows(year) == 7
    assert _same(year, date(2026, 11, 20), date(2026, 11, 27)).issued > 0


def test_earlier_finish_moves_the_first_finish_day(year) -> None:  # type: ignore[no-untyped-def]
    with year.db.session() as s:
        case_id, at = s.execute(select(CaseEvent.case_id, CaseEvent.at)
                                .where(CaseEvent.to_status == "decided",
                                       CaseEvent.at < datetime(2026, 10, 1, tzinfo=UTC)).limit(1)).one()
    _same(year, date(2026, 1, 1), date(2026, 10, 31))
    old_day = (at + timedelta(hours=8)).date()
    new_at = at - timedelta(days=2)
    with year.db.session() as s:
        s.execute(insert(CaseEvent), [{"id": str(uuid.uuid4()), "case_id": case_id, "seq": 9, "action": "approve",
                                       "to_status": "ready_for_pickup", "at": new_at, "data": {}}])
    assert not _has_day(year, old_day) and not _has_day(year, (new_at + timedelta(hours=8)).date())
    _same(year, date(2026, 1, 1), date(2026, 10, 31))


def test_case_and_rating_changes_invalidate(year) -> None:  # type: ignore[no-untyped-def]
    _same(year, date(2026, 1, 1), date(2026, 10, 31))
    with year.db.session() as s:
        cid, received = s.execute(select(Case.id, Case.received_at)
                                  .where(Case.received_at < datetime(2026, 10, 1, tzinfo=UTC)).limit(1)).one()
        s.execute(update(Case).where(Case.id == cid).values(item_code="ZZ"))
        eid, rated = s.execute(select(Evaluation.id, Evaluation.rated_at)
                               .where(Evaluation.rated_at < datetime(2026, 10, 1, tzinfo=UTC)).limit(1)).one()
        s.execute(update(Evaluation).where(Evaluation.id == eid).values(level=1, indicators=["503"]))
    assert not _has_day(year, (received + timedelta(hours=8)).date())
    assert not _has_day(year, (rated + timedelta(hours=8)).date())
    s2 = _same(year, date(2026, 1, 1), date(2026, 10, 31))
    assert s2.by_item["ZZ"].received == 1 and s2.ratings.by_indicator["503"] >= 1


def test_a_status_change_alone_keeps_the_rollup(year) -> None:  # type: ignore[no-untyped-def]
    _same(year, date(2026, 3, 1), date(2026, 3, 31))
    with year.db.session() as s:
        s.execute(update(Case).where(Case.received_at < datetime(2026, 3, 20, tzinfo=UTC)).values(status="decided"))
    assert _rows(year) == 31


def test_missing_trigger_drops_every_rollup(year) -> None:  # type: ignore[no-untyped-def]
    _same(year, date(2026, 3, 1), date(2026, 3, 31))
    with year.db.session() as s:  # e.g. a migration rebuilt the table without it
        s.execute(text("DROP TRIGGER stats_inv_queue_ticket_insert"))
        s.execute(insert(QueueTicket), [_ticket(date(2026, 3, 5))])
    assert _rows(year) == 31  # stale: nothing deleted it
    _same(year, date(2026, 4, 1), date(2026, 4, 2))  # any report notices, wipes and reinstalls
    assert _rows(year) == 2
    _same(year, date(2026, 3, 1), date(2026, 3, 31))
    with year.db.session() as s:
        s.execute(insert(QueueTicket), [_ticket(date(2026, 3, 6))])
    assert not _has_day(year, date(2026, 3, 6))
