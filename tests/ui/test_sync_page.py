"""The sync page driven by keyboard: settings, 立即同步 offline and online, quarantine; screenshots."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from app.db.outbox import add_op
from app.ui.main_window import MainWindow
from app.ui.pages.sync import SyncPage
from tests.integration.test_sync_support import (  # noqa: F401 - fixture
    Gateway,
    add_case_ops,
    free_port,
    gateway_fixture,
)
from tests.ui.shots import shot


def open_page(qtbot: Any, ctx: Any) -> SyncPage:
    page = SyncPage(ctx.sync, ctx.auth.login("supervisor", "yichuang2026"), ctx.settings.tz)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def set_connection(qtbot: Any, page: SyncPage, url: str, token: str, *, verify: bool) -> None:
    page.url_edit.clear()
    qtbot.keyClicks(page.url_edit, url)
    qtbot.keyClicks(page.token_edit, token)
    if page.verify_box.isChecked() != verify:
        page.verify_box.setFocus()
        qtbot.keyClick(page.verify_box, Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def sync_now(qtbot: Any, page: SyncPage) -> None:
    with qtbot.waitSignal(page.sig_synced, timeout=30000, raising=False) as blocker:
        qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=30000)
    assert blocker is not None


def test_pending_then_offline_with_tls_warning(qtbot: Any, ctx: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("app.ui.pages.sync.show_error", lambda *a, **k: None)
    add_case_ops(ctx, 6)
    page = open_page(qtbot, ctx)
    assert page.state_label.text() == "未连接区平台 · 待上传 6"
    assert page.pending_model.rowCount() == 6
    shot(page, "sync_pending")
    set_connection(qtbot, page, f"http://127.0.0.1:{free_port()}", "token", verify=False)
    assert page.tls_warning.isVisible()
    assert ctx.sync.settings().verify_tls is False and ctx.secrets.get("sync.credential") == "token"
    sync_now(qtbot, page)
    assert page.state_label.text().startswith("离线 自")
    assert "待上传 6" in page.state_label.text()
    assert "TLS" in page.warnings_label.text()
    shot(page, "sync_offline")


def test_synced_and_quarantined(qtbot: Any, ctx: Any, gateway: Gateway) -> None:
    ctx.clock.at = datetime.now(UTC)
    add_case_ops(ctx, 5)
    with ctx.db.session() as s:
        add_op(s, entity="case", entity_id="c-poison", case_id="c-poison", op_type="create",
               payload={"catalogue_version": 1}, at=ctx.clock.now(), operator_id="clerk")
    page = open_page(qtbot, ctx)
    set_connection(qtbot, page, gateway.url, gateway.token, verify=True)
    assert not page.tls_warning.isVisible()
    sync_now(qtbot, page)
    assert page.state_label.text() == "已同步 · 隔离 1"
    page.tabs.setCurrentIndex(1)
    assert page.quarantine_model.rowCount() == 1
    assert page.quarantine_model.row_at(0).code == "invalid_payload"
    assert "item_code" in page.quarantine_model.index(0, 5).data()
    shot(page, "sync_quarantined")
    # requeue from the keyboard: the op goes out again as a new op (and is refused again, still uncorrected)
    page.quarantine_table.selectRow(0)
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.pending_model.rowCount() == 1 and page.quarantine_model.rowCount() == 0


def test_synced_page_and_status_bar(qtbot: Any, ctx: Any, gateway: Gateway) -> None:
    ctx.clock.at = datetime.now(UTC)
    ctx.sync.save_settings(url=gateway.url, verify_tls=True, credential=gateway.token, by="admin")
    add_case_ops(ctx, 3)
    window = MainWindow(ctx, ctx.auth.login("supervisor", "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    assert window.sync_label.text() == "待上传 3"
    assert "sync" in window.page_keys()
    ctx.sync.sync_now()
    window.refresh_sync_state()
    assert window.sync_label.text() == "已同步"
    page = open_page(qtbot, ctx)
    assert page.state_label.text() == "已同步" and page.warnings_label.isHidden()
    shot(page, "sync_synced")
