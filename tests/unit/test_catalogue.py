"""Catalogue: demo file, validation errors with row/column, round-trips, flat rows, generator."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest

from app.domain.catalogue import (
    ITEM_STATUSES,
    ROW_COLUMNS,
    Catalogue,
    CatalogueError,
    Necessity,
    ProjectType,
    RowError,
    catalogue_to_dict,
    parse_catalogue,
    parse_catalogue_rows,
)
from app.domain.catalogue_gen import generate_catalogue
from app.domain.units import TimeUnit

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"
FIXED = ("ZJD01 NZGZ01 JZZ01 YLBX01 DB01 CJRZ01 SYDJ01 GTH01 SPJY01 LNYD01 LSJZ01 YB01 JYDJ01 TDLZ01").split()


@pytest.fixture(scope="module")
def demo_data() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(demo_data: dict[str, Any]) -> Catalogue:
    return parse_catalogue(demo_data, source="demo.json")


@pytest.fixture
def data(demo_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(demo_data)


def errors_of(data: Any, source: str = "demo.json") -> tuple[RowError, ...]:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data, source=source)
    return info.value.errors


def idx(data: dict[str, Any], code: str) -> int:
    """0-based list index of an item in the raw data."""
    return next(k for k, it in enumerate(data["items"]) if it["code"] == code)


# ---- the demo file


def test_demo_parses_with_enough_items_bundles_and_fixed_codes(demo: Catalogue) -> None:
    assert demo.version == "2026.11.1"
    assert len(demo.items) >= 40
    assert len(demo.bundles) >= 3
    assert {b.code for b in demo.bundles} >= {"BD-XSE", "BD-GTKY", "BD-TX"}
    for code in FIXED:
        assert demo.item(code).code == code
    assert len(demo.by_department()) >= 10


def test_demo_has_the_realistic_features(demo: Catalogue) -> None:
    mats = [m for it in demo.items for m in it.materials]
    assert any(m.rongque_allowed for m in mats)
    assert any(m.commitment_replaceable and m.proof_replaced for m in mats)
    sfz = [m for m in mats if m.elicense_type == "居民身份证"]
    assert sfz and all(m.elicense_exempt for m in sfz)
    assert any(it.fee_fen > 0 for it in demo.items)
    assert {it.project_type for it in demo.items} == {ProjectType.IMMEDIATE, ProjectType.PROMISE}
    assert all(it.promise_limit.days <= it.legal_limit.days for it in demo.items)
    assert all(it.status in ITEM_STATUSES and it.materials for it in demo.items)


def test_materials_for_situations(demo: Catalogue) -> None:
    zjd = demo.item("ZJD01")
    new = {m.code for m in zjd.materials_for(["XSQ"])}
    rebuild = {m.code for m in zjd.materials_for(["YZFJ"])}
    assert "YZQZ" in rebuild and "YZQZ" not in new
    assert "WFZM" in new and "WFZM" not in rebuild
    assert {"SQB", "SFZ"} <= new & rebuild
    gth = demo.item("GTH01")
    assert "ZSCN" in {m.code for m in gth.materials_for(["WCQ"])}
    assert "ZSCN" not in {m.code for m in gth.materials_for(["YCQ"])}
    assert len(gth.materials_for([])) < len(gth.materials)


def test_catalogue_lookups(demo: Catalogue) -> None:
    assert demo.has_item("DB01") and not demo.has_item("NOPE")
    with pytest.raises(KeyError):
        demo.item("NOPE")
    assert demo.bundle("BD-TX").item_codes == ("TXHD01", "YBTX01", "GJJ01")
    assert demo.item("ZJD01").situation("YZFJ").name == "原址翻建"


def test_round_trip(demo: Catalogue) -> None:
    as_dict = catalogue_to_dict(demo)
    again = parse_catalogue(json.loads(json.dumps(as_dict, ensure_ascii=False)), source="x.json")
    assert again == demo
    assert catalogue_to_dict(again) == as_dict


def test_chinese_aliases_accepted(data: dict[str, Any]) -> None:
    it = data["items"][0]
    it["project_type"] = "承诺件"
    it["legal_limit"] = {"days": 20, "unit": "工作日"}
    it["materials"][0]["necessity"] = "情形必要"
    it["materials"][0]["accept_mode"] = "验原件收复印件"
    it["materials"][0]["rongque_allowed"] = "否"
    parsed = parse_catalogue(data, source="demo.json").items[0]
    assert parsed.project_type is ProjectType.PROMISE
    assert parsed.legal_limit.unit is TimeUnit.WORKING_DAY
    assert parsed.materials[0].necessity is Necessity.CONDITIONAL


# ---- bad input: each problem is reported with its row and column


@pytest.mark.parametrize(
    ("mutate", "column", "code"),
    [
        (lambda it: it.pop("name"), "name", "missing"),
        (lambda it: it.update(name="  "), "name", "missing"),
        (lambda it: it.update(fee_fen="abc"), "fee_fen", "not_int"),
        (lambda it: it.update(fee_fen=-100), "fee_fen", "negative"),
        (lambda it: it.update(fee_fen=1.5), "fee_fen", "not_int"),
        (lambda it: it.update(commitment_allowed="maybe"), "commitment_allowed", "not_bool"),
        (lambda it: it.update(project_type=7), "project_type", "bad_choice"),
        (lambda it: it.update(task_type="审查"), "task_type", "bad_choice"),
        (lambda it: it.update(status="paused"), "status", "bad_choice"),
        (lambda it: it.update(promise_limit={"days": 99, "unit": "working_day"}), "promise_limit",
         "promise_exceeds_legal"),
        (lambda it: it.update(promise_limit={"days": 5, "unit": "natural_day"}), "promise_limit", "unit_mismatch"),
        (lambda it: it.update(promise_limit={"days": 5, "unit": "hour"}), "promise_limit.unit", "bad_choice"),
        (lambda it: it.update(promise_limit={"days": "x"}), "promise_limit.days", "not_int"),
        (lambda it: it.update(promise_limit=15), "promise_limit", "not_object"),
        (lambda it: it.update(promise_limit={"days": 0, "unit": "working_day"}), "promise_limit", "promise_zero"),
        (lambda it: it.update(consult_phone="call me"), "consult_phone", "bad_phone"),
        (lambda it: it.update(supervise_phone="0826-23"), "supervise_phone", "bad_phone"),
        (lambda it: it.update(dept_code="11511602MB1234567X"), "dept_code", "bad_uscc"),
        (lambda it: it.update(dept_code="115116"), "dept_code", "bad_uscc"),
        (lambda it: it.update(code="宅基地"), "code", "bad_code"),
        (lambda it: it.update(fee=0), "fee", "unknown_field"),
        (lambda it: it.update(keywords=3), "keywords", "not_list"),
        (lambda it: it.update(materials=[]), "materials", "no_materials"),
        (lambda it: it.update(delivery_modes=["快递"]), "delivery_modes", "bad_choice"),
    ],
)
def test_item_field_errors(data: dict[str, Any], mutate: Any, column: str, code: str) -> None:
    k = idx(data, "ZJD01")  # a 承诺件 with legal 20 / promise 15 working days
    mutate(data["items"][k])
    errs = errors_of(data)
    assert (k + 1, column, code) in {(e.row, e.column, e.code) for e in errs}
    assert all(e.source == "demo.json" for e in errs)


def test_immediate_item_must_have_zero_promise(data: dict[str, Any]) -> None:
    k = idx(data, "YLBX01")
    data["items"][k]["promise_limit"] = {"days": 3, "unit": "working_day"}
    assert [(e.row, e.column, e.code) for e in errors_of(data)] == [(k + 1, "promise_limit", "immediate_promise")]


def test_missing_limit_gives_one_error_only(data: dict[str, Any]) -> None:
    k = idx(data, "ZJD01")
    del data["items"][k]["promise_limit"]
    assert [(e.row, e.column, e.code) for e in errors_of(data)] == [(k + 1, "promise_limit", "missing")]


def test_retired_item_may_have_no_materials(data: dict[str, Any]) -> None:
    data["items"][0].update(materials=[], status="retired")
    assert parse_catalogue(data, source="demo.json").items[0].status == "retired"


@pytest.mark.parametrize(
    ("field", "value", "column", "code"),
    [
        ("situations", ["NOPE"], "situations", "unknown_situation"),
        ("proof_replaced", None, "proof_replaced", "proof_missing"),
        ("elicense_type", None, "elicense_type", "elicense_type_missing"),
        ("originals", 0, "copies", "no_copies"),
        ("necessity", "sometimes", "necessity", "bad_choice"),
        ("accept_mode", 9, "accept_mode", "bad_choice"),
        ("code", "SQB", "code", "duplicate_material"),
        ("name", None, "name", "missing"),
    ],
)
def test_material_errors(data: dict[str, Any], field: str, value: Any, column: str, code: str) -> None:
    k = idx(data, "GTH01")
    mats = data["items"][k]["materials"]
    j = next(n for n, m in enumerate(mats) if m["code"] == "ZSCN")  # commitment-replaceable, situation WCQ
    mats[j]["copies"] = 0
    if field == "elicense_type":
        mats[j]["elicense_exempt"] = True
    mats[j][field] = value
    errs = errors_of(data)
    assert (k + 1, f"materials[{j}].{column}", code) in {(e.row, e.column, e.code) for e in errs}


def test_material_flags_need_item_flags(data: dict[str, Any]) -> None:
    k = idx(data, "GTH01")
    data["items"][k]["commitment_allowed"] = False
    data["items"][k]["materials"][0]["rongque_allowed"] = True
    got = {(e.column, e.code) for e in errors_of(data)}
    assert ("materials[0].rongque_allowed", "rongque_not_allowed") in got
    assert any(code == "commitment_not_allowed" for _, code in got)


def test_duplicate_codes_point_at_the_second(data: dict[str, Any]) -> None:
    data["items"][4]["code"] = data["items"][1]["code"]
    data["items"][6]["task_code"] = data["items"][2]["task_code"]
    got = {(e.row, e.column, e.code) for e in errors_of(data)}
    assert (5, "code", "duplicate_item") in got
    assert (7, "task_code", "duplicate_task_code") in got


def test_bundle_errors(data: dict[str, Any]) -> None:
    data["bundles"][0]["item_codes"] = ["SYDJ01", "GHOST", "SYDJ01"]
    data["bundles"][1]["item_codes"] = ["GTH01"]
    data["bundles"][2]["code"] = data["bundles"][0]["code"]
    errs = errors_of(data)
    got = {(e.section, e.row, e.column, e.code) for e in errs}
    assert ("bundles", 1, "item_codes", "bundle_unknown_item") in got
    assert ("bundles", 1, "item_codes", "bundle_repeat_item") in got
    assert ("bundles", 2, "item_codes", "bundle_too_small") in got
    assert ("bundles", 3, "code", "duplicate_bundle") in got


def test_header_errors(data: dict[str, Any]) -> None:
    data["published"] = "2026-13-01"
    del data["version"]
    got = {(e.column, e.code) for e in errors_of(data)}
    assert got == {("published", "bad_date"), ("version", "missing")}
    assert errors_of([1, 2])[0].code == "not_object"
    assert errors_of({"version": "1", "published": "2026-01-01", "items": "x"})[0].code == "not_list"


def test_all_problems_are_collected_and_worded(data: dict[str, Any]) -> None:
    data["items"][2]["promise_limit"] = {"days": 40, "unit": "working_day"}
    data["items"][2]["legal_limit"] = {"days": 20, "unit": "working_day"}
    data["items"][5]["consult_phone"] = "abc"
    data["items"][9]["fee_fen"] = -1
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data, source="demo.json")
    err = info.value
    assert len(err.errors) == 3
    text = err.message_zh
    assert text.startswith("事项目录有 3 处问题")
    assert "demo.json 第3项 字段 promise_limit：承诺时限不能超过法定时限（承诺 40 天 > 法定 20 天）" in text
    assert "第6项 字段 consult_phone" in text and "第10项 字段 fee_fen" in text


# ---- the flat (XLSX) layout


def to_rows(cat: Catalogue, *, chinese: bool) -> list[dict[str, Any]]:
    """One row per material, item columns repeated only on an item's first row (merged-cell style)."""
    rows: list[dict[str, Any]] = []
    header = dict(ROW_COLUMNS) if chinese else {k: k for k, _ in ROW_COLUMNS}
    for raw in catalogue_to_dict(cat)["items"]:
        item = {k: v for k, v in raw.items() if k not in ("materials", "legal_limit", "promise_limit")}
        item |= {"legal_days": raw["legal_limit"]["days"], "legal_unit": raw["legal_limit"]["unit"],
                 "promise_days": raw["promise_limit"]["days"], "promise_unit": raw["promise_limit"]["unit"]}
        item["situations"] = ";".join(f"{s['code']}:{s['name']}" for s in raw["situations"])
        item["keywords"] = "、".join(item["keywords"])
        item["delivery_modes"] = "、".join(item["delivery_modes"])
        for n, m in enumerate(raw["materials"]):
            mat = {("material_" + k if k in ("code", "name", "rongque_allowed", "situations") else k): v
                   for k, v in m.items()}
            mat["material_situations"] = ",".join(m["situations"])
            row = (item if n == 0 else {"code": item["code"]}) | mat
            rows.append({header[k]: v for k, v in row.items()})
    return rows


