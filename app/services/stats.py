"""Statistics for a period in the station's time zone: loads plain columns with Core, figures come from the domain.

No ORM objects are built: a year is 300k tickets and 100k cases, and the budget is 300 ms.
Local hours and days are computed by SQLite from the stored UTC with the station's offset at the
period start (China has no daylight saving, so one offset holds for the whole period).
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import case, distinct, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.db.models import (
    Case,
    CaseEvent,
    Commitment,
    Evaluation,
    Operator,
    QueueCategory,
    QueueEvent,
    QueueTicket,
    ServiceItemRow,
)
from app.db.session import Database
from app.domain.stats import (
    DECISIONS,
    PeriodStats,
    RatingFigures,
    case_stats,
    pause_stats,
    period_stats,
    rating_stats,
    ticket_stats,
    ticket_stats_from_parts,
)
from app.services.clock import Clock, day_bounds_utc, local_day
from app.services.errors import ServiceError
from app.services.stats_rollup import (
    FINISHED_STATUSES,
    Facts,
    closed_facts,
    collect,
    derived,
    raw,
    served_by,
    utc_offset,
)
from app.services.stats_rollup import Span as _Span

# A case is 办结 (finished, for the on-time rate) when it first reaches one of FINISHED_STATUSES.
# Cases that ended without a result (rejected, withdrawn, voided) can never be overdue.
CLOSED_WITHOUT_RESULT = ("closed",)
_PAUSE_LOOKBACK = timedelta(days=1)  # a pause begun before the period still counts inside it


class PeriodKind(StrEnum):
    """How the page picks a period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"


def period_bounds(kind: PeriodKind, day: date, last: date | None = None) -> tuple[date, date]:
    """First and last local day of the day, Monday-to-Sunday week or month holding `day` (or a range)."""
    if kind is PeriodKind.DAY:
        return day, day
    if kind is PeriodKind.WEEK:
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if kind is PeriodKind.MONTH:
        return day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1])
    if last is None or last < day:
        raise ServiceError("请选择起止日期，结束日期不能早于开始日期。", code="range")
    if (last - day).days > 366 * 2:
        raise ServiceError("统计范围最长两年。请缩短日期范围。", code="range_too_long")
    return day, last


@dataclass(frozen=True)
class StatsReport:
    """A period's figures plus the names the screen and exports show instead of ids."""

    stats: PeriodStats
    operator_names: dict[str, str]
    item_names: dict[str, str]
    generated_at: datetime
    category_names: dict[str, str] = field(default_factory=dict)

    def operator(self, op_id: str) -> str:
        """Display name of an operator id (the id itself when unknown)."""
        return self.operator_names.get(op_id, op_id)

    def item(self, code: str) -> str:
        """Name of an item code (the code itself when unknown)."""
        return self.item_names.get(code, code)


class StatsService:
    """Period statistics for supervisors and admins."""

    def __init__(self, db: Database, tz: ZoneInfo, clock: Clock) -> None:
        self._db = db
        self._tz = tz
        self._clock = clock

    def today(self) -> date:
        """The station-local day now."""
        return local_day(self._clock.now(), self._tz)

    def report(self, first_day: date, last_day: date, *, rollup: bool = True) -> StatsReport:
        """Figures for the local days first_day…last_day inclusive, in one transaction.

        Closed days (before today) come from the per-day rollup, built on first use (stats_rollup);
        today and later days are computed live. rollup=False computes everything from the source rows:
        the reference the rollup is tested against.
        """
        if last_day < first_day:
            raise ServiceError("结束日期不能早于开始日期。", code="range")
        start, _ = day_bounds_utc(first_day, self._tz)
        _, end = day_bounds_utc(last_day, self._tz)
        span = _Span(start, end, utc_offset(start, self._tz))
        now = self._clock.now()
        with self._db.session() as s:
            if rollup:
                tickets, counts, timely, ratings = self._rolled(s, first_day, last_day, span, now)
            else:
                tickets, counts, timely, ratings = _direct(s, span)
            cases = case_stats(counts, timely, _open_cases(s, span, last_day), last_day=last_day)
            pauses = _pauses(s, start, min(end, max(now, start)))
            ops = dict(s.execute(select(Operator.id, Operator.display_name)).all())
            items = dict(s.execute(select(ServiceItemRow.code, ServiceItemRow.name)).all())
            cats = {p: f"{p} {n}" for p, n in s.execute(select(QueueCategory.prefix, QueueCategory.name))}
        stats = period_stats(first_day, last_day, tickets=tickets, cases=cases, ratings=ratings, pauses=pauses)
        return StatsReport(stats, ops, items, now, cats)

    def _rolled(self, s: Session, first: date, last: date, span: _Span, now: datetime) -> _Parts:
        """Ticket figures, case and timeliness counts and ratings from closed-day rollups plus live days."""
        today = local_day(now, self._tz)
        facts = closed_facts(s, first, min(last, today - timedelta(days=1)), self._tz, now) if first < today \
            else Facts()
        if last >= today:
            live_start, _ = day_bounds_utc(max(first, today), self._tz)
            live = collect(s, _Span(live_start, span.end, span.offset), per_day=False).get("live")
            facts.add(live or Facts())
        tickets = ticket_stats_from_parts(facts.groups, facts.issued_h, facts.served_h, facts.samples,
                                          facts.walk_ups)
        counts = [_CaseRow(item, key, n) for (item, key), n in facts.cases.items()]
        timely = [_TimelyRow(due, done, n) for (due, done), n in facts.timely.items()]
        reasons = ([code] for code, n in facts.reasons.items() for _ in range(n))
        ratings = rating_stats([_RatingRow(lv, d, n) for (lv, d), n in facts.ratings.items()], reasons)
        return tickets, counts, timely, ratings


