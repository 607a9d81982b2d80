"""Supervisor statistics page: open it, change the range, export XLSX and PDF; the files hold the screen's figures."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QTableView

from app.ui.pages.registry import default_pages
from tests.stats_data import fill_year
from tests.ui.shots import SHOTS, shot


def _login(ctx, name: str):  # type: ignore[no-untyped-def]
    return ctx.auth.login(name, "yichuang2026")


def _screen_cells(page, index: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    view = page.tabs.widget(index)
    assert isinstance(view, QTableView)
    m = view.model()
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


@pytest.fixture
def data_ctx(ctx):  # type: ignore[no-untyped-def]
    fill_year(ctx, tickets=6000, cases=2000)
    clerk = _login(ctx, "clerk").id
    for level, codes in [(5, []), (5, []), (4, []), (2, ["501"]), (1, ["503"])]:
        req = ctx.evaluation.request(by=clerk, ticket_id="t")
        ctx.evaluation.record(req.id, level, codes, evaluator="13800138000")
    return ctx


def test_supervisor_changes_range_and_exports(qtbot, data_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sup = _login(data_ctx, "supervisor")
    spec = next(p for p in default_pages() if p.key == "stats")
    assert sup.can(spec.permission) and not _login(data_ctx, "clerk").can(spec.permission)
    page = spec.factory(data_ctx, sup)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=20000)
    assert page.report.stats.first_day == page.report.stats.last_day  # a day by default
    # Month, by keyboard: the combo is focused and moved down twice (日 → 周 → 月).
    page.kind_combo.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    s = page.report.stats
    assert (s.first_day.isoformat(), s.last_day.isoformat()) == ("2026-11-01", "2026-11-30")
    assert s.issued > 0 and s.ratings.by_indicator == {"501": 1, "503": 1}
    assert page.title.text() == "统计 2026-11-01 至 2026-11-30"
    assert page.chart.issued == [s.issued_per_hour.get(h, 0) for h in s.hours]
    assert sum(page.chart.served) == s.served
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.tabs.currentWidget().isVisible())
    shot(page, "stats_page")

    screen = {t.key: _screen_cells(page, i) for i, t in enumerate(page.tables)}
    xlsx, pdf = tmp_path / "stats.xlsx", tmp_path / "stats.pdf"
    targets = iter([(str(xlsx), ""), (str(pdf), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(targets))
    qtbot.mouseClick(page.xlsx_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.pdf_btn, Qt.MouseButton.LeftButton)
    assert xlsx.exists() and pdf.exists()

    wb = load_workbook(xlsx)
    for t in page.tables:
        rows = [["" if v is None else str(v) for v in row] for row in wb[t.title].iter_rows(values_only=True)]
        assert rows[0] == list(t.headers) and rows[1:] == screen[t.key]
        assert not any("评价人" in h or "电话" in h for h in t.headers)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    for label, value in screen["overview"]:
        assert label in text and value in text
    assert "13800138000" not in text
    folder = SHOTS if os.environ.get("YICHUANG_SCREENSHOTS") == "1" else tmp_path
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(folder / "stats_report")], check=True)
    assert (folder / "stats_report.png").stat().st_size > 0


def test_custom_range_and_bad_reviews_page(qtbot, data_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sup = _login(data_ctx, "supervisor")
    page = next(p for p in default_pages() if p.key == "stats").factory(data_ctx, sup)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=20000)
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.kind_combo.setCurrentIndex(3)
    assert page.to_edit.isEnabled() and page.refresh_btn.isEnabled()
    page.from_edit.setDate(QDate(2026, 11, 2))
    page.to_edit.setDate(QDate(2026, 11, 8))
    with qtbot.waitSignal(page.loaded, timeout=20000):
        qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert (page.report.stats.first_day.day, page.report.stats.last_day.day) == (2, 8)

    reviews = next(p for p in default_pages() if p.key == "bad_reviews").factory(data_ctx, sup)
    qtbot.addWidget(reviews)
    assert reviews.model.rowCount() == 2
    reviews.table.selectRow(0)
    qtbot.mouseClick(reviews.buttons["assign"], Qt.MouseButton.LeftButton)
    assert reviews.selected().status == "assigned"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("已电话回访，申请人认可", True))
    qtbot.mouseClick(reviews.buttons["callback"], Qt.MouseButton.LeftButton)
    assert reviews.selected().callback_note == "已电话回访，申请人认可"
    shown = " ".join(str(reviews.model.index(r, c).data()) for r in range(2) for c in range(10))
    assert "13800138000" not in shown
