"""Where secrets (the PII master key) live: the system keyring, or an encrypted file keyring.

Policy (see `open_secret_store`): never store a secret in plain text. A production profile
without a usable system keyring refuses to start until an admin chooses the encrypted file
keyring and sets its passphrase; a demo profile falls back to an encrypted file keyring whose
passphrase comes from a random file inside the profile.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.backend
from keyring.errors import PasswordDeleteError

SERVICE = "yichuang"
PII_KEY_NAME = "pii-master-key"
SECRETS_DIRNAME = "secrets"
KEYRING_FILENAME = "keyring.cfg"
DEMO_SEED_FILENAME = "demo-keyring.seed"

# Backends that keep secrets in the OS's protected store. Everything else (fail, null, chainer,
# and third-party file keyrings such as keyrings.cryptfile's Plaintext/Encrypted ones, which would
# prompt on the terminal or write clear text) is not a "system keyring" for our purposes.
_UNUSABLE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer")


class SecretStore(Protocol):
    """Minimal secret storage: named string values."""

    def set(self, name: str, value: str) -> None:
        """Store `value` under `name`, replacing any previous value."""

    def get(self, name: str) -> str | None:
        """The value stored under `name`, or None."""

    def delete(self, name: str) -> None:
        """Remove `name`; no error when it is absent."""


class NoSecureKeyring(RuntimeError):  # noqa: N818 - name fixed by the design brief
    """No system keyring and no passphrase for an encrypted file keyring: refuse to store secrets."""

    @property
    def message_zh(self) -> str:
        """Chinese message for the admin."""
        return "本机没有可用的系统密钥环，不能以明文保存密钥。请管理员选择“加密文件密钥环”并设置口令。"


class WrongPassphraseError(ValueError):
    """The passphrase does not open the existing encrypted file keyring."""

    @property
    def message_zh(self) -> str:
        """Chinese message for the admin."""
        return "加密文件密钥环的口令不正确，无法打开。请输入设置密钥环时使用的口令。"


class MemoryStore:
    """In-memory SecretStore for tests; nothing is persisted."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        """Store `value` under `name`."""
        self._values[name] = value

    def get(self, name: str) -> str | None:
        """The value under `name`, or None."""
        return self._values.get(name)

    def delete(self, name: str) -> None:
        """Remove `name` if present."""
        self._values.pop(name, None)


class KeyringStore:
    """SecretStore over a `keyring` backend (default: keyring's own choice)."""

    def __init__(self, service: str = SERVICE, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        """The backend used; resolved lazily so constructing the store never touches the OS."""
        return self._backend if self._backend is not None else keyring.get_keyring()

    def set(self, name: str, value: str) -> None:
        """Store `value` under `name` for this service."""
        self.backend.set_password(self.service, name, value)

    def get(self, name: str) -> str | None:
        """The value under `name`, or None."""
        return self.backend.get_password(self.service, name)

    def delete(self, name: str) -> None:
        """Remove `name`; absent names are ignored."""
        try:
            self.backend.delete_password(self.service, name)
        except PasswordDeleteError:
            pass


def _is_system_backend(backend: Any) -> bool:
    module = type(backend).__module__
    if module in _UNUSABLE_MODULES or "plaintext" in type(backend).__name__.lower():
        return False
    # Only keyring's own OS backends (SecretService, libsecret, KWallet, macOS, Windows) qualify.
    return module.startswith("keyring.backends.")


def system_keyring_backend(backend: Any | None = None) -> keyring.backend.KeyringBackend | None:
    """The first usable OS keyring backend (looking inside a chainer), or None."""
    try:
        candidate = backend if backend is not None else keyring.get_keyring()
        members = getattr(candidate, "backends", None)
        pool = list(members) if members is not None else [candidate]
        usable = [b for b in pool if _is_system_backend(b)]
        return max(usable, key=lambda b: b.priority) if usable else None
    except Exception:  # noqa: BLE001 - any failure to probe the keyring means "not usable"
        return None


def usable_system_keyring(backend: Any | None = None) -> bool:
    """True when an OS keyring is available (not fail/null, plaintext or file-based; no error probing)."""
    return system_keyring_backend(backend) is not None


class EncryptedFileStore:
    """SecretStore in a keyrings.cryptfile file (argon2id KDF + AES-GCM), unlocked with a passphrase."""

    def __init__(self, path: Path | str, passphrase: str, service: str = SERVICE) -> None:
        from keyrings.cryptfile.cryptfile import CryptFileKeyring

        if not passphrase or not passphrase.strip():
            raise ValueError("passphrase must not be blank")
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._ring = CryptFileKeyring()
        # Set the path and key programmatically: the library would otherwise use a per-user file
        # and prompt on the terminal with getpass, which a GUI app must never do.
        self._ring.file_path = str(self.path)
        try:
            self._ring.keyring_key = passphrase
        except ValueError as exc:
            raise WrongPassphraseError(str(exc)) from exc
        _restrict_permissions(self.path)
        self._store = KeyringStore(service, backend=self._ring)

    def set(self, name: str, value: str) -> None:
        """Encrypt and store `value` under `name`."""
        self._store.set(name, value)
        _restrict_permissions(self.path)

    def get(self, name: str) -> str | None:
        """Decrypt the value under `name`, or None."""
        return self._store.get(name)

    def delete(self, name: str) -> None:
        """Remove `name`; absent names are ignored."""
        self._store.delete(name)


def _restrict_permissions(path: Path) -> None:
    # Owner-only access; a no-op beyond the read-only bit on Windows, where the profile ACL applies.
    if path.exists():
        os.chmod(path, 0o600)


def _demo_passphrase(secrets_dir: Path) -> str:
    """Passphrase for a demo profile's file keyring, read from (or first written to) a random seed file.

    DEMO ONLY. The seed sits in the same folder as the encrypted keyring, so anyone who can read
    the profile can open it: the encryption only keeps secrets out of plain sight. That is acceptable
    for a demo profile, which holds synthetic people only, and it lets the README's run command work on
    a fresh machine without a Secret Service. It is not acceptable for production, where the profile
    holds real citizens' ID numbers: there the passphrase must come from a person (or the OS keyring).
    """
    seed = secrets_dir / DEMO_SEED_FILENAME
    if not seed.exists():
        seed.write_text(secrets.token_urlsafe(32), encoding="ascii")
        _restrict_permissions(seed)
    return seed.read_text(encoding="ascii").strip()


def open_secret_store(profile_dir: Path | str, *, demo: bool, passphrase: str | None) -> SecretStore:
    """Pick the store: system keyring; else demo file keyring; else passphrase file keyring; else refuse."""
    system = system_keyring_backend()
    if system is not None:
        return KeyringStore(SERVICE, backend=system)
    secrets_dir = Path(profile_dir) / SECRETS_DIRNAME
    path = secrets_dir / KEYRING_FILENAME
    if demo:
        secrets_dir.mkdir(parents=True, exist_ok=True)
        return EncryptedFileStore(path, _demo_passphrase(secrets_dir))
    if passphrase:
        return EncryptedFileStore(path, passphrase)
    raise NoSecureKeyring("no usable system keyring and no passphrase for the encrypted file keyring")


def load_or_create_pii_key(store: SecretStore) -> bytes:
    """The 32-byte PII master key from `store` (base64 under "pii-master-key"), created on first use."""
    from app.security.pii import KEY_BYTES, new_master_key

    stored = store.get(PII_KEY_NAME)
    if stored is None:
        key = new_master_key()
        store.set(PII_KEY_NAME, base64.b64encode(key).decode("ascii"))
        return key
    try:
        key = base64.b64decode(stored.encode("ascii"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"stored {PII_KEY_NAME} is not valid base64") from exc
    if len(key) != KEY_BYTES:
        raise ValueError(f"stored {PII_KEY_NAME} has {len(key)} bytes, expected {KEY_BYTES}")
    return key
