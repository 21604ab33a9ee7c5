"""Where a schema says `integer`: the one place the fast validator and capf disagree.

jsonschema-rs (like JSON Schema) takes `2030.0` as an integer; capf refuses it (a float year
would equal 2030 yet fail `int` checks, pitfalls.md). So the fast path may say "valid" only if
no whole-number float sits where an `integer` type applies. The places are derived once from
the (inlined) schema through properties, additionalProperties, items, prefixItems and the
anyOf/oneOf/allOf combinators (their union: a place any branch types as integer counts). Any
other subschema keyword (`not`, `if`, `patternProperties`, an unresolved `$ref`, …) makes its
place opaque: every whole-number float below it counts, as before this derivation existed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Keywords that constrain only the value itself, never a value below it.
_LEAF_KEYWORDS = frozenset({
    "$schema", "$id", "$comment", "$anchor", "title", "description", "default", "examples",
    "deprecated", "readOnly", "writeOnly", "type", "enum", "const", "format", "pattern",
    "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
    "required", "dependentRequired", "contentEncoding", "contentMediaType", "$defs"})
_UNDERSTOOD = _LEAF_KEYWORDS | {"properties", "additionalProperties", "items", "prefixItems",
                                "anyOf", "oneOf", "allOf"}
_COMBINATORS = ("allOf", "anyOf", "oneOf")


@dataclass(frozen=True)
class IntegerPlaces:
    """The schema's shape as far as integer types go; `None` children mean "unconstrained"."""

    integer: bool = False  # an `integer` type applies to the value here
    opaque: bool = False  # a keyword not understood applies here: every whole float below counts
    properties: dict[str, IntegerPlaces] = field(default_factory=dict)
    extra: IntegerPlaces | None = None  # additionalProperties
    prefix: tuple[IntegerPlaces | None, ...] = ()
    items: IntegerPlaces | None = None

    @classmethod
    def of(cls, schema: Any) -> IntegerPlaces:
        """The places of a schema (a dict, or a boolean schema)."""
        if not isinstance(schema, dict):
            return _FREE
        if not schema.keys() <= _UNDERSTOOD:
            return _OPAQUE
        types = schema.get("type")
        own = IntegerPlaces(
            integer=types == "integer" or (isinstance(types, list) and "integer" in types),
            properties={k: cls.of(v) for k, v in (schema.get("properties") or {}).items()},
            extra=_child(schema.get("additionalProperties")),
            prefix=tuple(_child(s) for s in schema.get("prefixItems") or ()),
            items=_child(schema.get("items")))
        for keyword in _COMBINATORS:
            for branch in schema.get(keyword) or ():
                own = _union(own, cls.of(branch)) or _FREE
        return own

    def whole_float_at_integer(self, data: Any) -> bool:
        """Whether a float with no fraction sits in `data` where an integer type applies."""
        stack: list[tuple[Any, IntegerPlaces | None]] = [(data, self)]
        while stack:
            value, places = stack.pop()
            if places is None:
                continue
            if places.opaque:
                if _any_whole_float(value):
                    return True
                continue
            kind = type(value)
            if kind is float:
                if places.integer and value.is_integer():
                    return True
            elif kind is dict:
                properties, extra = places.properties, places.extra
                stack.extend((item, properties.get(key, extra)) for key, item in value.items()
                             if type(item) in _DESCEND)
            elif kind is list:
                prefix, items, count = places.prefix, places.items, len(places.prefix)
                stack.extend((item, prefix[i] if i < count else items)
                             for i, item in enumerate(value) if type(item) in _DESCEND)
        return False


_DESCEND = frozenset({float, dict, list})
_FREE = IntegerPlaces()
_OPAQUE = IntegerPlaces(opaque=True)


def _child(schema: Any) -> IntegerPlaces | None:
    return None if schema is None or schema is True else IntegerPlaces.of(schema)


def _union(a: IntegerPlaces | None, b: IntegerPlaces | None) -> IntegerPlaces | None:
    """Places that count in either: what a value must avoid to pass every branch."""
    if a is None or b is None:
        return b if a is None else a
    if a.opaque or b.opaque:
        return _OPAQUE
    keys = a.properties.keys() | b.properties.keys()
    properties = {k: _union(a.properties.get(k, a.extra), b.properties.get(k, b.extra)) or _FREE
                  for k in keys}
    length = max(len(a.prefix), len(b.prefix))
    prefix = tuple(_union(_at(a, i), _at(b, i)) for i in range(length))
    return IntegerPlaces(integer=a.integer or b.integer, properties=properties,
                         extra=_union(a.extra, b.extra), prefix=prefix,
                         items=_union(a.items, b.items))


def _at(places: IntegerPlaces, index: int) -> IntegerPlaces | None:
    return places.prefix[index] if index < len(places.prefix) else places.items


def _any_whole_float(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, float) and value.is_integer():
            return True
    return False
