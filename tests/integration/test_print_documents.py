"""Every document in every allowed profile: text, embedded fonts, page size, QR, masking (poppler + zxing)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import ChainMap
from pathlib import Path
from typing import Any

import pytest

from app.print.fill import format_value, station_zone
from app.print.fonts import CLOSING_PUNCTUATION
from app.print.render import RenderedDocument, get_template, render_document
from app.print.samples import sample_context, sample_ids
from app.print.templates import condition_holds, is_missing, lookup, placeholders

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

CASES = [(tid, p) for tid in sample_ids() for p in get_template(tid).profiles]
WIDTH = {"a4": 595.28, "roll80": 226.77, "roll58": 164.41}


def _run(args: list[str], data: bytes) -> str:
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """Text as poppler extracts it (glyphs that vanished would be missing here)."""
    return _run(["pdftotext", "-", "-"], pdf)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_fonts(pdf: bytes) -> list[list[str]]:
    rows = _run(["pdffonts", "-"], pdf).splitlines()[2:]
    return [row.split() for row in rows]


def page_size(pdf: bytes) -> tuple[float, float]:
    info = _run(["pdfinfo", "-"], pdf)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def qr_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """Rasterise at thermal-printer resolution and decode every QR code."""
    import zxingcpp
    from PIL import Image

    pdf_path = tmp_path / "doc.pdf"
    pdf_path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(pdf_path), str(tmp_path / "page")], check=True)
    found: list[str] = []
    for png in sorted(tmp_path.glob("page*.png")):
        found += [b.text for b in zxingcpp.read_barcodes(Image.open(png))]
    return found


def expected_values(template_id: str, profile: str, context: dict[str, Any]) -> list[str]:
    """Every placeholder value the template prints for this profile, formatted as the renderer does."""
    template = get_template(template_id)
    zone = station_zone(context)
    values: list[str] = []
    for block in template.blocks:
        allowed = block.spec.get("profiles")
        if (allowed and profile not in allowed) or not condition_holds(block.spec.get("when"), context):
            continue
        scopes: list[Any] = [context]
        if "over" in block.spec:
            items = lookup(context, block.spec["over"])
            scopes = (
                [] if is_missing(items) else [ChainMap({"row": r, "index": i}, context) for i, r in enumerate(items, 1)]
            )
        texts = [str(v) for k, v in block.spec.items() if k in ("text", "item", "beside", "agency", "date")]
        for row in block.spec.get("rows", []):
            if isinstance(row, dict):
                if condition_holds(row.get("when"), context):
                    texts.append(row["text"])
            else:
                texts.append(row[1])
        texts += [c["text"] for c in block.spec.get("columns", [])]
        for scope in scopes:
            for text in texts:
                for ph in placeholders(text):
                    value = lookup(scope, ph.path)
                    if not is_missing(value):
                        values.append(format_value(value, ph.filter, zone))
    return values


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], RenderedDocument]:
    return {(tid, p): render_document(tid, sample_context(tid), profile=p) for tid, p in CASES}


@pytest.mark.parametrize(("template_id", "profile"), CASES)
def test_text_contains_every_field_value(rendered: Any, template_id: str, profile: str) -> None:
    doc = rendered[(template_id, profile)]
    text = squash(pdf_text(doc.pdf))
    values = expected_values(template_id, profile, sample_context(template_id))
    assert len(values) >= 3
    missing = [v for v in values if squash(v) not in text]
    assert missing == []


@pytest.mark.parametrize(("template_id", "profile"), CASES)
def test_every_font_is_embedded_and_no_base14(rendered: Any, template_id: str, profile: str) -> None:
    fonts = pdf_fonts(rendered[(template_id, profile)].pdf)
    assert fonts
    for row in fonts:
        # columns: name type encoding emb sub uni id gen (type may be one or two words)
        assert row[-5] == "yes", row  # emb
        assert row[-4] == "yes", row  # subset
        assert "Helvetica" not in row[0]


@pytest.mark.parametrize(("template_id", "profile"), CASES)
def test_page_size_and_one_page(rendered: Any, template_id: str, profile: str) -> None:
    doc = rendered[(template_id, profile)]
    width, height = page_size(doc.pdf)
    assert width == pytest.approx(WIDTH[profile], abs=0.05)
    if profile == "a4":
        assert height == pytest.approx(841.89, abs=0.05)
    assert doc.page_count == 1
    assert doc.profile == profile and doc.template_id == template_id and doc.template_version >= 1


@pytest.mark.parametrize(("template_id", "profile"), CASES)
def test_no_extracted_line_starts_with_closing_punctuation(rendered: Any, template_id: str, profile: str) -> None:
    lines = [ln.strip() for ln in pdf_text(rendered[(template_id, profile)].pdf).splitlines()]
    assert [ln for ln in lines if ln and ln[0] in "，。；：！？、）》」』】”’"] == []


@pytest.mark.parametrize("profile", ["a4", "roll80", "roll58"])
def test_receipt_qr_decodes_to_case_number_and_password(rendered: Any, profile: str, tmp_path: Path) -> None:
    assert qr_texts(rendered[("receipt", profile)].pdf, tmp_path) == ["GA0120260305012|234765"]


def test_queue_ticket_qr_decodes_to_its_url(rendered: Any, tmp_path: Path) -> None:
    url = sample_context("queue_ticket")["ticket"]["qr_url"]
    assert qr_texts(rendered[("queue_ticket", "roll80")].pdf, tmp_path) == [url]


def test_configured_verify_url_goes_into_the_qr(tmp_path: Path) -> None:
    ctx = sample_context("receipt")
    ctx["station"]["verify_url"] = "https://zwfw.example.gov.cn/v?no=${case.number}&p=${case.query_password}"
    doc = render_document("receipt", ctx, profile="roll80")
    assert qr_texts(doc.pdf, tmp_path) == ["https://zwfw.example.gov.cn/v?no=GA0120260305012&p=234765"]


def test_queue_ticket_without_qr_url_has_no_qr(tmp_path: Path) -> None:
    ctx = sample_context("queue_ticket")
    del ctx["ticket"]["qr_url"]
    doc = render_document("queue_ticket", ctx, profile="roll58")
    assert qr_texts(doc.pdf, tmp_path) == []
    assert "A023" in pdf_text(doc.pdf)


@pytest.mark.parametrize(("template_id", "profile"), [c for c in CASES if c[0] != "commitment_letter"])
def test_take_home_documents_never_show_full_id_or_phone(rendered: Any, template_id: str, profile: str) -> None:
    text = squash(pdf_text(rendered[(template_id, profile)].pdf))
    ctx = sample_context(template_id)
    for person in ("applicant", "agent"):
        for key in ("id_number", "phone"):
            full = lookup(ctx, f"{person}.{key}")
            if not is_missing(full):
                assert full not in text
    if template_id in ("receipt", "supplement_notice", "rejection_notice", "deficiency_notice", "delivery_receipt"):
        assert "511602********0024" in text


@pytest.mark.parametrize("profile", ["a4", "roll80"])
def test_commitment_letter_carries_the_full_id(rendered: Any, profile: str) -> None:
    text = squash(pdf_text(rendered[("commitment_letter", profile)].pdf))
    assert "511602198503120024" in text and "13812345678" in text


def test_rare_name_character_is_printed_from_the_fallback_font() -> None:
    ctx = sample_context("receipt")
    ctx["applicant"]["name"] = "王𠇔䶮"
    doc = render_document("receipt", ctx, profile="roll80")
    assert "王𠇔䶮" in pdf_text(doc.pdf)
    names = [row[0] for row in pdf_fonts(doc.pdf)]
    assert any("LXGWWenKai-Regular" in n for n in names)


def test_delivery_receipt_prints_agent_with_rare_character(rendered: Any) -> None:
    assert "王𠇔" in pdf_text(rendered[("delivery_receipt", "a4")].pdf)


def test_consultation_variant_prints_without_a_case(tmp_path: Path) -> None:
    ctx = sample_context("supplement_notice", variant="consultation")
    doc = render_document("supplement_notice", ctx, profile="a4")
    text = squash(pdf_text(doc.pdf))
    assert "ZX20260305007" in text and "赵先生" in text and "补正材料通知书" not in text
    assert qr_texts(doc.pdf, tmp_path) == []


def test_seal_image_is_labelled_visual_only(rendered: Any) -> None:
    text = squash(pdf_text(rendered[("receipt", "a4")].pdf))
    assert "印章为打印图样，非电子印章" in text
    ctx = sample_context("receipt")
    del ctx["station"]["seal_image"]
    plain = squash(pdf_text(render_document("receipt", ctx, profile="a4").pdf))
    assert "（盖章）" in plain and "非电子印章" not in plain


def test_reprint_is_marked_with_time_and_otherwise_same_content() -> None:
    ctx = sample_context("receipt")
    ctx["reprinted_at"] = "2026-03-06T10:05:00+08:00"
    doc = render_document("receipt", ctx, profile="a4", reprint=True)
    text = pdf_text(doc.pdf)
    assert "补打" in text and "2026年03月06日 10:05" in text
    original = squash(pdf_text(render_document("receipt", ctx, profile="a4").pdf))
    assert "补打" not in original
    assert "GA0120260305012" in original and "GA0120260305012" in squash(text)


def test_metadata_names_template_and_version(rendered: Any) -> None:
    from pypdf import PdfReader

    meta = PdfReader(io.BytesIO(rendered[("receipt", "a4")].pdf)).metadata
    assert meta.subject == "receipt@1"
    assert meta.title == "受理通知书"


def test_closing_punctuation_table_matches_the_test_set() -> None:
    assert set("，。；：！？、）》」』】”’") <= set(CLOSING_PUNCTUATION)
