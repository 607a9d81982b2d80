"""Every legal and illegal ticket transition, operator pause/resume, and the events they yield."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.domain.queue import (
    LEGAL_MOVES,
    IllegalOperatorTransition,
    IllegalTicketTransition,
    InvalidTransfer,
    OperatorAction,
    OperatorState,
    PriorityClass,
    QueueAction,
    QueueError,
    ReasonRequired,
    TicketState,
    TicketStatus,
    apply,
    apply_operator,
    issue,
)

T0 = datetime(2024, 3, 1, 1, 0, tzinfo=UTC)
S, A = TicketStatus, QueueAction

# The whole table written out by hand, so a change to the rules has to change this test too.
EXPECTED = {
    (A.CALL, S.ISSUED): S.CALLED,
    (A.CALL_SPECIFIC, S.ISSUED): S.CALLED,
    (A.RECALL, S.CALLED): S.CALLED,
    (A.START_SERVING, S.CALLED): S.SERVING,
    (A.FINISH, S.SERVING): S.FINISHED,
    (A.NO_SHOW, S.CALLED): S.NO_SHOW,
    (A.REACTIVATE, S.NO_SHOW): S.ISSUED,
    (A.HOLD, S.CALLED): S.HELD,
    (A.HOLD, S.SERVING): S.HELD,
    (A.CALL_BACK, S.HELD): S.CALLED,
    (A.TRANSFER, S.ISSUED): S.ISSUED,
    (A.TRANSFER, S.CALLED): S.ISSUED,
    (A.TRANSFER, S.SERVING): S.ISSUED,
    (A.TRANSFER, S.HELD): S.ISSUED,
    (A.CANCEL, S.ISSUED): S.CANCELLED,
    (A.CANCEL, S.CALLED): S.CANCELLED,
    (A.CANCEL, S.HELD): S.CANCELLED,
    (A.CANCEL, S.NO_SHOW): S.CANCELLED,
}


def ticket(status: TicketStatus = S.ISSUED, category: str = "A") -> TicketState:
    return TicketState("t1", "A001", category, PriorityClass.NONE, T0, status=status)


def do(t: TicketState, action: QueueAction, **kw):
    kw.setdefault("reason", "窗口测试" if action is A.CALL_SPECIFIC else None)
    kw.setdefault("to_category", "B" if action is A.TRANSFER else None)
    return apply(t, action, at=T0 + timedelta(minutes=5), operator_id="op1", window_no=1, **kw)


def test_table_matches_hand_written_expectation():
    actual = {(a, s): target for a, (sources, target) in LEGAL_MOVES.items() for s in sources}
    assert actual == EXPECTED


@pytest.mark.parametrize(("action", "status"), sorted(EXPECTED, key=str))
def test_legal_transition_moves_and_records_event(action, status):
    new, event = do(ticket(status), action)
    assert new.status is EXPECTED[(action, status)]
    assert (event.ticket_id, event.action, event.from_status, event.to_status) == (
        "t1",
        action,
        status,
        new.status,
    )
    assert event.at == T0 + timedelta(minutes=5) and event.at.tzinfo is UTC
    assert (event.operator_id, event.window_no, event.category) == ("op1", 1, new.category)
    assert new.ticket_no == "A001" and new.issued_at == T0


ILLEGAL = [(a, s) for a in A for s in S if (a, s) not in EXPECTED]


@pytest.mark.parametrize(("action", "status"), ILLEGAL)
def test_illegal_transition_is_refused_with_typed_error(action, status):
    before = ticket(status)
    with pytest.raises(IllegalTicketTransition) as err:
        do(before, action)
    assert err.value.status is status and err.value.action is action
    assert "A001" in err.value.message_zh
    assert before.status is status  # frozen: nothing changed


def test_finishing_twice_says_so_in_chinese():
    done, _ = do(ticket(S.SERVING), A.FINISH)
    with pytest.raises(IllegalTicketTransition) as err:
        do(done, A.FINISH)
    assert err.value.message_zh == "A001 号当前为“已办结”，不能执行“办结”。请刷新队列后重试。"
    assert err.value.code == "illegal_ticket_transition"


def test_calling_a_finished_ticket_is_refused():
    with pytest.raises(IllegalTicketTransition):
        do(ticket(S.FINISHED), A.CALL)


def test_recall_counts_and_records_the_count():
    t = ticket(S.CALLED)
    for n in (1, 2, 3):
        t, event = do(t, A.RECALL)
        assert t.recall_count == n and event.data["recall_count"] == n
    assert t.status is S.CALLED


def test_transfer_keeps_number_and_issue_time_and_changes_category():
    new, event = do(ticket(S.SERVING, "A"), A.TRANSFER, to_category="C")
    assert (new.ticket_no, new.issued_at, new.category, new.status) == ("A001", T0, "C", S.ISSUED)
    assert event.category == "C" and event.data["from_category"] == "A"
    assert new.window_no is None and new.operator_id is None


@pytest.mark.parametrize("target", [None, "", "A"])
def test_transfer_needs_another_category(target):
    with pytest.raises(InvalidTransfer) as err:
        do(ticket(S.CALLED, "A"), A.TRANSFER, to_category=target)
    assert "转移" in err.value.message_zh


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_call_specific_needs_a_reason(reason):
    with pytest.raises(ReasonRequired) as err:
        do(ticket(), A.CALL_SPECIFIC, reason=reason)
    assert "原因" in err.value.message_zh


def test_call_specific_keeps_its_reason():
    _, event = do(ticket(), A.CALL_SPECIFIC, reason="老人身体不适")
    assert event.reason == "老人身体不适"


def test_no_show_can_be_reactivated_and_called_again():
    t, _ = do(ticket(S.CALLED), A.NO_SHOW)
    t, _ = do(t, A.REACTIVATE)
    t, event = do(t, A.CALL)
    assert t.status is S.CALLED and event.from_status is S.ISSUED


def test_window_is_kept_while_at_window_and_cleared_after():
    called, _ = do(ticket(), A.CALL)
    assert (called.window_no, called.operator_id) == (1, "op1")
    gone, _ = do(called, A.NO_SHOW)
    assert (gone.window_no, gone.operator_id) == (None, None)


def test_issue_is_never_legal_on_an_existing_ticket():
    with pytest.raises(IllegalTicketTransition):
        do(ticket(), A.ISSUE)


def test_issue_creates_waiting_ticket_and_event_in_utc():
    local = datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    t, event = issue(
        ticket_id="t9",
        ticket_no="B007",
        category="B",
        priority=PriorityClass.ELDERLY,
        at=local,
        operator_id=None,
        window_no=None,
    )
    assert t.status is S.ISSUED and t.issued_at == T0 and t.issued_at.tzinfo is UTC
    assert event.action is A.ISSUE and event.to_status is S.ISSUED and event.from_status is None
    assert event.data == {"ticket_no": "B007", "priority": "elderly"}


def test_naive_timestamps_are_refused():
    with pytest.raises(ValueError):
        apply(ticket(), A.CALL, at=datetime(2024, 3, 1, 9), operator_id="op1", window_no=1)


def test_actions_accept_their_stored_string():
    new, event = apply(ticket(), "call", at=T0, operator_id="op1", window_no=1)
    assert new.status is S.CALLED and event.action is A.CALL
    assert {"call": 1}[A.CALL] == 1  # enums hash like their stored value


def test_every_error_is_a_queue_error_with_a_code():
    for cls in (IllegalTicketTransition, ReasonRequired, InvalidTransfer, IllegalOperatorTransition):
        assert issubclass(cls, QueueError) and cls.code != QueueError.code


# ---- Operator pause / resume

OP = OperatorState("op1", 3)


def test_pause_needs_reason_and_resume_clears_it():
    with pytest.raises(ReasonRequired):
        apply_operator(OP, OperatorAction.PAUSE, at=T0)
    paused, event = apply_operator(OP, "pause", at=T0, reason="午休")
    assert paused.paused_since == T0 and paused.pause_reason == "午休"
    assert (event.action, event.ticket_id, event.operator_id, event.window_no) == (
        OperatorAction.PAUSE,
        None,
        "op1",
        3,
    )
    resumed, event = apply_operator(paused, OperatorAction.RESUME, at=T0 + timedelta(minutes=10))
    assert resumed.paused_since is None and event.action is OperatorAction.RESUME


def test_pause_twice_and_resume_without_pause_are_refused():
    paused, _ = apply_operator(OP, OperatorAction.PAUSE, at=T0, reason="会议")
    with pytest.raises(IllegalOperatorTransition) as err:
        apply_operator(paused, OperatorAction.PAUSE, at=T0, reason="会议")
    assert "已处于暂停" in err.value.message_zh
    with pytest.raises(IllegalOperatorTransition) as err:
        apply_operator(OP, OperatorAction.RESUME, at=T0)
    assert "没有暂停" in err.value.message_zh
