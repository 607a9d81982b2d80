"""好差评 rules: five grades, which are 差评, indicator codes, the default-rating rule and follow-up states."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum


class Grade(IntEnum):
    """The five national grades (GB/T 39735), stored as 5…1; 1 and 2 are 差评."""

    VERY_SATISFIED = 5  # 非常满意
    SATISFIED = 4  # 满意
    BASIC = 3  # 基本满意
    DISSATISFIED = 2  # 不满意
    VERY_DISSATISFIED = 1  # 非常不满意


GRADES_HIGH_TO_LOW: tuple[Grade, ...] = tuple(sorted(Grade, reverse=True))
"""The order the rating pad shows them in: 非常满意 first."""


class Channel(StrEnum):
    """Where a rating came from (domain.md §1.6 channels)."""

    SCREEN = "screen"  # 窗口评价器 / customer-facing screen
    QR = "qr"  # 二维码 on the receipt
    PAPER = "paper"  # 书面评价表
    KIOSK = "kiosk"  # 自助终端
    ONLINE = "online"
    HOTLINE = "12345"
    SMS = "sms"
    DEFAULT = "default"  # no rating within N days, local rule


class Indicator(StrEnum):
    """差评 reason codes, offline content (整体满意度, 服务效率, 服务水平, 服务态度) made concrete.

    The district's own `evalDetail` code list replaces these values once obtained (domain.md §5);
    the codes are stored, never the Chinese labels.
    """

    SLOW = "501"  # 办理效率低、等候时间长
    UNCLEAR = "502"  # 一次性告知不清楚
    ATTITUDE = "503"  # 服务态度差
    SKILL = "504"  # 业务不熟练
    MATERIALS = "505"  # 材料要求多、重复提交
    ENVIRONMENT = "506"  # 场所与设施不便
    OTHER = "509"  # 其他


class AppealStatus(StrEnum):
    """申诉复核 of a 差评."""

    NONE = "none"
    PENDING = "pending"  # 申诉中
    UPHELD = "upheld"  # 复核通过（剔除）
    REJECTED = "rejected"  # 复核驳回


class ReviewStatus(StrEnum):
    """Where a BadReviewTicket stands."""

    OPEN = "open"
    ASSIGNED = "assigned"
    CALLED_BACK = "called_back"
    APPEALING = "appealing"
    CLOSED = "closed"


BAD_REVIEW_DAY_CHOICES: tuple[int, ...] = (5, 7, 15)
DEFAULT_BAD_REVIEW_DAYS = 5


class EvaluationRefused(Exception):
    """A rating or follow-up step the rules refuse; `code` says which rule, `data` the values."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.data = data


def is_bad(level: int) -> bool:
    """True for 差评 (不满意 or 非常不满意)."""
    return level in (Grade.DISSATISFIED, Grade.VERY_DISSATISFIED)


def check_rating(level: int, indicators: Iterable[str]) -> tuple[Grade, tuple[str, ...]]:
    """The grade and the de-duplicated, known indicator codes; indicators are only for 差评."""
    try:
        grade = Grade(level)
    except ValueError as exc:
        raise EvaluationRefused("level", level=level) from exc
    codes = tuple(dict.fromkeys(indicators))
    known = {i.value for i in Indicator}
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise EvaluationRefused("indicator", codes=unknown)
    if codes and not is_bad(grade):
        raise EvaluationRefused("indicator_not_bad", level=level)
    return grade, codes


def check_bad_review_days(days: int) -> int:
    """The configured follow-up deadline in working days: one of 5, 7, 15."""
    if days not in BAD_REVIEW_DAY_CHOICES:
        raise EvaluationRefused("bad_review_days", days=days)
    return days


@dataclass(frozen=True)
class DefaultRule:
    """Local rule: no rating within `days` natural days counts as 基本满意 (off unless enabled)."""

    enabled: bool = False
    days: int = 7

    def due(self, requested_at: datetime, now: datetime) -> bool:
        """Whether a still-unrated request made at `requested_at` now becomes a default 基本满意."""
        return self.enabled and now >= requested_at + timedelta(days=self.days)


DEFAULT_GRADE = Grade.BASIC

_NEXT: dict[str, frozenset[str]] = {
    "assign": frozenset({ReviewStatus.OPEN, ReviewStatus.ASSIGNED}),
    "callback": frozenset({ReviewStatus.OPEN, ReviewStatus.ASSIGNED, ReviewStatus.CALLED_BACK}),
    "rectify": frozenset({ReviewStatus.ASSIGNED, ReviewStatus.CALLED_BACK}),
    "appeal": frozenset({ReviewStatus.OPEN, ReviewStatus.ASSIGNED, ReviewStatus.CALLED_BACK}),
    "appeal_outcome": frozenset({ReviewStatus.APPEALING}),
}


def check_step(step: str, status: str) -> None:
    """Refuse a follow-up step that does not fit the ticket's current status."""
    allowed = _NEXT.get(step)
    if allowed is None or status not in allowed:
        raise EvaluationRefused("step", step=step, status=status)


def after_appeal(upheld: bool) -> tuple[AppealStatus, ReviewStatus]:
    """An upheld appeal removes the 差评 and closes; a rejected one sends the ticket back to rectification."""
    if upheld:
        return AppealStatus.UPHELD, ReviewStatus.CLOSED
    return AppealStatus.REJECTED, ReviewStatus.ASSIGNED


__all__ = [
    "AppealStatus",
    "BAD_REVIEW_DAY_CHOICES",
    "Channel",
    "DEFAULT_BAD_REVIEW_DAYS",
    "DEFAULT_GRADE",
    "DefaultRule",
    "EvaluationRefused",
    "GRADES_HIGH_TO_LOW",
    "Grade",
    "Indicator",
    "ReviewStatus",
    "after_appeal",
    "check_bad_review_days",
    "check_rating",
    "check_step",
    "is_bad",
]
