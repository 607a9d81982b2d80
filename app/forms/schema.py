"""Public face of the form schema: the frozen spec classes and load_form."""

from __future__ import annotations

from app.forms.errors import DefinitionIssue, FormDefinitionError
from app.forms.loader import load_form
from app.forms.spec import (
    CHOICE_TYPES,
    FIELD_TYPES,
    Choice,
    FieldSpec,
    FormSchema,
    GroupSpec,
    Item,
    Placement,
    RepeatSpec,
)

__all__ = [
    "CHOICE_TYPES", "FIELD_TYPES", "Choice", "DefinitionIssue", "FieldSpec", "FormDefinitionError",
    "FormSchema", "GroupSpec", "Item", "Placement", "RepeatSpec", "load_form",
]
