"""Profile problems get a Chinese message and change nothing: read-only folder, broken settings, keyring."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import Profile, ProfileProblem
from app.security.credentials import NoSecureKeyring
from app.services.context import open_context


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_explained(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ProfileProblem) as err:
            Profile(tmp_path / "p").prepare()
        assert "无法写入资料目录" in err.value.message_zh
    finally:
        tmp_path.chmod(0o700)


def test_a_file_where_the_folder_should_be_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "p"
    blocker.write_text("not a folder")
    with pytest.raises(ProfileProblem) as err:
        Profile(blocker).prepare()
    assert "无法写入资料目录" in err.value.message_zh and "--profile" in err.value.message_zh


def test_broken_settings_file_is_explained(tmp_path: Path) -> None:
    profile = Profile(tmp_path)
    profile.prepare()
    profile.settings_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileProblem) as err:
        profile.load_settings()
    assert "设置文件" in err.value.message_zh


def test_production_profile_refuses_without_keyring(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("app.services.context.usable_system_keyring", lambda: False)
    with pytest.raises(NoSecureKeyring) as err:
        open_context(tmp_path / "prod", demo=False)
    assert "不能以明文保存密钥" in err.value.message_zh
    ctx = open_context(tmp_path / "prod2", demo=False, passphrase="a long admin passphrase")
    assert ctx.settings.demo is False
    ctx.close()


def test_settings_round_trip(tmp_path: Path) -> None:
    from dataclasses import replace

    profile = Profile(tmp_path)
    profile.prepare()
    profile.save_settings(replace(profile.load_settings(), idle_lock_minutes=3, language="en"))
    loaded = profile.load_settings()
    assert (loaded.idle_lock_minutes, loaded.language) == (3, "en")
