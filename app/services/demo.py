"""The demo profile: a demo station, one account per role, the demo catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import StationLevel, resources_dir
from app.security.roles import Role
from app.services.context import AppContext


@dataclass(frozen=True)
class DemoAccount:
    """A demo login listed in the README."""

    username: str
    display_name: str
    role: Role
    password: str


DEMO_PASSWORD = "yichuang2026"
DEMO_ACCOUNTS = (
    DemoAccount("clerk", "王小梅", Role.CLERK, DEMO_PASSWORD),
    DemoAccount("supervisor", "李建国", Role.SUPERVISOR, DEMO_PASSWORD),
    DemoAccount("admin", "张磊", Role.ADMIN, DEMO_PASSWORD),
)
DEMO_AREA_CODE = "511602000000"


def fill_demo(ctx: AppContext) -> None:
    """Make a fresh profile usable at once; each part is skipped when already there (safe to re-run)."""
    if ctx.station.get() is None:
        ctx.station.set_up(area_code=DEMO_AREA_CODE, name="示范区政务服务中心", level=StationLevel.DISTRICT,
                           window_no="3", agency_name="示范区政务服务管理局", demo=True, by="demo")
    existing = {o.username for o in ctx.auth.list_operators()}
    for acc in DEMO_ACCOUNTS:
        if acc.username not in existing:
            ctx.auth.create_operator(username=acc.username, display_name=acc.display_name, role=acc.role,
                                     password=acc.password, by="demo")
    if ctx.catalogue.active_version() is None:
        ctx.catalogue.import_file(resources_dir() / "catalogue" / "demo.json", by="demo")
