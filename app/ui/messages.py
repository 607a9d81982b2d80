"""One place that shows errors to people: the Chinese message, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.errors import message_of


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """A modal message with what went wrong and what to do."""
    QMessageBox.warning(parent, title or QCoreApplication.translate("messages", "操作未完成"), message_of(exc))


def show_fatal(exc: BaseException, title: str) -> None:
    """A start-up failure: say why and exit; nothing on disk was changed."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message_of(exc))
    box.exec()
