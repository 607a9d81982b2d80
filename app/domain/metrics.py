"""Queue figures derived from the QueueEvent log only: counts, waits, service times, pauses.

Percentiles here are nearest-rank everywhere: the q-th percentile of n sorted values is the
value at rank ceil(q/100 * n) (rank 1 for q = 0), so every figure is a duration that really
happened, and a hand check needs no interpolation. The median is the 50th percentile by the same
rule (the lower middle value when n is even).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter
from typing import Protocol


class EventRecord(Protocol):
    """What `queue_figures` reads from an event row (a QueueEvent or a DB row both fit)."""

    ticket_id: str | None
    action: str
    at: datetime
    category: str | None
    operator_id: str | None


@dataclass(frozen=True)
class DurationSummary:
    """Count, median, 90th percentile and maximum of durations in seconds (None when empty)."""

    count: int = 0
    median: float | None = None
    p90: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class QueueFigures:
    """Live or period queue figures; durations are seconds."""

    waiting_by_category: Mapping[str, int] = field(default_factory=dict)
    longest_wait: float | None = None
    served: int = 0
    wait: DurationSummary = DurationSummary()
    service: DurationSummary = DurationSummary()
    walk_up: DurationSummary = DurationSummary()
    no_shows: int = 0
    no_show_rate: float | None = None
    pause_total: float = 0.0
    pause_by_operator: Mapping[str, float] = field(default_factory=dict)
    recalls: int = 0

    @property
    def waiting(self) -> int:
        """Tickets waiting in all categories."""
        return sum(self.waiting_by_category.values())


def percentile(values: Iterable[float], q: float) -> float | None:
    """Nearest-rank q-th percentile (0 ≤ q ≤ 100) of `values`; None for no values."""
    return _nearest_rank(sorted(values), q)


def _nearest_rank(ordered: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile of already sorted values."""
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    if not ordered:
        return None
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise_durations(values: Iterable[float]) -> DurationSummary:
    """Count, nearest-rank median and p90, and maximum of `values` (one sort)."""
    ordered = sorted(values)
    if not ordered:
        return DurationSummary()
    return DurationSummary(len(ordered), _nearest_rank(ordered, 50), _nearest_rank(ordered, 90), ordered[-1])


# ---- The single pass

# Per-ticket record slots (a list, because a small mutable list is the cheapest per-ticket state).
_ST, _CAT, _ISSUED, _CALLED, _SERVING, _SERVED, _WAITED, _ENDED = range(8)
# Ticket states as the tally tracks them (only what the figures need).
_WAITING, _AT_WINDOW, _FINISHED, _NO_SHOW, _GONE = range(5)


class _Tally:
    """Mutable accumulator for one pass over the events."""

    __slots__ = ("day_start", "tickets", "waits", "services", "walk_ups", "recalls", "paused", "pauses")

    def __init__(self, day_start: datetime) -> None:
        self.day_start = day_start
        self.tickets: dict[str, list] = {}
        self.waits: list[float] = []
        self.services: list[float] = []
        self.walk_ups: list[float] = []
        self.recalls = 0
        self.paused: dict[str, datetime] = {}
        self.pauses: dict[str, float] = {}

    def ticket(self, tid: str, cat: str | None) -> list:
        """The ticket's record; one first seen mid-life (issued before the log starts) gets no issue time."""
        rec = self.tickets.get(tid)
        if rec is None:
            rec = self.tickets[tid] = [_WAITING, cat, None, None, None, 0.0, False, None]
        return rec


