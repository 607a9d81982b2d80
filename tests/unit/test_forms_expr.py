"""Expression language: tokenizing, parsing errors with positions, evaluation, functions, safety."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.forms.errors import ExpressionEvalError, ExpressionSyntaxError
from app.forms.expr import Env, check_expression, compile_expression, evaluate
from app.forms.expr_ops import NodeSet

TODAY = date(2026, 11, 27)
VALUES: dict[str, object] = {
    "a": 3, "d": Decimal("2.5"), "born": date(1960, 5, 1), "picks": ("x", "y"), "name": "张三",
    "incomes": NodeSet((Decimal("100.5"), None, 200)), "empty": None, "id": "11010519491231002X",
}


def ev(source: str, **extra: object) -> object:
    values = {**VALUES, **extra}
    return evaluate(compile_expression(source), lambda n: values.get(n), Env(TODAY))


@pytest.mark.parametrize(("source", "expected"), [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("10 - 4 - 3", 3), ("7 mod 3", 1), ("7 div 2", Decimal("3.5")),
    ("-2 * 3", -6), ("0.1 + 0.2 = 0.3", True), ("${d} * 2", Decimal("5.0")), ("1 = 1.0", True),
    ("1 < 2 and 2 < 1", False), ("1 < 2 or 2 < 1", True), ("not 1 = 2", True), ("true and not false", True),
    ("1 + 2 = 3 and 2 * 2 = 4", True), ("'a' = 'a'", True), ("'a' != 1", True), ("null = null", True),
    ("${empty} + 1", None), ("${a} >= 3", True), ("if(${a} > 2, 'big', 'small')", "big"),
])
def test_operators_and_precedence(source: str, expected: object) -> None:
    assert ev(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("count(${incomes})", 2), ("sum(${incomes})", Decimal("300.5")), ("selected(${picks}, 'x')", True),
    ("selected(${picks}, 'z')", False), ("count-selected(${picks})", 2), ("string-length(${name})", 2),
    ("concat(${name}, '-', 1, '-', ${born})", "张三-1-1960-05-01"), ("today()", TODAY), ("age(${born})", 66),
    ("${born} + 30", date(1960, 5, 31)), ("today() - date('2026-11-20')", 7), ("round(2.345, 2)", Decimal("2.35")),
    ("round(2.5)", 3), ("min(3, 1, 2)", 1), ("max(${incomes})", 200), ("coalesce(null, '', 5)", 5),
    ("regex('13800138000', '1[3-9][0-9]{9}')", True), ("regex('abc', '[0-9]+')", False),
    ("birth-date(${id})", date(1949, 12, 31)), ("age(birth-date(${id}))", 76),
])
def test_functions(source: str, expected: object) -> None:
    assert ev(source) == expected


def test_if_is_lazy_so_guarded_division_does_not_fail() -> None:
    assert ev("if(${a} = 0, null, 6 div ${a})") == Decimal(2)
    assert ev("if(0 = 0, null, 1 div 0)") is None


@pytest.mark.parametrize("source", ["1 div 0", "1 mod 0", "${d} / (${a} - 3)", "sum(${incomes}) div 0.0"])
def test_division_by_zero_is_a_typed_error(source: str) -> None:
    with pytest.raises(ExpressionEvalError) as info:
        ev(source)
    assert info.value.code == "division_by_zero"
    assert info.value.message_zh == "除数为零，无法计算"


@pytest.mark.parametrize(("source", "code"), [
    ("'a' + 1", "type_mismatch"), ("'a' < 1", "type_mismatch"), ("true + 1", "type_mismatch"),
    ("round(1, 'x')", "bad_argument"), ("regex('aaaa', '(a+)+$')", "bad_regex"), ("date('nope')", "bad_argument"),
])
def test_evaluation_errors(source: str, code: str) -> None:
    with pytest.raises(ExpressionEvalError) as info:
        ev(source)
    assert info.value.code == code


@pytest.mark.parametrize(("source", "code", "position", "message"), [
    ("(1+2", "missing_rparen", 4, "表达式第5个字符处缺少右括号"),
    ("1 +", "unexpected_end", 3, "表达式第4个字符处缺少运算对象，表达式不完整"),
    ("'abc", "unterminated_string", 0, "表达式第1个字符处字符串缺少结束引号"),
    ("${a", "bad_ref", 0, "表达式第1个字符处字段引用格式应为 ${字段名}"),
    ("1 2", "unexpected_token", 2, "表达式第3个字符处出现多余或错误的内容「2」"),
    ("a.b", "unexpected_token", 0, "表达式第1个字符处出现多余或错误的内容「a」"),
    ("x[0]", "bad_char", 1, "表达式第2个字符处出现无法识别的字符「[」"),
    ("", "empty", 0, "表达式第1个字符处表达式为空"),
])
def test_syntax_errors_carry_position(source: str, code: str, position: int, message: str) -> None:
    with pytest.raises(ExpressionSyntaxError) as info:
        compile_expression(source)
    assert (info.value.code, info.value.position, info.value.message_zh) == (code, position, message)


def test_length_and_depth_are_limited() -> None:
    with pytest.raises(ExpressionSyntaxError) as info:
        compile_expression("1+" * 600 + "1")
    assert info.value.code == "too_long"
    with pytest.raises(ExpressionSyntaxError) as info:
        compile_expression("(" * 100 + "1" + ")" * 100)
    assert info.value.code == "too_deep"


@pytest.mark.parametrize("source", [
    "__import__('os')", "${a}.__class__", "().__class__", "open('x')", "eval('1')", "[1]", "{1: 2}", "lambda: 1",
])
def test_python_constructs_do_not_parse_or_are_unknown(source: str) -> None:
    try:
        expr = compile_expression(source)
    except ExpressionSyntaxError:
        return
    assert check_expression(expr, {"a"}), source  # parses only as an unknown function call


def test_load_time_checks() -> None:
    expr = compile_expression("foo(${zz}) + ${.} + round() + choice('k')")
    codes = [p.code for p in check_expression(expr, {"a"})]
    assert codes == ["unknown_function", "unknown_field", "misplaced", "arity", "misplaced"]
    assert check_expression(compile_expression(". > 0"), set(), allow_current=True) == []
    assert [p.code for p in check_expression(compile_expression("regex(${a}, '(a*)*')"), {"a"})] == ["bad_regex"]


def test_refs_are_collected() -> None:
    assert compile_expression("${a} + sum(${b}) + ${.}").refs == frozenset({"a", "b"})
