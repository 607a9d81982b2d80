"""SyncService: sync state for the status bar and sync page, settings, credential, requeue, bundles."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.db.models import Outbox, Setting
from app.services.audit import append_audit
from app.services.calendar import OverrideInfo
from app.services.errors import ServiceError
from app.sync import outbox_store as store
from app.sync.blobs import BlobStore
from app.sync.protocol import SKEW_WARNING_SECONDS, BundleError, payload_digest
from app.sync.worker import DatabaseLock, RunReport, SyncConfig, SyncEngine, SyncWorker

if TYPE_CHECKING:
    from app.services.context import AppContext

CREDENTIAL_KEY = "sync.credential"
URL_KEY, VERIFY_KEY = "sync.url", "sync.verify_tls"
STALE_AFTER = timedelta(hours=24)
_BUNDLE_ZH = {
    "malformed": "文件不是有效的同步包",
    "bad_signature": "签名不符：文件被改动过，或不是用本站凭据签发的",
    "foreign_station": "该回执属于其他站点",
    "wrong_kind": "这是本站导出的数据包，不是区平台的回执",
}


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the sync page show."""

    text: str
    pending: int
    quarantined: int
    conflicts: int
    oldest_pending_age: timedelta | None
    last_push: datetime | None
    last_pull: datetime | None
    offline_since: datetime | None
    warnings: tuple[str, ...]
    configured: bool


@dataclass(frozen=True)
class OpRow:
    """One outbox op as listed on the sync page, with why it waits or was set aside."""

    client_seq: int
    op_id: str
    entity: str
    entity_id: str
    op_type: str
    client_ts: datetime
    attempts: int
    code: str
    reason: str


@dataclass(frozen=True)
class SyncSettings:
    """Connection settings; the credential itself is never handed to the UI."""

    url: str
    verify_tls: bool
    has_credential: bool


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


