"""Draw the application icon: “一窗” in white on a blue rounded square (PNG sizes and a Windows .ico)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
ICONS = ROOT / "resources" / "icons"
BLUE = (25, 95, 190, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 1024) -> Image.Image:
    """The master image; smaller sizes are downsampled from it so strokes stay smooth."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=BLUE)
    font = ImageFont.truetype(str(FONT), int(size * 0.40))
    text = "一窗"
    left, top, right, bottom = d.textbbox((0, 0), text, font=font)
    d.text(((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top), text, font=font,
           fill=(255, 255, 255, 255))
    return img


def main() -> int:
    """Write yichuang.png (256 px), yichuang-48.png and yichuang.ico into resources/icons/."""
    ICONS.mkdir(parents=True, exist_ok=True)
    master = draw()
    master.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "yichuang.png")
    master.resize((48, 48), Image.Resampling.LANCZOS).save(ICONS / "yichuang-48.png")
    master.save(ICONS / "yichuang.ico", sizes=[(s, s) for s in SIZES])
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
