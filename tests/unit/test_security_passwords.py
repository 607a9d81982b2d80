"""Tests for argon2id password hashing and the password policy."""

from __future__ import annotations

import pytest

from app.security.passwords import (
    FAST_PARAMS,
    PRODUCTION_PARAMS,
    PasswordHasherParams,
    PasswordPolicyError,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)


def test_hash_is_argon2id_and_salted() -> None:
    first = hash_password("abc12345", fast=True)
    second = hash_password("abc12345", fast=True)
    assert first.startswith("$argon2id$")
    assert first != second  # random salt per hash
    assert "abc12345" not in first


def test_verify_accepts_right_and_rejects_wrong_password() -> None:
    hashed = hash_password("秘密abc12345", fast=True)
    assert verify_password(hashed, "秘密abc12345")
    assert not verify_password(hashed, "秘密abc12346")
    assert not verify_password(hashed, "")


def test_verify_treats_a_malformed_hash_as_mismatch() -> None:
    assert not verify_password("not-a-hash", "abc12345")
    assert not verify_password("", "abc12345")


def test_production_hash_is_memory_hard() -> None:
    hashed = hash_password("abc12345")
    assert "m=65536,t=3,p=4" in hashed
    assert verify_password(hashed, "abc12345")
    assert not needs_rehash(hashed)


def test_fast_hash_needs_rehash_under_production_params() -> None:
    hashed = hash_password("abc12345", fast=True)
    assert needs_rehash(hashed)
    assert not needs_rehash(hashed, params=FAST_PARAMS)


def test_explicit_params_are_used() -> None:
    params = PasswordHasherParams(time_cost=2, memory_cost=16, parallelism=1)
    hashed = hash_password("abc12345", params=params)
    assert "m=16,t=2,p=1" in hashed
    assert needs_rehash(hashed, params=PRODUCTION_PARAMS)


def test_needs_rehash_on_garbage() -> None:
    assert needs_rehash("garbage")


@pytest.mark.parametrize("pw", ["abcd1234", "Passw0rd", "密码abc12345", "a1b2c3d4e5"])
def test_policy_accepts_letters_and_digits_of_length_eight(pw: str) -> None:
    check_password_policy(pw)


@pytest.mark.parametrize(("pw", "code"), [("abc1234", "too_short"), ("", "too_short")])
def test_policy_rejects_short_passwords(pw: str, code: str) -> None:
    with pytest.raises(PasswordPolicyError) as info:
        check_password_policy(pw)
    assert info.value.code == code
    assert "至少需要 8 位" in info.value.message_zh


@pytest.mark.parametrize("pw", ["abcdefgh", "12345678", "密码密码密码密码", "１２３４ａｂｃｄ"])
def test_policy_requires_ascii_letters_and_digits(pw: str) -> None:
    with pytest.raises(PasswordPolicyError) as info:
        check_password_policy(pw)
    assert info.value.code == "letters_and_digits"
    assert "字母和数字" in info.value.message_zh


def test_policy_min_length_is_configurable() -> None:
    with pytest.raises(PasswordPolicyError) as info:
        check_password_policy("abc123456", min_length=10)
    assert "10" in info.value.message_zh
