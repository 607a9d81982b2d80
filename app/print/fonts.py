"""Bundled CJK fonts: one-time registration, coverage checks, fallback runs and Chinese line breaking."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.print import linebreak

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

BODY = "YC-MicroHei"
FALLBACK = "YC-WenKai"
BOLD = "YC-WenKai-Bold"

#: The regular chain: Micro Hei for the body, WenKai for the rare characters Micro Hei lacks (Ext-A/B names).
CHAIN: tuple[str, ...] = (BODY, FALLBACK)
#: Headings are set in WenKai Bold; Micro Hei backs it up for any symbol WenKai lacks.
BOLD_CHAIN: tuple[str, ...] = (BOLD, BODY, FALLBACK)

_FILES: dict[str, tuple[str, int]] = {
    BODY: ("wqy-microhei.ttc", 0),
    FALLBACK: ("LXGWWenKai-Regular.ttf", 0),
    BOLD: ("LXGWWenKai-Bold.ttf", 0),
}

CLOSING_PUNCTUATION = linebreak.CLOSING_PUNCTUATION

_lock = threading.Lock()
_registered = False
_cmaps: dict[str, frozenset[int]] = {}


class UnprintableCharacter(Exception):
    """A character that no bundled font can draw: printing must stop rather than drop it."""

    def __init__(self, char: str, field: str) -> None:
        super().__init__(f"U+{ord(char):04X} in {field}")
        self.char = char
        self.field = field

    @property
    def code_point(self) -> str:
        """The character written as a code point, e.g. U+2A6D6."""
        return f"U+{ord(self.char):04X}"

    @property
    def message_zh(self) -> str:
        """Operator-facing message naming the character and where it is."""
        return (
            f"无法打印：字段“{self.field}”中的字符“{self.char}”（{self.code_point}）不在任何内置字体中。"
            "请核对该字符，或改用同音常用字并在备注中说明后再打印。"
        )


def _utf16_hex(code_point: int) -> str:
    """UTF-16BE hex of a code point: a surrogate pair above the BMP (as the PDF ToUnicode CMap requires)."""
    return chr(code_point).encode("utf-16-be").hex().upper()


_original_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab writes `<201D4>` for Ext-B characters, which readers reject; write surrogate pairs instead."""
    cmap = _original_to_unicode(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return cmap
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            cmap = cmap.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{_utf16_hex(v)}>")
    return cmap


def _load(name: str) -> None:
    """Parse and register one font file (parsing a CJK font takes 50–150 ms, so only when needed)."""
    if name in _cmaps:
        return
    with _lock:
        if name in _cmaps:
            return
        file_name, index = _FILES[name]
        font = TTFont(name, str(FONTS_DIR / file_name), subfontIndex=index)
        pdfmetrics.registerFont(font)
        _cmaps[name] = frozenset(font.face.charToGlyph)


def register_fonts() -> None:
    """Register the body and heading fonts once (idempotent, thread-safe); the fallback loads on first need."""
    global _registered
    if _registered:
        return
    _load(BODY)
    _load(BOLD)
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=BOLD, italic=FALLBACK, boldItalic=BOLD)
        linebreak.install()
        # ASCII85 stream encoding runs in pure Python here (no rl_accel) and costs ~40 ms a receipt;
        # binary streams are standard PDF and half the size.
        rl_config.useA85 = 0
        # Text extraction (search, copy, our own tests) must see rare name characters too.
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _registered = True


def _covers(font: str, char: str) -> bool:
    """True when `font` has a glyph for `char` (loading the font if this is its first use)."""
    _load(font)
    return ord(char) in _cmaps[font]


def _is_layout_char(char: str) -> bool:
    """Whitespace and line breaks are laid out, not drawn, so they need no glyph."""
    return char in " \n\t\r\u3000"


def font_for_char(char: str, chain: tuple[str, ...] = CHAIN) -> str | None:
    """The first font of `chain` that can draw `char`, or None when none can."""
    register_fonts()
    if _is_layout_char(char):
        return chain[0]
    for font in chain:
        if _covers(font, char):
            return font
    return None


def missing_characters(text: str, chain: tuple[str, ...] = CHAIN) -> list[str]:
    """Distinct characters of `text` that no font of `chain` can draw, in order of appearance."""
    missing: list[str] = []
    for char in text:
        if char not in missing and font_for_char(char, chain) is None:
            missing.append(char)
    return missing


@dataclass(frozen=True)
class _Run:
    font: str
    text: str


def _runs(text: str, field: str, chain: tuple[str, ...]) -> list[_Run]:
    """Split `text` into runs of one font each; raise UnprintableCharacter on a character in no font."""
    runs: list[_Run] = []
    for char in text:
        font = font_for_char(char, chain)
        if font is None:
            raise UnprintableCharacter(char, field)
        if runs and runs[-1].font == font:
            runs[-1] = _Run(font, runs[-1].text + char)
        else:
            runs.append(_Run(font, char))
    return runs


def markup(text: str, field: str, chain: tuple[str, ...] = CHAIN) -> str:
    """Escape `text` for a reportlab Paragraph, wrapping runs that need a fallback font in <font name=…>."""
    parts: list[str] = []
    for run in _runs(text, field, chain):
        escaped = escape(run.text).replace("\n", "<br/>")
        if run.font == chain[0]:
            parts.append(escaped)
        else:
            parts.append(f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)
