"""Numbering, issuing hours and caps, and the call-next ordering rule."""

from __future__ import annotations

import time as clock
from datetime import UTC, datetime, time, timedelta, timezone

import pytest

from app.domain.queue import PriorityClass as P
from app.domain.queue_order import (
    CallPolicy,
    CategoryRule,
    DailyCapReached,
    Lane,
    QueueClosed,
    WaitingTicket,
    check_can_issue,
    check_open,
    choose_next,
    format_ticket_no,
)

CST = timezone(timedelta(hours=8))
T0 = datetime(2024, 3, 1, 1, 0, tzinfo=UTC)
RULE = CategoryRule("A", "综合受理", 100, time(8, 30), time(17, 0))


def at_local(h: int, m: int = 0) -> datetime:
    return datetime(2024, 3, 1, h, m, tzinfo=CST)


# ---- Numbering and issuing


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "A001"), (42, "A042"), (999, "A999"), (1000, "A1000"), (12345, "A12345")]
)
def test_format_ticket_no(n, expected):
    assert format_ticket_no("A", n) == expected


def test_ticket_numbers_start_at_one():
    with pytest.raises(ValueError):
        format_ticket_no("A", 0)


@pytest.mark.parametrize(("h", "m"), [(8, 30), (12, 0), (16, 59)])
def test_can_issue_within_hours_and_below_cap(h, m):
    check_can_issue(RULE, 99, at_local(h, m))


@pytest.mark.parametrize(("h", "m"), [(8, 29), (17, 0), (23, 0)])
def test_outside_hours_is_closed(h, m):
    with pytest.raises(QueueClosed) as err:
        check_can_issue(RULE, 0, at_local(h, m))
    assert "08:30–17:00" in err.value.message_zh


def test_disabled_category_is_closed_also_for_transfers():
    off = CategoryRule("B", "不动产", None, time(0, 0), time(23, 59), enabled=False)
    with pytest.raises(QueueClosed) as err:
        check_open(off, at_local(10))
    assert "暂停取号" in err.value.message_zh


def test_daily_cap():
    with pytest.raises(DailyCapReached) as err:
        check_can_issue(RULE, 100, at_local(10))
    assert "100" in err.value.message_zh and err.value.code == "daily_cap_reached"
    check_can_issue(CategoryRule("C", "无上限", None, time(8), time(17)), 10**6, at_local(10))


def test_closed_wins_over_cap():
    with pytest.raises(QueueClosed):
        check_can_issue(RULE, 100, at_local(18))


# ---- Ordering


def w(no: str, minute: int, prio: P = P.NONE, cat: str = "A", **kw) -> WaitingTicket:
    return WaitingTicket(no, no, cat, prio, T0 + timedelta(minutes=minute), **kw)


NOW = T0 + timedelta(hours=1)


def test_empty_queue_gives_no_ticket_and_keeps_streak():
    assert choose_next([], CallPolicy(), 1, NOW) == choose_next([], CallPolicy(), 1, NOW)
    choice = choose_next([], CallPolicy(), 1, NOW)
    assert choice.ticket is None and choice.lane is None and choice.streak == 1


def test_normal_tickets_fifo():
    choice = choose_next([w("A003", 3), w("A001", 1), w("A002", 2)], CallPolicy(), 0, NOW)
    assert choice.ticket.ticket_no == "A001" and choice.lane is Lane.NORMAL and choice.streak == 0


def test_priority_first_until_ratio_then_a_normal():
    waiting = [w("A001", 1), w("A002", 2, P.ELDERLY), w("A003", 3, P.PREGNANT), w("A004", 4, P.MILITARY)]
    policy = CallPolicy(priority_ratio=2)
    called, streak = [], 0
    while waiting:
        choice = choose_next(waiting, policy, streak, NOW)
        called.append(choice.ticket.ticket_no)
        streak = choice.streak
        waiting = [t for t in waiting if t is not choice.ticket]
    # 2 priority (FIFO), then the waiting normal one, then the last priority.
    assert called == ["A002", "A003", "A001", "A004"]


