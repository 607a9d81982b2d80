"""Accounts: each role logs in; five wrong passwords lock for fifteen minutes; the audit records it."""

from __future__ import annotations

import pytest

from app.security.roles import Permission, Role
from app.services.errors import ServiceError


@pytest.mark.parametrize(("username", "role"), [("clerk", Role.CLERK), ("supervisor", Role.SUPERVISOR),
                                                ("admin", Role.ADMIN)])
def test_each_demo_role_logs_in(ctx, username: str, role: Role) -> None:
    op = ctx.auth.login(username, "yichuang2026")
    assert op.role is role
    assert op.can(Permission.SETTINGS_ADMIN) is (role is Role.ADMIN)


def test_five_wrong_passwords_lock_for_fifteen_minutes(ctx) -> None:
    for n in range(1, 5):
        with pytest.raises(ServiceError) as err:
            ctx.auth.login("clerk", "wrong-pass1")
        assert f"再错{5 - n}次" in err.value.message_zh
    with pytest.raises(ServiceError) as err:
        ctx.auth.login("clerk", "wrong-pass1")
    assert err.value.code == "locked"
    with pytest.raises(ServiceError) as err:  # even the right password is refused while locked
        ctx.auth.login("clerk", "yichuang2026")
    assert err.value.code == "locked" and "分钟" in err.value.message_zh
    ctx.clock.advance(minutes=14, seconds=59)
    with pytest.raises(ServiceError):
        ctx.auth.login("clerk", "yichuang2026")
    ctx.clock.advance(seconds=2)
    assert ctx.auth.login("clerk", "yichuang2026").username == "clerk"


def test_success_resets_the_failure_count(ctx) -> None:
    for _ in range(4):
        with pytest.raises(ServiceError):
            ctx.auth.login("clerk", "wrong-pass1")
    ctx.auth.login("clerk", "yichuang2026")
    with pytest.raises(ServiceError) as err:
        ctx.auth.login("clerk", "wrong-pass1")
    assert "再错4次" in err.value.message_zh


def test_unknown_user_and_weak_password(ctx) -> None:
    with pytest.raises(ServiceError) as err:
        ctx.auth.login("nobody", "whatever1")
    assert err.value.code == "bad_credentials"
    with pytest.raises(ServiceError) as err:
        ctx.auth.create_operator(username="new", display_name="新人", role=Role.CLERK, password="short")
    assert err.value.code == "weak_password"
    with pytest.raises(ServiceError) as err:
        ctx.auth.create_operator(username="clerk", display_name="重名", role=Role.CLERK, password="abcdefg123")
    assert err.value.code == "duplicate_username"


def test_verify_current_for_unlock(ctx) -> None:
    op = ctx.auth.login("supervisor", "yichuang2026")
    assert ctx.auth.verify_current(op.id, "yichuang2026") is True
    assert ctx.auth.verify_current(op.id, "nope-nope1") is False
