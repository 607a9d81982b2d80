"""Period statistics against figures computed by hand on a small fixed data set."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

import pytest

from app.domain.stats import pause_stats, period_stats


class T(NamedTuple):
    category: str
    operator_id: str | None
    status: str
    issue_hour: int
    done_hour: int | None
    wait_s: float | None
    walk_up_s: float | None
    service_s: float | None


class C(NamedTuple):
    number: str
    item_code: str
    decision: str | None
    commitment: bool
    due_date: date | None
    finished_on: date | None


class R(NamedTuple):
    level: int | None
    is_default: bool
    indicators: list[str] | None


class E(NamedTuple):
    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


TICKETS = [
    T("A", "op1", "finished", 9, 9, 60, 10, 300),
    T("A", "op1", "finished", 9, 10, 120, 20, 600),
    T("A", "op2", "finished", 10, 10, 180, 30, 900),
    T("B", "op2", "finished", 10, 11, 240, 40, 1200),
    T("B", "op2", "finished", 11, 11, 300, 50, 1500),
    T("B", "op1", "no_show", 11, None, None, None, None),
    T("A", None, "issued", 15, None, None, None, None),
]
CASES = [
    C("P1", "X1", "accept", True, date(2026, 11, 10), date(2026, 11, 9)),
    C("P2", "X1", "accept_with_deficiency", False, date(2026, 11, 10), date(2026, 11, 12)),
    C("P3", "X2", "request_supplement", False, None, None),
    C("P4", "X2", "reject", False, None, date(2026, 11, 3)),
    C("P5", "X1", "accept", False, date(2026, 11, 20), None),
    C("P6", "X1", "accept", False, date(2026, 11, 30), None),
]
RATINGS = [R(5, False, []), R(5, False, []), R(4, False, []), R(2, False, ["501"]),
           R(1, False, ["501", "503"]), R(3, True, []), R(None, False, None)]


def test_queue_figures_by_hand() -> None:
    s = period_stats(date(2026, 11, 1), date(2026, 11, 30), tickets=TICKETS)
    assert (s.issued, s.served, s.no_show) == (7, 5, 1)
    assert s.no_show_rate == pytest.approx(1 / 6)
    # waits 60,120,180,240,300: nearest rank median = rank 3 = 180; p90 = rank ceil(4.5)=5 = 300
    assert (s.wait.count, s.wait.median, s.wait.p90, s.wait.max) == (5, 180, 300, 300)
    assert (s.walk_up.median, s.walk_up.p90, s.walk_up.max) == (30, 50, 50)
    assert (s.service.median, s.service.p90, s.service.max) == (900, 1500, 1500)
    assert s.served_per_hour == {9: 1, 10: 2, 11: 2}
    assert s.issued_per_hour == {9: 2, 10: 2, 11: 2, 15: 1}
    assert s.hours == (9, 10, 11, 15)
    a, b = s.by_category
    assert (a.key, a.issued, a.served, a.wait.median, a.service.max) == ("A", 4, 3, 120, 900)
    assert (b.key, b.issued, b.served, b.no_show, b.wait.median) == ("B", 3, 2, 1, 240)
    op1, op2 = s.by_operator
    assert (op1.key, op1.issued, op1.served, op1.no_show) == ("op1", 3, 2, 1)
    assert (op2.key, op2.served, op2.service.median) == ("op2", 3, 1200)


def test_case_figures_by_hand() -> None:
    s = period_stats(date(2026, 11, 1), date(2026, 11, 27), cases=CASES)
    c = s.cases
    assert (c.received, c.accepted, c.deficiency, c.supplement, c.rejected, c.commitment) == (6, 4, 1, 1, 1, 1)
    assert s.by_item["X1"].accepted == 4 and s.by_item["X2"].rejected == 1
    # finished: P1 on time, P2 late, P4 on time (no due date) → 2 of 3
    assert (s.finished, s.on_time) == (3, 2)
    assert s.on_time_rate == pytest.approx(2 / 3)
    assert [(o.number, o.days_over) for o in s.overdue] == [("P5", 7)]


def test_rating_figures_by_hand() -> None:
    r = period_stats(date(2026, 11, 1), date(2026, 11, 30), ratings=RATINGS).ratings
    assert dict(r.by_level) == {5: 2, 4: 1, 3: 0, 2: 1, 1: 1}
    assert (r.rated, r.defaults, r.bad) == (5, 1, 2)
    assert r.bad_rate == pytest.approx(0.4)
    assert dict(r.by_indicator) == {"501": 2, "503": 1}


def test_pause_time_clipped_to_period() -> None:
    start, end = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 2, tzinfo=UTC)
    events = [
        E(None, "pause", datetime(2026, 10, 31, 23, 50, tzinfo=UTC), None, "op1"),
        E(None, "resume", datetime(2026, 11, 1, 0, 10, tzinfo=UTC), None, "op1"),
        E(None, "pause", datetime(2026, 11, 1, 5, 0, tzinfo=UTC), None, "op2"),
        E(None, "resume", datetime(2026, 11, 1, 5, 15, tzinfo=UTC), None, "op2"),
    ]
    p = pause_stats(events, start=start, end=end)
    assert p == {"pause_total": 1500.0, "pause_by_operator": {"op1": 600.0, "op2": 900.0}}
    assert period_stats(start.date(), end.date(), pauses=p).pause_by_operator["op2"] == 900.0


def test_empty_period() -> None:
    s = period_stats(date(2026, 11, 1), date(2026, 11, 1))
    assert (s.issued, s.served, s.wait.count, s.wait.median, s.no_show_rate) == (0, 0, 0, None, None)
    assert s.on_time_rate is None and s.overdue == () and s.ratings.bad_rate is None
    assert dict(s.ratings.by_level) == {5: 0, 4: 0, 3: 0, 2: 0, 1: 0}
    assert s.hours == () and s.by_category == ()
    with pytest.raises(ValueError):
        period_stats(date(2026, 11, 2), date(2026, 11, 1))
