"""Shared test set-up: Qt offscreen before any QApplication; ready-made profiles with fast hashing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("YICHUANG_TEST", "1")

# 2026-11-27 10:00 in Asia/Shanghai: a Friday, a working day with holiday data present.
T0 = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


def make_context(profile: Path, *, demo: bool = True, at: datetime = T0):  # type: ignore[no-untyped-def]
    """An opened profile with a fixed clock, cheap argon2 and an in-memory secret store."""
    from app.security.credentials import MemoryStore
    from app.services.clock import FixedClock
    from app.services.context import open_context

    ctx = open_context(profile, demo=demo, clock=FixedClock(at), fast_hash=True)
    store = MemoryStore()
    ctx.open_secrets = lambda: store
    return ctx


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[object]:
    """A fresh demo profile: demo station, the three demo accounts, the demo catalogue."""
    from app.services.demo import fill_demo

    context = make_context(tmp_path / "profile")
    fill_demo(context)
    yield context
    context.close()


@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[object]:
    """A migrated profile with nothing in it (no station, no accounts, no catalogue)."""
    context = make_context(tmp_path / "profile", demo=True)
    yield context
    context.close()
