"""Service catalogue (事项目录): types, validating parsers and the dict form (docs/catalogue-format.md)."""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import Any

from app.domain.catalogue_model import (
    ITEM_STATUSES,
    TASK_TYPES,
    ZH_NAMES,
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
    zh_name,
)
from app.domain.catalogue_parse import parse_catalogue
from app.domain.catalogue_rows import ROW_COLUMNS, parse_catalogue_rows
from app.domain.units import TimeLimit

__all__ = [
    "ITEM_STATUSES", "TASK_TYPES", "ZH_NAMES", "ROW_COLUMNS", "FORMAT_TAG",
    "AcceptMode", "Bundle", "Catalogue", "CatalogueError", "DeliveryMode", "Material", "MaterialFormat",
    "MaterialSource", "Necessity", "ProjectType", "RowError", "ServiceItem", "Situation",
    "catalogue_to_dict", "item_to_dict", "parse_catalogue", "parse_catalogue_rows", "zh_name",
]

FORMAT_TAG = "yichuang-catalogue/1"


def _plain(value: Any) -> Any:
    """Enum → its code, tuples → lists, TimeLimit → {days, unit}; leaves JSON scalars alone."""
    if value is None or type(value) in (str, int, bool):
        return value  # the common case first: most fields are plain scalars
    if isinstance(value, IntEnum):
        return int(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, TimeLimit):
        return {"days": value.days, "unit": value.unit.value}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


_MATERIAL_FIELDS = tuple(Material.__dataclass_fields__)
_ITEM_FIELDS = tuple(ServiceItem.__dataclass_fields__)


def _material_to_dict(m: Material) -> dict[str, Any]:
    return {name: _plain(getattr(m, name)) for name in _MATERIAL_FIELDS}


def item_to_dict(item: ServiceItem) -> dict[str, Any]:
    """One item in the JSON format."""
    out = {name: _plain(getattr(item, name)) for name in _ITEM_FIELDS
           if name not in ("materials", "situations")}
    out["situations"] = [{"code": s.code, "name": s.name, "description": s.description} for s in item.situations]
    out["materials"] = [_material_to_dict(m) for m in item.materials]
    return out


def catalogue_to_dict(cat: Catalogue) -> dict[str, Any]:
    """The catalogue as a JSON-ready dict; `parse_catalogue` of it gives back an equal Catalogue."""
    return {
        "format": FORMAT_TAG,
        "version": cat.version,
        "published": cat.published.isoformat(),
        "items": [item_to_dict(i) for i in cat.items],
        "bundles": [
            {"code": b.code, "name": b.name, "item_codes": list(b.item_codes),
             "description": b.description, "keywords": list(b.keywords)}
            for b in cat.bundles
        ],
    }
