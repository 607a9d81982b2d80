"""The queue at this window: issue, call, serve, finish and the side paths; one transaction per action."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db.counters import next_serial
from app.db.models import QueueCategory, QueueTicket, QueueWindow
from app.db.models import QueueEvent as QueueEventRow
from app.db.session import Database
from app.domain.metrics import QueueFigures, queue_figures
from app.domain.queue import (
    OperatorAction,
    OperatorState,
    PriorityClass,
    QueueAction,
    QueueError,
    TicketStatus,
    apply,
    apply_operator,
)
from app.domain.queue_order import CallPolicy, WaitingTicket, check_can_issue, check_open, choose_next
from app.print.render import render_document
from app.services.clock import Clock, day_bounds_utc, local_day
from app.services.errors import ServiceError
from app.services.queue_rows import (
    DEFAULT_CATEGORIES,
    DEFAULT_HOURS,
    CategoryInfo,
    IssuedTicket,
    TicketInfo,
    WaitingRow,
    WindowState,
    apply_state,
    appointment_hash,
    category_info,
    category_rule,
    new_ticket,
    predict_order,
    record_event,
    refuse_second_check_in,
    store_durations,
    ticket_info,
    ticket_state,
    waiting_ticket,
)

_A = QueueAction
_S = TicketStatus
_AT_WINDOW = (_S.CALLED.value, _S.SERVING.value)
# Raw text columns, parsed in waiting_ticket: SQLAlchemy's per-value type processing costs more than the
# decision itself with 200 tickets waiting.
_WAITING_SQL = text(
    "SELECT id, ticket_no, category, priority, issued_at, requeued_at, slot_start, slot_end "
    "FROM queue_ticket WHERE day = :day AND status = 'issued'"
)


def _refused(exc: QueueError) -> ServiceError:
    return ServiceError(exc.message_zh, code=exc.code)


class QueueService:
    """This window's queue; state lives only in the database, so a restart resumes exactly."""

    def __init__(self, db: Database, clock: Clock, tz: ZoneInfo, window_no: str, *,
                 hasher: Callable[[str], str] | None = None) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz
        self.window_no = window_no
        # Keyed hash of an ID number (PiiCipher.lookup_hash), passed in so services need not unlock secrets.
        self._hasher = hasher
        self._seeded = False

    # ---- Categories
    def categories(self) -> list[CategoryInfo]:
        """Every category in display order (the defaults are created on first use)."""
        with self._db.session() as s:
            return [category_info(r) for r in self._category_rows(s)]

    def update_category(self, prefix: str, *, name: str, daily_cap: int | None, open_from: str,
                        open_until: str, enabled: bool = True) -> CategoryInfo:
        """Create or change a category; hours are station-local "HH:MM", cap None means no cap."""
        info = CategoryInfo(prefix.strip().upper(), name.strip(), daily_cap, open_from, open_until, enabled, 0)
        try:
            category_rule(info)
        except ValueError as exc:
            raise ServiceError("取号时间应为“时:分”，例如 08:30。", code="hours") from exc
        if not (len(info.prefix) == 1 and info.prefix.isalpha()) or not info.name:
            raise ServiceError("类别字母应为一个英文字母，名称不能为空。", code="category")
        with self._db.session() as s:
            count = len(self._category_rows(s))
            row = s.get(QueueCategory, info.prefix) or QueueCategory(prefix=info.prefix, ord=count)
            row.name, row.daily_cap, row.enabled = info.name, daily_cap or 0, enabled
            row.open_from, row.open_until = open_from, open_until
            s.add(row)
            s.flush()
            return category_info(row)

    # ---- Issuing
    def issue(self, category: str, priority: PriorityClass = PriorityClass.NONE,
              appointment_id_number: str | None = None, *, by: str | None = None,
              slot: tuple[datetime, datetime | None] | None = None) -> IssuedTicket:
        """Issue the next daily number of `category`; an ID number checks an appointment in (priority 预约).

        Without a known slot, a checked-in appointment is due at once (it goes first).
        """
        now = self._clock.now()
        day = local_day(now, self._tz)
        id_hash = appointment_hash(appointment_id_number, day, self._hasher) if appointment_id_number else None
        if id_hash:
            priority, slot = PriorityClass.APPOINTMENT, slot or (now, None)
        with self._db.session() as s:
            cat = self._category(s, category)
            if id_hash:
                refuse_second_check_in(s, day, id_hash)
            number = next_serial(s, f"ticket:{day.isoformat()}:{cat.prefix}")
            try:
                check_can_issue(category_rule(cat), number - 1, now.astimezone(self._tz))
            except QueueError as exc:
                raise _refused(exc) from exc  # the rollback returns the number
            ahead = self._waiting_count(s, day, cat.prefix)
            row = new_ticket(s, prefix=cat.prefix, number=number, priority=priority, day=day, now=now, by=by,
                             window_no=self.window_no, id_hash=id_hash, slot=slot)
            return IssuedTicket(ticket_info(row), cat.name, ahead)

    def slip(self, issued: IssuedTicket, *, station_name: str) -> bytes:
        """The 80 mm ticket slip as PDF bytes (template "queue_ticket"); raises if it cannot be rendered."""
        ticket = {"number": issued.ticket.ticket_no, "category": issued.category_name,
                  "waiting_ahead": issued.waiting_ahead, "taken_at": issued.ticket.issued_at,
                  "window_hint": f"请留意叫号，到 {self.window_no} 号窗口办理"}
        context = {"station": {"name": station_name, "timezone": self._tz.key}, "ticket": ticket}
        return render_document("queue_ticket", context, profile="roll80").pdf

    # ---- Calling
    def call_next(self, *, by: str) -> TicketInfo:
        """Call the next ticket for this window by the ordering rule (appointments first, then the ratio)."""
        now = self._clock.now()
        with self._db.session() as s:
            win = self._window_row(s)
            self._refuse_if_busy(s, win)
            policy, waiting = self._policy(win), self._waiting_tickets(s, now)
            choice = choose_next(waiting, policy, win.streak, now)
            if choice.ticket is None:
                raise ServiceError("当前没有等候的号。", code="queue_empty")
            win.streak = choice.streak
            row = s.get_one(QueueTicket, choice.ticket.ticket_id)
            self._apply(s, row, _A.CALL, now, by)
            return ticket_info(row)

    def call_specific(self, ticket_id: str, reason: str, *, by: str) -> TicketInfo:
        """Call a waiting ticket out of order; the reason is recorded."""
        return self._transition(ticket_id, _A.CALL_SPECIFIC, by, reason=reason, check_busy=True)

    def recall(self, ticket_id: str, *, by: str) -> TicketInfo:
        """Call the same ticket again (counted)."""
        return self._transition(ticket_id, _A.RECALL, by)

    def start_serving(self, ticket_id: str, *, by: str) -> TicketInfo:
        """The applicant has come to the window."""
        return self._transition(ticket_id, _A.START_SERVING, by)

    def finish(self, ticket_id: str, *, by: str) -> TicketInfo:
        """Finish (办结); a ticket still only called is started first, in the same transaction."""
        return self._transition(ticket_id, _A.FINISH, by)

    def no_show(self, ticket_id: str, *, by: str) -> TicketInfo:
        """The called applicant did not come (过号)."""
        return self._transition(ticket_id, _A.NO_SHOW, by)

    def reactivate(self, ticket_id: str, *, by: str) -> TicketInfo:
        """Put a no-show ticket back in its queue."""
        return self._transition(ticket_id, _A.REACTIVATE, by)

    def hold(self, ticket_id: str, *, by: str) -> TicketInfo:
        """Set the ticket aside (挂起) while the applicant fetches something."""
        return self._transition(ticket_id, _A.HOLD, by)

    def call_back(self, ticket_id: str, *, by: str) -> TicketInfo:
        """Call a held ticket back to this window (回呼)."""
        return self._transition(ticket_id, _A.CALL_BACK, by, check_busy=True)

    def transfer(self, ticket_id: str, to_category: str, *, by: str) -> TicketInfo:
        """Move the ticket (same number) to another open category's queue."""
        return self._transition(ticket_id, _A.TRANSFER, by, to_category=to_category)

    def cancel(self, ticket_id: str, *, by: str, reason: str | None = None) -> TicketInfo:
        """Cancel a ticket that is not being served."""
        return self._transition(ticket_id, _A.CANCEL, by, reason=reason)

    # ---- Pause
    def pause(self, reason: str, *, by: str) -> WindowState:
        """Pause this window (暂停) with a reason; calling is refused until resume."""
        return self._operator(OperatorAction.PAUSE, by, reason)

    def resume(self, *, by: str) -> WindowState:
        """End the pause."""
        return self._operator(OperatorAction.RESUME, by, None)

    def set_window_policy(self, *, priority_ratio: int, categories: Iterable[str] | None) -> WindowState:
        """How this window calls: priority calls per normal one, and which categories (None = all)."""
        if priority_ratio < 0:
            raise ServiceError("优先号比例不能为负数。", code="ratio")
        with self._db.session() as s:
            win = self._window_row(s)
            win.priority_ratio = priority_ratio
            win.categories = sorted(categories) if categories is not None else None
            return self._window_state(win)

    # ---- Reading
    def window(self) -> WindowState:
        """This window's pause and calling state."""
        with self._db.session() as s:
            return self._window_state(self._window_row(s))

    def ticket(self, ticket_id: str) -> TicketInfo:
        """One ticket by id."""
        with self._db.session() as s:
            return ticket_info(self._ticket_row(s, ticket_id))

    def current(self) -> TicketInfo | None:
        """Today's ticket called or being served at this window, if any."""
        with self._db.session() as s:
            row = self._current_row(s)
            return None if row is None else ticket_info(row)

    def held(self) -> list[TicketInfo]:
        """Today's tickets held (挂起) at this window."""
        return self._today_with(_S.HELD, window_only=True)

    def no_shows(self) -> list[TicketInfo]:
        """Today's no-show tickets, which may be reactivated."""
        return self._today_with(_S.NO_SHOW, window_only=False)

    def waiting(self) -> list[WaitingRow]:
        """Today's waiting tickets, by category order then issue time, with their waits so far."""
        now = self._clock.now()
        with self._db.session() as s:
            names = {c.prefix: (c.ord, c.name) for c in self._category_rows(s)}
            rows = s.execute(select(QueueTicket).where(
                QueueTicket.day == local_day(now, self._tz), QueueTicket.status == _S.ISSUED.value)).scalars().all()
            rows = sorted(rows, key=lambda r: (names.get(r.category, (99, ""))[0], r.issued_at, r.ticket_no))
            return [WaitingRow(ticket_info(r), names.get(r.category, (0, r.category))[1],
                               max(0.0, (now - r.issued_at).total_seconds())) for r in rows]

    def figures(self) -> QueueFigures:
        """Live figures over today's events (station-local day)."""
        now = self._clock.now()
        start, _end = day_bounds_utc(local_day(now, self._tz), self._tz)
        with self._db.session() as s:
            events = s.execute(select(QueueEventRow.ticket_id, QueueEventRow.action, QueueEventRow.at,
                                      QueueEventRow.category, QueueEventRow.operator_id)
                               .where(QueueEventRow.at >= start)
                               .order_by(QueueEventRow.at, QueueEventRow.seq)).all()
        return queue_figures(events, now=now, day_start_utc=start)

    def upcoming(self, limit: int = 6) -> list[str]:
        """The numbers this window would call next, in order (what the customer screen shows)."""
        now = self._clock.now()
        with self._db.session() as s:
            win = self._window_row(s)
            order = predict_order(self._waiting_tickets(s, now), self._policy(win), win.streak, now, limit)
            return [t.ticket_no for t in order]

    def _policy(self, win: QueueWindow) -> CallPolicy:
        cats = frozenset(win.categories) if win.categories else None
        return CallPolicy(priority_ratio=win.priority_ratio, categories=cats)

    def _waiting_tickets(self, s: Session, now: datetime) -> list[WaitingTicket]:
        """Only today's waiting tickets, through the (day, status) index (plain SQL: this is the hot path)."""
        rows = s.execute(_WAITING_SQL, {"day": local_day(now, self._tz).isoformat()}).all()
        return [waiting_ticket(r) for r in rows]

    # ---- Private: transitions
    def _transition(self, ticket_id: str, action: QueueAction, by: str, *, reason: str | None = None,
                    to_category: str | None = None, check_busy: bool = False) -> TicketInfo:
        now = self._clock.now()
        with self._db.session() as s:
            row = self._ticket_row(s, ticket_id)
            if check_busy:
                self._refuse_if_busy(s, self._window_row(s))
            if action is _A.TRANSFER and to_category:
                self._check_transfer_target(s, to_category, now)
            if action is _A.FINISH and row.status == _S.CALLED.value:
                self._apply(s, row, _A.START_SERVING, now, by)
            self._apply(s, row, action, now, by, reason=reason, to_category=to_category)
            return ticket_info(row)

    def _apply(self, s: Session, row: QueueTicket, action: QueueAction, now: datetime, by: str | None, *,
               reason: str | None = None, to_category: str | None = None) -> None:
        """One legal transition: ticket update, event row and outbox row in the caller's transaction."""
        try:
            state, event = apply(ticket_state(row), action, at=now, operator_id=by,
                                 window_no=self.window_no,  # type: ignore[arg-type]
                                 reason=reason, to_category=to_category)
        except QueueError as exc:
            raise _refused(exc) from exc
        apply_state(row, state, now)
        if action in (_A.TRANSFER, _A.REACTIVATE):
            row.requeued_at = now
        record_event(s, event, row.ticket_no)
        if action is _A.FINISH:
            store_durations(s, row)

    def _operator(self, action: OperatorAction, by: str, reason: str | None) -> WindowState:
        now = self._clock.now()
        with self._db.session() as s:
            win = self._window_row(s)
            # A resume closes the pause of whoever paused, so pause time adds up per operator.
            operator = win.paused_by if action is OperatorAction.RESUME and win.paused_by else by
            state = OperatorState(operator, self.window_no, win.paused_since, win.pause_reason)  # type: ignore[arg-type]
            try:
                new, event = apply_operator(state, action, at=now, reason=reason)
            except QueueError as exc:
                raise _refused(exc) from exc
            win.paused_since, win.pause_reason = new.paused_since, new.pause_reason
            win.paused_by = operator if new.paused_since else None
            record_event(s, event, "")
            return self._window_state(win)

    # ---- Private: reading rows
    def _category_rows(self, s: Session) -> list[QueueCategory]:
        rows = list(s.execute(select(QueueCategory).order_by(QueueCategory.ord, QueueCategory.prefix)).scalars())
        if not rows and not self._seeded:
            for i, (prefix, name, cap) in enumerate(DEFAULT_CATEGORIES):
                s.add(QueueCategory(prefix=prefix, name=name, daily_cap=cap, open_from=DEFAULT_HOURS[0],
                                    open_until=DEFAULT_HOURS[1], enabled=True, ord=i))
            s.flush()
            rows = list(s.execute(select(QueueCategory).order_by(QueueCategory.ord)).scalars())
        self._seeded = True
        return rows

    def _category(self, s: Session, prefix: str) -> CategoryInfo:
        for row in self._category_rows(s):
            if row.prefix == prefix:
                return category_info(row)
        raise ServiceError(f"没有业务类别“{prefix}”，请在类别列表中选择。", code="unknown_category")

    def _check_transfer_target(self, s: Session, prefix: str, now: datetime) -> None:
        try:
            check_open(category_rule(self._category(s, prefix)), now.astimezone(self._tz))
        except QueueError as exc:
            raise _refused(exc) from exc

    def _ticket_row(self, s: Session, ticket_id: str) -> QueueTicket:
        row = s.get(QueueTicket, ticket_id)
        if row is None:
            raise ServiceError("找不到这张排队号，请刷新队列后重试。", code="ticket_not_found")
        return row

    def _window_row(self, s: Session) -> QueueWindow:
        win = s.get(QueueWindow, self.window_no)
        if win is None:
            win = QueueWindow(window_no=self.window_no, streak=0, priority_ratio=2)
            s.add(win)
            s.flush()
        return win

    def _window_state(self, win: QueueWindow) -> WindowState:
        cats = frozenset(win.categories) if win.categories else None
        return WindowState(win.window_no, win.paused_since, win.pause_reason, win.streak, win.priority_ratio, cats)

    def _current_row(self, s: Session) -> QueueTicket | None:
        return s.execute(select(QueueTicket).where(
            QueueTicket.day == local_day(self._clock.now(), self._tz), QueueTicket.status.in_(_AT_WINDOW),
            QueueTicket.window_no == self.window_no).order_by(QueueTicket.updated_at.desc()).limit(1)).scalar()

    def _refuse_if_busy(self, s: Session, win: QueueWindow) -> None:
        if win.paused_since is not None:
            raise ServiceError("窗口已暂停，请先点“恢复”再叫号。", code="paused")
        busy = s.execute(select(QueueTicket.ticket_no).where(
            QueueTicket.day == local_day(self._clock.now(), self._tz), QueueTicket.status.in_(_AT_WINDOW),
            QueueTicket.window_no == self.window_no).limit(1)).scalar()
        if busy is not None:
            raise ServiceError(f"{busy} 号还在本窗口，请先办结、过号或挂起它，再叫下一个号。", code="busy")

    def _today_with(self, status: TicketStatus, *, window_only: bool) -> list[TicketInfo]:
        with self._db.session() as s:
            stmt = select(QueueTicket).where(QueueTicket.day == local_day(self._clock.now(), self._tz),
                                             QueueTicket.status == status.value)
            if window_only:
                stmt = stmt.where(QueueTicket.window_no == self.window_no)
            return [ticket_info(r) for r in s.execute(stmt.order_by(QueueTicket.updated_at)).scalars()]

    def _waiting_count(self, s: Session, day: date, prefix: str) -> int:
        return s.execute(select(func.count()).select_from(QueueTicket).where(
            QueueTicket.day == day, QueueTicket.status == _S.ISSUED.value, QueueTicket.category == prefix)).scalar_one()
