"""The sync engine (push the outbox, pull changes) and its worker thread, one per database (R5)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.db.session import Database
from app.domain.clock import Clock
from app.sync import outbox_store as store
from app.sync.blobs import BlobStore, upload_missing
from app.sync.client import CredentialError, RequestRefused, ResetRequired, SyncClient, SyncTransportError
from app.sync.dblock import DatabaseLock
from app.sync.protocol import MAX_OPS_PER_BATCH, Heartbeat, Op, PullResponse, PushResponse

MAX_BACKOFF_S = 600.0
IDLE_INTERVAL_S = 60.0
PROBE_INTERVAL_S = 15.0  # while offline: how often GET /health is tried (R10: wake when the network is back)
PROBE_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class SyncConfig:
    """Where and as whom to sync; TLS verification stays on unless an admin turns it off."""

    url: str
    station_code: str
    token: str
    verify_tls: bool = True


ClientFactory = Callable[[SyncConfig], SyncClient]


def default_client(config: SyncConfig) -> SyncClient:
    """A real HTTP client for `config`."""
    return SyncClient(config.url, config.station_code, config.token, verify=config.verify_tls)


def backoff_delay(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """Full jitter: uniform in [0, min(600, 2·2^attempt)] seconds."""
    return rng() * min(MAX_BACKOFF_S, 2.0 * 2.0 ** min(attempt, 20))


@dataclass
class RunReport:
    """What one run did; `outcome` is ok, offline, credential, refused or not_configured."""

    outcome: str = "ok"
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    batches: int = 0
    detail: str = ""
    retry_after: float | None = None


class SyncEngine:
    """Drains the outbox in batches of at most 50 and pulls the change feed; no Qt, no threads here."""

    def __init__(self, db: Database, clock: Clock, config: Callable[[], SyncConfig | None], *,
                 client_factory: ClientFactory = default_client, batch_size: int = MAX_OPS_PER_BATCH,
                 app_version: str = "1", on_catalogue: Callable[[dict[str, Any]], None] | None = None,
                 blobs: BlobStore | None = None,
                 on_holidays: Callable[[dict[str, Any]], None] | None = None) -> None:
        self._db = db
        self._clock = clock
        self._config = config
        self._factory = client_factory
        self.batch_size = min(batch_size, MAX_OPS_PER_BATCH)
        self._app_version = app_version
        self.on_catalogue = on_catalogue
        self.on_holidays = on_holidays
        self.blobs = blobs
        self._known_blobs: set[str] = set()  # addresses the gateway confirmed (R11)
        self._run_lock = threading.Lock()  # 立即同步 and the worker never run side by side

    def recover(self) -> int:
        """Crash recovery at start: inflight rows go back to pending."""
        with self._db.session() as s:
            return store.reset_inflight(s)

    def run_once(self) -> RunReport:
        """Push everything sendable, then pull every page; transport trouble ends the run early."""
        with self._run_lock:
            return self._run()

    def _run(self) -> RunReport:
        report = RunReport()
        config = self._config()
        if config is None or not config.url or not config.token:
            report.outcome = "not_configured"
            return report
        client = self._factory(config)
        try:
            self._push_all(client, report)
            self._pull_all(client, report)
            self._fetch_snapshot(client, "catalogue", self.on_catalogue)
            self._fetch_snapshot(client, "holidays", self.on_holidays)
            self._heartbeat(client)
            self._record_success()
        except (SyncTransportError, CredentialError, RequestRefused) as exc:
            self._record_failure(exc, report)
        finally:
            client.close()
        return report

    # ---- Push
    def _push_all(self, client: SyncClient, report: RunReport) -> None:
        """Pipelined: the next batch is picked, and the last answer recorded, while a request is on the wire.

        Requests still go one at a time, and a case with an op on the wire is never in the next batch,
        so a case's ops reach the server strictly in order (R8).
        """
        with ThreadPoolExecutor(1, thread_name_prefix="yichuang-push") as pool:
            batch = self._take(report)
            flying = pool.submit(self._send, client, batch) if batch else None
            while flying is not None:
                following = self._take(report)
                try:
                    answer = flying.result()
                except BaseException as exc:
                    self._release(batch + following, exc)
                    raise
                flying = pool.submit(self._send, client, following) if following else None
                try:
                    self._record_push(answer.body, answer.server_date, report)
                except BaseException as exc:
                    if flying is not None:
                        _wait_quietly(flying)
                    self._release(following, exc)
                    raise
                batch = following
                if flying is None:  # ops held back while their case was on the wire may go now
                    batch = self._take(report)
                    flying = pool.submit(self._send, client, batch) if batch else None

    def _send(self, client: SyncClient, batch: list[Op]) -> Any:
        """Upload the attachments the batch references, then the batch itself (R11)."""
        if self.blobs is not None:
            upload_missing(client, self.blobs, batch, self._known_blobs)
        return client.push(batch)

    def _take(self, report: RunReport) -> list[Op]:
        with self._db.session() as s:
            ops, bad = store.take_batch(s, self._clock.now(), self.batch_size)
        report.pushed["quarantined_locally"] = report.pushed.get("quarantined_locally", 0) + bad
        return ops

    def _release(self, ops: list[Op], exc: BaseException) -> None:
        if ops:
            with self._db.session() as s:
                store.release(s, [str(op.op_id) for op in ops], _release_reason(exc))

    def _record_push(self, body: PushResponse, server_date: datetime | None, report: RunReport) -> None:
        now = self._clock.now()
        with self._db.session() as s:
            self._check_epoch(s, body.server_epoch)
            delay = timedelta(seconds=2.0 + backoff_delay(1))
            if any(r.code == "missing_blob" for r in body.results):
                self._known_blobs.clear()  # the gateway lost one we thought it had: check them all again
            for status, n in store.apply_results(s, body.results, now, delay).items():
                report.pushed[status] = report.pushed.get(status, 0) + n
            store.set_state(s, "last_push", now.isoformat())
            self._note_skew(s, server_date, now)
        report.batches += 1

    # ---- Pull
    def _pull_all(self, client: SyncClient, report: RunReport) -> None:
        for _ in range(10_000):  # bounded: a server that always says has_more cannot spin us forever
            with self._db.session() as s:
                cursor = store.get_state(s, "cursor")
            try:
                answer = client.pull(cursor)
            except ResetRequired:
                self._reset()
                continue
            page: PullResponse = answer.body
            with self._db.session() as s:  # R12: the page and its cursor in one transaction
                self._check_epoch(s, page.server_epoch)
                report.pulled += store.apply_changes(s, page.changes, page.next_cursor)
                store.set_state(s, "last_pull", self._clock.now().isoformat())
                self._note_skew(s, answer.server_date, self._clock.now())
            if not page.has_more:
                return

    def _fetch_snapshot(self, client: SyncClient, kind: str, install: Callable[[dict[str, Any]], None] | None) -> None:
        """A newer catalogue or holiday calendar was announced: download it whole (If-None-Match), then
        install it in one transaction (R15). A cut download raises before anything is installed, so the
        old one stays as it was (T10); a snapshot we cannot read is recorded and never stops cases syncing.
        """
        with self._db.session() as s:
            announced, have = store.get_state(s, f"available:{kind}"), store.get_state(s, f"{kind}_etag")
        if install is None or not isinstance(announced, dict) or announced.get("etag") == have:
            return
        snapshot = client.snapshot(kind, have).body
        error, etag = None, announced.get("etag")
        if snapshot is not None:
            etag = snapshot.get("etag", etag)
            try:
                install(snapshot["data"])
            except Exception as exc:  # noqa: BLE001 - see docstring
                error = f"{type(exc).__name__}: {getattr(exc, 'message_zh', exc)}"[:300]
        with self._db.session() as s:
            store.set_state(s, f"{kind}_error", error)
            if error is None:
                store.set_state(s, f"{kind}_etag", etag)

    def probe(self, timeout: float = PROBE_TIMEOUT_S) -> bool:
        """Does the gateway answer GET /health right now? Cheap; used while offline to wake early."""
        config = self._config()
        if config is None or not config.url:
            return False
        client = self._factory(config)
        try:
            return client.health(timeout)
        finally:
            client.close()

    def _reset(self) -> None:
        with self._db.session() as s:
            store.set_state(s, "cursor", None)
            store.requeue_unconfirmed(s)
            store.set_state(s, "epoch", None)

    def _check_epoch(self, s: Any, epoch: str) -> None:
        """A new server epoch (restore from backup): re-push what it may lack and pull from the start."""
        known = store.get_state(s, "epoch")
        if known is not None and known != epoch:
            store.requeue_unconfirmed(s)
            store.set_state(s, "cursor", None)
        store.set_state(s, "epoch", epoch)

    # ---- Bookkeeping
    def _note_skew(self, s: Any, server_date: datetime | None, now: datetime) -> None:
        if server_date is not None:
            store.set_state(s, "skew_s", round((now - server_date).total_seconds()))

    def _heartbeat(self, client: SyncClient) -> None:
        with self._db.session() as s:
            c = store.counts(s)
            last_push, last_pull = store.get_state(s, "last_push"), store.get_state(s, "last_pull")
        age = None if c.oldest_pending is None else max(0, int((self._clock.now() - c.oldest_pending).total_seconds()))
        beat = Heartbeat(station_code=client.station_code, pending=c.pending, oldest_pending_age_s=age,
                         quarantined=c.quarantined, last_push=last_push, last_pull=last_pull,
                         app_version=self._app_version)
        try:
            client.heartbeat(beat)
        except (SyncTransportError, RequestRefused):
            pass  # health reporting never blocks syncing

    def _record_success(self) -> None:
        with self._db.session() as s:
            store.set_state(s, "offline_since", None)
            store.set_state(s, "last_error", None)

    def _record_failure(self, exc: Exception, report: RunReport) -> None:
        kind = {SyncTransportError: "offline", CredentialError: "credential"}.get(type(exc), "refused")
        report.outcome, report.detail = kind, str(exc)[:300]
        report.retry_after = getattr(exc, "retry_after", None)
        if isinstance(exc, RequestRefused) and exc.status == 413:
            self.batch_size = max(1, self.batch_size // 2)  # 512 KB limit: smaller batches next time
        now = self._clock.now().isoformat()
        with self._db.session() as s:
            if kind == "offline" and store.get_state(s, "offline_since") is None:
                store.set_state(s, "offline_since", now)
            store.set_state(s, "last_error", {"kind": kind, "detail": report.detail, "at": now})


def _release_reason(exc: BaseException) -> str:
    """`code: message` kept on the rows of a batch that did not get through (shown on the sync page)."""
    if isinstance(exc, CredentialError):
        return "credential: 站点凭据被区平台拒绝，请在连接设置中重新填写；记录保留，不会丢失。"
    if isinstance(exc, RequestRefused):
        return f"{exc.code or exc.status}: {exc.message or '区平台拒绝了本批上传'}"[:500]
    return f"network: 连不上区平台或连接中断，将自动重试（{type(exc).__name__}）。"


def _wait_quietly(future: Future[Any]) -> None:
    """Let a request in flight finish; its outcome is irrelevant once the run is failing."""
    try:
        future.result()
    except BaseException:  # noqa: S110 - the ops are released by the caller either way
        pass


class SyncWorker:
    """A plain thread that runs the engine, backs off with full jitter and wakes on `wake()` (立即同步)."""

    def __init__(self, engine: SyncEngine, lock: DatabaseLock, *, idle_interval: float = IDLE_INTERVAL_S,
                 rng: Callable[[], float] = random.random, probe_interval: float | None = PROBE_INTERVAL_S,
                 sleeper: Callable[[float], bool] | None = None) -> None:
        self.engine = engine
        self._lock = lock
        self._idle = idle_interval
        self._rng = rng
        self._probe_interval = probe_interval
        self._sleeper = sleeper or self._wait_for_wake
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.attempt = 0
        self.last_report: RunReport | None = None
        self.runs = threading.Semaphore(0)  # released after every run (tests wait on it)

    def start(self) -> bool:
        """Start unless another worker holds this database; returns whether it started."""
        if not self._lock.acquire():
            return False
        self.engine.recover()
        self._thread = threading.Thread(target=self._loop, name="yichuang-sync", daemon=True)
        self._thread.start()
        return True

    def wake(self) -> None:
        """Run now instead of waiting out the backoff or idle interval."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the current request and release the lock."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._lock.release()

    def next_delay(self, report: RunReport) -> float:
        """Seconds to wait after a run: backoff on trouble (reset on success), idle otherwise."""
        if report.outcome == "ok" or report.outcome == "not_configured":
            self.attempt = 0
            return self._idle
        if report.outcome == "credential":
            return MAX_BACKOFF_S  # waits for a new credential (set_credential wakes us)
        delay = backoff_delay(self.attempt, self._rng)
        self.attempt += 1
        return max(delay, report.retry_after or 0.0)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                report = self.engine.run_once()
            except Exception as exc:  # a bug must not kill the worker; it is reported and retried
                report = RunReport(outcome="offline", detail=f"{type(exc).__name__}: {exc}")
            self.last_report = report
            self.runs.release()
            self.pause(report)

    def _wait_for_wake(self, seconds: float) -> bool:
        woken = self._wake.wait(seconds)
        self._wake.clear()
        return woken

    def pause(self, report: RunReport) -> str:
        """Wait before the next run; returns why it ended: woken (立即同步), network_back or elapsed.

        While offline the wait is cut into probe intervals: a short GET /health after each, and the
        first answer ends the wait, so a week's backlog starts draining as soon as the link is back (R10).
        """
        delay = self.next_delay(report)
        if report.outcome != "offline" or not self._probe_interval:
            return "woken" if self._sleeper(delay) else "elapsed"
        waited = 0.0
        while waited < delay and not self._stop.is_set():
            step = min(self._probe_interval, delay - waited)
            if self._sleeper(step):
                return "woken"
            waited += step
            if self.engine.probe():
                return "network_back"
        return "elapsed"
