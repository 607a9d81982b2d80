"""好差评 ratings and the follow-up tickets a 差评 opens."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id


class Evaluation(Base):
    """A rating 1–5 for one service; who gave it is encrypted and never shown to staff."""

    __tablename__ = "evaluation"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    ticket_id: Mapped[str | None] = mapped_column(String(36), index=True)
    service_number: Mapped[int] = mapped_column(default=1)
    channel: Mapped[str] = mapped_column(String(20))
    level: Mapped[int | None]  # None while pending on the customer screen
    indicators: Mapped[list[Any]] = mapped_column(default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluator_enc: Mapped[str | None] = mapped_column(Text)
    operator_id: Mapped[str | None] = mapped_column(String(36))
    is_default: Mapped[bool] = mapped_column(default=False)
    requested_at: Mapped[datetime]
    rated_at: Mapped[datetime | None]


class BadReviewTicket(Base):
    """Follow-up of a 差评: assignment, call-back, rectification or appeal, within a deadline."""

    __tablename__ = "bad_review_ticket"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluation.id"), unique=True)
    opened_at: Mapped[datetime]
    due_date: Mapped[date]
    assignee_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(20), default="open")
    callback_at: Mapped[datetime | None]
    callback_note: Mapped[str] = mapped_column(Text, default="")
    rectification: Mapped[str] = mapped_column(Text, default="")
    appeal_status: Mapped[str] = mapped_column(String(20), default="none")
    appeal_outcome: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None]
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
