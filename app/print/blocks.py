"""Template blocks → reportlab flowables (one small function per block type)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.print.fill import fill_markup
from app.print.fonts import BODY, BOLD_CHAIN
from app.print.layout import GREY, LIGHT, RULE, Layout, style, title_style
from app.print.qr import build_payload, qr_drawing
from app.print.seal import SealBlock
from app.print.templates import Block, TemplateError, condition_holds, is_missing, lookup


@dataclass(frozen=True)
class Env:
    """What every block renderer needs: the context, the page layout and the template name."""

    context: Mapping[str, Any]
    layout: Layout
    source: str


def _text(env: Env, block: Block, text: str, context: Mapping[str, Any] | None = None, *, bold: bool = False) -> str:
    chain = BOLD_CHAIN if bold else None
    kwargs = {"chain": chain} if chain else {}
    return fill_markup(text, context or env.context, source=env.source, block=block.index, **kwargs)


def _rows(env: Env, block: Block) -> list[tuple[int, Mapping[str, Any]]]:
    """The list a `list`/`table` block repeats over, as (1-based index, row context) pairs."""
    items = lookup(env.context, block.spec["over"])
    if is_missing(items):
        return []
    if not isinstance(items, list | tuple):
        raise TemplateError(env.source, f"{block.spec['over']} 不是列表", block=block.index)
    return [(i, ChainMap({"row": row, "index": i}, env.context)) for i, row in enumerate(items, start=1)]


def heading(env: Env, block: Block) -> list[Flowable]:
    """A centred document title (level 1) or a left section heading (level 2)."""
    level = int(block.spec.get("level", 1))
    return [Paragraph(_text(env, block, block.spec["text"], bold=True), title_style(env.layout, level))]


def paragraph(env: Env, block: Block) -> list[Flowable]:
    """A paragraph of filled text."""
    spec = block.spec
    st = style(
        env.layout,
        size=spec.get("size", "normal"),
        align=spec.get("align", "left"),
        bold=bool(spec.get("bold")),
        indent=bool(spec.get("indent")) and not env.layout.is_roll,
        grey=bool(spec.get("grey")),
    )
    text = _text(env, block, spec["text"], bold=bool(spec.get("bold")))
    return [Paragraph(text, st, bulletText=None)] + ([Spacer(1, 1.5 * mm)] if spec.get("gap") else [])


def _grid(layout: Layout, rows: int, *, header: bool) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), BODY),  # the cell default is Helvetica, which would be referenced
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if layout.is_roll else 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 if layout.is_roll else 5),
        ("TOPPADDING", (0, 0), (-1, -1), 1 if layout.is_roll else 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1 if layout.is_roll else 2.5),
    ]
    if not layout.is_roll:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, RULE))
    else:
        cmds += [("LEFTPADDING", (0, 0), (0, -1), 0)]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), LIGHT), ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE)]
    return TableStyle(cmds)


def _kv_cells(env: Env, block: Block) -> list[tuple[list[Paragraph], bool]]:
    """Label/value paragraph pairs whose row `when` holds, each with its `span` (full-width) flag."""
    label_st, value_st = style(env.layout, grey=True), style(env.layout)
    cells = []
    for row in block.spec["rows"]:
        if isinstance(row, Mapping):
            label, text, cond, span = row["label"], row["text"], row.get("when"), bool(row.get("span"))
        else:
            (label, text), cond, span = row, None, False
        if condition_holds(cond, env.context):
            pair = [Paragraph(_text(env, block, label), label_st), Paragraph(_text(env, block, text), value_st)]
            cells.append((pair, span))
    return cells


def _kv_grid(pairs: list[tuple[list[Paragraph], bool]], per_row: int) -> tuple[list[list[Any]], list[Any]]:
    """Place pairs `per_row` to a row; a span pair takes a row of its own (its value spans the rest)."""
    data: list[list[Any]] = []
    spans: list[Any] = []
    current: list[Any] = []

    def flush() -> None:
        # A row left short gets its last value stretched to the edge instead of empty boxes.
        if current and len(current) < 2 * per_row:
            spans.append(("SPAN", (len(current) - 1, len(data)), (-1, len(data))))
        if current:
            data.append(current + [""] * (2 * per_row - len(current)))
            current.clear()

    for pair, span in pairs:
        if span or len(current) == 2 * per_row:
            flush()
        if span and per_row > 1:
            data.append(pair + [""] * (2 * per_row - 2))
            spans.append(("SPAN", (1, len(data) - 1), (-1, len(data) - 1)))
        else:
            current += pair
    flush()
    return data, spans


def kv_table(env: Env, block: Block) -> list[Flowable]:
    """Label/value rows (two pairs to a row on A4 with `pairs: 2`); rows may carry `when` and `span`."""
    pairs = _kv_cells(env, block)
    if not pairs:
        return []
    per_row = 1 if env.layout.is_roll else int(block.spec.get("pairs", 1))
    data, spans = _kv_grid(pairs, per_row)
    lw = env.layout.label_width
    vw = env.layout.frame_width / per_row - lw
    table = Table(data, colWidths=[lw, vw] * per_row, hAlign="LEFT")
    grid = _grid(env.layout, len(data), header=False)
    for cmd in spans:
        grid.add(*cmd)
    if per_row > 1:
        # Shade label cells only: a spanned value must not show a grey label column under it.
        for r, row in enumerate(data):
            for col in range(0, 2 * per_row, 2):
                if row[col] != "":
                    grid.add("BACKGROUND", (col, r), (col, r), LIGHT)
    table.setStyle(grid)
    return [table, Spacer(1, 2 * mm)]


def list_block(env: Env, block: Block) -> list[Flowable]:
    """One paragraph per element of `over`, each with a hanging number."""
    rows = _rows(env, block)
    st = style(env.layout, size=block.spec.get("size", "normal"))
    if not rows:
        return [Paragraph(_text(env, block, block.spec.get("empty", "（无）")), st)] if "empty" in block.spec else []
    out: list[Flowable] = []
    for index, ctx in rows:
        bullet = f"{index}." if block.spec.get("numbered", True) else "•"
        item_st = style(env.layout, size=block.spec.get("size", "normal"))
        item_st.leftIndent = item_st.fontSize * 1.8
        item_st.bulletIndent = 0
        item_st.bulletFontName = item_st.fontName
        item_st.bulletFontSize = item_st.fontSize
        out.append(Paragraph(_text(env, block, block.spec["item"], ctx), item_st, bulletText=bullet))
    return out + [Spacer(1, 1.5 * mm)]


def table(env: Env, block: Block) -> list[Flowable]:
    """A table with a header row and one row per element of `over`; widths are relative weights."""
    cols = block.spec["columns"]
    rows = _rows(env, block)
    if not rows and "empty" in block.spec:
        return [Paragraph(_text(env, block, block.spec["empty"]), style(env.layout))]
    size = block.spec.get("size", "small" if env.layout.is_roll else "normal")
    heads = [style(env.layout, size=size, grey=True, align=c.get("align", "left")) for c in cols]
    cells = [style(env.layout, size=size, align=c.get("align", "left")) for c in cols]
    data = [[Paragraph(_text(env, block, c.get("header", "")), st) for c, st in zip(cols, heads, strict=True)]]
    for _, ctx in rows:
        data.append([Paragraph(_text(env, block, c["text"], ctx), st) for c, st in zip(cols, cells, strict=True)])
    weights = [float(c.get("width", 1)) for c in cols]
    widths = [env.layout.frame_width * w / sum(weights) for w in weights]
    tbl = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    tbl.setStyle(_grid(env.layout, len(data), header=True))
    return [tbl, Spacer(1, 2 * mm)]


def qr(env: Env, block: Block) -> list[Flowable]:
    """A QR code with an optional caption under it; on A4 an optional `beside` text sits to its right."""
    payload = build_payload(block.spec, env.context, source=env.source, block=block.index)
    size = float(block.spec.get("size_mm", env.layout.qr_mm))
    parts: list[Flowable] = [qr_drawing(payload, size)]
    if "caption" in block.spec:
        parts.append(
            Paragraph(_text(env, block, block.spec["caption"]), style(env.layout, size="small", align="center"))
        )
    if "beside" not in block.spec:
        return [Spacer(1, 1 * mm), KeepTogether(parts), Spacer(1, 1 * mm)]
    text = Paragraph(_text(env, block, block.spec["beside"]), style(env.layout, size="small"))
    if env.layout.is_roll:
        return [Spacer(1, 1 * mm), KeepTogether(parts), text, Spacer(1, 1 * mm)]
    col = (size + 6) * mm
    tbl = Table([[parts, text]], colWidths=[col, env.layout.frame_width - col], hAlign="LEFT")
    tbl.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    return [tbl]


def signature(env: Env, block: Block) -> list[Flowable]:
    """Signature lines: one row per label with a ruled blank to sign on."""
    lay = env.layout
    st = style(lay)
    label_w = lay.frame_width * (0.45 if lay.is_roll else 0.3)
    data = [[Paragraph(_text(env, block, label), st), ""] for label in block.spec["labels"]]
    tbl = Table(
        data,
        colWidths=[label_w, lay.frame_width - label_w],
        rowHeights=[(8 if lay.is_roll else 11) * mm] * len(data),
        hAlign="LEFT",
    )
    tbl.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, GREY),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 2 * mm), tbl, Spacer(1, 2 * mm)])]


def seal(env: Env, block: Block) -> list[Flowable]:
    """The agency name and date at the right, with the configured seal image drawn over them (visual only)."""
    agency = _text(env, block, block.spec.get("agency", "${station.agency_name}"))
    day = _text(env, block, block.spec.get("date", "${printed_at|date}"))
    image = lookup(env.context, "station.seal_image")
    note = _text(env, block, block.spec["note"]) if "note" in block.spec else None
    signs = [_text(env, block, label) for label in block.spec.get("labels", [])]
    if env.layout.is_roll:
        signs = []  # a roll is too narrow to sign beside the seal
    return [
        Spacer(1, 3 * mm),
        SealBlock(env.layout, agency, day, None if is_missing(image) else str(image), note, signs),
    ]


def spacer(env: Env, block: Block) -> list[Flowable]:
    """Vertical space, optionally a rule (solid or dashed) across the frame."""
    height = float(block.spec.get("height_mm", 3)) * mm
    line = block.spec.get("line")
    if not line:
        return [Spacer(1, height)]
    dash = (2, 2) if line == "dashed" else None
    return [
        HRFlowable(width="100%", thickness=0.6, color=RULE, dash=dash, spaceBefore=height / 2, spaceAfter=height / 2)
    ]


class PageFooter(Flowable):
    """Footer text that the renderer draws in the bottom margin of every A4 page (takes no story space)."""

    def __init__(self, para: Paragraph) -> None:
        super().__init__()
        self.para = para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Zero size: the text lives in the page margin."""
        return 0, 0

    def draw(self) -> None:
        """Nothing here; see render._page_decorator."""


def footer(env: Env, block: Block) -> list[Flowable]:
    """Small grey closing text (phones, hints): page footer on A4, under a thin rule at the end of a roll."""
    st = style(env.layout, size="small", align=block.spec.get("align", "left"), grey=True)
    para = Paragraph(_text(env, block, block.spec["text"]), st)
    if not env.layout.is_roll:
        return [PageFooter(para)]
    return [HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=2 * mm, spaceAfter=1 * mm), para]


RENDERERS: dict[str, Callable[[Env, Block], list[Flowable]]] = {
    "heading": heading,
    "paragraph": paragraph,
    "kv_table": kv_table,
    "list": list_block,
    "table": table,
    "qr": qr,
    "signature": signature,
    "seal": seal,
    "spacer": spacer,
    "footer": footer,
}


def flowables(env: Env, blocks: tuple[Block, ...]) -> list[Flowable]:
    """All flowables of the blocks that apply to this profile and whose `when` holds."""
    story: list[Flowable] = []
    for block in blocks:
        allowed = block.spec.get("profiles")
        if allowed and env.layout.profile not in allowed:
            continue
        if condition_holds(block.spec.get("when"), env.context):
            story += RENDERERS[block.type](env, block)
    return story
