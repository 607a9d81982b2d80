"""PDF pages as images (QtPdf) and painted onto a QPrinter, so what prints is exactly what was previewed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

MAX_PRINT_DPI = 300  # an A4 page at 600 dpi is a 140 MB image; 300 dpi is sharp for text and QR codes


class PrintFailed(Exception):
    """The printer could not take the pages; `message_zh` says why and what to do."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


@contextmanager
def open_pdf(pdf: bytes) -> Iterator[QPdfDocument]:
    """A loaded QPdfDocument over the bytes (the buffer must outlive the document's use)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    try:
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
            raise PrintFailed(_tr("文书文件已损坏，无法显示或打印。请在办件页重新出具该文书。"))
        yield doc
    finally:
        doc.close()
        buffer.close()


def render_page(doc: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page at `dpi`, on white (the PDF background is transparent)."""
    size_pt = doc.pagePointSize(page)
    size = QSize(max(1, round(size_pt.width() * dpi / 72)), max(1, round(size_pt.height() * dpi / 72)))
    image = doc.render(page, size)
    white = QImage(image.size(), QImage.Format.Format_RGB32)
    white.fill(0xFFFFFFFF)
    painter = QPainter(white)
    painter.drawImage(0, 0, image)
    painter.end()
    return white


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of `pdf` at `dpi`."""
    with open_pdf(pdf) as doc:
        return [render_page(doc, k, dpi) for k in range(doc.pageCount())]


def render_width(pdf: bytes, width_px: int) -> list[QImage]:
    """Every page scaled to `width_px` (thermal heads: 576 dots on 80 mm, 384 on 58 mm)."""
    with open_pdf(pdf) as doc:
        return [render_page(doc, k, width_px * 72 / doc.pagePointSize(k).width()) for k in range(doc.pageCount())]


def make_printer(name: str) -> QPrinter:
    """A QPrinter for the named printer ("" = the system default)."""
    if name:
        return QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def printer_problem(printer: QPrinter, name: str) -> str | None:
    """Why `printer` cannot print now, in Chinese, or None. A PDF-file printer is always fine."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return None
    available = QPrinterInfo.availablePrinterNames()
    if name and name not in available:
        return _tr("找不到打印机“%1”：可能未开机、未连接或已被删除。请检查打印机电源和连接线后重试，"
                   "或选择其他打印机。").replace("%1", name)
    if not available:
        return _tr("这台电脑没有安装任何打印机。请联系管理员安装打印机，或先保存为 PDF。")
    if not printer.isValid():
        shown = name or printer.printerName()
        return _tr("打印机“%1”当前不可用。请检查后重试，或选择其他打印机。").replace("%1", shown)
    return None


def _fit_page(printer: QPrinter, size_pt: QSizeF) -> None:
    """Paper the size of the rendered page, no margins: the layout was fixed by the renderer."""
    printer.setFullPage(True)
    layout = QPageLayout(QPageSize(size_pt, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait, QMarginsF())
    printer.setPageLayout(layout)


def paint_pdf(printer: QPrinter, pdf: bytes, name: str = "") -> int:
    """Rasterise each page at the printer's resolution (capped) and paint it; returns the page count.

    Raises PrintFailed when the printer is missing, not valid, or refuses to start.
    """
    problem = printer_problem(printer, name)
    if problem:
        raise PrintFailed(problem)
    with open_pdf(pdf) as doc:
        _fit_page(printer, doc.pagePointSize(0))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(_tr("打印机“%1”拒绝了打印任务（可能缺纸、卡纸或脱机）。请检查后重试，"
                                  "或选择其他打印机。").replace("%1", name or printer.printerName() or _tr("默认")))
        try:
            for k in range(doc.pageCount()):
                if k:
                    _fit_page(printer, doc.pagePointSize(k))
                    printer.newPage()
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                painter.drawImage(target, render_page(doc, k, dpi))
        finally:
            painter.end()
        return int(doc.pageCount())


def qimage_to_pil(image: QImage) -> Any:
    """A QImage as a PIL image (through PNG bytes: simple and independent of row padding)."""
    from PIL import Image

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("L")


def print_escpos(pdf: bytes, printer: Any, profile: str = "roll80") -> int:
    """Raster the PDF at the thermal head's width and send it as ESC/POS through python-escpos."""
    from app.print.escpos_out import HEAD_DOTS, print_raster

    width = HEAD_DOTS.get(profile, HEAD_DOTS["roll80"])
    return print_raster(printer, (qimage_to_pil(img) for img in render_width(pdf, width)), width_px=width)
