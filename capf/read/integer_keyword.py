"""`integer` as capf reads it, taught to the fast validator as one custom keyword.

JSON Schema (and so jsonschema-rs) takes `2030.0` as an integer; capf refuses it (a float year
would equal 2030 yet fail `int` checks, pitfalls.md). Beside every `type` that allows integer
but not number, the fast validator's copy of a schema gets the keyword KEYWORD, whose check
refuses a float. Then both backends agree on every document, wherever the type sits (under
`not`, `if`, `$ref`, `patternProperties`, …), and no walk over the data is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

KEYWORD = "x-capf-integer-as-written"
_SCHEMA = ("items", "additionalProperties", "contains", "not", "if", "then", "else",
           "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("prefixItems", "allOf", "anyOf", "oneOf")


def marked(schema: Any) -> Any:
    """A copy of `schema` with KEYWORD beside each integer-but-not-number type.

    Only schema positions are visited: an `enum`, `const` or `default` value is data and stays
    as it is, even if it looks like a schema.
    """
    return rewritten(schema, _mark)


def _mark(node: dict[str, Any]) -> dict[str, Any]:
    types = node.get("type")
    allowed = types if isinstance(types, list) else [types]
    return {**node, KEYWORD: True} if "integer" in allowed and "number" not in allowed else node


def rewritten(schema: Any, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    """A copy of `schema` with `change` applied to it and to every subschema (schema positions
    only, so an `enum`, `const` or `default` value stays as it is)."""
    if not isinstance(schema, dict):
        return schema
    out = dict(change(schema))
    for key in _SCHEMA:
        if key in schema:
            out[key] = rewritten(schema[key], change)
    for key in _SCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            out[key] = {name: rewritten(sub, change) for name, sub in schema[key].items()}
    for key in _SCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            out[key] = [rewritten(sub, change) for sub in schema[key]]
    return out


class AsWritten:
    """The keyword's check (jsonschema-rs's custom keyword protocol): a float is no integer."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        del parent_schema, value, schema_path  # the check needs none of them

    def validate(self, instance: Any) -> None:
        if type(instance) is float:
            raise ValueError("a number with a decimal point where an integer belongs")
