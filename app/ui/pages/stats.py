"""The statistics page (supervisor, admin): a period, its throughput chart, its tables, and the exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.context import AppContext
from app.services.errors import ServiceError
from app.services.export import Table, period_title, report_tables, write_csv, write_pdf, write_xlsx
from app.services.stats import PeriodKind, StatsReport, period_bounds
from app.ui.messages import show_error
from app.ui.models.rows import Column, RowsModel
from app.ui.pages.stats_chart import ThroughputChart
from app.ui.pages.stats_district import DistrictPanel
from app.ui.tasks import run_task
from app.ui.widgets.errors import guarded


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StatsPage(QWidget):
    """Pick a day, week, month or range; figures load off the UI thread; export what is shown."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.report: StatsReport | None = None
        self.tables: list[Table] = []
        self._generation = 0
        self._build_ui()
        self._connect_signals()
        self.refresh()

    # ---- Public API
    def period(self) -> tuple[date, date]:
        """The first and last local day the controls select."""
        kind = PeriodKind(self.kind_combo.currentData())
        return period_bounds(kind, _pydate(self.from_edit.date()), _pydate(self.to_edit.date()))

    @guarded
    def refresh(self) -> None:
        """Reload the figures for the selected period."""
        first, last = self.period()
        self.status.setText(self.tr("正在统计…"))
        self._set_busy(True)
        # Only the newest request may fill the page: an older, slower one must not overwrite it.
        self._generation += 1
        mine = self._generation
        run_task(lambda: self._ctx.stats.report(first, last),
                 on_done=lambda rep: self._show(rep) if mine == self._generation else None,
                 on_error=lambda exc: self._failed(exc) if mine == self._generation else None)

    def export_csv(self) -> Path | None:
        """The table on the current tab as CSV (UTF-8 with BOM for Excel)."""
        table = self.tables[self.tabs.currentIndex()] if self.tables else None
        path = self._target(self.tr("导出CSV"), f"{table.key if table else 'stats'}.csv", "CSV (*.csv)")
        return write_csv(table, path) if table and path else None

    def export_xlsx(self) -> Path | None:
        """All tables shown, one sheet each."""
        path = self._target(self.tr("导出Excel"), "stats.xlsx", "Excel (*.xlsx)")
        if not path or self.report is None:
            return None
        return write_xlsx(self.tables, path, title=period_title(self.report))

    def export_pdf(self) -> Path | None:
        """The period report with charts, for the weekly meeting."""
        path = self._target(self.tr("导出PDF"), "stats.pdf", "PDF (*.pdf)")
        if not path or self.report is None:
            return None
        info = self._ctx.station.get()
        station = f"{info.name} {info.window_no}号窗口" if info else ""  # i18n: keep (the PDF report is Chinese)
        return write_pdf(self.report, path, tz=self._ctx.settings.tz, station=station)

    # ---- Private
    def _build_ui(self) -> None:
        self.kind_combo = QComboBox()
        for kind, text in ((PeriodKind.DAY, self.tr("按日")), (PeriodKind.WEEK, self.tr("按周")),
                           (PeriodKind.MONTH, self.tr("按月")), (PeriodKind.RANGE, self.tr("自定义范围"))):
            self.kind_combo.addItem(text, kind.value)
        today = _qdate(self._ctx.stats.today())
        self.from_edit = QDateEdit(today)
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_edit.setEnabled(False)
        self.refresh_btn = QPushButton(self.tr("统计 (Ctrl+R)"))
        self.refresh_btn.setShortcut(QKeySequence("Ctrl+R"))
        self.csv_btn = QPushButton(self.tr("导出CSV (Ctrl+Shift+C)"))
        self.csv_btn.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.xlsx_btn = QPushButton(self.tr("导出Excel (Ctrl+Shift+X)"))
        self.xlsx_btn.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.pdf_btn = QPushButton(self.tr("导出PDF (Ctrl+Shift+P)"))
        self.pdf_btn.setShortcut(QKeySequence("Ctrl+Shift+P"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("周期")))
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.refresh_btn)
        bar.addStretch(1)
        for b in (self.csv_btn, self.xlsx_btn, self.pdf_btn):
            bar.addWidget(b)
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.status = QLabel()
        self.chart = ThroughputChart()
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        self.district = DistrictPanel(self._ctx.district_figures.fetch)
        top = QHBoxLayout()
        top.addWidget(self.chart, 3)
        top.addWidget(self.district, 2)
        layout.addLayout(top, 2)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.from_edit.dateChanged.connect(self._date_changed)
        self.refresh_btn.clicked.connect(self.refresh)
        self.csv_btn.clicked.connect(lambda: self._run_export(self.export_csv))
        self.xlsx_btn.clicked.connect(lambda: self._run_export(self.export_xlsx))
        self.pdf_btn.clicked.connect(lambda: self._run_export(self.export_pdf))

    def _kind_changed(self) -> None:
        self.to_edit.setEnabled(self.kind_combo.currentData() == PeriodKind.RANGE)
        self.refresh()

    def _date_changed(self) -> None:
        if self.kind_combo.currentData() != PeriodKind.RANGE:
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        for b in (self.refresh_btn, self.csv_btn, self.xlsx_btn, self.pdf_btn):
            b.setEnabled(not busy)

    def _show(self, report: StatsReport) -> None:
        self.report = report
        self.tables = report_tables(report)
        self.title.setText(period_title(report))
        self.chart.show_report(report)
        self.district.load(report)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for table in self.tables:
            self.tabs.addTab(self._table_view(table), f"{table.title} ({len(table.rows)})"
                             if table.key == "overdue" else table.title)
        self.tabs.setCurrentIndex(max(0, current))
        self.status.setText(self.tr("时间按本站时区计算；时长单位为分钟；中位数与P90按最近秩计算。"))
        self._set_busy(False)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("统计未完成。"))
        show_error(self, exc)

    def _table_view(self, table: Table) -> QTableView:
        model = RowsModel([Column(h, itemgetter(i)) for i, h in enumerate(table.headers)])
        model.set_rows(table.rows)
        view = QTableView()
        view.setModel(model)
        model.setParent(view)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        return view

    def _target(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    @guarded
    def _run_export(self, export: Callable[[], Path | None]) -> None:
        try:
            done = export()
        except OSError as exc:
            raise ServiceError(self.tr("文件无法写入（{0}）。请换一个位置，或关闭正在使用该文件的程序。")
                               .format(exc.strerror or exc), code="export") from exc
        if done:
            self.status.setText(self.tr("已导出：{0}").format(done))
