"""The intake wizard by keyboard only: a 即办件, a 承诺件 with a commitment letter, a bundle with 补正 → 出件."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QWidget
from sqlalchemy import select

from app.db.models import Case, CaseEvent, Commitment, Outbox
from app.ui.pages.intake import IntakePage
from tests.ui.shots import shot

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def clerk(ctx):  # type: ignore[no-untyped-def]
    return ctx.auth.login("clerk", "yichuang2026")


@pytest.fixture
def page(qtbot, ctx, clerk):  # type: ignore[no-untyped-def]
    w = IntakePage(ctx, clerk)
    qtbot.addWidget(w)
    w.resize(1180, 760)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget; Chinese arrives as key events carrying text (as from an input method)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(focused(), ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def tab(qtbot, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(), K.Key_Tab)


def alt(qtbot, page: IntakePage, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, ALT)


def fill_applicant(qtbot, page: IntakePage, agent: bool = False) -> None:  # type: ignore[no-untyped-def]
    assert page.current_step() == "applicant"
    assert focused().objectName() == "applicant_name"
    type_here(qtbot, "李秀英")
    tab(qtbot)
    type_here(qtbot, "11010519491231002X")
    tab(qtbot)
    type_here(qtbot, "13812345678")
    tab(qtbot)
    type_here(qtbot, "广安区幸福路12号")
    if agent:
        page.applicant.has_agent.setFocus()
        qtbot.keyClick(focused(), K.Key_Space)  # 由代理人代为办理
        page.applicant.agent.edits["name"].setFocus()
        type_here(qtbot, "王五")
        tab(qtbot)
        type_here(qtbot, "440524188001010014")
        tab(qtbot)
        type_here(qtbot, "13987654321")
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "items"


def choose(qtbot, page: IntakePage, query: str) -> None:  # type: ignore[no-untyped-def]
    assert focused().objectName() == "search_edit"
    type_here(qtbot, query)
    qtbot.keyClick(focused(), K.Key_Return)
    qtbot.keyClick(focused(), K.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), K.Key_Backspace)


def set_state(qtbot, page: IntakePage, code: str, downs: int, item: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor on a material's state box and press ↓ `downs` times (缺 → 已收 → 电子证照 → 告知承诺 …)."""
    lines = page.materials._rows[item][2]
    line = next(ln for ln in lines if ln.material.code == code)
    line.state.setFocus()
    for _ in range(downs):
        qtbot.keyClick(line.state, K.Key_Down)


SAMPLE = {"date": "2026-01-05", "id_card": "440524188001010014", "phone": "13987654321", "int": "1",
          "decimal": "1", "uscc": "91350100M000100Y43"}


def fill_form(qtbot, renderer) -> None:  # type: ignore[no-untyped-def]
    """Answer whatever the demo form still requires, by keyboard: ↓ on a choice, typing in a line."""
    for _ in range(5):
        errors = renderer.validate()
        if not errors:
            return
        for path, _msg in errors:
            editor = renderer.editor(path)
            editor.setFocus()
            if isinstance(editor, QComboBox):
                qtbot.keyClick(editor, K.Key_Down)
            elif isinstance(editor, QLineEdit):
                qtbot.keyClick(editor, K.Key_A, Qt.KeyboardModifier.ControlModifier)
                kind = renderer._rows[path].spec.type
                type_here(qtbot, SAMPLE.get(kind, "6222020200112233"))


