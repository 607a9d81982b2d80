"""Operator password hashing (argon2id) and the password policy."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


@dataclass(frozen=True)
class PasswordHasherParams:
    """argon2id cost parameters; memory_cost is in KiB."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024
    parallelism: int = 4


# RFC 9106 "second recommended" profile: ~100 ms on a 2-core station PC, 64 MiB per attempt.
PRODUCTION_PARAMS = PasswordHasherParams()
# Tests only: cheap enough for hundreds of hashes; never use for stored operator passwords.
FAST_PARAMS = PasswordHasherParams(time_cost=1, memory_cost=8, parallelism=1)

MIN_PASSWORD_LENGTH = 8


class PasswordPolicyError(ValueError):
    """A new password does not meet the policy; `code` says which rule failed."""

    def __init__(self, code: str, min_length: int = MIN_PASSWORD_LENGTH) -> None:
        super().__init__(code)
        self.code = code
        self.min_length = min_length

    @property
    def message_zh(self) -> str:
        """Chinese message for the operator: what is wrong and how to fix it."""
        if self.code == "too_short":
            return f"密码太短：至少需要 {self.min_length} 位，请设置更长的密码。"
        return "密码必须同时包含字母和数字，请重新设置。"


def _hasher(params: PasswordHasherParams) -> PasswordHasher:
    return PasswordHasher(
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        type=Type.ID,
    )


def _params_for(fast: bool, params: PasswordHasherParams | None) -> PasswordHasherParams:
    if params is not None:
        return params
    return FAST_PARAMS if fast else PRODUCTION_PARAMS


def hash_password(pw: str, *, fast: bool = False, params: PasswordHasherParams | None = None) -> str:
    """Hash a password with argon2id; returns the self-describing PHC string ($argon2id$...)."""
    return _hasher(_params_for(fast, params)).hash(pw)


def verify_password(hashed: str, pw: str) -> bool:
    """True when `pw` matches `hashed`; a malformed hash counts as a mismatch, never an exception."""
    try:
        # Verification reads the cost parameters from the hash itself, so any params work here.
        return _hasher(PRODUCTION_PARAMS).verify(hashed, pw)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(hashed: str, *, params: PasswordHasherParams | None = None) -> bool:
    """True when `hashed` was made with other parameters than `params` (default: production)."""
    try:
        return _hasher(params or PRODUCTION_PARAMS).check_needs_rehash(hashed)
    except (InvalidHashError, ValueError):
        return True


def check_password_policy(pw: str, *, min_length: int = MIN_PASSWORD_LENGTH) -> None:
    """Raise PasswordPolicyError unless `pw` has ≥ min_length chars and both letters and digits."""
    if len(pw) < min_length:
        raise PasswordPolicyError("too_short", min_length)
    has_letter = any(ch.isascii() and ch.isalpha() for ch in pw)
    has_digit = any(ch.isascii() and ch.isdigit() for ch in pw)
    if not (has_letter and has_digit):
        raise PasswordPolicyError("letters_and_digits", min_length)
