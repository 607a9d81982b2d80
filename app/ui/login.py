"""The login window: station name, username, password, and a clear reason when login fails."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.services.auth import AuthService, OperatorInfo
from app.services.errors import ServiceError


class LoginDialog(QDialog):
    """Asks for username and password; `operator` is set when accepted."""

    sig_logged_in = Signal(object)
    """Emitted with the OperatorInfo after a correct password."""

    def __init__(self, auth: AuthService, *, station_name: str, demo: bool, demo_hint: str = "",
                 parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._auth = auth
        self.operator: OperatorInfo | None = None
        self._build_ui(station_name, demo, demo_hint)
        self._connect_signals()

    # ---- Private
    def _build_ui(self, station_name: str, demo: bool, demo_hint: str) -> None:
        title = self.tr("一窗 综合受理 — 登录")
        self.setWindowTitle(f"{title}（{self.tr('演示环境')}）" if demo else title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{station_name}</h2><p>{self.tr('综合受理窗口')}</p>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        form = QFormLayout()
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error_label)
        self.login_button = QPushButton(self.tr("登录 (Enter)"))
        self.login_button.setDefault(True)
        layout.addWidget(self.login_button)
        if demo and demo_hint:
            hint = QLabel(demo_hint)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555;")
            layout.addWidget(hint)

    def _connect_signals(self) -> None:
        # Enter anywhere presses the default button; connecting returnPressed too would try twice.
        self.login_button.clicked.connect(self._on_login_clicked)

    def _on_login_clicked(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self.error_label.setText(self.tr("请输入用户名。"))
            self.username_edit.setFocus()
            return
        try:
            self.operator = self._auth.login(username, self.password_edit.text())
        except ServiceError as exc:
            self.error_label.setText(exc.message_zh)
            self.password_edit.clear()  # the username stays: only the secret is retyped
            self.password_edit.setFocus()
            return
        self.sig_logged_in.emit(self.operator)
        self.accept()
