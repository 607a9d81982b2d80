"""Intake wizard steps 1–2: the applicant (with an optional agent) and the items (search, bundles, 情形)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.context import AppContext
from app.services.errors import ServiceError
from app.services.intake_types import ApplicantInput
from app.ui.widgets.search_box import SearchBox

ERROR_STYLE = "color: #b3261e;"
_FIELDS = ("name", "cert_no", "phone", "address", "legal_rep")


class PersonBox(QGroupBox):
    """Kind, name, ID number, phone, address (+ legal representative for an organisation)."""

    sig_changed = Signal()

    def __init__(self, title: str, role: str) -> None:
        super().__init__(title)
        self.role = role
        self.kind = QComboBox()
        self.kind.addItem(self.tr("个人"), "person")
        self.kind.addItem(self.tr("单位"), "org")
        self.kind.setObjectName(f"{role}_kind")
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("类型"), self.kind)
        labels = {"name": self.tr("姓名/单位名称"), "cert_no": self.tr("证件号码"), "phone": self.tr("联系电话"),
                  "address": self.tr("地址"), "legal_rep": self.tr("法定代表人")}
        for key in _FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{role}_{key}")
            error = QLabel()
            error.setObjectName(f"{role}_{key}_error")
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            cell = QWidget()
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(edit)
            v.addWidget(error)
            label = QLabel(labels[key])
            label.setBuddy(edit)
            form.addRow(label, cell)
            self.edits[key], self.errors[key] = edit, error
            edit.textChanged.connect(lambda _t, k=key: self._edited(k))
        self.edits["cert_no"].setPlaceholderText(self.tr("身份证18位或统一社会信用代码18位"))
        self.kind.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def value(self) -> ApplicantInput:
        """What is typed now (not yet validated)."""
        e = self.edits
        return ApplicantInput(self.kind.currentData(), e["name"].text(), e["cert_no"].text(), e["phone"].text(),
                              e["address"].text(), e["legal_rep"].text())

    def load(self, data: dict[str, Any]) -> None:
        """Fill from a draft or a known applicant."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.get("kind", "person"))))
        for key in _FIELDS:
            self.edits[key].setText(str(data.get(key, "") or ""))

    def show_error(self, field: str, text: str) -> None:
        """Show a message under one field and put the cursor there."""
        if field in self.errors:
            self.errors[field].setText(text)
            self.errors[field].show()
            self.edits[field].setFocus()

    def _edited(self, key: str) -> None:
        self.errors[key].hide()
        self.sig_changed.emit()


class ApplicantStep(QWidget):
    """Step 1: who applies, and who acts for them."""

    sig_changed = Signal()
    sig_enter = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.applicant = PersonBox(self.tr("申请人"), "applicant")
        self.has_agent = QCheckBox(self.tr("由代理人代为办理(&G)"))
        self.has_agent.setObjectName("has_agent")
        self.agent = PersonBox(self.tr("代理人"), "agent")
        self.agent.kind.setEnabled(False)  # an agent is a person
        self.agent.setVisible(False)
        self.known = QLabel()
        self.known.setObjectName("known_applicant")
        layout = QVBoxLayout(self)
        layout.addWidget(self.applicant)
        layout.addWidget(self.known)
        layout.addWidget(self.has_agent)
        layout.addWidget(self.agent)
        layout.addStretch(1)
        self.has_agent.toggled.connect(self._agent_toggled)
        for box in (self.applicant, self.agent):
            box.sig_changed.connect(self.sig_changed)
            for edit in box.edits.values():
                edit.returnPressed.connect(self.sig_enter)
        self.applicant.edits["cert_no"].editingFinished.connect(self._look_up)

    def store(self, state: dict[str, Any]) -> None:
        """Write this step into the wizard state."""
        state["applicant"] = self.applicant.value().__dict__
        state["agent"] = self.agent.value().__dict__ if self.has_agent.isChecked() else None

    def load(self, state: dict[str, Any]) -> None:
        """Show the wizard state."""
        self.applicant.load(state.get("applicant") or {})
        agent = state.get("agent")
        self.has_agent.setChecked(bool(agent))
        self.agent.load(agent or {})

    def check(self) -> bool:
        """Validate both people; errors appear at the field."""
        for box, value in ((self.applicant, self.applicant.value()),
                           (self.agent, self.agent.value() if self.has_agent.isChecked() else None)):
            if value is None:
                continue
            try:
                self._ctx.intake.validate_applicant(value, role=box.role)
            except ServiceError as exc:
                box.show_error(exc.code.split(".", 1)[1], exc.message_zh)
                return False
        return True

    def _agent_toggled(self, on: bool) -> None:
        self.agent.setVisible(on)
        self.sig_changed.emit()

    def _look_up(self) -> None:
        """A number seen before fills the empty fields (the clerk can still correct them)."""
        cert = self.applicant.edits["cert_no"].text().strip()
        if len(cert) != 18:
            return
        known = self._ctx.intake.find_applicant(cert)
        if known is None:
            self.known.setText("")
            return
        for key in ("name", "phone", "address", "legal_rep"):
            if not self.applicant.edits[key].text():
                self.applicant.edits[key].setText(getattr(known, key))
        self.known.setText(self.tr("已从本站记录中带出申请人信息，请核对。"))


