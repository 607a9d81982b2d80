"""Sync protocol v1 between a station and the district gateway: pydantic models, digests, signed bundles."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Yichuang-Protocol"
API_PREFIX = "/api/v1"
MAX_OPS_PER_BATCH = 50
MAX_BATCH_BYTES = 512 * 1024
DEFAULT_PULL_LIMIT = 200
MAX_PULL_LIMIT = 1000
SKEW_WARNING_SECONDS = 300
STATION_CODE_PATTERN = r"^\d{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

Entity = Literal["case", "case_event", "queue_event", "evaluation", "bad_review"]
# A change may also announce a new catalogue or holiday calendar (fetch it with If-None-Match).
ChangeEntity = Literal[
    "case", "case_event", "queue_event", "evaluation", "bad_review", "catalogue", "holidays"
]  # fmt: skip
OpStatus = Literal["applied", "duplicate", "rejected", "conflict", "retry_later"]
BundleKind = Literal["ops", "reply"]


class DistrictStatus(StrEnum):
    """District-owned case status (受理 → 审批中 → 办结 / 不予许可)."""

    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    COMPLETED = "completed"
    DENIED = "denied"


# Why a table and not a linear order: 即办 items go straight from 受理 to 办结.
_DECIDED = frozenset({DistrictStatus.COMPLETED, DistrictStatus.DENIED})
STATUS_TRANSITIONS: dict[DistrictStatus, frozenset[DistrictStatus]] = {
    DistrictStatus.ACCEPTED: _DECIDED | {DistrictStatus.IN_REVIEW},
    DistrictStatus.IN_REVIEW: _DECIDED,
    DistrictStatus.COMPLETED: frozenset(),
    DistrictStatus.DENIED: frozenset(),
}

# R14: fields the district owns; a station op that tries to set one is rejected.
DISTRICT_OWNED_FIELDS = frozenset({"status", "decision", "assignee"})


class _Model(BaseModel):
    """Base: unknown fields are refused so a typo never silently drops data."""

    model_config = ConfigDict(extra="forbid")


def canonical_json(value: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, UTF-8, no spaces), the input of every digest and signature."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def payload_digest(payload: dict[str, Any]) -> str:
    """Hex sha256 of the canonical JSON of an op payload; both sides compute it the same way."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


class Op(_Model):
    """One local change sent from the outbox; `op_id` is the idempotency key (R2, R7)."""

    op_id: uuid.UUID
    entity: Entity
    entity_id: str = Field(min_length=1, max_length=64)
    op_type: str = Field(min_length=1, max_length=32)
    base_version: int | None = None
    payload: dict[str, Any]
    payload_sha256: str = Field(pattern=SHA256_PATTERN)
    client_seq: int = Field(ge=0)
    client_ts: datetime
    operator_id: str | None = Field(default=None, max_length=64)


class PushRequest(_Model):
    """Body of `POST /api/v1/stations/{station}/ops:batch` (R6): at most 50 ops."""

    station_code: str = Field(pattern=STATION_CODE_PATTERN)
    ops: list[Op] = Field(max_length=MAX_OPS_PER_BATCH)


class OpResult(_Model):
    """Per-op outcome; `code` is machine-readable, `message` is for counter staff (Chinese)."""

    op_id: uuid.UUID
    status: OpStatus
    server_version: int | None = None
    code: str | None = None
    message: str | None = None


class PushResponse(_Model):
    """Results in the order of the request's ops."""

    results: list[OpResult]
    server_epoch: str
    server_time: datetime


class Change(_Model):
    """One entry of a station's change feed; `seq` is the server's commit-ordered sequence."""

    seq: int
    entity: ChangeEntity
    entity_id: str
    change_type: str
    payload: dict[str, Any]
    server_version: int | None = None


class PullResponse(_Model):
    """A page of changes; store `next_cursor` in the same transaction that applies the page (R12)."""

    changes: list[Change]
    next_cursor: str
    has_more: bool
    server_epoch: str


class CatalogueSnapshot(_Model):
    """The whole service catalogue at one monotonic version; `etag` is the sha256 of `data`."""

    catalogue_version: int
    etag: str
    data: dict[str, Any]


class HolidaySnapshot(_Model):
    """The holiday/makeup-workday calendar at one monotonic version, same rules as the catalogue."""

    calendar_version: int
    etag: str
    data: dict[str, Any]


class Heartbeat(_Model):
    """Station health reported to the district dashboard (R18)."""

    station_code: str = Field(pattern=STATION_CODE_PATTERN)
    pending: int = Field(ge=0)
    oldest_pending_age_s: int | None = Field(default=None, ge=0)
    quarantined: int = Field(ge=0)
    last_push: datetime | None = None
    last_pull: datetime | None = None
    app_version: str = Field(max_length=32)
    catalogue_version: int | None = None


