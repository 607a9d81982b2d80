"""Queue service plumbing: frozen DTOs, default categories, and writing one event with its outbox row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import new_id
from app.db.counters import next_serial
from app.db.models import QueueCategory, QueueTicket
from app.db.models import QueueEvent as QueueEventRow
from app.db.outbox import add_op
from app.domain.ids import ResidentIdError, validate_resident_id
from app.domain.metrics import ticket_durations
from app.domain.queue import PriorityClass, QueueEvent, TicketState, TicketStatus, issue
from app.domain.queue_order import CallPolicy, CategoryRule, WaitingTicket, choose_next, format_ticket_no
from app.services.errors import ServiceError

# (prefix, name, daily cap): the categories a new station starts with; editable afterwards.
DEFAULT_CATEGORIES: tuple[tuple[str, str, int], ...] = (
    ("A", "综合受理", 300),
    ("B", "社保医保", 200),
    ("C", "不动产/宅基地", 120),
    ("D", "企业开办", 120),
    ("E", "出件/咨询", 200),
)
DEFAULT_HOURS = ("08:30", "17:00")


@dataclass(frozen=True)
class CategoryInfo:
    """A ticket category as the UI shows and edits it (hours are station-local HH:MM)."""

    prefix: str
    name: str
    daily_cap: int | None
    open_from: str
    open_until: str
    enabled: bool
    ord: int


@dataclass(frozen=True)
class TicketInfo:
    """One QueueTicket; `since` is when it entered its current status (UTC)."""

    id: str
    ticket_no: str
    category: str
    priority: PriorityClass
    status: TicketStatus
    issued_at: datetime
    since: datetime
    recalls: int
    window_no: str | None
    case_id: str | None = None


@dataclass(frozen=True)
class IssuedTicket:
    """What issuing returns: the ticket and how many wait ahead of it in its category."""

    ticket: TicketInfo
    category_name: str
    waiting_ahead: int


@dataclass(frozen=True)
class WaitingRow:
    """A waiting ticket with how long it has waited so far (seconds, since issue)."""

    ticket: TicketInfo
    category_name: str
    waited_s: float


@dataclass(frozen=True)
class WindowState:
    """This window's calling state."""

    window_no: str
    paused_since: datetime | None
    pause_reason: str | None
    streak: int
    priority_ratio: int
    categories: frozenset[str] | None

    @property
    def paused(self) -> bool:
        """True while the window is paused (暂停)."""
        return self.paused_since is not None


def _hhmm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def category_info(row: QueueCategory) -> CategoryInfo:
    """DTO of a category row (cap 0 is stored for "no cap")."""
    cap = row.daily_cap if row.daily_cap and row.daily_cap > 0 else None
    return CategoryInfo(row.prefix, row.name, cap, row.open_from, row.open_until, row.enabled, row.ord)


def category_rule(info: CategoryInfo) -> CategoryRule:
    """The domain rule of a category."""
    return CategoryRule(info.prefix, info.name, info.daily_cap, _hhmm(info.open_from), _hhmm(info.open_until),
                        info.enabled)


def ticket_info(row: QueueTicket) -> TicketInfo:
    """DTO of a ticket row."""
    return TicketInfo(row.id, row.ticket_no, row.category, PriorityClass(row.priority), TicketStatus(row.status),
                      row.issued_at, row.updated_at, row.recalls, row.window_no, row.case_id)


def ticket_state(row: QueueTicket) -> TicketState:
    """The domain view of a ticket row."""
    return TicketState(row.id, row.ticket_no, row.category, PriorityClass(row.priority), row.issued_at,
                       TicketStatus(row.status), row.recalls, row.window_no, row.operator_id)  # type: ignore[arg-type]


# A dict lookup: calling the enum class per row costs more than the rest of the row (call next is hot).
_PRIORITY_BY_VALUE = {p.value: p for p in PriorityClass}