@pytest.mark.parametrize("chinese", [True, False])
def test_rows_parse_like_json(demo: Catalogue, chinese: bool) -> None:
    rows = to_rows(demo, chinese=chinese)
    cat = parse_catalogue_rows(rows, source="demo.xlsx", version=demo.version, published=demo.published)
    assert len(cat.items) == len(demo.items)
    for a, b in zip(cat.items, demo.items, strict=True):
        assert a.materials == b.materials
        assert (a.code, a.legal_limit, a.promise_limit, a.keywords) == (b.code, b.legal_limit, b.promise_limit,
                                                                         b.keywords)
        assert [s.code for s in a.situations] == [s.code for s in b.situations]


def test_rows_errors_name_sheet_row_and_header(demo: Catalogue) -> None:
    rows = to_rows(demo, chinese=True)
    rows[3]["材料名称"] = ""            # sheet row 5
    rows[0]["承诺时限"] = 999            # sheet row 2, first item
    rows[1]["事项名称"] = "另一个名字"   # conflicting repeat of an item column
    rows[0]["备注"] = "x"               # unknown header
    bundle_rows = [{"一件事编码": "BD-A", "一件事名称": "甲", "包含事项": "ZJD01、GHOST"}]
    with pytest.raises(CatalogueError) as info:
        parse_catalogue_rows(rows, source="demo.xlsx", bundle_rows=bundle_rows)
    got = {(e.row, e.column, e.code) for e in info.value.errors}
    assert (5, "材料名称", "missing") in got
    assert (2, "承诺时限", "promise_exceeds_legal") in got
    assert (3, "事项名称", "item_conflict") in got
    assert (1, "备注", "unknown_field") in got
    assert (2, "item_codes", "bundle_unknown_item") in got
    assert "demo.xlsx 第5行 列 材料名称：必填" in info.value.message_zh


