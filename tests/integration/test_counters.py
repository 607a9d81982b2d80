"""Case numbers stay unique when several writers save in the same millisecond."""

from __future__ import annotations

import multiprocessing as mp
import threading
from datetime import date
from pathlib import Path

from app.db.counters import next_serial
from app.db.migrate import migrate
from app.db.session import Database
from app.domain.numbering import provisional_number


def _take(db_path: str, n: int, out: list[int]) -> None:
    db = Database(Path(db_path))
    for _ in range(n):
        with db.session() as s:
            out.append(next_serial(s, "case:511602000000:20261127"))
    db.dispose()


def _take_in_process(db_path: str, n: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    got: list[int] = []
    _take(db_path, n, got)
    queue.put(got)


def test_threads_never_share_a_number(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    migrate(db, tmp_path / "b")
    results: list[list[int]] = [[] for _ in range(4)]
    threads = [threading.Thread(target=_take, args=(str(db), 50, results[i])) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = sorted(n for r in results for n in r)
    assert numbers == list(range(1, 201))


def test_processes_never_share_a_number(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    migrate(db, tmp_path / "b")
    queue: mp.Queue = mp.get_context("spawn").Queue()  # type: ignore[type-arg]
    procs = [mp.get_context("spawn").Process(target=_take_in_process, args=(str(db), 25, queue)) for _ in range(3)]
    for p in procs:
        p.start()
    numbers = sorted(n for _ in procs for n in queue.get(timeout=60))
    for p in procs:
        p.join()
    assert numbers == list(range(1, 76))
    formatted = {provisional_number("511602000000", date(2026, 11, 27), n) for n in numbers}
    assert len(formatted) == 75 and "511602000000-20261127-0001" in formatted
