"""The published JSON Schemas and validators built once over a closed registry.

Validators never resolve a `$ref` outside this project's own schemas (jsonschema would otherwise
fetch remote references over the network; see pitfalls.md). Local `#/$defs/…` references are
inlined once when a validator is built (a third less time per plan, bench/run.py). With the
optional `fast` extra (jsonschema-rs), a valid document is recognised ~100× faster and only an
invalid one goes through jsonschema for located, explained errors; tests/test_fast_validator.py
shows both backends agree, also on `2030.0` where the schema says integer, which JSON Schema
takes as an integer and capf refuses (capf.read.integer_keyword).
CAPF_PURE_PYTHON=1 switches the fast path off. jsonschema and referencing are imported only when
a validator of theirs is built, so a valid document never loads them with the `fast` extra.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from capf.model.errors import Problem
from capf.model.pointer import pointer
from capf.read.integer_keyword import KEYWORD, AsWritten, marked
from capf.read.resources import data_dir
from capf.text.causes import BOUNDS, bound, type_name
from capf.text.errors import said
from capf.text.message import Phrase

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry, Resource

SCHEMA_NAMES = ("plan", "verdict", "rules", "status", "portfolio", "verdicts", "diff")


def schema_path_of(name: str) -> Any:
    return data_dir("schemas") / f"{name}.schema.json"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The published schema `name` (plan, verdict, rules or status) as a dict."""
    with schema_path_of(name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _refuse(uri: str) -> Resource[Any]:
    from referencing.exceptions import NoSuchResource

    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # attrs class; stubs lack fields


@cache
def registry() -> Registry[Any]:
    """The closed registry: the project's own schemas, and a refusal for any other URI."""
    from referencing import Registry, Resource

    closed: Registry[Any] = Registry(retrieve=_refuse)  # type: ignore[call-arg]
    return closed.with_resources(
        (load_schema(n)["$id"], Resource.from_contents(load_schema(n))) for n in SCHEMA_NAMES)


def inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with local `#/$defs/NAME` references replaced by their definitions.

    A recursive definition cannot be inlined; then the schema is returned unchanged.
    """
    defs = schema.get("$defs", {})

    def expand(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in seen or name not in defs:
                raise _Recursive
            rest = {k: expand(v, seen) for k, v in node.items() if k != "$ref"}
            return {**expand(defs[name], (*seen, name)), **rest}
        return {k: expand(v, seen) for k, v in node.items() if k != "$defs"}

    try:
        return expand(schema, ())  # type: ignore[no-any-return]
    except _Recursive:
        return schema


class _Recursive(Exception):
    pass


def _json_integer(checker: Any, value: Any) -> bool:
    """An integer as written: `2030.0` is a number, not a year (pitfalls: float years)."""
    return isinstance(value, int) and not isinstance(value, bool)


@cache
def _strict_class() -> Any:
    """Draft 2020-12 where `integer` is an int as written (built on first use: jsonschema is slow
    to import and a valid document with the `fast` extra never needs it).

    JSON Schema counts 2030.0 as an integer; capf refuses it, so a year written `2030.0` is an
    error at its place (exit 2) instead of a value that equals 2030 but fails `int` checks.
    """
    from jsonschema import Draft202012Validator, validators

    types = Draft202012Validator.TYPE_CHECKER.redefine("integer", _json_integer)
    return validators.extend(Draft202012Validator, type_checker=types)  # type: ignore[no-untyped-call]


@cache
def validator(name: str) -> Draft202012Validator:
    """A reusable validator for schema `name`, with only the `date` format checked."""
    return strict_validator(inlined(load_schema(name)))


def strict_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """jsonschema for `schema`, `2030.0` no integer, only `date` formats, no remote `$ref`."""
    from jsonschema import FormatChecker

    built: Draft202012Validator = _strict_class()(
        schema, registry=registry(), format_checker=FormatChecker(formats=("date",)))
    return built


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"capf resolves no remote schema ({uri})")


@cache
def fast_is_valid(name: str) -> Callable[[Any], bool] | None:
    """jsonschema-rs's `is_valid` for schema `name`, or None without the `fast` extra."""
    return _compiled(load_schema(name)) if fast_available() else None


def fast_available() -> bool:
    """Whether jsonschema-rs may say "valid": the `fast` extra runs capf's integer keyword, and
    CAPF_PURE_PYTHON is not 1."""
    return os.environ.get("CAPF_PURE_PYTHON") != "1" and _keyword_runs()


def fast_validator(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """jsonschema-rs's `is_valid` for `schema`, reading `integer` as capf does (no 2030.0).

    None without the `fast` extra, or if its jsonschema-rs cannot take custom keywords: then
    jsonschema decides alone.
    """
    return _compiled(schema) if _keyword_runs() else None


def _compiled(schema: dict[str, Any]) -> Callable[[Any], bool]:
    import jsonschema_rs

    return jsonschema_rs.validator_for(
        marked(schema), validate_formats=True, retriever=_no_retrieval,
        keywords={KEYWORD: AsWritten}).is_valid


@cache
def _keyword_runs() -> bool:
    """Whether the installed jsonschema-rs runs capf's integer keyword (probed once a process)."""
    try:
        import jsonschema_rs  # noqa: F401
    except ImportError:
        return False
    try:  # a jsonschema-rs without custom keywords, or with another protocol for them
        probe = _compiled({"type": "integer"})
        return not probe(2.0) and probe(2)
    except Exception:  # pragma: no cover - any failure of the probe: jsonschema decides alone
        return False


MAX_PROBLEMS = 1_000  # a 15 MB plan of wrong-typed numbers has 7.5 million; listing them took minutes


def problems(name: str, data: Any) -> list[Problem]:
    """The schema violations of `data` (the first MAX_PROBLEMS found), most relevant first."""
    quick = fast_is_valid(name)
    if quick is not None and quick(data):
        return []
    errors = list(islice(validator(name).iter_errors(data), MAX_PROBLEMS))
    if not errors:
        return []
    errors.sort(key=_relevance)
    return [_problem(error) for error in errors]


@cache
def longest_list(name: str) -> int:
    """Schema `name`'s largest maxItems: no list of such a document may be longer.

    Every array of the plan and status schemas has a maxItems and no object takes arbitrary
    keys, so the bound refuses nothing the schema would accept (a test checks both).
    """
    return max(int(n) for n in re.findall(r'"maxItems": (\d+)', json.dumps(load_schema(name))))


def more_problems(found: int) -> str:
    """What follows the first problem in a one-line error: how many more, "at least" if capped."""
    if found <= 1:
        return ""
    return f" (and {'at least ' if found >= MAX_PROBLEMS else ''}{found - 1:,} more)"


def _relevance(error: ValidationError) -> tuple[int, int, str]:
    # Deepest first: the error nearest the offending value is the one a person can act on.
    # Among equals, unknown keys and wrong types before derived complaints.
    rank = {"additionalProperties": 0, "type": 1, "required": 2, "enum": 3}.get(
        str(error.validator), 4)
    return (-len(error.absolute_path), rank, pointer(list(error.absolute_path)))


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem(error: ValidationError) -> Problem:
    path = list(error.absolute_path)
    kind = str(error.validator)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.validator_value
    instance = error.instance
    if kind == "additionalProperties" and isinstance(instance, dict):
        import difflib

        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        key = extra[0] if extra else ""
        close = difflib.get_close_matches(key, allowed, n=1)
        return Problem.of(pointer([*path, key]),
                          said("unknown_key_close", key=_short(key), close=repr(close[0])) if close
                          else said("unknown_key", key=_short(key), allowed=allowed))
    if kind == "required":
        missing = [k for k in value if isinstance(instance, dict) and k not in instance]
        return Problem.of(pointer(path),
                          said("missing_key", key=_short(missing[0] if missing else value)))
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        got = type_name(_json_type(instance))
        if instance is not None:
            got = Phrase(f"{got.en} {_short(instance)}", f"{got.da} {_short(instance)}")
        expected = Phrase(" or ".join(type_name(t).en for t in types),
                          " eller ".join(type_name(t).da for t in types))
        return Problem.of(pointer(path), said("wrong_type", expected=expected, got=got))
    if kind == "enum":
        return Problem.of(pointer(path), said("not_one_of", value=_short(instance),
                                              allowed=[str(v) for v in value]))
    if kind in BOUNDS and kind.endswith(("imum",)):
        return Problem.of(pointer(path), said("out_of_range", value=_short(instance),
                                              bound=bound(kind, value)))
    if kind == "format":
        return Problem.of(pointer(path), said("bad_date", value=_short(instance), format=str(value)))
    if kind == "pattern":
        return Problem.of(pointer(path), said("bad_form", value=_short(instance)))
    if kind in BOUNDS:
        return Problem.of(pointer(path), said("bad_length", bound=bound(kind, value)))
    if kind == "uniqueItems":
        return Problem.of(pointer(path), said("repeated_items"))
    return Problem.of(pointer(path), said("schema_other", message=error.message[:200].replace("\n", " ")))


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
