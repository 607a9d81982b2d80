"""Validating parser for the catalogue JSON structure; collects every problem before raising."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import catalogue_fields as f
from app.domain.catalogue_fields import Sink
from app.domain.catalogue_model import (
    ITEM_STATUSES,
    TASK_TYPES,
    AcceptMode,
    Bundle,
    Catalogue,
    CatalogueError,
    DeliveryMode,
    Material,
    MaterialFormat,
    MaterialSource,
    Necessity,
    ProjectType,
    RowError,
    ServiceItem,
    Situation,
)
from app.domain.units import TimeUnit

ITEM_FIELDS = frozenset(
    "code task_code catalog_code name short_name keywords department dept_code task_type project_type "
    "legal_limit promise_limit fee_fen fee_note legal_basis conditions handle_place consult_phone "
    "supervise_phone result_name delivery_modes situations materials form_id commitment_allowed "
    "rongque_allowed limit_scene_num version status".split()
)
MATERIAL_FIELDS = frozenset(
    "code name necessity originals copies accept_mode format source source_note accept_standard "
    "rongque_allowed commitment_replaceable proof_replaced elicense_exempt elicense_type situations "
    "blank_form".split()
)
BUNDLE_FIELDS = frozenset("code name item_codes description keywords".split())
_UNIT_ZH = {TimeUnit.WORKING_DAY: "工作日", TimeUnit.NATURAL_DAY: "自然日"}
TOP_FIELDS = frozenset("format version published items bundles".split())


def parse_material(d: Any, s: Sink) -> Material:
    """One material record; problems go to `s`."""
    if not isinstance(d, dict):
        s.add("", "not_object", value=d)
        d = {}
    f.check_unknown(d, MATERIAL_FIELDS, s)
    m = Material(
        code=f.code(d, "code", s), name=f.text(d, "name", s),
        necessity=f.choice(d, "necessity", s, Necessity),
        originals=f.integer(d, "originals", s), copies=f.integer(d, "copies", s),
        accept_mode=f.choice(d, "accept_mode", s, AcceptMode),
        format=f.choice(d, "format", s, MaterialFormat), source=f.choice(d, "source", s, MaterialSource),
        source_note=f.text(d, "source_note", s, required=False),
        accept_standard=f.text(d, "accept_standard", s, required=False),
        rongque_allowed=f.boolean(d, "rongque_allowed", s),
        commitment_replaceable=f.boolean(d, "commitment_replaceable", s),
        proof_replaced=f.opt_text(d, "proof_replaced", s),
        elicense_exempt=f.boolean(d, "elicense_exempt", s), elicense_type=f.opt_text(d, "elicense_type", s),
        situations=f.texts(d, "situations", s), blank_form=f.opt_text(d, "blank_form", s),
    )
    _check_material_self(m, s)
    return m


def _check_material_self(m: Material, s: Sink) -> None:
    if m.commitment_replaceable and not m.proof_replaced:
        s.add("proof_replaced", "proof_missing")
    if m.elicense_exempt and not m.elicense_type:
        s.add("elicense_type", "elicense_type_missing")
    if m.format is not MaterialFormat.ELECTRONIC and m.originals + m.copies == 0:
        s.add("copies", "no_copies")


def parse_situations(value: Any, s: Sink) -> tuple[Situation, ...]:
    """Situations as a list of {code, name, description} or a cell like "XSQ:新申请;YZFJ:原址翻建"."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = [dict(zip(("code", "name"), p.split(":", 1), strict=False))
                 for p in value.replace("：", ":").replace("；", ";").split(";") if p.strip()]
    if not isinstance(value, list):
        s.add("situations", "not_list", value=value)
        return ()
    out: list[Situation] = []
    seen: set[str] = set()
    for k, raw in enumerate(value):
        sub = s.child(f"situations[{k}].")
        if not isinstance(raw, dict):
            sub.add("", "not_object", value=raw)
            continue
        sit = Situation(f.code(raw, "code", sub), f.text(raw, "name", sub),
                        f.text(raw, "description", sub, required=False))
        if sit.code in seen:
            sub.add("code", "duplicate_situation", value=sit.code)
        seen.add(sit.code)
        out.append(sit)
    return tuple(out)


