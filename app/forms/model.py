"""FormModel: typed values of one filled-in form, with relevance, calculations, repeats and export."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from app.forms.errors import ExpressionEvalError, FormPathError, RepeatLimitError
from app.forms.expr import CURRENT, Env, Expression, evaluate, truthy
from app.forms.expr_ops import NodeSet, to_text
from app.forms.spec import Choice, FieldSpec, FormSchema, GroupSpec, Placement, RepeatSpec
from app.forms.validation import FieldError, validate_model
from app.forms.values import BadValue, coerce, to_json

_PATH_RE = re.compile(r"([A-Za-z_]\w*)(?:\[(\d{1,4})\]\.([A-Za-z_]\w*))?")
_TEXT_TYPES = {"text", "textarea", "address", "id_card", "uscc", "phone", "select"}
Key = tuple[str, int | None]  # (field name, repeat row or None)

__all__ = ["FieldError", "FormModel"]


class FormModel:
    """The values of one form, kept consistent after every change (relevance and calculations)."""

    def __init__(self, schema: FormSchema, values: Mapping[str, object] | None = None, *, today: date) -> None:
        self.schema = schema
        self.today = today
        self._places: dict[str, Placement] = schema.placements()
        self._top: dict[str, object] = {}
        self._rows: dict[str, list[dict[str, object]]] = {}
        self._relevant: dict[Key, bool] = {}
        self.expression_errors: dict[Key, ExpressionEvalError] = {}
        self._init_values(values or {})
        self._refresh()

    @classmethod
    def from_export(cls, schema: FormSchema, data: Mapping[str, object], *, today: date | None = None) -> FormModel:
        """Rebuild a model from `export()` output; calculated values are recomputed, not trusted."""
        # The station date should be passed in; today's system date is only a fallback for tools.
        return cls(schema, data, today=today or date.today())

    # ---- Public API

    def get(self, path: str) -> object:
        """The typed value at `name` or `repeat[i].name` (a bad input comes back as the text typed);
        for a repeat name, a tuple of row dicts."""
        name, row = self._resolve(path)
        item = self._places[name].item
        if isinstance(item, RepeatSpec):
            return tuple(dict(r) for r in self._rows[name])
        value = self._raw(name, row)
        return value.raw if isinstance(value, BadValue) else value

    def set(self, path: str, value: object) -> None:
        """Type and store a value, then recompute relevance and calculations. Bad values never raise:
        they are kept and reported by validate()."""
        name, row = self._resolve(path)
        spec = self._places[name].item
        if not isinstance(spec, FieldSpec) or spec.type == "note":
            raise FormPathError("not_an_input", path)
        if spec.calculate is not None:
            raise FormPathError("calculated", path)
        self._store(name, row, coerce(spec.type, value))
        self._refresh()

    def add_row(self, repeat: str) -> int:
        """Append a row (with defaults) to a repeat; returns its index. Raises RepeatLimitError at max."""
        spec = self._repeat(repeat)
        if spec.repeat_count is not None:
            raise RepeatLimitError("fixed_count", repeat, len(self._rows[repeat]))
        if spec.max is not None and len(self._rows[repeat]) >= spec.max:
            raise RepeatLimitError("repeat_max", repeat, spec.max)
        self._rows[repeat].append(self._new_row(spec))
        self._refresh()
        return len(self._rows[repeat]) - 1

    def remove_row(self, repeat: str, index: int) -> None:
        """Remove row `index`; raises RepeatLimitError when that would go below min."""
        spec = self._repeat(repeat)
        rows = self._rows[repeat]
        if spec.repeat_count is not None:
            raise RepeatLimitError("fixed_count", repeat, len(rows))
        if not 0 <= index < len(rows):
            raise FormPathError("no_such_row", f"{repeat}[{index}]")
        if len(rows) <= spec.min:
            raise RepeatLimitError("repeat_min", repeat, spec.min)
        del rows[index]
        self._refresh()

    def row_count(self, repeat: str) -> int:
        """How many rows a repeat has."""
        return len(self._rows[self._repeat(repeat).name])

    def is_relevant(self, path: str) -> bool:
        """Whether the field (or group/repeat) at `path` is shown and counted."""
        return self._relevant.get(self._resolve(path), False)

    def is_required(self, path: str) -> bool:
        """Whether the field at `path` must be filled now (required may be an expression)."""
        name, row = self._resolve(path)
        spec = self._places[name].item
        if not isinstance(spec, FieldSpec):
            return False
        required = spec.required
        if isinstance(required, bool):
            return required
        try:
            return truthy(self.evaluate(required, row=row, scope=self._places[name].repeat))
        except ExpressionEvalError:
            return True  # when in doubt ask for the value; the expression error is shown separately

    def choices(self, path: str) -> tuple[Choice, ...]:
        """The options of a select field at `path`, after its choice_filter."""
        name, row = self._resolve(path)
        spec = self._places[name].item
        if not isinstance(spec, FieldSpec) or spec.choice_list is None:
            return ()
        options = self.schema.choices.get(spec.choice_list, ())
        if spec.choice_filter is None:
            return options
        scope = self._places[name].repeat
        kept = []
        for choice in options:
            env_choice = {**choice.attrs, "name": choice.name, "label": choice.label}
            try:
                if truthy(self.evaluate(spec.choice_filter, row=row, scope=scope, choice=env_choice)):
                    kept.append(choice)
            except ExpressionEvalError:
                return options  # a broken filter must not hide every option from the clerk
        return tuple(kept)

    def validate(self) -> tuple[FieldError, ...]:
        """Every problem of every relevant field: type, required, choice, ID checks, constraint, repeats."""
        return validate_model(self)

    def export(self) -> dict[str, object]:
        """JSON-serialisable values of the relevant fields (dates ISO, decimals as strings)."""
        out: dict[str, object] = {}
        for place in self.schema.walk():
            item = place.item
            if place.repeat is not None or isinstance(item, GroupSpec) or not self._relevant.get((item.name, None)):
                continue
            if isinstance(item, RepeatSpec):
                out[item.name] = [self._export_row(item, i) for i in range(len(self._rows[item.name]))]
            elif item.type != "note":
                out[item.name] = to_json(self._top.get(item.name))
        return out

    def evaluate(
        self, expr: Expression, *, row: int | None = None, scope: str | None = None,
        current: object = None, choice: Mapping[str, str] | None = None,
    ) -> object:
        """Evaluate an expression as seen from `scope` (a repeat name) row `row`; raises ExpressionEvalError."""

        def lookup(name: str) -> object:
            return current if name == CURRENT else self._lookup(name, scope, row)

        return evaluate(expr, lookup, Env(self.today, choice))

    # ---- Private

    def _init_values(self, values: Mapping[str, object]) -> None:
        for place in self.schema.walk():
            item = place.item
            if isinstance(item, RepeatSpec):
                given = values.get(item.name)
                rows = [r for r in given if isinstance(r, Mapping)] if isinstance(given, list) else None
                if rows is None:
                    self._rows[item.name] = [self._new_row(item) for _ in range(item.min)]
                else:
                    self._rows[item.name] = [self._new_row(item, r) for r in rows[:1000]]
            elif isinstance(item, FieldSpec) and place.repeat is None:
                self._top[item.name] = self._initial(item, values)

    def _initial(self, spec: FieldSpec, values: Mapping[str, object]) -> object:
        if spec.type == "note" or spec.calculate is not None:
            return None
        if spec.name in values:
            return coerce(spec.type, values[spec.name])
        return spec.default

    def _new_row(self, spec: RepeatSpec, values: Mapping[str, object] | None = None) -> dict[str, object]:
        row: dict[str, object] = {}
        for place in self.schema.walk():
            if place.repeat == spec.name and isinstance(place.item, FieldSpec):
                row[place.item.name] = self._initial(place.item, values if values is not None else {})
        return row

    def _repeat(self, name: str) -> RepeatSpec:
        place = self._places.get(name)
        if place is None or not isinstance(place.item, RepeatSpec):
            raise FormPathError("not_a_repeat", name)
        return place.item

    def _resolve(self, path: str) -> Key:
        match = _PATH_RE.fullmatch(path) if isinstance(path, str) else None
        if match is None or match.group(1) not in self._places:
            raise FormPathError("unknown_path", str(path))
        if match.group(2) is None:
            if self._places[match.group(1)].repeat is not None:
                raise FormPathError("row_needed", path)
            return match.group(1), None
        repeat, row, name = match.group(1), int(match.group(2)), match.group(3)
        place = self._places.get(name)
        if place is None or place.repeat != repeat or row >= len(self._rows.get(repeat, ())):
            raise FormPathError("unknown_path", path)
        return name, row

    def _raw(self, name: str, row: int | None) -> object:
        repeat = self._places[name].repeat
        if repeat is None:
            return self._top.get(name)
        return self._rows[repeat][row or 0].get(name)

    def _store(self, name: str, row: int | None, value: object) -> None:
        repeat = self._places[name].repeat
        if repeat is None:
            self._top[name] = value
        else:
            self._rows[repeat][row or 0][name] = value

    def _lookup(self, name: str, scope: str | None, row: int | None) -> object:
        place = self._places.get(name)
        if place is None:
            raise ExpressionEvalError("unknown_field", name=name)
        if isinstance(place.item, RepeatSpec):
            shown = self._relevant.get((name, None), False)
            return NodeSet((True,) * len(self._rows[name]) if shown else ())
        if place.repeat is None or (place.repeat == scope and row is not None):
            key = (name, row if place.repeat is not None else None)
            return self._visible(name, key)
        rows = range(len(self._rows[place.repeat]))
        return NodeSet(self._visible(name, (name, i)) for i in rows)

    def _visible(self, name: str, key: Key) -> object:
        # Irrelevant and untyped values read as empty, as in XLSForm.
        value = self._raw(name, key[1])
        if not self._relevant.get(key, False) or isinstance(value, BadValue):
            return None
        return value

    def _refresh(self) -> None:
        self._relevant.clear()
        self.expression_errors.clear()
        for name in self.schema.order:
            place = self._places[name]
            rows: list[int | None] = (
                [None] if place.repeat is None else list(range(len(self._rows[place.repeat])))
            )
            for row in rows:
                self._refresh_one(place, row)
            if isinstance(place.item, RepeatSpec) and place.item.repeat_count is not None:
                self._apply_repeat_count(place.item)

    def _refresh_one(self, place: Placement, row: int | None) -> None:
        item, key = place.item, (place.item.name, row)
        parent_ok = True
        if place.ancestors:
            parent = place.ancestors[-1]
            parent_ok = self._relevant.get((parent, None if parent == place.repeat else row), False)
        shown = parent_ok and self._guarded(item.relevant, key, place.repeat, default=True)
        self._relevant[key] = bool(shown)
        if isinstance(item, FieldSpec) and item.calculate is not None:
            result = self._guarded(item.calculate, key, place.repeat, default=None) if shown else None
            self._store(item.name, row, _typed_result(item, result))

    def _guarded(self, expr: Expression | None, key: Key, scope: str | None, *, default: object) -> object:
        if expr is None:
            return default
        try:
            value = self.evaluate(expr, row=key[1], scope=scope)
        except ExpressionEvalError as exc:
            self.expression_errors[key] = exc
            return default
        return truthy(value) if default is True else value

    def _apply_repeat_count(self, spec: RepeatSpec) -> None:
        wanted = self._guarded(spec.repeat_count, (spec.name, None), None, default=None)
        count = wanted if isinstance(wanted, int) and not isinstance(wanted, bool) else spec.min
        count = max(spec.min, min(count, spec.max if spec.max is not None else count))
        rows = self._rows[spec.name]
        del rows[count:]
        rows.extend(self._new_row(spec) for _ in range(count - len(rows)))

    def _export_row(self, spec: RepeatSpec, index: int) -> dict[str, object]:
        row = self._rows[spec.name][index]
        return {
            name: to_json(value) for name, value in row.items()
            if self._relevant.get((name, index)) and self._places[name].item.type != "note"  # type: ignore[union-attr]
        }


def _typed_result(spec: FieldSpec, result: object) -> object:
    """Fit a calculation result to its field type (an int field may receive an integral Decimal)."""
    if result is None:
        return None
    if spec.type in _TEXT_TYPES or spec.type == "note":
        return to_text(result)
    if spec.type == "decimal" and isinstance(result, int | Decimal) and not isinstance(result, bool):
        return Decimal(result)
    typed = coerce(spec.type, result)
    return None if isinstance(typed, BadValue) else typed
