"""The interface language: which ones exist, saving the choice, and switching Qt's translators."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from app.config import Profile, Settings
from app.ui.qt_app import install_translators

# Language code -> its own name (shown in the language switch in that language, never translated).
LANGUAGES: dict[str, str] = {"zh_CN": "中文（简体）", "en": "English"}  # i18n: keep


class UnknownLanguage(ValueError):
    """A language code the application has no translation for."""


def set_language(profile: Profile, lang: str) -> Settings:
    """Save the interface language in the profile's settings; it applies from the next start (or apply_language)."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    settings = replace(profile.load_settings(), language=lang)
    profile.save_settings(settings)
    return settings


def apply_language(app: QApplication, lang: str, i18n_dir: Path) -> list[QTranslator]:
    """Swap the installed translators; widgets built afterwards use the new language."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    for old in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    return install_translators(app, lang, i18n_dir)
