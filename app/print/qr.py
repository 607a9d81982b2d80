"""QR codes on documents: the payload (never an ID number) and a vector drawing of it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.print.fill import fill_plain
from app.print.templates import is_missing, lookup

_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


class QrPayloadRefused(Exception):
    """A QR payload that would carry a personal ID number."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def message_zh(self) -> str:
        """Operator/admin-facing message."""
        return f"二维码内容被拒绝：{self.reason}。二维码只能包含办件编号和查询密码或核验网址，不能包含身份证号。"


def _looks_like_resident_id(text: str) -> bool:
    """An 18-char string with a valid GB 11643 check digit and a plausible birth date."""
    body, check = text[:17], text[17].upper()
    if _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11] != check:
        return False
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def check_payload(payload: str, context: Mapping[str, Any]) -> str:
    """Return `payload` if it holds no ID number; raise QrPayloadRefused otherwise."""
    for path in ("applicant.id_number", "agent.id_number"):
        known = lookup(context, path)
        if not is_missing(known) and str(known).strip() and str(known).strip().upper() in payload.upper():
            raise QrPayloadRefused(f"包含 {path}")
    for match in _ID18.finditer(payload):
        if _looks_like_resident_id(match.group(1)):
            raise QrPayloadRefused("包含 18 位身份证号码")
    return payload


def build_payload(spec: Mapping[str, Any], context: Mapping[str, Any], *, source: str, block: int) -> str:
    """The QR text: the block's own payload, else the district verify URL, else 办件编号|查询密码."""
    if isinstance(spec.get("payload"), str):
        payload = fill_plain(spec["payload"], context, source=source, block=block)
    else:
        url = lookup(context, "station.verify_url")
        if not is_missing(url):
            payload = fill_plain(str(url), context, source=source, block=block)
        else:
            payload = fill_plain("${case.number}|${case.query_password}", context, source=source, block=block)
    return check_payload(payload, context)


class QrFlowable(Flowable):
    """A vector QR code drawn as filled rectangles (no font involved, so no stray Helvetica)."""

    def __init__(self, payload: str, size_mm: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
        code.add_data(payload.encode("utf-8"))
        code.make(fit=True)
        self.payload = payload
        self._matrix = code.get_matrix()
        self._side = size_mm * mm
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """A square of the requested size."""
        return self._side, self._side

    def draw(self) -> None:
        """One rectangle per horizontal run of dark modules, top row first."""
        n = len(self._matrix)
        cell = self._side / n
        self.canv.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(self._matrix):
            y = self._side - (r + 1) * cell
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                self.canv.rect(start * cell, y, (c - start) * cell, cell, stroke=0, fill=1)


def qr_drawing(payload: str, size_mm: float) -> QrFlowable:
    """A QR code (error level M, 4-module quiet zone) of `size_mm` square, as a flowable."""
    return QrFlowable(payload, size_mm)
