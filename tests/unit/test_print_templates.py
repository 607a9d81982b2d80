"""Templates as data: validation with line and reason, conditions, placeholders, QR rules, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.print.fill import fill_plain, format_value, station_zone
from app.print.fonts import UnprintableCharacter
from app.print.qr import QrPayloadRefused, check_payload
from app.print.render import render_document
from app.print.samples import sample_context, sample_ids
from app.print.templates import (
    TEMPLATES_DIR,
    MissingValue,
    TemplateError,
    available_templates,
    condition_holds,
    load_template,
    parse_template,
)


def _doc(blocks: list[dict], **extra: object) -> str:
    data = {"template_id": "t", "version": 1, "title": "测试", "profiles": ["a4", "roll80"], "blocks": blocks}
    data.update(extra)
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_every_shipped_template_loads_and_has_a_sample() -> None:
    ids = available_templates()
    assert set(ids) == set(sample_ids())
    assert len(ids) == 8
    for tid in ids:
        template = load_template(TEMPLATES_DIR / f"{tid}.json")
        assert template.template_id == tid and template.version >= 1 and template.blocks


def test_json_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "template_id": "x",\n  "version": 1,\n  "title": "坏"\n  "profiles": []\n}', encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert info.value.line == 5
    assert "JSON" in info.value.reason and "第 5 行" in info.value.message_zh
    assert "bad.json" in info.value.message_zh


def test_unknown_block_type_names_block_number_and_line() -> None:
    raw = _doc([{"type": "heading", "text": "标题"}, {"type": "picture", "text": "x"}])
    with pytest.raises(TemplateError) as info:
        parse_template(raw, "t.json")
    err = info.value
    assert err.block == 2
    assert err.line == raw.splitlines().index('      "type": "picture",') + 1
    assert "picture" in err.reason


def test_unknown_placeholder_root_is_refused() -> None:
    with pytest.raises(TemplateError) as info:
        parse_template(_doc([{"type": "paragraph", "text": "你好 ${aplicant.name}"}]))
    assert "aplicant" in info.value.reason and info.value.block == 1


def test_unknown_filter_and_bad_condition_are_refused() -> None:
    with pytest.raises(TemplateError, match="mask_all"):
        parse_template(_doc([{"type": "paragraph", "text": "${applicant.name|mask_all}"}]))
    with pytest.raises(TemplateError, match="when"):
        parse_template(_doc([{"type": "paragraph", "text": "x", "when": {"exists": "agent", "truthy": "case"}}]))
    with pytest.raises(TemplateError, match="contains"):
        parse_template(_doc([{"type": "paragraph", "text": "x", "when": {"contains": "agent"}}]))


def test_take_home_template_must_mask_id_and_phone() -> None:
    with pytest.raises(TemplateError, match="mask_id"):
        parse_template(_doc([{"type": "kv_table", "rows": [["证件", "${applicant.id_number}"]]}]))
    ok = parse_template(_doc([{"type": "kv_table", "rows": [["证件", "${applicant.id_number}"]]}], take_home=False))
    assert not ok.take_home


def test_missing_header_key_and_bad_profile_are_refused() -> None:
    with pytest.raises(TemplateError, match="blocks"):
        parse_template('{"template_id": "x", "version": 1, "title": "t", "profiles": ["a4"]}')
    with pytest.raises(TemplateError, match="a5"):
        parse_template(_doc([], profiles=["a5"]))


def test_conditions() -> None:
    ctx = {"agent": {"name": "王"}, "case": None, "ticket": {"qr_url": ""}, "item": {"kind": "许可"}}
    assert condition_holds({"exists": "agent"}, ctx)
    assert condition_holds({"missing": "case"}, ctx)  # None counts as absent
    assert condition_holds({"falsy": "ticket.qr_url"}, ctx)
    assert not condition_holds({"truthy": "ticket.qr_url"}, ctx)
    assert condition_holds({"equals": ["item.kind", "许可"]}, ctx)
    assert condition_holds({"not_equals": ["item.kind", "给付"]}, ctx)
    assert condition_holds(None, ctx)


def test_value_formatting_uses_station_time_zone_and_masks() -> None:
    ctx = sample_context("receipt")
    zone = station_zone(ctx)
    assert format_value(ctx["accepted_at"], "datetime", zone) == "2026年03月05日 09:30"
    assert format_value(ctx["accepted_at"], "date", zone) == "2026年03月05日"
    assert format_value("2026-03-10", "date", zone) == "2026年03月10日"
    assert format_value("511602198503120024", "mask_id", zone) == "511602********0024"
    assert format_value("13812345678", "mask_phone", zone) == "138****5678"
    assert fill_plain("${case.number}/${window_no}号", ctx, source="t", block=1) == "GA0120260305012/3号"


def test_missing_value_is_a_template_error_naming_the_path(tmp_path: Path) -> None:
    ctx = sample_context("receipt")
    del ctx["item"]["promise_days"]
    with pytest.raises(MissingValue) as info:
        render_document("receipt", ctx, profile="roll80")
    assert info.value.path == "item.promise_days"
    assert "item.promise_days" in info.value.message_zh


def test_unprintable_character_in_a_value_stops_rendering() -> None:
    ctx = sample_context("receipt")
    ctx["applicant"]["name"] = "李\U0002a6d6"
    with pytest.raises(UnprintableCharacter) as info:
        render_document("receipt", ctx, profile="a4")
    assert info.value.field == "applicant.name" and "U+2A6D6" in info.value.message_zh


def test_qr_payload_with_an_id_number_is_refused(tmp_path: Path) -> None:
    ctx = sample_context("receipt")
    with pytest.raises(QrPayloadRefused):
        check_payload("GA01|511602198503120024", ctx)
    with pytest.raises(QrPayloadRefused):
        check_payload("https://x.cn/?id=511602197908231510", {})  # any valid 18-char resident ID
    assert check_payload("GA0120260305012|234765", ctx) == "GA0120260305012|234765"
    (tmp_path / "leaky.json").write_text(
        _doc(
            [
                {"type": "qr", "payload": "${case.number}-${applicant.id_number|mask_id}"},
                {"type": "qr", "payload": "${applicant.name}${case.number}"},
            ]
        ),
        encoding="utf-8",
    )
    ctx["case"]["number"] = "511602198503120024"
    with pytest.raises(QrPayloadRefused):
        render_document("leaky", ctx, templates_dir=tmp_path)


def test_profile_not_allowed_is_refused() -> None:
    with pytest.raises(TemplateError, match="a4"):
        render_document("queue_ticket", sample_context("queue_ticket"), profile="a4")


def test_reprint_needs_reprint_time() -> None:
    with pytest.raises(TemplateError, match="reprinted_at"):
        render_document("receipt", sample_context("receipt"), profile="roll80", reprint=True)


@pytest.mark.parametrize("template_id", ["receipt", "queue_ticket"])
def test_same_input_gives_identical_bytes(template_id: str) -> None:
    profile = "roll80"
    first = render_document(template_id, sample_context(template_id), profile=profile)
    second = render_document(template_id, sample_context(template_id), profile=profile)
    assert first.pdf == second.pdf and first.sha256 == second.sha256
    other = sample_context(template_id)
    other["window_no"] = "4"
    if template_id == "receipt":
        assert render_document(template_id, other, profile=profile).sha256 != first.sha256


def test_edited_template_is_picked_up_without_restart(tmp_path: Path) -> None:
    path = tmp_path / "note.json"
    path.write_text(_doc([{"type": "paragraph", "text": "电话 0826-1111111"}]), encoding="utf-8")
    first = render_document("note", {}, templates_dir=tmp_path)
    path.write_text(_doc([{"type": "paragraph", "text": "电话 0826-2222222（新）"}], version=2), encoding="utf-8")
    second = render_document("note", {}, templates_dir=tmp_path)
    assert (first.template_version, second.template_version) == (1, 2)
    assert first.sha256 != second.sha256
