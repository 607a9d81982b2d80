"""The service-item catalogue: import a version (JSON or XLSX), list, show, export."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import (
    BundleItemRow,
    BundleRow,
    CatalogueVersion,
    MaterialRow,
    ServiceItemRow,
    SituationRow,
)
from app.db.session import Database
from app.domain.catalogue import (
    Bundle,
    Catalogue,
    CatalogueError,
    ServiceItem,
    catalogue_to_dict,
    item_to_dict,
    parse_catalogue,
)
from app.services.audit import append_audit
from app.services.catalogue_files import read_catalogue_file
from app.services.clock import Clock
from app.services.errors import ServiceError


@dataclass(frozen=True)
class ItemSummary:
    """One row of the catalogue list."""

    code: str
    name: str
    department: str
    task_type: str
    project_type: int


@dataclass(frozen=True)
class ImportResult:
    """What an import added."""

    version: str
    items: int
    bundles: int


class CatalogueService:
    """Reads and replaces the active catalogue; old versions stay for the cases that used them."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._item_cache: dict[int, ServiceItem] = {}

    # ---- Public API
    def import_file(self, path: Path, *, by: str) -> ImportResult:
        """Parse the whole file first; a bad file changes nothing and names every bad row."""
        raw = path.read_bytes() if path.exists() else b""
        catalogue = read_catalogue_file(path)
        return self.import_catalogue(catalogue, source=path.name, sha256=hashlib.sha256(raw).hexdigest(), by=by)

    def import_catalogue(self, catalogue: Catalogue, *, source: str, sha256: str = "", by: str) -> ImportResult:
        """Store a parsed catalogue as a new version and make it the active one, in one transaction."""
        now = self._clock.now()
        with self._db.session() as s:
            if s.execute(select(CatalogueVersion.id).where(CatalogueVersion.version == catalogue.version)).first():
                raise ServiceError(
                    f"目录版本 {catalogue.version} 已经导入过。新的目录请使用新的版本号。", code="duplicate_version")
            s.execute(update(CatalogueVersion).values(active=False))
            version = CatalogueVersion(version=catalogue.version, published=catalogue.published, source=source,
                                       sha256=sha256, active=True, imported_at=now)
            s.add(version)
            s.flush()
            _store_items(s, version.id, catalogue)
            append_audit(s, at=now, operator=by, action="catalogue.import",
                         detail={"version": catalogue.version, "items": len(catalogue.items)})
        return ImportResult(catalogue.version, len(catalogue.items), len(catalogue.bundles))

    def active_version(self) -> str | None:
        """The version label in use, or None before the first import."""
        with self._db.session() as s:
            return s.execute(select(CatalogueVersion.version).where(CatalogueVersion.active)).scalar_one_or_none()

    def list_items(self, *, department: str | None = None, task_type: str | None = None) -> list[ItemSummary]:
        """Active items, by department then code."""
        with self._db.session() as s:
            stmt = _active_items().order_by(ServiceItemRow.department, ServiceItemRow.code)
            if department:
                stmt = stmt.where(ServiceItemRow.department == department)
            if task_type:
                stmt = stmt.where(ServiceItemRow.task_type == task_type)
            rows = s.execute(stmt).scalars()
            return [ItemSummary(r.code, r.name, r.department, r.task_type, r.project_type) for r in rows]

    def departments(self) -> list[str]:
        """Departments that have active items."""
        with self._db.session() as s:
            stmt = select(ServiceItemRow.department).join(CatalogueVersion).where(CatalogueVersion.active)
            return sorted(set(s.execute(stmt).scalars()))

    def item(self, code: str) -> ServiceItem:
        """The active version of an item."""
        with self._db.session() as s:
            row = s.execute(_active_items().where(ServiceItemRow.code == code)).scalar_one_or_none()
            if row is None:
                raise ServiceError(f"目录中没有编码为 {code} 的事项。", code="unknown_item")
            return self._to_item(row)

    def item_by_row_id(self, row_id: int) -> ServiceItem:
        """The exact item version a case used."""
        if row_id not in self._item_cache:
            with self._db.session() as s:
                row = s.get(ServiceItemRow, row_id)
                if row is None:
                    raise ServiceError("找不到该办件所用的事项版本。", code="unknown_item")
                self._item_cache[row_id] = self._to_item(row)
        return self._item_cache[row_id]

    def active_items(self) -> list[ServiceItem]:
        """Every active item in full (the search index is built from these)."""
        with self._db.session() as s:
            return [self._to_item(r) for r in s.execute(_active_items().order_by(ServiceItemRow.code)).scalars()]

    def bundles(self) -> list[Bundle]:
        """The active catalogue's 一件事."""
        with self._db.session() as s:
            stmt = select(BundleRow).join(CatalogueVersion).where(CatalogueVersion.active).order_by(BundleRow.code)
            return [_to_bundle(r.data) for r in s.execute(stmt).scalars()]

    def export_file(self, path: Path) -> int:
        """Write the active catalogue as JSON (the import format); returns the item count."""
        with self._db.session() as s:
            active = s.execute(select(CatalogueVersion).where(CatalogueVersion.active)).scalar_one_or_none()
            if active is None:
                raise ServiceError("还没有导入事项目录，无法导出。", code="empty")
        items = tuple(self.active_items())
        cat = Catalogue(active.version, active.published or self._clock.now().date(), items, tuple(self.bundles()))
        path.write_text(json.dumps(catalogue_to_dict(cat), ensure_ascii=False, indent=1), encoding="utf-8")
        return len(items)

    # ---- Private
    def _to_item(self, row: ServiceItemRow) -> ServiceItem:
        data = {"format": "yichuang-catalogue/1", "version": "stored", "published": "2000-01-01",
                "items": [row.data], "bundles": []}
        try:
            return parse_catalogue(data, source="数据库").items[0]
        except CatalogueError as exc:  # a stored item always parsed once; say so if it no longer does
            raise ServiceError(f"事项 {row.code} 的存储数据已损坏：{exc.message_zh}", code="corrupt_item") from exc


