"""The window-side 办件 state machine (domain.md §2) and its event records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum
from types import MappingProxyType
from typing import Any

__all__ = [
    "PLATFORM_EVENT_CODE",
    "RESULT_CODE_FOR_ACTION",
    "CaseAction",
    "CaseEventRecord",
    "CaseStatus",
    "IllegalTransition",
    "ReasonRequired",
    "ResultCode",
    "allowed_actions",
    "is_final",
    "record_transition",
    "requires_reason",
    "transition",
]


class CaseStatus(StrEnum):
    """Where a case stands, seen from the window."""

    RECEIVING = "receiving"  # 收件
    AWAIT_SUPPLEMENT = "await_supplement"  # 待补正 (clock not started)
    ACCEPTED = "accepted"  # 已受理
    TRANSFERRED = "transferred"  # 已流转 to the back office
    IN_REVIEW = "in_review"  # 审批中
    SUSPENDED = "suspended"  # 特别程序 (clock paused, 行政许可法 45)
    DECIDED = "decided"  # 已办结(审批)
    READY_FOR_PICKUP = "ready_for_pickup"  # 待出件
    DELIVERED = "delivered"  # 已出件
    CLOSED = "closed"  # 已关闭


class CaseAction(StrEnum):
    """What someone does to a case; each one becomes a CaseEvent."""

    ACCEPT = "accept"
    ACCEPT_WITH_DEFICIENCY = "accept_with_deficiency"  # 容缺受理
    REQUEST_SUPPLEMENT = "request_supplement"  # 补正 / 一次性告知
    COMPLETE_SUPPLEMENT = "complete_supplement"
    REJECT = "reject"  # 不予受理
    GIVE_UP = "give_up"  # 退件: no 补正 or the applicant gave up
    TRANSFER = "transfer"
    START_REVIEW = "start_review"
    SUSPEND = "suspend"
    RESUME = "resume"
    APPROVE = "approve"
    DENY = "deny"  # 不予许可
    FORWARD = "forward"  # 转报
    READY = "ready"
    DELIVER = "deliver"
    CLOSE = "close"
    WITHDRAW = "withdraw"  # 撤回 by the applicant
    VOID = "void"  # 作废 by an administrator


class ResultCode(IntEnum):
    """Platform finish codes (domain.md §1.8, EaJcStepDone); 1–5 need a reason."""

    ISSUED = 0  # 出证办结
    DENIED = 1  # 不予许可
    VOIDED = 2  # 作废办结
    DELETED = 3  # 删除办结 (technical error)
    FORWARDED = 4  # 转报办结
    RETURNED = 5  # 退件
    NOT_ACCEPTED = 6  # 不予受理


S = CaseStatus
A = CaseAction

# Withdraw (撤回) is possible until a decision exists; void (作废) from any non-final state.
_BEFORE_DECISION = (S.RECEIVING, S.AWAIT_SUPPLEMENT, S.ACCEPTED, S.TRANSFERRED, S.IN_REVIEW, S.SUSPENDED)

_TABLE: dict[CaseStatus, dict[CaseAction, CaseStatus]] = {
    S.RECEIVING: {
        A.ACCEPT: S.ACCEPTED,
        A.ACCEPT_WITH_DEFICIENCY: S.ACCEPTED,
        A.REQUEST_SUPPLEMENT: S.AWAIT_SUPPLEMENT,
        A.REJECT: S.CLOSED,
    },
    S.AWAIT_SUPPLEMENT: {
        A.COMPLETE_SUPPLEMENT: S.ACCEPTED,
        A.GIVE_UP: S.CLOSED,
        # the supplied papers can still show the item is outside this agency's powers
        A.REJECT: S.CLOSED,
    },
    S.ACCEPTED: {
        A.TRANSFER: S.TRANSFERRED,
        # 即办件 are decided at the window
        A.APPROVE: S.DECIDED,
        A.DENY: S.DECIDED,
    },
    S.TRANSFERRED: {A.START_REVIEW: S.IN_REVIEW},
    S.IN_REVIEW: {
        A.SUSPEND: S.SUSPENDED,
        A.APPROVE: S.DECIDED,
        A.DENY: S.DECIDED,
        A.FORWARD: S.DECIDED,
    },
    S.SUSPENDED: {A.RESUME: S.IN_REVIEW},
    S.DECIDED: {
        A.READY: S.READY_FOR_PICKUP,
        # a 转报 decision leaves nothing to hand over at this window
        A.CLOSE: S.CLOSED,
    },
    S.READY_FOR_PICKUP: {A.DELIVER: S.DELIVERED},
    S.DELIVERED: {A.CLOSE: S.CLOSED},
    S.CLOSED: {},
}
for _status in _BEFORE_DECISION:
    _TABLE[_status][A.WITHDRAW] = S.CLOSED
for _status, _moves in _TABLE.items():
    if _status is not S.CLOSED:
        _moves[A.VOID] = S.CLOSED

_ALLOWED = {status: frozenset(moves) for status, moves in _TABLE.items()}

_NEEDS_REASON = frozenset({A.REJECT, A.GIVE_UP, A.DENY, A.FORWARD, A.WITHDRAW, A.VOID})

RESULT_CODE_FOR_ACTION: Mapping[CaseAction, ResultCode] = MappingProxyType(
    {
        A.APPROVE: ResultCode.ISSUED,
        A.DENY: ResultCode.DENIED,
        A.VOID: ResultCode.VOIDED,
        A.FORWARD: ResultCode.FORWARDED,
        A.GIVE_UP: ResultCode.RETURNED,
        A.WITHDRAW: ResultCode.RETURNED,
        A.REJECT: ResultCode.NOT_ACCEPTED,
    }
)

# Process result codes (domain.md §1.8, EaJcStepProc): 0 不同意, 1 同意, 3 不予受理, 4 受理,
# 5 补齐补正, 6 特别程序, 7 退回. Actions not listed have no process code of their own; the
# sync layer reports them through the node or finish record instead.
PLATFORM_EVENT_CODE: Mapping[CaseAction, int] = MappingProxyType(
    {
        A.ACCEPT: 4,
        A.ACCEPT_WITH_DEFICIENCY: 4,
        A.COMPLETE_SUPPLEMENT: 4,
        A.REQUEST_SUPPLEMENT: 5,
        A.REJECT: 3,
        A.SUSPEND: 6,
        A.APPROVE: 1,
        A.DENY: 0,
        A.GIVE_UP: 7,
    }
)

_STATUS_ZH = {
    S.RECEIVING: "收件",
    S.AWAIT_SUPPLEMENT: "待补正",
    S.ACCEPTED: "已受理",
    S.TRANSFERRED: "已流转",
    S.IN_REVIEW: "审批中",
    S.SUSPENDED: "特别程序",
    S.DECIDED: "已办结",
    S.READY_FOR_PICKUP: "待出件",
    S.DELIVERED: "已出件",
    S.CLOSED: "已关闭",
}
_ACTION_ZH = {
    A.ACCEPT: "受理", A.ACCEPT_WITH_DEFICIENCY: "容缺受理", A.REQUEST_SUPPLEMENT: "补正告知",
    A.COMPLETE_SUPPLEMENT: "补正完成", A.REJECT: "不予受理", A.GIVE_UP: "退件",
    A.TRANSFER: "流转", A.START_REVIEW: "开始审批", A.SUSPEND: "特别程序", A.RESUME: "恢复审批",
    A.APPROVE: "准予", A.DENY: "不予许可", A.FORWARD: "转报", A.READY: "待出件",
    A.DELIVER: "出件", A.CLOSE: "关闭", A.WITHDRAW: "撤回", A.VOID: "作废",
}


class IllegalTransition(ValueError):  # noqa: N818 - named for what it is, as the services use it
    """`action` is not allowed while a case is in `status`."""

    def __init__(self, status: CaseStatus, action: CaseAction) -> None:
        super().__init__(f"{action.value} not allowed in {status.value}")
        self.code = "illegal_transition"
        self.status = status
        self.action = action

    @property
    def message_zh(self) -> str:
        """A Chinese sentence naming the status, the refused action and what is possible."""
        allowed = "、".join(_ACTION_ZH[a] for a in A if a in _ALLOWED[self.status]) or "无"
        return (
            f"办件当前状态为“{_STATUS_ZH[self.status]}”，不能执行“{_ACTION_ZH[self.action]}”；"
            f"可执行的操作：{allowed}"
        )


class ReasonRequired(ValueError):  # noqa: N818 - parallels IllegalTransition
    """`action` needs a written reason (platform result codes 1–5, 不予受理, 撤回)."""

    def __init__(self, action: CaseAction) -> None:
        super().__init__(f"{action.value} needs a reason")
        self.code = "reason_required"
        self.action = action

    @property
    def message_zh(self) -> str:
        """A Chinese sentence asking for the reason."""
        return f"“{_ACTION_ZH[self.action]}”必须填写理由，请填写后再提交"


def transition(status: CaseStatus, action: CaseAction) -> CaseStatus:
    """The status after `action`, or IllegalTransition if the action is not allowed now."""
    try:
        return _TABLE[status][action]
    except KeyError:
        raise IllegalTransition(status, action) from None


def allowed_actions(status: CaseStatus) -> frozenset[CaseAction]:
    """Every action that may be taken in `status` (empty once closed)."""
    return _ALLOWED[status]


# 办结 for deadlines and the on-time rate: a result exists (decided), whether or not it was handed over yet.
FINISHED_STATUSES: frozenset[CaseStatus] = frozenset(
    {CaseStatus.DECIDED, CaseStatus.READY_FOR_PICKUP, CaseStatus.DELIVERED})


def is_final(status: CaseStatus) -> bool:
    """Whether nothing more can happen to the case."""
    return not _ALLOWED[status]


def requires_reason(action: CaseAction) -> bool:
    """Whether the action must carry a written reason (it is printed or sent to the platform)."""
    return action in _NEEDS_REASON


@dataclass(frozen=True)
class CaseEventRecord:
    """One transition as it will be stored in CaseEvent and mapped to the platform's codes."""

    action: CaseAction
    from_status: CaseStatus
    to_status: CaseStatus
    at: datetime  # UTC, timezone-aware
    operator_id: str
    reason: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def result_code(self) -> ResultCode | None:
        """The finish code when this event ends the case's handling, else None."""
        return RESULT_CODE_FOR_ACTION.get(self.action)


def record_transition(
    status: CaseStatus,
    action: CaseAction,
    *,
    at: datetime,
    operator_id: str,
    reason: str | None = None,
    data: Mapping[str, Any] | None = None,
) -> CaseEventRecord:
    """Check the transition and the reason and return the event to store with the new status."""
    to_status = transition(status, action)
    reason = (reason or "").strip() or None
    if requires_reason(action) and reason is None:
        raise ReasonRequired(action)
    if at.utcoffset() != timedelta(0):
        # stored timestamps are UTC; a naive or local time here is a programming error
        raise ValueError("event time must be a timezone-aware UTC datetime")
    return CaseEventRecord(action, status, to_status, at, operator_id, reason, dict(data or {}))
