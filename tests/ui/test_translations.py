"""Every visible Chinese string in app/ui goes through Qt translation; the English catalogue loads and is current."""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_translations.py"

# Calls whose string arguments end up on screen. A CJK literal anywhere in such an argument (also inside an
# f-string or a concatenation) must be inside tr()/translate()/QT_TRANSLATE_NOOP.
VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText", "setTitle",
    "setHtml", "setPlainText", "setMarkdown", "append", "insertPlainText", "setLabelText", "setInformativeText",
    "setDetailedText", "setPrefix", "setSuffix", "setSpecialValueText", "setAccessibleName", "setItemText",
    "setTabText", "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addItem", "addItems",
    "insertItem", "insertItems", "addTab", "insertTab", "addRow", "insertRow", "addAction", "addMenu",
    "showMessage", "information", "warning", "critical", "question", "about", "getText", "getItem", "getInt",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu", "QToolButton",
    "QCommandLinkButton", "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem", "QMessageBox",
    "QStandardItem", "Column", "show_error", "show_fatal", "show_info",
}
TRANSLATING = {"tr", "_tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
KEEP_MARK = "# i18n: keep"  # on a line whose Chinese literal is deliberately never translated


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_translations", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_translations", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _cjk_literals(node: ast.AST, tool) -> list[ast.Constant]:  # type: ignore[no-untyped-def]
    """CJK string constants under node, not looking inside translation calls."""
    if isinstance(node, ast.Call) and tool._call_name(node) in TRANSLATING:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and tool.CJK.search(node.value):
        return [node]
    return [c for child in ast.iter_child_nodes(node) for c in _cjk_literals(child, tool)]


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))  # bare string statements: docstrings and attribute docs
    return found


def find_untranslated(tool, sources: list[Path] | None = None,  # type: ignore[no-untyped-def]
                      root: Path = ROOT) -> tuple[list[str], list[str]]:
    """(CJK literals passed to visible calls, other CJK literals outside tr) in app/ui, as 'file:line text'."""
    visible: list[str] = []
    loose: list[str] = []
    for path in sources if sources is not None else tool.ui_sources():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        rel = path.relative_to(root)
        in_calls: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and tool._call_name(node) in VISIBLE_CALLS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    lits = _cjk_literals(arg, tool)
                    in_calls.update(id(lit) for lit in lits)
                    if lits:  # one report per argument, however many pieces an f-string has
                        visible.append(f"{rel}:{lits[0].lineno} {lits[0].value!r}")
        skip = _docstrings(tree) | in_calls
        for lit in _cjk_literals(tree, tool):
            if id(lit) not in skip and KEEP_MARK not in lines[lit.lineno - 1]:
                loose.append(f"{rel}:{lit.lineno} {lit.value!r}")
    return visible, loose


def test_no_chinese_literal_reaches_a_widget_untranslated() -> None:
    visible, _loose = find_untranslated(_tool())
    assert not visible, "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(visible)


# Files that held Chinese literals outside tr() when this test was written (dictionaries of labels translated
# later with self.tr(variable), which lupdate cannot extract). Reported to their owners; shrink this set as they are
# fixed with QT_TRANSLATE_NOOP / QT_TR_NOOP, or "# i18n: keep" for text never shown (e.g. speech digits).
KNOWN_LOOSE_FILES: set[str] = set()  # all fixed; keep it empty


def test_no_new_file_keeps_chinese_literals_outside_translation() -> None:
    # Stricter than the widget rule: a literal put in a variable or a dict first still reaches the screen, and
    # lupdate never sees it. The brand name given to setApplicationDisplayName is the sanctioned exception.
    _visible, loose = find_untranslated(_tool())
    loose = [x for x in loose if not (x.startswith("app/ui/qt_app.py") and "'一窗'" in x)]
    new = [x for x in loose if x.split(":", 1)[0] not in KNOWN_LOOSE_FILES]
    assert not new, "wrap in QT_TRANSLATE_NOOP/QT_TR_NOOP or mark the line '# i18n: keep':\n" + "\n".join(new)


def test_detector_catches_a_bare_label(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text(
        'from PySide6.QtWidgets import QLabel\n'
        'class P:\n'
        '    def build(self, n):\n'
        '        self.a = QLabel("受理")\n'
        '        self.b = QLabel(self.tr("受理"))\n'
        '        self.b.setText(f"共 {n} 件")\n'
        '        title = "办件"\n'
        '        brand = "一窗"  # i18n: keep\n',
        encoding="utf-8")
    visible, loose = find_untranslated(_tool(), [page], tmp_path)
    assert [v.split(" ", 1)[0] for v in visible] == ["page.py:4", "page.py:6"]
    assert [v.split(" ", 1)[0] for v in loose] == ["page.py:7"]


def test_every_used_string_is_in_the_english_catalogue() -> None:
    tool = _tool()
    have = tool.read_ts(tool.I18N_DIR / "yichuang_en.ts")
    missing = sorted(set(tool.scan_sources().messages) - set(have))
    assert not missing, "run: python tools/build_translations.py --update, then translate:\n" + "\n".join(
        f"{c}: {s}" for c, s in missing)


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="Qt Linguist tools not installed")
def test_committed_qm_matches_the_ts(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "i18n" / "yichuang_en.ts"
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(tmp_path / "en.qm")], check=True)
    assert (tmp_path / "en.qm").read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "the .qm is stale: python tools/build_translations.py"


def test_english_translator_translates_and_chinese_is_the_source(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import apply_language

    i18n = ROOT / "resources" / "i18n"
    try:
        apply_language(qapp, "en", i18n)
        assert QCoreApplication.translate("pages", "设置") == "Settings"
        assert QCoreApplication.translate("labels", "不收费") == "Free"
        apply_language(qapp, "zh_CN", i18n)
        assert QCoreApplication.translate("pages", "设置") == "设置"
    finally:
        apply_language(qapp, "zh_CN", i18n)


def test_set_language_is_saved_in_the_profile(tmp_path: Path) -> None:
    from app.config import Profile
    from app.ui.i18n import UnknownLanguage, set_language

    profile = Profile(tmp_path)
    profile.prepare()
    assert set_language(profile, "en").language == "en"
    assert profile.load_settings().language == "en"
    with pytest.raises(UnknownLanguage):
        set_language(profile, "fr")
    assert profile.load_settings().language == "en"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_main_window_in_each_language(qapp, qtbot, ctx, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Log in as admin on the demo profile; with YICHUANG_SCREENSHOTS=1 the window is saved to docs/screenshots."""
    from app.ui.i18n import apply_language
    from app.ui.main_window import MainWindow

    i18n = ROOT / "resources" / "i18n"
    apply_language(qapp, lang, i18n)
    try:
        window = MainWindow(ctx, ctx.auth.login("admin", "yichuang2026"), ctx.station.get())
        qtbot.addWidget(window)
        window.show_page("catalogue")
        window.show()
        qtbot.waitExposed(window)
        expected = {"zh_CN": ("一窗 综合受理", "事项目录\tF5"), "en": ("Yichuang Intake", "Catalogue\tF5")}[lang]
        assert window.windowTitle().startswith(expected[0])
        assert expected[1] in [window.nav.item(i).text() for i in range(window.nav.count())]
        image = window.grab()
        assert not image.isNull() and image.width() >= 1000
        if os.environ.get("YICHUANG_SCREENSHOTS") == "1":
            image.save(str(ROOT / "docs" / "screenshots" / f"main_window_{'zh' if lang == 'zh_CN' else 'en'}.png"))
    finally:
        apply_language(qapp, "zh_CN", i18n)
