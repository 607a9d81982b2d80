"""Which printer takes A4 documents and which the receipt roll (kept in the `setting` table by the service)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from app.ui.widgets.errors import guarded


class PrinterStore(Protocol):
    """The part of the document service this widget uses."""

    def printer_for(self, profile: str) -> str: ...
    def set_printer(self, role: str, name: str) -> None: ...


class PrinterSettings(QWidget):
    """Two choices (A4 printer, receipt printer) from the installed printers; "" means the system default."""

    def __init__(self, store: PrinterStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        form = QFormLayout(self)
        installed = QPrinterInfo.availablePrinterNames()
        self.combos: dict[str, QComboBox] = {}
        for role, profile, label in (("a4", "a4", self.tr("A4 打印机（通知书、告知书）")),
                                     ("receipt", "roll80", self.tr("小票打印机（回执、排队小票）"))):
            combo = QComboBox()
            combo.addItem(self.tr("系统默认打印机"), "")
            for name in installed:
                combo.addItem(name, name)
            current = store.printer_for(profile)
            if current and current not in installed:
                # Keep a configured printer visible even while it is unplugged, marked as missing.
                combo.addItem(self.tr("%1（未连接）").replace("%1", current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            form.addRow(label, combo)
            self.combos[role] = combo
        self.save_button = QPushButton(self.tr("保存打印机设置"))
        self.save_button.clicked.connect(self._on_save)
        self.saved = QLabel("")
        form.addRow(self.save_button, self.saved)

    @guarded
    def _on_save(self, _checked: bool = False) -> None:
        for role, combo in self.combos.items():
            self._store.set_printer(role, str(combo.currentData() or ""))
        self.saved.setText(self.tr("已保存。"))
