"""The item search box: results update per keystroke; ↓ moves into the list, Enter picks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.search import SearchResult

KindCode = tuple[str, str]


class SearchBox(QWidget):
    """A line edit over a result list of items and bundles (一件事 marked as such)."""

    sig_chosen = Signal(str, str)
    """(kind, code): kind is "item" or "bundle"."""

    def __init__(self, search: Callable[[str], SearchResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.edit = QLineEdit()
        self.edit.setObjectName("search_edit")
        self.edit.setPlaceholderText(self.tr("输入事项名称、拼音、首字母或编码（Ctrl+K）"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        self.edit.textChanged.connect(self.refresh)
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(self._activated)
        self.refresh("")

    # ---- Public API
    def focus_search(self) -> None:
        """Put the cursor in the box with its text selected (the Ctrl+K shortcut)."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def refresh(self, text: str) -> None:
        """Show the results for `text`; bundles first (they are few), then items."""
        result = self._search(text)
        self.results.clear()
        for hit in result.bundles:
            self._add(f"【{self.tr('一件事')}】{hit.name}  —  {hit.detail}", ("bundle", hit.code))
        for hit in result.items:
            star = "★ " if hit.favourite else ""
            self._add(f"{star}{hit.name}  [{hit.code}]  {hit.detail}", ("item", hit.code))
        if self.results.count():
            self.results.setCurrentRow(0)

    def current(self) -> KindCode | None:
        """The highlighted result."""
        item = self.results.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    # ---- Qt overrides
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_current()
                return True
        return super().eventFilter(watched, event)

    # ---- Private
    def _add(self, text: str, data: KindCode) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.results.addItem(item)

    def _choose_current(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self.sig_chosen.emit(*chosen)

    def _activated(self, item: QListWidgetItem) -> None:
        kind, code = item.data(Qt.ItemDataRole.UserRole)
        self.sig_chosen.emit(kind, code)
