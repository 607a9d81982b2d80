"""Evaluation order of relevance, calculations and repeat counts; cycles are definition errors."""

from __future__ import annotations

from collections.abc import Callable

from app.forms.spec import FieldSpec, FormSchema, RepeatSpec


def dependencies(schema: FormSchema) -> dict[str, set[str]]:
    """name → the names its relevant/calculate/repeat_count read, plus its enclosing groups."""
    deps: dict[str, set[str]] = {}
    for place in schema.walk():
        item = place.item
        names: set[str] = set(place.ancestors)
        exprs = [item.relevant]
        if isinstance(item, FieldSpec):
            exprs.append(item.calculate)
        if isinstance(item, RepeatSpec):
            exprs.append(item.repeat_count)
        for expr in exprs:
            if expr is not None:
                names |= expr.refs
        deps[item.name] = names
    return deps


def evaluation_order(schema: FormSchema, report: Callable[[str, str, str], None]) -> tuple[str, ...]:
    """A topological order of all names (document order where free); reports each cycle found."""
    deps = dependencies(schema)
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in deps:
        if state.get(start):
            continue
        # Iterative DFS: a hostile definition must not exhaust Python's recursion limit.
        stack: list[tuple[str, list[str]]] = [(start, sorted(deps[start]))]
        state[start] = 1
        while stack:
            name, pending = stack[-1]
            if not pending:
                stack.pop()
                state[name] = 2
                order.append(name)
                continue
            nxt = pending.pop()
            if state.get(nxt) == 1:
                cycle = [n for n, _ in stack][[n for n, _ in stack].index(nxt):] + [nxt]
                report(nxt, "cycle", f"字段 {nxt}: 计算或显示条件形成循环引用（{' → '.join(cycle)}）")
            elif not state.get(nxt) and nxt in deps:
                state[nxt] = 1
                stack.append((nxt, sorted(deps[nxt])))
    return tuple(order)
