"""The statistics page's 全厅/全区 panel: the hall's and district's counts beside this window's, when reachable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.district_figures import DistrictFigures, FigureCounts
from app.services.stats import StatsReport
from app.ui.models.rows import Column, RowsModel
from app.ui.tasks import run_task

Fetch = Callable[[date, date], DistrictFigures | None]

#: (label, the window's figure from a StatsReport, the gateway's counter); the labels are translated at use.
_ROWS: tuple[tuple[str, Callable[[StatsReport], int], str], ...] = (
    (QT_TRANSLATE_NOOP("DistrictPanel", "取号数"), lambda r: r.stats.issued, "tickets_issued"),
    (QT_TRANSLATE_NOOP("DistrictPanel", "办结号数"), lambda r: r.stats.served, "tickets_served"),
    (QT_TRANSLATE_NOOP("DistrictPanel", "收件数"), lambda r: r.stats.cases.received, "cases_received"),
    (QT_TRANSLATE_NOOP("DistrictPanel", "评价数"),
     lambda r: r.stats.ratings.rated + r.stats.ratings.defaults, "evaluations"),
    (QT_TRANSLATE_NOOP("DistrictPanel", "差评工单"), lambda r: r.stats.ratings.bad, "bad_reviews"),
)


def _count(figures: FigureCounts | None, name: str) -> str:
    return "—" if figures is None else str(getattr(figures, name))


class DistrictPanel(QGroupBox):
    """This window's counts next to the hall's and district's, fetched off the UI thread for the same period."""

    loaded = Signal()
    """The gateway answered or was found unreachable; the panel shows the outcome."""

    def __init__(self, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._generation = 0
        self._report: StatsReport | None = None
        self.figures: DistrictFigures | None = None
        self.setTitle(self.tr("全厅/全区"))
        self.setObjectName("district_panel")
        self.model = RowsModel([Column(self.tr("指标"), itemgetter(0)), Column(self.tr("本窗口"), itemgetter(1)),
                                Column(self.tr("全厅"), itemgetter(2)), Column(self.tr("全区"), itemgetter(3))])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setObjectName("district_note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setMinimumWidth(340)

    # ---- Public API
    def load(self, report: StatsReport) -> None:
        """Show this window's figures now and ask the gateway for the same period in the background."""
        self._report = report
        self.figures = None
        self._fill(None)
        self.note.setText(self.tr("正在向区平台查询…"))
        self._generation += 1
        mine = self._generation
        first, last = report.stats.first_day, report.stats.last_day
        run_task(lambda: self._fetch(first, last),
                 on_done=lambda got: self._show(got) if mine == self._generation else None,
                 on_error=lambda exc: self._show(None) if mine == self._generation else None)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (label, window, hall, district)."""
        return [tuple(self.model.row_at(i)) for i in range(self.model.rowCount())]

    # ---- Private
    def _show(self, figures: DistrictFigures | None) -> None:
        self.figures = figures
        self._fill(figures)
        if figures is None:
            self.note.setText(self.tr("区平台不可达，仅显示本窗口数据"))
        else:
            self.note.setText(self.tr("数据来自区平台（{0} 个大厅）；尚未上传的不计入。")
                              .format(figures.halls))
        self.loaded.emit()

    def _fill(self, figures: DistrictFigures | None) -> None:
        report = self._report
        rows: list[tuple[Any, ...]] = []
        for label, mine, name in _ROWS:
            window = str(mine(report)) if report is not None else "—"
            rows.append((QCoreApplication.translate("DistrictPanel", label), window,
                         _count(figures.hall if figures else None, name),
                         _count(figures.district if figures else None, name)))
        self.model.set_rows(rows)
        # Five short rows: the table takes exactly their height so the note below always shows in full.
        header = self.view.horizontalHeader().sizeHint().height()
        self.view.setFixedHeight(header + self.view.verticalHeader().length() + 2 * self.view.frameWidth())
