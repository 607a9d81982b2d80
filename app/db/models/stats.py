"""Per station-local day statistics rollup: what a closed day contributes to a period's figures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.models.cases import Case, CaseEvent
from app.db.models.evaluation import Evaluation
from app.db.models.queue import QueueTicket


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


# Statistics read time ranges of the source tables (the live days, the build of missing days, the
# first 办结 of a case): without these every report scans whole tables. They belong to the stats
# access path, so they are declared here, next to the rollup, rather than in the owners' models.
STATS_INDEXES = (
    Index("ix_queue_ticket_issued_at", QueueTicket.issued_at),
    Index("ix_case_record_received_at", Case.received_at),
    Index("ix_case_event_at", CaseEvent.at),
    Index("ix_evaluation_rated_at", Evaluation.rated_at),
)
