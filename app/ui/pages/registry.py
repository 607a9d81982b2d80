"""Which pages the main window shows, for which roles, and how each is built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from app.security.roles import Permission
from app.services.auth import OperatorInfo
from app.services.context import AppContext

PageFactory = Callable[[AppContext, OperatorInfo], QWidget]


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry: key, title (translated at use), who may open it, how to build it."""

    key: str
    title: str
    permission: Permission | None
    factory: PageFactory
    shortcut: str = ""


def _not_yet(text: str) -> PageFactory:
    def build(_ctx: AppContext, _op: OperatorInfo) -> QWidget:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setMargin(40)
        return label

    return build


def _catalogue(ctx: AppContext, _op: OperatorInfo) -> QWidget:
    from app.ui.pages.catalogue import CataloguePage

    return CataloguePage(ctx.catalogue)


def _queue(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.queue import QueuePage
    from app.ui.slip_printer import slip_printer_for

    info = ctx.station.get()
    return QueuePage(ctx.queue, operator_id=op.id, clock=ctx.clock, station_name=info.name if info else "",
                     printer=slip_printer_for(ctx.documents))


def _settings(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.settings import SettingsPage

    return SettingsPage(ctx, op)


def _intake(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.intake import IntakePage

    return IntakePage(ctx, op)


def _cases(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.cases import CasesPage

    return CasesPage(ctx, op)


def _sync(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.sync import SyncPage

    return SyncPage(ctx.sync, op, ctx.settings.tz)


def _stats(ctx: AppContext, _op: OperatorInfo) -> QWidget:
    from app.ui.pages.stats import StatsPage

    return StatsPage(ctx)


def _bad_reviews(ctx: AppContext, op: OperatorInfo) -> QWidget:
    from app.ui.pages.bad_reviews import BadReviewsPage

    return BadReviewsPage(ctx, op)


def default_pages() -> list[PageSpec]:
    """The pages in navigation order; each later issue replaces its placeholder with the real page."""
    return [
        PageSpec("queue", QT_TRANSLATE_NOOP("pages", "叫号"), Permission.QUEUE_OPERATE, _queue, "F2"),
        PageSpec("intake", QT_TRANSLATE_NOOP("pages", "受理"), Permission.INTAKE_OPERATE, _intake, "F3"),
        PageSpec("cases", QT_TRANSLATE_NOOP("pages", "办件"), Permission.CASES_OPERATE, _cases, "F4"),
        PageSpec("catalogue", QT_TRANSLATE_NOOP("pages", "事项目录"), None, _catalogue, "F5"),
        PageSpec("stats", QT_TRANSLATE_NOOP("pages", "统计"), Permission.STATS_READ, _stats, "F6"),
        PageSpec("bad_reviews", QT_TRANSLATE_NOOP("pages", "差评回访"), Permission.BADREVIEW_HANDLE, _bad_reviews,
                 "Shift+F8"),
        PageSpec("settings", QT_TRANSLATE_NOOP("pages", "设置"), Permission.SETTINGS_ADMIN, _settings, "F7"),
        PageSpec("sync", QT_TRANSLATE_NOOP("pages", "同步"), Permission.SYNC_OPERATE, _sync, "Ctrl+F7"),
    ]
