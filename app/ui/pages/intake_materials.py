"""Intake wizard step 3: the material checklist of every item, with the live decision beside it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import Material, Necessity, ServiceItem
from app.domain.checklist import ChecklistOutcome, Decision, MaterialEntry, MaterialState
from app.services.context import AppContext
from app.services.errors import ServiceError
from app.services.intake_types import ItemIntake

ST = MaterialState
# Order matters for the keyboard: ↓ once from 缺 is 已收.
STATES = (ST.MISSING, ST.RECEIVED, ST.ELICENSE, ST.COMMITMENT, ST.DEFICIENCY, ST.NOT_APPLICABLE)


def state_label(state: MaterialState) -> str:
    """Chinese name of a material state (translated at use)."""
    names = {
        ST.MISSING: QT_TRANSLATE_NOOP("intake", "缺"),
        ST.RECEIVED: QT_TRANSLATE_NOOP("intake", "已收"),
        ST.ELICENSE: QT_TRANSLATE_NOOP("intake", "电子证照"),
        ST.COMMITMENT: QT_TRANSLATE_NOOP("intake", "告知承诺"),
        ST.DEFICIENCY: QT_TRANSLATE_NOOP("intake", "容缺后补"),
        ST.NOT_APPLICABLE: QT_TRANSLATE_NOOP("intake", "不适用"),
    }
    return QCoreApplication.translate("intake", names[state])


def decision_label(decision: Decision) -> str:
    """可受理 / 容缺受理 / 需补正 / 不予受理."""
    names = {
        Decision.ACCEPT: QT_TRANSLATE_NOOP("intake", "可受理"),
        Decision.ACCEPT_WITH_DEFICIENCY: QT_TRANSLATE_NOOP("intake", "容缺受理"),
        Decision.REQUEST_SUPPLEMENT: QT_TRANSLATE_NOOP("intake", "需补正"),
        Decision.REJECT: QT_TRANSLATE_NOOP("intake", "不予受理"),
    }
    return QCoreApplication.translate("intake", names[decision])


# In MaterialsStep's context: the step translates them with self.tr(variable).
_REASON = {
    "missing": QT_TRANSLATE_NOOP("MaterialsStep", "未提交"),
    "counts_short": QT_TRANSLATE_NOOP("MaterialsStep", "份数不足"),
    "required_not_applicable": QT_TRANSLATE_NOOP("MaterialsStep", "必要材料不能设为不适用"),
    "elicense_not_exempt": QT_TRANSLATE_NOOP("MaterialsStep", "该材料不能以电子证照代替"),
    "deficiency_not_allowed": QT_TRANSLATE_NOOP("MaterialsStep", "该材料不允许容缺"),
    "commitment_not_allowed": QT_TRANSLATE_NOOP("MaterialsStep", "该材料不能以告知承诺代替"),
    "commitment_unsigned": QT_TRANSLATE_NOOP("MaterialsStep", "告知承诺书尚未签署"),
}


def entries_of(data: dict[str, Any]) -> tuple[MaterialEntry, ...]:
    """Material entries from the wizard state of one item."""
    out = []
    for code, m in (data.get("materials") or {}).items():
        due = date.fromisoformat(m["due"]) if m.get("due") else None
        out.append(MaterialEntry(code, ST(m.get("state", "missing")), int(m.get("originals", 0)),
                                 int(m.get("copies", 0)), due, bool(m.get("signed"))))
    return tuple(out)


def intake_of(data: dict[str, Any]) -> ItemIntake:
    """One item's ItemIntake from the wizard state."""
    return ItemIntake(data["code"], tuple(data.get("situations", ())), entries_of(data), dict(data.get("form") or {}))


class _MaterialRow:
    """The editors of one material line."""

    def __init__(self, grid: QGridLayout, row: int, m: Material, data: dict[str, Any], default_due: date) -> None:
        self.material = m
        mark = "*" if m.necessity is Necessity.REQUIRED else ""
        name = QLabel(f"{mark}{m.name}")
        name.setToolTip(m.accept_standard)
        self.state = QComboBox()
        self.state.setObjectName(f"state_{m.code}")
        for st in STATES:
            self.state.addItem(state_label(st), st.value)
        self.originals = QSpinBox()
        self.copies = QSpinBox()
        for spin, need in ((self.originals, m.originals), (self.copies, m.copies)):
            spin.setRange(0, 99)
            spin.setSuffix(f" / {need}")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.signed = QCheckBox(QCoreApplication.translate("intake", "已签署"))
        self.signed.setObjectName(f"signed_{m.code}")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setObjectName(f"error_{m.code}")
        for col, w in enumerate((name, self.state, self.originals, self.copies, self.due, self.signed)):
            grid.addWidget(w, row * 2, col)
        grid.addWidget(self.error, row * 2 + 1, 0, 1, 6)
        self.error.hide()
        self.state.setCurrentIndex(max(0, self.state.findData(data.get("state", "missing"))))
        self.originals.setValue(int(data.get("originals", 0)))
        self.copies.setValue(int(data.get("copies", 0)))
        due = data.get("due")
        self.due.setDate(QDate.fromString(due, "yyyy-MM-dd") if due else QDate(default_due))
        self.signed.setChecked(bool(data.get("signed")))
        self.state.currentIndexChanged.connect(self._state_changed)
        self._enable()

    def value(self) -> dict[str, Any]:
        """The wizard-state form of this line."""
        st = ST(self.state.currentData())
        return {"state": st.value, "originals": self.originals.value(), "copies": self.copies.value(),
                "due": self.due.date().toString("yyyy-MM-dd") if st is ST.DEFICIENCY else None,
                "signed": self.signed.isChecked() if st is ST.COMMITMENT else False}

    def _state_changed(self) -> None:
        if ST(self.state.currentData()) is ST.RECEIVED and not (self.originals.value() or self.copies.value()):
            # received: start from the catalogue's counts, the clerk lowers them if fewer were handed in
            self.originals.setValue(self.material.originals)
            self.copies.setValue(self.material.copies)
        self._enable()

    def _enable(self) -> None:
        st = ST(self.state.currentData())
        self.originals.setEnabled(st is ST.RECEIVED)
        self.copies.setEnabled(st is ST.RECEIVED)
        self.due.setEnabled(st is ST.DEFICIENCY)
        self.signed.setEnabled(st is ST.COMMITMENT)


