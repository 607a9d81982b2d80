"""UI tests run in the same application set-up as the real program; a modal message never hangs a test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _yichuang_application(qapp):  # type: ignore[no-untyped-def]
    from app.config import resources_dir
    from app.ui.qt_app import create_application

    return create_application(resources_dir())


@pytest.fixture(autouse=True)
def unexpected_dialogs(monkeypatch) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Offscreen, a modal QMessageBox would wait forever: record it instead and fail the test at the end.

    A test that expects a message patches QMessageBox itself (its patch wins) or empties this list.
    """
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"
