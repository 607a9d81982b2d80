"""The queue page driven by keyboard through a whole morning; the live figures match a hand count."""

from __future__ import annotations

from collections import deque

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.queue import PriorityClass, TicketStatus
from app.ui.pages.queue import QueuePage

CLERK = "clerk-1"


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Collect the messages a refused action would show in a box."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: seen.append(text))
    return seen


@pytest.fixture
def page(qtbot, ctx) -> QueuePage:  # type: ignore[no-untyped-def]
    widget = QueuePage(ctx.queue, operator_id=CLERK, clock=ctx.clock, station_name="演示站")
    widget.timer.stop()  # the test advances the fixed clock itself
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _answers(page: QueuePage, *replies: str) -> deque[str]:
    queue = deque(replies)
    page.actions.prompter.choose = lambda *_a, **_k: queue.popleft()  # type: ignore[method-assign]
    return queue


def _key(qtbot, page: QueuePage, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page, key, modifier)


def _issue_three(qtbot, page: QueuePage, ctx) -> None:  # type: ignore[no-untyped-def]
    _key(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.issue_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.category_combo, Qt.Key.Key_Return)  # A, normal
    ctx.clock.advance(minutes=1)
    qtbot.keyClick(dialog.priority_combo, Qt.Key.Key_Down)  # 老年人
    qtbot.keyClick(dialog.priority_combo, Qt.Key.Key_Return)
    ctx.clock.advance(minutes=1)
    qtbot.keyClick(dialog.category_combo, Qt.Key.Key_Down)  # B
    qtbot.keyClick(dialog.priority_combo, Qt.Key.Key_Up)  # back to 普通
    qtbot.keyClick(dialog.priority_combo, Qt.Key.Key_Return)
    assert "B001" in dialog.result_label.text() and "未打印（未配置小票打印机）" in dialog.result_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_whole_morning_by_keyboard(qtbot, ctx, page, errors) -> None:  # type: ignore[no-untyped-def]
    F = Qt.Key
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    clock = ctx.clock
    _issue_three(qtbot, page, ctx)  # 10:00 A001, 10:01 A002 (elderly), 10:02 B001
    assert [r.ticket.ticket_no for r in page.waiting_model._rows] == ["A001", "A002", "B001"]
    assert page.waiting_model._rows[1].ticket.priority is PriorityClass.ELDERLY
    _answers(page, "B 社保医保", "A002", "接听电话", "A002")

    clock.advance(minutes=3)  # 10:05 priority first: A002 waited 4 min
    with qtbot.waitSignal(page.sig_called) as called:
        _key(qtbot, page, F.Key_F9)
    assert called.args == ["A002", "3"] and page.current_no.text() == "A002"
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F10)  # 10:06 recall
    assert page.current.recalls == 1
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F11)  # 10:07 no-show
    assert page.current is None
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F9)  # 10:08 A001 (normal) waited 8 min
    assert page.current.ticket_no == "A001"
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F8)  # 10:09 start: walk-up 1 min
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_T, ctrl)  # 10:10 transfer A001 to B after 1 min of service
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_R, ctrl)  # 10:11 reactivate A002
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F9)  # 10:12 A002 again (priority)
    assert page.current.ticket_no == "A002"
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F8)  # 10:13 start
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_H, ctrl)  # 10:14 hold after 1 min of service
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_P, ctrl)  # 10:15 pause
    assert page.pause_banner.isVisibleTo(page) and "接听电话" in page.pause_banner.text()
    _key(qtbot, page, F.Key_F9)  # refused while paused
    assert errors and "已暂停" in errors[-1]
    clock.advance(minutes=5)
    _key(qtbot, page, F.Key_P, ctrl)  # 10:20 resume: 5 min paused
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_H, ctrl)  # 10:21 call back A002
    assert page.current.ticket_no == "A002" and page.current.status is TicketStatus.CALLED
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F8)  # 10:22 start
    clock.advance(minutes=2)
    assert page.current_elapsed.text() == "已用时 0:00"  # shown at the last refresh
    page._on_tick()
    assert page.current_elapsed.text() == "已用时 2:00"
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F12)  # 10:25 finish A002: served 1 + 3 min
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F9)  # 10:26 A001 (now in B, keeps its place)
    assert page.current.ticket_no == "A001" and page.current.category == "B"
    clock.advance(minutes=1)
    _key(qtbot, page, F.Key_F8)  # 10:27
    clock.advance(minutes=3)
    with qtbot.waitSignal(page.sig_start_intake) as intake:
        _key(qtbot, page, F.Key_F12, shift)  # 10:30 finish and start an intake in one key
    finished = ctx.queue.ticket(intake.args[0])
    assert (finished.ticket_no, finished.status) == ("A001", TicketStatus.FINISHED)

    assert errors == ["窗口已暂停，请先点“恢复”再叫号。"]
    f = page.figures
    assert dict(f.waiting_by_category) == {"B": 1}
    assert f.longest_wait == 28 * 60  # B001 since 10:02
    assert (f.served, f.no_shows, f.no_show_rate, f.recalls, f.pause_total) == (2, 0, 0.0, 1, 300.0)
    assert (f.wait.count, f.wait.median, f.wait.p90) == (2, 240.0, 480.0)
    assert (f.service.count, f.service.median, f.service.p90) == (2, 240.0, 240.0)
    assert (f.walk_up.count, f.walk_up.median, f.walk_up.max) == (4, 60.0, 60.0)
    assert page.figures_panel.values() == {
        "waiting": "1", "by_category": "B 1", "longest_wait": "28:00", "served": "2", "wait": "4:00 / 8:00",
        "service": "4:00 / 4:00", "no_show": "0（0%）", "pause": "5:00", "recalls": "1",
    }


def test_buttons_show_their_shortcuts(page) -> None:  # type: ignore[no-untyped-def]
    texts = {name: b.text() for name, b in page.buttons.items()}
    assert texts["btn_call"].endswith("F9") and texts["btn_recall"].endswith("F10")
    assert texts["btn_no_show"].endswith("F11") and texts["btn_finish"].endswith("F12")
    assert "挂起/回呼" in texts["btn_hold"] and "暂停/恢复" in texts["btn_pause"] and "转移" in texts["btn_transfer"]


def test_call_specific_needs_selection_and_reason(qtbot, ctx, page, errors) -> None:  # type: ignore[no-untyped-def]
    ctx.queue.issue("A")
    ctx.queue.issue("A")
    page.refresh()
    _key(qtbot, page, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert errors and "选中" in errors[-1]
    page.waiting_table.setFocus()
    page.waiting_table.selectRow(1)
    _answers(page, "补交材料返回")
    _key(qtbot, page, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert page.current.ticket_no == "A002"