class MaterialsStep(QWidget):
    """Step 3: one group per item; the decision is recomputed on every change."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self._rows: list[tuple[ServiceItem, dict[str, Any], list[_MaterialRow], QLabel]] = []
        self.decision = QLabel()
        self.decision.setObjectName("live_decision")
        self.decision.setWordWrap(True)
        self.decision.setMinimumWidth(260)
        self.decision.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._inner = QWidget()
        self._inner_layout = QVBoxLayout(self._inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        side = QVBoxLayout()
        title = QLabel(self.tr("受理判断"))
        title.setStyleSheet("font-weight: bold;")
        side.addWidget(title)
        side.addWidget(self.decision)
        side.addStretch(1)
        layout.addLayout(side, 1)
        self.outcomes: list[ChecklistOutcome] = []

    def load(self, state: dict[str, Any]) -> None:
        """Rebuild the lines for the chosen items and situations."""
        while self._inner_layout.count():
            w = self._inner_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._rows = []
        for data in state.get("items", []):
            item = self._ctx.intake.item(data["code"])
            limit = (self.tr("即办件") if item.promise_limit.days == 0
                     else f"{self.tr('承诺时限')} {item.promise_limit.days} {self.tr('个工作日')}")
            box = QGroupBox(f"{item.name}（{limit}）")
            grid = QGridLayout(box)
            for col, head in enumerate((self.tr("材料（*必要）"), self.tr("情况"), self.tr("原件"),
                                        self.tr("复印件"), self.tr("容缺补交期限"), self.tr("承诺书"))):
                grid.addWidget(QLabel(f"<b>{head}</b>"), 0, col)
            promise = self._ctx.intake.promise_due(item)
            saved = data.get("materials") or {}
            lines = []
            for k, m in enumerate(item.materials_for(data.get("situations", ())), start=1):
                line = _MaterialRow(grid, k, m, saved.get(m.code, {}), promise)
                for signal in (line.state.currentIndexChanged, line.originals.valueChanged,
                               line.copies.valueChanged, line.due.dateChanged, line.signed.toggled):
                    signal.connect(self._changed)
                lines.append(line)
            verdict = QLabel()
            verdict.setObjectName(f"verdict_{item.code}")
            grid.addWidget(verdict, 2 * len(lines) + 2, 0, 1, 6)
            self._inner_layout.addWidget(box)
            self._rows.append((item, data, lines, verdict))
        self._inner_layout.addStretch(1)
        self.evaluate()

    def store(self, state: dict[str, Any]) -> None:
        """Write every line into the wizard state."""
        by_code = {d["code"]: d for d in state.get("items", [])}
        for item, _data, lines, _v in self._rows:
            if item.code in by_code:
                by_code[item.code]["materials"] = {ln.material.code: ln.value() for ln in lines}

    def evaluate(self) -> bool:
        """Recompute the decision; False (and the message at the material) when a line is invalid."""
        self.outcomes = []
        problems = []
        for item, data, lines, verdict in self._rows:
            for ln in lines:
                ln.error.hide()
            intake = ItemIntake(item.code, tuple(data.get("situations", ())),
                                tuple(_entry(ln) for ln in lines))
            try:
                outcome = self._ctx.intake.evaluate(intake)
            except ServiceError as exc:
                code = exc.code.rsplit(":", 1)[-1]
                target = next((ln for ln in lines if ln.material.code == code), None)
                if target is not None:
                    target.error.setText(exc.message_zh)
                    target.error.show()
                problems.append(exc.message_zh)
                verdict.setText("")
                continue
            self.outcomes.append(outcome)
            verdict.setText(self._verdict(outcome))
        self.decision.setText("\n".join(problems) if problems else self._overall())
        return not problems

    def _verdict(self, outcome: ChecklistOutcome) -> str:
        text = f"<b>{decision_label(outcome.decision)}</b>"
        if outcome.blockers:
            text += "：" + "；".join(f"{b.material_name}（{self.tr(_REASON[b.reason])}）" for b in outcome.blockers)
        return text

    def _overall(self) -> str:
        if not self.outcomes:
            return ""
        worst = max(self.outcomes, key=lambda o: list(Decision).index(o.decision)).decision
        lines = [decision_label(worst)]
        for o in self.outcomes:
            lines += [f"· {b.material_name}：{b.accept_standard or self.tr(_REASON[b.reason])}" for b in o.blockers]
        return "\n".join(lines)

    def _changed(self) -> None:
        self.evaluate()
        self.sig_changed.emit()


def _entry(ln: _MaterialRow) -> MaterialEntry:
    v = ln.value()
    due = date.fromisoformat(v["due"]) if v["due"] else None
    return MaterialEntry(ln.material.code, ST(v["state"]), v["originals"], v["copies"], due, v["signed"])
