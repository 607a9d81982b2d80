"""The fixed function table of the expression language (no other callable is reachable)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache

from app.forms.checks import id_birth_date
from app.forms.errors import ExpressionEvalError
from app.forms.expr_ops import DECIMAL_CONTEXT, NodeSet, is_number, to_text

MAX_PATTERN = 100
MAX_REGEX_SUBJECT = 500
# Nested quantifiers such as (a+)+ backtrack exponentially; Python's re has no timeout, so refuse them.
_NESTED_QUANTIFIER = re.compile(r"\([^()]*[*+}][^()]*\)\s*[*+{?]")
_LOOKAROUND_OR_BACKREF = re.compile(r"\(\?[=!<]|\\[1-9]")


@dataclass(frozen=True)
class Env:
    """What a function may see besides its arguments: the day, and the choice being filtered."""

    today: date
    choice: Mapping[str, str] | None = None


Impl = Callable[[list[object], Env], object]


def _items(args: list[object]) -> list[object]:
    """Flatten node-sets among the arguments and drop nulls."""
    out: list[object] = []
    for arg in args:
        out.extend(arg if isinstance(arg, NodeSet) else (arg,))
    return [v for v in out if v is not None]


def _count(args: list[object], env: Env) -> int:
    arg = args[0]
    if isinstance(arg, tuple):
        return len([v for v in arg if v is not None]) if isinstance(arg, NodeSet) else len(arg)
    return 0 if arg is None else 1


def _sum(args: list[object], env: Env) -> object:
    values = _items(args)
    if not all(is_number(v) for v in values):
        raise ExpressionEvalError("bad_argument", func="sum")
    with localcontext(DECIMAL_CONTEXT):
        total: object = sum(values, 0)  # type: ignore[arg-type]
    return total


def _extreme(name: str) -> Impl:
    def impl(args: list[object], env: Env) -> object:
        values = _items(args)
        if not values:
            return None
        kinds = {"n" if is_number(v) else type(v).__name__ for v in values}
        if len(kinds) != 1 or kinds - {"n", "str", "date"}:
            raise ExpressionEvalError("bad_argument", func=name)
        return min(values) if name == "min" else max(values)  # type: ignore[type-var]

    return impl


def _selected(args: list[object], env: Env) -> bool:
    value, wanted = args
    if isinstance(value, tuple):
        return wanted in value
    return value is not None and value == wanted


def _count_selected(args: list[object], env: Env) -> int:
    value = args[0]
    if isinstance(value, tuple):
        return len(value)
    return 0 if value in (None, "") else 1


def _string_length(args: list[object], env: Env) -> int:
    return len(to_text(args[0]))


def _concat(args: list[object], env: Env) -> str:
    return "".join(to_text(a) for a in args)


def _today(args: list[object], env: Env) -> date:
    return env.today


def _as_date(value: object, func: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ExpressionEvalError("bad_argument", func=func)


def _date(args: list[object], env: Env) -> date | None:
    return _as_date(args[0], "date")


def _age(args: list[object], env: Env) -> int | None:
    born = _as_date(args[0], "age")
    if born is None:
        return None
    today = env.today
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _birth_date(args: list[object], env: Env) -> date | None:
    value = args[0]
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExpressionEvalError("bad_argument", func="birth-date")
    return id_birth_date(value.strip().upper())


def _round(args: list[object], env: Env) -> object:
    value = args[0]
    places = args[1] if len(args) > 1 else 0
    if value is None:
        return None
    if not (is_number(value) and isinstance(places, int) and not isinstance(places, bool) and 0 <= places <= 10):
        raise ExpressionEvalError("bad_argument", func="round")
    try:
        with localcontext(DECIMAL_CONTEXT):
            # 四舍五入 (half up) is what clerks and forms expect, not banker's rounding.
            rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ExpressionEvalError("too_large") from exc
    return int(rounded) if places == 0 else rounded


def check_pattern(pattern: object) -> re.Pattern[str]:
    """Compile a regex() pattern after the safety limits; raises ExpressionEvalError."""
    if not isinstance(pattern, str):
        raise ExpressionEvalError("bad_argument", func="regex")
    if len(pattern) > MAX_PATTERN:
        raise ExpressionEvalError("bad_regex", detail=f"长度超过 {MAX_PATTERN} 个字符")
    if _NESTED_QUANTIFIER.search(pattern) or _LOOKAROUND_OR_BACKREF.search(pattern):
        raise ExpressionEvalError("bad_regex", detail="不支持嵌套重复、环视或反向引用")
    return _compile(pattern)


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise ExpressionEvalError("bad_regex", detail="格式错误") from exc


def _regex(args: list[object], env: Env) -> bool:
    subject, pattern = args
    compiled = check_pattern(pattern)
    if subject is None:
        return False
    text = to_text(subject)
    if len(text) > MAX_REGEX_SUBJECT:
        raise ExpressionEvalError("bad_argument", func="regex")
    return compiled.fullmatch(text) is not None


def _choice(args: list[object], env: Env) -> object:
    key = args[0]
    if env.choice is None or not isinstance(key, str):
        raise ExpressionEvalError("misplaced", what="choice()", where="choice_filter")
    return env.choice.get(key)


# name -> (min args, max args or None for any, implementation). `if` and `coalesce` are lazy and
# handled by the evaluator itself; they are listed here so the arity check knows them.
FUNCTIONS: dict[str, tuple[int, int | None, Impl | None]] = {
    "if": (3, 3, None),
    "coalesce": (1, None, None),
    "count": (1, 1, _count),
    "sum": (1, None, _sum),
    "min": (1, None, _extreme("min")),
    "max": (1, None, _extreme("max")),
    "selected": (2, 2, _selected),
    "count-selected": (1, 1, _count_selected),
    "string-length": (1, 1, _string_length),
    "concat": (1, None, _concat),
    "today": (0, 0, _today),
    "date": (1, 1, _date),
    "age": (1, 1, _age),
    "birth-date": (1, 1, _birth_date),
    "round": (1, 2, _round),
    "regex": (2, 2, _regex),
    "choice": (1, 1, _choice),
}
