"""Safe evaluation and load-time checking of parsed expressions (no Python eval, no host objects)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.forms.errors import ExpressionEvalError, ExpressionSyntaxError
from app.forms.expr_funcs import FUNCTIONS, Env, check_pattern
from app.forms.expr_ops import arithmetic, compare, negate, truthy
from app.forms.expr_parse import CURRENT, Binary, Call, FieldRef, Literal, Node, Unary, parse_expression, walk

__all__ = [
    "CURRENT", "Env", "Expression", "ExpressionEvalError", "ExpressionSyntaxError",
    "check_expression", "compile_expression", "evaluate", "parse_expression", "truthy",
]

Lookup = Callable[[str], object]


@dataclass(frozen=True)
class Expression:
    """A parsed expression with its source text and the field names it reads."""

    source: str
    tree: Node
    refs: frozenset[str]


def compile_expression(source: str) -> Expression:
    """Parse `source`; raises ExpressionSyntaxError."""
    tree = parse_expression(source)
    refs = frozenset(n.name for n in walk(tree) if isinstance(n, FieldRef) and n.name != CURRENT)
    return Expression(source, tree, refs)


def check_expression(
    expr: Expression, known: Collection[str], *, allow_current: bool = False, allow_choice: bool = False
) -> list[ExpressionEvalError]:
    """Load-time checks: unknown fields and functions, arity, misplaced `${.}`/choice(), bad regex."""
    problems: list[ExpressionEvalError] = []
    for node in walk(expr.tree):
        if isinstance(node, FieldRef):
            if node.name == CURRENT and not allow_current:
                problems.append(ExpressionEvalError("misplaced", what="${.}", where="constraint"))
            elif node.name != CURRENT and node.name not in known:
                problems.append(ExpressionEvalError("unknown_field", name=node.name))
        elif isinstance(node, Call):
            problems.extend(_check_call(node, allow_choice))
    return problems


def _check_call(node: Call, allow_choice: bool) -> list[ExpressionEvalError]:
    spec = FUNCTIONS.get(node.name)
    if spec is None:
        return [ExpressionEvalError("unknown_function", name=node.name)]
    low, high, _ = spec
    if len(node.args) < low or (high is not None and len(node.args) > high):
        return [ExpressionEvalError("arity", name=node.name)]
    if node.name == "choice" and not allow_choice:
        return [ExpressionEvalError("misplaced", what="choice()", where="choice_filter")]
    if node.name == "regex" and isinstance(node.args[1], Literal):
        try:
            check_pattern(node.args[1].value)
        except ExpressionEvalError as exc:
            return [exc]
    return []


def evaluate(expr: Expression | Node, lookup: Lookup, env: Env) -> object:
    """Evaluate against `lookup(name)` (CURRENT for `${.}`); raises only ExpressionEvalError."""
    tree = expr.tree if isinstance(expr, Expression) else expr
    try:
        return _eval(tree, lookup, env)
    except RecursionError as exc:  # depth is bounded by the parser; this is belt and braces
        raise ExpressionEvalError("too_large") from exc


def _eval(node: Node, lookup: Lookup, env: Env) -> object:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, FieldRef):
        return lookup(node.name)
    if isinstance(node, Unary):
        value = _eval(node.operand, lookup, env)
        return (not truthy(value)) if node.op == "not" else negate(value)
    if isinstance(node, Binary):
        return _binary(node, lookup, env)
    return _call(node, lookup, env)


def _binary(node: Binary, lookup: Lookup, env: Env) -> object:
    left = _eval(node.left, lookup, env)
    if node.op == "and":
        return truthy(left) and truthy(_eval(node.right, lookup, env))
    if node.op == "or":
        return truthy(left) or truthy(_eval(node.right, lookup, env))
    right = _eval(node.right, lookup, env)
    if node.op in ("+", "-", "*", "/", "mod"):
        return arithmetic(node.op, left, right)
    return compare(node.op, left, right)


def _call(node: Call, lookup: Lookup, env: Env) -> object:
    spec = FUNCTIONS.get(node.name)
    if spec is None:
        raise ExpressionEvalError("unknown_function", name=node.name)
    low, high, impl = spec
    if len(node.args) < low or (high is not None and len(node.args) > high):
        raise ExpressionEvalError("arity", name=node.name)
    if node.name == "if":
        chosen = node.args[1] if truthy(_eval(node.args[0], lookup, env)) else node.args[2]
        return _eval(chosen, lookup, env)
    if node.name == "coalesce":
        for arg in node.args:
            value = _eval(arg, lookup, env)
            if value not in (None, "", ()):
                return value
        return None
    assert impl is not None  # every non-lazy entry has an implementation
    return impl([_eval(arg, lookup, env) for arg in node.args], env)
