"""Frozen data classes describing a loaded form: fields, groups, repeats and choice lists."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from app.forms.expr import Expression

FIELD_TYPES = frozenset({
    "text", "textarea", "int", "decimal", "date", "select", "multiselect", "bool",
    "id_card", "uscc", "phone", "address", "note",
})
CHOICE_TYPES = frozenset({"select", "multiselect"})


@dataclass(frozen=True)
class Choice:
    """One option of a choice list; `attrs` are extra columns that choice_filter can read."""

    name: str
    label: str
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldSpec:
    """One input (or note) of a form. `required` is a bool or an Expression."""

    name: str
    type: str
    label: str
    hint: str = ""
    required: bool | Expression = False
    required_message: str = ""
    default: object = None
    read_only: bool = False
    constraint: Expression | None = None
    constraint_message: str = ""
    relevant: Expression | None = None
    calculate: Expression | None = None
    choice_list: str | None = None
    choice_filter: Expression | None = None


@dataclass(frozen=True)
class GroupSpec:
    """A visual group of fields that can be made relevant or not as a whole."""

    name: str
    label: str
    fields: tuple[Item, ...]
    relevant: Expression | None = None


@dataclass(frozen=True)
class RepeatSpec:
    """A repeat group: rows of the same fields, between `min` and `max` rows (or `repeat_count`)."""

    name: str
    label: str
    fields: tuple[Item, ...]
    min: int = 0
    max: int | None = None
    repeat_count: Expression | None = None
    relevant: Expression | None = None


Item = FieldSpec | GroupSpec | RepeatSpec


@dataclass(frozen=True)
class Placement:
    """Where an item sits: the enclosing repeat (if any) and the chain of enclosing groups/repeats."""

    item: Item
    repeat: str | None
    ancestors: tuple[str, ...]


@dataclass(frozen=True)
class FormSchema:
    """A versioned intake form (申请表) for one service item."""

    form_id: str
    version: int
    title: str
    fields: tuple[Item, ...]
    choices: Mapping[str, tuple[Choice, ...]]
    order: tuple[str, ...] = ()  # names in the order relevance/calculate must be evaluated

    def walk(self) -> Iterator[Placement]:
        """Every item in document order with its placement."""
        yield from _walk(self.fields, None, ())

    def placements(self) -> dict[str, Placement]:
        """Name → placement for every item (names are unique across the whole form)."""
        return {p.item.name: p for p in self.walk()}

    def choice_labels(self, list_name: str) -> dict[str, str]:
        """name → label for one choice list."""
        return {c.name: c.label for c in self.choices.get(list_name, ())}


def _walk(items: tuple[Item, ...], repeat: str | None, ancestors: tuple[str, ...]) -> Iterator[Placement]:
    for item in items:
        yield Placement(item, repeat, ancestors)
        if isinstance(item, GroupSpec):
            yield from _walk(item.fields, repeat, (*ancestors, item.name))
        elif isinstance(item, RepeatSpec):
            yield from _walk(item.fields, item.name, (*ancestors, item.name))
