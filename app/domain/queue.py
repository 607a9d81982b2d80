"""Queue ticket (排队号) state machine: pure transitions that each yield one QueueEvent."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType

_NO_DATA: Mapping[str, object] = MappingProxyType({})


class TicketStatus(StrEnum):
    """Where a ticket is; ISSUED means waiting in its category's queue."""

    ISSUED = "issued"
    CALLED = "called"
    SERVING = "serving"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    HELD = "held"
    CANCELLED = "cancelled"


class QueueAction(StrEnum):
    """Something done to a ticket; the value is what the event log stores."""

    # Hash like the stored string, so dicts keyed by "call" find QueueAction.CALL (and fast:
    # Enum's own __hash__ is Python code hashing the member name).
    __hash__ = str.__hash__

    ISSUE = "issue"
    CALL = "call"
    RECALL = "recall"
    START_SERVING = "start_serving"
    FINISH = "finish"
    NO_SHOW = "no_show"
    REACTIVATE = "reactivate"
    HOLD = "hold"
    CALL_BACK = "call_back"
    TRANSFER = "transfer"
    CANCEL = "cancel"
    CALL_SPECIFIC = "call_specific"


class OperatorAction(StrEnum):
    """Something a counter operator does that is not about one ticket (暂停 / 恢复)."""

    # Hash like the stored string, so dicts keyed by "call" find QueueAction.CALL (and fast:
    # Enum's own __hash__ is Python code hashing the member name).
    __hash__ = str.__hash__

    PAUSE = "pause"
    RESUME = "resume"


class PriorityClass(StrEnum):
    """Priority class chosen at issue; APPOINTMENT is 预约 checked in by ID number."""

    NONE = "none"
    ELDERLY = "elderly"  # 老年人
    DISABLED = "disabled"  # 残疾人
    PREGNANT = "pregnant"  # 孕妇
    MILITARY = "military"  # 军人 / 优抚对象
    APPOINTMENT = "appointment"  # 预约


_S = TicketStatus
_A = QueueAction

# action -> (statuses it may start from, status it leads to); RECALL stays in CALLED.
_RULES: dict[QueueAction, tuple[frozenset[TicketStatus], TicketStatus]] = {
    _A.CALL: (frozenset({_S.ISSUED}), _S.CALLED),
    _A.CALL_SPECIFIC: (frozenset({_S.ISSUED}), _S.CALLED),
    _A.RECALL: (frozenset({_S.CALLED}), _S.CALLED),
    _A.START_SERVING: (frozenset({_S.CALLED}), _S.SERVING),
    _A.FINISH: (frozenset({_S.SERVING}), _S.FINISHED),
    _A.NO_SHOW: (frozenset({_S.CALLED}), _S.NO_SHOW),
    _A.REACTIVATE: (frozenset({_S.NO_SHOW}), _S.ISSUED),
    # 挂起: the applicant steps away (e.g. to fetch a document) while called or being served.
    _A.HOLD: (frozenset({_S.CALLED, _S.SERVING}), _S.HELD),
    _A.CALL_BACK: (frozenset({_S.HELD}), _S.CALLED),
    _A.TRANSFER: (frozenset({_S.ISSUED, _S.CALLED, _S.SERVING, _S.HELD}), _S.ISSUED),
    _A.CANCEL: (frozenset({_S.ISSUED, _S.CALLED, _S.HELD, _S.NO_SHOW}), _S.CANCELLED),
}
_NEEDS_REASON = frozenset({_A.CALL_SPECIFIC})
# After these the ticket is no longer at a window.
_LEAVES_WINDOW = frozenset({_S.ISSUED, _S.FINISHED, _S.NO_SHOW, _S.CANCELLED})

LEGAL_MOVES: Mapping[QueueAction, tuple[frozenset[TicketStatus], TicketStatus]] = MappingProxyType(_RULES)
"""Read-only transition table, for tests and for enabling buttons in the UI."""


# ---- Errors (codes and data only; message_zh is for the edge to show)


class QueueError(Exception):
    """Base of every refused queue operation; `code` is stable, `message_zh` is for people."""

    code = "queue_error"

    @property
    def message_zh(self) -> str:
        """Chinese text saying what is wrong and what to do."""
        return "排队操作未能完成。"


