"""Accounts and logins: argon2id hashes, lockout after 5 wrong passwords, idle-lock unlock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Operator
from app.db.session import Database
from app.security.lockout import (
    LockoutPolicy,
    LoginAttemptState,
    is_locked,
    register_failure,
    remaining_lock,
)
from app.security.passwords import check_password_policy, hash_password, verify_password
from app.security.roles import Permission, Role, has_permission
from app.services.audit import append_audit
from app.services.clock import Clock
from app.services.errors import ServiceError


@dataclass(frozen=True)
class OperatorInfo:
    """The logged-in person as the window needs to know them."""

    id: str
    username: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        """Whether this person's role grants `permission`."""
        return has_permission(self.role, permission)


def _info(row: Operator) -> OperatorInfo:
    return OperatorInfo(row.id, row.username, row.display_name, Role(row.role))


class AuthService:
    """Log in, unlock the idle lock, manage accounts."""

    def __init__(self, db: Database, clock: Clock, *, fast_hash: bool = False,
                 policy: LockoutPolicy | None = None) -> None:
        self._db = db
        self._clock = clock
        self._fast = fast_hash
        self._policy = policy or LockoutPolicy()

    # ---- Public API
    def login(self, username: str, password: str) -> OperatorInfo:
        """The operator for a correct password; a ServiceError saying why otherwise."""
        now = self._clock.now()
        with self._db.session() as s:
            row = s.execute(select(Operator).where(Operator.username == username.strip())).scalar_one_or_none()
            if row is None or not row.active:
                append_audit(s, at=now, operator=username[:40], action="login.unknown")
                error = ServiceError("用户名或密码不正确，请重新输入。", code="bad_credentials")
            else:
                self._check_not_locked(row, now)
                if verify_password(row.password_hash, password):
                    row.failures, row.locked_until = 0, None
                    append_audit(s, at=now, operator=row.username, action="login.ok")
                    return _info(row)
                error = self._record_failure(s, row, now)
        # Raised after the block so the failure count and the audit row are committed first.
        raise error

    def verify_current(self, operator_id: str, password: str) -> bool:
        """Unlock the idle lock: the same lockout rules as a login."""
        with self._db.session() as s:
            row = s.get(Operator, operator_id)
            if row is None:
                return False
            username = row.username
        try:
            self.login(username, password)
        except ServiceError:
            return False
        return True

    def create_operator(self, *, username: str, display_name: str, role: Role, password: str,
                        by: str = "setup") -> OperatorInfo:
        """A new account; the password must meet the policy."""
        try:
            check_password_policy(password)
        except ValueError as exc:
            raise ServiceError(getattr(exc, "message_zh", str(exc)), code="weak_password") from exc
        now = self._clock.now()
        with self._db.session() as s:
            if s.execute(select(Operator.id).where(Operator.username == username)).first():
                raise ServiceError(f"用户名“{username}”已存在，请换一个。", code="duplicate_username")
            row = Operator(username=username, display_name=display_name, role=role.value,
                           password_hash=hash_password(password, fast=self._fast), created_at=now)
            s.add(row)
            s.flush()
            append_audit(s, at=now, operator=by, action="operator.create",
                         detail={"username": username, "role": role.value})
            return _info(row)

    def list_operators(self) -> list[OperatorInfo]:
        """Every active account, by username."""
        with self._db.session() as s:
            rows = s.execute(select(Operator).where(Operator.active).order_by(Operator.username)).scalars()
            return [_info(r) for r in rows]

    # ---- Private
    def _check_not_locked(self, row: Operator, now: datetime) -> None:
        state = LoginAttemptState(row.failures, row.locked_until)
        if is_locked(state, now):
            minutes = max(1, round(remaining_lock(state, now).total_seconds() / 60))
            raise ServiceError(
                f"密码连续输错{self._policy.max_failures}次，账号已锁定，请{minutes}分钟后再试，"
                "或请管理员解锁。", code="locked")

    def _record_failure(self, s: Session, row: Operator, now: datetime) -> ServiceError:
        state = register_failure(LoginAttemptState(row.failures, row.locked_until), now, self._policy)
        row.failures, row.locked_until = state.failures, state.locked_until
        append_audit(s, at=now, operator=row.username, action="login.failed",
                     detail={"failures": state.failures})
        if state.locked_until is not None:
            return ServiceError(
                f"密码连续输错{self._policy.max_failures}次，账号已锁定{self._policy.lock_minutes}分钟。",
                code="locked")
        left = self._policy.max_failures - state.failures
        return ServiceError(f"用户名或密码不正确，再错{left}次账号将被锁定{self._policy.lock_minutes}分钟。",
                            code="bad_credentials")


