"""Per-op payload checks and the outcomes that are never stored (rejections, retry-later)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from app.sync.protocol import DISTRICT_OWNED_FIELDS, Op, OpResult, payload_digest

# China has had no daylight saving since 1991, so a fixed offset is exact and needs no tzdata.
STATION_TZ = timezone(timedelta(hours=8))
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

MESSAGES_ZH: dict[str, str] = {
    "digest_mismatch": "数据校验值不符，记录在传输中可能损坏，请重新同步。",
    "unknown_op_type": "不支持的操作类型，请升级本机程序。",
    "invalid_payload": "记录内容不完整或格式不对，请核对后重新保存。",
    "district_owned_field": "办件状态、审批结论和承办人由区级平台维护，窗口不能修改。",
    "idempotency_mismatch": "同一操作编号已提交过不同的内容，平台保留原记录，请联系管理员。",
    "entity_exists": "该记录编号已被另一条不同的记录使用，请联系管理员。",
    "foreign_case": "该办件属于其他站点，本站不能修改。",
    "case_withdrawn": "该办件已撤回，不能再修改。",
    "missing_blob": "附件尚未上传完成，将自动重新上传后再提交。",
    "unknown_case": "平台上还没有该办件，等办件本身同步后会自动重试。",
    "unknown_evaluation": "平台上还没有对应的评价，等评价同步后会自动重试。",
    "base_version_ahead": "平台上该记录的版本还没有到，稍后自动重试。",
    "predecessor_pending": "同一办件的前一条记录尚未成功，本条排在其后自动重试。",
    "version_conflict": "该记录在平台上已被修改，两个版本均已保留，请提交区级处理。",
    "busy": "平台繁忙，稍后自动重试。",
}


class NotStoredError(Exception):
    """An outcome that is answered but not recorded: the same op may succeed when retried."""

    def __init__(self, result: OpResult) -> None:
        super().__init__(result.code)
        self.result = result


def outcome(op: Op, status: str, code: str | None = None, version: int | None = None) -> OpResult:
    """Build a result with the Chinese message for its code."""
    message = MESSAGES_ZH.get(code) if code else None
    return OpResult(op_id=op.op_id, status=status, server_version=version, code=code, message=message)  # type: ignore[arg-type]


def reject(op: Op, code: str, detail: str = "") -> NotStoredError:
    """A poison op: the client quarantines it and shows the message."""
    result = outcome(op, "rejected", code)
    if detail and result.message:
        result = result.model_copy(update={"message": f"{result.message}（{detail}）"})
    return NotStoredError(result)


def retry_later(op: Op, code: str) -> NotStoredError:
    """A dependency is not there yet; the client keeps the op and retries."""
    return NotStoredError(outcome(op, "retry_later", code))


@dataclass(frozen=True)
class Spec:
    """What an (entity, op_type) requires: typed payload keys and whether base_version is needed."""

    required: dict[str, type] = field(default_factory=dict)
    needs_base: bool = False


SPECS: dict[tuple[str, str], Spec] = {
    ("case", "create"): Spec({"item_code": str, "catalogue_version": str}),
    ("case", "update"): Spec({}, needs_base=True),
    ("case", "withdraw"): Spec({}, needs_base=True),
    ("case_event", "append"): Spec({"case_id": str, "event_type": str}),
    ("queue_event", "append"): Spec({"event_type": str, "ticket_no": str, "occurred_at": str}),
    ("evaluation", "create"): Spec({"score": int}),
    # A station asks for a rating when a service ends, then records the applicant's grade or the default.
    ("evaluation", "request"): Spec({}),
    ("evaluation", "rate"): Spec({"level": int}),
    ("evaluation", "default"): Spec({"level": int}),
    ("bad_review", "create"): Spec({"evaluation_id": str}),
    ("bad_review", "update"): Spec({"state": str}, needs_base=True),
}


def _check_types(op: Op, spec: Spec) -> None:
    for key, kind in spec.required.items():
        value = op.payload.get(key)
        # bool is an int subclass; a checkbox value is never a valid version or score
        if not isinstance(value, kind) or isinstance(value, bool) or value == "":
            raise reject(op, "invalid_payload", key)
    if spec.needs_base and op.base_version is None:
        raise reject(op, "invalid_payload", "base_version")


def _check_extras(op: Op) -> None:
    if op.entity == "case" and DISTRICT_OWNED_FIELDS & op.payload.keys():
        raise reject(op, "district_owned_field", ",".join(sorted(DISTRICT_OWNED_FIELDS & op.payload.keys())))
    grade = op.payload.get("score", op.payload.get("level"))
    if op.entity == "evaluation" and op.op_type != "request" and not (isinstance(grade, int) and 1 <= grade <= 5):
        raise reject(op, "invalid_payload", "score")
    if "occurred_at" in op.payload and parse_ts(op.payload["occurred_at"]) is None:
        raise reject(op, "invalid_payload", "occurred_at")
    blobs = op.payload.get("blobs", [])
    if not isinstance(blobs, list) or not all(isinstance(b, str) and _SHA256.match(b) for b in blobs):
        raise reject(op, "invalid_payload", "blobs")


def check_op(op: Op) -> None:
    """Raise `NotStoredError` (rejected) if the op can never be applied as sent."""
    if payload_digest(op.payload) != op.payload_sha256:
        raise reject(op, "digest_mismatch")
    spec = SPECS.get((op.entity, op.op_type))
    if spec is None:
        raise reject(op, "unknown_op_type", f"{op.entity}/{op.op_type}")
    _check_types(op, spec)
    _check_extras(op)


def parse_ts(value: Any) -> datetime | None:
    """ISO-8601 timestamp with offset, as UTC; None if unusable (a naive time is ambiguous)."""
    if not isinstance(value, str):
        return None
    try:
        ts = datetime.fromisoformat(value)
    except ValueError:
        return None
    return ts.astimezone(UTC) if ts.tzinfo else None


def local_day(op: Op) -> str:
    """Station-local date the op belongs to: payload `occurred_at`, else the client timestamp."""
    ts = parse_ts(op.payload.get("occurred_at")) or op.client_ts
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(STATION_TZ).date().isoformat()


def today_local() -> date:
    """Today's date in the station time zone."""
    return datetime.now(STATION_TZ).date()
