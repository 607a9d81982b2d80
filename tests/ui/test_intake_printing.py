"""Documents from the intake 完成 step, the cases page (补打, 出件签收单) and a consultation, printed to PDF files."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.ui.pages.cases import CasesPage
from app.ui.printing import PrintPreviewDialog
from tests.integration.test_intake_helpers import immediate_request
from tests.ui.test_intake_wizard import ALT, K, choose, fill_applicant, fill_form, focused, set_state, type_here
from tests.ui.test_printing import _file_printer

pypdf = pytest.importorskip("pypdf")


def _pages(path: Path) -> int:
    return len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def confirm(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The clerk answers 'printed fine'; an error box fails the test."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def fail(_parent: Any, _title: str, text: str, *_a: Any) -> None:
        raise AssertionError(f"unexpected error box: {text}")

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", fail)
    return asked


def _print_at_once(opened: list[PrintPreviewDialog]):  # type: ignore[no-untyped-def]
    """Stands in for the modal loop: the preview opens and the clerk presses 打印 (Ctrl+P)."""
    def run(dialog: PrintPreviewDialog) -> None:
        opened.append(dialog)
        dialog.show()
        dialog.activateWindow()
        dialog._on_print()
        dialog.close()
    return run


def test_intake_done_prints_the_receipt_to_a_pdf_file(qtbot, ctx, tmp_path, confirm) -> None:  # type: ignore[no-untyped-def]

    from app.ui.pages.intake import IntakePage

    clerk = ctx.auth.login("clerk", "yichuang2026")
    page = IntakePage(ctx, clerk)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    fill_applicant(qtbot, page)
    choose(qtbot, page, "ylbx")
    qtbot.keyClick(focused(), K.Key_N, ALT)
    for code, downs in (("SQB", 1), ("SFZ", 2), ("HKB", 1)):
        set_state(qtbot, page, code, downs)
    qtbot.keyClick(focused(), K.Key_N, ALT)
    fill_form(qtbot, page.form.renderers["YLBX01"])
    qtbot.keyClick(focused(), K.Key_N, ALT)
    qtbot.keyClick(focused(), K.Key_N, ALT)
    assert page.current_step() == "done", page.decision.error.text()
    panel = page.done.documents
    assert panel.list.count() == 1 and "受理通知书" in panel.list.item(0).text()
    out = tmp_path / "receipt.pdf"
    opened: list[PrintPreviewDialog] = []
    panel.printer_factory = lambda _name: _file_printer(out)
    panel.exec_dialog = _print_at_once(opened)
    qtbot.keyClick(focused(), K.Key_P, ALT)  # 预览/打印
    (doc,) = page.result.documents
    assert opened and opened[0]._doc_id == doc.id and not opened[0]._reprint_by
    assert out.exists() and _pages(out) == doc.pages and confirm
    assert ctx.documents.pending_jobs() == [] and ctx.documents.get(doc.id).reprints == 0


def test_cases_page_reprint_is_marked_and_delivery_issues_a_signed_receipt(qtbot, ctx, tmp_path, confirm,
                                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.auth.login("clerk", "yichuang2026")
    result = ctx.intake.submit(immediate_request(), clerk)
    page = CasesPage(ctx, clerk)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    panel = page.detail.documents
    assert panel.list.count() == 1 and panel.selected_id() == result.documents[0].id
    saved = tmp_path / "reprint.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), "PDF (*.pdf)"))
    opened: list[PrintPreviewDialog] = []

    def save(dialog: PrintPreviewDialog) -> None:
        opened.append(dialog)
        dialog._on_save()

    panel.exec_dialog = save
    qtbot.keyClick(page.detail, K.Key_U, ALT)  # 补打
    assert "【补打】" in opened[0].header.text()
    assert "补打" in _text(saved) and result.cases[0].provisional_no in _text(saved)
    assert ctx.documents.get(result.documents[0].id).reprints == 1 and ctx.documents.pending_jobs() == []
    # 出件 at the window, later that day: the 出件签收单 joins the case's documents and prints.
    ctx.clock.advance(minutes=30)
    qtbot.keyClick(page.detail, K.Key_R, ALT)
    page.detail.receiver_name.setFocus()
    type_here(qtbot, "李秀英")
    page.detail.receiver_cert.setFocus()
    type_here(qtbot, "11010519491231002X")
    page.detail.signature.setFocus()
    type_here(qtbot, "signature")
    qtbot.keyClick(page.detail, K.Key_D, ALT)
    assert page.detail.detail.row.status == "delivered", page.detail.message.text()
    kinds = [kind for _id, kind, _no in page.detail.detail.documents]
    assert kinds == ["receipt", "delivery_receipt"] and panel.list.count() == 2
    panel.list.setCurrentRow(1)
    out = tmp_path / "delivery.pdf"
    panel.printer_factory = lambda _name: _file_printer(out)
    panel.exec_dialog = _print_at_once(opened)
    qtbot.keyClick(page.detail, K.Key_P, ALT)
    assert out.exists() and _pages(out) >= 1 and ctx.documents.pending_jobs() == []


def test_consultation_notice_prints_without_a_case(qtbot, ctx, tmp_path, confirm) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.intake import IntakePage

    clerk = ctx.auth.login("clerk", "yichuang2026")
    page = IntakePage(ctx, clerk)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_search()  # what Ctrl+K does: straight to the search, no applicant needed
    assert focused().objectName() == "search_edit"
    type_here(qtbot, "jzz")
    while page.items.search.current()[0] != "item":  # 一件事 are listed first
        qtbot.keyClick(focused(), K.Key_Down)
    assert page.items.search.current() == ("item", "JZZ01")
    out = tmp_path / "consult.pdf"
    opened: list[PrintPreviewDialog] = []
    page.done.documents.printer_factory = lambda _name: _file_printer(out)
    page.done.documents.exec_dialog = _print_at_once(opened)
    qtbot.keyClick(focused(), K.Key_Y, ALT)  # 打印一次性告知单 (a button shortcut clicks after its animation)
    qtbot.waitUntil(lambda: bool(opened))
    (dialog,) = opened
    info = ctx.documents.get(dialog._doc_id)
    assert info.case_id is None and info.kind == "supplement_notice"
    assert out.exists() and _pages(out) == info.pages and ctx.documents.pending_jobs() == []
    with ctx.db.session() as s:
        from sqlalchemy import func, select

        from app.db.models import Case
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 0
