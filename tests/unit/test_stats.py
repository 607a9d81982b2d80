"""Period statistics against figures computed by hand on a small fixed data set."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

import pytest

from app.domain.stats import case_stats, pause_stats, period_stats, rating_stats, ticket_stats


class TC(NamedTuple):
    category: str
    operator_id: str | None
    status: str
    issue_hour: int
    done_hour: int | None
    n: int


class TD(NamedTuple):
    category: str
    operator_id: str | None
    wait_s: float | None
    walk_up_s: float | None
    service_s: float | None


class CC(NamedTuple):
    item_code: str
    key: str
    n: int


class TL(NamedTuple):
    due_date: date | None
    finished_on: date
    n: int


class OC(NamedTuple):
    number: str
    item_code: str
    due_date: date


class RC(NamedTuple):
    level: int | None
    is_default: bool
    n: int


class E(NamedTuple):
    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


COUNTS = [
    TC("A", "op1", "finished", 9, 9, 1), TC("A", "op1", "finished", 9, 10, 1), TC("A", "op2", "finished", 10, 10, 1),
    TC("B", "op2", "finished", 10, 11, 1), TC("B", "op2", "finished", 11, 11, 1),
    TC("B", "op1", "no_show", 11, None, 1), TC("A", None, "issued", 15, None, 1),
]
DURATIONS = [
    TD("A", "op1", 60, 10, 300), TD("A", "op1", 120, 20, 600), TD("A", "op2", 180, 30, 900),
    TD("B", "op2", 240, 40, 1200), TD("B", "op2", 300, 50, 1500),
]
CASE_COUNTS = [
    CC("X1", "received", 4), CC("X2", "received", 2), CC("X1", "accept", 3), CC("X1", "accept_with_deficiency", 1),
    CC("X2", "request_supplement", 1), CC("X2", "reject", 1), CC("X1", "commitment", 1), CC("X1", "withdraw", 1),
]
# P1 finished on time, P2 (2 cases) late, P4 finished with no due date (on time by definition)
TIMELINESS = [TL(date(2026, 11, 10), date(2026, 11, 9), 1), TL(date(2026, 11, 10), date(2026, 11, 12), 2),
              TL(None, date(2026, 11, 3), 1)]
OPEN = [OC("P6", "X1", date(2026, 11, 26)), OC("P5", "X1", date(2026, 11, 20)), OC("P7", "X1", date(2026, 11, 27))]
RATINGS = [RC(5, False, 2), RC(4, False, 1), RC(2, False, 1), RC(1, False, 1), RC(3, True, 1), RC(None, False, 3)]


def test_queue_figures_by_hand() -> None:
    s = period_stats(date(2026, 11, 1), date(2026, 11, 30), tickets=ticket_stats(COUNTS, DURATIONS))
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
    last = date(2026, 11, 27)
    s = period_stats(date(2026, 11, 1), last, cases=case_stats(CASE_COUNTS, TIMELINESS, OPEN, last_day=last))
    c = s.cases
    assert (c.received, c.accepted, c.deficiency, c.supplement, c.rejected, c.commitment) == (6, 4, 1, 1, 1, 1)
    assert s.by_item["X1"].accepted == 4 and s.by_item["X2"].rejected == 1
    assert (s.finished, s.on_time) == (4, 2)
    assert s.on_time_rate == pytest.approx(0.5)
    # due on the last day itself is not yet overdue
    assert [(o.number, o.days_over) for o in s.overdue] == [("P5", 7), ("P6", 1)]


def test_rating_figures_by_hand() -> None:
    r = rating_stats(RATINGS, [["501"], ["501", "503"]])
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
    t = ticket_stats([], [])
    assert t["issued"] == 0 and t["wait"].median is None
    assert case_stats([], [], [], last_day=date(2026, 11, 1))["on_time_rate"] is None
    assert rating_stats([]).bad_rate is None
    with pytest.raises(ValueError):
        period_stats(date(2026, 11, 2), date(2026, 11, 1))
