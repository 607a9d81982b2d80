"""Tests for the account lockout rules (5 wrong passwords → locked 15 minutes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.security.lockout import (
    LockoutPolicy,
    LoginAttemptState,
    is_locked,
    register_failure,
    register_success,
    remaining_lock,
)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
POLICY = LockoutPolicy()


def _fail(times: int, state: LoginAttemptState | None = None, at: datetime = T0) -> LoginAttemptState:
    state = state or LoginAttemptState()
    for _ in range(times):
        state = register_failure(state, at, POLICY)
    return state


def test_defaults() -> None:
    assert POLICY.max_failures == 5 and POLICY.lock_minutes == 15
    assert LoginAttemptState() == LoginAttemptState(failures=0, locked_until=None)


def test_four_failures_do_not_lock() -> None:
    state = _fail(4)
    assert state.failures == 4
    assert not is_locked(state, T0)
    assert remaining_lock(state, T0) == timedelta(0)


def test_fifth_failure_locks_for_fifteen_minutes() -> None:
    state = _fail(5)
    assert is_locked(state, T0)
    assert state.locked_until == T0 + timedelta(minutes=15)
    assert remaining_lock(state, T0 + timedelta(minutes=5)) == timedelta(minutes=10)
    assert is_locked(state, T0 + timedelta(minutes=14, seconds=59))
    assert not is_locked(state, T0 + timedelta(minutes=15))
    assert remaining_lock(state, T0 + timedelta(minutes=16)) == timedelta(0)


def test_failures_while_locked_do_not_extend_the_lock() -> None:
    locked = _fail(5)
    later = register_failure(locked, T0 + timedelta(minutes=10), POLICY)
    assert later == locked


def test_after_lock_expires_counting_starts_again() -> None:
    after = T0 + timedelta(minutes=15)
    state = register_failure(_fail(5), after, POLICY)
    assert state == LoginAttemptState(failures=1, locked_until=None)
    assert is_locked(_fail(4, state, after), after)


def test_success_clears_failures() -> None:
    state = register_success(_fail(4))
    assert state == LoginAttemptState()
    assert not is_locked(_fail(4, state), T0)


def test_custom_policy() -> None:
    policy = LockoutPolicy(max_failures=2, lock_minutes=1)
    state = register_failure(register_failure(LoginAttemptState(), T0, policy), T0, policy)
    assert remaining_lock(state, T0) == timedelta(minutes=1)


def test_state_is_frozen() -> None:
    state = LoginAttemptState()
    try:
        state.failures = 3  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("LoginAttemptState must be immutable")
