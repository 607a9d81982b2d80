"""Tests for roles and permissions."""

from __future__ import annotations

import pytest

from app.security.roles import ROLE_PERMISSIONS, Permission, Role, has_permission


def test_role_values_and_labels() -> None:
    assert [(r.value, r.label_zh) for r in Role] == [
        ("clerk", "窗口人员"),
        ("supervisor", "值班长"),
        ("admin", "管理员"),
    ]


def test_permission_values() -> None:
    assert {p.value for p in Permission} == {
        "queue.operate",
        "intake.operate",
        "cases.operate",
        "stats.read",
        "badreview.handle",
        "catalogue.import",
        "settings.admin",
        "accounts.admin",
        "audit.verify",
        "sync.operate",
    }


@pytest.mark.parametrize("perm", ["queue.operate", "intake.operate", "cases.operate"])
def test_everyone_does_counter_work(perm: str) -> None:
    assert all(has_permission(role, perm) for role in Role)


@pytest.mark.parametrize(
    "perm", ["stats.read", "badreview.handle", "catalogue.import", "settings.admin", "accounts.admin"]
)
def test_clerk_cannot_supervise_or_administer(perm: str) -> None:
    assert not has_permission(Role.CLERK, perm)


def test_supervisor_reads_stats_and_handles_bad_reviews_but_does_not_administer() -> None:
    assert has_permission(Role.SUPERVISOR, Permission.STATS_READ)
    assert has_permission(Role.SUPERVISOR, Permission.BADREVIEW_HANDLE)
    for perm in (Permission.ACCOUNTS_ADMIN, Permission.SETTINGS_ADMIN, Permission.CATALOGUE_IMPORT):
        assert not has_permission(Role.SUPERVISOR, perm)


def test_admin_has_everything() -> None:
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)


def test_permissions_grow_with_rank() -> None:
    assert ROLE_PERMISSIONS[Role.CLERK] < ROLE_PERMISSIONS[Role.SUPERVISOR] < ROLE_PERMISSIONS[Role.ADMIN]


def test_unknown_values_grant_nothing() -> None:
    assert not has_permission("root", "stats.read")
    assert not has_permission("admin", "nuke.everything")
