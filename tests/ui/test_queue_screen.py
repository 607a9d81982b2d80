"""The customer screen, the voice fallback, the compact panel and its dock in the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.queue import TicketStatus
from app.ui.announcer import Announcer, spoken_text
from app.ui.customer_screen import CustomerScreen
from app.ui.queue_panel import QueuePanel


def test_customer_screen_texts_and_rating_area(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = CustomerScreen(station_name="演示站", window_no="3")
    qtbot.addWidget(screen)
    screen.place()
    screen.show_call("A003")
    screen.set_next(["A004", "B001"])
    assert screen.call_label.text() == "请 A003 号到 3 号窗口办理"
    assert "A004  B001" in screen.next_label.text()
    area = screen.findChild(QWidget, "rating_area")
    assert area is not None and area.isVisible()
    assert screen.isVisible() and not screen.isFullScreen()  # one screen offscreen: a movable window


def test_announcer_never_raises_and_reads_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr("app.ui.announcer.QApplication.beep", lambda: beeps.append(1))
    voice = Announcer(enabled=True)
    assert voice.announce("A003", "3") == "请 A 零零三 号到 3 号窗口办理"
    assert voice.mode in {"speech", "chime"}
    if voice.mode == "chime":
        assert beeps == [1]
    silent = Announcer(enabled=False)
    silent.announce("B010", "1")
    assert silent.mode == "off"
    assert spoken_text("A1000", "12") == "请 A 一零零零 号到 12 号窗口办理"


def test_panel_keys_call_and_finish(qtbot, ctx, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(str(a)))
    ctx.queue.issue("A")
    panel = QueuePanel(ctx.queue, operator_id="clerk-1", clock=ctx.clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    assert "等候 1 人" in panel.waiting_label.text() and "F9" in panel.buttons["btn_call"].text()
    with qtbot.waitSignal(panel.actions.sig_called):
        qtbot.keyClick(panel, Qt.Key.Key_F9)
    assert panel.ticket_label.text() == "A001"
    ctx.clock.advance(minutes=2)
    with qtbot.waitSignal(panel.actions.sig_start_intake):
        qtbot.keyClick(panel, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    assert ctx.queue.current() is None
    assert ctx.queue.no_shows() == [] and ctx.queue.figures().served == 1


def test_dock_in_main_window_follows_queue_page(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import MainWindow

    operator = ctx.auth.login("clerk", "yichuang2026")
    window = MainWindow(ctx, operator, ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    dock = window.queue_dock
    assert dock is not None and window.stack.currentWidget() is window.pages["queue"]
    assert not dock.isVisible()  # the page has every control
    window.show_page("catalogue")
    assert dock.isVisible()
    ctx.queue.issue("A")
    page = window.pages["queue"]
    page.actions.call_next()
    assert dock.screen_window is not None
    assert dock.screen_window.call_label.text() == "请 A001 号到 3 号窗口办理"
    assert dock.panel.ticket_label.text() == "A001"  # the page's change refreshed the panel
    assert ctx.queue.current().status is TicketStatus.CALLED
    window.close()
