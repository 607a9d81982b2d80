"""Encryption at rest of ID and phone numbers (AES-256-GCM) and keyed look-up hashes (HMAC-SHA256)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

TOKEN_PREFIX = "v1:"
KEY_BYTES = 32
_NONCE_BYTES = 12
# Binds every ciphertext to this scheme so a token cannot be replayed under another context.
_AAD = b"yichuang-pii-v1"


class PiiDecryptError(ValueError):
    """A token could not be decrypted: wrong key, tampered or malformed."""

    @property
    def message_zh(self) -> str:
        """Chinese message: what is wrong and what to do."""
        return "个人信息无法解密：密钥不匹配或数据已被改动。请管理员确认本机密钥环中的密钥是否正确。"


def new_master_key() -> bytes:
    """A fresh random 256-bit master key."""
    return os.urandom(KEY_BYTES)


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(master)


def normalise_for_lookup(text: str) -> str:
    """Canonical form for hashing: surrounding spaces removed, letters upper-case (x → X in IDs)."""
    return text.strip().upper()


class PiiCipher:
    """Encrypts PII with one subkey and hashes it for look-up with another, both from one master key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"master key must be {KEY_BYTES} bytes, got {len(key)}")
        # Separate subkeys so the look-up hash can never leak anything about the encryption key.
        self._aead = AESGCM(_derive(key, b"yichuang/pii/enc/v1"))
        self._mac_key = _derive(key, b"yichuang/pii/lookup/v1")

    def encrypt(self, text: str) -> str:
        """Encrypt `text`; returns "v1:" + base64url(nonce ‖ ciphertext ‖ tag). Random nonce per call."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), _AAD)
        return TOKEN_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str) -> str:
        """Decrypt a token made by `encrypt`; raise PiiDecryptError on wrong key, tampering or bad format."""
        if not token.startswith(TOKEN_PREFIX):
            raise PiiDecryptError("unknown token version")
        try:
            raw = base64.urlsafe_b64decode(token[len(TOKEN_PREFIX) :].encode("ascii"))
        except (binascii.Error, ValueError, UnicodeEncodeError) as exc:
            raise PiiDecryptError("malformed token") from exc
        if len(raw) < _NONCE_BYTES + 16:
            raise PiiDecryptError("token too short")
        try:
            plain = self._aead.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _AAD)
        except InvalidTag as exc:
            raise PiiDecryptError("authentication failed") from exc
        return plain.decode("utf-8")

    def lookup_hash(self, text: str) -> str:
        """Keyed hash (HMAC-SHA256, hex) of the normalised value, to find a record not stored in clear."""
        data = normalise_for_lookup(text).encode("utf-8")
        return hmac.new(self._mac_key, data, hashlib.sha256).hexdigest()
