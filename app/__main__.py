"""Composition root: builds the application, opens the profile, wires services into the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from app.config import Profile, ProfileProblem, default_profile_dir, resources_dir
from app.db.migrate import DatabaseProblem
from app.security.credentials import NoSecureKeyring, WrongPassphraseError
from app.services.context import AppContext, open_context
from app.services.demo import DEMO_ACCOUNTS, fill_demo

# A frozen build runs this file as __main__ and imports it again as app.__main__: keep the first clock.
_STARTED = getattr(sys.modules.get("__main__"), "_STARTED", None) or time.perf_counter()


def _open(profile_dir: Path, demo: bool) -> AppContext | None:
    """Open the profile, asking for the file-keyring passphrase when the machine has no keyring."""
    from app.ui.messages import show_fatal
    from app.ui.passphrase import ask_passphrase

    passphrase = None
    for _attempt in range(3):
        try:
            return open_context(profile_dir, demo=demo, passphrase=passphrase)
        except NoSecureKeyring as exc:
            passphrase = ask_passphrase(exc.message_zh)
            if passphrase is None:
                return None
        except WrongPassphraseError as exc:
            passphrase = ask_passphrase(exc.message_zh)
        except (ProfileProblem, DatabaseProblem) as exc:
            show_fatal(exc, "一窗 无法启动")
            return None
    return None


def run_gui(profile_dir: Path | None, *, demo: bool = False) -> int:
    """Start the window application; returns the process exit code."""
    from app.ui.qt_app import create_application
    from app.ui.startup import login_and_show

    profile_dir = profile_dir or default_profile_dir()
    try:
        settings = Profile(profile_dir).load_settings()
    except ProfileProblem:
        settings = None
    app = create_application(resources_dir(), settings.language if settings else "zh_CN")
    ctx = _open(profile_dir, demo)
    if ctx is None:
        return 2
    if ctx.settings.demo:
        fill_demo(ctx)
    hint = "演示账号：" + "，".join(f"{a.username}（{a.display_name}）" for a in DEMO_ACCOUNTS) + \
        f"；密码均为 {DEMO_ACCOUNTS[0].password}"
    exit_at_login = os.environ.get("YICHUANG_EXIT_AT_LOGIN") == "1"
    window = login_and_show(ctx, demo_hint=hint, exit_at_login=exit_at_login, started=_STARTED)
    if window is None:
        ctx.close()
        return 0
    started_sync = ctx.sync.start_worker()  # one worker per database; another process may hold it
    code = app.exec()
    if started_sync:
        ctx.sync.stop_worker()
    ctx.close()
    return code


if __name__ == "__main__":
    from app.cli import main

    sys.exit(main())
