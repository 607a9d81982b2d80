"""The seal area: agency name and date on the right, the configured seal image drawn over them.

The image is only a printed picture of the physical seal. It is not an electronic seal and the document
says so in small print, so nobody mistakes the PDF for an e-sealed original. Signature lines may sit
to the left of it, as on paper forms where the applicant signs beside the agency's seal.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from app.print.layout import Layout, style

VISUAL_ONLY_NOTE = "印章为打印图样，非电子印章"
_SIGN_ROW = 11 * mm


class SealBlock(Flowable):
    """Right-aligned agency + date with an optional seal image on them; optional signature lines at left."""

    def __init__(
        self,
        layout: Layout,
        agency: str,
        day: str,
        image: str | None,
        note: str | None,
        signatures: list[str] | None = None,
    ) -> None:
        super().__init__()
        self._image = image
        self._width = layout.frame_width
        self._col = min(self._width, (70 if not layout.is_roll else 60) * mm)
        self._lines = [
            Paragraph(agency, style(layout, align="center")),
            Paragraph(day, style(layout, align="center")),
        ]
        hint = note if note is not None else (VISUAL_ONLY_NOTE if image else "（盖章）")
        self._hint = Paragraph(hint, style(layout, size="small", align="center", grey=True))
        self._seal = layout.seal_mm * mm
        self._signs = [Paragraph(s, style(layout)) for s in signatures or []]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Height: the larger of the seal (with its note) and the signature lines."""
        self._heights = [p.wrap(self._col, avail_height)[1] for p in self._lines]
        self._hint_h = self._hint.wrap(self._col, avail_height)[1]
        text_h = sum(self._heights) + self._hint_h
        left_w = self._width - self._col - 6 * mm
        self._sign_h = [p.wrap(left_w * 0.45, avail_height)[1] for p in self._signs]
        self.height = max(self._seal + self._hint_h, text_h, len(self._signs) * _SIGN_ROW) + 2 * mm
        return self._width, self.height

    def _draw_signatures(self) -> None:
        canvas = self.canv
        left_w = self._width - self._col - 6 * mm
        y = self.height - 2 * mm
        canvas.setStrokeColor(HexColor("#555555"))
        canvas.setLineWidth(0.6)
        for para in self._signs:
            y -= _SIGN_ROW
            para.drawOn(canvas, 0, y + 1)
            canvas.line(left_w * 0.45, y, left_w, y)

    def draw(self) -> None:
        """Text first, then the image on top so it covers the name and date like a real stamp."""
        canvas = self.canv
        self._draw_signatures()
        x = self._width - self._col
        centre = self._hint_h + (self.height - self._hint_h) / 2
        y = centre + sum(self._heights) / 2
        for para, h in zip(self._lines, self._heights, strict=True):
            y -= h
            para.drawOn(canvas, x, y)
        self._hint.drawOn(canvas, x, 0)
        if self._image:
            side = self._seal
            canvas.drawImage(
                self._image,
                x + (self._col - side) / 2,
                centre - side / 2,
                width=side,
                height=side,
                mask="auto",
                preserveAspectRatio=True,
            )
