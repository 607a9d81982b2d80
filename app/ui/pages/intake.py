"""The intake page: a keyboard-driven wizard (申请人 → 事项 → 材料 → 申请表 → 决定 → 完成), drafted on every change."""

from __future__ import annotations

import copy
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.checklist import Decision, combine_outcomes
from app.services.auth import OperatorInfo
from app.services.context import AppContext
from app.services.errors import ServiceError, message_of
from app.services.intake_types import ApplicantInput, IntakeRequest, IntakeResult
from app.ui.pages.intake_decision import DecisionStep, DoneStep, FormStep
from app.ui.pages.intake_materials import MaterialsStep, intake_of
from app.ui.pages.intake_steps import ApplicantStep, ItemsStep
from app.ui.printing import PrintPreviewDialog
from app.ui.widgets.errors import guarded

log = logging.getLogger(__name__)
STEP_KEYS = ("applicant", "items", "materials", "form", "decision", "done")


class IntakePage(QWidget):
    """One intake at a time; the state dict is the draft, so a crash loses nothing typed."""

    sig_saved = Signal(object)
    """The IntakeResult of a saved intake."""

    def __init__(self, ctx: AppContext, operator: OperatorInfo) -> None:
        super().__init__()
        self._ctx = ctx
        self._operator = operator
        self.state: dict[str, Any] = {}
        self.result: IntakeResult | None = None
        self._loading = False
        self._build_ui()
        self._connect_signals()
        self._restore()

    # ---- Public API
    def current_step(self) -> str:
        """The key of the step on screen."""
        return STEP_KEYS[self.stack.currentIndex()]

    def focus_search(self) -> None:
        """Ctrl+K: go to the items step and put the cursor in the search box."""
        if self.current_step() == "done":
            self._start_new()
        self._go(1)
        self.items.focus_search()

    @guarded
    def next_step(self) -> None:
        """Alt+N: check this step, then move on (on the decision step: save the case)."""
        step = self.current_step()
        checks = {"applicant": self.applicant.check, "items": self.items.check,
                  "materials": self.materials.evaluate, "form": self.form.check}
        if step in checks and not checks[step]():
            return
        if step == "decision":
            self._submit()
        elif step == "done":
            self._start_new()
        else:
            self._go(self.stack.currentIndex() + 1)

    def previous_step(self) -> None:
        """Alt+B: back one step (nothing is lost; the draft keeps everything)."""
        if 0 < self.stack.currentIndex() < len(STEP_KEYS) - 1:
            self._go(self.stack.currentIndex() - 1)

    # ---- Building
    def _build_ui(self) -> None:
        titles = (self.tr("1 申请人"), self.tr("2 事项"), self.tr("3 材料清单"), self.tr("4 申请表"),
                  self.tr("5 决定"), self.tr("6 完成"))
        self.header = [QLabel(t) for t in titles]
        head = QHBoxLayout()
        for label in self.header:
            head.addWidget(label)
        head.addStretch(1)
        self.applicant = ApplicantStep(self._ctx)
        self.items = ItemsStep(self._ctx)
        self.materials = MaterialsStep(self._ctx)
        self.form = FormStep(self._ctx)
        self.decision = DecisionStep()
        self.done = DoneStep(self._ctx, self._operator.id)
        self.stack = QStackedWidget()
        for w in (self.applicant, self.items, self.materials, self.form, self.decision, self.done):
            self.stack.addWidget(w)
        self.back = QPushButton(self.tr("上一步 (Alt+B)"))
        self.back.setObjectName("back")
        self.next = QPushButton(self.tr("下一步 (Alt+N)"))
        self.next.setObjectName("next")
        self.next.setDefault(True)
        self.discard = QPushButton(self.tr("放弃本次受理"))
        self.discard.setObjectName("discard")
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.next.clicked.connect(self.next_step)
        self.back.clicked.connect(self.previous_step)
        self.discard.clicked.connect(self._start_new)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Ctrl+K belongs to the main window (reachable from every page), which calls focus_search().
        for keys, slot in (("Alt+N", self.next_step), ("Alt+B", self.previous_step)):
            QShortcut(QKeySequence(keys), self, activated=slot, context=context)
        for step in (self.applicant, self.items, self.materials, self.form, self.decision):
            step.sig_changed.connect(self._changed)
        self.applicant.sig_enter.connect(self.next_step)
        self.items.sig_consult.connect(self._consult)

    # ---- State and drafts
    def _restore(self) -> None:
        try:
            draft = self._ctx.intake.latest_draft(self._operator.id)
        except Exception as exc:  # noqa: BLE001 - an unreadable draft must not block the page
            log.exception("draft could not be read")
            self.applicant.known.setText(message_of(exc))
            draft = None
        self.state = dict(draft.data) if draft else {}
        index = STEP_KEYS.index(draft.step) if draft and draft.step in STEP_KEYS[:-1] else 0
        self._show(index)

    def _show(self, index: int) -> None:
        """Load step `index` from the state and put it on screen."""
        self._loading = True
        try:
            step = STEP_KEYS[index]
            if step == "applicant":
                self.applicant.load(self.state)
            elif step == "items":
                self.items.load(self.state)
            elif step == "materials":
                self.materials.load(self.state)
            elif step == "form":
                self.form.load(self.state)
            elif step == "decision":
                self.decision.load(self.state, self._suggested())
            self.stack.setCurrentIndex(index)
            for k, label in enumerate(self.header):
                label.setStyleSheet("font-weight: bold; color: #0b57d0;" if k == index else "color: #555;")
            self.back.setEnabled(0 < index < len(STEP_KEYS) - 1)
            self.next.setText(self._next_text(step))
            self._focus_first(step)
        finally:
            self._loading = False

    def _next_text(self, step: str) -> str:
        if step == "decision":
            return self.tr("确认办理 (Alt+N)")
        if step == "done":
            return self.tr("下一件 (Alt+N)")
        return self.tr("下一步 (Alt+N)")

    def _focus_first(self, step: str) -> None:
        if step == "applicant":
            self.applicant.applicant.edits["name"].setFocus()
        elif step == "items":
            self.items.focus_search()
        elif step == "decision":
            chosen = self.decision.chosen()
            (self.decision.buttons[chosen] if chosen else self.decision.buttons[Decision.ACCEPT]).setFocus()

    def _store_current(self) -> None:
        step = self.current_step()
        if step in ("applicant", "items", "materials", "form", "decision"):
            getattr(self, step).store(self.state)

    def _go(self, index: int) -> None:
        self._store_current()
        self._show(index)
        self._save_draft()

    def _changed(self) -> None:
        if self._loading:
            return
        self._store_current()
        self._save_draft()

    def _save_draft(self) -> None:
        try:
            self._ctx.intake.save_draft(self._operator.id, self.current_step(), copy.deepcopy(self.state))
        except Exception:  # noqa: BLE001 - typing goes on; the next change retries the save
            log.exception("draft not saved")

    def _suggested(self) -> Decision | None:
        try:
            outcomes = self._ctx.intake.evaluate_all([intake_of(d) for d in self.state.get("items", [])])
        except ServiceError:
            return None
        return combine_outcomes(outcomes)

    # ---- Saving
    def _submit(self) -> None:
        self._store_current()
        chosen = self.decision.chosen()
        if chosen is None:
            self.decision.error.setText(self.tr("请选择受理、补正或不予受理。"))
            return
        if chosen is Decision.ACCEPT and self._suggested() is Decision.ACCEPT_WITH_DEFICIENCY:
            chosen = Decision.ACCEPT_WITH_DEFICIENCY
        s = self.state
        agent = s.get("agent")
        request = IntakeRequest(
            applicant=ApplicantInput(**s["applicant"]), agent=ApplicantInput(**agent) if agent else None,
            items=tuple(intake_of(d) for d in s.get("items", [])), decision=chosen,
            bundle_code=s.get("bundle_code"), reject_reason=s.get("reject_reason", ""),
            legal_basis=s.get("legal_basis", ""), competent_agency=s.get("competent_agency", ""))
        try:
            self.result = self._ctx.intake.submit(request, self._operator)
        except ServiceError as exc:
            self.decision.error.setText(exc.message_zh)
            return
        self.decision.error.setText("")
        self.done.show_result(self.result)
        self._show(len(STEP_KEYS) - 1)
        self.sig_saved.emit(self.result)

    @guarded
    def _consult(self, item_code: str) -> None:
        """一次性告知单 for a consultation: no case; the name and phone typed in step 1, if any."""
        from app.services.intake_docs import consultation_notice

        who = self.state.get("applicant") or {}
        info = consultation_notice(self._ctx, item_code, self._operator, name=who.get("name", ""),
                                   phone=who.get("phone", ""))
        self.done.documents.exec_dialog(PrintPreviewDialog(
            self._ctx.documents, info.id, printer_factory=self.done.documents.printer_factory, parent=self))

    def _start_new(self) -> None:
        self.state = {}
        self.result = None
        self._ctx.intake.discard_draft(self._operator.id)
        self.decision.error.setText("")
        self._show(0)
