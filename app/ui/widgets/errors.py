"""A decorator for slots: a refused action shows its Chinese message instead of escaping as a traceback."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from app.services.errors import ServiceError
from app.ui.messages import show_error

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger(__name__)


def guarded(method: F) -> F:
    """Wrap a widget method: ServiceError → message box; anything else → logged and shown, UI stays up."""

    @functools.wraps(method)
    def wrapper(self: QWidget, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except ServiceError as exc:
            show_error(self, exc)
        except Exception as exc:  # the last line of defence: never let a slot kill the window
            log.exception("unexpected error in %s", method.__qualname__)
            show_error(self, exc)
        return None

    return wrapper  # type: ignore[return-value]
