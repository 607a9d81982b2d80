"""Font chain: coverage, fallback runs, unprintable characters and Chinese line breaking."""

from __future__ import annotations

import threading

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from app.print import fonts
from app.print.fonts import (
    BODY,
    CLOSING_PUNCTUATION,
    FALLBACK,
    UnprintableCharacter,
    font_for_char,
    markup,
    missing_characters,
    register_fonts,
)
from app.print.layout import LAYOUTS, style

RARE_COVERED = ["𠇔", "䶮", "㛃", "𡒄"]
UNCOVERED = ["\U0002a6d6", "\ue000"]

NOTICE = (
    "你（单位）于2026年3月5日申请办理的“个体工商户设立登记”事项，经审查，申请材料不齐全或者不符合法定形式。"
    "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知如下：请补正材料；"
    "逾期未补正的，视为放弃申请！是否清楚？材料包括：身份证明、场所证明、照片等。"
    "「注意」『重要』【提示】〔2026〕12号……本机关不会再要求补正清单以外的材料’。"
)
FORBIDDEN_START = "，。；：！？、）》」』】〕”’…"


def test_registration_is_idempotent_and_thread_safe() -> None:
    threads = [threading.Thread(target=register_fonts) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    register_fonts()
    assert fonts._registered
    assert {fonts.BODY, fonts.BOLD} <= set(fonts._cmaps)
    assert font_for_char("𠇔") == FALLBACK and fonts.FALLBACK in fonts._cmaps


@pytest.mark.parametrize("char", RARE_COVERED)
def test_rare_name_characters_fall_back_to_wenkai(char: str) -> None:
    assert font_for_char("王") == BODY
    assert font_for_char(char) == FALLBACK
    assert missing_characters("王" + char) == []
    assert markup("王" + char, "applicant.name") == f'王<font name="{FALLBACK}">{char}</font>'


@pytest.mark.parametrize("char", UNCOVERED)
def test_uncovered_character_is_refused_with_its_code_point_and_field(char: str) -> None:
    assert font_for_char(char) is None
    assert missing_characters(f"李{char}明{char}") == [char]
    with pytest.raises(UnprintableCharacter) as info:
        markup(f"李{char}", "applicant.name")
    err = info.value
    assert err.char == char and err.field == "applicant.name"
    assert f"U+{ord(char):04X}" in err.message_zh
    assert "applicant.name" in err.message_zh


def test_markup_escapes_xml_and_keeps_line_breaks() -> None:
    assert markup("A&B <c>\n下一行", "remarks") == "A&amp;B &lt;c&gt;<br/>下一行"


def _line_texts(para: Paragraph) -> list[str]:
    """The text of each laid-out line, for both reportlab line kinds (plain words and fragments)."""
    lines = para.blPara.lines
    if para.blPara.kind == 0:
        return ["".join(words) for _, words in lines]
    return ["".join(getattr(w, "text", "") for w in line.words) for line in lines]


def _bad_starts(text: str, widths_mm: list[float]) -> list[tuple[float, str]]:
    bad = []
    for width in widths_mm:
        para = Paragraph(text, style(LAYOUTS["roll80"]))
        para.wrap(width * mm, 10_000)
        for line in _line_texts(para)[1:]:
            if line and line[0] in FORBIDDEN_START:
                bad.append((width, line))
    return bad


def test_closing_punctuation_never_starts_a_line_across_20_widths() -> None:
    register_fonts()
    widths = [38 + 2.9 * i for i in range(20)]
    assert _bad_starts(markup(NOTICE, "t"), widths) == []


def test_closing_punctuation_rule_holds_with_fallback_runs() -> None:
    # Markup with <font> runs goes through reportlab's other CJK splitter (cjkFragSplit).
    text = markup("申请人王𠇔，住址北辰街道；" * 6 + "联系人䶮。" * 4, "applicant.name")
    assert _bad_starts(text, [38 + 2.9 * i for i in range(20)]) == []


def test_all_closing_punctuation_is_in_the_patched_tables() -> None:
    register_fonts()
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for char in CLOSING_PUNCTUATION:
        assert char in textsplit.ALL_CANNOT_START
        assert char in paragraph.ALL_CANNOT_START
