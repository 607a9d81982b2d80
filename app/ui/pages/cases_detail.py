"""The case detail pane: facts, timeline, materials, commitments and the window's actions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorInfo
from app.services.cases_docs import issue_delivery_receipt
from app.services.cases_types import CaseDetail, CaseRow
from app.services.context import AppContext
from app.services.errors import ServiceError
from app.ui.pages.cases_documents import DocumentsPanel

_ACTION_ZH = {
    "accept": QT_TRANSLATE_NOOP("cases", "受理"),
    "accept_with_deficiency": QT_TRANSLATE_NOOP("cases", "容缺受理"),
    "request_supplement": QT_TRANSLATE_NOOP("cases", "补正告知"),
    "complete_supplement": QT_TRANSLATE_NOOP("cases", "补正完成"),
    "reject": QT_TRANSLATE_NOOP("cases", "不予受理"),
    "give_up": QT_TRANSLATE_NOOP("cases", "退件"),
    "transfer": QT_TRANSLATE_NOOP("cases", "流转"),
    "start_review": QT_TRANSLATE_NOOP("cases", "开始审批"),
    "suspend": QT_TRANSLATE_NOOP("cases", "特别程序"),
    "resume": QT_TRANSLATE_NOOP("cases", "恢复审批"),
    "approve": QT_TRANSLATE_NOOP("cases", "准予"),
    "deny": QT_TRANSLATE_NOOP("cases", "不予许可"),
    "forward": QT_TRANSLATE_NOOP("cases", "转报"),
    "ready": QT_TRANSLATE_NOOP("cases", "待出件"),
    "deliver": QT_TRANSLATE_NOOP("cases", "出件"),
    "close": QT_TRANSLATE_NOOP("cases", "关闭"),
    "withdraw": QT_TRANSLATE_NOOP("cases", "撤回"),
    "void": QT_TRANSLATE_NOOP("cases", "作废"),
    "commitment_check": QT_TRANSLATE_NOOP("cases", "承诺核查"),
}
_MATERIAL_ZH = {
    "received": QT_TRANSLATE_NOOP("cases", "已收"),
    "elicense": QT_TRANSLATE_NOOP("cases", "电子证照"),
    "commitment": QT_TRANSLATE_NOOP("cases", "告知承诺"),
    "deficiency": QT_TRANSLATE_NOOP("cases", "容缺后补"),
    "missing": QT_TRANSLATE_NOOP("cases", "缺"),
    "not_applicable": QT_TRANSLATE_NOOP("cases", "不适用"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("cases", text)


class CaseDetailPane(QWidget):
    """Shows one case; each action button runs one service call and reports the result here."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, operator: OperatorInfo) -> None:
        super().__init__()
        self._ctx = ctx
        self._operator = operator
        self.case_id: str | None = None
        self.detail: CaseDetail | None = None
        self._note = ""  # a problem after a successful action (e.g. the 出件签收单 failed to render)
        self._build_ui()

    # ---- Public API
    def show_case(self, case_id: str | None) -> None:
        """Load and show a case (None clears the pane)."""
        self.case_id = case_id
        self.detail = self._ctx.cases.detail(case_id) if case_id else None
        d = self.detail
        self.timeline.clear()
        self.materials.clear()
        self.commitments.clear()
        self.documents.set_documents(d.documents if d else ())
        if d is None:
            self.facts.setText(_tr("未选择办件"))
            self._enable(())
            return
        from app.ui.pages.cases import status_zh

        r = d.row
        self.facts.setText(
            f"<b>{r.provisional_no}</b>　{status_zh(r.status)}<br>{r.item_name}<br>"
            f"{_tr('申请人')}：{r.applicant_name}（{d.applicant_id_masked}，{d.applicant_phone_masked}）"
            + (f"<br>{_tr('代理人')}：{d.agent_name}" if d.agent_name else "")
            + f"<br>{_tr('办结期限')}：{r.due_date or '—'}"
            + (f"<br><span style='color:#b3261e'>{_tr('告知承诺核查不实，请依法处理')}</span>" if r.flagged else ""))
        for e in d.events:
            at = e.at.astimezone(self._ctx.settings.tz).strftime("%Y-%m-%d %H:%M")
            self.timeline.addItem(f"{e.seq}. {at}  {_tr(_ACTION_ZH.get(e.action, e.action))}  → "
                                  f"{status_zh(e.to_status)}" + (f"（{e.reason}）" if e.reason else ""))
        for m in d.materials:
            extra = f" {_tr('补交期限')} {m.deficiency_due}" if m.deficiency_due else ""
            self.materials.addItem(f"{m.name}：{_tr(_MATERIAL_ZH.get(m.state, m.state))}{extra}")
        for c in d.commitments:
            result = {"pending": _tr("待核查"), "true": _tr("属实"), "false": _tr("不实")}[c.verify_result]
            self.commitments.addItem(f"{c.proof_name}：{result}", c.id)
        self._enable(d.allowed)
        self.message.setText("")

    # ---- Building
    def _build_ui(self) -> None:
        self.facts = QLabel()
        self.facts.setObjectName("case_facts")
        self.facts.setWordWrap(True)
        self.timeline = QListWidget()
        self.timeline.setObjectName("case_timeline")
        self.materials = QListWidget()
        self.materials.setObjectName("case_materials")
        self.documents = DocumentsPanel(self._ctx.documents, self._operator.id)
        self.commitments = QComboBox()
        self.commitments.setObjectName("case_commitments")
        self.receiver_name = QLineEdit()
        self.receiver_name.setObjectName("receiver_name")
        self.receiver_cert = QLineEdit()
        self.receiver_cert.setObjectName("receiver_cert")
        self.signature = QLineEdit()
        self.signature.setObjectName("signature")
        self.signature.setPlaceholderText(_tr("签字板图像或签名文字"))
        self.tracking = QLineEdit()
        self.tracking.setObjectName("tracking_no")
        self.reason = QLineEdit()
        self.reason.setObjectName("action_reason")
        self.reason.setPlaceholderText(_tr("撤回理由或核查情况"))
        form = QFormLayout()
        form.addRow(_tr("领取人姓名"), self.receiver_name)
        form.addRow(_tr("领取人证件号"), self.receiver_cert)
        form.addRow(_tr("领取人签名"), self.signature)
        form.addRow(_tr("邮寄单号"), self.tracking)
        form.addRow(_tr("理由/情况"), self.reason)
        form.addRow(_tr("告知承诺书"), self.commitments)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs = (("complete_supplement", _tr("补正完成"), "Alt+C", self._complete),
                 ("ready", _tr("办结待取"), "Alt+R", self._ready),
                 ("deliver", _tr("窗口出件"), "Alt+D", self._deliver), ("mail", _tr("邮寄出件"), "Alt+M", self._mail),
                 ("withdraw", _tr("撤回"), "Alt+W", self._withdraw),
                 ("check_true", _tr("核查属实"), "Alt+T", self._check_true),
                 ("check_false", _tr("核查不实"), "Alt+F", self._check_false))
        for k, (key, text, keys, slot) in enumerate(specs):
            button = QPushButton(f"{text} ({keys})")
            button.setObjectName(f"act_{key}")
            button.clicked.connect(slot)
            # explicit shortcuts: they work whatever the platform does with mnemonics
            QShortcut(QKeySequence(keys), self, activated=button.click,
                      context=Qt.ShortcutContext.WindowShortcut)
            self.buttons[key] = button
            grid.addWidget(button, k // 4, k % 4)
        self.message = QLabel()
        self.message.setObjectName("case_message")
        self.message.setWordWrap(True)
        actions = QGroupBox(_tr("操作"))
        av = QVBoxLayout(actions)
        av.addLayout(form)
        av.addLayout(grid)
        av.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(_tr("办理过程")))
        layout.addWidget(self.timeline, 2)
        layout.addWidget(QLabel(_tr("材料")))
        layout.addWidget(self.materials, 1)
        layout.addWidget(QLabel(_tr("文书（Alt+P 预览/打印，Alt+U 补打）")))
        layout.addWidget(self.documents, 1)
        layout.addWidget(actions)

    def _enable(self, allowed: tuple[str, ...]) -> None:
        status = self.detail.row.status if self.detail else ""
        pending = self.detail is not None and any(c.verify_result == "pending" for c in self.detail.commitments)
        self.buttons["complete_supplement"].setEnabled("complete_supplement" in allowed)
        self.buttons["ready"].setEnabled(status in ("accepted", "transferred", "in_review", "decided"))
        self.buttons["deliver"].setEnabled("deliver" in allowed)
        self.buttons["mail"].setEnabled("deliver" in allowed)
        self.buttons["withdraw"].setEnabled("withdraw" in allowed)
        self.buttons["check_true"].setEnabled(pending)
        self.buttons["check_false"].setEnabled(pending)

    # ---- Actions
    def _run(self, action: str, call: object) -> None:
        if self.case_id is None:
            return
        try:
            row = call()  # type: ignore[operator]
        except ServiceError as exc:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(exc.message_zh)
            return
        for edit in (self.receiver_name, self.receiver_cert, self.signature, self.tracking, self.reason):
            edit.clear()
        self.show_case(row.id)
        self.message.setStyleSheet("color: #146c2e;")
        self.message.setText(_tr("已完成：") + _tr(action))
        if self._note:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(self.message.text() + "\n" + self._note)
            self._note = ""
        self.sig_changed.emit()

    def _complete(self) -> None:
        self._run(QT_TRANSLATE_NOOP("cases", "补正完成"),
                  lambda: self._ctx.cases.complete_supplement(self.case_id, self._operator))

    def _ready(self) -> None:
        self._run(QT_TRANSLATE_NOOP("cases", "办结待取"),
                  lambda: self._ctx.cases.mark_ready(self.case_id, self._operator))

    def _deliver(self) -> None:
        self._run(QT_TRANSLATE_NOOP("cases", "窗口出件"), lambda: self._with_receipt(self._ctx.cases.deliver_at_window(
            self.case_id, self._operator, receiver_name=self.receiver_name.text(),
            receiver_cert_no=self.receiver_cert.text(), signature=self.signature.text())))

    def _mail(self) -> None:
        self._run(QT_TRANSLATE_NOOP("cases", "邮寄出件"), lambda: self._with_receipt(self._ctx.cases.deliver_by_mail(
            self.case_id, self._operator, tracking_no=self.tracking.text())))

    def _with_receipt(self, row: CaseRow) -> CaseRow:
        """Issue the 出件签收单; the delivery is already saved, so a render problem is only reported."""
        try:
            issue_delivery_receipt(self._ctx, row.id, self._operator)
        except ServiceError as exc:
            self._note = _tr("出件已记录，但出件签收单未能生成：") + exc.message_zh
        return row

    def _withdraw(self) -> None:
        self._run(QT_TRANSLATE_NOOP("cases", "撤回"),
                  lambda: self._ctx.cases.withdraw(self.case_id, self._operator, self.reason.text()))

    def _check(self, result: str) -> None:
        commitment_id = self.commitments.currentData()
        if commitment_id:
            self._run(QT_TRANSLATE_NOOP("cases", "承诺核查"), lambda: self._ctx.cases.record_commitment_check(
                commitment_id, self._operator, result=result, note=self.reason.text()))

    def _check_true(self) -> None:
        self._check("true")

    def _check_false(self) -> None:
        self._check("false")
