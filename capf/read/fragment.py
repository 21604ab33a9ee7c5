"""JSON Schema fragments from rule files: closed, with no reference and no backtracking regex.

A fragment (the `schema` check) is untrusted input. Any referencing keyword (`$ref`,
`$dynamicRef`, `$id`, `$anchor` …) could make jsonschema fetch a URL or read a local file and let
its content decide an outcome, so every one is refused when the rule set loads, with its place;
the validator is also built over the same closed registry as the plan schema, which refuses
every retrieval. `pattern`, `patternProperties` and the `additionalProperties` that depends on
them run on RE2 (capf.read.pattern) instead of Python's backtracking `re`.

With the `fast` extra, a plain fragment (no referencing keyword, no `patternProperties`, no
float `multipleOf`) is checked against the meta-schema and judged by jsonschema-rs, its
`pattern`s still on RE2 (as a custom keyword), so `capf check` never imports python-jsonschema;
jsonschema still explains a fragment that is not a valid schema and judges every other
fragment. tests/test_fragment_backends.py shows both backends agree on plain fragments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from capf.model.pointer import escape_pointer_token
from capf.read.integer_keyword import rewritten
from capf.read.pattern import linear
from capf.read.schema import fast_available, registry

META_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
REFERENCING = frozenset({"$ref", "$dynamicRef", "$recursiveRef", "$id", "$anchor",
                         "$dynamicAnchor", "$recursiveAnchor", "$schema", "$vocabulary"})
_DATA = frozenset({"const", "enum", "default", "examples"})  # values here are data, not schema
PATTERN_KEYWORD = "x-capf-pattern"  # `pattern` as jsonschema-rs runs it: on RE2


def _nodes(node: Any, ptr: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    stack = [(node, ptr)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, list):
            stack.extend((item, f"{where}/{i}") for i, item in enumerate(current))
        elif isinstance(current, dict):
            yield where, current
            stack.extend((value, f"{where}/{escape_pointer_token(key)}")
                         for key, value in current.items() if key not in _DATA)


def fragment_problem(fragment: dict[str, Any]) -> str | None:
    """Why `fragment` cannot be used (naming keyword and place), or None if it can."""
    patterned = False
    for where, node in _nodes(fragment):
        for key in node.keys() & REFERENCING:
            if key == "$schema" and node[key] == META_SCHEMA and where == "":
                continue
            return f"{key} is not allowed in a schema fragment (at {where or '/'}): " \
                   "a rule may not refer to other schemas"
        try:
            if isinstance(node.get("pattern"), str):
                linear(node["pattern"])
            if isinstance(node.get("patternProperties"), dict):
                patterned = True
                for key in node["patternProperties"]:
                    linear(key)
        except ValueError as exc:
            return f"{exc} (at {where or '/'})"
    if patterned and any("unevaluatedProperties" in node for _, node in _nodes(fragment)):
        return "unevaluatedProperties cannot be combined with patternProperties in a fragment"
    if plain(fragment) and _python_regexes(fragment) and _fast_meta_valid(fragment):
        return None
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(fragment)
    except SchemaError as exc:
        place = "/" + "/".join(str(p) for p in exc.absolute_path)
        return f"not a valid JSON Schema at {place}: {exc.message[:200]}"
    return None


def plain(fragment: dict[str, Any]) -> bool:
    """Whether jsonschema-rs may judge `fragment` (see fast_schema)."""
    return fast_schema(fragment) is not None


def fast_schema(fragment: dict[str, Any]) -> dict[str, Any] | None:
    """The fragment as jsonschema-rs judges it, each `pattern` as PATTERN_KEYWORD, or None if
    jsonschema must: for a referencing keyword (but the root's 2020-12 `$schema`), a
    `patternProperties` (which `additionalProperties` depends on), a `multipleOf` by a float,
    where the two backends' arithmetic differs (0.3 of 0.1), or a `pattern` left where no
    subschema is known to sit."""
    for where, node in _nodes(fragment):
        if "patternProperties" in node or isinstance(node.get("multipleOf"), float):
            return None
        for key in node.keys() & REFERENCING:
            if not (key == "$schema" and node[key] == META_SCHEMA and where == ""):
                return None
    renamed: dict[str, Any] = rewritten(fragment, _renamed)
    return None if any("pattern" in node for _, node in _nodes(renamed)) else renamed


def _renamed(node: dict[str, Any]) -> dict[str, Any]:
    return {PATTERN_KEYWORD if key == "pattern" else key: value for key, value in node.items()}


def _python_regexes(fragment: dict[str, Any]) -> bool:
    """Whether every `pattern` also compiles in Python's `re`: the meta-schema's `regex` format,
    which jsonschema checks and which then explains a refusal."""
    try:
        for _, node in _nodes(fragment):
            if isinstance(node.get("pattern"), str):
                re.compile(node["pattern"])
    except (re.error, OverflowError, RecursionError):
        return False
    return True


class _OnRE2:
    """PATTERN_KEYWORD's check (jsonschema-rs's custom keyword protocol), as _pattern below."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        del parent_schema, schema_path
        self._pattern = linear(value)

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and self._pattern.search(instance) is None:
            raise ValueError("no match")


