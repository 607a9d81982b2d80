"""The statistics page's 全厅/全区 panel: the gateway's hall figures beside the window's, or a plain notice."""

from __future__ import annotations

from app.ui.pages.registry import default_pages
from tests.integration.test_district_figures import _seed
from tests.integration.test_sync_support import Gateway, gateway_fixture  # noqa: F401 - fixture
from tests.ui.shots import shot


def _page(qtbot, ctx):  # type: ignore[no-untyped-def]
    spec = next(p for p in default_pages() if p.key == "stats")
    page = spec.factory(ctx, ctx.auth.login("supervisor", "yichuang2026"))
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    return page


def test_unreachable_district_says_so_and_keeps_the_window_figures(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.auth.login("clerk", "yichuang2026").id
    ctx.evaluation.record(ctx.evaluation.request(by=clerk, ticket_id="t").id, 1, ["501"])
    page = _page(qtbot, ctx)
    panel = page.district
    qtbot.waitUntil(lambda: panel.note.text() == "区平台不可达，仅显示本窗口数据", timeout=20000)
    assert panel.figures is None
    rows = {r[0]: r[1:] for r in panel.rows()}
    assert rows["评价数"] == ("1", "—", "—") and rows["差评工单"] == ("1", "—", "—")


def test_reachable_gateway_fills_hall_and_district(qtbot, ctx, gateway: Gateway) -> None:  # type: ignore[no-untyped-def]
    _seed(gateway)
    ctx.sync.save_settings(url=gateway.url, verify_tls=True, credential=gateway.token, by="admin")
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.district.figures is not None, timeout=20000)
    rows = {r[0]: r[1:] for r in page.district.rows()}
    assert rows["取号数"] == ("0", "3", "3") and rows["办结号数"] == ("0", "2", "2")
    assert rows["收件数"][1:] == ("1", "1") and rows["差评工单"][1:] == ("1", "1")
    assert "1 个大厅" in page.district.note.text()
    shot(page, "stats_district")
