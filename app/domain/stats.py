"""Period statistics for the supervisor from plain rows: queue, cases, 好差评, pauses.

Every duration figure goes through `metrics.summarise_durations` (nearest-rank median and p90),
the same function the live queue figures use, so the page and the queue never disagree.
Rows are anything with the named attributes (a NamedTuple, a SQLAlchemy Core row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from app.domain.metrics import DurationSummary, queue_figures, summarise_durations

FINISHED, NO_SHOW = "finished", "no_show"
DECISIONS = ("accept", "accept_with_deficiency", "request_supplement", "reject")


class TicketRecord(Protocol):
    """One queue ticket issued in the period; hours are station-local (0–23)."""

    category: str
    operator_id: str | None
    status: str
    issue_hour: int
    done_hour: int | None
    wait_s: float | None
    walk_up_s: float | None
    service_s: float | None


class CaseRecord(Protocol):
    """One case received in the period with its first window decision and its finish day."""

    number: str
    item_code: str
    decision: str | None
    commitment: bool
    due_date: date | None
    finished_on: date | None


class RatingRecord(Protocol):
    """One rating given in the period (who gave it is never part of a statistics row)."""

    level: int | None
    is_default: bool
    indicators: list[str] | None


class PauseEvent(Protocol):
    """An operator pause or resume event (queue_figures reads these fields)."""

    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


@dataclass(frozen=True)
class GroupFigures:
    """Queue figures for one category or operator."""

    key: str
    issued: int = 0
    served: int = 0
    no_show: int = 0
    wait: DurationSummary = DurationSummary()
    service: DurationSummary = DurationSummary()


@dataclass(frozen=True)
class CaseCounts:
    """Window decisions on cases received in the period."""

    received: int = 0
    accepted: int = 0  # 受理 (incl. 容缺)
    deficiency: int = 0  # 容缺受理
    supplement: int = 0  # 补正
    rejected: int = 0  # 不予受理
    commitment: int = 0  # 告知承诺


@dataclass(frozen=True)
class OverdueCase:
    """A case past its due date and not finished by the period's end."""

    number: str
    item_code: str
    due_date: date
    days_over: int


@dataclass(frozen=True)
class RatingFigures:
    """好差评 distribution by grade (real ratings only), defaults apart, 差评 rate over real ratings."""

    by_level: Mapping[int, int] = field(default_factory=lambda: dict.fromkeys(range(5, 0, -1), 0))
    rated: int = 0
    defaults: int = 0
    bad: int = 0
    bad_rate: float | None = None
    by_indicator: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PeriodStats:
    """Everything the statistics page, the exports and the PDF report show for one period."""

    first_day: date
    last_day: date
    issued: int = 0
    served: int = 0
    no_show: int = 0
    wait: DurationSummary = DurationSummary()
    walk_up: DurationSummary = DurationSummary()
    service: DurationSummary = DurationSummary()
    served_per_hour: Mapping[int, int] = field(default_factory=dict)
    issued_per_hour: Mapping[int, int] = field(default_factory=dict)
    by_category: tuple[GroupFigures, ...] = ()
    by_operator: tuple[GroupFigures, ...] = ()
    by_item: Mapping[str, CaseCounts] = field(default_factory=dict)
    cases: CaseCounts = CaseCounts()
    finished: int = 0
    on_time: int = 0
    on_time_rate: float | None = None
    overdue: tuple[OverdueCase, ...] = ()
    ratings: RatingFigures = RatingFigures()
    pause_total: float = 0.0
    pause_by_operator: Mapping[str, float] = field(default_factory=dict)

    @property
    def no_show_rate(self) -> float | None:
        """No-shows over tickets that ended served or no-show."""
        ended = self.served + self.no_show
        return self.no_show / ended if ended else None

    @property
    def hours(self) -> tuple[int, ...]:
        """Hours with any ticket issued or served, in order (the chart's x axis)."""
        return tuple(sorted(set(self.served_per_hour) | set(self.issued_per_hour)))


class _Group:
    """Mutable accumulator for one group of tickets."""

    __slots__ = ("issued", "served", "no_show", "waits", "services")

    def __init__(self) -> None:
        self.issued = self.served = self.no_show = 0
        self.waits: list[float] = []
        self.services: list[float] = []

    def add(self, status: str, wait: float | None, service: float | None) -> None:
        self.issued += 1
        if status == FINISHED:
            self.served += 1
            if wait is not None:
                self.waits.append(wait)
            if service is not None:
                self.services.append(service)
        elif status == NO_SHOW:
            self.no_show += 1

    def figures(self, key: str) -> GroupFigures:
        return GroupFigures(key, self.issued, self.served, self.no_show,
                            summarise_durations(self.waits), summarise_durations(self.services))


def _groups(groups: dict[str, _Group]) -> tuple[GroupFigures, ...]:
    return tuple(g.figures(k) for k, g in sorted(groups.items()))


