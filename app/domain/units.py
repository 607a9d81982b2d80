"""Time-limit units shared by the catalogue and the deadline calendar."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TimeUnit(StrEnum):
    """Unit of a 法定时限 / 承诺时限 (codes follow provincial exchange specs: 1 工作日, 2 自然日)."""

    WORKING_DAY = "working_day"
    NATURAL_DAY = "natural_day"


@dataclass(frozen=True)
class TimeLimit:
    """A time limit such as 20 working days; 0 days means handled on the spot (即办)."""

    days: int
    unit: TimeUnit = TimeUnit.WORKING_DAY
