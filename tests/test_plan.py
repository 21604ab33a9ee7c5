"""Loading and validating plans: examples are valid, bad plans get one precise, located error."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from capf.cli import main
from capf.model.errors import CapfError, InvalidPlan
from capf.read.plan import load_plan
from capf.read.schema import load_schema, problems, registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def test_there_are_four_examples_or_more() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid_plans(path: Path) -> None:
    plan = load_plan(path)
    assert plan.name.endswith("Kommune")
    assert len(plan.sha256) == 64


def test_the_schema_is_draft_2020_12_with_an_id_and_describes_every_property() -> None:
    schema = load_schema("plan")
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"]
    undocumented: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    undocumented.append(f"{where}/{key}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(schema, "")
    assert undocumented == []


def test_load_plan_accepts_path_text_and_mapping() -> None:
    text = "municipality:\n  name: Testby Kommune\n"
    assert load_plan(text).name == "Testby Kommune"
    assert load_plan('{"municipality": {"name": "X"}}').name == "X"
    assert load_plan({"municipality": {"name": "Y"}}).name == "Y"
    assert load_plan(str(EXAMPLES[0])).source == str(EXAMPLES[0])


def test_hash_ignores_key_order_and_layout() -> None:
    a = load_plan("municipality:\n  name: A\n  population: 5\n")
    b = load_plan('{"municipality": {"population": 5, "name": "A"}}')
    assert a.sha256 == b.sha256


BAD_PLANS = [
    ("wrong type deep in an action",
     "actions:\n  - id: E1\n    title: Sol\n    effect:\n      - year: 2030\n        t_co2e: many\n",
     "<string>:6 at /actions/0/effect/0/t_co2e: expected number, got string 'many'"),
    ("unknown key", "municipality:\n  nmae: X\n",
     "<string>:2 at /municipality/nmae: unknown key 'nmae'; did you mean 'name'?"),
    ("year as string", "targets:\n  net_zero_year: '2050'\n",
     "at /targets/net_zero_year: expected integer, got string '2050'"),
    ("bad date", "plan:\n  adopted:\n    date: '2020-02-30'\n", "is not a valid date"),
    ("unquoted date where a year goes", "inventory:\n  status_year: 2018-01-01\n",
     "expected integer, got string '2018-01-01'"),
    ("closed enum", "actions:\n  - {id: A, title: B, type: magic}\n", "'magic' is not one of"),
    ("top level list", "- 1\n", "at /: expected object"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in BAD_PLANS])
def test_invalid_plans_name_the_place(text: str, expected: str) -> None:
    with pytest.raises(InvalidPlan) as caught:
        load_plan(text)
    assert expected in str(caught.value)
    assert caught.value.problems and f" at {caught.value.problems[0].pointer or '/'}:" in str(caught.value)


def test_every_problem_is_kept_and_the_message_counts_the_rest() -> None:
    with pytest.raises(InvalidPlan) as caught:
        load_plan("municipality:\n  nmae: X\n  population: -1\nplan: 3\n")
    assert len(caught.value.problems) == 3
    assert "(and 2 more)" in str(caught.value)


def test_hostile_strings_in_messages_are_cut_short() -> None:
    with pytest.raises(InvalidPlan) as caught:
        load_plan({"municipality": {"population": "x" * 100_000}})
    assert len(str(caught.value)) < 300


CLI_CASES = {
    "malformed.yaml": "municipality: [\n",
    "deep-type.yaml": "actions:\n  - id: E1\n    title: T\n    staff: {fte: lots}\n",
    "unknown.yaml": "municipality:\n  name: X\n  mayor: Y\n",
    "duplicate.yaml": "municipality:\n  name: X\n  name: Y\n",
    "bomb.yaml": 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n',
}


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_validate_command_gives_exit_2_and_one_line(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(CLI_CASES[name])
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err


def test_validate_command_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("actions:\n  - {id: 1, title: T}\n")
    done = subprocess.run([sys.executable, "-m", "capf", "validate", str(path)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"capf: fejl: {path}:2 ved /actions/0/id")
    assert "Traceback" not in done.stderr


def test_validation_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    for path in EXAMPLES:
        load_plan(path)
    remote = Draft202012Validator({"$ref": "http://example.invalid/schema.json"},
                                  registry=registry())
    with pytest.raises(Exception, match=r"example\.invalid"):
        remote.is_valid({})  # the closed registry refuses, nothing is fetched


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema not installed")
def test_check_jsonschema_agrees_with_capf(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("municipality:\n  name: X\n  population: '12'\n")
    for path, valid in [*((p, True) for p in EXAMPLES), (bad, False)]:
        done = subprocess.run(["check-jsonschema", "--schemafile",
                               str(ROOT / "schemas/plan.schema.json"), str(path)],
                              capture_output=True, text=True, timeout=120, check=False)
        assert (done.returncode == 0) is valid, done.stdout + done.stderr
        try:
            load_plan(path)
            capf_valid = True
        except CapfError:
            capf_valid = False
        assert capf_valid is valid


def test_problems_of_json_data_are_sorted_deepest_first() -> None:
    data = json.loads('{"municipality": {"population": "x"}, "plan": 1}')
    found = problems("plan", data)
    assert [p.pointer for p in found] == ["/municipality/population", "/plan"]