def _materials(value: Any, s: Sink) -> tuple[Material, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        s.add("materials", "not_list", value=value)
        return ()
    return tuple(parse_material(raw, s.child(f"materials[{k}].")) for k, raw in enumerate(value))


def parse_item(d: Any, s: Sink) -> ServiceItem:
    """One item record with its situations and materials; problems go to `s`."""
    if not isinstance(d, dict):
        s.add("", "not_object", value=d)
        d = {}
    f.check_unknown(d, ITEM_FIELDS, s)
    situations = parse_situations(d.get("situations"), s)
    materials = _materials(d.get("materials"), s)
    item = ServiceItem(
        code=f.code(d, "code", s), task_code=f.text(d, "task_code", s),
        catalog_code=f.text(d, "catalog_code", s), name=f.text(d, "name", s),
        short_name=f.text(d, "short_name", s, required=False), keywords=f.texts(d, "keywords", s),
        department=f.text(d, "department", s), dept_code=f.uscc(d, "dept_code", s),
        task_type=f.one_of(d, "task_type", s, TASK_TYPES),
        project_type=f.choice(d, "project_type", s, ProjectType),
        legal_limit=f.time_limit(d, "legal_limit", s), promise_limit=f.time_limit(d, "promise_limit", s),
        fee_fen=f.integer(d, "fee_fen", s), fee_note=f.text(d, "fee_note", s, required=False),
        legal_basis=f.text(d, "legal_basis", s), conditions=f.text(d, "conditions", s),
        handle_place=f.text(d, "handle_place", s),
        consult_phone=f.phone(d, "consult_phone", s), supervise_phone=f.phone(d, "supervise_phone", s),
        result_name=f.text(d, "result_name", s, required=False),
        delivery_modes=_delivery(d, s), situations=situations, materials=materials,
        form_id=f.opt_text(d, "form_id", s),
        commitment_allowed=f.boolean(d, "commitment_allowed", s),
        rongque_allowed=f.boolean(d, "rongque_allowed", s),
        limit_scene_num=f.integer(d, "limit_scene_num", s, default=1),
        version=f.integer(d, "version", s, default=1),
        status=f.one_of(d, "status", s, ITEM_STATUSES, default="active"),
    )
    # Compare limits only when both were given: a missing one would add a second, misleading error.
    limits_given = isinstance(d.get("legal_limit"), dict) and isinstance(d.get("promise_limit"), dict)
    _check_item(item, s, check_limits=limits_given)
    return item


def _delivery(d: dict[str, Any], s: Sink) -> tuple[DeliveryMode, ...]:
    out = []
    for raw in f.texts(d, "delivery_modes", s) or (DeliveryMode.WINDOW.value,):
        mode = f.enum_lookup(DeliveryMode, raw)
        if mode is None:
            s.add("delivery_modes", "bad_choice", value=raw, choices="window（窗口领取）、mail（邮寄）")
        else:
            out.append(mode)
    return tuple(out)


def _check_item(item: ServiceItem, s: Sink, *, check_limits: bool) -> None:
    """Cross-field rules of one item: time limits, materials against the item's flags and situations."""
    if check_limits:
        _check_limits(item, s)
    if item.status == "active" and not item.materials:
        s.add("materials", "no_materials")
    situation_codes = {x.code for x in item.situations}
    seen: set[str] = set()
    for k, m in enumerate(item.materials):
        _check_material_in_item(item, m, situation_codes, seen, s.child(f"materials[{k}]."))


def _check_limits(item: ServiceItem, s: Sink) -> None:
    """承诺时限 within 法定时限 in the same unit; 即办件 promise 0, 承诺件 promise > 0."""
    legal, promise = item.legal_limit, item.promise_limit
    if legal.unit is not promise.unit:
        s.add("promise_limit", "unit_mismatch", promise=_UNIT_ZH[promise.unit], legal=_UNIT_ZH[legal.unit])
    elif promise.days > legal.days:
        s.add("promise_limit", "promise_exceeds_legal", promise=promise.days, legal=legal.days)
    if item.project_type is ProjectType.IMMEDIATE and promise.days != 0:
        s.add("promise_limit", "immediate_promise", promise=promise.days)
    if item.project_type is ProjectType.PROMISE and promise.days == 0:
        s.add("promise_limit", "promise_zero")


def _check_material_in_item(item: ServiceItem, m: Material, situation_codes: set[str],
                            seen: set[str], s: Sink) -> None:
    if m.code in seen:
        s.add("code", "duplicate_material", value=m.code)
    seen.add(m.code)
    for code in m.situations:
        if code not in situation_codes:
            s.add("situations", "unknown_situation", value=code)
    if m.commitment_replaceable and not item.commitment_allowed:
        s.add("commitment_replaceable", "commitment_not_allowed")
    if m.rongque_allowed and not item.rongque_allowed:
        s.add("rongque_allowed", "rongque_not_allowed")


def check_unique_items(items: list[ServiceItem], sinks: list[Sink]) -> None:
    """Item codes and 实施编码 are unique across the catalogue."""
    first_code: dict[str, int] = {}
    first_task: dict[str, int] = {}
    for k, (it, s) in enumerate(zip(items, sinks, strict=True), start=1):
        if it.code and it.code in first_code:
            s.add("code", "duplicate_item", value=it.code, first=first_code[it.code])
        first_code.setdefault(it.code, k)
        if it.task_code and it.task_code in first_task:
            s.add("task_code", "duplicate_task_code", value=it.task_code, first=first_task[it.task_code])
        first_task.setdefault(it.task_code, k)


def parse_bundles(value: Any, item_codes: set[str], source: str, errors: list[RowError], *,
                  first_row: int = 1, section: str = "bundles") -> tuple[Bundle, ...]:
    """Bundles; each must name ≥ 2 distinct existing items. Rows are numbered from `first_row`."""
    if value is None:
        return ()
    top = Sink(source, "catalogue", lambda p: (0, p), errors)
    if not isinstance(value, list):
        top.add("bundles", "not_list", value=value)
        return ()
    out: list[Bundle] = []
    seen: set[str] = set()
    for k, raw in enumerate(value, start=first_row):
        s = Sink(source, section, lambda p, k=k: (k, p), errors)
        raw = raw if isinstance(raw, dict) else {}
        f.check_unknown(raw, BUNDLE_FIELDS, s)
        b = Bundle(f.code(raw, "code", s), f.text(raw, "name", s), f.texts(raw, "item_codes", s),
                   f.text(raw, "description", s, required=False), f.texts(raw, "keywords", s))
        _check_bundle(b, item_codes, seen, s)
        out.append(b)
    return tuple(out)


def _check_bundle(b: Bundle, item_codes: set[str], seen: set[str], s: Sink) -> None:
    if b.code in seen:
        s.add("code", "duplicate_bundle", value=b.code)
    seen.add(b.code)
    if len(set(b.item_codes)) < 2:
        s.add("item_codes", "bundle_too_small")
    counted: set[str] = set()
    for code in b.item_codes:
        if code not in item_codes:
            s.add("item_codes", "bundle_unknown_item", value=code)
        elif code in counted:
            s.add("item_codes", "bundle_repeat_item", value=code)
        counted.add(code)


def parse_header(data: dict[str, Any], source: str, errors: list[RowError]) -> tuple[str, date]:
    """The catalogue's version label and publication date."""
    s = Sink(source, "catalogue", lambda p: (0, p), errors)
    version = f.text(data, "version", s)
    raw = f.text(data, "published", s)
    try:
        published = date.fromisoformat(raw) if raw else date(1970, 1, 1)
    except ValueError:
        s.add("published", "bad_date", value=raw)
        published = date(1970, 1, 1)
    return version, published


def parse_catalogue(data: Any, *, source: str) -> Catalogue:
    """Validate a catalogue dict (JSON format) and build it; CatalogueError lists every problem."""
    errors: list[RowError] = []
    if not isinstance(data, dict):
        Sink(source, "catalogue", lambda p: (0, p), errors).add("", "not_object", value=type(data).__name__)
        raise CatalogueError(errors)
    f.check_unknown(data, TOP_FIELDS, Sink(source, "catalogue", lambda p: (0, p), errors))
    version, published = parse_header(data, source, errors)
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        Sink(source, "catalogue", lambda p: (0, p), errors).add("items", "not_list", value=raw_items)
        raw_items = []
    sinks = [Sink(source, "items", lambda p, k=k: (k, p), errors) for k in range(1, len(raw_items) + 1)]
    items = [parse_item(raw, s) for raw, s in zip(raw_items, sinks, strict=True)]
    check_unique_items(items, sinks)
    bundles = parse_bundles(data.get("bundles"), {i.code for i in items}, source, errors)
    if errors:
        raise CatalogueError(errors)
    return Catalogue(version, published, tuple(items), bundles)
