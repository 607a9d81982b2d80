"""The intake-form language: schema, expressions, form model. Pure Python."""