def ticket_stats(tickets: Iterable[TicketRecord]) -> dict[str, object]:
    """Queue figures for the tickets issued in a period (keyword arguments for PeriodStats)."""
    total = _Group()
    walk_ups: list[float] = []
    issued_h: dict[int, int] = {}
    served_h: dict[int, int] = {}
    cats: dict[str, _Group] = {}
    ops: dict[str, _Group] = {}
    for t in tickets:
        status, wait, service = t.status, t.wait_s, t.service_s
        total.add(status, wait, service)
        cats.setdefault(t.category, _Group()).add(status, wait, service)
        if t.operator_id:  # a ticket never called belongs to no operator
            ops.setdefault(t.operator_id, _Group()).add(status, wait, service)
        issued_h[t.issue_hour] = issued_h.get(t.issue_hour, 0) + 1
        if status == FINISHED:
            if t.walk_up_s is not None:
                walk_ups.append(t.walk_up_s)
            if t.done_hour is not None:
                served_h[t.done_hour] = served_h.get(t.done_hour, 0) + 1
    return {
        "issued": total.issued, "served": total.served, "no_show": total.no_show,
        "wait": summarise_durations(total.waits), "service": summarise_durations(total.services),
        "walk_up": summarise_durations(walk_ups),
        "issued_per_hour": dict(sorted(issued_h.items())), "served_per_hour": dict(sorted(served_h.items())),
        "by_category": _groups(cats), "by_operator": _groups(ops),
    }


def _count(counts: CaseCounts, decision: str | None, commitment: bool) -> CaseCounts:
    """One more case in `counts`."""
    accepted = decision in ("accept", "accept_with_deficiency")
    return CaseCounts(
        counts.received + 1,
        counts.accepted + accepted,
        counts.deficiency + (decision == "accept_with_deficiency"),
        counts.supplement + (decision == "request_supplement"),
        counts.rejected + (decision == "reject"),
        counts.commitment + bool(commitment),
    )


def case_stats(cases: Iterable[CaseRecord], *, last_day: date) -> dict[str, object]:
    """Decision counts (total and per item), on-time rate and the overdue list as of `last_day`."""
    total = CaseCounts()
    by_item: dict[str, CaseCounts] = {}
    finished = on_time = 0
    overdue: list[OverdueCase] = []
    for c in cases:
        total = _count(total, c.decision, c.commitment)
        by_item[c.item_code] = _count(by_item.get(c.item_code, CaseCounts()), c.decision, c.commitment)
        due, done = c.due_date, c.finished_on
        if done is not None and done <= last_day:
            finished += 1
            on_time += due is None or done <= due
        elif due is not None and due < last_day:
            overdue.append(OverdueCase(c.number, c.item_code, due, (last_day - due).days))
    overdue.sort(key=lambda o: (o.due_date, o.number))
    return {
        "cases": total, "by_item": dict(sorted(by_item.items())), "finished": finished, "on_time": on_time,
        "on_time_rate": on_time / finished if finished else None, "overdue": tuple(overdue),
    }


def rating_stats(ratings: Iterable[RatingRecord]) -> RatingFigures:
    """Distribution of real ratings 5…1, defaults counted apart, 差评 rate and reasons."""
    by_level = dict.fromkeys(range(5, 0, -1), 0)
    by_indicator: dict[str, int] = {}
    defaults = 0
    for r in ratings:
        if r.level is None:
            continue  # still pending on the customer screen
        if r.is_default:
            defaults += 1
            continue
        by_level[r.level] = by_level.get(r.level, 0) + 1
        for code in r.indicators or ():
            by_indicator[code] = by_indicator.get(code, 0) + 1
    rated = sum(by_level.values())
    bad = by_level[1] + by_level[2]
    return RatingFigures(by_level, rated, defaults, bad, bad / rated if rated else None,
                         dict(sorted(by_indicator.items())))


def pause_stats(events: Iterable[PauseEvent], *, start: datetime, end: datetime) -> dict[str, object]:
    """Operator pause seconds in [start, end), by the live queue's own rules (metrics.queue_figures)."""
    figures = queue_figures(events, now=end, day_start_utc=start)
    return {"pause_total": figures.pause_total, "pause_by_operator": dict(figures.pause_by_operator)}


def period_stats(
    first_day: date,
    last_day: date,
    *,
    tickets: Iterable[TicketRecord] = (),
    cases: Iterable[CaseRecord] = (),
    ratings: Iterable[RatingRecord] = (),
    pauses: Mapping[str, object] | None = None,
) -> PeriodStats:
    """All figures of a period; `pauses` is `pause_stats(...)` (computed by the caller, who has the times)."""
    if last_day < first_day:
        raise ValueError("last_day before first_day")
    return PeriodStats(
        first_day, last_day, **ticket_stats(tickets), **case_stats(cases, last_day=last_day),  # type: ignore[arg-type]
        ratings=rating_stats(ratings), **(pauses or {}),  # type: ignore[arg-type]
    )


__all__ = [
    "CaseCounts",
    "CaseRecord",
    "GroupFigures",
    "OverdueCase",
    "PauseEvent",
    "PeriodStats",
    "RatingFigures",
    "RatingRecord",
    "TicketRecord",
    "case_stats",
    "pause_stats",
    "period_stats",
    "rating_stats",
    "ticket_stats",
]
