"""Benchmark: supervisor statistics over one year (300,000 tickets, 100,000 cases) within 300 ms.

The year 2026 is reported with the clock on 2027-01-01, so every day is closed and comes from the
per-day rollup (stats_rollup); the first report builds it. Measured 2026-11-27 on the shared 2-core box
(other helpers running): direct computation ≈ 5 s, first build ≈ 7 s, warm report 0.75–1.1 s — NOT yet
within budget. What is left: the overdue list as of the period's end (≈ 35,000 open cases in this data,
≈ 0.3 s of scan plus tuple building: not per-day additive), and the nearest-rank sorts over ≈ 800,000
duration values (≈ 0.2 s: per-day runs merged by timsort).
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete

from app.db.models import StatsDay
from tests.conftest import make_context
from tests.stats_data import fill_year

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture(scope="module")
def year_ctx(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from app.services.demo import fill_demo

    ctx = make_context(Path(tmp_path_factory.mktemp("stats")) / "profile", at=datetime(2027, 1, 1, 2, tzinfo=UTC))
    fill_demo(ctx)
    fill_year(ctx, tickets=300_000, cases=100_000)
    yield ctx
    ctx.close()


def test_year_of_statistics(benchmark, year_ctx) -> None:  # type: ignore[no-untyped-def]
    with year_ctx.db.session() as s:
        s.execute(delete(StatsDay))
    began = time.perf_counter()
    first = year_ctx.stats.report(*YEAR)
    build = time.perf_counter() - began
    print(f"\nfirst report (builds 365 days): {build:.2f} s")
    report = benchmark.pedantic(year_ctx.stats.report, args=YEAR, rounds=5, warmup_rounds=1)
    s = report.stats
    assert s == first.stats
    assert s.issued == 300_000 and s.cases.received == 100_000
    assert s.wait.count == s.served
    assert benchmark.stats.stats.median <= 0.300
