"""Flat spreadsheet layout of the catalogue: one row per material, item columns repeated or left blank."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.catalogue_fields import Sink
from app.domain.catalogue_model import Catalogue, CatalogueError, RowError
from app.domain.catalogue_parse import check_unique_items, parse_bundles, parse_item

# (row key, Chinese header). A sheet may use either as its header; keys follow the JSON field names,
# material columns that clash with item columns carry a "material_" prefix.
ITEM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "事项编码"), ("task_code", "实施编码"), ("catalog_code", "基本编码"), ("name", "事项名称"),
    ("short_name", "简称"), ("keywords", "关键词"), ("department", "实施部门"),
    ("dept_code", "部门统一社会信用代码"), ("task_type", "事项类型"), ("project_type", "办件类型"),
    ("legal_days", "法定时限"), ("legal_unit", "法定时限单位"), ("promise_days", "承诺时限"),
    ("promise_unit", "承诺时限单位"), ("fee_fen", "收费(分)"), ("fee_note", "收费说明"),
    ("legal_basis", "设定依据"), ("conditions", "受理条件"), ("handle_place", "办理地点"),
    ("consult_phone", "咨询电话"), ("supervise_phone", "监督电话"), ("result_name", "审批结果"),
    ("delivery_modes", "出件方式"), ("situations", "情形"), ("form_id", "表单"),
    ("commitment_allowed", "可告知承诺"), ("rongque_allowed", "可容缺受理"),
    ("limit_scene_num", "到现场次数"), ("version", "版本"), ("status", "状态"),
)
MATERIAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("material_code", "材料编码"), ("material_name", "材料名称"), ("necessity", "必要性"),
    ("originals", "原件份数"), ("copies", "复印件份数"), ("accept_mode", "验收方式"),
    ("format", "材料形式"), ("source", "来源渠道"), ("source_note", "来源说明"),
    ("accept_standard", "受理标准"), ("material_rongque_allowed", "材料可容缺"),
    ("commitment_replaceable", "可承诺替代"), ("proof_replaced", "替代的证明"),
    ("elicense_exempt", "电子证照免提交"), ("elicense_type", "电子证照类型"),
    ("material_situations", "适用情形"), ("blank_form", "空白表格"),
)
ROW_COLUMNS = ITEM_COLUMNS + MATERIAL_COLUMNS
BUNDLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "一件事编码"), ("name", "一件事名称"), ("item_codes", "包含事项"), ("description", "说明"),
    ("keywords", "关键词"),
)
_ALIASES = {zh: key for key, zh in ROW_COLUMNS} | {key: key for key, _ in ROW_COLUMNS}
_MATERIAL_KEYS = {key: (key.removeprefix("material_") if key in (
    "material_code", "material_name", "material_rongque_allowed", "material_situations") else key)
    for key, _ in MATERIAL_COLUMNS}
_MATERIAL_KEYS["material_situations"] = "situations"
_FIELD_TO_MATERIAL_KEY = {v: k for k, v in _MATERIAL_KEYS.items()}
_LIMIT_KEYS = {"legal_limit": ("legal_days", "legal_unit"), "promise_limit": ("promise_days", "promise_unit")}
_ITEM_KEYS = frozenset(k for k, _ in ITEM_COLUMNS)


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


class _Group:
    """Rows of one item: the item's values, its material rows, and where each value came from."""

    def __init__(self, first_row: int) -> None:
        self.first_row = first_row
        self.values: dict[str, Any] = {}
        self.materials: list[tuple[int, dict[str, Any]]] = []
        self.headers: dict[str, str] = {}

    def locate(self, path: str) -> tuple[int, str]:
        """Sheet row and header for a JSON field path of this item."""
        if path.startswith("materials["):
            k = int(path[len("materials["):path.index("]")])
            field = path[path.index("]") + 2:].split(".")[0]
            row = self.materials[k][0] if k < len(self.materials) else self.first_row
            key = _FIELD_TO_MATERIAL_KEY.get(field, field)
            return row, self.headers.get(key, key)
        head, _, tail = path.partition(".")
        if head in _LIMIT_KEYS:
            key = _LIMIT_KEYS[head][1] if tail == "unit" else _LIMIT_KEYS[head][0]
        else:
            key = head.split("[")[0]
        return self.first_row, self.headers.get(key, key)

    def to_dict(self) -> dict[str, Any]:
        """The item in the JSON shape that parse_item reads."""
        d = {k: v for k, v in self.values.items() if k not in ("legal_days", "legal_unit", "promise_days",
                                                                "promise_unit")}
        for name, (days_key, unit_key) in _LIMIT_KEYS.items():
            if days_key in self.values:
                d[name] = {"days": self.values[days_key], "unit": self.values.get(unit_key) or "working_day"}
        d["materials"] = [{_MATERIAL_KEYS[k]: v for k, v in m.items()} for _, m in self.materials]
        return d


