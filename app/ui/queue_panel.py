"""The compact queue panel docked beside intake, and the dock that wires it to the screen and the voice."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QGridLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.services.auth import OperatorInfo
from app.services.clock import Clock
from app.services.context import AppContext
from app.services.queue import QueueService
from app.services.station import StationInfo
from app.ui.announcer import Announcer
from app.ui.customer_screen import CustomerScreen
from app.ui.pages.queue_actions import Prompter, QueueActions, format_duration, tr
from app.ui.pages.queue_issue import status_label
from app.ui.rating_pad import RatingPad, install_rating_pad
from app.ui.widgets.errors import guarded

log = logging.getLogger(__name__)


class QueuePanel(QWidget):
    """Current ticket, elapsed time, waiting count and the everyday keys, small enough to sit beside intake."""

    def __init__(self, service: QueueService, *, operator_id: str, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.actions = QueueActions(service, operator_id, Prompter(self), self)
        self.current = None
        self._build_ui()
        self.actions.sig_changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._on_tick)
        self.timer.start()
        self._ticks = 0
        self.refresh()

    # ---- Public API
    @guarded
    def refresh(self) -> None:
        """Re-read the current ticket and the waiting count."""
        service = self.actions.service
        self.current = service.current()
        waiting = len(service.waiting())
        paused = service.window().paused
        self.waiting_label.setText(tr("等候 {n} 人").format(n=waiting) + (tr("（暂停中）") if paused else ""))
        self._show()

    def set_rating_state(self, text: str) -> None:
        """Only whether the applicant's rating is pending or done; never what it was or who gave it."""
        self.rating_label.setText(text)

    # ---- Private
    def _build_ui(self) -> None:
        self.setObjectName("queue_panel")
        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("panel_ticket")
        self.ticket_label.setStyleSheet("font-size: 32px; font-weight: bold; color: #0f2a4a;")
        self.status_label = QLabel()
        self.waiting_label = QLabel()
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = [
            ("btn_call", tr("叫号"), "F9", self._on_call),
            ("btn_recall", tr("重呼"), "F10", self._on_recall),
            ("btn_no_show", tr("过号"), "F11", self._on_no_show),
            ("btn_finish", tr("办结"), "F12", self._on_finish),
            ("btn_finish_intake", tr("办结并受理"), "Shift+F12", self._on_finish_intake),
            ("btn_hold", tr("挂起/回呼"), "Ctrl+H", self._on_hold),
        ]
        for i, (name, text, key, slot) in enumerate(specs):
            button = QPushButton(f"{text} {key}")
            button.setObjectName(name)
            button.clicked.connect(slot)
            # Active only while the dock is visible; the dock hides while the queue page is shown.
            QShortcut(QKeySequence(key), self, activated=slot)
            self.buttons[name] = button
            grid.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.waiting_label)
        self.rating_label = QLabel()
        self.rating_label.setObjectName("rating_state")
        layout.addWidget(self.rating_label)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _show(self) -> None:
        t = self.current
        if t is None:
            self.ticket_label.setText("—")
            self.status_label.setText(tr("空闲：按 F9 叫号"))
            return
        elapsed = format_duration((self._clock.now() - t.since).total_seconds())
        self.ticket_label.setText(t.ticket_no)
        self.status_label.setText(f"{status_label(t.status)} · {elapsed}")

    def _on_tick(self) -> None:
        self._ticks += 1
        if self._ticks % 5 == 0 and self.isVisible():
            self.refresh()
        else:
            self._show()

    @guarded
    def _on_call(self) -> None:
        self.actions.call_next()

    @guarded
    def _on_recall(self) -> None:
        self.actions.recall()

    @guarded
    def _on_no_show(self) -> None:
        self.actions.no_show()

    @guarded
    def _on_finish(self) -> None:
        self.actions.finish()

    @guarded
    def _on_finish_intake(self) -> None:
        self.actions.finish(start_intake=True)

    @guarded
    def _on_hold(self) -> None:
        self.actions.hold_or_call_back()


class QueueDock(QDockWidget):
    """Docks the panel on the right, owns the customer screen and the voice, and follows the queue page."""

    def __init__(self, window: QMainWindow, ctx: AppContext, operator: OperatorInfo, station: StationInfo) -> None:
        super().__init__(tr("叫号"), window)
        self.setObjectName("queue_dock")
        self._window = window
        self._service = ctx.queue
        self.panel = QueuePanel(ctx.queue, operator_id=operator.id, clock=ctx.clock)
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.announcer = Announcer(enabled=ctx.settings.voice, parent=self)
        self._ctx = ctx
        self._operator = operator
        self.screen_window: CustomerScreen | None = None
        self.rating_pad: RatingPad | None = None
        if ctx.settings.second_screen:
            self.screen_window = CustomerScreen(station_name=station.name, window_no=station.window_no, parent=window)
            self.rating_pad = install_rating_pad(self.screen_window, ctx.evaluation)
            self.screen_window.place()
        if self.rating_pad is not None:
            self.rating_pad.rated.connect(self._on_rated)
        self._wired: set[int] = set()
        self.wire(self.panel.actions)
        window.sig_page_changed.connect(self._on_page_changed)  # type: ignore[attr-defined]

    # ---- Public API
    def wire(self, actions: QueueActions) -> None:
        """Send a view's calls to the screen and voice, and its changes to the other views."""
        if id(actions) in self._wired:
            return
        self._wired.add(id(actions))
        actions.sig_called.connect(self._on_called)
        actions.sig_changed.connect(self._on_changed)
        actions.sig_start_intake.connect(self._on_start_intake)
        actions.sig_finished.connect(self._on_finished)

    # ---- Private
    def _on_page_changed(self, key: str) -> None:
        # The page has every control: hide the panel there, so the same keys are not bound twice.
        self.setVisible(key != "queue")
        page = self._window.pages.get("queue") if hasattr(self._window, "pages") else None  # type: ignore[attr-defined]
        if page is not None and hasattr(page, "actions"):
            self.wire(page.actions)

    def _on_called(self, ticket_no: str, window_no: str) -> None:
        if self.screen_window is not None:
            self.screen_window.show_call(ticket_no, window_no)
        self.announcer.announce(ticket_no, window_no)

    def _on_changed(self) -> None:
        page = getattr(self._window, "pages", {}).get("queue")
        for view in (self.panel, page):
            if view is not None and getattr(view, "actions", None) is not self.sender():
                view.refresh()
        if self.screen_window is not None:
            try:
                window = self._service.window()
                if window.paused:
                    self.screen_window.show_idle(tr("暂停服务，请稍候"))
                self.screen_window.set_next(self._service.upcoming())
            except Exception:  # the display must never break the counter
                log.exception("customer screen update failed")

    def _on_finished(self, ticket_id: str) -> None:
        # Ask after every finished service; the pad starts blank and the clerk only sees "待评价/已评价".
        try:
            request = self._ctx.evaluation.request(by=self._operator.id, ticket_id=ticket_id)
        except Exception:  # a rating problem must never block the counter
            log.exception("rating request failed")
            return
        if self.rating_pad is not None:
            self.rating_pad.ask(request)
            self.panel.set_rating_state(tr("评价：待评价"))

    def _on_rated(self, _evaluation_id: str) -> None:
        self.panel.set_rating_state(tr("评价：已评价"))

    def _on_start_intake(self, ticket_id: str) -> None:
        show_page = getattr(self._window, "show_page", None)
        if show_page is None:
            return
        try:
            page = show_page("intake")
        except StopIteration:  # this operator has no intake page
            return
        if hasattr(page, "start_for_ticket"):
            page.start_for_ticket(ticket_id)
