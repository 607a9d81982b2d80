"""The catalogue page: items by department and type, and one item's full detail."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import TASK_TYPES, Material, ProjectType, ServiceItem
from app.services.catalogue import CatalogueService, ItemSummary
from app.ui.labels import fee, label, time_limit
from app.ui.models.rows import Column, RowsModel
from app.ui.widgets.errors import guarded


class CataloguePage(QWidget):
    """Browse the active catalogue; read-only for every role."""

    def __init__(self, catalogue: CatalogueService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._build_ui()
        self._connect_signals()
        self.reload()

    # ---- Public API
    @guarded
    def reload(self) -> None:
        """Re-read departments and items (after an import)."""
        current = self.department_combo.currentData()
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("全部部门"), None)
        for dept in self._catalogue.departments():
            self.department_combo.addItem(dept, dept)
        index = self.department_combo.findData(current)
        self.department_combo.setCurrentIndex(max(0, index))
        self.department_combo.blockSignals(False)
        self._refresh_list()

    def show_item(self, code: str) -> None:
        """Select the item with this code and show its detail."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).code == code:
                self.table.selectRow(row)
                return

    # ---- Private
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.department_combo = QComboBox()
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("全部类型"), None)
        for t in TASK_TYPES:
            self.type_combo.addItem(t, t)
        self.count_label = QLabel()
        filters.addWidget(QLabel(self.tr("部门")))
        filters.addWidget(self.department_combo, 2)
        filters.addWidget(QLabel(self.tr("事项类型")))
        filters.addWidget(self.type_combo, 1)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        self.model = RowsModel([
            Column(self.tr("编码"), lambda r: r.code),
            Column(self.tr("事项名称"), lambda r: r.name),
            Column(self.tr("部门"), lambda r: r.department),
            Column(self.tr("类型"), lambda r: r.task_type),
            Column(self.tr("办件类型"), lambda r: label(ProjectType(r.project_type))),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.detail = QTextBrowser()
        self.detail.setObjectName("item_detail")
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([640, 500])
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.department_combo.currentIndexChanged.connect(self._refresh_list)
        self.type_combo.currentIndexChanged.connect(self._refresh_list)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)

    @guarded
    def _refresh_list(self, *_: object) -> None:
        rows: list[ItemSummary] = self._catalogue.list_items(
            department=self.department_combo.currentData(), task_type=self.type_combo.currentData())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 %n 项", "", len(rows)))
        self.detail.setHtml(f"<p>{escape(self.tr('选择左侧事项查看办事指南。'))}</p>")

    @guarded
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            item = self._catalogue.item(self.model.row_at(current.row()).code)
            self.detail.setHtml(item_html(self, item))


def _material_flags(w: QWidget, m: Material) -> str:
    flags = []
    if m.rongque_allowed:
        flags.append(w.tr("可容缺"))
    if m.commitment_replaceable:
        flags.append(w.tr("可告知承诺（替代：%1）").replace("%1", m.proof_replaced or ""))
    if m.elicense_exempt:
        flags.append(w.tr("电子证照可免提交"))
    return "；".join(flags)


def _materials_table(w: QWidget, item: ServiceItem) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in (
        w.tr("序号"), w.tr("材料名称"), w.tr("必要性"), w.tr("原件"), w.tr("复印件"), w.tr("说明")))
    rows = []
    for n, m in enumerate(item.materials, start=1):
        situations = "、".join(item.situation(c).name for c in m.situations)
        note = "；".join(x for x in (_material_flags(w, m), m.accept_standard,
                                     w.tr("适用情形：") + situations if situations else "") if x)
        rows.append(f"<tr><td>{n}</td><td>{escape(m.name)}</td><td>{escape(label(m.necessity))}</td>"
                    f"<td align='center'>{m.originals}</td><td align='center'>{m.copies}</td>"
                    f"<td>{escape(note)}</td></tr>")
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{''.join(rows)}</table>"


def item_html(w: QWidget, item: ServiceItem) -> str:
    """The 办事指南 of one item as HTML for the detail pane."""
    facts = [
        (w.tr("事项编码"), f"{item.code}　{item.task_code}"),
        (w.tr("实施部门"), item.department),
        (w.tr("事项类型"), item.task_type),
        (w.tr("办件类型"), label(item.project_type)),
        (w.tr("法定时限"), time_limit(item.legal_limit)),
        (w.tr("承诺时限"), time_limit(item.promise_limit)),
        (w.tr("收费"), fee(item.fee_fen) + (f"（{item.fee_note}）" if item.fee_note and item.fee_note != fee(0)
                                          else "")),
        (w.tr("设定依据"), item.legal_basis),
        (w.tr("受理条件"), item.conditions),
        (w.tr("办理地点"), item.handle_place),
        (w.tr("办理结果"), item.result_name),
        (w.tr("咨询电话"), item.consult_phone),
        (w.tr("监督投诉电话"), item.supervise_phone),
    ]
    if item.situations:
        facts.append((w.tr("办理情形"), "、".join(s.name for s in item.situations)))
    rows = "".join(f"<tr><td width='22%'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts)
    return (f"<h2>{escape(item.name)}</h2><table cellpadding='3' width='100%'>{rows}</table>"
            f"<h3>{escape(w.tr('申请材料'))}</h3>{_materials_table(w, item)}")
