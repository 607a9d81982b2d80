"""Optional ESC/POS raster output for thermal receipt printers through python-escpos (imported lazily)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Printable dots across the head: 80 mm rolls carry 72 mm at 203 dpi (576 dots), 58 mm rolls 48 mm (384).
HEAD_DOTS = {"roll80": 576, "roll58": 384}
_THRESHOLD = 160  # grey below this becomes a printed dot; plain threshold keeps small CJK strokes crisp


class EscposUnavailable(Exception):
    """python-escpos is missing, or the connection text is not one we understand."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


def _printer_module() -> Any:
    try:
        import escpos.printer as module
    except ImportError as exc:
        raise EscposUnavailable(
            "未安装 ESC/POS 小票打印支持（python-escpos），无法直接驱动热敏打印机。"
            "请改用系统打印机打印，或联系管理员安装 python-escpos。") from exc
    return module


def open_escpos(connection: str) -> Any:
    """A python-escpos printer from text such as "usb:0x0416:0x5011", "network:192.168.1.50[:9100]",
    "serial:/dev/ttyUSB0", "file:/dev/usb/lp0" or "dummy" (collects the bytes, for tests)."""
    module = _printer_module()
    kind, _, rest = connection.partition(":")
    if kind == "dummy":
        return module.Dummy()
    if kind == "usb" and rest.count(":") == 1:
        vendor, product = rest.split(":")
        return module.Usb(int(vendor, 16), int(product, 16))
    if kind == "network" and rest:
        host, _, port = rest.partition(":")
        return module.Network(host, int(port or 9100))
    if kind == "serial" and rest:
        return module.Serial(rest)
    if kind == "file" and rest:
        return module.File(rest)
    raise EscposUnavailable(
        f"无法识别的小票打印机连接“{connection}”。请在设置中填写如 usb:0x0416:0x5011、"
        "network:192.168.1.50 或 serial:/dev/ttyUSB0。")


def prepare_image(image: Any, width_px: int) -> Any:
    """Scale a page image (PIL) to the head width, keep its proportions, and make it 1-bit."""
    grey = image.convert("L")
    if grey.width != width_px:
        height = max(1, round(grey.height * width_px / grey.width))
        grey = grey.resize((width_px, height))
    return grey.point(lambda v: 0 if v < _THRESHOLD else 255, "1")


def print_raster(printer: Any, images: Iterable[Any], *, width_px: int = HEAD_DOTS["roll80"],
                 cut: bool = True) -> int:
    """Send each page image as an ESC/POS raster (GS v 0) and cut after the last; returns the page count."""
    pages = 0
    for image in images:
        printer.image(prepare_image(image, width_px), impl="bitImageRaster")
        pages += 1
    if cut and pages:
        printer.cut()
    return pages