def _active_items() -> Any:
    return select(ServiceItemRow).join(CatalogueVersion).where(CatalogueVersion.active)


def _to_bundle(data: dict[str, Any]) -> Bundle:
    return Bundle(data["code"], data["name"], tuple(data["item_codes"]), data.get("description", ""),
                  tuple(data.get("keywords", ())))


def _store_items(s: Session, version_id: int, catalogue: Catalogue) -> None:
    for item in catalogue.items:
        row = ServiceItemRow(
            catalogue_version_id=version_id, code=item.code, task_code=item.task_code, name=item.name,
            department=item.department, task_type=item.task_type, project_type=int(item.project_type),
            item_version=item.version, status=item.status, data=item_to_dict(item))
        s.add(row)
        s.flush()
        for n, m in enumerate(item.materials, start=1):
            s.add(MaterialRow(item_id=row.id, ord=n, code=m.code, name=m.name, necessity=m.necessity.value,
                              originals=m.originals, copies=m.copies, rongque_allowed=m.rongque_allowed,
                              commitment_replaceable=m.commitment_replaceable,
                              elicense_exempt=m.elicense_exempt, accept_standard=m.accept_standard))
        for sit in item.situations:
            s.add(SituationRow(item_id=row.id, code=sit.code, name=sit.name))
    for bundle in catalogue.bundles:
        brow = BundleRow(catalogue_version_id=version_id, code=bundle.code, name=bundle.name,
                         data={"code": bundle.code, "name": bundle.name, "item_codes": list(bundle.item_codes),
                               "description": bundle.description, "keywords": list(bundle.keywords)})
        s.add(brow)
        s.flush()
        for n, code in enumerate(bundle.item_codes, start=1):
            s.add(BundleItemRow(bundle_id=brow.id, ord=n, item_code=code))
