"""The main window: navigation to the pages a role may open, the status bar, the idle lock."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.security.roles import Permission
from app.services.auth import OperatorInfo
from app.services.context import AppContext
from app.services.station import StationInfo
from app.ui.idle_lock import IdleWatcher, LockOverlay
from app.ui.pages.registry import PageSpec, default_pages
from app.ui.tasks import run_task

log = logging.getLogger(__name__)

DEFAULT_RATINGS_INTERVAL_MS = 3_600_000


class MainWindow(QMainWindow):
    """One window per install: the counter's whole day happens here."""

    sig_page_changed = Signal(str)
    """The key of the page now shown."""

    def __init__(self, ctx: AppContext, operator: OperatorInfo, station: StationInfo,
                 pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self.operator = operator
        self.station = station
        self._specs = [p for p in (pages or default_pages()) if p.permission is None or operator.can(p.permission)]
        self.pages: dict[str, QWidget] = {}
        self._build_ui()
        self._connect_signals()
        self.queue_dock = None
        if operator.can(Permission.QUEUE_OPERATE):
            from app.ui.queue_panel import QueueDock  # the compact queue panel beside intake

            self.queue_dock = QueueDock(self, ctx, operator, station)
        self.show_page(self._specs[0].key)

    # ---- Public API
    def show_page(self, key: str) -> QWidget:
        """Switch to a page (built on first visit, so start-up stays fast)."""
        spec = next(s for s in self._specs if s.key == key)
        if key not in self.pages:
            page = spec.factory(self._ctx, self.operator)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.pages[key])
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._specs.index(spec))
        self.nav.blockSignals(False)
        self.sig_page_changed.emit(key)
        return self.pages[key]

    def page_keys(self) -> list[str]:
        """The pages this operator may open, in order."""
        return [s.key for s in self._specs]

    def set_sync_state(self, text: str) -> None:
        """What the status bar says about the district platform."""
        self.sync_label.setText(text)

    def refresh_sync_state(self) -> None:
        """Show the outbox's real state (已同步 / 待上传 N / 离线 … / 隔离 N); called every 5 s."""
        try:
            self.set_sync_state(self._ctx.sync.status().text)
        except Exception:  # a busy or broken database must not take the status bar down with it
            log.exception("sync status unavailable")

    def apply_default_ratings(self) -> None:
        """Run the default-rating rule off the UI thread (does nothing unless the setting is on)."""
        run_task(self._ctx.evaluation.apply_defaults, on_done=self._on_default_ratings,
                 on_error=lambda exc: log.warning("default ratings not applied: %s", exc))

    def _on_default_ratings(self, count: int) -> None:
        if count:
            log.info("%d unrated requests recorded as default 基本满意", count)  # i18n: keep (log, not shown)

    def lock(self) -> None:
        """Cover the window until the operator's password is given."""
        self.lock_overlay.lock()

    # ---- Qt overrides
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_overlay.locked:
            self.lock_overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        super().closeEvent(event)

    # ---- Private
    def _build_ui(self) -> None:
        title = self.tr("一窗 综合受理") + f" — {self.station.name} {self.tr('窗口')}{self.station.window_no}"
        if self.station.demo or self._ctx.settings.demo:
            title += f"（{self.tr('演示环境')}）"
        self.setWindowTitle(title)
        self.resize(1280, 800)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for spec in self._specs:
            text = QCoreApplication.translate("pages", spec.title)
            item = QListWidgetItem(f"{text}\t{spec.shortcut}" if spec.shortcut else text)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        # Wide enough for the longest "name<Tab>shortcut" in the current language, so no shortcut is clipped.
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()))
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.lock_overlay = LockOverlay(self, operator_name=self.operator.display_name,
                                        verify=lambda pw: self._ctx.auth.verify_current(self.operator.id, pw))
        self.idle = IdleWatcher(self._ctx.settings.idle_lock_minutes, self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        role = {"clerk": self.tr("窗口人员"), "supervisor": self.tr("值班长"), "admin": self.tr("管理员")}
        self.station_label = QLabel(f"{self.station.name}（{self.station.area_code}）")
        self.window_label = QLabel(self.tr("窗口") + f" {self.station.window_no}")
        self.operator_label = QLabel(f"{self.operator.display_name}（{role[self.operator.role.value]}）")
        self.sync_label = QLabel(self.tr("未连接区平台"))
        self.sync_label.setObjectName("sync_state")
        for w in (self.station_label, self.window_label, self.operator_label):
            bar.addWidget(w)
        bar.addPermanentWidget(self.sync_label)

    def _on_search_shortcut(self) -> None:
        # The item search is reachable from every page, even before the intake page was first opened.
        page = self.show_page("intake")
        focus = getattr(page, "focus_search", None)
        if focus is not None:
            focus()

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(lambda row: self.show_page(self._specs[row].key))
        self.idle.sig_idle.connect(self.lock)
        for spec in self._specs:
            if spec.shortcut:
                QShortcut(QKeySequence(spec.shortcut), self, activated=lambda k=spec.key: self.show_page(k))
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        if "intake" in self.page_keys():
            QShortcut(QKeySequence("Ctrl+K"), self, activated=self._on_search_shortcut)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(5000)
        self.sync_timer.timeout.connect(self.refresh_sync_state)
        self.sync_timer.start()
        self.refresh_sync_state()
        # 默认好评 (a local setting, off unless turned on): unrated requests older than N days become 基本满意.
        # A day-scale rule needs no finer check than hourly; at start-up it catches up on the nights it was closed.
        self.defaults_timer = QTimer(self)
        self.defaults_timer.setInterval(DEFAULT_RATINGS_INTERVAL_MS)
        self.defaults_timer.timeout.connect(self.apply_default_ratings)
        self.defaults_timer.start()
        self.apply_default_ratings()
