"""Screenshots for docs/screenshots: every test grabs (so rendering is exercised); files are written on request."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shot(widget: QWidget, name: str) -> None:
    """Grab `widget`; with YICHUANG_SCREENSHOTS=1 also save it as docs/screenshots/<name>.png."""
    image = widget.grab()
    assert not image.isNull() and image.width() > 0
    if os.environ.get("YICHUANG_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SHOTS / f"{name}.png"))