def _fast_meta_valid(fragment: dict[str, Any]) -> bool:
    """jsonschema-rs's "valid against the 2020-12 meta-schema"; False also when it cannot say."""
    if not fast_available():
        return False
    import jsonschema_rs

    try:
        return bool(jsonschema_rs.meta.is_valid(fragment))
    except Exception:  # a value it cannot read: jsonschema decides
        return False


def _pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and linear(patrn).search(instance) is None:
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


def _pattern_properties(validator: Any, patterns: dict[str, Any], instance: Any,
                        schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for patrn, subschema in patterns.items():
        compiled = linear(patrn)
        for key, value in instance.items():
            if compiled.search(key) is not None:
                yield from validator.descend(value, subschema, path=key, schema_path=patrn)


def _additional(validator: Any, extra: Any, instance: Any,
                schema: dict[str, Any]) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "object"):
        return
    known = schema.get("properties", {})
    patterns = [linear(p) for p in schema.get("patternProperties", {})]
    extras = [key for key in instance
              if key not in known and not any(p.search(key) is not None for p in patterns)]
    if validator.is_type(extra, "object"):
        for key in extras:
            yield from validator.descend(instance[key], extra, path=key)
    elif extra is False and extras:
        yield ValidationError(f"additional properties are not allowed ({sorted(extras)[:5]})")


@cache
def _linear() -> Any:
    """Draft 2020-12 with the pattern keywords on RE2 (built on first use, like jsonschema)."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {  # type: ignore[no-untyped-call]
        "pattern": _pattern, "patternProperties": _pattern_properties,
        "additionalProperties": _additional})


def python_validator(fragment: dict[str, Any]) -> Any:
    """jsonschema's validator for `fragment`, over the closed registry, patterns on RE2."""
    return _linear()(fragment, registry=registry())


class _Fast:
    """jsonschema-rs's judgement of a plain fragment; a value it cannot read goes to jsonschema."""

    def __init__(self, fragment: dict[str, Any], fast: Callable[[Any], bool]) -> None:
        self._fragment = fragment
        self._fast = fast

    def is_valid(self, instance: Any) -> bool:
        try:
            return self._fast(instance)
        except ValueError:  # e.g. a set or a date, which no JSON or YAML plan holds
            return bool(python_validator(self._fragment).is_valid(instance))


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"capf resolves no schema for a fragment ({uri})")


def fragment_validator(fragment: dict[str, Any]) -> Any:
    """A validator (`is_valid`) for a checked fragment (see fragment_problem): jsonschema-rs for
    a plain fragment with the `fast` extra, else jsonschema over the closed registry."""
    schema = fast_schema(fragment) if fast_available() else None
    if schema is None:
        return python_validator(fragment)
    import jsonschema_rs

    fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=False,
                                              retriever=_no_retrieval,
                                              keywords={PATTERN_KEYWORD: _OnRE2})
    return _Fast(fragment, fast.is_valid)
