"""`integer` as capf reads it, taught to the fast validator as one custom keyword.

JSON Schema (and so jsonschema-rs) takes `2030.0` as an integer; capf refuses it (a float year
would equal 2030 yet fail `int` checks, pitfalls.md). Beside every `type` that allows integer
but not number, the fast validator's copy of a schema gets the keyword KEYWORD, whose check
refuses a float. Then both backends agree on every document, wherever the type sits (under
`not`, `if`, `$ref`, `patternProperties`, …), and no walk over the data is needed.
"""

from __future__ import annotations

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
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    types = schema.get("type")
    allowed = types if isinstance(types, list) else [types]
    if "integer" in allowed and "number" not in allowed:
        out[KEYWORD] = True
    for key in _SCHEMA:
        if key in schema:
            out[key] = marked(schema[key])
    for key in _SCHEMA_MAPS:
        if isinstance(schema.get(key), dict):
            out[key] = {name: marked(sub) for name, sub in schema[key].items()}
    for key in _SCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            out[key] = [marked(sub) for sub in schema[key]]
    return out


class AsWritten:
    """The keyword's check (jsonschema-rs's custom keyword protocol): a float is no integer."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        del parent_schema, value, schema_path  # the check needs none of them

    def validate(self, instance: Any) -> None:
        if type(instance) is float:
            raise ValueError("a number with a decimal point where an integer belongs")
