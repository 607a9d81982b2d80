"""From an opened profile to the main window: first-start set-up, login, secrets warmed in the background."""

from __future__ import annotations

import logging
import time

from PySide6.QtWidgets import QApplication, QDialog

from app.services.context import AppContext
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.setup_dialog import SetupDialog
from app.ui.tasks import run_task

log = logging.getLogger(__name__)


def build_login(ctx: AppContext, *, demo_hint: str) -> LoginDialog | None:
    """The login dialog, after first-start set-up if the profile has no station yet."""
    station = ctx.station.get()
    if station is None:
        if SetupDialog(ctx).exec() != QDialog.DialogCode.Accepted:
            return None
        station = ctx.station.get()
        assert station is not None
    return LoginDialog(ctx.auth, station_name=station.name, demo=station.demo or ctx.settings.demo,
                       demo_hint=demo_hint)


def login_and_show(ctx: AppContext, *, demo_hint: str, exit_at_login: bool = False,
                   started: float | None = None) -> MainWindow | None:
    """Log in and open the main window; None when the person cancels."""
    dialog = build_login(ctx, demo_hint=demo_hint)
    if dialog is None:
        return None
    if exit_at_login:
        dialog.show()
        QApplication.processEvents()
        if started is not None:
            print(f"login window shown after {time.perf_counter() - started:.3f} s", flush=True)
        return None
    # The keyring's KDF takes about a second: do it while the person types the password.
    run_task(ctx.warm_up, on_done=lambda _r: None,
             on_error=lambda exc: log.warning("secret store not ready: %s", exc))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.operator is None:
        return None
    station = ctx.station.get()
    assert station is not None
    window = MainWindow(ctx, dialog.operator, station)
    window.show()
    return window
