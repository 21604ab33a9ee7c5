"""The optional jsonschema-rs fast path and jsonschema agree on what is a valid document.

capf.read.schema.problems() trusts jsonschema-rs only to say "valid"; an invalid document always goes
through jsonschema for its errors. So the one way the fast path could change a verdict is a
document jsonschema-rs accepts and jsonschema refuses (or the reverse, which would only cost
time). This test looks for both, on every example, every hostile file that parses, and
generated plans, valid ones and ones broken in the ways plans get broken.
"""

from __future__ import annotations

import copy
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
from capf.read.schema import fast_is_valid, validator

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


def _break(plan: dict[str, Any], draw: Any) -> dict[str, Any]:
    """Replace one value somewhere in the plan by one of another kind."""
    broken = copy.deepcopy(plan)
    holders: list[tuple[Any, Any]] = []
    stack: list[Any] = [broken]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, value in items:
            holders.append((node, key))
            stack.append(value)
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
