"""The intake comes back exactly as it was after the page (or the whole application) goes away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.pages.intake import IntakePage
from tests.ui.test_intake_wizard import ALT, K, fill_applicant, set_state, type_here


def activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_draft_restored_on_next_login(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.auth.login("clerk", "yichuang2026")
    page = IntakePage(ctx, clerk)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    fill_applicant(qtbot, page)
    type_here(qtbot, "jzz")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_N, ALT)
    set_state(qtbot, page, "SQB", 1)
    page.close()
    page.deleteLater()

    again = IntakePage(ctx, ctx.auth.login("clerk", "yichuang2026"))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    activate(qtbot, again)
    assert again.current_step() == "materials"
    assert again.state["applicant"]["name"] == "李秀英"
    line = next(ln for ln in again.materials._rows[0][2] if ln.material.code == "SQB")
    assert line.state.currentData() == "received" and line.originals.value() == 1
    qtbot.keyClick(QApplication.focusWidget() or again, K.Key_B, ALT)
    assert again.current_step() == "items"
    assert [i["code"] for i in again.items._items] == ["JZZ01"]


def test_ctrl_k_goes_to_the_search_from_any_page(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import MainWindow

    window = MainWindow(ctx, ctx.auth.login("clerk", "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("catalogue")  # the intake page has not been built yet
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_K, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["intake"]
    assert window.stack.currentWidget() is page and page.current_step() == "items"
    assert QApplication.focusWidget() is page.items.search.edit
