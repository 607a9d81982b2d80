"""Intake wizard steps 4–6: the item forms, the decision, and the finished intake."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.checklist import Decision
from app.forms import FieldSpec, FormSchema, GroupSpec
from app.services.context import AppContext
from app.services.errors import ServiceError
from app.services.intake_types import IntakeResult
from app.ui.form_renderer import FormRenderer
from app.ui.pages.cases_documents import DocumentsPanel
from app.ui.pages.intake_materials import decision_label


class FormStep(QWidget):
    """Step 4: one tab per item that has a form; items without a form say so."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.tabs = QTabWidget()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        self.renderers: dict[str, FormRenderer] = {}

    def load(self, state: dict[str, Any]) -> None:
        """One renderer per item form, filled from the state."""
        self.tabs.clear()
        self.renderers = {}
        self._tab_of: dict[str, int] = {}
        for data in state.get("items", []):
            item = self._ctx.intake.item(data["code"])
            try:
                schema = self._ctx.intake.form_schema(item.form_id)
            except ServiceError as exc:
                self.tabs.addTab(QLabel(exc.message_zh), item.name)
                continue
            if schema is None:
                self.tabs.addTab(QLabel(self.tr("该事项无需填写申请表。")), item.short_name or item.name)
                continue
            values = data.get("form") or _prefill(schema, state.get("applicant") or {})
            renderer = FormRenderer(schema, values or None, today=self._ctx.intake.today())
            renderer.sig_changed.connect(self.sig_changed)
            self.renderers[item.code] = renderer
            self._tab_of[item.code] = self.tabs.count()
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(renderer)
            self.tabs.addTab(scroll, item.short_name or item.name)

    def store(self, state: dict[str, Any]) -> None:
        """Each form's values into its item."""
        for data in state.get("items", []):
            if data["code"] in self.renderers:
                data["form"] = self.renderers[data["code"]].export()

    def check(self) -> bool:
        """Every form valid; the first tab with errors is shown."""
        for code, renderer in self.renderers.items():
            if renderer.validate():
                self.tabs.setCurrentIndex(self._tab_of[code])
                self.error.setText(self.tr("申请表有未填或填写有误的项目，已在对应位置标出。"))
                return False
        self.error.setText("")
        return True


def _prefill(schema: FormSchema, applicant: dict[str, Any]) -> dict[str, Any]:
    """The applicant's name, ID, phone and address in the form's first fields of those kinds (typed once only)."""
    wanted = {"id_card": applicant.get("cert_no"), "phone": applicant.get("phone"),
              "address": applicant.get("address"), "name": applicant.get("name")}
    out: dict[str, Any] = {}
    stack = list(schema.fields)
    while stack:
        f = stack.pop(0)
        if isinstance(f, GroupSpec):
            stack = list(f.fields) + stack
            continue
        if not isinstance(f, FieldSpec) or f.calculate is not None:
            continue
        kind = "name" if f.type == "text" and f.name.endswith("_name") else f.type
        if wanted.get(kind) and kind not in {k for k, _ in out.values()}:
            out[f.name] = (kind, wanted[kind])
    return {name: value for name, (_k, value) in out.items()}


class DecisionStep(QWidget):
    """Step 5: accept, request supplement or reject (with reason, legal basis, competent agency)."""

    sig_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel()
        self.summary.setObjectName("decision_summary")
        self.summary.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: dict[Decision, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        choices = ((Decision.ACCEPT, self.tr("受理(&A)")), (Decision.REQUEST_SUPPLEMENT, self.tr("一次性告知补正(&S)")),
                   (Decision.REJECT, self.tr("不予受理(&J)")))
        for d, text in choices:
            button = QRadioButton(text)
            button.setObjectName(f"decide_{d.value}")
            self.group.addButton(button)
            self.buttons[d] = button
            layout.addWidget(button)
            button.toggled.connect(self._toggled)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reject_reason")
        self.basis = QLineEdit()
        self.basis.setObjectName("legal_basis")
        self.basis.setPlaceholderText(self.tr("例如：《中华人民共和国行政许可法》第三十二条第一款第（二）项"))
        self.agency = QLineEdit()
        self.agency.setObjectName("competent_agency")
        form.addRow(self.tr("不予受理理由"), self.reason)
        form.addRow(self.tr("法律依据"), self.basis)
        form.addRow(self.tr("有权机关（非本机关职权时）"), self.agency)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("decision_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for edit in (self.reason, self.basis, self.agency):
            edit.textChanged.connect(self.sig_changed)
        self._toggled()

    def load(self, state: dict[str, Any], suggested: Decision | None) -> None:
        """Preselect the checklist's decision (accept covers 容缺 too) unless one was chosen."""
        chosen = state.get("decision")
        if chosen is None and suggested is not None:
            chosen = Decision.ACCEPT.value if suggested is Decision.ACCEPT_WITH_DEFICIENCY else suggested.value
        for d, button in self.buttons.items():
            button.setChecked(d.value == chosen)
        self.reason.setText(state.get("reject_reason", ""))
        self.basis.setText(state.get("legal_basis", ""))
        self.agency.setText(state.get("competent_agency", ""))
        self.summary.setText(self.tr("材料判断：") + (decision_label(suggested) if suggested else "—"))

    def store(self, state: dict[str, Any]) -> None:
        """The choice and the reasons."""
        state["decision"] = next((d.value for d, b in self.buttons.items() if b.isChecked()), None)
        state["reject_reason"] = self.reason.text()
        state["legal_basis"] = self.basis.text()
        state["competent_agency"] = self.agency.text()

    def chosen(self) -> Decision | None:
        """The decision ticked, if any."""
        return next((d for d, b in self.buttons.items() if b.isChecked()), None)

    def _toggled(self) -> None:
        rejecting = self.buttons[Decision.REJECT].isChecked()
        for edit in (self.reason, self.basis, self.agency):
            edit.setEnabled(rejecting)
        self.sig_changed.emit()


class DoneStep(QWidget):
    """Step 6: the numbers the applicant needs, and the documents produced with 预览/打印 and 补打."""

    def __init__(self, ctx: AppContext, operator_id: str) -> None:
        super().__init__()
        self.text = QLabel()
        self.text.setObjectName("done_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(self.text.textInteractionFlags())
        self.documents = DocumentsPanel(ctx.documents, operator_id)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(QLabel(self.tr("本次出具的文书（Alt+P 预览/打印，Alt+U 补打）")))
        self.documents.list.setMaximumHeight(140)  # a few documents per intake: keep the buttons near them
        layout.addWidget(self.documents)
        layout.addStretch(1)

    def show_result(self, result: IntakeResult) -> None:
        """Number(s), query password, due dates, documents and any document problem."""
        lines = [f"<h3>{self.tr('办理完成')}：{decision_label(result.decision)}</h3>"]
        for c in result.cases:
            due = c.due_date.isoformat() if c.due_date else self.tr("补齐材料后起算")
            lines.append(f"<p><b>{c.provisional_no}</b>　{c.item_name}　{self.tr('办结期限')}：{due}</p>")
        lines.append(f"<p>{self.tr('查询密码')}：<b>{result.query_password}</b></p>")
        for err in result.document_errors:
            lines.append(f"<p style='color:#b3261e'>{err}</p>")
        lines.append(f"<p>{self.tr('按 Alt+N 开始下一件受理。')}</p>")
        self.text.setText("".join(lines))
        self.documents.set_documents([(d.id, d.kind, d.doc_no) for d in result.documents])
