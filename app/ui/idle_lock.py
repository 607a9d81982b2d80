"""Idle lock: after N idle minutes the window is covered; the operator's password uncovers it intact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Watches every input event of the application and reports when none came for a while."""

    sig_idle = Signal()
    """No keyboard or mouse input for the configured time."""

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, minutes) * 60_000)
        self._timer.timeout.connect(self.sig_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._timer.start()  # restart: the countdown begins again from the last input
        return False

    def stop(self) -> None:
        """Stop watching (window closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockOverlay(QWidget):
    """An opaque cover over the main window; what is under it stays exactly as it was."""

    sig_unlocked = Signal()
    """The right password was given."""

    def __init__(self, parent: QWidget, *, operator_name: str, verify: Callable[[str], bool]) -> None:
        super().__init__(parent)
        self._verify = verify
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_overlay { background: #1f3a5f; } QLabel { color: white; }")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("窗口已锁定"))
        title.setStyleSheet("font-size: 28px; color: white;")
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(QLabel(self.tr("%1，请输入密码解锁").replace("%1", operator_name)),
                         alignment=Qt.AlignmentFlag.AlignCenter)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setFixedWidth(260)
        layout.addWidget(self.password_edit, alignment=Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #ffb4b4;")
        layout.addWidget(self.error_label, alignment=Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("解锁"))
        layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        button.clicked.connect(self._on_unlock)
        self.password_edit.returnPressed.connect(self._on_unlock)
        self.hide()

    def lock(self) -> None:
        """Cover the window and wait for the password."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.error_label.clear()
        self.password_edit.clear()
        self.show()
        self.raise_()
        self.password_edit.setFocus()

    @property
    def locked(self) -> bool:
        return self.isVisible()

    def _on_unlock(self) -> None:
        if self._verify(self.password_edit.text()):
            self.hide()
            self.sig_unlocked.emit()
        else:
            self.error_label.setText(self.tr("密码不正确（连续输错5次将锁定账号15分钟）。"))
            self.password_edit.clear()
