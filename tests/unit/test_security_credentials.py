"""Tests for secret stores, the keyring policy and the PII master key."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail, null
from keyrings.cryptfile.cryptfile import CryptFileKeyring
from keyrings.cryptfile.file import PlaintextKeyring

from app.security import credentials
from app.security.credentials import (
    PII_KEY_NAME,
    EncryptedFileStore,
    KeyringStore,
    MemoryStore,
    NoSecureKeyring,
    WrongPassphraseError,
    load_or_create_pii_key,
    open_secret_store,
    system_keyring_backend,
    usable_system_keyring,
)


class FakeSystemKeyring:
    """Stands in for an OS keyring (SecretService, macOS, Windows) with an in-memory dict."""

    priority = 5

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, name: str, value: str) -> None:
        self.values[(service, name)] = value

    def get_password(self, service: str, name: str) -> str | None:
        return self.values.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, name) not in self.values:
            raise PasswordDeleteError(name)
        del self.values[(service, name)]


FakeSystemKeyring.__module__ = "keyring.backends.SecretService"


class FakeChainer:
    """Like keyring's ChainerBackend: a `backends` list."""

    def __init__(self, *backends: Any) -> None:
        self.backends = list(backends)


FakeChainer.__module__ = "keyring.backends.chainer"


class ExplodingKeyring:
    @property
    def backends(self) -> list[Any]:
        raise RuntimeError("D-Bus not reachable")


@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the file keyring's argon2 KDF cheap so tests stay fast (files are only read back in-test)."""
    monkeypatch.setattr(CryptFileKeyring, "time_cost", 1)
    monkeypatch.setattr(CryptFileKeyring, "memory_cost", 1024)
    monkeypatch.setattr(CryptFileKeyring, "parallelism", 1)


@pytest.fixture
def no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: FakeChainer(CryptFileKeyring(), PlaintextKeyring()))


# --- stores -----------------------------------------------------------------


def _exercise(store: credentials.SecretStore) -> None:
    assert store.get("a") is None
    store.set("a", "一")
    store.set("b", "two")
    store.set("a", "uno")
    assert store.get("a") == "uno" and store.get("b") == "two"
    store.delete("a")
    store.delete("a")  # deleting twice is not an error
    assert store.get("a") is None and store.get("b") == "two"


def test_memory_store() -> None:
    _exercise(MemoryStore())


def test_keyring_store_over_a_backend() -> None:
    backend = FakeSystemKeyring()
    store = KeyringStore(backend=backend)  # type: ignore[arg-type]
    _exercise(store)
    assert set(backend.values) == {("yichuang", "b")}


def test_encrypted_file_store_round_trip_and_reopen(tmp_path: Path, cheap_kdf: None) -> None:
    path = tmp_path / "secrets" / "keyring.cfg"
    store = EncryptedFileStore(path, "correct horse 7")
    _exercise(store)
    store.set("pii", "s3cret-value")
    text = path.read_text()
    assert "s3cret-value" not in text and "two" not in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert EncryptedFileStore(path, "correct horse 7").get("pii") == "s3cret-value"


def test_encrypted_file_store_refuses_wrong_passphrase(tmp_path: Path, cheap_kdf: None) -> None:
    path = tmp_path / "keyring.cfg"
    EncryptedFileStore(path, "right-pass-1").set("k", "v")
    with pytest.raises(WrongPassphraseError) as info:
        EncryptedFileStore(path, "wrong-pass-1")
    assert "口令不正确" in info.value.message_zh


@pytest.mark.parametrize("passphrase", ["", "   "])
def test_encrypted_file_store_refuses_blank_passphrase(tmp_path: Path, passphrase: str) -> None:
    with pytest.raises(ValueError):
        EncryptedFileStore(tmp_path / "k.cfg", passphrase)


@pytest.mark.slow
def test_encrypted_file_store_with_library_default_kdf(tmp_path: Path) -> None:
    path = tmp_path / "keyring.cfg"
    EncryptedFileStore(path, "pass-phrase-9").set("k", "v")
    assert "[Argon2] AES128.GCM" in path.read_text()
    assert EncryptedFileStore(path, "pass-phrase-9").get("k") == "v"


