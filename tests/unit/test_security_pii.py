"""Tests for PII encryption at rest and keyed look-up hashes."""

from __future__ import annotations

import base64

import pytest

from app.security.pii import PiiCipher, PiiDecryptError, new_master_key

ID = "11010519491231002X"


@pytest.fixture
def cipher() -> PiiCipher:
    return PiiCipher(bytes(range(32)))


def test_round_trip(cipher: PiiCipher) -> None:
    for text in (ID, "13812341234", "", "欧阳娜娜"):
        assert cipher.decrypt(cipher.encrypt(text)) == text


def test_token_is_versioned_base64url_without_clear_text(cipher: PiiCipher) -> None:
    token = cipher.encrypt(ID)
    assert token.startswith("v1:")
    raw = base64.urlsafe_b64decode(token[3:])
    assert len(raw) == 12 + len(ID) + 16  # nonce + ciphertext + GCM tag
    assert ID not in token and b"110105" not in raw


def test_random_nonce_makes_every_token_different(cipher: PiiCipher) -> None:
    tokens = {cipher.encrypt(ID) for _ in range(50)}
    assert len(tokens) == 50


def test_wrong_key_is_refused(cipher: PiiCipher) -> None:
    token = cipher.encrypt(ID)
    with pytest.raises(PiiDecryptError):
        PiiCipher(new_master_key()).decrypt(token)


def test_every_flipped_byte_is_detected(cipher: PiiCipher) -> None:
    raw = bytearray(base64.urlsafe_b64decode(cipher.encrypt(ID)[3:]))
    for i in range(len(raw)):
        tampered = bytearray(raw)
        tampered[i] ^= 0x01
        with pytest.raises(PiiDecryptError):
            cipher.decrypt("v1:" + base64.urlsafe_b64encode(bytes(tampered)).decode())


@pytest.mark.parametrize("token", ["", "v2:AAAA", "plain text", "v1:", "v1:AAAA", "v1:@@@", "v1:é"])
def test_malformed_tokens_raise_decrypt_error(cipher: PiiCipher, token: str) -> None:
    with pytest.raises(PiiDecryptError) as info:
        cipher.decrypt(token)
    assert "密钥" in info.value.message_zh


def test_lookup_hash_is_normalised_and_keyed(cipher: PiiCipher) -> None:
    digest = cipher.lookup_hash(ID)
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert cipher.lookup_hash(" 11010519491231002x ") == digest
    assert cipher.lookup_hash("110105194912310021") != digest
    assert PiiCipher(new_master_key()).lookup_hash(ID) != digest


def test_lookup_hash_is_stable_across_instances() -> None:
    key = new_master_key()
    assert PiiCipher(key).lookup_hash(ID) == PiiCipher(key).lookup_hash(ID)


def test_master_key_is_32_random_bytes() -> None:
    keys = {new_master_key() for _ in range(10)}
    assert len(keys) == 10 and all(len(k) == 32 for k in keys)


@pytest.mark.parametrize("size", [0, 16, 31, 33])
def test_master_key_length_is_checked(size: int) -> None:
    with pytest.raises(ValueError):
        PiiCipher(b"\0" * size)
