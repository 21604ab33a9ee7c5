"""Size limits: 16 MB hostile plans are refused in one line and small, lists are bounded by the
schema while parsing, a document by its number of values, schema problems by a count. Inputs are
generated here, never committed; how long each refusal takes is measured in bench/big_inputs.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_robustness import ROOT, VEJLE, capf, one_line_refusal, vejle

from capf.model.errors import CapfError
from capf.read.plan import load_plan

# Peak memory is VmHWM (the high-water mark of this process's own address space, in kB), not
# getrusage's ru_maxrss: Linux carries ru_maxrss across exec, so a child forked from a big pytest
# process would report pytest's size (seen: 326,524 kB for every input in the full suite).
# How long these take is measured in bench/big_inputs.py, against json.loads of the same text.
PEAK = ("import re, sys; from capf.cli import main; code = main(sys.argv[1:]); "
        "status = open('/proc/self/status', encoding='ascii').read(); "
        "print(re.search(r'VmHWM:\\s+([0-9]+)', status).group(1), file=sys.stderr); "
        "sys.exit(code)")
HEAD = "schema_version: '1'\nmunicipality: {name: X}\nactions:\n"


def big_plan(kind: str, path: Path) -> str:
    """Write a 15-16 MB hostile plan; return what its one-line refusal must name."""
    if kind == "long.json":  # 582,000 actions
        items = ",".join(f'{{"id":"A{i}","title":"t"}}' for i in range(582_000))
        path.write_text('{"schema_version":"1","municipality":{"name":"X"},"actions":['
                        + items + "]}", encoding="utf-8")
        return "more than 5,000 items in one list or mapping (at /actions)"
    if kind == "long.yaml":
        path.write_text(HEAD + "".join(f"- {{id: A{i}, title: t}}\n" for i in range(582_000)),
                        encoding="utf-8")
        return ":5004: more than 5,000 items in one list or mapping (at /actions)"
    # 5,000 actions (the maximum) of 1,500 numbers each: every list within the limit,
    # 7.5 million values, each one a schema error
    row = "[" + ",".join(["1"] * 1500) + "]"
    path.write_text(HEAD + "".join(f"- {{id: A{i}, title: t, effect: {row}}}\n"
                                   for i in range(5000)), encoding="utf-8")
    return "more than 1,000,000 values in the document (at /actions/"


@pytest.mark.parametrize("kind", ["long.json", "long.yaml", "wide.yaml"])
def test_a_16_mb_hostile_plan_is_refused_in_one_line_and_small(kind: str, tmp_path: Path) -> None:
    path = tmp_path / kind
    mention = big_plan(kind, path)
    assert path.stat().st_size > 15_000_000
    done = subprocess.run([sys.executable, "-c", PEAK, "validate", str(path), "--lang", "en"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    *lines, peak_kb = done.stderr.splitlines()
    assert done.returncode == 2 and len(lines) == 1 and mention in lines[0], done.stderr
    assert int(peak_kb) < 300_000, peak_kb


def test_a_plan_list_longer_than_the_schema_allows_is_refused_while_parsing(
        tmp_path: Path) -> None:
    """The plan reader bounds lists at the schema's largest maxItems (5,000), with the line;
    the generic reader keeps its own bound (status and verdict files are not plans)."""
    from capf.read.document import parse_text, read_file
    from capf.read.schema import longest_list

    assert longest_list("plan") == longest_list("status") == 5000
    text = HEAD + "".join(f"- {{id: A{i}, title: t}}\n" for i in range(5001))
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CapfError, match=r"plan.yaml:5004: more than 5,000 items .*\(at /actions\)"):
        load_plan(path)
    with pytest.raises(CapfError, match="more than 5,000 items"):
        load_plan(text)
    assert len(read_file(path).data["actions"]) == 5001
    assert len(parse_text(text).data["actions"]) == 5001
    done = capf("validate", "-", stdin=path.open("rb"))
    one_line_refusal(done, "<stdin>:5004", "more than 5,000 items")
    shorter = HEAD + "".join(f"- {{id: A{i}, title: t}}\n" for i in range(5000))
    assert len(load_plan(shorter).data["actions"]) == 5000  # the schema's maximum still reads


@pytest.mark.parametrize("syntax", ["yaml", "json"])
def test_a_document_of_more_values_than_the_limit_is_refused_with_the_place(
        syntax: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from capf.read import document, yamlstream

    monkeypatch.setattr(yamlstream, "MAX_NODES", 1000)
    monkeypatch.setattr(document, "MAX_NODES", 1000)
    data = {"a": [[1] * 10], "b": [[1] * 400 for _ in range(3)]}
    text = json.dumps(data) if syntax == "json" else yaml.safe_dump(data, default_flow_style=True)
    with pytest.raises(CapfError, match=r"more than 1,000 values in the document \(at /b"):
        document.parse_text(text, "x", json_syntax=syntax == "json")
    small = {"a": data["a"]}
    text = json.dumps(small) if syntax == "json" else yaml.safe_dump(small)
    assert document.parse_text(text, "x", json_syntax=syntax == "json").data == small


@pytest.mark.parametrize("name", ["plan", "status"])
def test_the_parse_time_list_bound_refuses_nothing_the_schema_accepts(name: str) -> None:
    """Every array of the schema has a maxItems and no object takes arbitrary keys, so
    bounding every list and mapping at the largest maxItems cannot refuse a valid document."""
    from capf.read.schema import load_schema

    stack: list[Any] = [load_schema(name)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "array" or "items" in node or "prefixItems" in node:
                assert "maxItems" in node, node
            if node.get("type") == "object" or "properties" in node:
                assert node.get("additionalProperties") is False or "maxProperties" in node, node
                assert "patternProperties" not in node, node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def test_a_status_report_list_longer_than_its_schema_allows_is_refused_while_parsing(
        tmp_path: Path) -> None:
    report = tmp_path / "status.yaml"
    report.write_text("follows: {plan_sha256: '" + "0" * 64 + "'}\nreporting_year: 2024\n"
                      "actions:\n" + "".join(f"- {{id: A{i}, status: s}}\n" for i in range(5001)),
                      encoding="utf-8")
    one_line_refusal(capf("monitor", VEJLE, report), "status.yaml:5004: more than 5,000 items",
                     "(at /actions)")


def test_schema_problems_are_collected_up_to_a_bound() -> None:
    from capf.read.schema import MAX_PROBLEMS

    data = vejle()
    data["actions"] = list(range(MAX_PROBLEMS + 500))  # each one a wrong type
    with pytest.raises(CapfError) as caught:
        load_plan(data)
    assert len(caught.value.problems) == MAX_PROBLEMS  # type: ignore[attr-defined]
    assert f"(and at least {MAX_PROBLEMS - 1:,} more)" in str(caught.value)
    data["actions"] = data["actions"][:3]
    with pytest.raises(CapfError, match=r"\(and 2 more\)"):
        load_plan(data)
