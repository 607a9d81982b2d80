"""The 办件 state machine: every (status, action) pair, reasons, result and platform codes, events."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.domain.cases import (
    PLATFORM_EVENT_CODE,
    RESULT_CODE_FOR_ACTION,
    CaseAction,
    CaseEventRecord,
    CaseStatus,
    IllegalTransition,
    ReasonRequired,
    ResultCode,
    allowed_actions,
    is_final,
    record_transition,
    requires_reason,
    transition,
)

S = CaseStatus
A = CaseAction

# The expected machine, written out independently of the module's table.
LEGAL: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (S.RECEIVING, A.ACCEPT): S.ACCEPTED,
    (S.RECEIVING, A.ACCEPT_WITH_DEFICIENCY): S.ACCEPTED,
    (S.RECEIVING, A.REQUEST_SUPPLEMENT): S.AWAIT_SUPPLEMENT,
    (S.RECEIVING, A.REJECT): S.CLOSED,
    (S.RECEIVING, A.WITHDRAW): S.CLOSED,
    (S.RECEIVING, A.VOID): S.CLOSED,
    (S.AWAIT_SUPPLEMENT, A.COMPLETE_SUPPLEMENT): S.ACCEPTED,
    (S.AWAIT_SUPPLEMENT, A.GIVE_UP): S.CLOSED,
    (S.AWAIT_SUPPLEMENT, A.REJECT): S.CLOSED,
    (S.AWAIT_SUPPLEMENT, A.WITHDRAW): S.CLOSED,
    (S.AWAIT_SUPPLEMENT, A.VOID): S.CLOSED,
    (S.ACCEPTED, A.TRANSFER): S.TRANSFERRED,
    (S.ACCEPTED, A.APPROVE): S.DECIDED,
    (S.ACCEPTED, A.DENY): S.DECIDED,
    (S.ACCEPTED, A.WITHDRAW): S.CLOSED,
    (S.ACCEPTED, A.VOID): S.CLOSED,
    (S.TRANSFERRED, A.START_REVIEW): S.IN_REVIEW,
    (S.TRANSFERRED, A.WITHDRAW): S.CLOSED,
    (S.TRANSFERRED, A.VOID): S.CLOSED,
    (S.IN_REVIEW, A.SUSPEND): S.SUSPENDED,
    (S.IN_REVIEW, A.APPROVE): S.DECIDED,
    (S.IN_REVIEW, A.DENY): S.DECIDED,
    (S.IN_REVIEW, A.FORWARD): S.DECIDED,
    (S.IN_REVIEW, A.WITHDRAW): S.CLOSED,
    (S.IN_REVIEW, A.VOID): S.CLOSED,
    (S.SUSPENDED, A.RESUME): S.IN_REVIEW,
    (S.SUSPENDED, A.WITHDRAW): S.CLOSED,
    (S.SUSPENDED, A.VOID): S.CLOSED,
    (S.DECIDED, A.READY): S.READY_FOR_PICKUP,
    (S.DECIDED, A.CLOSE): S.CLOSED,
    (S.DECIDED, A.VOID): S.CLOSED,
    (S.READY_FOR_PICKUP, A.DELIVER): S.DELIVERED,
    (S.READY_FOR_PICKUP, A.VOID): S.CLOSED,
    (S.DELIVERED, A.CLOSE): S.CLOSED,
    (S.DELIVERED, A.VOID): S.CLOSED,
}
ALL_PAIRS = list(itertools.product(CaseStatus, CaseAction))
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in LEGAL]
NOW = datetime(2026, 11, 27, 2, 30, tzinfo=UTC)


def test_enums_are_complete() -> None:
    assert len(CaseStatus) == 10 and len(CaseAction) == 18
    assert len(ALL_PAIRS) == len(LEGAL) + len(ILLEGAL) == 180
    assert CaseStatus.AWAIT_SUPPLEMENT == "await_supplement"  # str values for storage


@pytest.mark.parametrize(("status", "action"), list(LEGAL), ids=lambda v: v.value)
def test_legal_transition(status: CaseStatus, action: CaseAction) -> None:
    assert transition(status, action) is LEGAL[(status, action)]
    assert action in allowed_actions(status)


@pytest.mark.parametrize(("status", "action"), ILLEGAL, ids=lambda v: v.value)
def test_illegal_transition(status: CaseStatus, action: CaseAction) -> None:
    with pytest.raises(IllegalTransition) as info:
        transition(status, action)
    assert (info.value.status, info.value.action) == (status, action)
    assert action not in allowed_actions(status)
    assert "不能执行" in info.value.message_zh


def test_illegal_message_is_clear() -> None:
    with pytest.raises(IllegalTransition) as info:
        transition(S.DELIVERED, A.APPROVE)
    assert info.value.message_zh == "办件当前状态为“已出件”，不能执行“准予”；可执行的操作：关闭、作废"


def test_only_closed_is_final() -> None:
    assert [s for s in CaseStatus if is_final(s)] == [S.CLOSED]
    assert allowed_actions(S.CLOSED) == frozenset()


def test_withdraw_only_before_a_decision() -> None:
    can = {s for s in CaseStatus if A.WITHDRAW in allowed_actions(s)}
    assert can == {S.RECEIVING, S.AWAIT_SUPPLEMENT, S.ACCEPTED, S.TRANSFERRED, S.IN_REVIEW, S.SUSPENDED}


def test_every_state_reaches_closed() -> None:
    reached = {S.RECEIVING}
    frontier = [S.RECEIVING]
    while frontier:
        status = frontier.pop()
        for action in allowed_actions(status):
            nxt = transition(status, action)
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    assert reached == set(CaseStatus)


def test_instant_case_path() -> None:
    status = S.RECEIVING
    for action in (A.ACCEPT, A.APPROVE, A.READY, A.DELIVER, A.CLOSE):
        status = transition(status, action)
    assert status is S.CLOSED


def test_reasons() -> None:
    needing = {a for a in CaseAction if requires_reason(a)}
    assert needing == {A.REJECT, A.GIVE_UP, A.DENY, A.FORWARD, A.WITHDRAW, A.VOID}
    # platform finish codes 1..5 and 不予受理 (6) all need a reason; 出证办结 (0) does not
    for action, code in RESULT_CODE_FOR_ACTION.items():
        assert requires_reason(action) == (code != ResultCode.ISSUED)


def test_result_codes() -> None:
    assert [int(c) for c in ResultCode] == [0, 1, 2, 3, 4, 5, 6]
    assert RESULT_CODE_FOR_ACTION[A.REJECT] is ResultCode.NOT_ACCEPTED
    assert RESULT_CODE_FOR_ACTION[A.GIVE_UP] is ResultCode.RETURNED
    assert RESULT_CODE_FOR_ACTION[A.APPROVE] is ResultCode.ISSUED


def test_platform_event_codes() -> None:
    assert PLATFORM_EVENT_CODE[A.ACCEPT] == 4
    assert PLATFORM_EVENT_CODE[A.REQUEST_SUPPLEMENT] == 5
    assert PLATFORM_EVENT_CODE[A.REJECT] == 3
    assert PLATFORM_EVENT_CODE[A.SUSPEND] == 6
    assert set(PLATFORM_EVENT_CODE.values()) <= set(range(8))


def test_record_transition() -> None:
    event = record_transition(
        S.IN_REVIEW, A.DENY, at=NOW, operator_id="op-1", reason="  不符合条件 ", data={"basis": "第38条"}
    )
    assert event == CaseEventRecord(
        A.DENY, S.IN_REVIEW, S.DECIDED, NOW, "op-1", "不符合条件", {"basis": "第38条"}
    )
    assert event.result_code is ResultCode.DENIED
    with pytest.raises(AttributeError):
        event.reason = "x"  # type: ignore[misc]


def test_record_transition_checks_reason_state_and_time() -> None:
    with pytest.raises(ReasonRequired) as info:
        record_transition(S.RECEIVING, A.REJECT, at=NOW, operator_id="op-1", reason="  ")
    assert info.value.message_zh == "“不予受理”必须填写理由，请填写后再提交"
    with pytest.raises(IllegalTransition):
        record_transition(S.CLOSED, A.ACCEPT, at=NOW, operator_id="op-1")
    with pytest.raises(ValueError):
        record_transition(S.RECEIVING, A.ACCEPT, at=NOW.replace(tzinfo=None), operator_id="op-1")
    local = NOW.astimezone(timezone(timedelta(hours=8)))
    with pytest.raises(ValueError):
        record_transition(S.RECEIVING, A.ACCEPT, at=local, operator_id="op-1")
    ok = record_transition(S.RECEIVING, A.ACCEPT, at=NOW, operator_id="op-1")
    assert ok.reason is None and ok.data == {} and ok.result_code is None
