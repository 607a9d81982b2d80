"""Random mornings through the real service and database: numbers unique, nothing lost, refusals change nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select

from app.db.models import QueueEvent, QueueTicket
from app.domain.metrics import queue_figures
from app.domain.queue import PriorityClass, TicketStatus
from app.services.errors import ServiceError

CLERK = "clerk-1"
_ACTIONS = ("recall", "no_show", "start_serving", "finish", "hold", "call_back", "reactivate", "cancel")


class QueueMorning(RuleBasedStateMachine):
    """Issue, call and act at random with the clock moving forward; compare with what the service says."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        from tests.conftest import make_context

        self._dir = tempfile.TemporaryDirectory()
        self.ctx = make_context(Path(self._dir.name) / "profile")
        self.q = self.ctx.queue
        self.issued: dict[str, str] = {}  # ticket id -> number

    def teardown(self) -> None:
        self.ctx.close()
        self._dir.cleanup()

    @rule(prefix=st.sampled_from("ABC"), priority=st.sampled_from(list(PriorityClass)[:5]))
    def issue(self, prefix: str, priority: PriorityClass) -> None:
        t = self.q.issue(prefix, priority).ticket
        self.issued[t.id] = t.ticket_no

    @rule(minutes=st.integers(0, 7))
    def wait(self, minutes: int) -> None:
        self.ctx.clock.advance(minutes=minutes)

    @rule()
    def call_next(self) -> None:
        try:
            self.q.call_next(by=CLERK)
        except ServiceError:
            pass

    @precondition(lambda self: self.issued)
    @rule(data=st.data(), action=st.sampled_from(_ACTIONS))
    def act(self, data: st.DataObject, action: str) -> None:
        ticket_id = data.draw(st.sampled_from(sorted(self.issued)))
        before = self.q.ticket(ticket_id)
        events = self._count(QueueEvent)
        try:
            getattr(self.q, action)(ticket_id, by=CLERK)
        except ServiceError:
            # refused: the ticket and the log are exactly as they were
            assert self.q.ticket(ticket_id) == before
            assert self._count(QueueEvent) == events

    @precondition(lambda self: self.issued)
    @rule(data=st.data(), to=st.sampled_from("ABC"))
    def transfer(self, data: st.DataObject, to: str) -> None:
        ticket_id = data.draw(st.sampled_from(sorted(self.issued)))
        try:
            self.q.transfer(ticket_id, to, by=CLERK)
        except ServiceError:
            pass

    @invariant()
    def numbers_unique_and_nothing_lost(self) -> None:
        with self.ctx.db.session() as s:
            rows = s.execute(select(QueueTicket.id, QueueTicket.ticket_no, QueueTicket.status)).all()
        assert {r.id: r.ticket_no for r in rows} == self.issued
        assert len({r.ticket_no for r in rows}) == len(rows)
        assert all(TicketStatus(r.status) for r in rows)

    @invariant()
    def at_most_one_ticket_at_the_window(self) -> None:
        with self.ctx.db.session() as s:
            at_window = s.execute(select(func.count()).select_from(QueueTicket).where(
                QueueTicket.status.in_(("called", "serving")))).scalar_one()
        assert at_window <= 1

    @invariant()
    def durations_never_negative(self) -> None:
        with self.ctx.db.session() as s:
            rows = s.execute(select(QueueTicket.wait_s, QueueTicket.walk_up_s, QueueTicket.service_s)).all()
            events = s.execute(select(QueueEvent).order_by(QueueEvent.at, QueueEvent.seq)).scalars().all()
        assert all(v is None or v >= 0 for row in rows for v in row)
        now = self.ctx.clock.now()
        f = queue_figures(events, now=now, day_start_utc=events[0].at if events else now)
        assert all(v >= 0 for v in (f.wait.max or 0, f.service.max or 0, f.walk_up.max or 0, f.pause_total))

    def _count(self, model: type) -> int:
        with self.ctx.db.session() as s:
            return s.execute(select(func.count()).select_from(model)).scalar_one()


QueueMorning.TestCase.settings = settings(max_examples=25, stateful_step_count=30, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
TestQueueMorning = QueueMorning.TestCase
