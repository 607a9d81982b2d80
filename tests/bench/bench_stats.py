"""Benchmark: supervisor statistics over one year (300,000 tickets, 100,000 cases) within 300 ms.

Measured 2026-11-27 on the shared 2-core box: median 3.5 s (CPU-bound; SQLite scans and grouping
about two thirds, Python sorts for the nearest-rank percentiles the rest). NOT within budget: it
needs per-day rollups (counts and pre-sorted duration arrays for closed days) to get there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import make_context
from tests.stats_data import fill_year


@pytest.fixture(scope="module")
def year_ctx(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from app.services.demo import fill_demo

    ctx = make_context(Path(tmp_path_factory.mktemp("stats")) / "profile")
    fill_demo(ctx)
    fill_year(ctx, tickets=300_000, cases=100_000)
    yield ctx
    ctx.close()


def test_year_of_statistics(benchmark, year_ctx) -> None:  # type: ignore[no-untyped-def]
    report = benchmark.pedantic(year_ctx.stats.report, args=(date(2026, 1, 1), date(2026, 12, 31)),
                                rounds=5, warmup_rounds=1)
    s = report.stats
    assert s.issued == 300_000 and s.cases.received == 100_000
    assert s.wait.count == s.served
    assert benchmark.stats.stats.median <= 0.300