def _utc(value: str | None) -> datetime | None:
    """A stored UTC timestamp read as raw text (how UtcDateTime keeps it in SQLite)."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def waiting_ticket(row: Any) -> WaitingTicket:
    """The ordering view of a raw waiting-ticket row: id, number, category, priority and four timestamps as text."""
    tid, no, cat, priority, issued_at, requeued_at, slot_start, slot_end = row
    return WaitingTicket(tid, no, cat, _PRIORITY_BY_VALUE[priority], datetime.fromisoformat(issued_at).replace(
        tzinfo=UTC), _utc(requeued_at), _utc(slot_start), _utc(slot_end))


def apply_state(row: QueueTicket, state: TicketState, at: datetime) -> None:
    """Copy a new domain state onto the ticket row."""
    row.status = state.status.value
    row.category = state.category
    row.recalls = state.recall_count
    row.window_no = state.window_no  # type: ignore[assignment]
    row.operator_id = state.operator_id
    row.updated_at = at


def record_event(session: Session, event: QueueEvent, ticket_no: str) -> QueueEventRow:
    """Append the event row and its outbox row in the caller's transaction."""
    row = QueueEventRow(
        id=new_id(), ticket_id=event.ticket_id, action=event.action.value, at=event.at,
        from_status=event.from_status.value if event.from_status else None,
        to_status=event.to_status.value if event.to_status else None,
        category=event.category, operator_id=event.operator_id,
        window_no=None if event.window_no is None else str(event.window_no),
        reason=event.reason, data=dict(event.data), seq=next_serial(session, "queue_event"),
    )
    session.add(row)  # written at commit with the ticket: no flush needed, the id is ours
    payload = {
        "event_type": row.action, "ticket_no": ticket_no, "occurred_at": row.at.isoformat(),
        "ticket_id": row.ticket_id, "from_status": row.from_status, "to_status": row.to_status,
        "category": row.category, "window_no": row.window_no, "reason": row.reason, "data": row.data,
        "seq": row.seq,
    }
    add_op(session, entity="queue_event", entity_id=row.id, op_type="append", payload=payload, at=row.at,
           operator_id=event.operator_id)
    return row


# ---- Issuing helpers


def appointment_hash(id_number: str, day: date, hasher: Callable[[str], str] | None) -> str:
    """The keyed hash an appointment is found by; refuses an invalid ID number with its reason."""
    try:
        normalised = validate_resident_id(id_number, today=day)
    except ResidentIdError as exc:
        raise ServiceError(exc.message_zh + "。", code="id_number") from exc
    if hasher is None:
        raise ServiceError("本机未启用证件加密，不能按身份证号签到预约。请按普通号取号。", code="no_hasher")
    return hasher(normalised)


def refuse_second_check_in(s: Session, day: date, id_hash: str) -> None:
    """One live ticket per appointment per day."""
    done = (TicketStatus.FINISHED.value, TicketStatus.CANCELLED.value)
    prior = s.execute(select(QueueTicket.ticket_no).where(
        QueueTicket.day == day, QueueTicket.appointment_hash == id_hash, QueueTicket.status.not_in(done))).scalar()
    if prior is not None:
        raise ServiceError(f"该预约今天已签到取号（{prior}），无需重复取号。", code="already_checked_in")


def new_ticket(s: Session, *, prefix: str, number: int, priority: PriorityClass, day: date, now: datetime,
               by: str | None, window_no: str, id_hash: str | None,
               slot: tuple[datetime, datetime | None] | None) -> QueueTicket:
    """Insert a waiting ticket with its ISSUE event and outbox row."""
    ticket_no = format_ticket_no(prefix, number)
    row = QueueTicket(day=day, prefix=prefix, number=number, ticket_no=ticket_no, category=prefix,
                      priority=PriorityClass(priority).value, status=TicketStatus.ISSUED.value, issued_at=now,
                      appointment_hash=id_hash, slot_start=slot[0] if slot else None,
                      slot_end=slot[1] if slot else None, recalls=0, updated_at=now)
    s.add(row)
    s.flush()
    _state, event = issue(ticket_id=row.id, ticket_no=ticket_no, category=prefix, priority=priority, at=now,
                          operator_id=by, window_no=window_no)  # type: ignore[arg-type]
    record_event(s, event, ticket_no)
    return row


def predict_order(waiting: list[WaitingTicket], policy: CallPolicy, streak: int, now: datetime,
                  limit: int) -> list[WaitingTicket]:
    """The next `limit` tickets in the order call_next would take them (for the customer screen)."""
    left, out = list(waiting), []
    while left and len(out) < limit:
        choice = choose_next(left, policy, streak, now)
        if choice.ticket is None:
            break
        out.append(choice.ticket)
        left.remove(choice.ticket)
        streak = choice.streak
    return out


def store_durations(s: Session, row: QueueTicket) -> None:
    """Derive wait, first walk-up and service time from the ticket's events and keep them on it."""
    events = s.execute(select(QueueEventRow.ticket_id, QueueEventRow.action, QueueEventRow.at,
                              QueueEventRow.category, QueueEventRow.operator_id)
                       .where(QueueEventRow.ticket_id == row.id)
                       .order_by(QueueEventRow.at, QueueEventRow.seq)).all()
    durations = ticket_durations(events)
    row.wait_s, row.service_s = durations.wait, durations.service
    row.walk_up_s = durations.walk_ups[0] if durations.walk_ups else None
