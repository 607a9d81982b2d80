"""The statistics tables as the screen shows them, and the same tables as CSV, XLSX and a PDF report.

One function (`report_tables`) turns a StatsReport into text cells; the page, the CSV, the XLSX and
the PDF all print those cells, so a figure cannot differ between the screen and a file. No table
has a column for who gave a rating: ratings appear only as counts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.metrics import DurationSummary
from app.domain.stats import GroupFigures, PeriodStats
from app.services.stats import StatsReport

GRADE_ZH = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
INDICATOR_ZH = {"501": "效率低、等候久", "502": "告知不清楚", "503": "服务态度差", "504": "业务不熟练",
                "505": "材料多、重复提交", "506": "场所设施不便", "509": "其他"}


@dataclass(frozen=True)
class Table:
    """One table as shown: key (file names), title, column headers, rows of text cells."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def minutes(seconds: float | None) -> str:
    """Seconds as minutes with one decimal ('—' when there is no value)."""
    return "—" if seconds is None else f"{seconds / 60:.1f}"


def percent(rate: float | None) -> str:
    """A rate as a percentage with one decimal ('—' when undefined)."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _summary(label: str, d: DurationSummary) -> list[tuple[str, str]]:
    return [(f"{label}中位数（分钟）", minutes(d.median)), (f"{label}P90（分钟）", minutes(d.p90)),
            (f"{label}最长（分钟）", minutes(d.max))]


def _overview(s: PeriodStats) -> Table:
    c, r = s.cases, s.ratings
    rows = [("取号数", str(s.issued)), ("已办结", str(s.served)), ("过号", str(s.no_show)),
            ("过号率", percent(s.no_show_rate)), *_summary("等候", s.wait), *_summary("到窗", s.walk_up),
            *_summary("办理", s.service), ("暂停总时长（分钟）", minutes(s.pause_total)),
            ("收件", str(c.received)), ("受理（含容缺）", str(c.accepted)), ("容缺受理", str(c.deficiency)),
            ("补正", str(c.supplement)), ("不予受理", str(c.rejected)), ("告知承诺", str(c.commitment)),
            ("办结", str(s.finished)), ("按时办结率", percent(s.on_time_rate)), ("超期未办结", str(len(s.overdue))),
            ("评价数（不含默认）", str(r.rated)), ("默认基本满意", str(r.defaults)), ("差评", str(r.bad)),
            ("差评率", percent(r.bad_rate))]
    return Table("overview", "概况", ("指标", "数值"), tuple(rows))


def _hours(s: PeriodStats) -> Table:
    rows = tuple((f"{h:02d}:00", str(s.issued_per_hour.get(h, 0)), str(s.served_per_hour.get(h, 0)))
                 for h in s.hours)
    return Table("hours", "按时段", ("时段", "取号", "办结"), rows)


def _group_rows(groups: Sequence[GroupFigures], name: dict[str, str] | None, pauses: dict | None) -> tuple:
    rows = []
    for g in groups:
        row = [name.get(g.key, g.key) if name else g.key, str(g.issued), str(g.served), str(g.no_show),
               minutes(g.wait.median), minutes(g.wait.p90), minutes(g.service.median), minutes(g.service.p90)]
        if pauses is not None:
            row.append(minutes(pauses.get(g.key, 0.0)))
        rows.append(tuple(row))
    return tuple(rows)


_GROUP_HEADERS = ("取号", "办结", "过号", "等候中位(分)", "等候P90(分)", "办理中位(分)", "办理P90(分)")


def _categories(rep: StatsReport) -> Table:
    return Table("categories", "按类别", ("类别", *_GROUP_HEADERS),
                 _group_rows(rep.stats.by_category, rep.category_names, None))


def _operators(rep: StatsReport) -> Table:
    s = rep.stats
    known = {g.key for g in s.by_operator}
    groups = list(s.by_operator) + [GroupFigures(op) for op in s.pause_by_operator if op not in known]
    return Table("operators", "按人员", ("人员", *_GROUP_HEADERS, "暂停(分)"),
                 _group_rows(groups, rep.operator_names, dict(s.pause_by_operator)))


def _items(rep: StatsReport) -> Table:
    rows = tuple((rep.item(code), str(c.received), str(c.accepted), str(c.deficiency), str(c.supplement),
                  str(c.rejected), str(c.commitment)) for code, c in rep.stats.by_item.items())
    return Table("items", "按事项", ("事项", "收件", "受理", "容缺", "补正", "不予受理", "告知承诺"), rows)


def _ratings(s: PeriodStats) -> Table:
    r = s.ratings
    rows = [(GRADE_ZH[lvl], str(r.by_level.get(lvl, 0)), percent(r.by_level.get(lvl, 0) / r.rated if r.rated else None))
            for lvl in range(5, 0, -1)]
    rows.append(("默认基本满意（另计）", str(r.defaults), "—"))
    rows += [(f"差评原因：{INDICATOR_ZH.get(code, code)}", str(n), "—") for code, n in r.by_indicator.items()]
    return Table("ratings", "好差评", ("评价", "数量", "占比"), tuple(rows))


def _overdue(rep: StatsReport, limit: int) -> Table:
    rows = tuple((o.number, rep.item(o.item_code), o.due_date.isoformat(), str(o.days_over))
                 for o in rep.stats.overdue[:limit])
    return Table("overdue", "超期未办结", ("办件编号", "事项", "承诺期限", "超期天数"), rows)


def report_tables(rep: StatsReport, *, overdue_limit: int = 500) -> list[Table]:
    """Every table of the statistics page, in page order (the overdue list capped at `overdue_limit`)."""
    s = rep.stats
    return [_overview(s), _hours(s), _categories(rep), _operators(rep), _items(rep), _ratings(s),
            _overdue(rep, overdue_limit)]


def period_title(rep: StatsReport) -> str:
    """'统计 2026-11-01 至 2026-11-30' or one day."""
    s = rep.stats
    if s.first_day == s.last_day:
        return f"统计 {s.first_day.isoformat()}"
    return f"统计 {s.first_day.isoformat()} 至 {s.last_day.isoformat()}"


# ---- Files
def table_csv(table: Table) -> bytes:
    """One table as CSV with a UTF-8 BOM, so Excel opens the Chinese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def write_csv(table: Table, path: Path) -> Path:
    """Write one table as CSV."""
    path.write_bytes(table_csv(table))
    return path


