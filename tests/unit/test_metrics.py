"""Queue figures on a hand-computed morning; percentile and summary rules; empty input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import pytest

from app.domain.metrics import (
    DurationSummary,
    QueueFigures,
    TicketDurations,
    percentile,
    queue_figures,
    summarise_durations,
    ticket_durations,
)
from app.domain.queue import OperatorAction, QueueAction

DAY_START = datetime(2024, 3, 1, 0, 0, tzinfo=UTC)  # 08:00 station time
D = DAY_START + timedelta(minutes=60)  # minute 0 of the fixture = 09:00 station time
NOW = D + timedelta(minutes=100)


class Row(NamedTuple):
    """A DB-like row: plain strings for actions, as a repository would hand them over."""

    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


def ev(tid, action, minute, cat=None, op="op1"):
    return Row(tid, action, D + timedelta(minutes=minute), cat, op)


MORNING = sorted(
    [
        # y1: yesterday-ish, entirely before day start -> rebuilds state only, counts nowhere.
        ev("y1", "issue", -120, "A"), ev("y1", "call", -110, "A"),
        ev("y1", "start_serving", -100, "A"), ev("y1", "finish", -90, "A"),
        # t1: wait 10 min, walk-up 2, service 18.
        ev("t1", "issue", 0, "A"), ev("t1", "call", 10, "A"),
        ev("t1", "start_serving", 12, "A"), ev("t1", "finish", 30, "A"),
        # t2: wait 31-2 = 29; two recalls; walk-up 35-31 = 4 (from the call, not the recall);
        # held 40, called back 50, walk-up 1; service (40-35) + (61-51) = 15.
        ev("t2", "issue", 2, "A"), ev("t2", "call", 31, "A"), ev("t2", "recall", 32, "A"),
        ev("t2", "recall", 33, "A"), ev("t2", "start_serving", 35, "A"), ev("t2", "hold", 40, "A"),
        ev("t2", "call_back", 50, "A"), ev("t2", "start_serving", 51, "A"), ev("t2", "finish", 61, "A"),
        # t3: wait 15, no-show.
        ev("t3", "issue", 5, "B"), ev("t3", "call", 20, "B"), ev("t3", "no_show", 25, "B"),
        # t4: wait 20 (first call only), no-show then reactivated: finished, not a no-show;
        # walk-up 1, service 7.
        ev("t4", "issue", 6, "B"), ev("t4", "call", 26, "B"), ev("t4", "no_show", 27, "B"),
        ev("t4", "reactivate", 40, "B"), ev("t4", "call", 62, "B"),
        ev("t4", "start_serving", 63, "B"), ev("t4", "finish", 70, "B"),
        # t5: wait 71-8 = 63; walk-up 2; served 7 then transferred to B; called again (no new
        # wait), walk-up 1, service 4 more: 11 in all.
        ev("t5", "issue", 8, "A"), ev("t5", "call", 71, "A"), ev("t5", "start_serving", 73, "A"),
        ev("t5", "transfer", 80, "B"), ev("t5", "call", 85, "B"),
        ev("t5", "start_serving", 86, "B"), ev("t5", "finish", 90, "B"),
        # t6 and t7 still wait at minute 100; t8 cancelled.
        ev("t6", "issue", 50, "A"), ev("t7", "issue", 95, "B"),
        ev("t8", "issue", 60, "A"), ev("t8", "cancel", 65, "A"),
        # op1 paused from before day start (-70) to 15: clipped to -60..15 = 75 min.
        ev(None, "pause", -70, op="op1"), ev(None, "resume", 15, op="op1"),
        # op2: 40..45 = 5 min, and 92.. still open at now (100) = 8 min -> 13 min.
        ev(None, "pause", 40, op="op2"), ev(None, "resume", 45, op="op2"), ev(None, "pause", 92, op="op2"),
    ],
    key=lambda r: r.at,
)  # fmt: skip

EXPECTED = QueueFigures(
    waiting_by_category={"A": 1, "B": 1},  # t6, t7
    longest_wait=50 * 60.0,  # t6: 100 - 50
    served=4,  # t1, t2, t4, t5
    # waits 10, 29, 15, 20, 63 min -> sorted 600 900 1200 1740 3780 s;
    # median rank ceil(0.5*5)=3 -> 1200; p90 rank ceil(0.9*5)=5 -> 3780.
    wait=DurationSummary(5, 1200.0, 3780.0, 3780.0),
    # services 18, 15, 7, 11 min -> 420 660 900 1080 s; median rank 2 -> 660; p90 rank ceil(3.6)=4.
    service=DurationSummary(4, 660.0, 1080.0, 1080.0),
    # walk-ups 2, 4, 1, 1, 2, 1 min -> 60 60 60 120 120 240 s; median rank 3 -> 60; p90 rank ceil(5.4)=6.
    walk_up=DurationSummary(6, 60.0, 240.0, 240.0),
    no_shows=1,  # t3 (t4 was reactivated and finished)
    no_show_rate=1 / 5,  # 1 no-show / (4 finished + 1 no-show)
    pause_total=(75 + 13) * 60.0,
    pause_by_operator={"op1": 75 * 60.0, "op2": 13 * 60.0},
    recalls=2,
)


def test_hand_computed_morning():
    assert queue_figures(MORNING, now=NOW, day_start_utc=DAY_START) == EXPECTED
    assert EXPECTED.waiting == 2


def test_enum_actions_give_the_same_figures():
    as_enums = [r._replace(action=(QueueAction if r.ticket_id else OperatorAction)(r.action)) for r in MORNING]
    assert queue_figures(as_enums, now=NOW, day_start_utc=DAY_START) == EXPECTED


def test_a_generator_is_enough():
    assert queue_figures(iter(MORNING), now=NOW, day_start_utc=DAY_START) == EXPECTED


def test_empty_input_gives_zeros_and_none():
    f = queue_figures([], now=NOW, day_start_utc=DAY_START)
    assert f == QueueFigures()
    assert (f.waiting, f.served, f.longest_wait, f.no_show_rate, f.pause_total) == (0, 0, None, None, 0.0)
    assert f.wait == DurationSummary(0, None, None, None)


def test_unknown_actions_are_ignored():
    rows = [ev("t1", "issue", 0, "A"), ev("t1", "printed_slip", 1, "A")]
    assert queue_figures(rows, now=NOW, day_start_utc=DAY_START).waiting_by_category == {"A": 1}


def test_ticket_seen_mid_life_has_no_wait_but_still_counts():
    rows = [ev("old", "call", 5, "A"), ev("old", "start_serving", 6, "A"), ev("old", "finish", 9, "A")]
    f = queue_figures(rows, now=NOW, day_start_utc=DAY_START)
    assert (f.wait.count, f.walk_up.median, f.service.median, f.served) == (0, 60.0, 180.0, 1)


# ---- percentile and summaries


@pytest.mark.parametrize(("q", "expected"), [(0, 1), (10, 1), (11, 2), (50, 5), (51, 6), (90, 9), (91, 10), (100, 10)])
def test_percentile_nearest_rank_on_one_to_ten(q, expected):
    # rank = ceil(q/100 * 10): q=50 -> 5, q=51 -> ceil(5.1) = 6, q=0 -> rank 1.
    assert percentile([7, 3, 10, 1, 2, 4, 5, 6, 8, 9], q) == expected


def test_percentile_edges():
    assert percentile([], 50) is None
    assert percentile([42.0], 90) == 42.0
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_summarise_durations():
    # 4 values: median rank 2 -> 20; p90 rank ceil(3.6) = 4 -> 40.
    assert summarise_durations([40, 10, 30, 20]) == DurationSummary(4, 20, 40, 40)
    assert summarise_durations([]) == DurationSummary()


def test_ticket_durations_follow_the_same_rules():
    t2 = [r for r in MORNING if r.ticket_id == "t2"]
    # From the fixture comments: wait 29 min, walk-ups 4 and 1 min, service 15 min.
    assert ticket_durations(t2) == TicketDurations(29 * 60.0, (240.0, 60.0), 15 * 60.0)
    waiting = [r for r in MORNING if r.ticket_id == "t6"]
    assert ticket_durations(waiting) == TicketDurations(None, (), None)
