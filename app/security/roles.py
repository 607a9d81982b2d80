"""Operator roles and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Operator role; the value is what the database stores."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label_zh(self) -> str:
        """Chinese name shown to people."""
        return _ROLE_LABELS[self]


_ROLE_LABELS: dict[Role, str] = {
    Role.CLERK: "窗口人员",
    Role.SUPERVISOR: "值班长",
    Role.ADMIN: "管理员",
}


class Permission(StrEnum):
    """An action guarded by role."""

    QUEUE_OPERATE = "queue.operate"
    INTAKE_OPERATE = "intake.operate"
    CASES_OPERATE = "cases.operate"
    STATS_READ = "stats.read"
    BADREVIEW_HANDLE = "badreview.handle"
    CATALOGUE_IMPORT = "catalogue.import"
    SETTINGS_ADMIN = "settings.admin"
    ACCOUNTS_ADMIN = "accounts.admin"
    AUDIT_VERIFY = "audit.verify"
    SYNC_OPERATE = "sync.operate"


_CLERK = frozenset({Permission.QUEUE_OPERATE, Permission.INTAKE_OPERATE, Permission.CASES_OPERATE})
# A supervisor (值班长) also covers the counter, reads statistics, handles 差评 and keeps sync going.
_SUPERVISOR = _CLERK | {Permission.STATS_READ, Permission.BADREVIEW_HANDLE, Permission.SYNC_OPERATE}
# The admin may do everything, including counter work when a station is short-staffed.
_ADMIN = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: _ADMIN,
}


def has_permission(role: Role | str, perm: Permission | str) -> bool:
    """True when `role` grants `perm`; unknown role or permission values grant nothing."""
    try:
        role_enum = Role(role)
        perm_enum = Permission(perm)
    except ValueError:
        return False
    return perm_enum in ROLE_PERMISSIONS[role_enum]