class IllegalTicketTransition(QueueError):  # noqa: N818 (names fixed by the issue)
    """The action is not allowed from the ticket's current status."""

    code = "illegal_ticket_transition"

    def __init__(self, ticket_no: str, status: TicketStatus, action: QueueAction) -> None:
        super().__init__(f"{action.value} not allowed from {status.value} ({ticket_no})")
        self.ticket_no, self.status, self.action = ticket_no, status, action

    @property
    def message_zh(self) -> str:
        """Chinese text naming the ticket, its status and the refused action."""
        return (
            f"{self.ticket_no} 号当前为“{STATUS_ZH[self.status]}”，不能执行“{ACTION_ZH[self.action]}”。"
            "请刷新队列后重试。"
        )


class ReasonRequired(QueueError):  # noqa: N818 (names fixed by the issue)
    """The action needs a written reason (e.g. calling a ticket out of order)."""

    code = "reason_required"

    def __init__(self, action: QueueAction | OperatorAction) -> None:
        super().__init__(f"{action.value} needs a reason")
        self.action = action

    @property
    def message_zh(self) -> str:
        """Chinese text asking for the reason."""
        return f"“{ACTION_ZH[self.action]}”需要填写原因，请填写后再操作。"


class InvalidTransfer(QueueError):  # noqa: N818 (names fixed by the issue)
    """Transfer without a target category, or to the category the ticket is already in."""

    code = "invalid_transfer"

    def __init__(self, ticket_no: str, to_category: str | None) -> None:
        super().__init__(f"cannot transfer {ticket_no} to {to_category!r}")
        self.ticket_no, self.to_category = ticket_no, to_category

    @property
    def message_zh(self) -> str:
        """Chinese text asking for a different target category."""
        return f"{self.ticket_no} 号转移需要选择另一个业务类别。"


class IllegalOperatorTransition(QueueError):  # noqa: N818 (names fixed by the issue)
    """Pausing while paused, or resuming while not paused."""

    code = "illegal_operator_transition"

    def __init__(self, operator_id: str, action: OperatorAction) -> None:
        super().__init__(f"{action.value} not allowed now for operator {operator_id}")
        self.operator_id, self.action = operator_id, action

    @property
    def message_zh(self) -> str:
        """Chinese text for a pause/resume pressed twice."""
        if self.action is OperatorAction.PAUSE:
            return "窗口已处于暂停状态，如需继续服务请点“恢复”。"
        return "窗口没有暂停，无需恢复。"


STATUS_ZH: Mapping[TicketStatus, str] = MappingProxyType(
    {
        _S.ISSUED: "等候中",
        _S.CALLED: "已叫号",
        _S.SERVING: "办理中",
        _S.FINISHED: "已办结",
        _S.NO_SHOW: "过号",
        _S.HELD: "挂起",
        _S.CANCELLED: "已取消",
    }
)
ACTION_ZH: Mapping[QueueAction | OperatorAction, str] = MappingProxyType(
    {
        _A.ISSUE: "取号",
        _A.CALL: "叫号",
        _A.RECALL: "重呼",
        _A.START_SERVING: "开始办理",
        _A.FINISH: "办结",
        _A.NO_SHOW: "过号",
        _A.REACTIVATE: "恢复过号",
        _A.HOLD: "挂起",
        _A.CALL_BACK: "回呼",
        _A.TRANSFER: "转移",
        _A.CANCEL: "取消",
        _A.CALL_SPECIFIC: "指定叫号",
        OperatorAction.PAUSE: "暂停",
        OperatorAction.RESUME: "恢复",
    }
)


# ---- Values


@dataclass(frozen=True)
class TicketState:
    """One QueueTicket as the rules see it; `issued_at` (UTC) is kept across transfers for ordering."""

    ticket_id: str
    ticket_no: str
    category: str
    priority: PriorityClass
    issued_at: datetime
    status: TicketStatus = TicketStatus.ISSUED
    recall_count: int = 0
    window_no: int | None = None
    operator_id: str | None = None


@dataclass(frozen=True)
class QueueEvent:
    """One appended log row; `category` is the ticket's category after the action.

    Operator events (pause/resume) have `ticket_id`, statuses and category set to None.
    """

    ticket_id: str | None
    action: QueueAction | OperatorAction
    at: datetime
    operator_id: str | None
    window_no: int | None
    from_status: TicketStatus | None
    to_status: TicketStatus | None
    category: str | None
    reason: str | None = None
    data: Mapping[str, object] = field(default_factory=lambda: _NO_DATA)