class ItemsStep(QWidget):
    """Step 2: items chosen by search (or a whole 一件事), and the 情形 of each."""

    sig_changed = Signal()
    sig_consult = Signal(str)
    """A consultation without a case: print this item's 一次性告知单."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.search = SearchBox(lambda text: ctx.search.search(text))
        self.consult = QPushButton(self.tr("打印一次性告知单（咨询，不建办件）(Alt+Y)"))
        self.consult.setObjectName("consult_notice")
        self.consult.setShortcut(QKeySequence("Alt+Y"))
        self.consult.clicked.connect(self._consult)
        self.chosen = QListWidget()
        self.chosen.setObjectName("chosen_items")
        self.remove = QPushButton(self.tr("移除所选事项(&R)"))
        self.situations = QGroupBox(self.tr("情形（决定需要哪些材料）"))
        self.situations.setObjectName("situations")
        self._sit_layout = QVBoxLayout(self.situations)
        self.bundle_label = QLabel()
        self.bundle_label.setObjectName("bundle_label")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("已选事项")))
        right.addWidget(self.bundle_label)
        right.addWidget(self.chosen, 1)
        right.addWidget(self.remove)
        right.addWidget(self.situations, 1)
        right.addWidget(self.error)
        left = QVBoxLayout()
        left.addWidget(self.search, 1)
        left.addWidget(self.consult)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._items: list[dict[str, Any]] = []
        self._bundle: str | None = None
        self.search.sig_chosen.connect(self._chosen)
        self.remove.clicked.connect(self._remove)

    def store(self, state: dict[str, Any]) -> None:
        """Write the items (keeping materials and forms already entered) into the wizard state."""
        old = {i["code"]: i for i in state.get("items", [])}
        state["items"] = [{**old.get(i["code"], {}), **i} for i in self._items]
        state["bundle_code"] = self._bundle

    def load(self, state: dict[str, Any]) -> None:
        """Show the wizard state."""
        self._items = [{"code": i["code"], "situations": list(i.get("situations", []))}
                       for i in state.get("items", [])]
        self._bundle = state.get("bundle_code")
        self._render()

    def check(self) -> bool:
        """At least one item."""
        if not self._items:
            self.error.setText(self.tr("请至少选择一个事项。"))
            self.search.focus_search()
            return False
        self.error.setText("")
        return True

    def _chosen(self, kind: str, code: str) -> None:
        try:
            items = self._ctx.intake.bundle_items(code) if kind == "bundle" else [self._ctx.intake.item(code)]
        except ServiceError as exc:
            self.error.setText(exc.message_zh)
            return
        if kind == "bundle":
            self._items, self._bundle = [], code
        have = {i["code"] for i in self._items}
        self._items += [{"code": it.code, "situations": []} for it in items if it.code not in have]
        self._render()
        self.sig_changed.emit()

    def _consult(self) -> None:
        chosen = self.search.current()
        if chosen is None or chosen[0] != "item":
            self.error.setText(self.tr("请先在搜索结果中选中一个事项（一件事请选其中的事项）。"))
            return
        self.error.setText("")
        self.sig_consult.emit(chosen[1])

    def _remove(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._bundle = None  # no longer the whole bundle
            self._render()
            self.sig_changed.emit()

    def _render(self) -> None:
        self.chosen.clear()
        while self._sit_layout.count():
            widget = self._sit_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.bundle_label.setText(self.tr("一件事：") + self._bundle if self._bundle else "")
        for entry in self._items:
            item = self._ctx.intake.item(entry["code"])
            self.chosen.addItem(QListWidgetItem(f"{item.name}  [{item.code}]"))
            for sit in item.situations:
                box = QCheckBox(f"{item.name}：{sit.name}")
                box.setObjectName(f"sit_{item.code}_{sit.code}")
                box.setChecked(sit.code in entry["situations"])
                box.toggled.connect(lambda on, e=entry, c=sit.code: self._situation(e, c, on))
                self._sit_layout.addWidget(box)
        self.situations.setVisible(self._sit_layout.count() > 0)
        self.chosen.setCurrentRow(self.chosen.count() - 1)

    def _situation(self, entry: dict[str, Any], code: str, on: bool) -> None:
        sits = [s for s in entry["situations"] if s != code] + ([code] if on else [])
        entry["situations"] = sits
        self.sig_changed.emit()

    def focus_search(self) -> None:
        """Ctrl+K lands here."""
        self.search.focus_search()


def align_top(widget: QWidget) -> None:
    """Keep a step's content at the top of the page."""
    widget.layout().setAlignment(Qt.AlignmentFlag.AlignTop)
