"""The counter's queue verbs shared by the queue page and the compact panel; prompts are overridable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from app.domain.queue import TicketStatus
from app.services.errors import ServiceError
from app.services.queue import QueueService
from app.services.queue_rows import TicketInfo, WindowState

_CTX = "queue"


def tr(text: str) -> str:
    """Translate in the queue context."""
    return QCoreApplication.translate(_CTX, text)


def format_duration(seconds: float | None) -> str:
    """“3:05” or “1:02:03”; “—” when there is no value."""
    if seconds is None:
        return "—"
    total = int(max(0.0, seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Prompter:
    """Asks the clerk for a choice or a reason; tests replace it with canned answers."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def choose(self, title: str, label: str, items: Sequence[str], *, editable: bool = False) -> str | None:
        """One of `items` (or typed text when editable), None when cancelled."""
        value, ok = QInputDialog.getItem(self._parent, title, label, list(items), 0, editable)
        return value.strip() if ok and value.strip() else None


class QueueActions(QObject):
    """Runs one queue action on the service and tells the views; ServiceError propagates to @guarded slots."""

    sig_changed = Signal()
    """Something in the queue changed; views re-read."""
    sig_called = Signal(str, str)
    """A ticket was called to a window (ticket_no, window_no): the screen shows it, the voice says it."""
    sig_start_intake = Signal(str)
    """Start an intake for this ticket id (after 办结 with intake)."""
    sig_finished = Signal(str)
    """A ticket was finished (ticket id): the customer screen asks for a rating (一次一评)."""

    def __init__(self, service: QueueService, operator_id: str, prompter: Prompter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.operator_id = operator_id
        self.prompter = prompter

    # ---- Public API
    def current(self) -> TicketInfo | None:
        """The ticket at this window now."""
        return self.service.current()

    def window(self) -> WindowState:
        """Pause and calling state."""
        return self.service.window()

    def call_next(self) -> TicketInfo:
        """叫号."""
        return self._called(self.service.call_next(by=self.operator_id))

    def recall(self) -> TicketInfo:
        """重呼 the current ticket."""
        return self._called(self.service.recall(self._need_current().id, by=self.operator_id))

    def no_show(self) -> TicketInfo:
        """过号 the current ticket."""
        return self._done(self.service.no_show(self._need_current().id, by=self.operator_id))

    def start_serving(self) -> TicketInfo:
        """开始办理 the current ticket."""
        return self._done(self.service.start_serving(self._need_current().id, by=self.operator_id))

    def finish(self, *, start_intake: bool = False) -> TicketInfo:
        """办结 the current ticket; optionally ask the window to start an intake for it."""
        ticket = self._done(self.service.finish(self._need_current().id, by=self.operator_id))
        self.sig_finished.emit(ticket.id)
        if start_intake:
            self.sig_start_intake.emit(ticket.id)
        return ticket

    def hold_or_call_back(self) -> TicketInfo | None:
        """挂起 the current ticket, or 回呼 a held one when the window is free."""
        current = self.current()
        if current is not None:
            return self._done(self.service.hold(current.id, by=self.operator_id))
        held = self.service.held()
        if not held:
            raise ServiceError(tr("没有正在办理的号，也没有挂起的号。"), code="nothing_held")
        chosen = self._pick(held, tr("回呼"), tr("选择要回呼的号："))
        return None if chosen is None else self._called(self.service.call_back(chosen.id, by=self.operator_id))

    def transfer(self) -> TicketInfo | None:
        """转移 the current ticket to another category chosen by the clerk."""
        current = self._need_current()
        options = [f"{c.prefix} {c.name}" for c in self.service.categories() if c.prefix != current.category]
        answer = self.prompter.choose(tr("转移"), tr("{ticket} 号转到：").format(ticket=current.ticket_no), options)
        if answer is None:
            return None
        return self._done(self.service.transfer(current.id, answer.split(" ")[0], by=self.operator_id))

    def toggle_pause(self) -> WindowState | None:
        """暂停 with a reason, or 恢复."""
        if self.window().paused:
            state = self.service.resume(by=self.operator_id)
        else:
            reasons = [tr("临时离开"), tr("接听电话"), tr("业务咨询"), tr("协助其他窗口"), tr("系统故障")]
            reason = self.prompter.choose(tr("暂停"), tr("暂停原因："), reasons, editable=True)
            if reason is None:
                return None
            state = self.service.pause(reason, by=self.operator_id)
        self.sig_changed.emit()
        return state

    def reactivate(self) -> TicketInfo | None:
        """恢复 a no-show ticket to its queue."""
        tickets = self.service.no_shows()
        if not tickets:
            raise ServiceError(tr("今天没有过号的号。"), code="no_no_show")
        chosen = self._pick(tickets, tr("恢复过号"), tr("选择要恢复的号："))
        return None if chosen is None else self._done(self.service.reactivate(chosen.id, by=self.operator_id))

    def call_specific(self, ticket: TicketInfo) -> TicketInfo | None:
        """Call `ticket` out of order after asking for the reason."""
        reasons = [tr("预约时间已到"), tr("老弱病残孕优先"), tr("补交材料返回"), tr("值班长安排")]
        reason = self.prompter.choose(tr("指定叫号"), tr("{ticket} 号提前叫号原因：").format(ticket=ticket.ticket_no),
                                      reasons, editable=True)
        if reason is None:
            return None
        return self._called(self.service.call_specific(ticket.id, reason, by=self.operator_id))

    # ---- Private
    def _need_current(self) -> TicketInfo:
        current = self.current()
        if current is None:
            raise ServiceError(tr("本窗口当前没有叫到的号，请先叫号。"), code="no_current")
        return current

    def _pick(self, tickets: Sequence[TicketInfo], title: str, label: str) -> TicketInfo | None:
        by_no = {t.ticket_no: t for t in tickets}
        answer = self.prompter.choose(title, label, list(by_no))
        return None if answer is None else by_no.get(answer)

    def _called(self, ticket: TicketInfo) -> TicketInfo:
        self.sig_changed.emit()
        if ticket.status is TicketStatus.CALLED:
            self.sig_called.emit(ticket.ticket_no, self.service.window_no)
        return ticket

    def _done(self, ticket: TicketInfo) -> TicketInfo:
        self.sig_changed.emit()
        return ticket
