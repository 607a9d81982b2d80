"""Settings (administrators): station, idle lock, holiday overrides, catalogue import, accounts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.security.roles import Role
from app.services.auth import OperatorInfo
from app.services.context import AppContext
from app.ui.i18n import LANGUAGES, set_language
from app.ui.models.rows import Column, RowsModel
from app.ui.printer_settings import PrinterSettings
from app.ui.widgets.errors import guarded

_KINDS = (
    ("holiday", QT_TRANSLATE_NOOP("SettingsPage", "节假日（不计工作日）")),
    ("workday", QT_TRANSLATE_NOOP("SettingsPage", "调休上班（计工作日）")),
    ("normal", QT_TRANSLATE_NOOP("SettingsPage", "恢复正常")),
)


class SettingsPage(QWidget):
    """Everything an administrator sets up at the window; each change is audited by its service."""

    def __init__(self, ctx: AppContext, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._operator = operator
        self._build_ui()
        self._connect_signals()
        self._load_state()

    # ---- Private: layout
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self._station_box(), 1)
        top.addWidget(self._catalogue_box(), 1)
        top.addWidget(self._printer_box(), 1)
        layout.addLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(self._calendar_box(), 1)
        bottom.addWidget(self._accounts_box(), 1)
        layout.addLayout(bottom, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("settings_status")
        layout.addWidget(self.status_label)

    def _station_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("站点与窗口"))
        form = QFormLayout(box)
        self.station_label = QLabel()
        self.station_label.setWordWrap(True)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.save_idle_button = QPushButton(self.tr("保存"))
        row = QHBoxLayout()
        row.addWidget(self.idle_spin)
        row.addWidget(self.save_idle_button)
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        form.addRow(self.tr("站点"), self.station_label)
        form.addRow(self.tr("无操作自动锁屏"), row)
        form.addRow(self.tr("界面语言（重新登录后生效）"), self.language_combo)
        return box

    def _catalogue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("事项目录"))
        col = QVBoxLayout(box)
        self.catalogue_label = QLabel()
        self.import_button = QPushButton(self.tr("导入目录文件（JSON / XLSX）…"))
        col.addWidget(self.catalogue_label)
        col.addWidget(self.import_button)
        col.addStretch(1)
        return box

    def _printer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("打印机"))
        col = QVBoxLayout(box)
        self.printers = PrinterSettings(self._ctx.documents)
        col.addWidget(self.printers)
        col.addStretch(1)
        return box

    def _calendar_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("节假日调整（国办通知发布后由管理员维护）"))
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_combo = QComboBox()
        for key, text in _KINDS:
            self.kind_combo.addItem(self.tr(text), key)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("说明，例如：2027年元旦"))
        self.add_override_button = QPushButton(self.tr("保存日期"))
        for w in (self.day_edit, self.kind_combo, self.note_edit, self.add_override_button):
            row.addWidget(w)
        col.addLayout(row)
        year_row = QHBoxLayout()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2020, 2100)
        self.declare_button = QPushButton(self.tr("确认该年节假日已录入完整"))
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.declare_button)
        year_row.addStretch(1)
        col.addLayout(year_row)
        self.overrides_model = RowsModel([
            Column(self.tr("日期"), lambda r: r.day.isoformat()),
            Column(self.tr("类型"), lambda r: self.tr(dict(_KINDS).get(r.kind, r.kind))),
            Column(self.tr("说明"), lambda r: r.note),
        ], self)
        table = QTableView()
        table.setModel(self.overrides_model)
        table.verticalHeader().hide()
        col.addWidget(table, 1)
        return box

    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("账号"))
        col = QVBoxLayout(box)
        self.accounts_model = RowsModel([
            Column(self.tr("用户名"), lambda r: r.username),
            Column(self.tr("姓名"), lambda r: r.display_name),
            Column(self.tr("角色"), lambda r: r.role.label_zh),
        ], self)
        table = QTableView()
        table.setModel(self.accounts_model)
        table.verticalHeader().hide()
        col.addWidget(table, 1)
        form = QFormLayout()
        self.new_user_edit = QLineEdit()
        self.new_name_edit = QLineEdit()
        self.new_role_combo = QComboBox()
        for role in Role:
            self.new_role_combo.addItem(role.label_zh, role)
        self.new_pw_edit = QLineEdit()
        self.new_pw_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_account_button = QPushButton(self.tr("新建账号"))
        form.addRow(self.tr("用户名"), self.new_user_edit)
        form.addRow(self.tr("姓名"), self.new_name_edit)
        form.addRow(self.tr("角色"), self.new_role_combo)
        form.addRow(self.tr("初始密码"), self.new_pw_edit)
        form.addRow("", self.create_account_button)
        col.addLayout(form)
        return box

    # ---- Private: behaviour
    def _connect_signals(self) -> None:
        self.save_idle_button.clicked.connect(self._on_save_idle)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.add_override_button.clicked.connect(self._on_add_override)
        self.declare_button.clicked.connect(self._on_declare_year)
        self.create_account_button.clicked.connect(self._on_create_account)
        self.language_combo.activated.connect(self._on_language_chosen)

    @guarded
    def _load_state(self) -> None:
        station = self._ctx.station.get()
        if station is not None:
            self.station_label.setText(f"{station.name}（{station.area_code}，{station.level_zh}）"
                                       + self.tr("，窗口 ") + station.window_no)
        self.idle_spin.setValue(self._ctx.settings.idle_lock_minutes)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._ctx.settings.language)))
        version = self._ctx.catalogue.active_version() or self.tr("（尚未导入）")
        self.catalogue_label.setText(self.tr("当前目录版本：") + version)
        today = self._ctx.clock.now().astimezone(self._ctx.settings.tz).date()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.year_spin.setValue(today.year + 1)
        self.overrides_model.set_rows(self._ctx.calendar.overrides())
        self.accounts_model.set_rows(self._ctx.auth.list_operators())

    @guarded
    def _on_save_idle(self) -> None:
        settings = replace(self._ctx.settings, idle_lock_minutes=self.idle_spin.value())
        self._ctx.profile.save_settings(settings)
        self._ctx.settings = settings
        self.status_label.setText(self.tr("已保存：下次登录起生效。"))

    @guarded
    def _on_language_chosen(self, _index: int) -> None:
        self._ctx.settings = set_language(self._ctx.profile, self.language_combo.currentData())
        self.status_label.setText(self.tr("界面语言已保存，重新启动后生效。"))

    @guarded
    def _on_import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择事项目录文件"), "",
                                              self.tr("事项目录 (*.json *.xlsx)"))
        if name:
            self.import_catalogue(Path(name))

    @guarded
    def import_catalogue(self, path: Path) -> None:
        """Import a catalogue file; a bad file changes nothing and the message lists every bad row."""
        result = self._ctx.catalogue.import_file(path, by=self._operator.username)
        self.status_label.setText(self.tr("已导入目录版本 ") + f"{result.version}（{result.items}）")
        self._load_state()

    @guarded
    def _on_add_override(self) -> None:
        day = self.day_edit.date().toPython()
        self._ctx.calendar.set_override(day, self.kind_combo.currentData(), self.note_edit.text().strip(),
                                        by=self._operator.username)
        self.note_edit.clear()
        self._load_state()

    @guarded
    def _on_declare_year(self) -> None:
        self._ctx.calendar.declare_year(self.year_spin.value(), by=self._operator.username)
        self.status_label.setText(self.tr("已确认 %1 年节假日安排。").replace("%1", str(self.year_spin.value())))

    @guarded
    def _on_create_account(self) -> None:
        self._ctx.auth.create_operator(username=self.new_user_edit.text().strip(),
                                       display_name=self.new_name_edit.text().strip(),
                                       role=Role(self.new_role_combo.currentData()), password=self.new_pw_edit.text(),
                                       by=self._operator.username)
        for edit in (self.new_user_edit, self.new_name_edit, self.new_pw_edit):
            edit.clear()
        self._load_state()
