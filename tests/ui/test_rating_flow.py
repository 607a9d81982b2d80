"""Finishing a ticket asks the applicant on the customer screen; the clerk learns only pending/done."""

from __future__ import annotations

from sqlalchemy import select

from app.db.models import Evaluation
from app.ui.main_window import MainWindow


def test_finish_asks_blank_pad_and_clerk_sees_only_state(qtbot, ctx) -> None:
    clerk = ctx.auth.login("clerk", "yichuang2026")
    window = MainWindow(ctx, clerk, ctx.station.get())
    qtbot.addWidget(window)
    dock = window.queue_dock
    assert dock is not None and dock.rating_pad is not None
    ctx.queue.issue("A")
    actions = dock.panel.actions
    actions.call_next()
    actions.start_serving()
    actions.finish()
    pad = dock.rating_pad
    assert pad.chosen_level() is None and pad.chosen_indicators() == []  # nothing pre-selected
    assert dock.panel.rating_label.text() == "评价：待评价"
    pad.grades.button(2).click()
    pad.indicator_boxes[next(iter(pad.indicator_boxes))].click()
    pad.submit.click()
    assert dock.panel.rating_label.text() == "评价：已评价"
    assert "2" not in dock.panel.rating_label.text()
    with ctx.db.session() as s:
        row = s.execute(select(Evaluation)).scalar_one()
        assert row.level == 2 and row.ticket_id is not None
    assert len(ctx.evaluation.bad_reviews()) == 1  # a 差评 opens the follow-up


def test_the_rating_is_credited_to_the_operator_who_served(qtbot, ctx) -> None:
    clerk = ctx.auth.login("clerk", "yichuang2026")
    window = MainWindow(ctx, clerk, ctx.station.get())
    qtbot.addWidget(window)
    ctx.queue.issue("A")
    actions = window.queue_dock.panel.actions
    actions.call_next()
    actions.finish()
    with ctx.db.session() as s:
        assert s.execute(select(Evaluation.operator_id)).scalar_one() == clerk.id  # the id, as statistics join on
