"""Application memory with one year of data (300,000 tickets, 100,000 cases): max RSS ≤ 300 MB.

Run: python -m pytest tests/bench/bench_memory.py -p no:cacheprovider -s
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET_MB = 300


def test_memory_with_a_year_of_data(tmp_path: Path) -> None:
    from app.services.demo import fill_demo
    from tests.conftest import make_context
    from tests.stats_data import fill_year

    profile = tmp_path / "profile"
    ctx = make_context(profile, at=datetime(2026, 11, 27, 2, tzinfo=UTC))
    fill_demo(ctx)
    fill_year(ctx, tickets=300_000, cases=100_000)
    ctx.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "bench" / "memory_probe.py"), str(profile)],
                         capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    found = re.search(r"max RSS (\d+) MB", out.stdout)
    assert found, out.stdout
    rss = int(found.group(1))
    size = (profile / "yichuang.db").stat().st_size / 2**20
    stages = "\n".join(line for line in out.stderr.splitlines() if "peak" in line)
    print(f"\n{stages}\nmax RSS with a year of data: {rss} MB (budget {BUDGET_MB} MB); database {size:.0f} MB")
    assert rss <= BUDGET_MB
