"""The ticket-issuing dialog (取号) for stations without a ticket machine; printing never blocks issuing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.queue import PriorityClass, TicketStatus
from app.services.errors import message_of
from app.services.queue import QueueService
from app.services.queue_rows import IssuedTicket
from app.ui.widgets.errors import guarded

log = logging.getLogger(__name__)

PRIORITY_LABELS: dict[PriorityClass, str] = {
    PriorityClass.NONE: QT_TRANSLATE_NOOP("queue", "普通"),
    PriorityClass.ELDERLY: QT_TRANSLATE_NOOP("queue", "老年人"),
    PriorityClass.DISABLED: QT_TRANSLATE_NOOP("queue", "残疾人"),
    PriorityClass.PREGNANT: QT_TRANSLATE_NOOP("queue", "孕妇"),
    PriorityClass.MILITARY: QT_TRANSLATE_NOOP("queue", "军人/优抚对象"),
    PriorityClass.APPOINTMENT: QT_TRANSLATE_NOOP("queue", "预约"),
}

STATUS_LABELS: dict[TicketStatus, str] = {
    TicketStatus.ISSUED: QT_TRANSLATE_NOOP("queue", "等候中"),
    TicketStatus.CALLED: QT_TRANSLATE_NOOP("queue", "已叫号，等候到窗口"),
    TicketStatus.SERVING: QT_TRANSLATE_NOOP("queue", "办理中"),
    TicketStatus.FINISHED: QT_TRANSLATE_NOOP("queue", "已办结"),
    TicketStatus.NO_SHOW: QT_TRANSLATE_NOOP("queue", "过号"),
    TicketStatus.HELD: QT_TRANSLATE_NOOP("queue", "挂起"),
    TicketStatus.CANCELLED: QT_TRANSLATE_NOOP("queue", "已取消"),
}

SlipPrinter = Callable[[bytes], None]


def status_label(status: TicketStatus) -> str:
    """The person-facing name of a ticket status."""
    return QCoreApplication.translate("queue", STATUS_LABELS[status])


def priority_label(priority: PriorityClass) -> str:
    """The person-facing name of a priority class."""
    return QCoreApplication.translate("queue", PRIORITY_LABELS[priority])


class IssueDialog(QDialog):
    """Category, priority class and an optional ID number for appointment check-in; Enter issues."""

    sig_issued = Signal(object)
    """An IssuedTicket was stored."""

    def __init__(self, service: QueueService, *, operator_id: str, station_name: str,
                 printer: SlipPrinter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._operator_id = operator_id
        self._station_name = station_name
        self._printer = printer
        self.last: IssuedTicket | None = None
        self._build_ui()
        self.issue_button.clicked.connect(self.issue)

    # ---- Public API
    @guarded
    def issue(self) -> None:
        """Store the ticket, then try the slip; the result line says whether it printed."""
        priority = self.priority_combo.currentData()
        id_number = self.id_edit.text().strip() or None
        issued = self._service.issue(self.category_combo.currentData(), priority, id_number, by=self._operator_id)
        self.last = issued
        self.id_edit.clear()
        self.result_label.setText(self._print_note(issued))
        self.sig_issued.emit(issued)

    # ---- Private
    def _print_note(self, issued: IssuedTicket) -> str:
        head = self.tr("已出号 {ticket}（前面 {ahead} 人）").format(
            ticket=issued.ticket.ticket_no, ahead=issued.waiting_ahead)
        if self._printer is None:
            return head + "，" + self.tr("未打印（未配置小票打印机）")
        try:
            self._printer(self._service.slip(issued, station_name=self._station_name))
        except Exception as exc:  # the ticket is stored; a printer fault must not undo or block it
            log.exception("slip printing failed")
            return head + "，" + self.tr("小票未打印：") + message_of(exc)
        return head + "，" + self.tr("小票已打印")

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("取号"))
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("issue_category")
        for cat in self._service.categories():
            if cat.enabled:
                self.category_combo.addItem(f"{cat.prefix}  {cat.name}", cat.prefix)
        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("issue_priority")
        for priority in PriorityClass:
            if priority is not PriorityClass.APPOINTMENT:  # set by checking an appointment in
                self.priority_combo.addItem(priority_label(priority), priority)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("issue_id_number")
        self.id_edit.setPlaceholderText(self.tr("预约签到时填写身份证号，否则留空"))
        form = QFormLayout()
        form.addRow(self.tr("业务类别"), self.category_combo)
        form.addRow(self.tr("优先类别"), self.priority_combo)
        form.addRow(self.tr("预约身份证号"), self.id_edit)
        self.result_label = QLabel()
        self.result_label.setObjectName("issue_result")
        self.result_label.setWordWrap(True)
        self.issue_button = QPushButton(self.tr("出号 Enter"))
        self.issue_button.setDefault(True)
        close_button = QPushButton(self.tr("关闭 Esc"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
