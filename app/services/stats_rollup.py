"""Per-day statistics rollup: what each closed station-local day adds to a period, built lazily, kept exact.

A period's figures are sums of counts and nearest-rank percentiles over duration values, so a closed day
(before today) is stored once as its counts plus its sorted wait/service values per (category, operator)
and its walk-ups (packed doubles: the stored durations are fractional seconds, so only the values
themselves give exact percentiles). Days from today on are computed live by the same queries.

Invalidation: SQLite triggers on every source table (queue tickets and events, cases, case events,
commitments, evaluations) delete the stats_day row of each local day a written row touches, whatever
writes it (queue, intake, sync pull, a late correction). A stats_day row that exists is therefore
always current. The triggers are (re)created with the first rollup, carrying the station's UTC offset;
rows cut with another offset are ignored and rebuilt.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Integer, distinct, exists, func, insert, literal, select, text, type_coerce
from sqlalchemy.orm import Session, aliased

from app.db.models import Case, CaseEvent, Commitment, Evaluation, QueueEvent, QueueTicket, StatsDay
from app.domain.cases import FINISHED_STATUSES as CASE_FINISHED
from app.domain.clock import day_bounds_utc
from app.domain.metrics import ticket_durations
from app.domain.stats import DECISIONS

FINISHED_STATUSES = tuple(sorted(str(st) for st in CASE_FINISHED))
SampleKey = tuple[str, "str | None"]


@dataclass(frozen=True)
class Span:
    """UTC bounds of a run of local days and the station's UTC offset in minutes."""

    start: datetime
    end: datetime
    offset: int

    def local_hour(self, column: Any) -> Any:
        """SQL for the station-local hour of a stored UTC timestamp (text 'YYYY-MM-DD HH:MM:SS…')."""
        if self.offset % 60 == 0:  # whole hours: cheap integer arithmetic instead of strftime
            return (func.cast(func.substr(column, 12, 2), Integer) + 24 + self.offset // 60) % 24
        return type_coerce(func.strftime("%H", column, f"{self.offset:+d} minutes"), Integer)

    def local_day(self, column: Any) -> Any:
        """SQL for the station-local day of a stored UTC timestamp as text 'YYYY-MM-DD'."""
        return func.date(column, f"{self.offset:+d} minutes")

    def local_date(self, column: Any) -> Any:
        """SQL for the station-local date of a stored UTC timestamp, read back as a date."""
        return type_coerce(self.local_day(column), Date)


@dataclass
class Facts:
    """What a run of days contributes: counts and duration values, ready to add up."""

    groups: Counter = field(default_factory=Counter)  # (category, operator, status) → tickets
    issued_h: Counter = field(default_factory=Counter)
    served_h: Counter = field(default_factory=Counter)
    samples: dict = field(default_factory=dict)  # (category, operator) → (waits, services) arrays
    walk_ups: array = field(default_factory=lambda: array("d"))
    cases: Counter = field(default_factory=Counter)  # (item code, key) → n
    timely: Counter = field(default_factory=Counter)  # (due date, finished on) → n
    ratings: Counter = field(default_factory=Counter)  # (level, is_default) → n
    reasons: Counter = field(default_factory=Counter)  # indicator code of a real 差评 → n

    def sample(self, key: SampleKey) -> tuple[array, array]:
        """The (waits, services) arrays of one (category, operator)."""
        pair = self.samples.get(key)
        if pair is None:
            pair = self.samples[key] = (array("d"), array("d"))
        return pair

    def add(self, other: Facts) -> None:
        """Add another run's facts to these."""
        for mine, theirs in ((self.groups, other.groups), (self.issued_h, other.issued_h),
                             (self.served_h, other.served_h), (self.cases, other.cases),
                             (self.timely, other.timely), (self.ratings, other.ratings),
                             (self.reasons, other.reasons)):
            mine.update(theirs)
        for key, (waits, services) in other.samples.items():
            w, s = self.sample(key)
            w.extend(waits)
            s.extend(services)
        self.walk_ups.extend(other.walk_ups)


# ---- Collecting facts per bucket (a local day, or one constant bucket for the live part)


def collect(s: Session, span: Span, per_day: bool) -> dict[str, Facts]:
    """Facts of [span.start, span.end) per local day ('YYYY-MM-DD'), or under the single key 'live'."""
    out: defaultdict[str, Facts] = defaultdict(Facts)

    def bucket(column: Any) -> Any:
        return span.local_day(column) if per_day else literal("live")

    _tickets(s, span, bucket, out)
    _durations(s, span, bucket, out)
    _cases(s, span, bucket, out)
    _ratings(s, span, bucket, out)
    return out


def served_by() -> Any:
    """The ticket's operator; the queue clears it once a ticket leaves the window, so fall back to the
    last event that names one (SQLite's coalesce runs the subquery only for rows without it)."""
    t, e = QueueTicket, QueueEvent
    last = (select(e.operator_id).where(e.ticket_id == t.id, e.operator_id.is_not(None))
            .order_by(e.at.desc(), e.seq.desc()).limit(1).correlate(t).scalar_subquery())
    return func.coalesce(t.operator_id, last).label("operator_id")


def _tickets(s: Session, span: Span, bucket: Any, out: dict[str, Facts]) -> None:
    """Tickets issued: per (category, operator, status), per issue hour, and served per finish hour."""
    t = QueueTicket
    day = bucket(t.issued_at).label("b")
    when = (t.issued_at >= span.start, t.issued_at < span.end)
    for b, cat, op, status, n in s.execute(select(day, t.category, served_by(), t.status, func.count())
                                           .where(*when).group_by(day, t.category, "operator_id", t.status)):
        out[b].groups[(cat, op, status)] += n
    hour = span.local_hour(t.issued_at)
    for b, h, n in s.execute(select(day, hour, func.count()).where(*when).group_by(day, hour)):
        out[b].issued_h[h] += n
    done = span.local_hour(t.updated_at)
    for b, h, n in s.execute(select(day, done, func.count()).where(*when, t.status == "finished")
                             .group_by(day, done)):
        out[b].served_h[h] += n


def _durations(s: Session, span: Span, bucket: Any, out: dict[str, Facts]) -> None:
    """Wait, walk-up and service values of served tickets; derived from events where not stored."""
    t = QueueTicket
    base = (t.status == "finished", t.issued_at >= span.start, t.issued_at < span.end)
    rows = raw(s, select(bucket(t.issued_at), t.category, served_by(), t.wait_s, t.walk_up_s, t.service_s)
               .where(*base, t.service_s.is_not(None)))
    missing = s.execute(select(t.id, bucket(t.issued_at), t.category, served_by())
                        .where(*base, t.service_s.is_(None))).all()
    for b, cat, op, wait, walk, service in rows + derived(s, missing) if missing else rows:
        facts = out[b]
        waits, services = facts.sample((cat, op))
        if wait is not None:
            waits.append(wait)
        if service is not None:
            services.append(service)
        if walk is not None:
            facts.walk_ups.append(walk)


def derived(s: Session, tickets: list[Any]) -> list[tuple[Any, ...]]:
    """(…row after its id, wait, first walk-up, service) from the event log for served tickets that
    finished before durations were stored; rows are (id, …)."""
    events: dict[str, list[Any]] = defaultdict(list)
    e = QueueEvent
    ids = [t[0] for t in tickets]
    for i in range(0, len(ids), 500):
        stmt = (select(e.ticket_id, e.action, e.at, e.category, e.operator_id)
                .where(e.ticket_id.in_(ids[i:i + 500])).order_by(e.at, e.seq))
        for ev in s.execute(stmt):
            events[ev.ticket_id].append(ev)
    out = []
    for t in tickets:
        d = ticket_durations(events[t[0]])
        out.append((*t[1:], d.wait, d.walk_ups[0] if d.walk_ups else None, d.service))
    return out


def _first_finish(span: Span) -> Any:
    """Cases whose first 办结 falls in the span, with that instant (subquery): a finishing event in the span
    and none before it (time-indexed, instead of grouping every case's events)."""
    e, earlier = CaseEvent, aliased(CaseEvent)
    before = exists().where(earlier.case_id == e.case_id, earlier.to_status.in_(FINISHED_STATUSES),
                            earlier.at < span.start)
    return (select(e.case_id, func.min(e.at).label("at"))
            .where(e.to_status.in_(FINISHED_STATUSES), e.at >= span.start, e.at < span.end, ~before)
            .group_by(e.case_id).subquery())


def _cases(s: Session, span: Span, bucket: Any, out: dict[str, Facts]) -> None:
    """Received, decisions and 告知承诺 per item; cases first finished per (due date, finish day)."""
    c, e = Case, CaseEvent
    got = bucket(c.received_at).label("b")
    in_period = (c.received_at >= span.start, c.received_at < span.end)
    for b, item, n in s.execute(select(got, c.item_code, func.count()).where(*in_period).group_by(got, c.item_code)):
        out[b].cases[(item, "received")] += n
    when = bucket(e.at).label("b")
    for b, item, key, n in s.execute(select(when, c.item_code, e.action, func.count()).join(c, c.id == e.case_id)
                                     .where(e.action.in_(DECISIONS), e.at >= span.start, e.at < span.end)
                                     .group_by(when, c.item_code, e.action)):
        out[b].cases[(item, key)] += n
    for b, item, n in s.execute(select(got, c.item_code, func.count(distinct(Commitment.case_id)))
                                .join(c, c.id == Commitment.case_id).where(*in_period).group_by(got, c.item_code)):
        out[b].cases[(item, "commitment")] += n
    f = _first_finish(span)
    done = span.local_day(f.c.at)
    stmt = (select(bucket(f.c.at).label("b"), Case.due_date, type_coerce(done, Date), func.count())
            .join(f, f.c.case_id == Case.id).where(f.c.at >= span.start, f.c.at < span.end)
            .group_by("b", Case.due_date, done))
    for b, due, finished_on, n in s.execute(stmt):
        out[b].timely[(due, finished_on)] += n


def _ratings(s: Session, span: Span, bucket: Any, out: dict[str, Facts]) -> None:
    """Ratings per grade and default flag, and the reason codes of real 差评."""
    v = Evaluation
    day = bucket(v.rated_at).label("b")
    when = (v.rated_at >= span.start, v.rated_at < span.end)
    for b, level, default, n in s.execute(select(day, v.level, v.is_default, func.count()).where(*when)
                                          .group_by(day, v.level, v.is_default)):
        out[b].ratings[(level, default)] += n
    for b, codes in s.execute(select(day, v.indicators).where(*when, v.level <= 2, v.is_default.is_(False))):
        out[b].reasons.update(codes or ())


def raw(s: Session, stmt: Any) -> list[Any]:
    """Rows as plain tuples straight from the driver: a year of tickets must not pay per-row processing."""
    compiled = stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    values = tuple(_bind(params[name]) for name in compiled.positiontup) if compiled.positiontup else params
    return s.connection().exec_driver_sql(str(compiled), values).all()


def _bind(value: Any) -> Any:
    """Bind values as SQLite stores them (UTC columns are naive text)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    return value


# ---- Stored days


def closed_facts(s: Session, first: date, last: date, tz: ZoneInfo, now: datetime) -> Facts:
    """Facts of the closed local days first…last from stats_day, building the missing days first."""
    start, _ = day_bounds_utc(first, tz)
    offset = utc_offset(start, tz)
    ensure_triggers(s, offset)
    acc, have = Facts(), set()
    rows = raw(s, select(StatsDay.day, StatsDay.figures, StatsDay.samples)
               .where(StatsDay.day >= first, StatsDay.day <= last, StatsDay.offset_min == offset))
    for day, figures, blob in rows:
        _decode_into(acc, json.loads(figures), blob)
        have.add(day)
    missing = [d for d in _days(first, last) if d.isoformat() not in have]
    if missing:
        built = build(s, missing, tz, now)
        for day in missing:
            acc.add(built[day])
    return acc


def build(s: Session, days: list[date], tz: ZoneInfo, now: datetime) -> dict[date, Facts]:
    """Compute and store the rollup of `days` (closed, ascending) in one pass over their whole range."""
    start, _ = day_bounds_utc(days[0], tz)
    _, end = day_bounds_utc(days[-1], tz)
    span = Span(start, end, utc_offset(start, tz))
    found = collect(s, span, per_day=True)
    out = {d: found.get(d.isoformat()) or Facts() for d in days}
    rows = []
    for day, facts in out.items():
        figures, blob = _encode(facts)
        rows.append({"day": day, "offset_min": span.offset, "built_at": now, "figures": figures, "samples": blob})
    s.execute(insert(StatsDay).prefix_with("OR REPLACE"), rows)
    return out


def utc_offset(at: datetime, tz: ZoneInfo) -> int:
    """The station's UTC offset at `at` in minutes (China: +480, no daylight saving)."""
    offset = at.astimezone(tz).utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def _days(first: date, last: date) -> Iterable[date]:
    for i in range((last - first).days + 1):
        yield first + timedelta(days=i)


def _encode(f: Facts) -> tuple[str, bytes]:
    """(JSON counts, packed sorted doubles: walk-ups, then waits and services per sample key)."""
    blob = array("d", sorted(f.walk_ups))
    index = []
    for (cat, op), (waits, services) in f.samples.items():
        blob.extend(sorted(waits))
        blob.extend(sorted(services))
        index.append([cat, op, len(waits), len(services)])
    figures = {
        "g": [[*k, n] for k, n in f.groups.items()], "ih": list(f.issued_h.items()),
        "sh": list(f.served_h.items()), "s": index, "nwk": len(f.walk_ups),
        "c": [[*k, n] for k, n in f.cases.items()],
        "t": [[d and d.isoformat(), fin.isoformat(), n] for (d, fin), n in f.timely.items()],
        "r": [[*k, n] for k, n in f.ratings.items()], "x": list(f.reasons.items()),
    }
    return json.dumps(figures, ensure_ascii=False, separators=(",", ":")), blob.tobytes()


def _decode_into(acc: Facts, fig: dict[str, Any], blob: bytes) -> None:
    """Add one stored day to `acc`."""
    for cat, op, status, n in fig["g"]:
        acc.groups[(cat, op, status)] += n
    for target, pairs in ((acc.issued_h, fig["ih"]), (acc.served_h, fig["sh"]), (acc.reasons, fig["x"])):
        for k, n in pairs:
            target[k] += n
    for item, key, n in fig["c"]:
        acc.cases[(item, key)] += n
    for due, fin, n in fig["t"]:
        acc.timely[(due and date.fromisoformat(due), date.fromisoformat(fin))] += n
    for level, default, n in fig["r"]:
        acc.ratings[(level, default)] += n
    view, pos = memoryview(blob), fig["nwk"] * 8
    acc.walk_ups.frombytes(view[:pos])
    for cat, op, nw, ns in fig["s"]:
        waits, services = acc.sample((cat, op))
        waits.frombytes(view[pos:pos + nw * 8])
        pos += nw * 8
        services.frombytes(view[pos:pos + ns * 8])
        pos += ns * 8


# ---- Invalidation triggers

_FINISHING = ", ".join(f"'{v}'" for v in FINISHED_STATUSES)
# Local days each source row touches, with ROW standing for NEW or OLD and OFF for the offset modifier.
_TOUCHED = {
    "queue_ticket": "date(ROW.issued_at, OFF)",
    "queue_event": "date(ROW.at, OFF), (SELECT date(issued_at, OFF) FROM queue_ticket WHERE id = ROW.ticket_id)",
    # A case's item, due date or reception day re-files every day its events were counted on.
    "case_record": "date(ROW.received_at, OFF)) OR day IN (SELECT date(at, OFF) FROM case_event WHERE case_id = ROW.id",
    # A finishing event at or before the case's first 办结 moves that first 办结 away from its old day.
    "case_event": ("date(ROW.at, OFF), (SELECT CASE WHEN min(at) >= ROW.at THEN date(min(at), OFF) END "
                   f"FROM case_event WHERE case_id = ROW.case_id AND id <> ROW.id AND to_status IN ({_FINISHING}) "
                   f"AND ROW.to_status IN ({_FINISHING}))"),
    "commitment": "(SELECT date(received_at, OFF) FROM case_record WHERE id = ROW.case_id)",
    "evaluation": "date(ROW.rated_at, OFF)",
}
_UPDATE_OF = {"case_record": " OF item_code, received_at, due_date"}


def _trigger_sql(table: str, op: str, offset: int) -> str:
    rows = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[op]
    off = f"'{offset:+d} minutes'"
    body = " ".join(f"DELETE FROM stats_day WHERE day IN ({_TOUCHED[table].replace('ROW', r).replace('OFF', off)});"
                    for r in rows)
    cols = _UPDATE_OF.get(table, "") if op == "UPDATE" else ""
    return f"CREATE TRIGGER stats_inv_{table}_{op.lower()} AFTER {op}{cols} ON {table} BEGIN {body} END"


def ensure_triggers(s: Session, offset: int) -> None:
    """Install the invalidation triggers; if any is missing or cut with another offset (a table rebuilt
    by a migration, the time zone changed), drop every rollup first: a row must never outlive its trigger."""
    wanted = {f"stats_inv_{t}_{op.lower()}": _trigger_sql(t, op, offset)
              for t in _TOUCHED for op in ("INSERT", "UPDATE", "DELETE")}
    found = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'stats_inv_%'")).all())
    if found == wanted:
        return
    for name in found:
        s.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    s.execute(text("DELETE FROM stats_day"))
    for sql in wanted.values():
        s.execute(text(sql))
