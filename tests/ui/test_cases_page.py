"""The cases page: overdue and near-due lines highlighted, filters, an action refused with its reason shown."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.intake_types import ApplicantInput
from app.ui.pages.cases import OVERDUE_BG, WARN_BG, CasesPage
from tests.integration.test_intake_helpers import bundle_request, commitment_request, immediate_request
from tests.ui.test_intake_wizard import ALT, K, shot, type_here


def test_overdue_highlight_filters_and_withdraw(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    clerk = ctx.auth.login("clerk", "yichuang2026")
    other = ApplicantInput("person", "张建国", "51160219800101001X", "13987654321")
    ctx.intake.submit(immediate_request(), clerk, documents=False)
    ctx.clock.advance(days=3)  # Mon 30 Nov: the 即办件 of Friday is overdue
    ctx.intake.submit(replace(commitment_request(), applicant=other), clerk, documents=False)
    ctx.intake.submit(bundle_request(), clerk, documents=False)
    ctx.intake.submit(immediate_request(), clerk, documents=False)  # due today: ≤ 1 working day left
    page = CasesPage(ctx, clerk)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    model = page.model
    colours = {model.row_at(r).provisional_no: model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
               for r in range(model.rowCount())}
    assert colours["511602000000-20261127-0001"] == OVERDUE_BG
    assert colours["511602000000-20261130-0006"] == WARN_BG
    assert colours["511602000000-20261130-0001"] is None  # 居住证, due 9 Dec
    shot(page, "cases_list")
    page.overdue.setFocus()
    qtbot.keyClick(page.overdue, K.Key_Space)
    assert [model.row_at(r).provisional_no for r in range(model.rowCount())] == ["511602000000-20261127-0001"]
    qtbot.keyClick(page.overdue, K.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "张建国")
    assert model.rowCount() == 1 and page.detail.detail.row.item_code == "JZZ01"
    qtbot.keyClick(page.detail, K.Key_W, ALT)  # 撤回 without a reason: refused, said why
    assert "理由" in page.detail.message.text()
    page.detail.reason.setFocus()
    type_here(qtbot, "申请人主动撤回")
    qtbot.keyClick(page.detail, K.Key_W, ALT)
    assert page.detail.detail.row.status == "closed"
    assert [e.action for e in page.detail.detail.events] == ["accept", "withdraw"]


def test_a_case_whose_personal_data_cannot_be_decrypted_says_why(qtbot, ctx, unexpected_dialogs) -> None:  # type: ignore[no-untyped-def]
    from app.security.pii import PiiCipher, new_master_key
    from app.ui.pages.cases import CasesPage
    from tests.integration.test_intake_helpers import immediate_request

    clerk = ctx.auth.login("clerk", "yichuang2026")
    ctx.intake.submit(immediate_request(), clerk, documents=False)
    ctx.__dict__["cipher"] = PiiCipher(new_master_key())  # as if the keyring now held another key
    page = CasesPage(ctx, clerk)
    qtbot.addWidget(page)
    page.refresh()
    page.table.selectRow(0)
    assert unexpected_dialogs and "个人信息无法解密" in unexpected_dialogs[0]
    unexpected_dialogs.clear()  # the message was the point of this test