# ---- generator


def test_generator_size_uniqueness_and_validity() -> None:
    cat = generate_catalogue(500, seed=3)
    assert len(cat.items) == 500
    assert len({i.code for i in cat.items}) == 500
    assert len({i.name for i in cat.items}) == 500
    assert len({i.task_code for i in cat.items}) == 500
    assert all(3 <= len(i.materials) <= 12 for i in cat.items)
    assert parse_catalogue(catalogue_to_dict(cat), source="gen") == cat
    assert generate_catalogue(500, seed=3) == cat
    assert generate_catalogue(500, seed=4) != cat


def test_generator_beyond_the_name_combinations_stays_distinct() -> None:
    cat = generate_catalogue(12_000)
    assert len({i.name for i in cat.items}) == 12_000


def test_generator_10000_items_fast() -> None:
    start = time.perf_counter()
    cat = generate_catalogue(10_000)
    assert time.perf_counter() - start < 3.0
    assert len(cat.items) == 10_000


def test_documented_example_item_is_valid() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "catalogue-format.md").read_text(encoding="utf-8")
    block = doc.split("## Example (abridged)", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    example = json.loads(block)
    example["bundles"] = []  # the example's bundle names items left out of the abridged listing
    cat = parse_catalogue(example, source="docs")
    assert cat.item("GTH01").materials_for(["WCQ"])[-1].proof_replaced == "住所（经营场所）使用证明"
