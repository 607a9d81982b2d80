"""Period statistics for the supervisor from plain rows: queue, cases, 好差评, pauses.

Every duration figure goes through `metrics.summarise_durations` (nearest-rank median and p90),
the same function the live queue figures use, so the page and the queue never disagree.
Rows are anything with the named attributes (a NamedTuple, a SQLAlchemy Core row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple, Protocol

from app.domain.metrics import DurationSummary, queue_figures, summarise_durations

FINISHED, NO_SHOW = "finished", "no_show"
DECISIONS = ("accept", "accept_with_deficiency", "request_supplement", "reject")


class TicketCount(Protocol):
    """Tickets issued in the period, counted per group; hours are station-local (0–23)."""

    category: str
    operator_id: str | None
    status: str
    issue_hour: int
    done_hour: int | None  # hour the ticket finished (served tickets only)
    n: int


class TicketDurations(Protocol):
    """One served ticket's stored durations in seconds."""

    category: str
    operator_id: str | None
    wait_s: float | None
    walk_up_s: float | None
    service_s: float | None


class CaseCount(Protocol):
    """Cases per item code with one value of `key` (a decision, "received" or "commitment")."""

    item_code: str
    key: str
    n: int


class Timeliness(Protocol):
    """Cases first finished in the period, counted per (due date, local finish day)."""

    due_date: date | None
    finished_on: date
    n: int


class OpenCase(Protocol):
    """A case with a due date before the period's end and not finished by then."""

    number: str
    item_code: str
    due_date: date


class PauseEvent(Protocol):
    """An operator pause or resume event (queue_figures reads these fields)."""

    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


class RatingCount(Protocol):
    """Ratings given in the period per grade and default flag."""

    level: int | None
    is_default: bool
    n: int


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


class OverdueCase(NamedTuple):
    """A case past its due date and not finished by the period's end (a tuple: a year can list tens of
    thousands, and a frozen dataclass costs several times more to build)."""

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


class _Counts:
    """Mutable issued/served/no-show counter for one group."""

    __slots__ = ("issued", "served", "no_show")

    def __init__(self) -> None:
        self.issued = self.served = self.no_show = 0

    def add(self, status: str, n: int) -> None:
        self.issued += n
        self.served += n if status == FINISHED else 0
        self.no_show += n if status == NO_SHOW else 0


def _bump(d: dict, key: object, n: int) -> None:
    d[key] = d.get(key, 0) + n


def _count_tickets(counts: Iterable[TicketCount]) -> tuple[_Counts, dict, dict, dict, dict]:
    """Totals, per category, per operator, issued per hour, served per hour."""
    total, cats, ops = _Counts(), {}, {}
    issued_h: dict[int, int] = {}
    served_h: dict[int, int] = {}
    for c in counts:
        total.add(c.status, c.n)
        cats.setdefault(c.category, _Counts()).add(c.status, c.n)
        if c.operator_id:  # a ticket never called belongs to no operator
            ops.setdefault(c.operator_id, _Counts()).add(c.status, c.n)
        _bump(issued_h, c.issue_hour, c.n)
        if c.status == FINISHED and c.done_hour is not None:
            _bump(served_h, c.done_hour, c.n)
    return total, cats, ops, issued_h, served_h


def _split_durations(rows: Iterable[TicketDurations]) -> tuple[dict, dict, list[float]]:
    """Wait and service values per category and per operator, and all walk-ups (one lean pass)."""
    by_cat: dict[str, tuple[list[float], list[float]]] = {}
    by_op: dict[str, tuple[list[float], list[float]]] = {}
    walk_ups: list[float] = []
    for cat, op, wait, walk, service in rows:  # plain tuples: attribute access costs a year's budget
        cw, cs = by_cat.get(cat) or by_cat.setdefault(cat, ([], []))
        ow, os_ = by_op.get(op) or by_op.setdefault(op, ([], []))
        if wait is not None:
            cw.append(wait)
            ow.append(wait)
        if service is not None:
            cs.append(service)
            os_.append(service)
        if walk is not None:
            walk_ups.append(walk)
    return by_cat, by_op, walk_ups


def _groups(counts: dict[str, _Counts], values: dict) -> tuple[GroupFigures, ...]:
    out = []
    for key in sorted(set(counts) | {k for k in values if k}):
        c = counts.get(key, _Counts())
        waits, services = values.get(key, ((), ()))
        out.append(GroupFigures(key, c.issued, c.served, c.no_show,
                                summarise_durations(waits), summarise_durations(services)))
    return tuple(out)


def ticket_stats(counts: Iterable[TicketCount], durations: Iterable[TicketDurations]) -> dict[str, object]:
    """Queue figures of a period from grouped counts and the served tickets' durations.

    `durations` rows are (category, operator_id, wait_s, walk_up_s, service_s) in that order.
    """
    total, cats, ops, issued_h, served_h = _count_tickets(counts)
    by_cat, by_op, walk_ups = _split_durations(durations)
    waits = [w for cw, _ in by_cat.values() for w in cw]
    services = [v for _, cs in by_cat.values() for v in cs]
    return {
        "issued": total.issued, "served": total.served, "no_show": total.no_show,
        "wait": summarise_durations(waits), "service": summarise_durations(services),
        "walk_up": summarise_durations(walk_ups),
        "issued_per_hour": dict(sorted(issued_h.items())), "served_per_hour": dict(sorted(served_h.items())),
        "by_category": _groups(cats, by_cat), "by_operator": _groups(ops, by_op),
    }


def _merged(parts: Iterable[list[float]]) -> list[float]:
    """One sorted list from sorted parts (timsort merges the runs instead of sorting from scratch)."""
    out: list[float] = []
    for part in parts:
        out += part
    out.sort()
    return out


