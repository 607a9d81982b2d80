"""Hypothesis: random values never crash validation; random text and expressions raise only typed errors."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.forms.errors import ExpressionError, ExpressionEvalError, ExpressionSyntaxError
from app.forms.expr import Env, compile_expression, evaluate
from app.forms.expr_ops import NodeSet
from app.forms.model import FormModel
from app.forms.schema import FIELD_TYPES, FieldSpec, load_form

TODAY = date(2026, 11, 27)
FORMS_DIR = Path(__file__).resolve().parents[2] / "resources" / "forms"
INPUT_TYPES = sorted(FIELD_TYPES - {"note"})

ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.decimals(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(),
    st.lists(st.text(max_size=5), max_size=5), st.binary(max_size=10),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.just(object()),
    st.text(alphabet="0123456789Xx-. ", max_size=20),
)

ALL_TYPES_FORM = load_form({
    "form_id": "FUZZ", "version": 1, "title": "全类型",
    "choices": {"o": [{"name": "a", "label": "甲"}, {"name": "b", "label": "乙"}]},
    "fields": [
        {"name": f"f_{t}", "type": t, "label": t, "required": True, "constraint": "string-length(concat(.)) < 30",
         **({"choice_list": "o"} if t in ("select", "multiselect") else {})}
        for t in INPUT_TYPES
    ] + [{"name": "rows", "type": "repeat", "label": "行", "min": 1, "max": 4, "fields": [
        {"name": "r_dec", "type": "decimal", "label": "r"}]},
        {"name": "calc", "type": "decimal", "label": "c", "calculate": "sum(${r_dec}) div ${f_int}"},
        {"name": "cmp", "type": "bool", "label": "b", "calculate": "${f_date} < today() and ${f_text} = 'x'"}],
})


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(INPUT_TYPES + ["rows[0].r_dec"]), ANY_VALUE), max_size=8))
def test_random_values_never_crash_validation(assignments: list[tuple[str, object]]) -> None:
    model = FormModel(ALL_TYPES_FORM, today=TODAY)
    for target, value in assignments:
        model.set(target if target.startswith("rows") else f"f_{target}", value)
    errors = model.validate()
    assert all(e.code and e.message_zh for e in errors)
    exported = model.export()
    again = FormModel.from_export(ALL_TYPES_FORM, json.loads(json.dumps(exported)), today=TODAY)
    assert again.export() == exported


RESOURCE_SCHEMAS = [load_form(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(FORMS_DIR.glob("*.json"))]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(RESOURCE_SCHEMAS), st.data())
def test_random_values_into_resource_forms(schema: object, data: st.DataObject) -> None:
    model = FormModel(schema, today=TODAY)  # type: ignore[arg-type]
    inputs = [p.item.name for p in model.schema.walk()
              if p.repeat is None and isinstance(p.item, FieldSpec)
              and p.item.type != "note" and p.item.calculate is None]
    for name in data.draw(st.lists(st.sampled_from(inputs), max_size=6)):
        model.set(name, data.draw(ANY_VALUE))
    model.validate()
    json.dumps(model.export())


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_random_text_only_raises_syntax_errors(source: str) -> None:
    try:
        expr = compile_expression(source)
    except ExpressionSyntaxError as exc:
        assert 0 <= exc.position <= len(source) and exc.message_zh
        return
    try:
        evaluate(expr, lambda name: None, Env(TODAY))
    except ExpressionEvalError as exc:
        assert exc.message_zh


ATOMS = st.sampled_from([
    "1", "0", "2.5", "0.0", "'x'", "''", "true", "false", "null", "${n}", "${d}", "${s}", "${t}", "${m}",
    "${ns}", "today()", "${.}", "__class__", "().__class__", "[0]",
])
FUNCS = st.sampled_from([
    "if", "count", "sum", "selected", "count-selected", "string-length", "concat", "age", "date", "round",
    "min", "max", "coalesce", "regex", "birth-date", "choice", "eval", "getattr",
])
OPS = st.sampled_from(["+", "-", "*", "/", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or"])


def _exprs() -> st.SearchStrategy[str]:
    return st.recursive(
        ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, OPS, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(FUNCS, st.lists(inner, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
            inner.map(lambda e: f"not {e}"), inner.map(lambda e: f"-{e}"),
        ),
        max_leaves=12,
    )


VALUES = {"n": 7, "d": Decimal("0"), "s": "abc", "t": TODAY, "m": ("a",), "ns": NodeSet((1, None, Decimal("2.5")))}


@settings(max_examples=800, deadline=None)
@given(_exprs())
def test_random_expressions_only_raise_typed_errors(source: str) -> None:
    try:
        expr = compile_expression(source)
        result = evaluate(expr, lambda name: VALUES.get(name), Env(TODAY, {"name": "a"}))
    except ExpressionError:
        return
    # Whatever comes out is one of the language's own value types, never a host object.
    allowed = (type(None), bool, int, Decimal, str, date, tuple)
    assert isinstance(result, allowed)
    if isinstance(result, tuple):
        assert all(isinstance(v, allowed) for v in result)


def test_blank_multiselect_entries_select_nothing_and_round_trip() -> None:
    # Found by the property above: [" "] used to become [""] and then nothing after a round trip.
    model = FormModel(ALL_TYPES_FORM, today=TODAY)
    model.set("f_multiselect", [" ", "a", "a "])
    exported = model.export()
    again = FormModel.from_export(ALL_TYPES_FORM, json.loads(json.dumps(exported)), today=TODAY)
    assert again.export()["f_multiselect"] == exported["f_multiselect"] == ["a"]
