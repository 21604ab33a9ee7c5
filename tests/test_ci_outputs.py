"""CI pipelines (issue 15): a broken plan among good ones, SARIF details, strict JUnit, stdin.

The JUnit checks encode the strict schema of Jenkins' xunit plugin (junit-10.xsd): which
attributes each element may carry, which are required, which children it may hold, and the
SUREFIRE_TIME pattern of `time`. No package on PyPI ships that XSD, so its constraints are
written out here; the SARIF log is validated against the OASIS schema in tests/data.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from capf.docs.model_schemas import text_of
from capf.read.document import read_file
from capf.read.schema import problems
from capf.text.links import rule_url

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
DRAFT = ROOT / "examples" / "fjordby-draft.yaml"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.schema.json"
AS_OF = "2026-01-01"

# junit-10.xsd (Jenkins xunit plugin): element -> (allowed attributes, required, children)
JENKINS = {
    "testsuites": ({"name", "time", "tests", "failures", "errors"}, set(), {"testsuite"}),
    "testsuite": ({"name", "tests", "failures", "errors", "group", "time", "skipped",
                   "timestamp", "hostname", "id", "package", "file", "log", "url"},
                  {"name", "tests", "failures", "errors"},
                  {"testsuite", "properties", "testcase", "system-out", "system-err"}),
    "properties": (set(), set(), {"property"}),
    "property": ({"name", "value"}, {"name", "value"}, set()),
    "testcase": ({"name", "time", "classname", "group"}, {"name"},
                 {"skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure",
                  "flakyError", "system-out", "system-err"}),
    "failure": ({"type", "message"}, set(), set()),
    "error": ({"type", "message"}, set(), set()),
    "skipped": ({"type", "message"}, set(), set()),
}
SUREFIRE_TIME = re.compile(r"(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?\Z")


def capf(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=120, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"),
                                       done.stderr.decode("utf-8"))


def broken_plan(folder: Path) -> Path:
    """Schema-invalid on line 3 (a year as text)."""
    path = folder / "broken.yaml"
    path.write_text('schema_version: "1"\nmunicipality:\n  name: 42\n', encoding="utf-8")
    return path


def sarif_problems(log: dict[str, Any]) -> list[str]:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))

    def refuse(uri: str) -> Resource[Any]:
        raise NoSuchResource(ref=uri)

    registry: Registry[Any] = Registry(retrieve=refuse).with_resource(
        schema["id"], DRAFT4.create_resource(schema))
    return [e.message for e in Draft4Validator(schema, registry=registry).iter_errors(log)]


def jenkins_problems(root: ET.Element) -> list[str]:
    found: list[str] = []
    for element in root.iter():
        if element.tag not in JENKINS:
            found.append(f"unknown element <{element.tag}>")
            continue
        allowed, required, children = JENKINS[element.tag]
        found += [f"<{element.tag}> may not carry {a!r}" for a in set(element.attrib) - allowed]
        found += [f"<{element.tag}> lacks {a!r}" for a in required - set(element.attrib)]
        found += [f"<{element.tag}> may not hold <{c.tag}>" for c in element
                  if c.tag not in children]
        if "time" in element.attrib and not SUREFIRE_TIME.match(element.attrib["time"]):
            found.append(f"<{element.tag}> time {element.attrib['time']!r}")
    return found


def test_one_broken_plan_does_not_empty_the_sarif_log(tmp_path: Path) -> None:
    broken = broken_plan(tmp_path)
    done = capf("check", str(ODDER), str(broken), str(DRAFT), "--format", "sarif",
                "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 2 and "broken.yaml:3" in done.stderr
    log = json.loads(done.stdout)
    assert sarif_problems(log) == []
    run = log["runs"][0]
    judged = {r["properties"]["plan"] for r in run["results"] if "properties" in r}
    assert judged == {"Odder Kommune", "Fjordby Kommune"}
    [error] = [r for r in run["results"] if r["ruleId"] == "capf/invalid-plan"]
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == broken.as_uri()
    assert location["region"]["startLine"] == 3 and error["level"] == "error"
    assert run["tool"]["driver"]["rules"][error["ruleIndex"]]["id"] == "capf/invalid-plan"


def test_sarif_help_uri_and_stable_fingerprints(tmp_path: Path) -> None:
    args = ("check", str(ODDER), str(DRAFT), "--format", "sarif", "--as-of", AS_OF)
    first, second = (json.loads(capf(*args, cwd=tmp_path).stdout)["runs"][0] for _ in range(2))
    documented = [r for r in first["tool"]["driver"]["rules"] if "helpUri" in r]
    assert len(documented) == len(first["tool"]["driver"]["rules"])  # the switched-off ones too
    for rule in documented:
        assert rule["helpUri"] == rule_url(rule["id"])
        assert rule_url(rule["id"]).endswith("/docs/rules.md#" + rule["id"].lower())
    prints = [r["partialFingerprints"]["capf/v1"] for r in first["results"]]
    assert prints == [r["partialFingerprints"]["capf/v1"] for r in second["results"]]
    assert len(set(prints)) == len(prints)
    anchors = {line.removeprefix("### ").lower()
               for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("### ")}
    assert {r["id"].lower() for r in documented if r["id"] != "capf/invalid-plan"} <= anchors


def test_sarif_places_a_finding_on_its_nearest_existing_parents_own_line(tmp_path: Path) -> None:
    run = json.loads(capf("check", str(DRAFT), "--format", "sarif", "--as-of", AS_OF,
                          cwd=tmp_path).stdout)["runs"][0]
    document = read_file(DRAFT)
    document.line_of("")  # fills the line map
    lines = DRAFT.read_text(encoding="utf-8").splitlines()
    missing = 0
    for result in run["results"]:
        location = result["locations"][0]
        pointer = location["logicalLocations"][0]["fullyQualifiedName"]
        parent = pointer
        while parent not in document._lines and parent:
            parent = parent.rsplit("/", 1)[0]
        if parent == pointer or not parent:
            continue
        missing += 1
        line = location["physicalLocation"]["region"]["startLine"]
        key = parent.rsplit("/", 1)[1]
        text = lines[line - 1].strip()
        assert text.startswith((f"{key}:", "- ")) or key.isdigit(), (pointer, line, text)
    assert missing > 0


def test_junit_is_valid_for_jenkins_with_file_and_time_and_a_broken_plan(tmp_path: Path) -> None:
    broken = broken_plan(tmp_path)
    done = capf("check", str(ODDER), str(broken), "--format", "junit", "--as-of", AS_OF,
                cwd=tmp_path)
    assert done.returncode == 2
    root = ET.fromstring(done.stdout)  # noqa: S314 - capf's own output
    assert jenkins_problems(root) == []
    suites = root.findall("testsuite")
    assert [s.get("file") for s in suites] == [str(ODDER), str(broken)]
    assert all(SUREFIRE_TIME.match(s.get("time", "")) for s in suites[:1])
    assert float(root.get("time", "")) >= float(suites[0].get("time", ""))
    error = suites[1].find("testcase/error")
    assert error is not None and "broken.yaml:3" in error.get("message", "")
    assert root.get("errors") == "1" and int(root.get("tests", "")) > 1


def test_the_jenkins_constraints_catch_what_the_old_output_had() -> None:
    old = ET.fromstring('<testsuites name="c" tests="1" failures="0" errors="0" skipped="0">'  # noqa: S314
                        '<testsuite name="p" tests="1" failures="0" errors="0">'
                        '<testcase name="r" file="p.yaml"/></testsuite></testsuites>')
    assert jenkins_problems(old) == ["<testsuites> may not carry 'skipped'",
                                     "<testcase> may not carry 'file'"]


def test_validate_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    broken = broken_plan(tmp_path)
    done = capf("validate", str(broken), str(ODDER), "missing.yaml", str(DRAFT), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.count(": gyldig (") == 2
    assert "Odder Kommune" in done.stdout and "Fjordby Kommune" in done.stdout
    assert "broken.yaml:3" in done.stderr and "missing.yaml" in done.stderr
    assert done.stderr.count("\n") == 2 and "Traceback" not in done.stderr


def test_a_plan_from_stdin(tmp_path: Path) -> None:
    data = ODDER.read_bytes()
    done = capf("validate", "-", cwd=tmp_path, stdin=data)
    assert done.returncode == 0 and done.stdout == "<stdin>: gyldig (Odder Kommune)\n"
    piped = capf("check", "-", "--format", "json", "--as-of", AS_OF, cwd=tmp_path, stdin=data)
    named = capf("check", str(ODDER), "--format", "json", "--as-of", AS_OF, cwd=tmp_path)
    assert json.loads(piped.stdout)["status"] == json.loads(named.stdout)["status"]
    assert json.loads(piped.stdout)["plan"]["source"] == "<stdin>"
    bad = capf("check", "-", cwd=tmp_path, stdin=b"\xff\xfe")
    assert bad.returncode == 2 and bad.stderr.startswith("capf: fejl: <stdin>: ikke UTF-8")


def test_every_json_output_validates_against_a_schema_capf_ships(tmp_path: Path) -> None:
    several = capf("check", str(ODDER), str(DRAFT), "--format", "json", "--as-of", AS_OF,
                   cwd=tmp_path)
    assert problems("verdicts", json.loads(several.stdout)) == []
    one = capf("check", str(ODDER), "--format", "json", "--as-of", AS_OF, cwd=tmp_path)
    assert problems("verdict", json.loads(one.stdout)) == []
    changed = capf("diff", str(ODDER), str(DRAFT), "--format", "json", "--as-of", AS_OF,
                   cwd=tmp_path)
    assert problems("diff", json.loads(changed.stdout)) == []
    assert problems("verdicts", [{"status": "fine"}]) != []
    for name in ("verdicts", "diff"):
        printed = capf("schema", name, cwd=tmp_path).stdout
        assert printed == text_of(name)
        assert (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8") == printed


def test_a_diff_side_from_stdin(tmp_path: Path) -> None:
    """`capf diff old -` reads the newer version from stdin (plan, verdict or status report)."""
    named = capf("diff", str(DRAFT), str(ODDER), "--as-of", AS_OF, cwd=tmp_path)
    piped = capf("diff", str(DRAFT), "-", "--as-of", AS_OF, cwd=tmp_path, stdin=ODDER.read_bytes())
    assert piped.returncode == named.returncode and piped.stdout == named.stdout != ""
    verdict = capf("check", str(ODDER), "--format", "json", "--as-of", AS_OF, cwd=tmp_path).stdout
    against = capf("diff", "-", str(ODDER), "--as-of", AS_OF, cwd=tmp_path, stdin=verdict.encode())
    assert against.returncode == 0 and "Stadig åbne" in against.stdout
    status = ROOT / "examples" / "status"
    moved = capf("diff", str(status / "odder-2023.yaml"), "-", cwd=tmp_path,
                 stdin=(status / "odder-2024.yaml").read_bytes())
    assert moved.stdout.startswith("Statusrapport 2023 → 2024") and "handling T2" in moved.stdout
    twice = capf("diff", "-", "-", cwd=tmp_path, stdin=ODDER.read_bytes())
    assert twice.returncode == 2 and twice.stderr.startswith("capf: fejl: `-` (stdin)")
