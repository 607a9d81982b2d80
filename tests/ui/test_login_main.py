"""Log in with each demo role, open the catalogue and an item, lock when idle and unlock intact."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from tests.ui.shots import shot


def _login(qtbot, ctx, username: str, password: str = "yichuang2026") -> LoginDialog:
    station = ctx.station.get()
    dialog = LoginDialog(ctx.auth, station_name=station.name, demo=True, demo_hint="演示账号：clerk …")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    return dialog


@pytest.mark.parametrize(("username", "pages"), [
    ("clerk", ["queue", "intake", "cases", "catalogue"]),
    ("supervisor", ["queue", "intake", "cases", "catalogue", "stats", "bad_reviews", "sync"]),
    ("admin", ["queue", "intake", "cases", "catalogue", "stats", "bad_reviews", "settings", "sync"]),
])
def test_each_role_logs_in_and_sees_its_pages(qtbot, ctx, username: str, pages: list[str]) -> None:
    dialog = _login(qtbot, ctx, username)
    assert dialog.result() == dialog.DialogCode.Accepted
    window = MainWindow(ctx, dialog.operator, ctx.station.get())
    qtbot.addWidget(window)
    assert window.page_keys() == pages
    assert "演示环境" in window.windowTitle()
    assert window.sync_label.text() == "未连接区平台"
    assert dialog.operator.display_name in window.operator_label.text()


def test_wrong_password_keeps_username_and_says_why(qtbot, ctx) -> None:
    dialog = _login(qtbot, ctx, "clerk", "wrong-pass1")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "再错4次" in dialog.error_label.text()
    assert dialog.username_edit.text() == "clerk" and dialog.password_edit.text() == ""


def test_catalogue_page_shows_an_item(qtbot, ctx) -> None:
    window = MainWindow(ctx, ctx.auth.login("clerk", "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.pages["catalogue"]
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() >= 40
    page.show_item("ZJD01")
    html = page.detail.toPlainText()
    assert "农村村民住宅用地" in html and "申请材料" in html and "承诺时限" in html
    shot(window, "catalogue_item")


def test_idle_lock_covers_and_unlocks_without_losing_the_page(qtbot, ctx) -> None:
    window = MainWindow(ctx, ctx.auth.login("clerk", "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    window.show_page("catalogue").show_item("GTH01")
    before = window.pages["catalogue"].detail.toPlainText()
    window.idle._timer.setInterval(30)  # the real setting is minutes; the mechanism is the same
    window.idle._timer.start()
    qtbot.waitUntil(lambda: window.lock_overlay.locked, timeout=3000)
    overlay = window.lock_overlay
    qtbot.keyClicks(overlay.password_edit, "bad-pass-1")
    qtbot.keyClick(overlay.password_edit, Qt.Key.Key_Return)
    assert overlay.locked and "密码不正确" in overlay.error_label.text()
    qtbot.keyClicks(overlay.password_edit, "yichuang2026")
    qtbot.keyClick(overlay.password_edit, Qt.Key.Key_Return)
    assert not overlay.locked
    assert window.pages["catalogue"].detail.toPlainText() == before


def test_screenshots_of_login_and_main_window(qtbot, ctx) -> None:
    station = ctx.station.get()
    hint = "演示账号：clerk（王小梅），supervisor（李建国），admin（张磊）；密码均为 yichuang2026"
    dialog = LoginDialog(ctx.auth, station_name=station.name, demo=True, demo_hint=hint)
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "login")
    window = MainWindow(ctx, ctx.auth.login("admin", "yichuang2026"), station)
    qtbot.addWidget(window)
    window.show()
    window.show_page("catalogue")
    shot(window, "main_window")
