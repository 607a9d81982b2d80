"""Profile folder layout, station identity and the settings kept beside the database."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from platformdirs import user_data_dir

APP_NAME = "yichuang"
DEFAULT_TZ = "Asia/Shanghai"


class StationLevel(StrEnum):
    """Where the station sits in the district's hierarchy."""

    DISTRICT = "district"  # 区中心
    SUB_CENTER = "sub_center"  # 分中心
    TOWN = "town"  # 街乡镇中心
    VILLAGE = "village"  # 村社区站点


STATION_LEVEL_ZH = {
    StationLevel.DISTRICT: "区中心",
    StationLevel.SUB_CENTER: "分中心",
    StationLevel.TOWN: "街乡镇中心",
    StationLevel.VILLAGE: "村社区站点",
}


class ProfileProblem(Exception):
    """The profile folder cannot be used; `message_zh` says why and what to do."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


@dataclass(frozen=True)
class Settings:
    """Settings needed before the database opens, or by the window itself."""

    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    timezone: str = DEFAULT_TZ
    keyring_mode: str = "system"  # system | cryptfile | demo
    demo: bool = False
    second_screen: bool = True
    voice: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        """The station's time zone: every date a person sees is in it."""
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Profile:
    """One profile folder: database, documents, backups and settings."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "yichuang.db"

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    @property
    def secrets_dir(self) -> Path:
        return self.root / "secrets"

    def exists(self) -> bool:
        """A profile exists once its database file does."""
        return self.db_path.exists()

    def prepare(self) -> None:
        """Create the folders and prove the profile is writable, with a clear message if not."""
        try:
            for d in (self.root, self.documents_dir, self.backups_dir, self.secrets_dir):
                d.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".write-test-", delete=True):
                pass
        except OSError as exc:
            raise ProfileProblem(
                f"无法写入资料目录 {self.root}（{exc.strerror or exc}）。请确认该文件夹存在、未被设为只读、"
                "磁盘未满，或用 --profile 指定另一个文件夹。"
            ) from exc

    def load_settings(self) -> Settings:
        """Settings from settings.json; defaults when the file is absent."""
        if not self.settings_path.exists():
            return Settings()
        try:
            raw = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ProfileProblem(
                f"设置文件 {self.settings_path} 无法读取（{exc}）。可删除该文件以恢复默认设置。"
            ) from exc
        known = {k: v for k, v in raw.items() if k in Settings.__dataclass_fields__}
        return replace(Settings(), **known)

    def save_settings(self, settings: Settings) -> None:
        """Atomic write: a crash mid-save leaves the old file, never half a file."""
        tmp = self.settings_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.settings_path)


def default_profile_dir() -> Path:
    """The platform's user data folder for the application."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """Bundled resources: beside the package in a checkout, or inside a frozen build."""
    frozen = getattr(__import__("sys"), "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