class _CaseRow(NamedTuple):
    item_code: str
    key: str
    n: int


class _TimelyRow(NamedTuple):
    due_date: date | None
    finished_on: date
    n: int


class _RatingRow(NamedTuple):
    level: int | None
    is_default: bool
    n: int


_Parts = tuple[dict[str, object], list[Any], list[Any], RatingFigures]


def _direct(s: Session, span: _Span) -> _Parts:
    """The same parts straight from the source rows of the whole period (no rollup)."""
    tickets = ticket_stats(_ticket_counts(s, span), _durations(s, span))
    return tickets, _case_counts(s, span), _timeliness(s, span), rating_stats(*_ratings(s, span))


def _ticket_counts(s: Session, span: _Span) -> list[Any]:
    """Tickets issued in the period, counted per category, operator, status and local hours."""
    t = QueueTicket
    issue_h = span.local_hour(t.issued_at).label("issue_hour")
    done_h = case((t.status == "finished", span.local_hour(t.updated_at))).label("done_hour")
    op = served_by()
    stmt = (select(t.category, op, t.status, issue_h, done_h, func.count().label("n"))
            .where(t.issued_at >= span.start, t.issued_at < span.end)
            .group_by(t.category, op, t.status, issue_h, done_h))
    return s.execute(stmt).all()


def _durations(s: Session, span: _Span) -> list[Any]:
    """(category, operator, wait, walk-up, service) of served tickets; derived from events where not stored."""
    t = QueueTicket
    base = (t.status == "finished", t.issued_at >= span.start, t.issued_at < span.end)
    rows = raw(s, select(t.category, served_by(), t.wait_s, t.walk_up_s, t.service_s)
                .where(*base, t.service_s.is_not(None)))
    missing = s.execute(select(t.id, t.category, served_by()).where(*base, t.service_s.is_(None))).all()
    return rows + derived(s, missing) if missing else rows


def _case_counts(s: Session, span: _Span) -> list[Any]:
    """Per item: cases received, window decisions made, and cases using 告知承诺, in the period."""
    c, e = Case, CaseEvent
    in_period = (c.received_at >= span.start, c.received_at < span.end)
    received = select(c.item_code, literal("received").label("key"), func.count().label("n")) \
        .where(*in_period).group_by(c.item_code)
    decisions = (select(c.item_code, e.action.label("key"), func.count().label("n"))
                 .join(c, c.id == e.case_id)
                 .where(e.action.in_(DECISIONS), e.at >= span.start, e.at < span.end)
                 .group_by(c.item_code, e.action))
    commitments = (select(c.item_code, literal("commitment").label("key"),
                          func.count(distinct(Commitment.case_id)).label("n"))
                   .join(c, c.id == Commitment.case_id).where(*in_period).group_by(c.item_code))
    return [*s.execute(received), *s.execute(decisions), *s.execute(commitments)]


def _first_finish() -> Any:
    """Each case's first 办结 instant (subquery)."""
    e = CaseEvent
    return (select(e.case_id, func.min(e.at).label("at"))
            .where(e.to_status.in_(FINISHED_STATUSES)).group_by(e.case_id).subquery())


def _timeliness(s: Session, span: _Span) -> list[Any]:
    """Cases first finished in the period, counted per (due date, local finish day)."""
    f = _first_finish()
    done = span.local_date(f.c.at).label("finished_on")
    stmt = (select(Case.due_date, done, func.count().label("n")).join(f, f.c.case_id == Case.id)
            .where(f.c.at >= span.start, f.c.at < span.end).group_by(Case.due_date, done))
    return s.execute(stmt).all()


def _open_cases(s: Session, span: _Span, last_day: date) -> list[Any]:
    """Cases due before the period's last day and not finished by its end (the overdue candidates)."""
    base = (select(Case.provisional_no.label("number"), Case.item_code, Case.due_date)
            .where(Case.due_date < last_day, Case.received_at < span.end,
                   Case.status.not_in(CLOSED_WITHOUT_RESULT)))
    # Two narrow index walks (still open; finished only after the period) instead of a scan of every case.
    stmt = union_all(base.where(Case.finished_at.is_(None)), base.where(Case.finished_at >= span.end))
    # A year can hold tens of thousands of these: plain driver rows, dates parsed once.
    return [_OpenRow(n, code, date.fromisoformat(due)) for n, code, due in raw(s, stmt)]


class _OpenRow(NamedTuple):
    number: str
    item_code: str
    due_date: date


def _ratings(s: Session, span: _Span) -> tuple[list[Any], list[Any]]:
    """Ratings per grade and default flag, and the reason codes of real 差评, in the period."""
    v = Evaluation
    when = (v.rated_at >= span.start, v.rated_at < span.end)
    counts = s.execute(select(v.level, v.is_default, func.count().label("n")).where(*when)
                       .group_by(v.level, v.is_default)).all()
    reasons = s.execute(select(v.indicators).where(*when, v.level <= 2, v.is_default.is_(False))).scalars().all()
    return counts, reasons


def _pauses(s: Session, start: datetime, end: datetime) -> dict[str, object]:
    """Operator pause seconds inside [start, end), by metrics' own pause rules."""
    e = QueueEvent
    stmt = (select(e.ticket_id, e.action, e.at, e.category, e.operator_id)
            .where(e.action.in_(("pause", "resume")), e.at >= start - _PAUSE_LOOKBACK, e.at < end)
            .order_by(e.at, e.seq))
    return pause_stats(s.execute(stmt).all(), start=start, end=end)
