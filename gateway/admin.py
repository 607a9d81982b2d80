"""District-side operations: station credentials, case status, snapshots, blobs, heartbeats."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.sync.protocol import (
    STATUS_TRANSITIONS,
    DistrictStatus,
    Heartbeat,
    credential_hash,
    derive_bundle_key,
    payload_digest,
)
from gateway.db import Store
from gateway.feed import append_change
from gateway.models import Blob, CaseRow, Snapshot, Station, StationHealth, utcnow

_CODE = re.compile(r"^\d{12}$")
STATUS_LABELS_ZH = {
    DistrictStatus.ACCEPTED: "受理",
    DistrictStatus.IN_REVIEW: "审批中",
    DistrictStatus.COMPLETED: "办结",
    DistrictStatus.DENIED: "不予许可",
}


class AdminError(Exception):
    """A refused admin action; `code` is stable, `message_zh` is for the operator."""

    def __init__(self, code: str, message_zh: str) -> None:
        super().__init__(code)
        self.code = code
        self.message_zh = message_zh


@dataclass(frozen=True)
class StationIdentity:
    """Who is calling: a station, or the district (sees all stations)."""

    code: str
    is_district: bool


def create_station(store: Store, code: str, name: str, *, district: bool = False) -> str:
    """Register a station and return its new credential; it is shown once and stored only as digests."""
    if not _CODE.match(code):
        raise AdminError("bad_station_code", "站点编码应为12位数字（行政区划代码）。")
    token = secrets.token_urlsafe(32)
    with store.session() as s:
        if s.get(Station, code) is not None:
            raise AdminError("station_exists", f"站点 {code} 已存在，如需新凭据请先停用旧站点。")
        s.add(
            Station(
                code=code, name=name, token_hash=credential_hash(token),
                bundle_key=derive_bundle_key(token), is_district=district,
            )
        )  # fmt: skip
    return token


def authenticate(store: Store, token: str) -> StationIdentity | None:
    """The station a bearer credential belongs to, or None."""
    with store.session() as s:
        query = select(Station).where(Station.token_hash == credential_hash(token))
        row = s.execute(query).scalar_one_or_none()
        return StationIdentity(row.code, row.is_district) if row else None


def bundle_key(store: Store, code: str) -> bytes | None:
    """The HMAC key for a station's bundles, or None for an unknown station."""
    with store.session() as s:
        row = s.get(Station, code)
        return bytes(row.bundle_key) if row else None


def set_case_status(store: Store, case_id: str, status: str, note: str | None = None) -> int:
    """Move a case along 受理 → 审批中 → 办结/不予许可 and queue the change for its station."""
    try:
        target = DistrictStatus(status)
    except ValueError:
        raise AdminError("bad_status", "状态应为 accepted、in_review、completed 或 denied。") from None
    with store.session() as s:
        row = s.get(CaseRow, case_id, with_for_update=True)
        if row is None:
            raise AdminError("unknown_case", f"平台上没有办件 {case_id}，请核对编号或等站点同步。")
        current = DistrictStatus(row.status)
        if target not in STATUS_TRANSITIONS[current]:
            raise AdminError(
                "invalid_transition",
                f"办件当前为“{STATUS_LABELS_ZH[current]}”，不能改为“{STATUS_LABELS_ZH[target]}”。",
            )
        row.status = target.value
        row.status_note = note
        row.version += 1
        row.updated_at = utcnow()
        payload = {"status": target.value, "note": note, "changed_at": row.updated_at.isoformat()}
        append_change(
            s, station_code=row.station_code, entity="case", entity_id=case_id,
            change_type="status", payload=payload, server_version=row.version,
        )  # fmt: skip
        return row.version


def publish_snapshot(store: Store, kind: str, data: dict[str, Any]) -> int:
    """Publish a catalogue or holiday calendar; the version only moves when the content changes."""
    etag = payload_digest(data)
    with store.session() as s:
        row = s.get(Snapshot, kind, with_for_update=True)
        if row is not None and row.etag == etag:
            return row.version
        version = (row.version if row else 0) + 1
        if row is None:
            s.add(Snapshot(kind=kind, version=version, etag=etag, data=data, updated_at=utcnow()))
        else:
            row.version, row.etag, row.data, row.updated_at = version, etag, data, utcnow()
        append_change(
            s, station_code=None, entity=kind, entity_id=kind, change_type=f"{kind}_published",
            payload={"kind": kind, "version": version, "etag": etag}, server_version=version,
        )  # fmt: skip
        return version


def get_snapshot(store: Store, kind: str) -> Snapshot | None:
    """The current snapshot of a kind, detached from its session."""
    with store.session() as s:
        return s.get(Snapshot, kind)


def has_blob(store: Store, sha256: str) -> int | None:
    """Size of a stored blob, or None."""
    with store.session() as s:
        return s.execute(select(Blob.size).where(Blob.sha256 == sha256)).scalar_one_or_none()


def put_blob(store: Store, sha256: str, data: bytes, station_code: str) -> bool:
    """Store a blob after checking its address; True if this call created it (the PUT is idempotent)."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise AdminError("hash_mismatch", "附件内容与其校验值不符，请重新上传。")
    if has_blob(store, sha256) is not None:
        return False
    try:
        with store.session() as s:
            s.add(Blob(sha256=sha256, size=len(data), data=data, station_code=station_code))
    except Exception:  # noqa: BLE001 - a concurrent PUT of the same content won; that is success
        if has_blob(store, sha256) is None:
            raise
        return False
    return True


def get_blob(store: Store, sha256: str) -> bytes | None:
    """Content of a blob, or None."""
    with store.session() as s:
        return s.execute(select(Blob.data).where(Blob.sha256 == sha256)).scalar_one_or_none()


def record_heartbeat(store: Store, beat: Heartbeat) -> None:
    """Keep the latest heartbeat per station."""
    with store.session() as s:
        row = s.get(StationHealth, beat.station_code, with_for_update=True)
        report = beat.model_dump(mode="json")
        if row is None:
            s.add(StationHealth(station_code=beat.station_code, report=report, received_at=utcnow()))
        else:
            row.report, row.received_at = report, utcnow()
