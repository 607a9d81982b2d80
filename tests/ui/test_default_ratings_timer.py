"""The main window applies the 默认好评 rule at start-up and hourly, off the UI thread."""

from __future__ import annotations


def test_hourly_timer_applies_default_ratings(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import DEFAULT_RATINGS_INTERVAL_MS, MainWindow

    calls: list[str] = []
    real = ctx.evaluation.apply_defaults
    monkeypatch.setattr(ctx.evaluation, "apply_defaults", lambda: calls.append("run") or real())
    sup = ctx.auth.login("supervisor", "yichuang2026")
    window = MainWindow(ctx, sup, ctx.station.get())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: calls == ["run"])  # at start-up
    timer = window.defaults_timer
    assert timer.isActive() and timer.interval() == DEFAULT_RATINGS_INTERVAL_MS == 3_600_000

    req = ctx.evaluation.request(by=sup.id, ticket_id="t-1")
    ctx.evaluation.configure(bad_review_days=5, default_enabled=True, default_days=7, by="admin")
    ctx.clock.advance(days=8)
    window.defaults_timer.timeout.emit()  # what the timer does each hour
    qtbot.waitUntil(lambda: ctx.evaluation.get(req.id).is_default)
    assert calls == ["run", "run"] and ctx.evaluation.get(req.id).level == 3
