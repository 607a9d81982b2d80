"""The sync page: state, pending and quarantined ops with reasons, 立即同步, connection settings."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorInfo
from app.services.sync import OpRow, SyncService, SyncStatus
from app.ui.messages import show_error
from app.ui.models.rows import Column, RowsModel
from app.ui.tasks import run_task
from app.ui.widgets.errors import guarded

_WARN_STYLE = "color: #a4262c; font-weight: bold;"


def _age(age: timedelta | None) -> str:
    if age is None:
        return "—"
    hours, rest = divmod(int(age.total_seconds()), 3600)
    return f"{hours}:{rest // 60:02d}"


class SyncPage(QWidget):
    """What has reached the district platform, what waits, what was set aside and why."""

    sig_synced = Signal(object)
    """A 立即同步 run finished (its RunReport)."""

    def __init__(self, sync: SyncService, operator: OperatorInfo, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self._operator = operator
        self._tz = tz
        self._build_ui()
        self._connect_signals()
        self._load_settings()
        self.reload()

    # ---- Public API
    @guarded
    def reload(self) -> None:
        """Re-read state, lists and settings."""
        st = self._sync.status()
        self._show_status(st)
        self.pending_model.set_rows(self._sync.list_ops("pending"))
        self.quarantine_model.set_rows(self._sync.list_ops("quarantined"))
        self.tabs.setTabText(0, self.tr("待上传") + f" ({st.pending})")
        self.tabs.setTabText(1, self.tr("已隔离") + f" ({st.quarantined})")

    # ---- Private
    def _load_settings(self) -> None:
        settings = self._sync.settings()
        self.url_edit.setText(settings.url)
        self.verify_box.setChecked(settings.verify_tls)
        self.token_edit.clear()
        self.token_edit.setPlaceholderText(self.tr("已保存（留空则不变）") if settings.has_credential
                                           else self.tr("请粘贴区平台发放的站点凭据"))
        self._on_verify_toggled(settings.verify_tls)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setObjectName("sync_state_big")
        self.state_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(self.state_label)
        head = QHBoxLayout()
        self.times_label = QLabel()
        self.sync_button = QPushButton(self.tr("立即同步") + " (Ctrl+U)")
        self.refresh_button = QPushButton(self.tr("刷新") + " (Ctrl+F5)")
        # Expanding: the times grow after the first sync and must never be cut off.
        self.times_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        head.addWidget(self.times_label, 1)
        head.addWidget(self.refresh_button)
        head.addWidget(self.sync_button)
        layout.addLayout(head)
        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(_WARN_STYLE)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self._build_tables(), 1)
        layout.addWidget(self._build_settings())

    def _build_tables(self) -> QWidget:
        columns = [
            Column(self.tr("序号"), lambda r: str(r.client_seq)),
            Column(self.tr("对象"), self._what),
            Column(self.tr("编号"), lambda r: r.entity_id[:8]),
            Column(self.tr("记录时间"), lambda r: self._when(r.client_ts)),
            Column(self.tr("尝试"), lambda r: str(r.attempts)),
            Column(self.tr("原因"), lambda r: r.reason or self.tr("等待上传")),
        ]
        self.pending_model = RowsModel(columns, self)
        self.quarantine_model = RowsModel(columns, self)
        self.pending_table = self._table(self.pending_model)
        self.quarantine_table = self._table(self.quarantine_model)
        self.requeue_button = QPushButton(self.tr("修正后重新提交") + " (Ctrl+Shift+R)")
        quarantine = QWidget()
        box = QVBoxLayout(quarantine)
        box.addWidget(self.quarantine_table, 1)
        box.addWidget(self.requeue_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pending_table, self.tr("待上传"))
        self.tabs.addTab(quarantine, self.tr("已隔离"))
        return self.tabs

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    def _build_settings(self) -> QWidget:
        group = QGroupBox(self.tr("连接设置"))
        form = QFormLayout(group)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.verify_box = QCheckBox(self.tr("校验平台TLS证书（正式平台必须开启）"))
        self.tls_warning = QLabel(self.tr("警告：已关闭证书校验，数据可能被冒充的平台截获。仅可连接测试平台。"))
        self.tls_warning.setObjectName("tls_warning")
        self.tls_warning.setStyleSheet(_WARN_STYLE)
        self.save_button = QPushButton(self.tr("保存设置") + " (Ctrl+S)")
        form.addRow(self.tr("区平台地址"), self.url_edit)
        form.addRow(self.tr("站点凭据"), self.token_edit)
        form.addRow("", self.verify_box)
        form.addRow("", self.tls_warning)
        form.addRow("", self.save_button)
        return group

    def _connect_signals(self) -> None:
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.refresh_button.clicked.connect(self.reload)
        self.requeue_button.clicked.connect(self._on_requeue_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.verify_box.toggled.connect(self._on_verify_toggled)
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self._on_sync_clicked)
        QShortcut(QKeySequence("Ctrl+F5"), self, activated=self.reload)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, activated=self._on_requeue_clicked)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self._on_save_clicked)

    def _what(self, row: OpRow) -> str:
        entity = {"case": self.tr("办件"), "case_event": self.tr("办件环节"), "queue_event": self.tr("叫号记录"),
                  "evaluation": self.tr("评价"), "bad_review": self.tr("差评工单")}.get(row.entity, row.entity)
        action = {"create": self.tr("新建"), "update": self.tr("修改"), "withdraw": self.tr("撤回"),
                  "append": self.tr("新增")}.get(row.op_type, row.op_type)
        return f"{entity} · {action}"

    def _when(self, at: datetime | None) -> str:
        return "—" if at is None else at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")

    def _show_status(self, st: SyncStatus) -> None:
        self.state_label.setText(st.text)
        self.times_label.setText(self.tr("上次上传") + f" {self._when(st.last_push)}    "
                                 + self.tr("上次下载") + f" {self._when(st.last_pull)}    "
                                 + self.tr("最早待上传已等待") + f" {_age(st.oldest_pending_age)}")
        self.warnings_label.setText("\n".join(st.warnings))
        self.warnings_label.setVisible(bool(st.warnings))

    def _on_verify_toggled(self, checked: bool) -> None:
        self.tls_warning.setVisible(not checked)

    def _on_sync_clicked(self) -> None:
        if not self.sync_button.isEnabled():
            return
        self.sync_button.setEnabled(False)
        self.state_label.setText(self.tr("正在同步…"))
        run_task(self._sync.sync_now, on_done=self._on_sync_done, on_error=self._on_sync_failed)

    def _on_sync_done(self, report: object) -> None:
        self.sync_button.setEnabled(True)
        self.reload()
        self.sig_synced.emit(report)

    def _on_sync_failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.reload()
        show_error(self, exc)

    @guarded
    def _on_requeue_clicked(self) -> None:
        rows = self.quarantine_table.selectionModel().selectedRows()
        if not rows:
            return
        row: OpRow = self.quarantine_model.row_at(rows[0].row())
        self._sync.requeue(row.op_id, by=self._operator.id)
        self.reload()

    @guarded
    def _on_save_clicked(self) -> None:
        self._sync.save_settings(url=self.url_edit.text(), verify_tls=self.verify_box.isChecked(),
                                 credential=self.token_edit.text() or None, by=self._operator.id)
        self._load_settings()
        self.reload()
