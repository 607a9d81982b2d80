"""No key does two things: on every page, the shortcuts a clerk can press are unique."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from app.ui.main_window import MainWindow

_WINDOW_WIDE = {Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut}


def _live_keys(window: MainWindow) -> list[str]:
    keys: list[str] = []
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if (shortcut.isEnabled() and shortcut.context() in _WINDOW_WIDE and isinstance(parent, QWidget)
                and parent.isVisible()):
            keys.append(shortcut.key().toString())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not button.shortcut().isEmpty():
            keys.append(button.shortcut().toString())
    return [k for k in keys if k]


@pytest.mark.parametrize("username", ["clerk", "admin"])
def test_every_page_has_unique_window_shortcuts(qtbot, ctx, username: str) -> None:
    window = MainWindow(ctx, ctx.auth.login(username, "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    for key in window.page_keys():
        window.show_page(key)
        clashes = {k: n for k, n in Counter(_live_keys(window)).items() if n > 1}
        assert not clashes, f"page {key}: the same key does several things: {clashes}"
