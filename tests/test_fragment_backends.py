"""A `schema` check's fragment gets the same answers from jsonschema-rs as from jsonschema.

With the `fast` extra a plain fragment (no referencing keyword, no pattern) is checked against
the meta-schema and judged by jsonschema-rs (capf.read.fragment). A disagreement would change a
rule's outcome or accept a fragment that was refused, so this compares both backends on
generated fragments, valid and not, and generated values, and every verdict of every example.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capf import evaluate, load_plan
from capf.engine.profile import profile_path
from capf.engine.profile_names import BUILTIN_PROFILES
from capf.engine.ruleset import load_ruleset
from capf.read.fragment import fragment_problem, fragment_validator, plain, python_validator

pytest.importorskip("jsonschema_rs", reason="the `fast` extra (jsonschema-rs) is not installed")
ROOT = Path(__file__).resolve().parents[1]
KEYS = ("a", "b", "c")

# Numbers where binary floats, i64/u64 and Python's exact ints part ways
scalars = (st.none() | st.booleans() | st.integers(-3, 3)
           | st.sampled_from([2.0, 0.5, -1.5, 0.1, 0.3, 1.13, 6.0, 1e20, 1e300])
           | st.sampled_from([10**20, 10**20 + 1, -(2**63) - 1, 2**64 + 1, 2**53 + 1])
           | st.text("ab", max_size=3)
           | st.sampled_from(["", " ", "\u00a0", "V1", "Ab", "\u0666", "2030", "é", "a\nb"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3), max_leaves=10)
TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")
numbers = st.integers(-3, 3) | st.sampled_from([0.5, 2.0, -1.5, 10**20])
counts = st.integers(0, 3)
key_lists = st.lists(st.sampled_from(KEYS), unique=True, max_size=3)

_LEAF = {
    "type": st.sampled_from(TYPES) | st.lists(st.sampled_from(TYPES), min_size=1, max_size=3,
                                              unique=True),
    "enum": st.lists(values, min_size=1, max_size=3), "const": values,
    "minimum": numbers, "maximum": numbers, "exclusiveMinimum": numbers,
    "exclusiveMaximum": numbers, "multipleOf": st.sampled_from([1, 2, 3, 7, 0.5, 0.1, 0.01, 2.0, 3.0]),
    "minLength": counts, "maxLength": counts, "minItems": counts, "maxItems": counts,
    "uniqueItems": st.booleans(), "required": key_lists, "minProperties": counts,
    "maxProperties": counts, "dependentRequired": st.dictionaries(st.sampled_from(KEYS), key_lists,
                                                                  max_size=2),
    "format": st.sampled_from(["date", "email", "uri"]), "title": st.text("ab", max_size=3),
    # RE2 and Python's re read these alike, but Rust's regex would not (\S and \d are Unicode
    # there); the last three RE2 takes and Python's re does not, so the meta-schema refuses them
    "pattern": st.sampled_from(["^V", "\\S", "\\d", "\\w+", "^[0-9]{4}$", "(?i)ab", "a|b$",
                                "^$", "\\s", "é", "\\pL", "\\z", "\\C"]),
}


def _some(table: dict[str, st.SearchStrategy[Any]], most: int = 3) -> st.SearchStrategy[Any]:
    """A schema of up to `most` keywords of `table` (drawing few keys keeps generation fast)."""
    pairs = st.lists(st.sampled_from(sorted(table.items())), max_size=most, unique_by=lambda p: p[0])
    return pairs.flatmap(lambda chosen: st.fixed_dictionaries(dict(chosen)))


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    subs = st.lists(inner, min_size=1, max_size=3)
    named = st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
    return _some({
        **_LEAF, "properties": named, "additionalProperties": inner, "items": inner,
        "prefixItems": subs, "contains": inner, "minContains": counts, "maxContains": counts,
        "allOf": subs, "anyOf": subs, "oneOf": subs, "not": inner, "if": inner, "then": inner,
        "else": inner, "propertyNames": inner, "unevaluatedProperties": inner,
        "unevaluatedItems": inner, "dependentSchemas": named}, most=4)


leaves = st.booleans() | _some(_LEAF)
schemas = st.recursive(leaves, _nested, max_leaves=6)
fragments = _nested(schemas)
# Any keyword with any value: mostly not a valid schema, the meta-schema check's other half
KEYWORDS = sorted({*_LEAF, "properties", "items", "prefixItems", "allOf", "not", "contains",
                   "additionalProperties", "dependentSchemas", "minContains", "if"})
wild = st.dictionaries(st.sampled_from(KEYWORDS), values | schemas, min_size=1, max_size=3)


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAPF_PURE_PYTHON", "1")


def alike(fragment: dict[str, Any], instances: list[Any]) -> None:
    if fragment_problem(fragment) is not None:
        return  # refused at load: never judges a value (a test below compares refusals)
    fast = fragment_validator(fragment)
    python = python_validator(fragment)
    assert (type(fast) is not type(python)) is plain(fragment)  # a plain one goes to jsonschema-rs
    for value in instances:
        assert fast.is_valid(value) is python.is_valid(value), (fragment, value)


@settings(max_examples=400, deadline=None)
@given(fragment=fragments, instances=st.lists(values, min_size=1, max_size=8))
def test_both_backends_judge_every_value_alike(fragment: dict[str, Any],
                                               instances: list[Any]) -> None:
    alike(fragment, instances)


NUMERIC = ("type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
           "multipleOf")
number_fragments = _some({k: _LEAF[k] for k in NUMERIC}, most=4)
number_values = st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False) \
    | scalars


@settings(max_examples=400, deadline=None)
@given(fragment=number_fragments, instances=st.lists(number_values, min_size=1, max_size=8))
def test_both_backends_judge_numbers_alike(fragment: dict[str, Any], instances: list[Any]) -> None:
    alike(fragment, instances)


TEXTUAL = ("type", "enum", "const", "minLength", "maxLength", "format")
text_fragments = _some({k: _LEAF[k] for k in TEXTUAL}, most=3)
text_values = st.text(max_size=4) | st.sampled_from(
    ["2020-01-01", "2020-02-30", "a@b.dk", "https://x.dk", "e\u0301", "👍", "æøå"]) | scalars


@settings(max_examples=300, deadline=None)
@given(fragment=text_fragments, instances=st.lists(text_values, min_size=1, max_size=8))
def test_both_backends_judge_strings_alike(fragment: dict[str, Any], instances: list[Any]) -> None:
    alike(fragment, instances)


@settings(max_examples=400, deadline=None)
@given(fragment=fragments | wild)
def test_both_backends_refuse_the_same_fragments_with_the_same_message(
        fragment: dict[str, Any]) -> None:
    fast = fragment_problem(fragment)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _pure(monkeypatch)
        assert fragment_problem(fragment) == fast


@pytest.mark.parametrize("fragment", [
    {"items": [{"type": "string"}]}, {"minLength": -1}, {"minLength": 1.5}, {"type": "objec"},
    {"required": ["a", "a"]}, {"type": ["string", "string"]}, {"properties": []},
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "minimum": "1"}])
def test_a_fragment_that_is_no_2020_12_schema_is_refused_with_jsonschemas_place(
        fragment: dict[str, Any]) -> None:
    assert plain(fragment)
    problem = fragment_problem(fragment)
    assert problem is not None and problem.startswith("not a valid JSON Schema at /")


@pytest.mark.parametrize("fragment", [
    {"patternProperties": {"^y": {"type": "integer"}}}, {"multipleOf": 0.1},
    {"properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {}}}, {"$id": "urn:x"},
    {"properties": {"pattern": {"type": "string"}}}])  # a property named like the keyword
def test_pattern_properties_float_steps_and_references_stay_with_jsonschema(
        fragment: dict[str, Any]) -> None:
    assert not plain(fragment)
    assert type(fragment_validator(fragment)) is type(python_validator(fragment))


def test_a_pattern_runs_on_re2_inside_jsonschema_rs() -> None:
    fragment = {"type": "object", "properties": {"v": {"type": "string", "pattern": "\\S"}}}
    fast = fragment_validator(fragment)
    assert type(fast) is not type(python_validator(fragment))
    # RE2's \S is ASCII: a no-break space is no space to it (Rust's regex would say it is)
    assert [fast.is_valid({"v": v}) for v in ("x", " ", "\u00a0", "")] == [True, False, True,
                                                                            False]


def test_a_value_jsonschema_rs_cannot_read_is_judged_by_jsonschema() -> None:
    fragment = {"type": "array", "minItems": 1}
    assert fragment_validator(fragment).is_valid({1, 2}) is False  # a set is no JSON array
    assert fragment_validator({"not": {"type": "object"}}).is_valid(date(2020, 1, 1)) is True


@pytest.mark.parametrize("profile", BUILTIN_PROFILES)
def test_every_example_verdict_is_the_same_with_either_backend(
        profile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [load_plan(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]

    def verdicts() -> list[str]:  # the rule set built anew: each fragment picks its backend once
        rules = load_ruleset(profile_path(profile))
        return [evaluate(plan, rules, as_of=date(2026, 1, 1)).model_dump_json() for plan in plans]

    fast = verdicts()
    _pure(monkeypatch)
    assert verdicts() == fast