def _on_issue(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    t.tickets[tid] = [_WAITING, cat, at, None, None, 0.0, False, None]


def _on_call(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    # Wait is issue → FIRST call: a later call after no-show or transfer is not new waiting.
    if not rec[_WAITED]:
        rec[_WAITED] = True
        if rec[_ISSUED] is not None and at >= t.day_start:
            t.waits.append((at - rec[_ISSUED]).total_seconds())
    rec[_ST], rec[_CALLED] = _AT_WINDOW, at


def _on_call_back(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    rec[_ST], rec[_CALLED] = _AT_WINDOW, at


def _on_recall(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    # Walk-up still runs from the original call: a recall means the applicant has not come yet.
    if at >= t.day_start:
        t.recalls += 1


def _on_start(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    if rec[_CALLED] is not None and at >= t.day_start:
        t.walk_ups.append((at - rec[_CALLED]).total_seconds())
    rec[_ST], rec[_CALLED], rec[_SERVING] = _AT_WINDOW, None, at


def _close_serving(rec: list, at: datetime) -> None:
    """Add the open serving interval, if any, to the ticket's service time."""
    if rec[_SERVING] is not None:
        rec[_SERVED] += (at - rec[_SERVING]).total_seconds()
        rec[_SERVING] = None


def _on_finish(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    _close_serving(rec, at)
    rec[_ST], rec[_ENDED] = _FINISHED, at
    if at >= t.day_start:
        t.services.append(rec[_SERVED])


def _on_hold(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    _close_serving(rec, at)
    rec[_ST], rec[_CALLED] = _AT_WINDOW, None


def _on_requeue(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    """Transfer or reactivate: back to waiting, in the event's (new) category."""
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    _close_serving(rec, at)
    rec[_ST], rec[_CALLED], rec[_CAT] = _WAITING, None, cat or rec[_CAT]


def _on_no_show(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    rec[_ST], rec[_CALLED], rec[_ENDED] = _NO_SHOW, None, at


def _on_cancel(t: _Tally, tid: str, at: datetime, cat: str | None, op: str | None) -> None:
    rec = t.tickets.get(tid) or t.ticket(tid, cat)
    _close_serving(rec, at)
    rec[_ST], rec[_CALLED] = _GONE, None


def _on_pause(t: _Tally, tid: str | None, at: datetime, cat: str | None, op: str | None) -> None:
    t.paused.setdefault(op or "", at)


def _on_resume(t: _Tally, tid: str | None, at: datetime, cat: str | None, op: str | None) -> None:
    since = t.paused.pop(op or "", None)
    if since is not None:
        _add_pause(t, op or "", since, at)


def _add_pause(t: _Tally, op: str, since: datetime, until: datetime) -> None:
    """Count the part of a pause after day start."""
    since = max(since, t.day_start)
    if until > since:
        t.pauses[op] = t.pauses.get(op, 0.0) + (until - since).total_seconds()


_Handler = Callable[[_Tally, str, datetime, "str | None", "str | None"], None]
_BY_NAME: dict[str, _Handler] = {
    "issue": _on_issue,
    "call": _on_call,
    "call_specific": _on_call,
    "call_back": _on_call_back,
    "recall": _on_recall,
    "start_serving": _on_start,
    "finish": _on_finish,
    "hold": _on_hold,
    "transfer": _on_requeue,
    "reactivate": _on_requeue,
    "no_show": _on_no_show,
    "cancel": _on_cancel,
    "pause": _on_pause,
    "resume": _on_resume,
}


# QueueAction / OperatorAction hash like their values, so string keys serve both enums and DB rows.
_HANDLERS = _BY_NAME
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FIELDS = attrgetter("ticket_id", "action", "at", "category", "operator_id")


def queue_figures(events: Iterable[EventRecord], *, now: datetime, day_start_utc: datetime) -> QueueFigures:
    """Figures from `events` in time order (as stored), in one linear pass.

    Events before `day_start_utc` only rebuild ticket state; waits, walk-ups and service times
    are counted when they end at or after it, and pauses are clipped to it. A pause still open
    counts up to `now`. `now` and every `at` must be timezone-aware. Unknown actions are ignored.
    """
    tally = _Tally(day_start_utc)
    handlers = _HANDLERS
    for tid, action, at, cat, op in map(_FIELDS, events):
        handler = handlers.get(action)
        if handler is not None:
            handler(tally, tid, at, cat, op)
    for op, since in tally.paused.items():
        _add_pause(tally, op, since, now)
    return _figures(tally, now)


@dataclass(frozen=True)
class TicketDurations:
    """One ticket's derived durations in seconds (None when the step never happened)."""

    wait: float | None
    walk_ups: tuple[float, ...]
    service: float | None


def ticket_durations(events: Iterable[EventRecord]) -> TicketDurations:
    """Durations of ONE ticket from its events in time order, by the same rules as queue_figures.

    Services can store these on the ticket when it finishes, so statistics over long periods
    summarise stored columns instead of replaying every event.
    """
    tally = _Tally(_EPOCH)
    for tid, action, at, cat, op in map(_FIELDS, events):
        handler = _HANDLERS.get(action)
        if handler is not None:
            handler(tally, tid, at, cat, op)
    return TicketDurations(
        tally.waits[0] if tally.waits else None,
        tuple(tally.walk_ups),
        tally.services[-1] if tally.services else None,
    )


def _figures(t: _Tally, now: datetime) -> QueueFigures:
    """Turn the tally into figures (one pass over the tickets)."""
    waiting: dict[str, int] = {}
    oldest: datetime | None = None
    served = no_shows = 0
    for rec in t.tickets.values():
        state = rec[_ST]
        if state == _WAITING:
            waiting[rec[_CAT] or ""] = waiting.get(rec[_CAT] or "", 0) + 1
            if rec[_ISSUED] is not None and (oldest is None or rec[_ISSUED] < oldest):
                oldest = rec[_ISSUED]
        elif rec[_ENDED] is not None and rec[_ENDED] >= t.day_start:
            served += state == _FINISHED
            no_shows += state == _NO_SHOW
    outcomes = served + no_shows
    return QueueFigures(
        waiting_by_category=waiting,
        longest_wait=None if oldest is None else max(0.0, (now - oldest).total_seconds()),
        served=served,
        wait=summarise_durations(t.waits),
        service=summarise_durations(t.services),
        walk_up=summarise_durations(t.walk_ups),
        no_shows=no_shows,
        no_show_rate=no_shows / outcomes if outcomes else None,
        pause_total=sum(t.pauses.values()),
        pause_by_operator=dict(t.pauses),
        recalls=t.recalls,
    )


__all__ = [
    "DurationSummary",
    "EventRecord",
    "QueueFigures",
    "percentile",
    "queue_figures",
    "summarise_durations",
    "ticket_durations",
    "TicketDurations",
]
