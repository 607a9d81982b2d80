"""QueueService against a real profile database: issuing, calling, refusals, concurrency, restart."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from app.db.models import Outbox, QueueEvent, QueueTicket
from app.db.session import Database
from app.domain.queue import PriorityClass, TicketStatus
from app.services.errors import ServiceError
from app.services.queue import QueueService

CLERK = "clerk-1"
VALID_ID = "11010519491231002X"


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_defaults_seeded_on_first_use(ctx) -> None:
    cats = ctx.queue.categories()
    assert [c.prefix for c in cats][:4] == ["A", "B", "C", "D"]
    assert cats[0].name == "综合受理" and cats[0].open_from == "08:30" and cats[0].open_until == "17:00"


def test_issue_numbers_per_category_and_waiting_ahead(ctx) -> None:
    q: QueueService = ctx.queue
    a1 = q.issue("A")
    a2 = q.issue("A", PriorityClass.ELDERLY)
    b1 = q.issue("B")
    assert (a1.ticket.ticket_no, a2.ticket.ticket_no, b1.ticket.ticket_no) == ("A001", "A002", "B001")
    assert (a1.waiting_ahead, a2.waiting_ahead, b1.waiting_ahead) == (0, 1, 0)
    assert a2.ticket.priority is PriorityClass.ELDERLY
    # every issue is one event and one outbox row
    assert _count(ctx.db, QueueEvent) == 3
    with ctx.db.session() as s:
        assert s.execute(select(func.count()).select_from(Outbox).where(Outbox.entity == "queue_event")).scalar() == 3


def test_numbers_restart_next_local_day(ctx) -> None:
    ctx.queue.issue("A")
    ctx.clock.advance(days=1)
    assert ctx.queue.issue("A").ticket.ticket_no == "A001"


def test_cap_reached_refused_and_number_not_consumed(ctx) -> None:
    q: QueueService = ctx.queue
    q.update_category("D", name="企业开办", daily_cap=2, open_from="08:30", open_until="17:00")
    q.issue("D")
    q.issue("D")
    with pytest.raises(ServiceError) as err:
        q.issue("D")
    assert "号源 2 个已发完" in err.value.message_zh
    q.update_category("D", name="企业开办", daily_cap=3, open_from="08:30", open_until="17:00")
    assert q.issue("D").ticket.ticket_no == "D003"  # the refused attempt left no gap


def test_outside_hours_refused(ctx) -> None:
    ctx.clock.advance(hours=7, minutes=30)  # 17:30 local
    with pytest.raises(ServiceError) as err:
        ctx.queue.issue("A")
    assert "08:30–17:00" in err.value.message_zh
    assert _count(ctx.db, QueueTicket) == 0


def test_unknown_category_and_bad_hours(ctx) -> None:
    with pytest.raises(ServiceError, match="没有业务类别"):
        ctx.queue.issue("Z")
    with pytest.raises(ServiceError, match="时:分"):
        ctx.queue.update_category("F", name="x", daily_cap=None, open_from="8点", open_until="17:00")


def test_concurrent_issuing_gives_unique_numbers(ctx) -> None:
    q: QueueService = ctx.queue
    q.categories()
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            for _ in range(10):
                no = q.issue("A").ticket.ticket_no
                with lock:
                    numbers.append(no)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 61)]


def test_call_order_appointment_then_ratio(ctx) -> None:
    q: QueueService = ctx.queue
    q.issue("A")  # A001 normal
    q.issue("A", PriorityClass.ELDERLY)  # A002
    q.issue("A", PriorityClass.DISABLED)  # A003
    q.issue("A", PriorityClass.MILITARY)  # A004
    q.issue("B", appointment_id_number=VALID_ID)  # B001 appointment, due now
    order = []
    for _ in range(5):
        t = q.call_next(by=CLERK)
        order.append(t.ticket_no)
        q.finish(t.id, by=CLERK)
    # appointment first; then 2 priority : 1 normal
    assert order == ["B001", "A002", "A003", "A001", "A004"]


def test_appointment_check_in_twice_refused_and_bad_id(ctx) -> None:
    ctx.queue.issue("A", appointment_id_number=VALID_ID)
    with pytest.raises(ServiceError, match="已签到"):
        ctx.queue.issue("A", appointment_id_number=VALID_ID.lower())
    with pytest.raises(ServiceError, match="校验码"):
        ctx.queue.issue("A", appointment_id_number="110105194912310021")


def test_empty_queue_and_busy_window(ctx) -> None:
    q: QueueService = ctx.queue
    with pytest.raises(ServiceError, match="当前没有等候的号"):
        q.call_next(by=CLERK)
    q.issue("A")
    q.issue("A")
    first = q.call_next(by=CLERK)
    with pytest.raises(ServiceError, match="A001 号还在本窗口"):
        q.call_next(by=CLERK)
    assert q.current() == q.ticket(first.id)


def test_illegal_actions_leave_state_unchanged(ctx) -> None:
    q: QueueService = ctx.queue
    t = q.issue("A").ticket
    events_before = _count(ctx.db, QueueEvent)
    for action in (q.recall, q.no_show, q.finish, q.hold, q.call_back, q.reactivate, q.start_serving):
        with pytest.raises(ServiceError):
            action(t.id, by=CLERK)
    assert q.ticket(t.id) == t
    called = q.call_next(by=CLERK)
    q.finish(called.id, by=CLERK)
    finished = q.ticket(t.id)
    with pytest.raises(ServiceError, match="已办结"):
        q.finish(t.id, by=CLERK)
    assert q.ticket(t.id) == finished
    # call + implicit start + finish = three events; the refusals wrote none
    assert _count(ctx.db, QueueEvent) == events_before + 3


def test_transfer_to_closed_category_refused(ctx) -> None:
    q: QueueService = ctx.queue
    t = q.issue("A").ticket
    q.update_category("C", name="不动产", daily_cap=None, open_from="08:30", open_until="17:00", enabled=False)
    with pytest.raises(ServiceError, match="暂停取号"):
        q.transfer(t.id, "C", by=CLERK)
    with pytest.raises(ServiceError, match="另一个业务类别"):
        q.transfer(t.id, "A", by=CLERK)
    moved = q.transfer(t.id, "B", by=CLERK)
    assert (moved.ticket_no, moved.category, moved.status) == ("A001", "B", TicketStatus.ISSUED)


def test_side_paths_and_stored_durations(ctx) -> None:
    q: QueueService = ctx.queue
    t = q.issue("A").ticket
    ctx.clock.advance(minutes=10)
    q.call_next(by=CLERK)
    ctx.clock.advance(minutes=1)
    assert q.recall(t.id, by=CLERK).recalls == 1
    q.no_show(t.id, by=CLERK)
    assert [x.ticket_no for x in q.no_shows()] == ["A001"]
    q.reactivate(t.id, by=CLERK)
    q.call_specific(t.id, "老人返回", by=CLERK)
    ctx.clock.advance(minutes=2)
    q.start_serving(t.id, by=CLERK)
    ctx.clock.advance(minutes=3)
    q.hold(t.id, by=CLERK)
    assert [x.ticket_no for x in q.held()] == ["A001"]
    q.call_back(t.id, by=CLERK)
    q.start_serving(t.id, by=CLERK)
    ctx.clock.advance(minutes=4)
    q.finish(t.id, by=CLERK)
    with ctx.db.session() as s:
        row = s.get_one(QueueTicket, t.id)
        assert (row.wait_s, row.walk_up_s, row.service_s) == (600.0, 120.0, 420.0)  # walk-up: call_specific → start


def test_pause_blocks_calling_and_counts(ctx) -> None:
    q: QueueService = ctx.queue
    q.issue("A")
    with pytest.raises(ServiceError, match="没有暂停"):
        q.resume(by=CLERK)
    with pytest.raises(ServiceError, match="需要填写原因"):
        q.pause("  ", by=CLERK)
    state = q.pause("接听电话", by=CLERK)
    assert state.paused and state.pause_reason == "接听电话"
    with pytest.raises(ServiceError, match="已处于暂停"):
        q.pause("再次", by=CLERK)
    with pytest.raises(ServiceError, match="已暂停"):
        q.call_next(by=CLERK)
    ctx.clock.advance(minutes=5)
    assert not q.resume(by=CLERK).paused
    assert q.figures().pause_total == 300.0


def test_crash_restart_keeps_serving_ticket(ctx) -> None:
    q: QueueService = ctx.queue
    t = q.issue("A").ticket
    q.call_next(by=CLERK)
    q.start_serving(t.id, by=CLERK)
    ctx.db.dispose()  # the process dies: nothing in memory survives
    again = QueueService(Database(ctx.db.path), ctx.clock, ctx.settings.tz, "3")
    current = again.current()
    assert current is not None and current.ticket_no == "A001" and current.status is TicketStatus.SERVING
    ctx.clock.advance(minutes=5)
    assert again.finish(t.id, by=CLERK).status is TicketStatus.FINISHED


def test_waiting_list_and_live_figures(ctx) -> None:
    q: QueueService = ctx.queue
    q.issue("B")
    ctx.clock.advance(minutes=2)
    q.issue("A")
    ctx.clock.advance(minutes=3)
    rows = q.waiting()
    assert [(r.ticket.ticket_no, r.category_name, r.waited_s) for r in rows] == [
        ("A001", "综合受理", 180.0), ("B001", "社保医保", 300.0)]
    figures = q.figures()
    assert dict(figures.waiting_by_category) == {"A": 1, "B": 1}
    assert figures.longest_wait == 300.0
    # yesterday's leftovers are not today's queue
    ctx.clock.advance(days=1)
    assert q.waiting() == [] and q.figures().waiting == 0


def test_slip_renders_on_roll80(ctx) -> None:
    issued = ctx.queue.issue("A")
    pdf = ctx.queue.slip(issued, station_name="广安区政务服务中心")
    assert pdf.startswith(b"%PDF")
