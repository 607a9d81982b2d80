"""Queue numbering (daily caps, hours, A001) and the one rule that picks the next ticket to call."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum
from types import MappingProxyType

from app.domain.queue import PriorityClass, QueueError

# ---- Numbering and issuing rules


@dataclass(frozen=True)
class CategoryRule:
    """A ticket category: prefix letter, daily cap (None = no cap), issuing hours [from, until)."""

    prefix: str
    name: str
    daily_cap: int | None
    open_from: time
    open_until: time
    enabled: bool = True


class QueueClosed(QueueError):  # noqa: N818 (names fixed by the issue)
    """The category is switched off or outside its issuing hours."""

    code = "queue_closed"

    def __init__(self, rule: CategoryRule) -> None:
        super().__init__(f"category {rule.prefix} closed")
        self.rule = rule

    @property
    def message_zh(self) -> str:
        """Chinese text with the category and its hours."""
        r = self.rule
        if not r.enabled:
            return f"“{r.name}”（{r.prefix}）暂停取号，请选择其他业务类别或联系值班长。"
        return f"“{r.name}”（{r.prefix}）取号时间为 {r.open_from:%H:%M}–{r.open_until:%H:%M}，现在不在取号时间内。"


class DailyCapReached(QueueError):  # noqa: N818 (names fixed by the issue)
    """Today's numbers for the category are used up."""

    code = "daily_cap_reached"

    def __init__(self, rule: CategoryRule, issued_today: int) -> None:
        super().__init__(f"category {rule.prefix} cap {rule.daily_cap} reached")
        self.rule, self.issued_today = rule, issued_today

    @property
    def message_zh(self) -> str:
        """Chinese text with the cap."""
        return (
            f"“{self.rule.name}”（{self.rule.prefix}）今日号源 {self.rule.daily_cap} 个已发完，"
            "请预约其他日期或联系值班长加号。"
        )


def check_open(rule: CategoryRule, now_local: datetime) -> None:
    """Raise QueueClosed unless the category is enabled and `now_local` (station time) is in its hours.

    Also used before transferring a ticket into the category.
    """
    if not rule.enabled or not rule.open_from <= now_local.time() < rule.open_until:
        raise QueueClosed(rule)


def check_can_issue(rule: CategoryRule, issued_today: int, now_local: datetime) -> None:
    """Raise QueueClosed or DailyCapReached if a ticket of `rule` may not be issued now."""
    check_open(rule, now_local)
    if rule.daily_cap is not None and issued_today >= rule.daily_cap:
        raise DailyCapReached(rule, issued_today)


def format_ticket_no(prefix: str, n: int) -> str:
    """Display number: prefix + at least 3 digits ("A001"; "A1000" past 999)."""
    if n < 1:
        raise ValueError("ticket numbers start at 1")
    return f"{prefix}{n:03d}"


# ---- Ordering


@dataclass(frozen=True)
class WaitingTicket:
    """A ticket waiting to be called, as the ordering rule needs it (times in UTC).

    `requeued_at` is when it last re-entered a queue (transfer, reactivation); the appointment
    slot is set only for APPOINTMENT tickets.
    """

    ticket_id: str
    ticket_no: str
    category: str
    priority: PriorityClass
    issued_at: datetime
    requeued_at: datetime | None = None
    slot_from: datetime | None = None
    slot_until: datetime | None = None


@dataclass(frozen=True)
class CallPolicy:
    """How a window calls: `priority_ratio` priority calls at most before a waiting normal one.

    `categories` limits which categories this window calls (None = all); higher
    `category_weights` go first within a lane; `requeue_keeps_place` keeps the original issue time
    for ordering after a transfer or reactivation.
    """

    priority_ratio: int = 2
    categories: frozenset[str] | None = None
    category_weights: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    requeue_keeps_place: bool = True

    def __post_init__(self) -> None:
        """Refuse a negative ratio, which has no meaning."""
        if self.priority_ratio < 0:
            raise ValueError("priority_ratio must be >= 0")


class Lane(StrEnum):
    """Why a ticket was chosen."""

    APPOINTMENT = "appointment"
    PRIORITY = "priority"
    NORMAL = "normal"


@dataclass(frozen=True)
class Choice:
    """The ticket to call (None when nothing waits), its lane, and the priority streak to keep."""

    ticket: WaitingTicket | None
    lane: Lane | None
    streak: int


_PRIORITY_CLASSES = frozenset(
    {
        PriorityClass.ELDERLY,
        PriorityClass.DISABLED,
        PriorityClass.PREGNANT,
        PriorityClass.MILITARY,
    }
)


def appointment_due(ticket: WaitingTicket, now: datetime) -> bool:
    """True for an appointment checked in by its slot's end whose slot has started."""
    if ticket.priority is not PriorityClass.APPOINTMENT or ticket.slot_from is None:
        return False
    checked_in_in_time = ticket.slot_until is None or ticket.issued_at <= ticket.slot_until
    return checked_in_in_time and ticket.slot_from <= now


def choose_next(
    waiting: Sequence[WaitingTicket],
    policy: CallPolicy,
    streak: int,
    now: datetime,
) -> Choice:
    """Pick the next ticket in one pass over `waiting` (O(n)).

    Order: due appointments first (they leave the streak alone); then priority tickets, FIFO,
    unless `streak` has reached `policy.priority_ratio` and a normal ticket waits; then normal
    tickets, FIFO. Early or late appointments wait as normal tickets. `streak` is the number of
    consecutive priority calls so far; the Choice carries the new value.
    """
    best: dict[Lane, tuple[tuple[int, datetime, str], WaitingTicket]] = {}
    for ticket in waiting:
        if policy.categories is not None and ticket.category not in policy.categories:
            continue
        lane = _lane(ticket, now)
        key = _order_key(ticket, policy, lane)
        held = best.get(lane)
        if held is None or key < held[0]:
            best[lane] = (key, ticket)
    if Lane.APPOINTMENT in best:
        return Choice(best[Lane.APPOINTMENT][1], Lane.APPOINTMENT, streak)
    normal_due = streak >= policy.priority_ratio and Lane.NORMAL in best
    if Lane.PRIORITY in best and not normal_due:
        return Choice(best[Lane.PRIORITY][1], Lane.PRIORITY, streak + 1)
    if Lane.NORMAL in best:
        return Choice(best[Lane.NORMAL][1], Lane.NORMAL, 0)
    return Choice(None, None, streak)


def _lane(ticket: WaitingTicket, now: datetime) -> Lane:
    """The lane a waiting ticket is in at `now`."""
    if ticket.priority in _PRIORITY_CLASSES:
        return Lane.PRIORITY
    if appointment_due(ticket, now):
        return Lane.APPOINTMENT
    return Lane.NORMAL


def _order_key(ticket: WaitingTicket, policy: CallPolicy, lane: Lane) -> tuple[int, datetime, str]:
    """Sort key within a lane: heavier category first, then earlier slot / queue time, then number."""
    since = ticket.issued_at
    if lane is Lane.APPOINTMENT and ticket.slot_from is not None:
        since = ticket.slot_from
    elif not policy.requeue_keeps_place and ticket.requeued_at is not None:
        since = ticket.requeued_at
    return (-policy.category_weights.get(ticket.category, 0), since, ticket.ticket_no)
