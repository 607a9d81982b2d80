"""ESC/POS raster output: 1-bit images at the head width, GS v 0 rasters and a cut, clear errors."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("escpos")
from PIL import Image, ImageDraw  # noqa: E402 - python-escpos brings Pillow

from app.print.escpos_out import EscposUnavailable, open_escpos, prepare_image, print_raster  # noqa: E402


def _page(width: int = 226, height: int = 400) -> Image.Image:
    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 60, 60), fill="black")
    return image


def test_prepare_scales_to_the_head_and_keeps_proportions() -> None:
    image = prepare_image(_page(), 576)
    assert image.mode == "1" and image.size == (576, round(400 * 576 / 226))
    assert image.getpixel((60, 60)) == 0 and image.getpixel((500, 900)) == 255


def test_dummy_printer_gets_one_raster_per_page_and_one_cut() -> None:
    printer = open_escpos("dummy")
    assert print_raster(printer, [_page(), _page()], width_px=384) == 2
    out = printer.output
    assert out.count(b"\x1dv0") >= 2 and out.count(b"\x1dV") == 1
    # GS v 0 m xL xH: 384 dots = 48 bytes a row.
    at = out.index(b"\x1dv0")
    assert out[at + 4] + 256 * out[at + 5] == 48


def test_no_pages_no_cut() -> None:
    printer = open_escpos("dummy")
    assert print_raster(printer, []) == 0 and printer.output == b""


def test_bad_connection_text_is_explained() -> None:
    with pytest.raises(EscposUnavailable) as err:
        open_escpos("bluetooth:xx")
    assert "bluetooth:xx" in err.value.message_zh and "usb:" in err.value.message_zh


def test_missing_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "escpos.printer", None)
    with pytest.raises(EscposUnavailable) as err:
        open_escpos("dummy")
    assert "python-escpos" in err.value.message_zh
