"""Exports: CSV with BOM, XLSX and PDF hold the page's figures; no column names the person who rated."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.export import report_tables, table_csv, write_pdf, write_xlsx

DAY = date(2026, 11, 27)
FORBIDDEN = ("评价人", "申请人", "姓名", "电话", "证件", "evaluator")


@pytest.fixture
def rated(ctx):  # type: ignore[no-untyped-def]
    op = next(o.id for o in ctx.auth.list_operators() if o.username == "clerk")
    for level in (5, 4, 2):
        req = ctx.evaluation.request(by=op, ticket_id="t")
        ctx.evaluation.record(req.id, level, ["501"] if level == 2 else [], evaluator="13800138000")
    t = ctx.queue.issue("A").ticket
    ctx.clock.advance(seconds=90)
    ctx.queue.call_next(by=op)
    ctx.clock.advance(seconds=30)
    ctx.queue.start_serving(t.id, by=op)
    ctx.clock.advance(seconds=600)
    ctx.queue.finish(t.id, by=op)
    return ctx


def test_no_table_carries_the_evaluator(rated) -> None:  # type: ignore[no-untyped-def]
    tables = report_tables(rated.stats.report(DAY, DAY))
    for t in tables:
        assert not [h for h in t.headers if any(w in h for w in FORBIDDEN)], t.key
        assert "13800138000" not in repr(t.rows)


def test_csv_has_bom_and_the_same_cells(rated) -> None:  # type: ignore[no-untyped-def]
    overview = report_tables(rated.stats.report(DAY, DAY))[0]
    data = table_csv(overview)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "指标,数值" and "等候中位数（分钟）,1.5" in lines and "差评,1" in lines


def test_xlsx_and_pdf_hold_the_page_figures(rated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rep = rated.stats.report(DAY, DAY)
    tables = report_tables(rep)
    wb = load_workbook(write_xlsx(tables, tmp_path / "s.xlsx"))
    for t in tables:
        ws = wb[t.title]
        values = [[("" if v is None else str(v)) for v in row] for row in ws.iter_rows(values_only=True)]
        assert values[0] == list(t.headers)
        assert values[1:] == [list(r) for r in t.rows]
    pdf = write_pdf(rep, tmp_path / "s.pdf", tz=rated.settings.tz, station="演示站")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "统计 2026-11-27" in text and "每小时取号与办结" in text
    for label, value in tables[0].rows:
        assert label in text and value in text
    assert "13800138000" not in text
