"""Print preview and printing: the stored PDF shown page by page, printed as the same raster, jobs recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.pdf_raster import PrintFailed, paint_pdf, render_pages
from app.ui.widgets.errors import guarded

PREVIEW_DPI = {"a4": 90.0, "roll80": 170.0, "roll58": 200.0}
RETRY, OTHER, SAVE, CANCEL = "retry", "other", "save", "cancel"
_PROFILE_ZH = {"a4": QT_TRANSLATE_NOOP("printing", "A4"), "roll80": QT_TRANSLATE_NOOP("printing", "80 mm 小票"),
               "roll58": QT_TRANSLATE_NOOP("printing", "58 mm 小票")}


class Documents(Protocol):
    """What the dialog needs from the document service (ctx.documents)."""

    def get(self, document_id: str) -> Any: ...
    def pdf(self, document_id: str) -> bytes: ...
    def printer_for(self, profile: str) -> str: ...
    def new_job(self, document_id: str, printer: str | None = None) -> Any: ...
    def reprint(self, document_id: str, operator_id: str, *, printer: str | None = None) -> tuple[Any, bytes]: ...
    def mark_sent(self, job_id: str, printer: str | None = None) -> Any: ...
    def mark_confirmed(self, job_id: str) -> Any: ...
    def mark_failed(self, job_id: str, reason: str) -> Any: ...
    def mark_saved(self, job_id: str, path: str) -> Any: ...
    def cancel_job(self, job_id: str) -> Any: ...
    def pending_jobs(self) -> list[Any]: ...


class PrintPreviewDialog(QDialog):
    """Preview a stored document and print it to the printer configured for its paper (A4 or receipt).

    With `reprint_by` set the dialog shows and prints the 补打 rendering; the reprint is recorded when
    the dialog opens and its job cancelled if the dialog is closed without printing.
    """

    def __init__(self, documents: Documents, document_id: str, *, reprint_by: str | None = None,
                 printer_factory: Callable[[str], QPrinter] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.ui.pdf_raster import make_printer

        self._docs = documents
        self._doc_id = document_id
        self._reprint_by = reprint_by
        self._factory = printer_factory or make_printer
        self._info = documents.get(document_id)
        self._printer_name = documents.printer_for(self._info.profile)
        self._job: Any = None
        self._tried = False  # a reprint job that was tried is kept (failed jobs are never dropped)
        self._own_job = False
        self._pdf = self._load_pdf()
        self.setWindowTitle(self.tr("打印预览"))
        self.resize(880 if self._info.profile == "a4" else 620, 900)
        self._build()

    def _load_pdf(self) -> bytes:
        if self._reprint_by is None:
            return self._docs.pdf(self._doc_id)
        self._job, pdf = self._docs.reprint(self._doc_id, self._reprint_by, printer=self._printer_name or None)
        # Only a job this dialog created is withdrawn on close; a pending one picked up again stays.
        self._own_job = self._docs.get(self._doc_id).reprints > self._info.reprints
        return pdf

    # ---- Layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.header = QLabel(self._header_text())
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold; padding: 4px 2px;")
        root.addWidget(self.header)
        self.pages = self._pages_area()
        root.addWidget(self.pages, 1)
        self.status = QLabel("")
        self.status.setObjectName("printStatus")
        root.addWidget(self.status)
        root.addLayout(self._buttons())

    def _header_text(self) -> str:
        role = self.tr("A4 打印机") if self._info.profile == "a4" else self.tr("小票打印机")
        paper = QCoreApplication.translate("printing", _PROFILE_ZH.get(self._info.profile, "A4"))
        values = {"%1": self.tr("【补打】") if self._reprint_by else "", "%2": self._info.doc_no, "%3": paper,
                  "%4": str(self._info.pages), "%5": self._printer_name or self.tr("系统默认打印机"), "%6": role}
        text = self.tr("%1文书编号 %2 · %3 · 共 %4 页　　打印到：%5（%6）")
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    def _pages_area(self) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setObjectName("previewPages")
        holder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # plain QWidgets ignore background
        holder.setStyleSheet("#previewPages { background: #e6e8eb; }")
        column = QVBoxLayout(holder)
        column.setSpacing(16)
        column.setContentsMargins(24, 24, 24, 24)
        self.page_labels: list[QLabel] = []
        for image in render_pages(self._pdf, PREVIEW_DPI.get(self._info.profile, 100.0)):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #b8bcc2; background: white;")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        column.addStretch(1)
        area.setWidget(holder)
        return area

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印 (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self._on_print)
        self.save_button = QPushButton(self.tr("保存为PDF (Ctrl+S)"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.clicked.connect(self._on_save)
        close = QPushButton(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.reject)
        row.addStretch(1)
        for button in (self.save_button, close, self.print_button):
            row.addWidget(button)
        return row

    # ---- Printing
    @guarded
    def _on_print(self, _checked: bool = False) -> None:
        if not self.print_button.isEnabled():
            return  # a second click while a job runs does nothing
        self.print_button.setEnabled(False)
        try:
            self._print_job(self._current_job())
        finally:
            self.print_button.setEnabled(True)

    def _current_job(self) -> Any:
        """The open job, or a new one (the service returns an already open job for a double request)."""
        if self._job is None and self._reprint_by is not None:
            self._job, self._pdf = self._docs.reprint(self._doc_id, self._reprint_by,
                                                      printer=self._printer_name or None)
        elif self._job is None:
            self._job = self._docs.new_job(self._doc_id, self._printer_name or None)
        return self._job

    def _print_job(self, job: Any) -> None:
        """Try, and on failure offer retry / another printer / save as PDF until done or given up."""
        self._tried = True
        name = job.printer
        while True:
            self._set_status(self.tr("正在发送到打印机……"))
            problem = self._send(job.id, name)
            if problem is None and self._ask_confirmed():
                self._docs.mark_confirmed(job.id)
                self._job = None
                self._set_status(self.tr("已打印并确认。"))
                return
            reason = problem or self.tr("打印后未见纸张输出（经办人确认未打印成功）。")
            self._docs.mark_failed(job.id, reason)
            self._set_status(self.tr("打印失败，任务已保留：") + reason)
            choice = self._ask_failure(reason)
            if choice == OTHER:
                name = self._pick_printer(name)
            elif choice == SAVE:
                self._save_for(job.id)
                return
            elif choice != RETRY:
                return  # the failed job stays in the pending list for later

    def _send(self, job_id: str, name: str) -> str | None:
        """Paint the pages; None when they were handed to the printer, else the reason."""
        try:
            pages = paint_pdf(self._factory(name), self._pdf, name)
        except PrintFailed as exc:
            return exc.message_zh
        self._docs.mark_sent(job_id, name)
        self._set_status(self.tr("已发送 %1 页，请查看打印机出纸。").replace("%1", str(pages)))
        return None

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _ask_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("确认打印结果"), self.tr("打印成功？\n请查看纸张：内容完整、清晰即为成功。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_failure(self, reason: str) -> str:
        """The clerk's choice after a failure: retry, another printer, save as PDF, or later."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("打印失败"), reason, parent=self)
        box.setInformativeText(self.tr("打印任务已保留，不会丢失。请选择："))
        buttons = {
            RETRY: box.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole),
            OTHER: box.addButton(self.tr("选择其他打印机"), QMessageBox.ButtonRole.ActionRole),
            SAVE: box.addButton(self.tr("保存为PDF"), QMessageBox.ButtonRole.ActionRole),
            CANCEL: box.addButton(self.tr("稍后再打"), QMessageBox.ButtonRole.RejectRole),
        }
        box.setDefaultButton(buttons[RETRY])
        box.exec()
        clicked = box.clickedButton()
        return next((key for key, button in buttons.items() if button is clicked), CANCEL)

    def _pick_printer(self, current: str) -> str:
        names = QPrinterInfo.availablePrinterNames()
        if not names:
            QMessageBox.information(self, self.tr("选择打印机"),
                                    self.tr("这台电脑没有可用的打印机。请联系管理员安装，或保存为 PDF。"))
            return current
        start = names.index(current) if current in names else 0
        name, ok = QInputDialog.getItem(self, self.tr("选择打印机"), self.tr("打印到："), names, start, False)
        return str(name) if ok and name else current

    # ---- Save as PDF
    @guarded
    def _on_save(self, _checked: bool = False) -> None:
        self._save_for(self._current_job().id)

    def _save_for(self, job_id: str) -> None:
        default = str(Path.home() / f"{self._info.kind}_{self._info.doc_no}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("保存为PDF"), default, "PDF (*.pdf)")
        if not path:
            return
        Path(path).write_bytes(self._pdf)
        self._docs.mark_saved(job_id, path)
        self._job = None
        self._set_status(self.tr("已保存为 PDF：") + path)

    def reject(self) -> None:
        """Closing a reprint preview that was never printed withdraws its queued job."""
        if self._reprint_by is not None and self._job is not None and self._own_job and not self._tried:
            self._docs.cancel_job(self._job.id)
        super().reject()
