"""Chinese line breaking for reportlab: no line may start with closing punctuation.

reportlab's CJK splitters hang at most one forbidden character at a line end, and their tables are
Japanese-centric. We extend the tables and wrap both splitters: when a line would still start with
closing punctuation (a run such as ”。 or ……), the previous line is re-split narrower so its last
ordinary character moves down together with the punctuation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import textsplit
from reportlab.platypus import paragraph as rl_paragraph

#: Chinese (and ASCII) closing punctuation that must never start a line.
CLOSING_PUNCTUATION = "，。；：！？、）》」』】〕〉”’…‥·．％‰,.;:!?)]}%"

_MAX_RETRIES = 12
_original_dumb_split = textsplit.dumbSplit
_original_cjk_frag_split = rl_paragraph.cjkFragSplit


def _first_bad_line(lines: list[tuple[str, float]]) -> int | None:
    """Index of the first line (after the first) that starts with closing punctuation."""
    for k in range(1, len(lines)):
        text = lines[k][0]
        if text and text[0] in CLOSING_PUNCTUATION:
            return k
    return None


def _resplit(
    split: Callable[[list[float]], Any], max_widths: Any, describe: Callable[[Any], list[tuple[str, float]]]
) -> Any:
    """Run `split`, narrowing the line before a bad start until no line starts with closing punctuation."""
    widths = list(max_widths) if isinstance(max_widths, list | tuple) else [max_widths]
    result = split(widths)
    for _ in range(_MAX_RETRIES):
        lines = describe(result)
        bad = _first_bad_line(lines)
        if bad is None:
            return result
        text, used = lines[bad - 1]
        if len(text) < 2:
            return result  # nothing left to move down; accept rather than loop
        while len(widths) <= bad:
            widths.append(widths[-1])
        # 1.5 characters narrower: the hung punctuation still hangs, the character before it moves down.
        widths[bad - 1] = used - 1.5 * used / len(text)
        result = split(widths)
    return result


def _dumb_split(word: str, widths: list[float], max_widths: Any) -> list[list[Any]]:
    """textsplit.dumbSplit with the closing-punctuation rule (single-font paragraphs)."""

    def describe(lines: list[list[Any]]) -> list[tuple[str, float]]:
        out = []
        for k, (extra, text) in enumerate(lines):
            limit = current[k] if k < len(current) else current[-1]
            out.append((text, limit - extra))
        return out

    current: list[float] = []

    def split(mw: list[float]) -> list[list[Any]]:
        current[:] = mw
        return _original_dumb_split(word, widths, mw)

    return _resplit(split, max_widths, describe)


def _cjk_frag_split(frags: list[Any], max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """paragraph.cjkFragSplit with the closing-punctuation rule (paragraphs with several font runs)."""

    def describe(para_lines: Any) -> list[tuple[str, float]]:
        return [("".join(getattr(w, "text", "") for w in ln.words), ln.currentWidth) for ln in para_lines.lines]

    return _resplit(lambda mw: _original_cjk_frag_split(frags, mw, calc_bounds, encoding), max_widths, describe)


def install() -> None:
    """Patch reportlab once: extended cannot-start tables and the wrapped splitters."""
    extra = "".join(c for c in CLOSING_PUNCTUATION if c not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + extra
    # paragraph.py imported the string by value, so its module global must be patched too.
    rl_paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    textsplit.dumbSplit = _dumb_split
    rl_paragraph.cjkFragSplit = _cjk_frag_split
