"""默认好评: off by default; when on, unrated requests older than N days become 基本满意, counted apart."""

from __future__ import annotations

from app.services.clock import local_day


def _op(ctx) -> str:  # type: ignore[no-untyped-def]
    return next(o.id for o in ctx.auth.list_operators() if o.username == "clerk")


def _figures(ctx):  # type: ignore[no-untyped-def]
    today = local_day(ctx.clock.now(), ctx.settings.tz)
    return ctx.stats.report(today, today, rollup=False).stats.ratings


def test_setting_on_turns_old_unrated_requests_into_defaults_shown_apart(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.evaluation.configure(bad_review_days=5, default_enabled=True, default_days=7, by="admin")
    old = ctx.evaluation.request(by=_op(ctx), ticket_id="t-old")
    ctx.clock.advance(days=3)
    young = ctx.evaluation.request(by=_op(ctx), ticket_id="t-young")
    ctx.clock.advance(days=4, minutes=1)  # old: 7 days + 1 min; young: 4 days
    real = ctx.evaluation.request(by=_op(ctx), ticket_id="t-real")
    ctx.evaluation.record(real.id, 5)
    assert ctx.evaluation.apply_defaults() == 1
    got = ctx.evaluation.get(old.id)
    assert (got.level, got.is_default, got.channel) == (3, True, "default")
    assert ctx.evaluation.get(young.id).pending
    figures = _figures(ctx)
    assert (figures.defaults, figures.rated) == (1, 1)  # the default is not a real rating
    assert figures.by_level[3] == 0 and figures.by_level[5] == 1 and figures.bad_rate == 0.0
    ctx.clock.advance(days=3)
    assert ctx.evaluation.apply_defaults() == 1 and ctx.evaluation.get(young.id).is_default


def test_setting_off_changes_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    req = ctx.evaluation.request(by=_op(ctx), ticket_id="t-1")
    ctx.clock.advance(days=30)
    assert ctx.evaluation.apply_defaults() == 0
    assert ctx.evaluation.get(req.id).pending
    ctx.evaluation.configure(bad_review_days=5, default_enabled=False, default_days=1, by="admin")
    assert ctx.evaluation.apply_defaults() == 0
    assert ctx.evaluation.get(req.id).pending and _figures(ctx).defaults == 0
