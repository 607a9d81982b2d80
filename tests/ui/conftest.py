"""UI tests run in the same application set-up as the real program: bundled fonts, translations, style."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _yichuang_application(qapp):  # type: ignore[no-untyped-def]
    from app.config import resources_dir
    from app.ui.qt_app import create_application

    return create_application(resources_dir())
