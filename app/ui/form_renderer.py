"""Renders an app.forms FormSchema as Qt widgets: QFormLayout, group boxes, repeats with add/remove."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.forms import FieldSpec, FormModel, FormSchema, GroupSpec, RepeatLimitError, RepeatSpec

_LINE_TYPES = {"text", "address", "id_card", "uscc", "phone", "int", "decimal", "date"}
# In FormRenderer's context: _editor translates them with self.tr(variable).
_PLACEHOLDER = {
    "date": "2026-01-31",
    "id_card": QT_TRANSLATE_NOOP("FormRenderer", "18位身份证号码"),
    "uscc": QT_TRANSLATE_NOOP("FormRenderer", "18位统一社会信用代码"),
    "phone": QT_TRANSLATE_NOOP("FormRenderer", "11位手机号码"),
}


@dataclass
class _Row:
    """The widgets of one field on screen."""

    spec: FieldSpec
    editor: QWidget
    error: QLabel
    form: QFormLayout


class FormRenderer(QWidget):
    """One form for one item; `model` holds the values, widgets only show and edit them."""

    sig_changed = Signal()
    """A value, or the number of repeat rows, changed."""

    def __init__(self, schema: FormSchema, data: dict[str, Any] | None = None, *, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.model = FormModel.from_export(schema, data or {}, today=today) if data else FormModel(schema, today=today)
        self._rows: dict[str, _Row] = {}
        self._updating = False
        self._layout = QVBoxLayout(self)
        self._body: QWidget | None = None
        self._build()

    # ---- Public API
    def export(self) -> dict[str, Any]:
        """The values, JSON-ready (the draft and the case keep this)."""
        return dict(self.model.export())

    def validate(self) -> list[tuple[str, str]]:
        """Show every error at its field; returns (path, message) pairs, empty when the form is fine."""
        errors = self.model.validate()
        for row in self._rows.values():
            row.error.hide()
        out = []
        for err in errors:
            out.append((err.path, err.message_zh))
            row = self._rows.get(err.path)
            if row is not None:
                row.error.setText(err.message_zh)
                row.error.show()
        return out

    def editor(self, path: str) -> QWidget:
        """The widget that edits `path` (tests type into it)."""
        return self._rows[path].editor

    # ---- Building
    def _build(self) -> None:
        if self._body is not None:
            self._body.deleteLater()
        self._rows.clear()
        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{self.schema.title}</b>")
        body.addWidget(title)
        form = QFormLayout()
        body.addLayout(form)
        self._add_items(form, body, self.schema.fields, prefix="")
        body.addStretch(1)
        self._layout.addWidget(self._body)
        self._refresh()

    def _add_items(self, form: QFormLayout, box: QVBoxLayout, items: tuple[Any, ...], prefix: str) -> None:
        for item in items:
            if isinstance(item, GroupSpec):
                group = QGroupBox(item.label)
                group.setObjectName(f"group_{item.name}")
                inner = QFormLayout(group)
                self._add_items(inner, box, item.fields, prefix)
                form.addRow(group)
            elif isinstance(item, RepeatSpec):
                form.addRow(self._repeat_box(item))
            else:
                self._add_field(form, item, prefix + item.name)

    def _repeat_box(self, spec: RepeatSpec) -> QGroupBox:
        group = QGroupBox(spec.label)
        group.setObjectName(f"repeat_{spec.name}")
        outer = QVBoxLayout(group)
        for i in range(self.model.row_count(spec.name)):
            row_box = QGroupBox(self.tr("第 %1 行").replace("%1", str(i + 1)))
            inner = QFormLayout(row_box)
            self._add_items(inner, outer, spec.fields, f"{spec.name}[{i}].")
            if spec.repeat_count is None:
                remove = QPushButton(self.tr("删除此行"))
                remove.setObjectName(f"remove_{spec.name}_{i}")
                remove.clicked.connect(lambda _=False, n=spec.name, k=i: self._change_rows(n, k))
                inner.addRow(remove)
            outer.addWidget(row_box)
        if spec.repeat_count is None:
            add = QPushButton(self.tr("添加一行"))
            add.setObjectName(f"add_{spec.name}")
            add.clicked.connect(lambda _=False, n=spec.name: self._change_rows(n, None))
            outer.addWidget(add)
        return group

    def _add_field(self, form: QFormLayout, spec: FieldSpec, path: str) -> None:
        if spec.type == "note":
            note = QLabel(f"{spec.label}  {spec.hint}".strip())
            note.setWordWrap(True)
            form.addRow(note)
            return
        editor = self._editor(spec, path)
        editor.setObjectName(f"field_{path}")
        editor.setToolTip(spec.hint)
        error = QLabel()
        error.setObjectName(f"error_{path}")
        error.setStyleSheet("color: #b3261e;")
        error.hide()
        cell = QWidget()
        v = QVBoxLayout(cell)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(editor)
        v.addWidget(error)
        label = QLabel(spec.label)
        label.setBuddy(editor)
        form.addRow(label, cell)
        self._rows[path] = _Row(spec, editor, error, form)

    def _editor(self, spec: FieldSpec, path: str) -> QWidget:
        value = self.model.get(path)
        setter: Callable[[object], None] = lambda v, p=path: self._set(p, v)  # noqa: E731
        if spec.type in ("select",):
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i, c=combo: setter(c.currentData() or None))
            return combo
        if spec.type == "multiselect":
            return _MultiSelect(setter)
        if spec.type == "bool":
            if value is None and spec.calculate is None:
                self.model.set(path, False)  # an unticked box means 否, not "not answered"
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(lambda on: setter(on))
            return box
        if spec.type == "textarea":
            text = QPlainTextEdit(str(value or ""))
            text.setTabChangesFocus(True)
            text.setFixedHeight(70)
            text.textChanged.connect(lambda t=text: setter(t.toPlainText() or None))
            return text
        line = QLineEdit("" if value is None else str(value))
        line.setPlaceholderText(self.tr(_PLACEHOLDER.get(spec.type, "")))
        read_only = spec.read_only or spec.calculate is not None
        line.setReadOnly(read_only)
        if not read_only:
            line.textChanged.connect(lambda t: setter(t.strip() or None))
        return line

    # ---- Keeping widgets and model in step
    def _set(self, path: str, value: object) -> None:
        if self._updating:
            return
        self.model.set(path, value)
        self._rows[path].error.hide()
        self._refresh()
        self.sig_changed.emit()

    def _change_rows(self, repeat: str, remove_index: int | None) -> None:
        try:
            if remove_index is None:
                self.model.add_row(repeat)
            else:
                self.model.remove_row(repeat, remove_index)
        except RepeatLimitError as exc:
            self.setToolTip(exc.message_zh)
            return
        self._build()
        self.sig_changed.emit()

    def _refresh(self) -> None:
        """Relevance, calculated values and filtered choices after any change."""
        self._updating = True
        try:
            for path, row in self._rows.items():
                row.form.setRowVisible(row.editor.parentWidget(), self.model.is_relevant(path))
                self._show_value(path, row)
        finally:
            self._updating = False

    def _show_value(self, path: str, row: _Row) -> None:
        value = self.model.get(path)
        editor = row.editor
        if isinstance(editor, QComboBox):
            choices = [("", "")] + [(c.name, c.label) for c in self.model.choices(path)]
            if [editor.itemData(i) or "" for i in range(editor.count())] != [c[0] for c in choices]:
                editor.clear()
                for name, label in choices:
                    editor.addItem(label, name)
            editor.setCurrentIndex(max(0, editor.findData(value or "")))
        elif isinstance(editor, _MultiSelect):
            editor.set_choices([(c.name, c.label) for c in self.model.choices(path)], value or ())
        elif isinstance(editor, QLineEdit) and row.spec.calculate is not None:
            editor.setText("" if value is None else str(value))


class _MultiSelect(QWidget):
    """Check boxes for a multiselect field."""

    def __init__(self, setter: Callable[[object], None]) -> None:
        super().__init__()
        self._setter = setter
        self._boxes: dict[str, QCheckBox] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_choices(self, choices: list[tuple[str, str]], selected: Any) -> None:
        """(Re)build the boxes when the options changed; tick the selected ones."""
        if list(self._boxes) != [c[0] for c in choices]:
            for box in self._boxes.values():
                box.deleteLater()
            self._boxes = {}
            for name, label in choices:
                box = QCheckBox(label)
                box.toggled.connect(self._emit)
                self._layout.addWidget(box)
                self._boxes[name] = box
        chosen = set(selected if isinstance(selected, list | tuple) else ())
        for name, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(name in chosen)
            box.blockSignals(False)

    def _emit(self) -> None:
        self._setter([n for n, b in self._boxes.items() if b.isChecked()])
