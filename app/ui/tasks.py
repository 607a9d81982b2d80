"""One helper for slow work: run a pure function on the thread pool, results back on the main thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    sig_done = Signal(object)
    """The function's return value."""
    sig_failed = Signal(object)
    """The exception it raised."""


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the main thread, shown by the caller
            self._relay.sig_failed.emit(exc)
        else:
            self._relay.sig_done.emit(result)


def run_task(fn: Callable[[], Any], *, on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> None:
    """Run `fn` off the UI thread; `fn` must not touch widgets. Callbacks run on the main thread."""
    # Owned by the application, not by `parent`: a dialog closed before the work ends must not
    # delete the relay under the worker's feet. It lives on the main thread, so its signals land there.
    relay = _Relay(QCoreApplication.instance())
    relay.sig_done.connect(on_done)
    relay.sig_failed.connect(on_error)
    relay.sig_done.connect(relay.deleteLater)
    relay.sig_failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(fn, relay))
