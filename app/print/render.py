"""Render a document template with a context to PDF bytes (pure: data in, bytes out)."""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph

from app.print.blocks import Env, PageFooter, flowables
from app.print.fill import format_value, station_zone
from app.print.fonts import BODY, BOLD, register_fonts
from app.print.layout import GREY, LAYOUTS, Layout, style
from app.print.templates import DocumentTemplate, TemplateError, is_missing, load_template, lookup, template_path

REPRINT_MARK = "补打"
_ROLL_SLACK = 4 * mm  # measured heights omit a few points of leading; never let a roll spill onto page 2


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered PDF and what produced it (kept with the case so a reprint is the same document)."""

    pdf: bytes
    template_id: str
    template_version: int
    profile: str
    sha256: str
    page_count: int


_cache_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int], DocumentTemplate]] = {}


def get_template(template_id: str, templates_dir: str | Path | None = None) -> DocumentTemplate:
    """Load a template, re-reading it only when the file changed (admins may edit wording at any time)."""
    path = template_path(template_id, templates_dir)
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(path.name, "找不到模板文件") from exc
    key = (stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        hit = _cache.get(path)
        if hit and hit[0] == key:
            return hit[1]
    template = load_template(path)
    with _cache_lock:
        _cache[path] = (key, template)
    return template


def _measure(story: list[Flowable], width: float) -> float:
    """Total height of a story at `width` (KeepTogether is measured through its content)."""
    total = 0.0
    for flow in story:
        if isinstance(flow, KeepTogether):
            total += _measure(list(flow._content), width)
            continue
        total += flow.wrap(width, 10_000)[1] + flow.getSpaceBefore() + flow.getSpaceAfter()
    return total


def _reprint_flowable(layout: Layout, context: Mapping[str, Any], source: str) -> Flowable:
    """The visible 补打 line at the top: a bold mark and the reprint time from the context."""
    at = lookup(context, "reprinted_at")
    if is_missing(at):
        raise TemplateError(source, "补打需要上下文中的 reprinted_at（补打时间）")
    when = format_value(at, "datetime", station_zone(context))
    text = f'<font name="{BOLD}" size="{layout.body_size * 1.4:.1f}">【{REPRINT_MARK}】</font>　补打时间：{when}'
    return Paragraph(text, style(layout, align="center"))


def _date_formatter(context: Mapping[str, Any]) -> Any:
    """Fixed PDF CreationDate from `printed_at`, so the same input gives the same bytes."""
    at = lookup(context, "printed_at")
    if is_missing(at) or not hasattr(at, "year"):
        return None
    stamp = f"D:{at.year:04d}{at.month:02d}{at.day:02d}{getattr(at, 'hour', 0):02d}{getattr(at, 'minute', 0):02d}00Z"
    return lambda *_args: stamp


def _page_decorator(
    template: DocumentTemplate, layout: Layout, context: Mapping[str, Any], reprint: bool, footers: list[Paragraph]
) -> Any:
    """Per-page furniture: fixed dates; on A4 the footer text, template tag, page number and 补打 corner mark."""
    formatter = _date_formatter(context)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if formatter is not None:
            canvas.setDateFormatter(formatter)
        if layout.is_roll:
            return
        canvas.saveState()
        y = 11 * mm
        for para in reversed(footers):
            para.wrap(layout.frame_width, layout.margin_y)
            para.drawOn(canvas, layout.margin_x, y)
            y += para.height
        if footers:
            canvas.setStrokeColor(GREY)
            canvas.setLineWidth(0.4)
            canvas.line(layout.margin_x, y + 2, layout.page_width - layout.margin_x, y + 2)
        canvas.setFont(BODY, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(layout.margin_x, 7 * mm, f"{template.template_id}@{template.version}")
        canvas.drawRightString(layout.page_width - layout.margin_x, 7 * mm, f"第 {doc.page} 页")
        if reprint:
            canvas.setFont(BOLD, 12)
            x, y = layout.page_width - layout.margin_x, layout.page_height - 13 * mm
            canvas.drawRightString(x - 2 * mm, y, REPRINT_MARK)
            canvas.rect(x - 2 * mm - 28, y - 4, 28 + 4 * mm, 18, stroke=1, fill=0)
        canvas.restoreState()

    return on_page


def _page_size(layout: Layout, story: list[Flowable]) -> tuple[float, float]:
    if layout.page_height is not None:
        return layout.page_width, layout.page_height
    height = _measure(story, layout.frame_width) + 2 * layout.margin_y + _ROLL_SLACK
    return layout.page_width, height


def _build(
    template: DocumentTemplate, layout: Layout, story: list[Flowable], context: Mapping[str, Any], reprint: bool
) -> tuple[bytes, int]:
    """Lay the story out on the profile's page(s); returns the PDF bytes and the page count."""
    footers = [f.para for f in story if isinstance(f, PageFooter)]
    story = [f for f in story if not isinstance(f, PageFooter)]
    page_w, page_h = _page_size(layout, story)
    buf = io.BytesIO()
    agency = lookup(context, "station.agency_name")
    doc = BaseDocTemplate(
        buf,
        pagesize=(page_w, page_h),
        leftMargin=layout.margin_x,
        rightMargin=layout.margin_x,
        topMargin=layout.margin_y,
        bottomMargin=layout.margin_y,
        initialFontName=BODY,
        title=template.title,
        subject=f"{template.template_id}@{template.version}",
        keywords=f"{template.template_id}@{template.version} {layout.profile}" + (" reprint" if reprint else ""),
        author="" if is_missing(agency) else str(agency),
        creator="Yichuang 一窗",
        invariant=1,
    )
    frame = Frame(
        layout.margin_x,
        layout.margin_y,
        layout.frame_width,
        page_h - 2 * layout.margin_y,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_page_decorator(template, layout, context, reprint, footers))]
    )
    doc.build(story)
    return buf.getvalue(), doc.page


def render_document(
    template_id: str,
    context: Mapping[str, Any],
    *,
    profile: str = "a4",
    reprint: bool = False,
    templates_dir: str | Path | None = None,
) -> RenderedDocument:
    """Render `template_id` with `context` on `profile` ("a4" | "roll80" | "roll58") to PDF bytes.

    Raises TemplateError (broken template, missing value, profile not allowed), UnprintableCharacter
    (a character in no bundled font) and QrPayloadRefused (a QR payload holding an ID number).
    """
    register_fonts()
    template = get_template(template_id, templates_dir)
    if profile not in template.profiles or profile not in LAYOUTS:
        raise TemplateError(template.source, f"该文书不支持纸型 {profile}（可用：{', '.join(template.profiles)}）")
    layout = LAYOUTS[profile]
    story = flowables(Env(context, layout, template.source), template.blocks)
    if reprint:
        story.insert(0, _reprint_flowable(layout, context, template.source))
    pdf, pages = _build(template, layout, story, context, reprint)
    return RenderedDocument(
        pdf, template.template_id, template.version, profile, hashlib.sha256(pdf).hexdigest(), pages
    )
