"""Issuing a ticket prints its 80 mm slip on the configured receipt printer; a missing one never blocks issuing."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from app.ui.pages.queue_issue import IssueDialog
from app.ui.slip_printer import slip_printer_for


def test_no_receipt_printer_means_no_slip_but_a_ticket(qtbot, ctx) -> None:
    assert slip_printer_for(ctx.documents) is None
    dialog = IssueDialog(ctx.queue, operator_id="clerk", station_name="示范区", printer=None)
    qtbot.addWidget(dialog)
    dialog.issue()
    assert dialog.last is not None and "未配置小票打印机" in dialog.result_label.text()


def test_slip_goes_to_the_receipt_printer(qtbot, ctx, tmp_path: Path) -> None:
    ctx.documents.set_printer("receipt", "小票机")
    out = tmp_path / "slip.pdf"

    def to_file(_name: str) -> QPrinter:  # a PDF-file QPrinter stands in for the thermal printer
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    dialog = IssueDialog(ctx.queue, operator_id="clerk", station_name="示范区",
                         printer=slip_printer_for(ctx.documents, make=to_file))
    qtbot.addWidget(dialog)
    dialog.issue()
    assert "未打印" not in dialog.result_label.text()
    page = PdfReader(str(out)).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80  # the roll's width, in millimetres


def test_missing_receipt_printer_keeps_the_ticket_and_says_why(qtbot, ctx) -> None:
    ctx.documents.set_printer("receipt", "不存在的小票机")
    dialog = IssueDialog(ctx.queue, operator_id="clerk", station_name="示范区",
                         printer=slip_printer_for(ctx.documents))
    qtbot.addWidget(dialog)
    dialog.issue()
    assert dialog.last is not None
    text = dialog.result_label.text()
    assert "小票未打印" in text and "不存在的小票机" in text
    assert [w.ticket.ticket_no for w in ctx.queue.waiting()] == [dialog.last.ticket.ticket_no]