class HeartbeatAck(_Model):
    """Answer to a heartbeat: the server clock and epoch, so a station can notice skew and restores."""

    server_epoch: str
    server_time: datetime


class BlobInfo(_Model):
    """Answer to a blob PUT: the content address and whether this call stored it."""

    sha256: str
    size: int
    created: bool


class ApiError(_Model):
    """Error body of every non-2xx answer: a stable code plus a message for people."""

    code: str
    message: str


class Bundle(_Model):
    """Offline transfer file: `ops` from a station, or a `reply` with results and changes."""

    format: Literal["yichuang-bundle"] = "yichuang-bundle"
    protocol: int = PROTOCOL_VERSION
    kind: BundleKind
    bundle_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    station_code: str = Field(pattern=STATION_CODE_PATTERN)
    created_at: datetime
    ops: list[Op] = Field(default_factory=list)
    cursor: str | None = None
    results: list[OpResult] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    next_cursor: str | None = None
    has_more: bool = False
    server_epoch: str | None = None
    signature: str = ""


class BundleError(Exception):
    """A bundle that must be refused; `code` says why (malformed, bad_signature, foreign_station …)."""

    code = "bundle_invalid"

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"{self.code}: {detail}" if detail else self.code)
        self.detail = detail


class BundleMalformedError(BundleError):
    """The file is not a bundle of this protocol version."""

    code = "malformed"


class BundleTamperedError(BundleError):
    """The signature does not match the content: changed in transit or signed with another key."""

    code = "bad_signature"


class BundleForeignError(BundleError):
    """The bundle belongs to another station."""

    code = "foreign_station"


class BundleWrongKindError(BundleError):
    """An ops bundle where a reply was expected, or the reverse."""

    code = "wrong_kind"


def derive_bundle_key(credential: str) -> bytes:
    """HMAC key for bundles, derived from the station credential (the gateway stores only this key)."""
    return hashlib.sha256(b"yichuang-bundle-v1\x00" + credential.encode("utf-8")).digest()


def credential_hash(credential: str) -> str:
    """Hex digest the gateway looks a bearer credential up by; the credential itself is never kept."""
    return hashlib.sha256(b"yichuang-auth-v1\x00" + credential.encode("utf-8")).hexdigest()


def _bundle_mac(bundle: Bundle, key: bytes) -> str:
    body = bundle.model_dump(mode="json", exclude={"signature"})
    return hmac.new(key, canonical_json(body), hashlib.sha256).hexdigest()


def sign_bundle(bundle: Bundle, key: bytes) -> Bundle:
    """Return a copy of `bundle` carrying the HMAC-SHA256 of its canonical body."""
    return bundle.model_copy(update={"signature": _bundle_mac(bundle, key)})


def verify_bundle(
    bundle: Bundle, key: bytes, *, station_code: str | None = None, kind: BundleKind | None = None
) -> Bundle:
    """Check the signature, then station and kind; raise a `BundleError` subclass on any mismatch."""
    if bundle.protocol != PROTOCOL_VERSION:
        raise BundleMalformedError(f"protocol {bundle.protocol}")
    if not hmac.compare_digest(bundle.signature, _bundle_mac(bundle, key)):
        raise BundleTamperedError()
    if station_code is not None and bundle.station_code != station_code:
        raise BundleForeignError(bundle.station_code)
    if kind is not None and bundle.kind != kind:
        raise BundleWrongKindError(bundle.kind)
    return bundle


def dump_bundle(bundle: Bundle) -> bytes:
    """Serialise a bundle for a file (UTF-8 JSON)."""
    return bundle.model_dump_json(indent=1).encode("utf-8")


def load_bundle(data: bytes) -> Bundle:
    """Parse a bundle file; anything that is not a bundle raises `BundleMalformedError`."""
    try:
        return Bundle.model_validate_json(data)
    except (ValidationError, ValueError) as exc:
        raise BundleMalformedError(str(exc).splitlines()[0]) from exc


def make_op(
    *,
    entity: Entity,
    entity_id: str,
    op_type: str,
    payload: dict[str, Any],
    client_seq: int,
    client_ts: datetime,
    base_version: int | None = None,
    operator_id: str | None = None,
    op_id: uuid.UUID | None = None,
) -> Op:
    """Build an op with its payload digest filled in (convenience for clients and tests)."""
    return Op(
        op_id=op_id or uuid.uuid4(),
        entity=entity,
        entity_id=entity_id,
        op_type=op_type,
        base_version=base_version,
        payload=payload,
        payload_sha256=payload_digest(payload),
        client_seq=client_seq,
        client_ts=client_ts,
        operator_id=operator_id,
    )