def _merge_by(ordered: Mapping[tuple[str, str | None], tuple[list[float], list[float]]],
              index: int) -> dict:
    """Sorted (waits, services) per category (index 0) or operator (index 1)."""
    keys: dict = {}
    for key in ordered:
        keys.setdefault(key[index], []).append(ordered[key])
    return {k: (_merged(w for w, _ in v), _merged(s for _, s in v)) for k, v in keys.items()}


def ticket_stats_from_parts(
    groups: Mapping[tuple[str, str | None, str], int],
    issued_per_hour: Mapping[int, int],
    served_per_hour: Mapping[int, int],
    samples: Mapping[tuple[str, str | None], tuple[Iterable[float], Iterable[float]]],
    walk_ups: Iterable[float],
) -> dict[str, object]:
    """The figures of `ticket_stats` from counts per (category, operator, status), per-hour counts and the
    wait/service values per (category, operator): what per-day rollups add up to.

    Sorting per (category, operator) first and merging the sorted groups upwards keeps a year cheap.
    """
    total, cats, ops = _Counts(), {}, {}
    for (cat, op, status), n in groups.items():
        total.add(status, n)
        cats.setdefault(cat, _Counts()).add(status, n)
        if op:  # a ticket never called belongs to no operator
            ops.setdefault(op, _Counts()).add(status, n)
    ordered = {key: (sorted(w), sorted(s)) for key, (w, s) in samples.items()}
    by_cat, by_op = _merge_by(ordered, 0), _merge_by(ordered, 1)
    return {
        "issued": total.issued, "served": total.served, "no_show": total.no_show,
        "wait": summarise_durations(_merged(w for w, _ in by_cat.values())),
        "service": summarise_durations(_merged(s for _, s in by_cat.values())),
        "walk_up": summarise_durations(walk_ups),
        "issued_per_hour": dict(sorted(issued_per_hour.items())),
        "served_per_hour": dict(sorted(served_per_hour.items())),
        "by_category": _groups(cats, by_cat), "by_operator": _groups(ops, by_op),
    }


_CASE_FIELDS = {"received": "received", "accept": "accepted", "accept_with_deficiency": "deficiency",
                "request_supplement": "supplement", "reject": "rejected", "commitment": "commitment"}


def _case_counts(rows: Iterable[CaseCount]) -> tuple[CaseCounts, dict[str, CaseCounts]]:
    """Totals and per-item counts; 受理 includes 容缺受理."""
    per_item: dict[str, dict[str, int]] = {}
    for r in rows:
        name = _CASE_FIELDS.get(r.key)
        if name is None:
            continue
        item = per_item.setdefault(r.item_code, dict.fromkeys(_CASE_FIELDS.values(), 0))
        item[name] += r.n
        if r.key == "accept_with_deficiency":
            item["accepted"] += r.n
    by_item = {code: CaseCounts(**v) for code, v in sorted(per_item.items())}
    total = {f: sum(getattr(c, f) for c in by_item.values()) for f in _CASE_FIELDS.values()}
    return CaseCounts(**total), by_item


def case_stats(counts: Iterable[CaseCount], timeliness: Iterable[Timeliness], open_cases: Iterable[OpenCase],
               *, last_day: date) -> dict[str, object]:
    """Decision counts (total and per item), on-time rate and the overdue list as of `last_day`."""
    total, by_item = _case_counts(counts)
    finished = on_time = 0
    for t in timeliness:
        finished += t.n
        on_time += t.n if t.due_date is None or t.finished_on <= t.due_date else 0
    overdue = sorted((OverdueCase(c.number, c.item_code, c.due_date, (last_day - c.due_date).days)
                      for c in open_cases if c.due_date < last_day), key=lambda o: (o.due_date, o.number))
    return {
        "cases": total, "by_item": by_item, "finished": finished, "on_time": on_time,
        "on_time_rate": on_time / finished if finished else None, "overdue": tuple(overdue),
    }


def rating_stats(counts: Iterable[RatingCount], bad_indicators: Iterable[Iterable[str] | None] = ()) -> RatingFigures:
    """Distribution of real ratings 5…1, defaults counted apart, 差评 rate and the reasons given."""
    by_level = dict.fromkeys(range(5, 0, -1), 0)
    defaults = 0
    for r in counts:
        if r.level is None:
            continue  # still pending on the customer screen
        if r.is_default:
            defaults += r.n
        else:
            by_level[r.level] = by_level.get(r.level, 0) + r.n
    by_indicator: dict[str, int] = {}
    for codes in bad_indicators:
        for code in codes or ():
            _bump(by_indicator, code, 1)
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
    tickets: Mapping[str, object] | None = None,
    cases: Mapping[str, object] | None = None,
    ratings: RatingFigures | None = None,
    pauses: Mapping[str, object] | None = None,
) -> PeriodStats:
    """One period's figures from the parts above (`ticket_stats`, `case_stats`, `rating_stats`, `pause_stats`)."""
    if last_day < first_day:
        raise ValueError("last_day before first_day")
    parts = {**(tickets or {}), **(cases or {}), **(pauses or {})}
    return PeriodStats(first_day, last_day, ratings=ratings or RatingFigures(), **parts)  # type: ignore[arg-type]


__all__ = [
    "CaseCount",
    "CaseCounts",
    "GroupFigures",
    "OpenCase",
    "OverdueCase",
    "PauseEvent",
    "PeriodStats",
    "RatingCount",
    "RatingFigures",
    "TicketCount",
    "TicketDurations",
    "Timeliness",
    "case_stats",
    "pause_stats",
    "period_stats",
    "rating_stats",
    "ticket_stats",
    "ticket_stats_from_parts",
]