class SyncService:
    """The station side of sync for people: state, lists, settings, 立即同步, bundles."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._db = ctx.db
        self._clock = ctx.clock
        self.blobs = BlobStore(ctx.profile.documents_dir / "blobs")
        self.engine = SyncEngine(self._db, self._clock, self.config, on_catalogue=self._install_catalogue,
                                 blobs=self.blobs, on_holidays=self._install_holidays)
        self.worker: SyncWorker | None = None

    # ---- Connection
    def config(self) -> SyncConfig | None:
        """The connection to use, or None while URL, credential or station are missing."""
        s = self.settings()
        station = self._ctx.station.get()
        token = self._ctx.secrets.get(CREDENTIAL_KEY)
        if not s.url or not token or station is None:
            return None
        return SyncConfig(s.url, station.area_code, token, s.verify_tls)

    def settings(self) -> SyncSettings:
        """Current connection settings."""
        url, verify = self._url_verify()
        return SyncSettings(url, verify, bool(self._ctx.secrets.get(CREDENTIAL_KEY)))

    def _url_verify(self) -> tuple[str, bool]:
        # No keyring access here: status() runs on the UI thread every 5 s, and unlocking is slow.
        with self._db.session() as s:
            url, verify = s.get(Setting, URL_KEY), s.get(Setting, VERIFY_KEY)
            return (str(url.value) if url else "", bool(verify.value) if verify else True)

    def save_settings(self, *, url: str, verify_tls: bool, credential: str | None, by: str) -> SyncSettings:
        """Store URL and TLS choice (audited); a new credential goes to the keyring and wakes the worker."""
        url = url.strip()
        if url and not url.startswith(("https://", "http://")):
            raise ServiceError("区平台地址应以 https:// 开头，例如 https://gov.example.cn。", code="bad_url")
        with self._db.session() as s:
            for key, value in ((URL_KEY, url), (VERIFY_KEY, verify_tls)):
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=value))
                else:
                    row.value = value
            append_audit(s, at=self._clock.now(), operator=by, action="sync.settings",
                         detail={"url": url, "verify_tls": verify_tls, "credential_changed": bool(credential)})
        if credential:
            self._ctx.secrets.set(CREDENTIAL_KEY, credential.strip())
        self.wake()
        return self.settings()

    def _install_holidays(self, data: dict[str, Any]) -> None:
        """Install the district's holiday calendar: `{"years": [2027], "days": [{"day", "kind", "note"}]}`.

        For each published year the override table becomes the published days, in one transaction.
        """
        try:
            years = [int(y) for y in data["years"]]
            days = [OverrideInfo(date.fromisoformat(d["day"]), str(d["kind"]), str(d.get("note", "")))
                    for d in data.get("days", [])]
        except (KeyError, TypeError, ValueError) as exc:
            raise ServiceError("下发的节假日表格式不对，已保留原日历。", code="calendar_data") from exc
        self._ctx.calendar.replace_years(years, days, by="sync", source="district")

    def _install_catalogue(self, data: dict[str, Any]) -> None:
        """Install a catalogue pulled from the district (the import is one transaction: swapped atomically)."""
        path = self._ctx.profile.root / "catalogue-download.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        try:
            self._ctx.catalogue.import_file(path, by="sync")
        except ServiceError as exc:
            if exc.code != "duplicate_version":  # already installed (e.g. imported by hand): fine
                raise
        finally:
            path.unlink(missing_ok=True)

    # ---- Running
    def start_worker(self) -> bool:
        """Start the background worker unless another process syncs this database (R5)."""
        if self.worker is None:
            worker = SyncWorker(self.engine, DatabaseLock(self._db.path))
            if not worker.start():
                return False
            self.worker = worker
        return True

    def stop_worker(self) -> None:
        """Stop the worker (at exit)."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def wake(self) -> None:
        """Make the worker run now."""
        if self.worker is not None:
            self.worker.wake()

    def sync_now(self) -> RunReport:
        """立即同步: one full run now (waits for a run already in progress)."""
        report = self.engine.run_once()
        if report.outcome == "not_configured":
            raise ServiceError("尚未设置区平台地址或站点凭据，请在同步页的连接设置中填写。", code="not_configured")
        return report

    # ---- State
    def status(self) -> SyncStatus:
        """Counts, times and warnings; `text` is what the status bar says."""
        now = self._clock.now()
        with self._db.session() as s:
            c = store.counts(s)
            st = {k: store.get_state(s, k) for k in ("last_push", "last_pull", "offline_since", "skew_s",
                                                     "last_error")}
        age = None if c.oldest_pending is None else now - c.oldest_pending
        offline = _when(st["offline_since"])
        warnings = self._warnings(st, age)
        configured = self._url_verify()[0] != ""
        text = _status_text(c.pending, c.quarantined, offline, st["last_error"], self._ctx.settings.tz)
        if not configured:
            text = "未连接区平台" + (f" · 待上传 {c.pending}" if c.pending else "")
        return SyncStatus(text, c.pending, c.quarantined, c.conflicts, age, _when(st["last_push"]),
                          _when(st["last_pull"]), offline, tuple(warnings), configured)

    def _warnings(self, st: dict[str, Any], age: timedelta | None) -> list[str]:
        out = []
        skew = st["skew_s"]
        if isinstance(skew, int | float) and abs(skew) > SKEW_WARNING_SECONDS:
            out.append(f"本机时钟与区平台相差约 {abs(int(skew)) // 60} 分钟，请校准电脑时间。")
        if age is not None and age > STALE_AFTER:
            hours = int(age.total_seconds() // 3600)
            out.append(f"最早一条待上传记录已等待 {hours} 小时，请尽快联网或用U盘同步包上传。")
        error = st["last_error"]
        if isinstance(error, dict) and error.get("kind") == "credential":
            out.append("站点凭据被区平台拒绝，请在连接设置中重新填写凭据。待上传记录不会丢失。")
        if not self._url_verify()[1]:
            out.append("已关闭TLS证书校验：仅可用于测试平台，正式使用前请重新开启。")
        return out

    def list_ops(self, state: str, limit: int = 500) -> list[OpRow]:
        """Pending, quarantined or conflict ops in client_seq order, with their reasons."""
        states = [store.PENDING, store.INFLIGHT] if state == store.PENDING else [state]
        with self._db.session() as s:
            rows = s.scalars(select(Outbox).where(Outbox.state.in_(states)).order_by(Outbox.client_seq)
                             .limit(limit)).all()
            return [OpRow(r.client_seq, r.op_id, r.entity, r.entity_id, r.op_type, r.client_ts, r.attempts,
                          *_split_reason(r.last_error)) for r in rows]

    def requeue(self, op_id: str, *, by: str, payload: dict[str, Any] | None = None) -> str:
        """Send a quarantined op again as a NEW op (optionally corrected); the old one is kept, marked requeued."""
        with self._db.session() as s:
            old = s.scalar(select(Outbox).where(Outbox.op_id == op_id))
            if old is None or old.state != store.QUARANTINED:
                raise ServiceError("只能重新提交已隔离的记录；请刷新列表后重试。", code="not_quarantined")
            body = dict(payload if payload is not None else old.payload)
            new = Outbox(op_id=str(uuid.uuid4()), entity=old.entity, entity_id=old.entity_id, case_id=old.case_id,
                         op_type=old.op_type, base_version=old.base_version, payload=body,
                         payload_sha256=payload_digest(body), client_ts=self._clock.now(),
                         operator_id=old.operator_id, state=store.PENDING)
            old.state = "requeued"
            s.add(new)
            append_audit(s, at=self._clock.now(), operator=by, action="sync.requeue",
                         detail={"old": op_id, "new": new.op_id})
        self.wake()
        return new.op_id

    # ---- Offline bundles
    def export_bundle(self, path: Path) -> int:
        """Write pending ops to a signed file for the USB stick; returns how many."""
        from app.sync.bundle_io import export_bundle

        cfg = self._require_identity()
        data, result = export_bundle(self._db, self._clock, cfg[0], cfg[1])
        path.write_bytes(data)
        return result.ops

    def import_bundle(self, path: Path) -> dict[str, int]:
        """Apply the town center's reply file; a tampered or foreign file is refused with its reason."""
        from app.sync.bundle_io import import_reply

        cfg = self._require_identity()
        try:
            result = import_reply(self._db, self._clock, cfg[0], cfg[1], path.read_bytes())
        except BundleError as exc:
            raise ServiceError(f"拒绝导入 {path.name}：{_BUNDLE_ZH.get(exc.code, exc.code)}。", code=exc.code) from exc
        except OSError as exc:
            raise ServiceError(f"读不到文件 {path}（{exc.strerror}）。", code="io") from exc
        return {**result.results, "changes": result.changes}

    def _require_identity(self) -> tuple[str, str]:
        station = self._ctx.station.get()
        token = self._ctx.secrets.get(CREDENTIAL_KEY)
        if station is None or not token:
            raise ServiceError("同步包需要站点凭据签名，请先在连接设置中填写站点凭据。", code="no_credential")
        return station.area_code, token


def _split_reason(last_error: str) -> tuple[str, str]:
    """`code: message` → (code, message); the message is what people read."""
    code, sep, message = (last_error or "").partition(": ")
    return (code, message) if sep else ("", last_error or "")


def _status_text(pending: int, quarantined: int, offline: datetime | None, error: Any, tz: Any) -> str:
    parts = []
    if isinstance(error, dict) and error.get("kind") == "credential":
        parts.append("凭据无效")
    elif offline is not None:
        parts.append(f"离线 自 {offline.astimezone(tz).strftime('%m-%d %H:%M')}")
    parts.append(f"待上传 {pending}" if pending else ("已同步" if not parts else ""))
    if quarantined:
        parts.append(f"隔离 {quarantined}")
    return " · ".join(p for p in parts if p)