def outbox_entities(ctx, case_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return sorted(s.execute(select(Outbox.entity).where(Outbox.case_id == case_id)).scalars())




def test_immediate_item_accepted_at_once(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    fill_applicant(qtbot, page)
    choose(qtbot, page, "ylbx")
    shot(page, "intake_2_items")
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "materials"
    set_state(qtbot, page, "SQB", 1)
    set_state(qtbot, page, "SFZ", 2)  # 电子证照
    set_state(qtbot, page, "HKB", 1)
    assert page.materials.decision.text().startswith("可受理")
    shot(page, "intake_3_materials")
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "form"
    renderer = page.form.renderers["YLBX01"]
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "form"  # the form has required fields: errors shown, not moved on
    shot(page, "intake_4_form")
    assert renderer.model.get("ins_name") == "李秀英"  # taken from the applicant step
    fill_form(qtbot, renderer)
    assert renderer.validate() == []
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "decision"
    assert page.decision.chosen() is not None and page.decision.chosen().value == "accept"
    shot(page, "intake_5_decision")
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "done", page.decision.error.text()
    shot(page, "intake_6_done")
    (case,) = page.result.cases
    assert case.status == "accepted" and case.due_date.isoformat() == "2026-11-27"
    assert outbox_entities(ctx, case.id) == ["case", "case_event"]
    with ctx.db.session() as s:
        row = s.get(Case, case.id)
        assert row.form_data["ins_name"] == "李秀英"
    assert ctx.intake.latest_draft(page._operator.id) is None


def test_promise_item_with_a_commitment_letter(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    shot(page, "intake_1_applicant")
    fill_applicant(qtbot, page)
    type_here(qtbot, "jzz")
    shot(page, "intake_2_search")
    qtbot.keyClick(focused(), K.Key_Return)
    box = page.items.findChild(QCheckBox, "sit_JZZ01_ZF")  # 情形: 以合法稳定住所申领
    box.setFocus()
    qtbot.keyClick(box, K.Key_Space)
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "materials"
    for code in ("SQB", "SFZ", "ZP"):
        set_state(qtbot, page, code, 1)
    set_state(qtbot, page, "ZSZM", 3)  # 告知承诺
    assert page.materials.decision.text().startswith("需补正")  # the letter is not signed yet
    assert "尚未签署" in page.findChild(QLabel, "verdict_JZZ01").text()
    signed = page.findChild(QCheckBox, "signed_ZSZM")
    signed.setFocus()
    qtbot.keyClick(signed, K.Key_Space)
    assert page.materials.decision.text().startswith("可受理")
    alt(qtbot, page, K.Key_N)
    fill_form(qtbot, page.form.renderers["JZZ01"])
    assert page.form.renderers["JZZ01"].validate() == []
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "decision"
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "done", page.decision.error.text()
    (case,) = page.result.cases
    assert case.due_date.isoformat() == "2026-12-08"
    with ctx.db.session() as s:
        c = s.execute(select(Commitment).where(Commitment.case_id == case.id)).scalar_one()
        assert c.signed_at is not None and c.material_code == "ZSZM"
        assert [e.action for e in s.execute(select(CaseEvent).where(CaseEvent.case_id == case.id))
                .scalars()] == ["accept"]
    assert outbox_entities(ctx, case.id) == ["case", "case_event"]


def test_bundle_missing_material_supplement_then_completed_and_delivered(qtbot, page, ctx, clerk
                                                                         ) -> None:  # type: ignore[no-untyped-def]
    fill_applicant(qtbot, page, agent=True)
    type_here(qtbot, "chusheng")
    qtbot.keyClick(focused(), K.Key_Return)  # 【一件事】新生儿出生一件事 is listed first
    assert [i["code"] for i in page.items._items] == ["SYDJ01", "HKCS01", "YB01", "SBKSL01"]
    alt(qtbot, page, K.Key_N)
    for item_index, codes in enumerate((("SFZ", "SQB"), ("HKB", "SFZ"), ("SFZ", "HKB"), ("SFZ", "ZP"))):
        for code in codes:
            set_state(qtbot, page, code, 1, item=item_index)
    assert page.materials.decision.text().startswith("需补正")
    assert "出生医学证明" in page.materials.decision.text()
    shot(page, "intake_3_materials_bundle")
    alt(qtbot, page, K.Key_N)
    fill_form(qtbot, page.form.renderers["SYDJ01"])
    alt(qtbot, page, K.Key_N)
    assert page.decision.chosen() is not None, page.decision.summary.text() + str(page.state)[:1500]
    assert page.decision.chosen().value == "request_supplement"
    alt(qtbot, page, K.Key_N)
    assert page.current_step() == "done", page.decision.error.text()
    cases = page.result.cases
    assert {c.status for c in cases} == {"await_supplement"} and len(cases) == 4
    assert [d.kind for d in page.result.documents] == ["supplement_notice"]

    from app.ui.pages.cases import CasesPage

    cases_page = CasesPage(ctx, clerk)
    qtbot.addWidget(cases_page)
    cases_page.resize(1180, 760)
    cases_page.show()
    qtbot.waitExposed(cases_page)
    page.close()
    cases_page.activateWindow()
    qtbot.waitUntil(cases_page.isActiveWindow)
    birth = cases[1]
    cases_page.search.setFocus()
    qtbot.waitUntil(lambda: focused() is cases_page.search)
    type_here(qtbot, birth.provisional_no)
    assert cases_page.model.rowCount() == 1 and cases_page.detail.case_id == birth.id
    detail = cases_page.detail
    ctx.clock.advance(hours=2)  # the missing certificate is brought in later that day
    qtbot.keyClick(detail, K.Key_C, ALT)  # 补正完成
    assert detail.detail.row.status == "accepted", detail.message.text()
    qtbot.keyClick(detail, K.Key_R, ALT)  # 办结待取 (即办件: approved at the window)
    assert detail.detail.row.status == "ready_for_pickup"
    detail.receiver_name.setFocus()
    type_here(qtbot, "王五")
    tab(qtbot)
    type_here(qtbot, "440524188001010014")
    tab(qtbot)
    type_here(qtbot, "wangwu-signature")
    qtbot.keyClick(detail, K.Key_D, ALT)  # 窗口出件
    assert detail.detail.row.status == "delivered", detail.message.text()
    docs = detail.documents.list
    assert any("出件签收单" in docs.item(k).text() for k in range(docs.count()))  # issued on delivery
    shot(cases_page, "cases_detail")
    with ctx.db.session() as s:
        actions = list(s.execute(select(CaseEvent.action).where(CaseEvent.case_id == birth.id)
                                 .order_by(CaseEvent.seq)).scalars())
    assert actions == ["request_supplement", "complete_supplement", "approve", "ready", "deliver"]
    assert outbox_entities(ctx, birth.id).count("case_event") == 5
