"""First start without a profile: the station's identity and the first administrator account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.config import STATION_LEVEL_ZH, StationLevel
from app.security.roles import Role
from app.services.context import AppContext
from app.services.errors import ServiceError


class SetupDialog(QDialog):
    """Collects station and admin; nothing typed is lost when a field is refused."""

    def __init__(self, ctx: AppContext, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._ctx = ctx
        self._build_ui()

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("一窗 — 首次设置"))
        layout = QVBoxLayout(self)
        station = QGroupBox(self.tr("站点"))
        form = QFormLayout(station)
        self.area_edit = QLineEdit()
        self.area_edit.setPlaceholderText("511602000000")
        self.name_edit = QLineEdit()
        self.level_combo = QComboBox()
        for level in StationLevel:
            self.level_combo.addItem(self.tr(STATION_LEVEL_ZH[level]), level)
        self.window_edit = QLineEdit("1")
        form.addRow(self.tr("区划代码（12位）"), self.area_edit)
        form.addRow(self.tr("站点名称"), self.name_edit)
        form.addRow(self.tr("层级"), self.level_combo)
        form.addRow(self.tr("窗口号"), self.window_edit)
        admin = QGroupBox(self.tr("管理员账号"))
        aform = QFormLayout(admin)
        self.user_edit = QLineEdit("admin")
        self.display_edit = QLineEdit()
        self.pw_edit = QLineEdit()
        self.pw_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pw2_edit = QLineEdit()
        self.pw2_edit.setEchoMode(QLineEdit.EchoMode.Password)
        aform.addRow(self.tr("用户名"), self.user_edit)
        aform.addRow(self.tr("姓名"), self.display_edit)
        aform.addRow(self.tr("密码（至少8位，含字母和数字）"), self.pw_edit)
        aform.addRow(self.tr("再次输入密码"), self.pw2_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        for w in (station, admin, self.error_label, buttons):
            layout.addWidget(w)

    def _on_ok(self) -> None:
        if self.pw_edit.text() != self.pw2_edit.text():
            self.error_label.setText(self.tr("两次输入的密码不一致，请重新输入。"))
            return
        try:
            self._ctx.station.set_up(area_code=self.area_edit.text().strip(), name=self.name_edit.text(),
                                     level=self.level_combo.currentData(), window_no=self.window_edit.text().strip())
            self._ctx.auth.create_operator(username=self.user_edit.text().strip(),
                                           display_name=self.display_edit.text().strip() or self.user_edit.text(),
                                           role=Role.ADMIN, password=self.pw_edit.text())
        except ServiceError as exc:
            self.error_label.setText(exc.message_zh)
            return
        self.accept()
