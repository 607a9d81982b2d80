"""Print preview and the Qt print path: QPrinter writing a PDF file, refusing printers, retry, double clicks."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.print.samples import sample_context
from app.ui.pdf_raster import make_printer
from app.ui.printing import PrintPreviewDialog

pypdf = pytest.importorskip("pypdf")
CLERK = "clerk-1"


@pytest.fixture(autouse=True)
def _no_unexpected_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error box the test did not expect fails the test instead of blocking it."""
    def fail(_parent: Any, _title: str, text: str, *_a: Any) -> None:
        raise AssertionError(f"unexpected error box: {text}")

    monkeypatch.setattr(QMessageBox, "warning", fail)


def _issue(ctx: Any, kind: str = "receipt", profile: str = "a4") -> Any:
    return ctx.documents.issue(kind, kind, sample_context(kind), profile=profile, operator_id=CLERK)


def _file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


class Boxes:
    """Stands in for the modal boxes: records what was shown and answers from a script."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, failure_answers: list[str], confirm: list[bool]) -> None:
        self.failures: list[str] = []
        self.questions: list[str] = []
        self._answers = failure_answers
        self._confirm = confirm
        self.during_question: Any = None
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _exec(self, box: QMessageBox) -> int:
        self.failures.append(box.text())
        wanted = self._answers.pop(0)
        button = next(b for b in box.buttons() if b.text() == wanted)
        button.click()
        return 0

    def _question(self, _parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        self.questions.append(text)
        if self.during_question:
            self.during_question()
        ok = self._confirm.pop(0)
        return QMessageBox.StandardButton.Yes if ok else QMessageBox.StandardButton.No


def _dialog(qtbot: Any, ctx: Any, doc_id: str, factory: Any, **kw: Any) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(ctx.documents, doc_id, printer_factory=factory, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _press_print(qtbot: Any, dialog: PrintPreviewDialog) -> None:
    dialog.activateWindow()
    dialog.print_button.setFocus()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Space)


def _pages(path: Path) -> int:
    return len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_preview_shows_every_page_and_screenshot(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    info = _issue(ctx)
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(tmp_path / "x.pdf"))
    assert len(dialog.page_labels) == info.pages
    assert not dialog.page_labels[0].pixmap().isNull()
    assert info.doc_no in dialog.header.text() and "系统默认打印机" in dialog.header.text()
    dialog.resize(900, 1000)
    out = tmp_path / "print_preview.png"
    assert dialog.grab().save(str(out)) and out.stat().st_size > 10_000
    if os.environ.get("YICHUANG_SCREENSHOTS") == "1":  # refresh docs/screenshots only when asked
        shutil.copyfile(out, Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "print_preview.png")


def test_print_to_file_has_the_pages_and_is_confirmed(qtbot: Any, ctx: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx)
    out = tmp_path / "printed.pdf"
    boxes = Boxes(monkeypatch, [], [True])
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(out))
    _press_print(qtbot, dialog)
    assert out.exists() and _pages(out) == info.pages
    assert boxes.questions and "打印成功" in boxes.questions[0]
    assert ctx.documents.pending_jobs() == []
    assert dialog.print_button.isEnabled()


def test_roll_prints_one_page_the_size_of_the_receipt(qtbot: Any, ctx: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx, "queue_ticket", "roll80")
    out = tmp_path / "ticket.pdf"
    Boxes(monkeypatch, [], [True])
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(out))
    _press_print(qtbot, dialog)
    page = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    original = pypdf.PdfReader(io.BytesIO(ctx.documents.pdf(info.id))).pages[0]
    assert _pages(out) == 1
    assert float(page.mediabox.width) == pytest.approx(float(original.mediabox.width), abs=1.5)
    assert float(page.mediabox.height) == pytest.approx(float(original.mediabox.height), abs=1.5)


def test_missing_printer_fails_keeps_the_job_and_retry_works(qtbot: Any, ctx: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.documents.set_printer("a4", "不存在的打印机")
    info = _issue(ctx)
    out = tmp_path / "retry.pdf"
    calls: list[str] = []

    def factory(name: str) -> QPrinter:
        calls.append(name)
        return make_printer(name) if len(calls) == 1 else _file_printer(out)

    boxes = Boxes(monkeypatch, ["重试"], [True])
    seen: list[str] = []
    original_exec = QMessageBox.exec

    def spy(box: QMessageBox) -> int:
        seen.extend(j.status for j in ctx.documents.pending_jobs())
        return original_exec(box)  # type: ignore[call-arg]

    monkeypatch.setattr(QMessageBox, "exec", spy)
    dialog = _dialog(qtbot, ctx, info.id, factory)
    _press_print(qtbot, dialog)
    assert "找不到打印机“不存在的打印机”" in boxes.failures[0]
    assert seen == ["failed"]  # the job was recorded as failed before the clerk chose
    assert calls == ["不存在的打印机", "不存在的打印机"] and _pages(out) == info.pages
    assert ctx.documents.pending_jobs() == []


def test_refusing_printer_then_later_leaves_a_failed_job(qtbot: Any, ctx: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx)
    monkeypatch.setattr(QPainter, "begin", lambda _self, _device: False)
    boxes = Boxes(monkeypatch, ["稍后再打"], [])
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(tmp_path / "no.pdf"))
    _press_print(qtbot, dialog)
    assert "拒绝了打印任务" in boxes.failures[0]
    [job] = ctx.documents.pending_jobs()
    assert job.status == "failed" and "拒绝" in job.error and job.document_id == info.id
    assert "任务已保留" in dialog.status.text() and dialog.print_button.isEnabled()
    # Printing again later picks the same job up (never lost, never duplicated).
    monkeypatch.undo()
    Boxes(monkeypatch, [], [True])
    dialog2 = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(tmp_path / "later.pdf"))
    _press_print(qtbot, dialog2)
    assert ctx.documents.job(job.id).status == "confirmed" and ctx.documents.pending_jobs() == []


def test_not_confirmed_then_saved_as_pdf(qtbot: Any, ctx: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx)
    saved = tmp_path / "saved.pdf"
    boxes = Boxes(monkeypatch, ["保存为PDF"], [False])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), "PDF (*.pdf)"))
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(tmp_path / "p.pdf"))
    _press_print(qtbot, dialog)
    assert "未见纸张输出" in boxes.failures[0]
    assert saved.read_bytes() == ctx.documents.pdf(info.id)
    assert ctx.documents.pending_jobs() == []


def test_other_printer_is_chosen_from_the_installed_ones(qtbot: Any, ctx: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx)
    used: list[str] = []

    def factory(name: str) -> QPrinter:
        used.append(name)
        return make_printer(name) if name != "XP-80" else _file_printer(tmp_path / "other.pdf")

    ctx.documents.set_printer("a4", "Gone")
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["XP-80"]))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("XP-80", True))
    Boxes(monkeypatch, ["选择其他打印机"], [True])
    dialog = _dialog(qtbot, ctx, info.id, factory)
    _press_print(qtbot, dialog)
    assert used == ["Gone", "XP-80"]
    assert (tmp_path / "other.pdf").exists() and ctx.documents.pending_jobs() == []
    assert ctx.documents.new_job(info.id).printer == "Gone"  # the setting is unchanged: a one-off choice


def test_double_click_prints_once(qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx)
    out = tmp_path / "once.pdf"
    prints: list[str] = []
    boxes = Boxes(monkeypatch, [], [True])
    dialog = _dialog(qtbot, ctx, info.id, lambda n: (prints.append(n), _file_printer(out))[1])

    def click_again() -> None:
        assert not dialog.print_button.isEnabled()
        dialog.print_button.click()
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        # Another window asking for the same document while the job runs gets the same job.
        assert ctx.documents.new_job(info.id).id == ctx.documents.pending_jobs()[0].id

    boxes.during_question = click_again
    _press_print(qtbot, dialog)
    assert len(prints) == 1 and len(boxes.questions) == 1
    assert ctx.documents.pending_jobs() == []


def test_reprint_preview_is_marked_and_closing_withdraws_the_job(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    info = _issue(ctx)
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(tmp_path / "r.pdf"), reprint_by=CLERK)
    assert "【补打】" in dialog.header.text()
    assert [j.is_reprint for j in ctx.documents.pending_jobs()] == [True]
    dialog.reject()
    assert ctx.documents.pending_jobs() == [] and ctx.documents.get(info.id).reprints == 1


def test_reprint_prints_the_marked_pdf(qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = _issue(ctx, "receipt", "roll80")
    out = tmp_path / "reprint.pdf"
    Boxes(monkeypatch, [], [True])
    dialog = _dialog(qtbot, ctx, info.id, lambda _n: _file_printer(out), reprint_by=CLERK)
    _press_print(qtbot, dialog)
    assert out.exists() and _pages(out) == 1
    assert ctx.documents.pending_jobs() == []


def test_escpos_raster_of_a_rendered_receipt(ctx: Any) -> None:
    pytest.importorskip("escpos")
    from app.print.escpos_out import open_escpos
    from app.ui.pdf_raster import print_escpos

    info = _issue(ctx, "queue_ticket", "roll80")
    printer = open_escpos("dummy")
    assert print_escpos(ctx.documents.pdf(info.id), printer, "roll80") == 1
    out = printer.output
    at = out.index(b"\x1dv0")
    assert out[at + 4] + 256 * out[at + 5] == 576 // 8  # 576 dots across the 80 mm head
    assert out.count(b"\x1dV") == 1 and len(out) > 576 // 8 * 300  # a few hundred rows of dots at least


def test_pending_jobs_are_listed_and_printed_again(qtbot: Any, ctx: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.print_jobs import PendingJobsDialog

    info = _issue(ctx)
    job = ctx.documents.new_job(info.id, "Gone")
    ctx.documents.mark_failed(job.id, "缺纸")
    ctx.clock.advance(minutes=1)  # pending jobs are listed oldest first
    reprint_job, _ = ctx.documents.reprint(_issue(ctx, "rejection_notice").id, CLERK)
    Boxes(monkeypatch, [], [True, True])
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: self._on_print())
    out = tmp_path / "again.pdf"
    dialog = PendingJobsDialog(ctx.documents, CLERK, printer_factory=lambda _n: _file_printer(out))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2 and "2 个" in dialog.summary.text()
    assert dialog.model.index(0, 0).data() == info.doc_no and dialog.model.index(0, 5).data() == "缺纸"
    assert dialog.model.index(1, 1).data() == "不予受理通知书（补打）"
    dialog.print_button.click()  # the failed job, retried in place
    assert ctx.documents.job(job.id).status == "confirmed" and ctx.documents.job(job.id).attempts == 1
    dialog.print_button.click()  # the reprint job: the same job, counted once
    assert ctx.documents.job(reprint_job.id).status == "confirmed"
    assert ctx.documents.get(reprint_job.document_id).reprints == 1
    assert dialog.model.rowCount() == 0


def test_pending_job_can_be_withdrawn(qtbot: Any, ctx: Any) -> None:
    from app.ui.print_jobs import PendingJobsDialog

    job = ctx.documents.new_job(_issue(ctx).id)
    dialog = PendingJobsDialog(ctx.documents, CLERK)
    qtbot.addWidget(dialog)
    dialog.cancel_button.click()
    assert ctx.documents.job(job.id).status == "cancelled" and dialog.model.rowCount() == 0


def test_printer_settings_choose_per_paper(qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.printer_settings import PrinterSettings

    ctx.documents.set_printer("receipt", "Unplugged-58")
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["HP-A4", "XP-80"]))
    widget = PrinterSettings(ctx.documents)
    qtbot.addWidget(widget)
    a4, receipt = widget.combos["a4"], widget.combos["receipt"]
    assert a4.currentText() == "系统默认打印机" and receipt.currentText() == "Unplugged-58（未连接）"
    a4.setCurrentIndex(a4.findData("HP-A4"))
    receipt.setCurrentIndex(receipt.findData("XP-80"))
    widget.save_button.click()
    assert ctx.documents.printer_for("a4") == "HP-A4" and ctx.documents.printer_for("roll58") == "XP-80"
    assert widget.saved.text() == "已保存。"
