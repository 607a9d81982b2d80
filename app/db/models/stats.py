"""Per station-local day statistics rollup: what a closed day contributes to a period's figures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class StatsDay(Base):
    """One closed local day's counts (JSON) and sorted duration samples (packed doubles).

    Built lazily by the statistics service; database triggers delete a row as soon as any row it was
    built from changes (see app/services/stats_rollup.py), so a row present is always current.
    """

    __tablename__ = "stats_day"
    day: Mapped[date] = mapped_column(primary_key=True)
    offset_min: Mapped[int]  # the station's UTC offset the local days were cut with
    built_at: Mapped[datetime]
    figures: Mapped[str] = mapped_column(Text)
    samples: Mapped[bytes] = mapped_column(LargeBinary)
