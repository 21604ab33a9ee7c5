"""The optional jsonschema-rs fast path and jsonschema agree on what is a valid document.

capf.read.schema.problems() trusts jsonschema-rs only to say "valid"; an invalid document always goes
through jsonschema for its errors. So the one way the fast path could change a verdict is a
document jsonschema-rs accepts and jsonschema refuses (or the reverse, which would only cost
time). This test looks for both, on every example, every hostile file that parses, and
generated plans, valid ones and ones broken in the ways plans get broken.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import strategies as s
from hypothesis import given, settings
from hypothesis import strategies as st

from capf import evaluate, load_plan
from capf.model.errors import CapfError
from capf.read.document import read_file
from capf.read.integer_keyword import KEYWORD, marked
from capf.read.schema import fast_is_valid, fast_validator, problems, strict_validator, validator

pytest.importorskip("jsonschema_rs", reason="the `fast` extra (jsonschema-rs) is not installed")
ROOT = Path(__file__).resolve().parents[1]


def agree(data: Any) -> bool:
    fast = fast_is_valid("plan")
    assert fast is not None
    python = validator("plan").is_valid(data)
    assert fast(data) is python, f"jsonschema-rs says {not python}, jsonschema says {python}"
    return python


DOCUMENTS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    p for p in (ROOT / "tests" / "hostile").iterdir() if p.is_file())


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_backends_agree_on_every_example_and_hostile_file(path: Path) -> None:
    try:
        data = read_file(path).data
    except CapfError:
        pytest.skip("refused before validation")
    agree(data)


BREAKS: list[tuple[str, Any]] = [
    ("/municipality/code", "630\n"), ("/municipality/code", "6300"), ("/municipality/code", "٦٣٠"),
    ("/plan/drafted", "2020-02-30"), ("/plan/drafted", "2020-1-5"), ("/plan/drafted", "2020-01-05\n"),
    ("/plan/drafted", 20200105), ("/targets/net_zero_year", "2050"), ("/targets/net_zero_year", 2050.5),
    ("/targets/net_zero_year", True), ("/targets/net_zero_year", 1899), ("/municipality/population", 0),
    ("/municipality/name", ""), ("/municipality/name", "x" * 501), ("/municipality/mayor", "X"),
    ("/plan/language", "de"), ("/inventory/gases", ["CO2", "CO2"]), ("/actions", {}),
    ("/municipality/evidence/url", "javascript:alert(1)"), ("/municipality/evidence/page", 0),
    ("/schema_version", 1), ("/scenarios/bau/years", [{"total": 5}]),
]


@pytest.mark.parametrize(("where", "value"), BREAKS, ids=lambda v: repr(v)[:30])
def test_backends_agree_on_broken_plans(where: str, value: Any) -> None:
    data: dict[str, Any] = copy.deepcopy(load_plan(ROOT / "examples" / "vejle.yaml").data)
    *parents, key = where.strip("/").split("/")
    node = data
    for step in parents:
        node = node.setdefault(step, {})
    node[key] = value
    assert agree(data) is False


def _holders(plan: Any, kind: type) -> list[tuple[Any, Any]]:
    """(container, key) of every value of `kind` (`object`: every value) in the plan."""
    holders: list[tuple[Any, Any]] = []
    stack: list[Any] = [plan]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, value in items:
            if kind is object or type(value) is kind:
                holders.append((node, key))
            stack.append(value)
    return holders


def _break(plan: dict[str, Any], draw: Any) -> dict[str, Any]:
    """Replace one value somewhere in the plan by one of another kind."""
    broken = copy.deepcopy(plan)
    holders = _holders(broken, object)
    if holders:
        node, key = draw(st.sampled_from(holders))
        node[key] = draw(st.sampled_from(["", "x\n", -1, 10**12, 1.5, None, True, [], {}, "ünknown"]))
    return broken


@settings(max_examples=300)
@given(plan=s.plans, data=st.data())
def test_backends_agree_on_generated_plans_and_their_breakages(
        plan: dict[str, Any], data: st.DataObject) -> None:
    assert agree(plan) is True
    agree(_break(plan, data.draw))


def test_verdicts_are_identical_with_and_without_the_fast_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((ROOT / "examples").glob("*.yaml"))
    fast = [evaluate(load_plan(p), as_of=date(2026, 1, 1)).model_dump_json() for p in paths]
    monkeypatch.setattr("capf.read.schema.fast_is_valid", lambda name: None)
    slow = [evaluate(load_plan(p), as_of=date(2026, 1, 1)).model_dump_json() for p in paths]
    assert fast == slow


# -- whole-number floats: the fast path stays on unless one sits where the schema says integer --

def _vejle() -> dict[str, Any]:
    return copy.deepcopy(load_plan(ROOT / "examples" / "vejle.yaml").data)


def _both(monkeypatch: pytest.MonkeyPatch, name: str, data: Any) -> tuple[list[Any], list[Any]]:
    fast = problems(name, data)
    with monkeypatch.context() as pure:
        pure.setattr("capf.read.schema.fast_is_valid", lambda name: None)
        return fast, problems(name, data)


def test_a_whole_number_in_a_number_field_takes_the_fast_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = _vejle()
    data["actions"][0]["staff"]["fte"] = 2.0  # vejle writes `fte: 2.0`: a number field
    monkeypatch.setattr("capf.read.schema.validator", _no_python_validation)
    assert problems("plan", data) == []


def _no_python_validation(name: str) -> Any:
    raise AssertionError(f"jsonschema ran for {name}: the fast path was not taken")


@pytest.mark.parametrize("where", [("targets", "net_zero_year"),
                                   ("inventory", "years", 0, "year"),
                                   ("targets", "emission_targets", 0, "year")],
                         ids=lambda w: "/".join(map(str, w)))
def test_a_float_year_gets_the_same_located_error_from_both_backends(
        monkeypatch: pytest.MonkeyPatch, where: tuple[Any, ...]) -> None:
    data = _vejle()
    *parents, key = where
    node: Any = data
    for step in parents:
        node = node[step]
    node[key] = float(node[key])
    fast, pure = _both(monkeypatch, "plan", data)
    assert fast == pure
    assert [p.pointer for p in fast][:1] == ["/" + "/".join(map(str, where))]


@settings(max_examples=200)
@given(plan=s.plans, data=st.data())
def test_any_int_written_as_a_float_gets_the_same_problems_from_both_backends(
        plan: dict[str, Any], data: st.DataObject) -> None:
    changed = copy.deepcopy(plan)
    holders = _holders(changed, int)
    for node, key in data.draw(st.lists(st.sampled_from(holders), max_size=3)) if holders else ():
        node[key] = float(node[key])
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, pure = _both(monkeypatch, "plan", changed)
    assert fast == pure


ODD_PLACES: list[dict[str, Any]] = [
    {"patternProperties": {"^y": {"type": "integer"}}},
    {"properties": {"a": {"not": {"type": "integer"}}}},
    {"if": {"type": "object"}, "then": {"properties": {"a": {"type": ["integer", "null"]}}}},
    {"$defs": {"year": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/year"}}},
    {"properties": {"a": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}},
    {"properties": {"a": {"type": ["integer", "number"]}}},
    {"properties": {"a": {"type": "array", "prefixItems": [{"type": "integer"}],
                          "items": {"type": "number"}}}},
    {"additionalProperties": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}},
]


@pytest.mark.parametrize("schema", ODD_PLACES, ids=lambda s: json.dumps(s)[:40])
def test_both_backends_read_integer_alike_wherever_the_type_sits(schema: dict[str, Any]) -> None:
    fast = fast_validator(schema)
    assert fast is not None
    strict = strict_validator(schema)
    for value in (2, 2.0, 2.5, "2", None, [2], [2.0], [1, 2.0], {"y": 2.0}):
        for data in ({"a": value}, {"y": value}, {"a": {"y": value}}):
            assert fast(data) is strict.is_valid(data), (schema, data)


def test_only_schema_places_are_marked_never_a_value_that_looks_like_a_schema() -> None:
    schema = {"type": "object", "properties": {
        "a": {"const": {"type": "integer"}}, "b": {"enum": [{"type": "integer"}]},
        "c": {"type": "integer", "default": {"type": "integer"}}}}
    copy_ = marked(schema)
    assert copy_["properties"]["a"] == schema["properties"]["a"]
    assert copy_["properties"]["b"] == schema["properties"]["b"]
    assert copy_["properties"]["c"] == {**schema["properties"]["c"], KEYWORD: True}
    assert "properties" in schema and KEYWORD not in schema["properties"]["c"]  # not changed