# --- which keyring is usable --------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [
        fail.Keyring(),
        null.Keyring(),
        PlaintextKeyring(),
        CryptFileKeyring(),
        FakeChainer(),
        FakeChainer(fail.Keyring(), PlaintextKeyring(), CryptFileKeyring()),
        ExplodingKeyring(),
    ],
    ids=["fail", "null", "plaintext", "cryptfile", "empty-chainer", "chainer-of-files", "raises"],
)
def test_unusable_backends(backend: Any) -> None:
    assert not usable_system_keyring(backend)


def test_system_backend_is_usable_alone_or_inside_a_chainer() -> None:
    system = FakeSystemKeyring()
    assert usable_system_keyring(system)
    assert system_keyring_backend(FakeChainer(PlaintextKeyring(), system, CryptFileKeyring())) is system


def test_default_backend_is_probed_when_none_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert not usable_system_keyring()

    def boom() -> Any:
        raise RuntimeError("broken keyring config")

    monkeypatch.setattr(keyring, "get_keyring", boom)
    assert not usable_system_keyring()


# --- the policy ---------------------------------------------------------------


def test_policy_prefers_the_system_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    system = FakeSystemKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: FakeChainer(CryptFileKeyring(), system))
    store = open_secret_store(tmp_path, demo=True, passphrase="ignored-1")
    assert isinstance(store, KeyringStore) and store.backend is system
    assert not (tmp_path / "secrets").exists()


@pytest.mark.usefixtures("no_system_keyring", "cheap_kdf")
def test_policy_demo_uses_encrypted_file_in_profile(tmp_path: Path) -> None:
    store = open_secret_store(tmp_path, demo=True, passphrase=None)
    assert isinstance(store, EncryptedFileStore)
    assert store.path == tmp_path / "secrets" / "keyring.cfg"
    store.set("x", "secret-x")
    seed = tmp_path / "secrets" / "demo-keyring.seed"
    assert len(seed.read_text()) >= 40 and oct(seed.stat().st_mode & 0o777) == "0o600"
    assert "secret-x" not in store.path.read_text()
    # Restarting the demo profile opens the same keyring with the same seed.
    assert open_secret_store(tmp_path, demo=True, passphrase=None).get("x") == "secret-x"


@pytest.mark.usefixtures("no_system_keyring", "cheap_kdf")
def test_policy_production_with_passphrase_uses_encrypted_file(tmp_path: Path) -> None:
    store = open_secret_store(tmp_path, demo=False, passphrase="admin-pass-1")
    assert isinstance(store, EncryptedFileStore)
    store.set("x", "y")
    assert not (tmp_path / "secrets" / "demo-keyring.seed").exists()
    with pytest.raises(WrongPassphraseError):
        open_secret_store(tmp_path, demo=False, passphrase="admin-pass-2")


@pytest.mark.usefixtures("no_system_keyring")
@pytest.mark.parametrize("passphrase", [None, ""])
def test_policy_production_without_passphrase_refuses(tmp_path: Path, passphrase: str | None) -> None:
    with pytest.raises(NoSecureKeyring) as info:
        open_secret_store(tmp_path, demo=False, passphrase=passphrase)
    assert info.value.message_zh == (
        "本机没有可用的系统密钥环，不能以明文保存密钥。请管理员选择“加密文件密钥环”并设置口令。"
    )
    assert list(tmp_path.iterdir()) == []  # nothing written, least of all in clear


# --- the PII master key ---------------------------------------------------------


def test_pii_key_is_created_once_and_reloaded() -> None:
    store = MemoryStore()
    key = load_or_create_pii_key(store)
    assert len(key) == 32
    assert base64.b64decode(store.get(PII_KEY_NAME) or "") == key
    assert load_or_create_pii_key(store) == key


def test_pii_key_in_encrypted_file_survives_reopen(tmp_path: Path, cheap_kdf: None) -> None:
    key = load_or_create_pii_key(EncryptedFileStore(tmp_path / "k.cfg", "pass-word-1"))
    assert load_or_create_pii_key(EncryptedFileStore(tmp_path / "k.cfg", "pass-word-1")) == key


@pytest.mark.parametrize("stored", ["not base64!", base64.b64encode(b"short").decode()])
def test_corrupt_pii_key_is_an_error_not_a_silent_new_key(stored: str) -> None:
    store = MemoryStore()
    store.set(PII_KEY_NAME, stored)
    with pytest.raises(ValueError):
        load_or_create_pii_key(store)
    assert store.get(PII_KEY_NAME) == stored
