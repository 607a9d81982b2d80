"""A list of documents with 预览/打印, 补打 and the pending print jobs (intake 完成 step and case detail)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.ui.print_jobs import PendingJobsDialog, kind_zh
from app.ui.printing import Documents, PrintPreviewDialog
from app.ui.widgets.errors import guarded

PRINT_KEYS, REPRINT_KEYS, JOBS_KEYS = "Alt+P", "Alt+U", "Ctrl+Shift+P"


class DocumentsPanel(QWidget):
    """Documents (id, kind, doc_no) of a case or an intake; each opens the print preview.

    `printer_factory` is handed to the preview (tests print to a PDF file); `exec_dialog` runs a dialog
    (tests replace it to drive the dialog without a modal loop).
    """

    def __init__(self, documents: Documents, operator_id: str, *,
                 printer_factory: Callable[[str], QPrinter] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs = documents
        self._operator_id = operator_id
        self.printer_factory = printer_factory
        self.exec_dialog: Callable[[Any], object] = lambda dialog: dialog.exec()
        self.list = QListWidget()
        self.list.setObjectName("documents_list")
        self.list.itemActivated.connect(lambda _item: self.print_selected())
        self.print_button = QPushButton(self.tr("预览/打印 (Alt+P)"))
        self.print_button.setObjectName("doc_print")
        self.reprint_button = QPushButton(self.tr("补打 (Alt+U)"))
        self.reprint_button.setObjectName("doc_reprint")
        self.jobs_button = QPushButton(self.tr("待打印任务 (Ctrl+Shift+P)"))
        self.jobs_button.setObjectName("doc_jobs")
        row = QHBoxLayout()
        for button, keys, slot in ((self.print_button, PRINT_KEYS, self.print_selected),
                                   (self.reprint_button, REPRINT_KEYS, self.reprint_selected),
                                   (self.jobs_button, JOBS_KEYS, self.open_jobs)):
            button.clicked.connect(slot)
            # explicit shortcuts: they work whatever the platform does with mnemonics; only on the page shown
            QShortcut(QKeySequence(keys), self, activated=button.click, context=Qt.ShortcutContext.WindowShortcut)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.set_documents(())

    def set_documents(self, documents: Sequence[tuple[str, str, str]]) -> None:
        """Show (id, kind, doc_no) rows; the first is selected so Alt+P prints it at once."""
        self.list.clear()
        for doc_id, kind, doc_no in documents:
            item = QListWidgetItem(f"{kind_zh(kind)}　{doc_no}")
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            self.list.addItem(item)
        if documents:
            self.list.setCurrentRow(0)
        for button in (self.print_button, self.reprint_button):
            button.setEnabled(bool(documents))

    def selected_id(self) -> str | None:
        """The id of the document selected in the list."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    @guarded
    def print_selected(self, _checked: bool = False) -> None:
        """预览/打印: the stored PDF, exactly as issued."""
        self._preview(None)

    @guarded
    def reprint_selected(self, _checked: bool = False) -> None:
        """补打: the same document with the 补打 mark, recorded as a reprint."""
        self._preview(self._operator_id)

    @guarded
    def open_jobs(self, _checked: bool = False) -> None:
        """待打印任务: the jobs not finished yet (failed, awaiting confirmation)."""
        dialog = PendingJobsDialog(self._docs, self._operator_id, printer_factory=self.printer_factory, parent=self)
        self.exec_dialog(dialog)

    def _preview(self, reprint_by: str | None) -> None:
        doc_id = self.selected_id()
        if doc_id is None:
            return
        dialog = PrintPreviewDialog(self._docs, doc_id, reprint_by=reprint_by,
                                    printer_factory=self.printer_factory, parent=self)
        self.exec_dialog(dialog)
