"""The queue page (叫号): current ticket with elapsed time, actions with shortcuts, waiting list, live figures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import Clock
from app.services.errors import ServiceError
from app.services.queue import QueueService
from app.services.queue_rows import TicketInfo, WaitingRow
from app.ui.models.rows import Column, RowsModel
from app.ui.pages.queue_actions import Prompter, QueueActions, format_duration, tr
from app.ui.pages.queue_figures import FiguresPanel
from app.ui.pages.queue_issue import IssueDialog, SlipPrinter, priority_label, status_label
from app.ui.widgets.errors import guarded

_STYLE = """
#current_card { background: #f3f7fc; border: 1px solid #c9d8ea; border-radius: 6px; }
#current_no { font-size: 56px; font-weight: bold; color: #0f2a4a; }
#current_status { font-size: 20px; color: #2b5a8f; }
#current_elapsed { font-size: 20px; }
#pause_banner { background: #fff3cd; color: #7a5b00; padding: 6px; border-radius: 4px; }
"""
# Data is re-read every few ticks so tickets from a ticket machine or the panel show up.
_RELOAD_EVERY_TICKS = 5


class QueuePage(QWidget):
    """Everything the clerk needs to run the queue at this window, operable from the keyboard."""

    sig_called = Signal(str, str)
    """A ticket was called (ticket_no, window_no)."""
    sig_start_intake = Signal(str)
    """Start an intake for this ticket id."""

    def __init__(self, service: QueueService, *, operator_id: str, clock: Clock, station_name: str = "",
                 printer: SlipPrinter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._station_name = station_name
        self._printer = printer
        self.actions = QueueActions(service, operator_id, Prompter(self), self)
        self.current: TicketInfo | None = None
        self._ticks = 0
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ---- Public API
    @guarded
    def refresh(self) -> None:
        """Re-read the current ticket, the waiting list and the figures."""
        service = self.actions.service
        self.current = service.current()
        window = service.window()
        self.pause_banner.setVisible(window.paused)
        if window.paused:
            self.pause_banner.setText(tr("窗口暂停中：{reason}（按 Ctrl+P 恢复）").format(reason=window.pause_reason))
        self._names = {c.prefix: c.name for c in service.categories()}
        self.waiting_model.set_rows(service.waiting())
        self.figures = service.figures()
        self.figures_panel.set_figures(self.figures)
        self._show_current()

    # ---- Private: slots
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
    def _on_start(self) -> None:
        self.actions.start_serving()

    @guarded
    def _on_finish(self) -> None:
        self.actions.finish()

    @guarded
    def _on_finish_intake(self) -> None:
        self.actions.finish(start_intake=True)

    @guarded
    def _on_hold(self) -> None:
        self.actions.hold_or_call_back()

    @guarded
    def _on_transfer(self) -> None:
        self.actions.transfer()

    @guarded
    def _on_pause(self) -> None:
        self.actions.toggle_pause()

    @guarded
    def _on_reactivate(self) -> None:
        self.actions.reactivate()

    @guarded
    def _on_call_specific(self) -> None:
        index = self.waiting_table.currentIndex()
        if not index.isValid():
            self.waiting_table.setFocus()
            raise_no_selection()
        row: WaitingRow = self.waiting_model.row_at(index.row())
        self.actions.call_specific(row.ticket)

    @guarded
    def _on_issue(self) -> None:
        dialog = IssueDialog(self.actions.service, operator_id=self.actions.operator_id,
                             station_name=self._station_name, printer=self._printer, parent=self)
        dialog.sig_issued.connect(lambda _issued: self.refresh())
        dialog.open()
        self.issue_dialog = dialog

    def _on_tick(self) -> None:
        self._ticks += 1
        if self._ticks % _RELOAD_EVERY_TICKS == 0 and self.isVisible():
            self.refresh()
        else:
            self._show_elapsed()

    # ---- Private: building
    def _build_ui(self) -> None:
        self.setStyleSheet(_STYLE)
        self.pause_banner = QLabel()
        self.pause_banner.setObjectName("pause_banner")
        self.pause_banner.hide()
        left = QVBoxLayout()
        left.addWidget(self.pause_banner)
        left.addWidget(self._build_current_card())
        left.addLayout(self._build_buttons())
        left.addWidget(QLabel(tr("等候队列")))
        left.addWidget(self._build_waiting_table(), 1)
        self.figures_panel = FiguresPanel()
        self.figures_panel.setMinimumWidth(260)
        right = QVBoxLayout()
        right.addWidget(self.figures_panel)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)

    def _build_current_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("current_card")
        self.current_no = QLabel()
        self.current_no.setObjectName("current_no")
        self.current_status = QLabel()
        self.current_status.setObjectName("current_status")
        self.current_meta = QLabel()
        self.current_elapsed = QLabel()
        self.current_elapsed.setObjectName("current_elapsed")
        grid = QGridLayout(card)
        grid.addWidget(self.current_no, 0, 0, 3, 1)
        grid.addWidget(self.current_status, 0, 1)
        grid.addWidget(self.current_meta, 1, 1)
        grid.addWidget(self.current_elapsed, 2, 1)
        grid.setColumnStretch(1, 1)
        return card

    def _button_specs(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        """(object name, text, shortcut, slot): the shortcut is shown on the button."""
        return [
            ("btn_call", tr("叫号"), "F9", self._on_call),
            ("btn_recall", tr("重呼"), "F10", self._on_recall),
            ("btn_no_show", tr("过号"), "F11", self._on_no_show),
            ("btn_start", tr("开始办理"), "F8", self._on_start),
            ("btn_finish", tr("办结"), "F12", self._on_finish),
            ("btn_finish_intake", tr("办结并受理"), "Shift+F12", self._on_finish_intake),
            ("btn_hold", tr("挂起/回呼"), "Ctrl+H", self._on_hold),
            ("btn_transfer", tr("转移"), "Ctrl+T", self._on_transfer),
            ("btn_pause", tr("暂停/恢复"), "Ctrl+P", self._on_pause),
            ("btn_reactivate", tr("恢复过号"), "Ctrl+R", self._on_reactivate),
            ("btn_call_specific", tr("指定叫号"), "Ctrl+J", self._on_call_specific),
            ("btn_issue", tr("取号"), "Ctrl+N", self._on_issue),
        ]

    def _build_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (name, text, key, slot) in enumerate(self._button_specs()):
            button = QPushButton(f"{text}  {key}")
            button.setObjectName(name)
            button.setMinimumHeight(36)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(key), self, activated=slot)
            self.buttons[name] = button
            grid.addWidget(button, i // 6, i % 6)
        return grid

    def _build_waiting_table(self) -> QTableView:
        self.waiting_model = RowsModel([
            Column(tr("号码"), lambda r: r.ticket.ticket_no),
            Column(tr("类别"), lambda r: f"{r.ticket.category} {r.category_name}"),
            Column(tr("优先"), lambda r: priority_label(r.ticket.priority)),
            Column(tr("已等候"), lambda r: format_duration(r.waited_s)),
        ], self)
        self.waiting_table = QTableView()
        self.waiting_table.setObjectName("waiting_table")
        self.waiting_table.setModel(self.waiting_model)
        self.waiting_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.waiting_table.verticalHeader().hide()
        self.waiting_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return self.waiting_table

    def _connect_signals(self) -> None:
        self.actions.sig_changed.connect(self.refresh)
        self.actions.sig_called.connect(self.sig_called)
        self.actions.sig_start_intake.connect(self.sig_start_intake)
        self.timer.timeout.connect(self._on_tick)
        self.timer.start()

    # ---- Private: showing
    def _show_current(self) -> None:
        t = self.current
        if t is None:
            self.current_no.setText("—")
            self.current_status.setText(tr("空闲：按 F9 叫号"))
            self.current_meta.setText("")
        else:
            self.current_no.setText(t.ticket_no)
            self.current_status.setText(status_label(t.status))
            recalls = tr("，重呼 {n} 次").format(n=t.recalls) if t.recalls else ""
            name = self._names.get(t.category, "")
            self.current_meta.setText(f"{t.category} {name} · {priority_label(t.priority)}{recalls}")
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        t = self.current
        elapsed = None if t is None else (self._clock.now() - t.since).total_seconds()
        self.current_elapsed.setText("" if t is None else tr("已用时 {time}").format(time=format_duration(elapsed)))


def raise_no_selection() -> None:
    """Refuse 指定叫号 without a selected waiting ticket."""
    raise ServiceError(tr("请先在等候队列中选中要叫的号（方向键选择），再按 Ctrl+J。"), code="no_selection")
