"""The QApplication: bundled CJK font, Qt's own Chinese translation, our style."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

BODY_FONT_FILES = ("wqy-microhei.ttc", "LXGWWenKai-Regular.ttf")


def register_fonts(fonts_dir: Path) -> str | None:
    """Register the bundled fonts so Chinese renders on a machine without Chinese fonts; returns the body family."""
    family = None
    for name in BODY_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    return family


def install_translators(app: QApplication, language: str, i18n_dir: Path) -> list[QTranslator]:
    """Qt's standard dialogs in Chinese (qtbase_*, not qt_*), plus our English when chosen."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_lang = "zh_CN" if language == "zh_CN" else language
    for name, folder in ((f"qtbase_{qt_lang}", qt_dir), (f"yichuang_{language}", str(i18n_dir))):
        tr = QTranslator(app)  # parented to the app: a translator that is collected stops working
        if tr.load(name, folder):
            app.installTranslator(tr)
            installed.append(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English))
    return installed


def create_application(resources: Path, language: str = "zh_CN") -> QApplication:
    """The one QApplication of the process (reused when tests already made one)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("yichuang")
    app.setApplicationDisplayName("一窗")
    family = register_fonts(resources / "fonts")
    if family:
        app.setFont(QFont(family, 11))
    install_translators(app, language, resources / "i18n")
    style = resources / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app
