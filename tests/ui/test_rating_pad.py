"""The rating pad on the customer screen: nothing pre-selected, 差评 reasons only for 差评, one rating."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit

from app.ui.customer_screen import CustomerScreen
from app.ui.rating_pad import RatingPad, install_rating_pad
from tests.ui.shots import shot


def _clerk(ctx) -> str:  # type: ignore[no-untyped-def]
    return next(o.id for o in ctx.auth.list_operators() if o.username == "clerk")


def _nothing_chosen(pad: RatingPad) -> None:
    assert pad.chosen_level() is None and pad.grades.checkedButton() is None
    assert not any(b.isChecked() for b in pad.findChildren(QAbstractButton))
    assert not any(b.isChecked() for b in pad.findChildren(QCheckBox))
    assert all(e.text() == "" for e in pad.findChildren(QLineEdit))
    assert not pad.submit.isEnabled()


def test_pad_installs_into_the_customer_screen_with_no_default(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = CustomerScreen(station_name="演示服务站", window_no="3")
    qtbot.addWidget(screen)
    pad = install_rating_pad(screen, ctx.evaluation)
    assert pad is not None and pad.parent() is screen.rating_area
    req = ctx.evaluation.request(by=_clerk(ctx), ticket_id="t-1")
    pad.ask(req)
    screen.resize(1280, 720)
    screen.show()
    qtbot.waitExposed(screen)
    _nothing_chosen(pad)
    assert not pad.reasons.isVisible()
    qtbot.mouseClick(pad.grades.button(2), Qt.MouseButton.LeftButton)
    assert pad.reasons.isVisible() and pad.submit.isEnabled()
    assert not any(b.isChecked() for b in pad.indicator_boxes.values())
    pad.indicator_boxes["501"].setChecked(True)
    shot(screen, "rating_pad")
    # Changing to a good grade drops the reasons and keeps exactly one grade.
    qtbot.mouseClick(pad.grades.button(4), Qt.MouseButton.LeftButton)
    assert pad.chosen_level() == 4 and not pad.reasons.isVisible() and pad.chosen_indicators() == []
    assert [b for b in pad.grades.buttons() if b.isChecked()] == [pad.grades.button(4)]
    qtbot.mouseClick(pad.grades.button(1), Qt.MouseButton.LeftButton)
    pad.indicator_boxes["503"].setChecked(True)
    pad.comment.insert("窗口人员态度冷淡")  # Chinese arrives through the input method, not key clicks
    errors = []
    monkeypatch.setattr("app.ui.widgets.errors.show_error", lambda _w, exc: errors.append(exc))
    with qtbot.waitSignal(pad.rated) as sig:
        qtbot.mouseClick(pad.submit, Qt.MouseButton.LeftButton)
    assert sig.args == [req.id]
    got = ctx.evaluation.get(req.id)
    assert (got.level, got.indicators, got.comment) == (1, ("503",), "窗口人员态度冷淡")
    assert len(ctx.evaluation.bad_reviews()) == 1
    # The next request starts blank again.
    pad.ask(ctx.evaluation.request(by=_clerk(ctx), ticket_id="t-2"))
    _nothing_chosen(pad)


def test_unchecking_leaves_nothing_to_submit(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    pad = RatingPad(ctx.evaluation)
    qtbot.addWidget(pad)
    pad.ask(ctx.evaluation.request(by=_clerk(ctx), ticket_id="t-3"))
    qtbot.mouseClick(pad.grades.button(5), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.grades.button(5), Qt.MouseButton.LeftButton)
    _nothing_chosen(pad)
    assert ctx.evaluation.pending() is not None
