"""Reading catalogue files (JSON, XLSX) into a parsed Catalogue, with per-row Chinese errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.domain.catalogue import Catalogue, CatalogueError, parse_catalogue, parse_catalogue_rows
from app.services.errors import ServiceError


def read_catalogue_file(path: Path) -> Catalogue:
    """Parse a .json or .xlsx catalogue; any problem becomes a ServiceError naming file, row and column."""
    if not path.exists():
        raise ServiceError(f"找不到文件 {path}，请检查路径。", code="not_found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return _read_json(path)
        if suffix == ".xlsx":
            return _read_xlsx(path)
    except CatalogueError as exc:
        raise ServiceError(exc.message_zh, code="bad_catalogue") from exc
    raise ServiceError(f"不支持的目录文件类型“{path.suffix}”，请使用 .json 或 .xlsx。", code="bad_type")


def _read_json(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ServiceError(f"{path.name} 不是 UTF-8 编码的文本文件，请另存为 UTF-8 后重试。", code="encoding") from exc
    except json.JSONDecodeError as exc:
        raise ServiceError(
            f"{path.name} 第{exc.lineno}行第{exc.colno}列不是合法的 JSON（{exc.msg}），请修正后重试。",
            code="bad_json") from exc
    return parse_catalogue(data, source=path.name)


def _sheet_rows(ws: Any) -> list[dict[Any, Any]]:
    rows = ws.iter_rows(values_only=True)
    headers = next(rows, None)
    if headers is None:
        return []
    return [dict(zip(headers, r, strict=False)) for r in rows]


def _read_xlsx(path: Path) -> Catalogue:
    from openpyxl import load_workbook  # only an XLSX import pays for openpyxl

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ServiceError(f"{path.name} 无法作为 Excel 文件打开（{exc}），请确认文件未损坏。",
                           code="bad_xlsx") from exc
    sheets = wb.worksheets
    rows = _sheet_rows(sheets[0])
    bundle_rows = _sheet_rows(sheets[1]) if len(sheets) > 1 else None
    wb.close()
    return parse_catalogue_rows(rows, source=path.name, version=path.stem, bundle_rows=bundle_rows)
