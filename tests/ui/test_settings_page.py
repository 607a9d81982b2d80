"""Administrators edit holidays (the deadline follows), import a catalogue, create an account."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate

from app.config import resources_dir
from app.domain.units import TimeLimit
from app.ui.main_window import MainWindow
from tests.ui.shots import shot


def _settings_page(qtbot, ctx):  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, ctx.auth.login("admin", "yichuang2026"), ctx.station.get())
    qtbot.addWidget(window)
    window.show()
    return window, window.show_page("settings")


def test_holiday_override_moves_the_due_date(qtbot, ctx) -> None:
    _window, page = _settings_page(qtbot, ctx)
    assert ctx.calendar.due(date(2026, 12, 1), TimeLimit(1)) == date(2026, 12, 2)
    page.day_edit.setDate(QDate(2026, 12, 2))
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("holiday"))
    page.note_edit.setText("演示：临时调整")  # QTest types ASCII only; an input method would type this
    page.add_override_button.click()
    assert page.overrides_model.rowCount() == 1
    assert ctx.calendar.due(date(2026, 12, 1), TimeLimit(1)) == date(2026, 12, 3)


def test_bad_catalogue_import_keeps_the_old_one_and_says_why(qtbot, ctx, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("app.ui.messages.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    _window, page = _settings_page(qtbot, ctx)
    before = ctx.catalogue.active_version()
    data = json.loads((resources_dir() / "catalogue" / "demo.json").read_text(encoding="utf-8"))
    data["version"] = "bad-one"
    data["items"][0]["code"] = ""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.import_catalogue(bad)
    assert ctx.catalogue.active_version() == before
    assert shown and "第1项" in shown[0]


def test_create_account_and_screenshot(qtbot, ctx) -> None:
    window, page = _settings_page(qtbot, ctx)
    qtbot.keyClicks(page.new_user_edit, "clerk2")
    page.new_name_edit.setText("赵六")
    qtbot.keyClicks(page.new_pw_edit, "counter2026")
    page.create_account_button.click()
    assert "clerk2" in [o.username for o in ctx.auth.list_operators()]
    assert page.new_pw_edit.text() == ""
    shot(window, "settings")


def test_language_choice_is_saved_for_next_start(qtbot, ctx) -> None:
    _window, page = _settings_page(qtbot, ctx)
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.language_combo.activated.emit(page.language_combo.currentIndex())
    assert ctx.profile.load_settings().language == "en"


def test_printers_are_chosen_in_the_settings_page(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["HP-A4", "XP-80"]))
    _window, page = _settings_page(qtbot, ctx)
    combo = page.printers.combos["receipt"]
    combo.setCurrentIndex(combo.findData("XP-80"))
    page.printers.save_button.click()
    assert ctx.documents.printer_for("roll80") == "XP-80" and ctx.documents.printer_for("a4") == ""
