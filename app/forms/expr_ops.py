"""Runtime values and operators of the expression language: exact Decimal arithmetic, days for dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext

from app.forms.errors import ExpressionEvalError

# Precision 28 is ample for money in yuan; a small exponent range keeps hostile input cheap.
DECIMAL_CONTEXT = Context(prec=28, Emax=40, Emin=-40, traps=[InvalidOperation, DivisionByZero, Overflow])
INT_LIMIT = 10**40

Number = int | Decimal


class NodeSet(tuple):  # noqa: SLOT000 - a marker type, no extra state
    """The values of one field across the rows of a repeat (what `${f}` means outside f's row)."""

    __slots__ = ()


def is_number(value: object) -> bool:
    """True for int and Decimal, never for bool (which is an int subclass in Python)."""
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def truthy(value: object) -> bool:
    """How relevant/required/constraint read a value: empty, zero and false are false."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if is_number(value):
        return value != 0
    if isinstance(value, str | tuple):
        return len(value) > 0
    return True


def _checked(value: Number) -> Number:
    if isinstance(value, int) and abs(value) > INT_LIMIT:
        raise ExpressionEvalError("too_large")
    return value


def _as_days(value: object, op: str) -> int:
    if not is_number(value) or value != int(value):  # type: ignore[call-overload]
        raise ExpressionEvalError("type_mismatch", op=op)
    if abs(int(value)) > 1_000_000:  # type: ignore[call-overload]
        raise ExpressionEvalError("too_large")
    return int(value)  # type: ignore[call-overload]


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError as exc:
        raise ExpressionEvalError("too_large") from exc


def arithmetic(op: str, left: object, right: object) -> object:
    """Apply + - * / mod; null in, null out; date ± days and date − date (in days)."""
    if left is None or right is None:
        return None
    if isinstance(left, date) or isinstance(right, date):
        return _date_arithmetic(op, left, right)
    if not (is_number(left) and is_number(right)):
        raise ExpressionEvalError("type_mismatch", op=op)
    try:
        with localcontext(DECIMAL_CONTEXT):
            return _checked(_numeric(op, left, right))  # type: ignore[arg-type]
    except (DivisionByZero, ZeroDivisionError) as exc:
        raise ExpressionEvalError("division_by_zero") from exc
    except (Overflow, InvalidOperation) as exc:
        raise ExpressionEvalError("too_large") from exc


def _numeric(op: str, left: Number, right: Number) -> Number:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if right == 0:
        raise ExpressionEvalError("division_by_zero")
    if op == "/":
        return Decimal(left) / Decimal(right)
    if isinstance(left, int) and isinstance(right, int):
        return left % right
    return Decimal(left) % Decimal(right)


def _date_arithmetic(op: str, left: object, right: object) -> object:
    if op == "-" and isinstance(left, date) and isinstance(right, date):
        return (left - right).days
    if op in "+-" and isinstance(left, date):
        days = _as_days(right, op)
        return _shift(left, days if op == "+" else -days)
    if op == "+" and isinstance(right, date):
        return _shift(right, _as_days(left, op))
    raise ExpressionEvalError("type_mismatch", op=op)


def compare(op: str, left: object, right: object) -> bool:
    """= != < <= > >=; equality across types is simply false, ordering across types is an error."""
    if op in ("=", "!="):
        equal = _equal(left, right)
        return equal if op == "=" else not equal
    if left is None or right is None:
        return False
    if not _orderable(left, right):
        raise ExpressionEvalError("type_mismatch", op=op)
    if op == "<":
        return left < right  # type: ignore[operator]
    if op == "<=":
        return left <= right  # type: ignore[operator]
    if op == ">":
        return left > right  # type: ignore[operator]
    return left >= right  # type: ignore[operator]


def _equal(left: object, right: object) -> bool:
    if is_number(left) and is_number(right):
        return left == right
    if type(left) is not type(right) and not (isinstance(left, tuple) and isinstance(right, tuple)):
        return False
    return left == right


def _orderable(left: object, right: object) -> bool:
    if is_number(left) and is_number(right):
        return True
    return type(left) is type(right) and isinstance(left, str | date)


def negate(value: object) -> object:
    """Unary minus; null stays null."""
    if value is None:
        return None
    if not is_number(value):
        raise ExpressionEvalError("type_mismatch", op="-")
    return -value  # type: ignore[operator]


def to_text(value: object) -> str:
    """How concat() shows a value: dates ISO, null empty, selections space-separated."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return " ".join(to_text(v) for v in value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