def _cell(text: str) -> int | str:
    """Counts become numbers Excel can sum; everything else stays as the screen shows it."""
    return int(text) if text.isdigit() else text


def write_xlsx(tables: Sequence[Table], path: Path, *, title: str = "") -> Path:
    """All tables into one workbook, a sheet per table, headers bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        ws.append(list(table.headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append([_cell(c) for c in row])
        ws.freeze_panes = "A2"
        for i, header in enumerate(table.headers):
            width = max([len(header), *(len(r[i]) for r in table.rows)] or [8])
            ws.column_dimensions[chr(ord("A") + i)].width = min(40, 2 * width + 2)
    if title:
        wb.properties.title = title
    wb.save(path)
    return path


def write_pdf(rep: StatsReport, path: Path, *, tz: ZoneInfo, station: str = "") -> Path:
    """The period report for a weekly meeting: figures, the hourly throughput chart and the tables."""
    from app.print.report import ReportInput, render_report

    s = rep.stats
    data = ReportInput(
        title=period_title(rep), subtitle=station, generated=rep.generated_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        hours=s.hours, issued=tuple(s.issued_per_hour.get(h, 0) for h in s.hours),
        served=tuple(s.served_per_hour.get(h, 0) for h in s.hours),
        grades=tuple((GRADE_ZH[lvl], s.ratings.by_level.get(lvl, 0)) for lvl in range(5, 0, -1)),
        tables=tuple((t.title, t.headers, t.rows) for t in report_tables(rep, overdue_limit=100)),
    )
    path.write_bytes(render_report(data))
    return path
