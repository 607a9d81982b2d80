"""Screenshots of the queue page and the customer screen (written to docs/ when YICHUANG_SCREENSHOTS=1)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from app.domain.queue import PriorityClass
from app.ui.customer_screen import CustomerScreen
from app.ui.pages.queue import QueuePage

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _busy_morning(ctx) -> None:  # type: ignore[no-untyped-def]
    q, clerk = ctx.queue, "clerk-1"
    plan = [("A", PriorityClass.NONE), ("A", PriorityClass.ELDERLY), ("B", PriorityClass.NONE),
            ("C", PriorityClass.NONE), ("A", PriorityClass.NONE), ("D", PriorityClass.MILITARY),
            ("B", PriorityClass.PREGNANT), ("A", PriorityClass.NONE), ("E", PriorityClass.NONE)]
    for prefix, priority in plan:
        q.issue(prefix, priority)
        ctx.clock.advance(minutes=2)
    first = q.call_next(by=clerk)
    ctx.clock.advance(minutes=1)
    q.start_serving(first.id, by=clerk)
    ctx.clock.advance(minutes=6)
    q.finish(first.id, by=clerk)
    second = q.call_next(by=clerk)
    ctx.clock.advance(minutes=1)
    q.start_serving(second.id, by=clerk)
    ctx.clock.advance(minutes=4, seconds=12)


def _save(widget, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    assert widget.grab().save(str(out))
    if os.environ.get("YICHUANG_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, DOCS / name)
    return out


def test_screenshots(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _busy_morning(ctx)
    page = QueuePage(ctx.queue, operator_id="clerk-1", clock=ctx.clock, station_name="演示站")
    page.timer.stop()
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.current is not None and page.waiting_model.rowCount() == 7
    assert _save(page, tmp_path, "queue_page.png").stat().st_size > 10_000

    screen = CustomerScreen(station_name="广安区政务服务中心", window_no="3")
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show()
    screen.show_call(page.current.ticket_no)
    screen.set_next(ctx.queue.upcoming())
    qtbot.waitExposed(screen)
    assert _save(screen, tmp_path, "customer_screen.png").stat().st_size > 10_000
