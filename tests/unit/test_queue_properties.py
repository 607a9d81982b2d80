"""Hypothesis: random mornings of queue operations keep numbers unique, tickets whole, durations sane."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.domain.metrics import queue_figures
from app.domain.queue import (
    LEGAL_MOVES,
    PriorityClass,
    QueueAction,
    QueueError,
    TicketState,
    TicketStatus,
    apply,
    issue,
)
from app.domain.queue_order import CallPolicy, Lane, WaitingTicket, choose_next, format_ticket_no

T0 = datetime(2024, 3, 1, 0, 30, tzinfo=UTC)
CATEGORIES = ("A", "B")
PRIORITIES = (PriorityClass.NONE, PriorityClass.NONE, PriorityClass.ELDERLY, PriorityClass.MILITARY)
# Actions a clerk applies to a chosen ticket (CALL goes through choose_next instead).
TICKET_ACTIONS = [a for a in QueueAction if a not in (QueueAction.ISSUE, QueueAction.CALL)]


class QueueMorning(RuleBasedStateMachine):
    """A model hall: tickets, the event log, and the call-next streak."""

    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.tickets: dict[str, TicketState] = {}
        self.events = []
        self.counters = Counter()
        self.policy = CallPolicy(priority_ratio=2)
        self.streak = 0
        self.priority_run_with_normal_waiting = 0

    def _tick(self, seconds: int) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now

    def _waiting(self) -> list[WaitingTicket]:
        return [
            WaitingTicket(t.ticket_id, t.ticket_no, t.category, t.priority, t.issued_at)
            for t in self.tickets.values()
            if t.status is TicketStatus.ISSUED
        ]

    @rule(cat=st.sampled_from(CATEGORIES), prio=st.sampled_from(PRIORITIES), dt=st.integers(0, 300))
    def issue_ticket(self, cat, prio, dt):
        self.counters[cat] += 1
        tid = f"t{len(self.tickets)}"
        ticket, event = issue(
            ticket_id=tid,
            ticket_no=format_ticket_no(cat, self.counters[cat]),
            category=cat,
            priority=prio,
            at=self._tick(dt),
            operator_id=None,
            window_no=None,
        )
        self.tickets[tid] = ticket
        self.events.append(event)

    @rule(dt=st.integers(0, 300))
    def call_next(self, dt):
        waiting = self._waiting()
        normal_waiting = any(w.priority is PriorityClass.NONE for w in waiting)
        choice = choose_next(waiting, self.policy, self.streak, self.now)
        if choice.ticket is None:
            assert not waiting
            return
        self.streak = choice.streak
        if choice.lane is Lane.PRIORITY and normal_waiting:
            self.priority_run_with_normal_waiting += 1
        elif choice.lane is Lane.NORMAL:
            self.priority_run_with_normal_waiting = 0
        # The promise: normal tickets wait through at most `priority_ratio` priority calls.
        assert self.priority_run_with_normal_waiting <= self.policy.priority_ratio
        self._apply(choice.ticket.ticket_id, QueueAction.CALL, dt)

    @rule(index=st.integers(0, 10**6), action=st.sampled_from(TICKET_ACTIONS), dt=st.integers(0, 900))
    def act(self, index, action, dt):
        if not self.tickets:
            return
        tid = list(self.tickets)[index % len(self.tickets)]
        self._apply(tid, action, dt)

    def _apply(self, tid: str, action: QueueAction, dt: int) -> None:
        before = self.tickets[tid]
        to_category = "B" if before.category == "A" else "A"
        try:
            after, event = apply(
                before,
                action,
                at=self._tick(dt),
                operator_id="op1",
                window_no=1,
                reason="指定",
                to_category=to_category,
            )
        except QueueError:
            assert before.status not in LEGAL_MOVES[action][0]
            assert self.tickets[tid] is before  # refused: state unchanged
            return
        self.tickets[tid] = after
        self.events.append(event)

    @invariant()
    def numbers_are_unique(self):
        numbers = [t.ticket_no for t in self.tickets.values()]
        assert len(numbers) == len(set(numbers))

    @invariant()
    def log_replays_to_current_state(self):
        # Each ticket's events chain from one status to the next and end where the ticket is:
        # no ticket lost, none in two states.
        last: dict[str, TicketStatus] = {}
        for e in self.events:
            assert last.get(e.ticket_id) == e.from_status
            last[e.ticket_id] = e.to_status
        assert last == {tid: t.status for tid, t in self.tickets.items()}

    @invariant()
    def figures_agree_and_durations_are_not_negative(self):
        f = queue_figures(self.events, now=self.now, day_start_utc=T0)
        for summary in (f.wait, f.service, f.walk_up):
            assert summary.count == 0 or summary.median >= 0 and summary.max >= summary.p90 >= 0
        assert f.longest_wait is None or f.longest_wait >= 0
        status = Counter(t.status for t in self.tickets.values())
        assert f.waiting == status[TicketStatus.ISSUED]
        assert f.served == status[TicketStatus.FINISHED] == f.service.count
        assert f.no_shows == status[TicketStatus.NO_SHOW]


QueueMorning.TestCase.settings = settings(
    max_examples=150, stateful_step_count=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestQueueMorning = QueueMorning.TestCase
