"""Account lockout after repeated wrong passwords (pure logic; the DB stores the state on the operator)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class LockoutPolicy:
    """How many consecutive failures lock an account, and for how long."""

    max_failures: int = 5
    lock_minutes: int = 15

    @property
    def lock_duration(self) -> timedelta:
        """The lock period as a timedelta."""
        return timedelta(minutes=self.lock_minutes)


@dataclass(frozen=True)
class LoginAttemptState:
    """Consecutive failed logins and, when locked, the (UTC) moment the lock ends."""

    failures: int = 0
    locked_until: datetime | None = None


def is_locked(state: LoginAttemptState, now: datetime) -> bool:
    """True while `now` is before the lock's end."""
    return state.locked_until is not None and now < state.locked_until


def remaining_lock(state: LoginAttemptState, now: datetime) -> timedelta:
    """Time left on the lock; zero when not locked."""
    if not is_locked(state, now):
        return timedelta(0)
    assert state.locked_until is not None
    return state.locked_until - now


def register_failure(state: LoginAttemptState, now: datetime, policy: LockoutPolicy) -> LoginAttemptState:
    """Record a wrong password; the max_failures-th consecutive failure locks for lock_minutes.

    A failure while locked does not extend the lock (so an attacker cannot keep a clerk locked out
    forever by hammering the account); the caller should not even check the password then.
    """
    if is_locked(state, now):
        return state
    # A lock that has expired starts a fresh count.
    failures = 1 if state.locked_until is not None else state.failures + 1
    if failures >= policy.max_failures:
        return LoginAttemptState(failures=failures, locked_until=now + policy.lock_duration)
    return LoginAttemptState(failures=failures, locked_until=None)


def register_success(state: LoginAttemptState) -> LoginAttemptState:
    """A correct password clears the failure count and any expired lock."""
    return LoginAttemptState(failures=0, locked_until=None)
