"""One sync worker per database (R5): an OS file lock next to the database file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO


class DatabaseLock:
    """An exclusive, non-blocking file lock next to the database: one sync worker per database (R5).

    The operating system drops it when the process dies, even on kill -9.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = Path(str(db_path) + ".sync.lock")
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another process or worker holds it."""
        fh = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            _lock_file(fh)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        """Give the lock back."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _lock_file(fh: IO[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - Windows stations
        import msvcrt

        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
