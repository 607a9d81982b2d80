"""Catalogue versions, service items (事项), materials, situations and bundles (一件事)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow


class CatalogueVersion(Base):
    """One imported catalogue; exactly one is active, older ones stay for the cases that used them."""

    __tablename__ = "catalogue_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(40), unique=True)
    published: Mapped[date | None]
    source: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=False)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServiceItemRow(Base):
    """One 事项 in one catalogue version; `data` holds the whole item as imported."""

    __tablename__ = "service_item"
    __table_args__ = (UniqueConstraint("catalogue_version_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_version.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    task_code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100))
    task_type: Mapped[str] = mapped_column(String(20))
    project_type: Mapped[int]
    item_version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(10), default="active")
    data: Mapped[dict[str, Any]]


class MaterialRow(Base):
    """A 材料 of one item version, with the flags the checklist decides on."""

    __tablename__ = "material"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id", ondelete="CASCADE"), index=True)
    ord: Mapped[int]
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    necessity: Mapped[str] = mapped_column(String(20))
    originals: Mapped[int] = mapped_column(default=0)
    copies: Mapped[int] = mapped_column(default=0)
    rongque_allowed: Mapped[bool] = mapped_column(default=False)
    commitment_replaceable: Mapped[bool] = mapped_column(default=False)
    elicense_exempt: Mapped[bool] = mapped_column(default=False)
    accept_standard: Mapped[str] = mapped_column(Text, default="")


class SituationRow(Base):
    """A 情形 of an item version: a branch that changes which materials apply."""

    __tablename__ = "situation"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))


class BundleRow(Base):
    """A 一件事: several items taken in one intake with one receipt."""

    __tablename__ = "bundle"
    __table_args__ = (UniqueConstraint("catalogue_version_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    catalogue_version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_version.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]]


class BundleItemRow(Base):
    """Membership of an item (by code) in a bundle."""

    __tablename__ = "bundle_item"
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundle.id", ondelete="CASCADE"), primary_key=True)
    ord: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40))


Index("ix_service_item_active_name", ServiceItemRow.catalogue_version_id, ServiceItemRow.department)
