"""The period statistics report (PDF): a title, two charts and the page's tables, in the bundled CJK fonts.

Takes plain data only (no services, no database): the caller passes the same text cells the screen shows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

from app.print.fonts import BODY, BOLD, markup, register_fonts

# Muted, print-safe colours (aesthetics: few colours, one accent).
ACCENT = colors.HexColor("#2F5D8A")
SECOND = colors.HexColor("#9DB4CC")
GRID = colors.HexColor("#C8CDD2")
HEAD_BG = colors.HexColor("#EEF2F6")

TableData = tuple[str, Sequence[str], Sequence[Sequence[str]]]


@dataclass(frozen=True)
class ReportInput:
    """What the report prints; every cell is already formatted text."""

    title: str
    subtitle: str
    generated: str
    hours: Sequence[int]
    issued: Sequence[int]
    served: Sequence[int]
    grades: Sequence[tuple[str, int]]
    tables: Sequence[TableData]


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=22, spaceAfter=2 * mm),
        "sub": ParagraphStyle("sub", fontName=BODY, fontSize=9, leading=13, textColor=colors.HexColor("#555555")),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=12, leading=16, spaceBefore=4 * mm, spaceAfter=2 * mm,
                             keepWithNext=1),
        "cell": ParagraphStyle("cell", fontName=BODY, fontSize=8.5, leading=11),
    }


def _hour_chart(data: ReportInput, width: float) -> Drawing:
    """Issued and served tickets per hour: grouped bars."""
    d = Drawing(width, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, width - 16 * mm, 44 * mm
    chart.data = [list(data.issued) or [0], list(data.served) or [0]]
    chart.categoryAxis.categoryNames = [f"{h:02d}" for h in data.hours] or ["—"]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = BODY
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor, chart.bars[1].fillColor = SECOND, ACCENT
    chart.bars.strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 40 * mm, 60 * mm
    legend.fontName, legend.fontSize = BODY, 8
    legend.colorNamePairs = [(SECOND, "取号"), (ACCENT, "办结")]
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    d.add(legend)
    d.add(String(12 * mm, 58 * mm, "每小时取号与办结", fontName=BODY, fontSize=9))
    return d


def _grade_chart(data: ReportInput, width: float) -> Drawing:
    """好差评 distribution: horizontal bars, 非常满意 on top."""
    d = Drawing(width, 46 * mm)
    d.add(String(0, 42 * mm, "好差评分布（不含默认评价）", fontName=BODY, fontSize=9))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 24 * mm, 4 * mm, width - 34 * mm, 30 * mm
    chart.data = [[n for _, n in reversed(data.grades)] or [0]]
    chart.categoryAxis.categoryNames = [g for g, _ in reversed(data.grades)] or ["—"]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = BODY
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = ACCENT
    chart.bars.strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize = BODY, 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    d.add(chart)
    return d


def _table(data: TableData, width: float, st: dict[str, ParagraphStyle]) -> list:
    title, headers, rows = data
    cell = st["cell"]
    body = [[Paragraph(markup(h, "header"), cell) for h in headers]]
    body += [[Paragraph(markup(c, "cell"), cell) for c in row] for row in rows]
    if not rows:
        body.append([Paragraph("（本期无数据）", cell)] + [""] * (len(headers) - 1))
    first = width * (0.6 if len(headers) <= 2 else 0.34 if len(headers) <= 5 else 0.2)
    rest = (width - first) / max(1, len(headers) - 1)
    table = RlTable(body, colWidths=[first] + [rest] * (len(headers) - 1), repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [Paragraph(markup(title, "title"), st["h2"]), table]


def render_report(data: ReportInput) -> bytes:
    """The report as PDF bytes (A4 portrait)."""
    register_fonts()
    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                            bottomMargin=14 * mm, title=data.title, author="一窗")
    width = doc.width
    story: list = [Paragraph(markup(data.title, "title"), st["title"]),
                   Paragraph(markup(f"{data.subtitle}　生成于 {data.generated}", "sub"), st["sub"]),
                   Spacer(1, 2 * mm)]
    # Key figures first, then the charts, then the detail tables: the order of a weekly meeting.
    tables = list(data.tables)
    if tables:
        story += _table(tables.pop(0), width, st)
    story += [Paragraph(markup("图表", "title"), st["h2"]), _hour_chart(data, width), Spacer(1, 2 * mm),
              _grade_chart(data, width)]
    for table in tables:
        story += _table(table, width, st)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()


def _footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    canvas.saveState()
    canvas.setFont(BODY, 7.5)
    canvas.setFillColor(colors.HexColor("#777777"))
    canvas.drawRightString(A4[0] - 16 * mm, 8 * mm, f"第 {doc.page} 页")
    canvas.restoreState()
