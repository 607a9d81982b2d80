"""The queue ticket slip goes to the receipt printer configured in the settings, when there is one."""

from __future__ import annotations

from collections.abc import Callable

from app.services.documents import DocumentService
from app.ui.pages.queue_issue import SlipPrinter
from app.ui.pdf_raster import make_printer, paint_pdf


def slip_printer_for(documents: DocumentService,
                     make: Callable[[str], object] = make_printer) -> SlipPrinter | None:
    """A function printing a slip PDF on the receipt printer, or None when no receipt printer is configured.

    The name is read at each slip, so a printer chosen in the settings applies without restarting.
    """
    if not documents.printer_for("roll80"):
        return None

    def print_slip(pdf: bytes) -> None:
        name = documents.printer_for("roll80")
        paint_pdf(make(name), pdf, name)  # type: ignore[arg-type]  # raises PrintFailed with a Chinese reason

    return print_slip
