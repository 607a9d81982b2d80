"""Page profiles (A4, 80 mm and 58 mm rolls) and the paragraph styles sized for each."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.print.fonts import BODY, BOLD

GREY = HexColor("#555555")
LIGHT = HexColor("#EEEEEE")
RULE = HexColor("#999999")


@dataclass(frozen=True)
class Layout:
    """Geometry and type sizes of one print profile."""

    profile: str
    page_width: float
    page_height: float | None  # None: a roll, height computed from the content
    margin_x: float
    margin_y: float
    body_size: float
    title_size: float
    qr_mm: float
    label_width: float  # kv_table label column
    seal_mm: float

    @property
    def frame_width(self) -> float:
        """Printable width."""
        return self.page_width - 2 * self.margin_x

    @property
    def is_roll(self) -> bool:
        """True for thermal rolls."""
        return self.page_height is None


LAYOUTS = {
    "a4": Layout("a4", A4[0], A4[1], 20 * mm, 20 * mm, 10.5, 20, 26, 22 * mm, 40),
    # 80 mm paper prints 72 mm (576 dots at 203 dpi): render at the printable width.
    "roll80": Layout("roll80", 80 * mm, None, 4 * mm, 4 * mm, 9, 14, 30, 18 * mm, 28),
    # 58 mm paper prints 48 mm (384 dots).
    "roll58": Layout("roll58", 58 * mm, None, 5 * mm, 4 * mm, 8, 12, 28, 15 * mm, 24),
}

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_SCALE = {"small": 0.82, "normal": 1.0, "large": 1.3, "huge": 4.4}


def style(
    layout: Layout,
    *,
    size: str = "normal",
    align: str = "left",
    bold: bool = False,
    indent: bool = False,
    grey: bool = False,
) -> ParagraphStyle:
    """A CJK-wrapping paragraph style for `layout` (never justified: CJK justify pads the line end)."""
    points = layout.body_size * _SCALE.get(size, 1.0)
    return ParagraphStyle(
        name=f"{layout.profile}-{size}-{align}-{bold}-{indent}-{grey}",
        fontName=BOLD if bold else BODY,
        fontSize=points,
        leading=points * (1.2 if size == "huge" else 1.5),
        alignment=_ALIGN.get(align, TA_LEFT),
        wordWrap="CJK",
        firstLineIndent=2 * points if indent else 0,
        textColor=GREY if grey else HexColor("#000000"),
    )


def title_style(layout: Layout, level: int) -> ParagraphStyle:
    """Heading styles: level 1 is the centred document title, level 2 a section heading."""
    points = layout.title_size if level == 1 else layout.body_size * 1.15
    return ParagraphStyle(
        name=f"{layout.profile}-h{level}",
        fontName=BOLD,
        fontSize=points,
        leading=points * 1.4,
        alignment=TA_CENTER if level == 1 else TA_LEFT,
        wordWrap="CJK",
        spaceBefore=points * (0.2 if level == 1 else 0.6),
        spaceAfter=points * (0.5 if level == 1 else 0.2),
    )