@dataclass(frozen=True)
class OperatorState:
    """A counter operator at a window; `paused_since` is set while paused (暂停)."""

    operator_id: str
    window_no: int
    paused_since: datetime | None = None
    pause_reason: str | None = None


def to_utc(at: datetime) -> datetime:
    """Return `at` in UTC; naive datetimes are refused because their zone is unknowable."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    return at.astimezone(UTC)


# ---- Transitions


def issue(
    *,
    ticket_id: str,
    ticket_no: str,
    category: str,
    priority: PriorityClass,
    at: datetime,
    operator_id: str | None,
    window_no: int | None,
) -> tuple[TicketState, QueueEvent]:
    """Create a waiting ticket and its ISSUE event (the number comes from the numbering service)."""
    at = to_utc(at)
    ticket = TicketState(ticket_id, ticket_no, category, PriorityClass(priority), at)
    event = QueueEvent(
        ticket_id,
        _A.ISSUE,
        at,
        operator_id,
        window_no,
        None,
        _S.ISSUED,
        category,
        data=MappingProxyType({"ticket_no": ticket_no, "priority": ticket.priority.value}),
    )
    return ticket, event


def apply(
    ticket: TicketState,
    action: QueueAction | str,
    *,
    at: datetime,
    operator_id: str | None,
    window_no: int | None,
    reason: str | None = None,
    to_category: str | None = None,
) -> tuple[TicketState, QueueEvent]:
    """Apply `action` to `ticket`; return the new state and the event to append, or raise QueueError.

    ISSUE is never legal here (use `issue`): the ticket already exists.
    """
    action = QueueAction(action)
    target = _check(ticket, action, reason, to_category)
    at = to_utc(at)
    new = _moved(ticket, action, target, operator_id=operator_id, window_no=window_no, to_category=to_category)
    data: Mapping[str, object] = _NO_DATA
    if action is _A.TRANSFER:
        data = MappingProxyType({"from_category": ticket.category})
    elif action is _A.RECALL:
        data = MappingProxyType({"recall_count": new.recall_count})
    event = QueueEvent(
        ticket.ticket_id, action, at, operator_id, window_no, ticket.status, new.status, new.category, reason, data
    )  # fmt: skip
    return new, event


def _check(ticket: TicketState, action: QueueAction, reason: str | None, to_category: str | None) -> TicketStatus:
    """Raise the QueueError that refuses `action`, or return the status it leads to."""
    rule = _RULES.get(action)
    if rule is None or ticket.status not in rule[0]:
        raise IllegalTicketTransition(ticket.ticket_no, ticket.status, action)
    if action in _NEEDS_REASON and not (reason and reason.strip()):
        raise ReasonRequired(action)
    if action is _A.TRANSFER and (not to_category or to_category == ticket.category):
        raise InvalidTransfer(ticket.ticket_no, to_category)
    return rule[1]


def _moved(
    ticket: TicketState,
    action: QueueAction,
    target: TicketStatus,
    *,
    operator_id: str | None,
    window_no: int | None,
    to_category: str | None,
) -> TicketState:
    """The ticket after a legal action."""
    recalls = ticket.recall_count + 1 if action is _A.RECALL else ticket.recall_count
    at_window = target not in _LEAVES_WINDOW
    return replace(
        ticket,
        status=target,
        recall_count=recalls,
        category=to_category if action is _A.TRANSFER and to_category else ticket.category,
        window_no=window_no if at_window else None,
        operator_id=operator_id if at_window else None,
    )


def apply_operator(
    state: OperatorState,
    action: OperatorAction | str,
    *,
    at: datetime,
    reason: str | None = None,
) -> tuple[OperatorState, QueueEvent]:
    """Pause (reason required) or resume a window; return the new state and its event."""
    action = OperatorAction(action)
    if action is OperatorAction.PAUSE:
        if state.paused_since is not None:
            raise IllegalOperatorTransition(state.operator_id, action)
        if not (reason and reason.strip()):
            raise ReasonRequired(action)
        at = to_utc(at)
        new = replace(state, paused_since=at, pause_reason=reason)
    else:
        if state.paused_since is None:
            raise IllegalOperatorTransition(state.operator_id, action)
        at = to_utc(at)
        new = replace(state, paused_since=None, pause_reason=None)
    event = QueueEvent(None, action, at, state.operator_id, state.window_no, None, None, None, reason)
    return new, event
