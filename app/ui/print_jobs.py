"""Unfinished print jobs (queued, awaiting confirmation, failed): print them again or withdraw them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.ui.models.rows import Column, RowsModel
from app.ui.printing import Documents, PrintPreviewDialog
from app.ui.widgets.errors import guarded

_KIND_ZH = {
    "receipt": QT_TRANSLATE_NOOP("print_jobs", "受理通知书"),
    "supplement_notice": QT_TRANSLATE_NOOP("print_jobs", "一次性告知书"),
    "rejection_notice": QT_TRANSLATE_NOOP("print_jobs", "不予受理通知书"),
    "commitment_letter": QT_TRANSLATE_NOOP("print_jobs", "告知承诺书"),
    "deficiency_notice": QT_TRANSLATE_NOOP("print_jobs", "容缺受理通知书"),
    "delivery_receipt": QT_TRANSLATE_NOOP("print_jobs", "出件签收单"),
    "queue_ticket": QT_TRANSLATE_NOOP("print_jobs", "排队小票"),
    "daily_summary": QT_TRANSLATE_NOOP("print_jobs", "窗口工作日报"),
}


def kind_zh(kind: str) -> str:
    """A document kind as people call it (the kind itself when unknown)."""
    return QCoreApplication.translate("print_jobs", _KIND_ZH[kind]) if kind in _KIND_ZH else kind


def _status_zh(status: str) -> str:
    names = {"queued": QCoreApplication.translate("print_jobs", "排队中"),
             "sent": QCoreApplication.translate("print_jobs", "已发送，待确认"),
             "failed": QCoreApplication.translate("print_jobs", "失败")}
    return names.get(status, status)


class PendingJobsDialog(QDialog):
    """The jobs not finished yet; nothing is lost after a crash, a paper jam or a missing printer."""

    def __init__(self, documents: Documents, operator_id: str, *,
                 printer_factory: Callable[[str], QPrinter] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs = documents
        self._operator_id = operator_id
        self._factory = printer_factory
        self.setWindowTitle(self.tr("未完成的打印任务"))
        self.resize(820, 420)
        self.model = RowsModel([
            Column(self.tr("文书编号"), lambda r: r[1].doc_no),
            Column(self.tr("文书"), lambda r: kind_zh(r[1].kind) + (self.tr("（补打）") if r[0].is_reprint else "")),
            Column(self.tr("状态"), lambda r: _status_zh(r[0].status)),
            Column(self.tr("打印机"), lambda r: r[0].printer or self.tr("系统默认")),
            Column(self.tr("尝试次数"), lambda r: str(r[0].attempts)),
            Column(self.tr("原因"), lambda r: r[0].error),
        ], self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.summary = QLabel("")
        root.addWidget(self.summary)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._on_print())
        root.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印所选 (Enter)"))
        self.print_button.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.print_button.clicked.connect(self._on_print)
        self.cancel_button = QPushButton(self.tr("撤销任务 (Del)"))
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.cancel_button.clicked.connect(self._on_cancel)
        close = QPushButton(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.reject)
        row.addStretch(1)
        for button in (self.cancel_button, close, self.print_button):
            row.addWidget(button)
        root.addLayout(row)

    def refresh(self) -> None:
        """Reload the pending jobs with their documents."""
        jobs = self._docs.pending_jobs()
        self.model.set_rows([(job, self._docs.get(job.document_id)) for job in jobs])
        self.summary.setText(self.tr("共 %1 个未完成的打印任务。").replace("%1", str(len(jobs))))
        if jobs:
            self.table.selectRow(0)

    def _selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @guarded
    def _on_print(self, _checked: bool = False) -> None:
        picked = self._selected()
        if picked is None:
            return
        job, info = picked
        dialog = PrintPreviewDialog(self._docs, info.id, reprint_by=self._operator_id if job.is_reprint else None,
                                    printer_factory=self._factory, parent=self)
        dialog.exec()
        self.refresh()

    @guarded
    def _on_cancel(self, _checked: bool = False) -> None:
        picked = self._selected()
        if picked is not None:
            self._docs.cancel_job(picked[0].id)
            self.refresh()