def test_priority_continues_when_no_normal_waits():
    choice = choose_next([w("A002", 2, P.DISABLED)], CallPolicy(priority_ratio=1), 5, NOW)
    assert choice.ticket.ticket_no == "A002" and choice.streak == 6


def test_ratio_zero_means_normal_first():
    choice = choose_next([w("A002", 1, P.ELDERLY), w("A003", 2)], CallPolicy(priority_ratio=0), 0, NOW)
    assert choice.ticket.ticket_no == "A003"


def test_due_appointment_goes_first_and_leaves_streak():
    slot = dict(slot_from=NOW - timedelta(minutes=10), slot_until=NOW + timedelta(minutes=20))
    waiting = [w("A001", 1), w("A002", 2, P.ELDERLY), w("Y001", 50, P.APPOINTMENT, cat="Y", **slot)]
    choice = choose_next(waiting, CallPolicy(), 1, NOW)
    assert choice.ticket.ticket_no == "Y001" and choice.lane is Lane.APPOINTMENT and choice.streak == 1


def test_early_appointment_waits_as_normal():
    slot = dict(slot_from=NOW + timedelta(minutes=30), slot_until=NOW + timedelta(minutes=60))
    waiting = [w("Y001", 0, P.APPOINTMENT, **slot), w("A001", 1)]
    choice = choose_next(waiting, CallPolicy(), 0, NOW)
    assert choice.ticket.ticket_no == "Y001" and choice.lane is Lane.NORMAL  # earliest normal


def test_late_check_in_loses_appointment_place():
    slot = dict(slot_from=T0, slot_until=T0 + timedelta(minutes=30))
    waiting = [w("A001", 10), w("Y001", 40, P.APPOINTMENT, **slot)]
    choice = choose_next(waiting, CallPolicy(), 0, NOW)
    assert choice.ticket.ticket_no == "A001"


def test_earlier_slot_first_among_due_appointments():
    a = w("Y002", 1, P.APPOINTMENT, slot_from=T0 + timedelta(minutes=30), slot_until=NOW)
    b = w("Y001", 5, P.APPOINTMENT, slot_from=T0, slot_until=NOW)
    assert choose_next([a, b], CallPolicy(), 0, NOW).ticket.ticket_no == "Y001"


def test_window_calls_only_its_categories_and_weights_order():
    waiting = [w("A001", 1, cat="A"), w("B001", 5, cat="B"), w("C001", 0, cat="C")]
    policy = CallPolicy(categories=frozenset({"A", "B"}), category_weights={"B": 1})
    assert choose_next(waiting, policy, 0, NOW).ticket.ticket_no == "B001"
    assert choose_next(waiting, CallPolicy(categories=frozenset({"A"})), 0, NOW).ticket.ticket_no == "A001"


def test_requeued_ticket_keeps_place_unless_policy_says_otherwise():
    moved = w("A001", 1, requeued_at=T0 + timedelta(minutes=30))
    waiting = [moved, w("A002", 10)]
    assert choose_next(waiting, CallPolicy(), 0, NOW).ticket.ticket_no == "A001"
    assert choose_next(waiting, CallPolicy(requeue_keeps_place=False), 0, NOW).ticket.ticket_no == "A002"


def test_negative_ratio_refused():
    with pytest.raises(ValueError):
        CallPolicy(priority_ratio=-1)


def test_choose_next_scales_linearly():
    # 200 waiting is the real load; 20,000 shows it stays linear (generous bound, no timing flake).
    many = [w(f"A{i:05d}", i % 500, P.ELDERLY if i % 7 == 0 else P.NONE) for i in range(20_000)]
    start = clock.perf_counter()
    choice = choose_next(many, CallPolicy(), 0, NOW)
    assert clock.perf_counter() - start < 1.0
    assert choice.ticket.ticket_no == "A00000"
