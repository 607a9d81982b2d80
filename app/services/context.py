"""Opening a profile: checks, migrations, backups, secrets, and the services built on them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import Profile, ProfileProblem, Settings
from app.db.migrate import MigrationReport, daily_backup, migrate
from app.db.session import Database
from app.security.credentials import (
    NoSecureKeyring,
    SecretStore,
    load_or_create_pii_key,
    open_secret_store,
    usable_system_keyring,
)
from app.security.pii import PiiCipher
from app.services.auth import AuthService
from app.services.calendar import CalendarService
from app.services.catalogue import CatalogueService
from app.services.clock import Clock, SystemClock, local_day
from app.services.station import StationService

if TYPE_CHECKING:
    from app.services.cases import CasesService
    from app.services.district_figures import DistrictFiguresService
    from app.services.documents import DocumentService
    from app.services.evaluation import EvaluationService
    from app.services.intake import IntakeService
    from app.services.queue import QueueService
    from app.services.search import SearchService
    from app.services.stats import StatsService
    from app.services.sync import SyncService


@dataclass
class AppContext:
    """Everything a window or a command needs, built once per process and passed down (no globals)."""

    profile: Profile
    settings: Settings
    db: Database
    open_secrets: Callable[[], SecretStore]
    clock: Clock = field(default_factory=SystemClock)
    migration: MigrationReport | None = None
    fast_hash: bool = False  # tests and benchmarks: cheaper argon2 parameters

    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # ---- Services (built on first use so start-up stays fast)
    @cached_property
    def secrets(self) -> SecretStore:
        # Unlocking a file keyring runs a deliberately slow KDF (~1 s): never before the login window.
        with self._lock:
            return self.open_secrets()

    @cached_property
    def cipher(self) -> PiiCipher:
        return PiiCipher(load_or_create_pii_key(self.secrets))

    def warm_up(self) -> None:
        """Unlock the secrets and load the PII key ahead of need (call from a worker thread)."""
        _ = self.cipher

    @cached_property
    def station(self) -> StationService:
        return StationService(self.db, self.clock)

    @cached_property
    def auth(self) -> AuthService:
        return AuthService(self.db, self.clock, fast_hash=self.fast_hash)

    @cached_property
    def catalogue(self) -> CatalogueService:
        return CatalogueService(self.db, self.clock)

    @cached_property
    def calendar(self) -> CalendarService:
        return CalendarService(self.db, self.clock)

    @cached_property
    def search(self) -> SearchService:
        from app.services.search import SearchService

        return SearchService(self.db, self.catalogue)

    @cached_property
    def intake(self) -> IntakeService:
        from app.services.intake import IntakeService

        return IntakeService(self)

    @cached_property
    def cases(self) -> CasesService:
        from app.services.cases import CasesService

        return CasesService(self)

    @cached_property
    def queue(self) -> QueueService:
        from app.services.queue import QueueService

        info = self.station.get()
        # The cipher is unlocked only when an appointment is checked in, never at start-up.
        return QueueService(self.db, self.clock, self.settings.tz, info.window_no if info else "1",
                            hasher=lambda text: self.cipher.lookup_hash(text))

    @cached_property
    def evaluation(self) -> EvaluationService:
        from app.services.evaluation import EvaluationService

        # The cipher is unlocked lazily: only when an applicant's identity is recorded with a rating.
        return EvaluationService(self.db, self.clock, self.settings.tz, self.calendar.due, lambda: self.cipher)

    @cached_property
    def stats(self) -> StatsService:
        from app.services.stats import StatsService

        return StatsService(self.db, self.settings.tz, self.clock)

    @cached_property
    def documents(self) -> DocumentService:
        from app.services.documents import DocumentService

        # The cipher (for the stored render contexts) is unlocked on the first issue or reprint only.
        return DocumentService(self.db, self.clock, self.settings.tz, lambda: self.cipher)

    @cached_property
    def sync(self) -> SyncService:
        from app.services.sync import SyncService

        return SyncService(self)

    @cached_property
    def district_figures(self) -> DistrictFiguresService:
        from app.services.district_figures import DistrictFiguresService

        return DistrictFiguresService(self.sync.config)

    def close(self) -> None:
        """Release the database file."""
        self.db.dispose()


def open_context(profile_dir: Path, *, demo: bool = False, passphrase: str | None = None,
                 clock: Clock | None = None, fast_hash: bool = False) -> AppContext:
    """Prepare the folder, migrate (copy aside first), back up daily, open the secret store.

    Raises ProfileProblem, DatabaseProblem or NoSecureKeyring, each with `message_zh`.
    """
    profile = Profile(profile_dir)
    profile.prepare()
    settings = profile.load_settings()
    if demo and not settings.demo:
        settings = Settings(demo=True, keyring_mode="demo")
        profile.save_settings(settings)
    clock = clock or SystemClock()
    report = migrate(profile.db_path, profile.backups_dir)
    try:
        daily_backup(profile.db_path, profile.backups_dir, local_day(clock.now(), settings.tz))
    except OSError as exc:
        raise ProfileProblem(f"无法写入每日备份（{exc}）。请检查磁盘空间。数据库本身未受影响。") from exc
    if not settings.demo and not passphrase and not usable_system_keyring():
        # A production profile refuses to keep citizens' data without a real secret store.
        raise NoSecureKeyring("no usable system keyring and no passphrase")

    def open_secrets() -> SecretStore:
        return open_secret_store(profile.root, demo=settings.demo, passphrase=passphrase)

    return AppContext(profile=profile, settings=settings, db=Database(profile.db_path), open_secrets=open_secrets,
                      clock=clock, migration=report, fast_hash=fast_hash)
