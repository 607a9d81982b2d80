"""Voice announcement of a call: Qt text-to-speech with a Chinese voice, else a chime; never blocks."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_DIGITS = "零一二三四五六七八九"  # i18n: keep (the voice reads Chinese digits)
CHIME_WAV = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "chime.wav"


def spoken_text(ticket_no: str, window_no: str) -> str:
    """What the voice says: digits one by one, as halls announce them ("请 A 零零三 号到 3 号窗口办理")."""
    letters = "".join(ch for ch in ticket_no if not ch.isdigit())
    digits = "".join(_DIGITS[int(ch)] for ch in ticket_no if ch.isdigit())
    template = QCoreApplication.translate("announcer", "请 {ticket} 号到 {window} 号窗口办理")
    return template.format(ticket=f"{letters} {digits}".strip(), window=window_no)


class Announcer(QObject):
    """Speaks calls when enabled; the speech engine is loaded on first use so start-up stays fast."""

    def __init__(self, *, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.mode = "off" if not enabled else "unknown"  # "speech" | "chime" | "off" once decided
        self._speech: Any = None
        self._sound: Any = None

    # ---- Public API
    def announce(self, ticket_no: str, window_no: str) -> str:
        """Start announcing (asynchronously) and return the text; failures are logged, never raised."""
        text = spoken_text(ticket_no, window_no)
        if not self.enabled:
            return text
        try:
            if self.mode == "unknown":
                self._choose_engine()
            if self.mode == "speech":
                self._speech.say(text)  # QTextToSpeech.say returns at once; speech runs in the engine
            else:
                self._chime()
        except Exception:  # a broken audio stack must never stop the counter
            log.exception("announcement failed")
        return text

    # ---- Private
    def _choose_engine(self) -> None:
        """Use text-to-speech only when a Chinese voice exists; otherwise fall back to a chime."""
        self.mode = "chime"
        try:
            from PySide6.QtCore import QLocale
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # Qt's speech module or its audio libraries are missing
            log.info("text-to-speech unavailable: %s", exc)
            return
        engine = QTextToSpeech(self)
        for locale in engine.availableLocales():
            if locale.language() == QLocale.Language.Chinese:
                engine.setLocale(locale)
                self._speech, self.mode = engine, "speech"
                return
        engine.deleteLater()

    def _chime(self) -> None:
        if CHIME_WAV.exists():
            try:
                from PySide6.QtMultimedia import QSoundEffect

                if self._sound is None:
                    self._sound = QSoundEffect(self)
                    self._sound.setSource(QUrl.fromLocalFile(str(CHIME_WAV)))
                self._sound.play()
                return
            except ImportError:
                pass
        QApplication.beep()
