"""The cases page: filters, the case table with overdue highlighting, and the detail with timeline and actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorInfo
from app.services.cases_types import CaseRow
from app.services.context import AppContext
from app.ui.models.rows import Column, RowsModel
from app.ui.pages.cases_detail import CaseDetailPane
from app.ui.widgets.errors import guarded

STATUS_ZH = {
    "receiving": QT_TRANSLATE_NOOP("cases", "收件"),
    "await_supplement": QT_TRANSLATE_NOOP("cases", "待补正"),
    "accepted": QT_TRANSLATE_NOOP("cases", "已受理"),
    "transferred": QT_TRANSLATE_NOOP("cases", "已流转"),
    "in_review": QT_TRANSLATE_NOOP("cases", "审批中"),
    "suspended": QT_TRANSLATE_NOOP("cases", "特别程序"),
    "decided": QT_TRANSLATE_NOOP("cases", "已办结"),
    "ready_for_pickup": QT_TRANSLATE_NOOP("cases", "待出件"),
    "delivered": QT_TRANSLATE_NOOP("cases", "已出件"),
    "closed": QT_TRANSLATE_NOOP("cases", "已关闭"),
}
OVERDUE_BG = QColor("#fde0dc")
WARN_BG = QColor("#fff4cc")


def status_zh(status: str) -> str:
    """A case status in Chinese (translated at use)."""
    return QCoreApplication.translate("cases", STATUS_ZH.get(status, status))


def _due_text(r: CaseRow) -> str:
    if r.due_date is None:
        return "—"
    tr = QCoreApplication.translate
    flag = tr("cases", "（已超期）") if r.overdue else tr("cases", "（临近）") if r.warn else ""
    return r.due_date.isoformat() + flag


class CaseRowsModel(RowsModel):
    """Case rows; overdue lines red, ≤ 1 working day left yellow, a false commitment marked."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row: CaseRow = self.row_at(index.row())
            if row.overdue or row.flagged:
                return OVERDUE_BG
            if row.warn:
                return WARN_BG
            return None
        return super().data(index, role)


class CasesPage(QWidget):
    """List on the left, detail on the right; F4 opens it, Ctrl+F jumps to the search field."""

    def __init__(self, ctx: AppContext, operator: OperatorInfo) -> None:
        super().__init__()
        self._ctx = ctx
        self._operator = operator
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ---- Public API
    @guarded
    def refresh(self) -> None:
        """Reload the list with the current filters, keeping the selected case if still shown."""
        current = self.detail.case_id
        rows = self._ctx.cases.list_cases(text=self.search.text(), status=self.status.currentData() or None,
                                          overdue_only=self.overdue.isChecked())
        self.model.set_rows(rows)
        for k, r in enumerate(rows):
            if r.id == current:
                self.table.selectRow(k)
                return
        if rows:
            self.table.selectRow(0)
        else:
            self.detail.show_case(None)

    def select_case(self, case_id: str) -> None:
        """Select a case in the list (after a search) and show it."""
        for k in range(self.model.rowCount()):
            if self.model.row_at(k).id == case_id:
                self.table.selectRow(k)
                return

    # ---- Building
    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("cases_search")
        self.search.setPlaceholderText(self.tr("办件编号、申请人、事项（Ctrl+F）"))
        self.status = QComboBox()
        self.status.setObjectName("cases_status")
        self.status.addItem(self.tr("全部状态"), "")
        for key in STATUS_ZH:
            self.status.addItem(status_zh(key), key)
        self.overdue = QCheckBox(self.tr("只看超期(&O)"))
        self.overdue.setObjectName("cases_overdue")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.overdue)
        self.model = CaseRowsModel([
            Column(self.tr("办件编号"), lambda r: r.provisional_no),
            Column(self.tr("申请人"), lambda r: r.applicant_name),
            Column(self.tr("事项"), lambda r: r.item_name),
            Column(self.tr("状态"), lambda r: status_zh(r.status) + (self.tr("·承诺不实") if r.flagged else "")),
            Column(self.tr("办结期限"), _due_text),
        ])
        self.table = QTableView()
        self.table.setObjectName("cases_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = CaseDetailPane(self._ctx, self._operator)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 480])  # the due date column must stay visible
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.sig_changed.connect(self.refresh)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_search, context=context)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh, context=context)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @guarded
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_case(self.model.row_at(current.row()).id)
