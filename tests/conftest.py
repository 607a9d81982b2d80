"""Shared test set-up: Qt offscreen before any QApplication, station time zone fixed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("YICHUANG_TEST", "1")
