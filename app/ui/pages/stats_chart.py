"""Throughput per hour as a Qt Charts bar chart: tickets issued and served in each station-local hour."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from app.services.stats import StatsReport

ACCENT = QColor("#2F5D8A")
SECOND = QColor("#9DB4CC")


class ThroughputChart(QChartView):
    """Issued and served per hour for the period on the page (the same figures as the 按时段 table)."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.issued: list[int] = []
        self.served: list[int] = []
        self.hours: list[int] = []

    def show_report(self, report: StatsReport) -> None:
        """Replace the chart with the report's hourly figures."""
        s = report.stats
        self.hours = list(s.hours)
        self.issued = [s.issued_per_hour.get(h, 0) for h in self.hours]
        self.served = [s.served_per_hour.get(h, 0) for h in self.hours]
        chart = QChart()
        chart.setTitle(self.tr("每小时取号与办结"))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        series = QBarSeries()
        for label, values, colour in ((self.tr("取号"), self.issued, SECOND), (self.tr("办结"), self.served, ACCENT)):
            bar_set = QBarSet(label)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            series.append(bar_set)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([f"{h:02d}" for h in self.hours] or ["—"])
        y = QValueAxis()
        y.setRange(0, max([*self.issued, *self.served, 1]) * 1.1)
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