def _normalise(row: dict[Any, Any], headers: dict[str, str], unknown: Sink | None) -> dict[str, Any]:
    """Row keyed by field key; unknown headers are reported once, through `unknown` (first row only)."""
    out: dict[str, Any] = {}
    for header, value in row.items():
        if _blank(header):
            continue
        key = _ALIASES.get(str(header).strip())
        if key is None:
            if unknown is not None:
                unknown.add(str(header), "unknown_field", value=header)
            continue
        headers.setdefault(key, str(header).strip())
        if not _blank(value):
            out[key] = value.strip() if isinstance(value, str) else value
    return out


def _group_rows(rows: list[dict[Any, Any]], source: str, first_row: int,
                errors: list[RowError]) -> list[_Group]:
    """Split rows into items; a blank item code continues the item above (merged cells)."""
    groups: list[_Group] = []
    headers: dict[str, str] = {}
    header_sink = Sink(source, "rows", lambda p: (first_row - 1, p), errors)
    for n, raw in enumerate(rows, start=first_row):
        row = _normalise(raw, headers, header_sink if n == first_row else None)
        if not row:
            continue  # an empty spreadsheet line between items
        code = row.get("code")
        if not groups or (code is not None and code != groups[-1].values.get("code")):
            groups.append(_Group(n))
            groups[-1].headers = headers
        _merge(groups[-1], row, n, source, errors)
    return groups


def _merge(group: _Group, row: dict[str, Any], n: int, source: str, errors: list[RowError]) -> None:
    for key, value in row.items():
        if key not in _ITEM_KEYS:
            continue
        first = group.values.setdefault(key, value)
        if str(first) != str(value):
            Sink(source, "rows", lambda p: (n, p), errors).add(
                group.headers.get(key, key), "item_conflict", item=group.values.get("code", ""),
                first=first, value=value)
    material = {k: v for k, v in row.items() if k in _MATERIAL_KEYS}
    if material:
        group.materials.append((n, material))


def parse_catalogue_rows(rows: list[dict[Any, Any]], *, source: str, version: str = "local",
                         published: date | None = None, bundle_rows: list[dict[Any, Any]] | None = None,
                         first_row: int = 2) -> Catalogue:
    """Parse the flat layout (rows as dicts keyed by header; data starts at sheet row `first_row`).

    `bundle_rows` is the optional second sheet, one row per bundle. Raises CatalogueError listing
    every problem with its sheet row and column header.
    """
    errors: list[RowError] = []
    groups = _group_rows(rows, source, first_row, errors)
    sinks = [Sink(source, "rows", g.locate, errors) for g in groups]
    items = [parse_item(g.to_dict(), s) for g, s in zip(groups, sinks, strict=True)]
    check_unique_items(items, sinks)
    bundle_dicts = [_bundle_row(r) for r in bundle_rows or []]
    bundles = parse_bundles(bundle_dicts, {i.code for i in items}, source, errors,
                            first_row=first_row, section="rows")
    if errors:
        raise CatalogueError(errors)
    return Catalogue(version, published or date.today(), tuple(items), bundles)


def _bundle_row(row: dict[Any, Any]) -> dict[str, Any]:
    aliases = {zh: key for key, zh in BUNDLE_COLUMNS} | {key: key for key, _ in BUNDLE_COLUMNS}
    return {aliases.get(str(h).strip(), str(h)): v for h, v in row.items() if not _blank(h) and not _blank(v)}
