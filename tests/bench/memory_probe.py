"""Run in a subprocess by bench_memory: a clerk's and a supervisor's day over a profile with a year of data."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _status_mb(field: str) -> float:
    # VmHWM, not ru_maxrss: ru_maxrss survives exec and would report the parent's peak (the data generator's).
    with open("/proc/self/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field)) / 1024


def _rss(stage: str) -> None:
    rss, peak = _status_mb("VmRSS:"), _status_mb("VmHWM:")
    print(f"{stage}: rss {rss:.0f} MB, peak {peak:.0f} MB", file=sys.stderr, flush=True)


def main(profile: Path) -> None:
    from app.config import resources_dir
    from app.ui.main_window import MainWindow
    from app.ui.qt_app import create_application
    from tests.conftest import make_context

    app = create_application(resources_dir())
    ctx = make_context(profile)
    window = MainWindow(ctx, ctx.auth.login("admin", "yichuang2026"), ctx.station.get())
    window.show()
    _rss("logged in")
    for key in window.page_keys():  # every page built and shown, as a day at the window would
        window.show_page(key)
        app.processEvents()
        _rss(f"page {key}")
    ctx.stats.report(date(2026, 1, 1), date(2026, 12, 31))  # the supervisor's year
    _rss("year report")
    ctx.cases.list_cases(limit=500)
    ctx.search.search("zjd") if hasattr(ctx.search, "search") else None
    app.processEvents()
    print(f"max RSS {_status_mb('VmHWM:'):.0f} MB", flush=True)
    window.close()
    ctx.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
