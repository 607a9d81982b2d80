"""The intake-form language: schema, expressions, form model. Pure Python."""

from __future__ import annotations

from app.forms.errors import (
    DefinitionIssue,
    ExpressionError,
    ExpressionEvalError,
    ExpressionSyntaxError,
    FormDefinitionError,
    FormPathError,
    RepeatLimitError,
)
from app.forms.expr import Env, Expression, compile_expression, evaluate
from app.forms.model import FormModel
from app.forms.schema import Choice, FieldSpec, FormSchema, GroupSpec, RepeatSpec, load_form
from app.forms.validation import FieldError

__all__ = [
    "Choice", "DefinitionIssue", "Env", "Expression", "ExpressionError", "ExpressionEvalError",
    "ExpressionSyntaxError", "FieldError", "FieldSpec", "FormDefinitionError", "FormModel", "FormPathError",
    "FormSchema", "GroupSpec", "RepeatLimitError", "RepeatSpec", "compile_expression", "evaluate", "load_form",
]
