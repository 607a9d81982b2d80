"""差评回访: the supervisor's list of bad-review follow-ups, overdue ones highlighted, and their actions.

The list shows the grade, the reasons and whom the rating concerned — never who gave it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorInfo
from app.services.context import AppContext
from app.services.evaluation import BadReviewInfo
from app.services.export import GRADE_ZH, INDICATOR_ZH
from app.ui.models.rows import Column, RowsModel
from app.ui.widgets.errors import guarded

OVERDUE_BG = QColor("#FBE3E1")

# Marked in the page's context: the columns translate them with self.tr(variable).
STATUS_ZH = {
    "open": QT_TRANSLATE_NOOP("BadReviewsPage", "待指派"),
    "assigned": QT_TRANSLATE_NOOP("BadReviewsPage", "整改中"),
    "called_back": QT_TRANSLATE_NOOP("BadReviewsPage", "已回访"),
    "appealing": QT_TRANSLATE_NOOP("BadReviewsPage", "申诉中"),
    "closed": QT_TRANSLATE_NOOP("BadReviewsPage", "已办结"),
}
APPEAL_ZH = {
    "none": "",
    "pending": QT_TRANSLATE_NOOP("BadReviewsPage", "申诉中"),
    "upheld": QT_TRANSLATE_NOOP("BadReviewsPage", "复核通过（剔除）"),
    "rejected": QT_TRANSLATE_NOOP("BadReviewsPage", "复核驳回"),
}
# GRADE_ZH and INDICATOR_ZH (app/services/export.py) are also shown through self.tr(variable) here; the extractor
# reads only app/ui, so their texts are marked once more. Keep in step with export.py.
_EXPORT_LABELS = (
    QT_TRANSLATE_NOOP("BadReviewsPage", "非常满意"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "满意"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "基本满意"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "不满意"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "非常不满意"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "效率低、等候久"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "告知不清楚"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "服务态度差"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "业务不熟练"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "材料多、重复提交"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "场所设施不便"),
    QT_TRANSLATE_NOOP("BadReviewsPage", "其他"),
)


class _ReviewsModel(RowsModel):
    """Rows of BadReviewInfo; overdue rows get a light red background."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and self.row_at(index.row()).overdue:
            return OVERDUE_BG
        return super().data(index, role)


class BadReviewsPage(QWidget):
    """Assign, record the call-back and the rectification, or appeal; all of it syncs."""

    def __init__(self, ctx: AppContext, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._op = operator
        self._names = {o.id: o.display_name for o in ctx.auth.list_operators()}
        self._build_ui()
        self.reload()

    # ---- Public API
    @guarded
    def reload(self) -> None:
        """Re-read the follow-ups (closed ones only when asked)."""
        rows = self._ctx.evaluation.bad_reviews(include_closed=self.closed_box.isChecked())
        self.model.set_rows(rows)
        overdue = sum(r.overdue for r in rows)
        self.summary.setText(self.tr("共 {0} 条，超期 {1} 条").format(len(rows), overdue))
        self._update_buttons()

    def selected(self) -> BadReviewInfo | None:
        """The follow-up selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # ---- Private
    def _columns(self) -> list[Column]:
        name = self._names.get
        return [
            Column(self.tr("截止日期"), lambda r: r.due_date.isoformat() + (self.tr("（超期）") if r.overdue else "")),
            Column(self.tr("状态"), lambda r: self.tr(STATUS_ZH.get(r.status, r.status))),
            Column(self.tr("评价"), lambda r: self.tr(GRADE_ZH.get(r.level, str(r.level)))),
            Column(self.tr("原因"), lambda r: "、".join(self.tr(INDICATOR_ZH.get(c, c)) for c in r.indicators)),
            Column(self.tr("意见"), lambda r: r.comment),
            Column(self.tr("被评人员"), lambda r: name(r.rated_operator_id or "", "")),
            Column(self.tr("负责人"), lambda r: name(r.assignee_id or "", "")),
            Column(self.tr("回访"), lambda r: r.callback_note),
            Column(self.tr("整改"), lambda r: r.rectification),
            Column(self.tr("申诉"), lambda r: self.tr(APPEAL_ZH.get(r.appeal_status, "")) +
                   (f"：{r.appeal_outcome}" if r.appeal_outcome else "")),
        ]

    def _build_ui(self) -> None:
        self.model = _ReviewsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.closed_box = QCheckBox(self.tr("显示已办结"))
        self.closed_box.toggled.connect(self.reload)
        self.summary = QLabel()
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, keys, slot in (
            ("assign", self.tr("指派给我 (Ctrl+1)"), "Ctrl+1", self._assign),
            ("callback", self.tr("记录回访 (Ctrl+2)"), "Ctrl+2", self._callback),
            ("rectify", self.tr("记录整改并办结 (Ctrl+3)"), "Ctrl+3", self._rectify),
            ("appeal", self.tr("申诉 (Ctrl+4)"), "Ctrl+4", self._appeal),
            ("outcome", self.tr("复核结果 (Ctrl+5)"), "Ctrl+5", self._outcome),
        ):
            button = QPushButton(text)
            button.setShortcut(QKeySequence(keys))
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.closed_box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)

    def _update_buttons(self) -> None:
        r = self.selected()
        status = r.status if r else ""
        allowed = {"assign": ("open", "assigned"), "callback": ("open", "assigned", "called_back"),
                   "rectify": ("assigned", "called_back"), "appeal": ("open", "assigned", "called_back"),
                   "outcome": ("appealing",)}
        for key, button in self.buttons.items():
            button.setEnabled(status in allowed[key])

    def _text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text if ok and text.strip() else None

    def _apply(self, action: Callable[[BadReviewInfo], object]) -> None:
        r = self.selected()
        if r is None:
            return
        action(r)
        keep = r.id
        self.reload()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == keep:
                self.table.selectRow(row)

    @guarded
    def _assign(self) -> None:
        self._apply(lambda r: self._ctx.evaluation.assign(r.id, self._op.id, by=self._op.id))

    @guarded
    def _callback(self) -> None:
        note = self._text(self.tr("记录回访"), self.tr("回访情况（联系结果、申请人意见）："))
        if note:
            self._apply(lambda r: self._ctx.evaluation.record_callback(r.id, note, by=self._op.id))

    @guarded
    def _rectify(self) -> None:
        text = self._text(self.tr("记录整改"), self.tr("整改措施和结果："))
        if text:
            self._apply(lambda r: self._ctx.evaluation.record_rectification(r.id, text, by=self._op.id))

    @guarded
    def _appeal(self) -> None:
        reason = self._text(self.tr("申诉"), self.tr("申诉理由和依据（误评、恶意差评等）："))
        if reason:
            self._apply(lambda r: self._ctx.evaluation.file_appeal(r.id, reason, by=self._op.id))

    @guarded
    def _outcome(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("复核结果"), self.tr("复核是否通过？通过则剔除该差评；驳回则回到整改。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        note = self._text(self.tr("复核结果"), self.tr("复核意见：")) or ""
        upheld = answer == QMessageBox.StandardButton.Yes
        self._apply(lambda r: self._ctx.evaluation.record_appeal_outcome(r.id, upheld=upheld, outcome=note,
                                                                        by=self._op.id))
