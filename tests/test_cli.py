"""The `capf` command end to end: real subprocesses, every command, every exit code.

Each run is `python -m capf …` in a temporary working directory with absolute paths to the
examples, so nothing depends on where the tests are started. Exit codes: 0 compliant (or with
observations) / written, 1 non-compliant (or a regression for diff), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

from capf import evaluate, load_plan, load_ruleset
from capf.cli import main
from capf.docs.plan_template import danish
from capf.read.document import read_file
from capf.read.schema import load_schema, problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ODDER = str(EXAMPLES / "odder.yaml")  # compliant with observations as of AS_OF
DRAFT = str(EXAMPLES / "fjordby-draft.yaml")  # non-compliant
AS_OF = "2026-01-01"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.schema.json"


def capf(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if k != "CAPF_LANG"},  # Danish by default
           "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def assert_bad_input(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2 with exactly one line on stderr that names what is wrong, and no traceback."""
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("capf: fejl: ")  # Danish by default, as every output
    assert "Traceback" not in done.stderr
    for needle in needles:
        assert needle in done.stderr, (needle, done.stderr)


# --- help, version, usage -------------------------------------------------------------------

COMMANDS = ("check", "report", "checklist", "batch", "portfolio", "diff", "monitor", "init",
            "convert", "validate", "rules", "schema")


# argparse's own English, which a Danish help must not show
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help",
                    "examples:", "exit:", "exit codes", "default", "FILE", "DATE")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_in_danish_first(command: str, tmp_path: Path) -> None:
    done = capf(command, "--help", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith(f"brug: capf {command} [-h]")
    assert "eksempler:\n  capf " + command in done.stdout
    assert "vis denne hjælp og afslut" in done.stdout
    assert [w for w in ARGPARSE_ENGLISH if w in done.stdout] == []


def _commands(lang: str) -> dict[str, argparse.ArgumentParser]:
    from capf.cli.parser import build_parser

    sub = next(a for a in build_parser(lang)._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_the_help_tests_cover_every_command() -> None:
    assert sorted(_commands("da")) == sorted(COMMANDS)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_and_option_says_what_it_is_and_every_command_its_exit_codes(
        command: str, lang: str) -> None:
    parser = _commands(lang)[command]
    silent = [a.metavar or a.dest for a in parser._actions
              if not a.help and a.help != argparse.SUPPRESS]
    assert silent == [], f"capf {command} --help --lang {lang}: no text for {silent}"
    assert ("afslutning" if lang == "da" else "exit") in (parser.epilog or "")


@pytest.mark.parametrize("how", ["--lang", "CAPF_LANG"])
@pytest.mark.parametrize("command", ["check", "batch", "diff"])
def test_help_is_english_when_asked(command: str, how: str, tmp_path: Path) -> None:
    if how == "--lang":
        done = capf(command, "--help", "--lang", "en", cwd=tmp_path)
    else:
        done = subprocess.run([sys.executable, "-m", "capf", command, "--help"], cwd=tmp_path,
                              env={**os.environ, "CAPF_LANG": "en"}, capture_output=True,
                              text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith(f"usage: capf {command} [-h]")
    assert "examples:\n  capf " + command in done.stdout and "show this help" in done.stdout
    assert not any(w in done.stdout for w in ("eksempler", "brug:", "tilvalg", "vurder "))


def test_top_level_help_lists_commands_and_exit_codes(tmp_path: Path) -> None:
    done = capf("--help", cwd=tmp_path)
    assert done.returncode == 0
    assert all(c in done.stdout for c in COMMANDS)
    assert "afslutningskoder: 0 opfylder kravene" in done.stdout
    assert [w for w in ARGPARSE_ENGLISH if w in done.stdout] == []
    english = subprocess.run([sys.executable, "-m", "capf", "--help"], cwd=tmp_path,
                             env={**os.environ, "CAPF_LANG": "en"}, capture_output=True,
                             text=True, timeout=120, check=False)
    assert "exit codes: 0 compliant" in english.stdout


def test_version(tmp_path: Path) -> None:
    done = capf("--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("capf ")


@pytest.mark.parametrize("args", [(), ("frobnicate",), ("check",), ("check", ODDER, "--format",
                                                                     "pdf")])
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    assert_bad_input(capf(*args, cwd=tmp_path))


# --- check: exit codes and bad input --------------------------------------------------------

def test_check_exit_0_for_a_plan_with_observations(tmp_path: Path) -> None:
    done = capf("check", ODDER, "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Odder Kommune: OPFYLDER KRAVENE MED BEMÆRKNINGER")


@pytest.mark.parametrize(("lang", "heads", "explained"), [
    ("da", ["Element", "Status", "Score", "Regler"], "Score: andelen af elementets kriterier med krav"),
    ("en", ["Element", "Status", "Score", "Rules"], "Score: of the element's criteria with an essential")])
def test_check_text_names_its_columns_and_says_what_the_score_is(
        lang: str, heads: list[str], explained: str, tmp_path: Path) -> None:
    # fjordby shows "delvist opfyldt  0%": without the heads and the line, a reader cannot tell
    # that the score counts criteria whose essential rules all pass, not rules passed
    lines = capf("check", DRAFT, "--as-of", AS_OF, "--lang", lang, cwd=tmp_path).stdout.splitlines()
    assert lines[1].split() == heads
    assert [line.strip() for line in lines[2:6]] == [line.strip() for line in lines[2:6]
                                                    if "%" in line or " -" in line]
    assert lines[6].strip().startswith(explained)


def test_check_exit_1_when_any_plan_is_non_compliant(tmp_path: Path) -> None:
    done = capf("check", ODDER, DRAFT, "--as-of", AS_OF, "--lang", "da", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Fjordby Kommune: OPFYLDER IKKE KRAVENE" in done.stdout


def test_malformed_yaml_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken plan.yaml"
    bad.write_text("municipality:\n  name: [Ny kommune\n", encoding="utf-8")
    assert_bad_input(capf("check", str(bad), cwd=tmp_path), "broken plan.yaml")


def test_unknown_profile_exits_2(tmp_path: Path) -> None:
    assert_bad_input(capf("check", ODDER, "--profile", "dk2030", cwd=tmp_path),
                     "dk2030", "profilen findes ikke")


@pytest.mark.parametrize("day", ["2026-13-01", "yesterday", "01-01-2026"])
def test_invalid_as_of_exits_2(day: str, tmp_path: Path) -> None:
    assert_bad_input(capf("check", ODDER, "--as-of", day, cwd=tmp_path), "--as-of", day)


@pytest.mark.parametrize(("waiver", "field"), [
    ('{rule: ADA-1-review-cadence, expires: "2026-06-30"}', "reason"),
    ('{rule: ADA-1-review-cadence, reason: "New assessment ordered."}', "expires"),
])
def test_a_waiver_needs_reason_and_expiry(waiver: str, field: str, tmp_path: Path) -> None:
    path = tmp_path / "waivers.yaml"
    path.write_text(f"waivers:\n  - {waiver}\n", encoding="utf-8")
    assert_bad_input(capf("check", ODDER, "--waivers", str(path), cwd=tmp_path),
                     "waivers.yaml", field)


def test_a_user_profile_with_an_unknown_check_names_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "NEU-5-local-ambition.yaml").write_text("""\
id: NEU-5-local-ambition
criterion: NEU-5
element: neutrality
level: essential
title: {en: "Net zero by 2040", da: "Netto-nul senest 2040"}
rationale: {en: "A local ambition.", da: "En lokal ambition."}
message: {en: "Net zero is {value}.", da: "Netto-nul er {value}."}
remedy: {en: "Set it earlier.", da: "Sæt det tidligere."}
select: /targets/net_zero_year
check: {at_moost: {value: 2040}}
source: {framework: "Local", ref: "1", confidence: verified}
examples:
  pass: [{targets: {net_zero_year: 2040}}]
  fail: [{targets: {net_zero_year: 2045}}]
""", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text("id: local\nversion: '1'\ntitle: {en: Local, da: Lokal}\n"
                       "extends: dk2020\nrules: ['local/*.yaml']\n", encoding="utf-8")
    assert_bad_input(capf("check", ODDER, "--profile", str(profile), cwd=tmp_path),
                     "NEU-5-local-ambition.yaml", "ved /check/at_moost", "ukendt tjek")


# --- check --format json --------------------------------------------------------------------

def test_json_is_byte_identical_and_valid_against_the_verdict_schema(tmp_path: Path) -> None:
    first = capf("check", ODDER, "--format", "json", "--as-of", AS_OF, cwd=tmp_path)
    second = capf("check", ODDER, "--format", "json", "--as-of", AS_OF, cwd=tmp_path)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert problems("verdict", json.loads(first.stdout)) == []
    verdict = evaluate(load_plan(Path(ODDER)), load_ruleset(), as_of=date.fromisoformat(AS_OF))
    assert first.stdout == verdict.model_dump_json(indent=2) + "\n"


def test_json_for_several_plans_is_an_array_of_verdicts(tmp_path: Path) -> None:
    done = capf("check", ODDER, DRAFT, "--format", "json", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert [v["plan"]["name"] for v in data] == ["Odder Kommune", "Fjordby Kommune"]
    assert all(problems("verdict", v) == [] for v in data)


# --- check --format sarif -------------------------------------------------------------------

def _sarif_validator() -> Draft4Validator:
    """The official schema (draft-04), with a registry that never fetches anything."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))

    def refuse(uri: str) -> Resource[Any]:
        raise NoSuchResource(ref=uri)

    registry: Registry[Any] = Registry(retrieve=refuse).with_resource(
        schema["id"], DRAFT4.create_resource(schema))
    return Draft4Validator(schema, registry=registry)


@pytest.fixture(scope="module")
def waivers_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("waivers") / "waivers.yaml"
    path.write_text("waivers:\n  - rule: ADA-1-review-cadence\n"
                    "    reason: \"Ny risikovurdering er bestilt <2026> & på vej.\"\n"
                    "    approved_by: DGO\n    expires: \"2026-06-30\"\n", encoding="utf-8")
    return path


def test_sarif_is_valid_against_the_official_schema(tmp_path: Path, waivers_file: Path) -> None:
    done = capf("check", ODDER, DRAFT, "--format", "sarif", "--as-of", AS_OF,
                "--waivers", str(waivers_file), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    validator = _sarif_validator()
    assert list(validator.iter_errors(log)) == []
    broken = json.loads(done.stdout)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)  # the schema really is applied

    run = log["runs"][0]
    driver = run["tool"]["driver"]
    ruleset = load_ruleset()
    assert driver["name"] == "capf" and "informationUri" not in driver
    assert [r["id"] for r in driver["rules"]] == [c.rule.id for c in ruleset.rules]
    first = driver["rules"][0]
    assert {"shortDescription", "fullDescription", "help"} <= set(first)
    assert {"criterion", "element", "level", "confidence"} <= set(first["properties"])

    verdicts = json.loads(capf("check", ODDER, DRAFT, "--format", "json", "--as-of", AS_OF,
                               "--waivers", str(waivers_file), cwd=tmp_path).stdout)
    reported = [(v["plan"]["name"], r["rule"], r["outcome"]) for v in verdicts
                for r in v["results"] if r["outcome"] in ("fail", "needs_review", "error",
                                                         "waived")]
    assert [(r["properties"]["plan"], r["ruleId"], r["properties"]["outcome"])
            for r in run["results"]] == reported
    for result in run["results"]:
        rule = driver["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        essential = rule["properties"]["level"] == "essential"
        expected = "error" if essential and result["properties"]["outcome"] != "needs_review" \
            else "warning"
        assert result["level"] == expected
        assert ("suppressions" in result) == (result["properties"]["outcome"] == "waived")


def test_sarif_locations_point_at_the_line_of_the_pointer(tmp_path: Path,
                                                          waivers_file: Path) -> None:
    done = capf("check", ODDER, "--format", "sarif", "--as-of", AS_OF,
                "--waivers", str(waivers_file), cwd=tmp_path)
    results = json.loads(done.stdout)["runs"][0]["results"]
    document = read_file(Path(ODDER))
    waived = next(r for r in results if r["ruleId"] == "ADA-1-review-cadence")
    assert waived["suppressions"][0]["justification"].startswith("Ny risikovurdering")
    for result in results:
        location = result["locations"][0]
        pointer = location["logicalLocations"][0]["fullyQualifiedName"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == \
            Path(ODDER).as_uri()
        line = document.line_of(pointer)
        assert line is not None
        assert location["physicalLocation"]["region"]["startLine"] == line


# --- check --format junit -------------------------------------------------------------------

def _xml(text: str) -> ET.Element:
    return ET.fromstring(text)  # noqa: S314 - capf's own output, not untrusted input


def test_junit_counts_match_the_verdicts(tmp_path: Path, waivers_file: Path) -> None:
    args = ("check", ODDER, DRAFT, "--as-of", AS_OF, "--waivers", str(waivers_file))
    done = capf(*args, "--format", "junit", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    root = _xml(done.stdout)
    verdicts = json.loads(capf(*args, "--format", "json", cwd=tmp_path).stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [v["plan"]["name"] for v in verdicts]
    for suite, verdict in zip(suites, verdicts, strict=True):
        outcomes = [r["outcome"] for r in verdict["results"]]
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == [r["rule"] for r in verdict["results"]]
        assert int(suite.get("tests", "")) == len(outcomes)
        failures = sum(o in ("fail", "error") for o in outcomes)
        skipped = sum(o in ("not_applicable", "waived", "needs_review") for o in outcomes)
        assert int(suite.get("failures", "")) == failures == len(suite.findall("*/failure"))
        assert int(suite.get("skipped", "")) == skipped == len(suite.findall("*/skipped"))
    assert int(root.get("tests", "")) == sum(len(v["results"]) for v in verdicts)
    waived = root.find("testsuite/testcase[@name='ADA-1-review-cadence']/skipped")
    assert waived is not None and "<2026> & på vej" in waived.get("message", "")


def test_junit_escapes_plan_text(tmp_path: Path) -> None:
    text = Path(ODDER).read_text(encoding="utf-8").replace(
        "name: Odder Kommune", 'name: "<Odder> & \\"Kommune\\" ]]> \\v"', 1)
    plan = tmp_path / "odd.yaml"
    plan.write_text(text, encoding="utf-8")
    done = capf("check", str(plan), "--format", "junit", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    suite = _xml(done.stdout).find("testsuite")
    assert suite is not None and suite.get("name") == '<Odder> & "Kommune" ]]> \ufffd'


# --- report and checklist -------------------------------------------------------------------

def test_report_html_and_md(tmp_path: Path) -> None:
    done = capf("report", DRAFT, "-o", "rapport.html", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Fjordby Kommune" in html and "<html" in html.lower()
    done = capf("report", DRAFT, "-o", "report.md", "--lang", "en", "--as-of", AS_OF,
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Fjordby Kommune" in (tmp_path / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["report", "checklist"])
def test_an_unknown_output_suffix_exits_2(command: str, tmp_path: Path) -> None:
    assert_bad_input(capf(command, ODDER, "-o", "out.pdf", cwd=tmp_path), "out.pdf", ".pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_an_output_folder_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    assert_bad_input(capf("report", ODDER, "-o", "nowhere/r.html", cwd=tmp_path))


def test_checklist_blank_and_prefilled(tmp_path: Path) -> None:
    done = capf("checklist", "-o", "blank.csv", "--profile", "klimaalliancen-2024",
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with (tmp_path / "blank.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))  # Danish (the default): Excel's `;`
    criteria = {c.id for c in load_ruleset("klimaalliancen-2024").criteria}
    assert {row[0] for row in rows[1:]} == criteria
    done = capf("checklist", ODDER, "-o", "tjekliste.md", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Odder Kommune" in (tmp_path / "tjekliste.md").read_text(encoding="utf-8")


# --- batch ----------------------------------------------------------------------------------

def _portfolio(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, plans / example.name)
    (plans / "corrupt.yaml").write_text("municipality: {name: [oops\n", encoding="utf-8")
    (plans / "notes.txt").write_text("not a plan", encoding="utf-8")
    return plans


def test_batch_judges_every_good_plan_and_reports_the_corrupt_one(tmp_path: Path) -> None:
    plans = _portfolio(tmp_path)
    done = capf("batch", str(plans), "-o", "out", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1  # no progress: no tty
    assert "corrupt.yaml" in done.stderr
    out = tmp_path / "out"
    good = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
    for stem in good:
        verdict = json.loads((out / f"{stem}.verdict.json").read_text(encoding="utf-8"))
        assert problems("verdict", verdict) == []
        assert (out / f"{stem}.report.html").stat().st_size > 0
    assert not (out / "corrupt.verdict.json").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [Path(r["Fil"]).stem for r in rows] == sorted([*good, "corrupt"])
    broken = next(r for r in rows if r["Fil"].endswith("corrupt.yaml"))
    assert broken["Samlet"] == "" and "corrupt.yaml" in broken["Fejl ved indlæsning"]
    odder = next(r for r in rows if r["Kommune"] == "Odder Kommune")
    assert odder["Samlet"] == "opfylder kravene med bemærkninger"
    assert odder["Fejl ved indlæsning"] == "" and odder["Vurderet pr."] == "1. januar 2026"
    assert {"Styring og samarbejde", "Klimatilpasning", "Udledningsneutral",
            "Social inklusion og merværdier", "Styring og samarbejde: score", "Bestået",
            "Mangel", "Kræver vurdering", "Dispenseret", "Fejl"} <= set(odder)
    overview = (out / "overview.html").read_text(encoding="utf-8")
    assert "Odder Kommune" in overview and 'href="odder.report.html"' in overview


def test_batch_exit_1_and_0_and_escapes_plan_text(tmp_path: Path) -> None:
    text = Path(ODDER).read_text(encoding="utf-8").replace(
        "name: Odder Kommune", 'name: "<script>alert(1)</script> Kommune"', 1)
    (tmp_path / "evil.yaml").write_text(text, encoding="utf-8")
    done = capf("batch", str(tmp_path / "evil.yaml"), "-o", "ok", "--as-of", AS_OF,
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    overview = (tmp_path / "ok" / "overview.html").read_text(encoding="utf-8")
    assert "<script>alert" not in overview and "&lt;script&gt;alert(1)" in overview
    done = capf("batch", str(tmp_path / "evil.yaml"), DRAFT, "-o", "mixed", "--as-of", AS_OF,
                cwd=tmp_path)
    assert done.returncode == 1, done.stderr


def test_batch_with_no_plans_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_bad_input(capf("batch", "empty", "-o", "out", cwd=tmp_path), "ingen planfiler")


# --- diff -----------------------------------------------------------------------------------

def test_diff_of_two_plans_and_of_two_verdicts(tmp_path: Path) -> None:
    earlier = tmp_path / "odder-v0.yaml"  # an earlier version that set net zero too late
    earlier.write_text(Path(ODDER).read_text(encoding="utf-8").replace(
        "net_zero_year: 2050", "net_zero_year: 2055", 1), encoding="utf-8")
    done = capf("diff", str(earlier), ODDER, "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # the newer version only got better
    assert done.stdout.startswith("Odder Kommune (2026-01-01, opfylder ikke kravene) → Odder Kommune")
    assert "NEU-5-net-zero-year" in done.stdout and "netto-nul-år: 2055 → 2050" in done.stdout
    for day, name in (("2024-01-01", "old.json"), (AS_OF, "new.json")):
        verdict = capf("check", ODDER, "--format", "json", "--as-of", day, cwd=tmp_path)
        (tmp_path / name).write_text(verdict.stdout, encoding="utf-8")
    done = capf("diff", "old.json", "new.json", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the risk assessment aged past five years
    data = json.loads(done.stdout)
    assert data["old"]["as_of"] == "2024-01-01" and "ADA-1-review-cadence" in data["newly_failed"]


def test_diff_refuses_a_broken_verdict_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"results": [], "ruleset": 3}', encoding="utf-8")
    assert_bad_input(capf("diff", "bad.json", ODDER, cwd=tmp_path), "bad.json",
                     "ikke en gyldig vurdering")


# --- init -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["da", "en"])
def test_init_template_validates_and_is_judged_non_compliant(lang: str, tmp_path: Path) -> None:
    done = capf("init", "--lang", lang, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    plan = load_plan(done.stdout, source="template.yaml")
    assert plan.name == "Ny kommune"
    verdict = evaluate(plan, load_ruleset(), as_of=date.fromisoformat(AS_OF))
    assert verdict.status == "non_compliant"
    # the placeholders are inert: judged exactly like a plan that has nothing but a name
    bare = evaluate(load_plan({"schema_version": "1", "municipality": {"name": "Ny kommune"}}),
                    load_ruleset(), as_of=date.fromisoformat(AS_OF))
    assert [r.outcome for r in verdict.results] == [r.outcome for r in bare.results]
    schema = load_schema("plan")
    assert all(f"\n# {key}:" in done.stdout or f"\n{key}:" in done.stdout
               for key in schema["properties"] if key != "$schema")


def test_init_writes_a_file_and_never_overwrites_without_force(tmp_path: Path) -> None:
    assert capf("init", "-o", "plan.yaml", cwd=tmp_path).returncode == 0
    (tmp_path / "plan.yaml").write_text("mine", encoding="utf-8")
    assert_bad_input(capf("init", "-o", "plan.yaml", cwd=tmp_path), "plan.yaml", "--force")
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "mine"
    assert capf("init", "-o", "plan.yaml", "--force", cwd=tmp_path).returncode == 0
    done = capf("check", "plan.yaml", "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 1 and "Ny kommune: OPFYLDER IKKE KRAVENE" in done.stdout


def _fields(node: dict[str, Any], owner: str, defs: dict[str, Any],
            seen: set[tuple[str, str]]) -> None:
    """(owner, field) for every field, with owner as capf.docs.plan_template names it."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node, owner = defs[name], "$" + name
    for key, child in node.get("properties", {}).items():
        if (owner, key) not in seen:
            seen.add((owner, key))
            _fields(child, key, defs, seen)
    if "items" in node:
        _fields(node["items"], owner, defs, seen)


def test_every_plan_field_has_a_danish_comment() -> None:
    schema = load_schema("plan")
    seen: set[tuple[str, str]] = set()
    _fields(schema, "", schema["$defs"], seen)
    glossary = danish()
    missing = sorted(f"{o}.{k}" for o, k in seen if f"{o}.{k}" not in glossary
                     and k not in glossary)
    assert missing == []


# --- validate, rules, schema ----------------------------------------------------------------

def test_validate_rules_and_schema(tmp_path: Path) -> None:
    done = capf("validate", ODDER, DRAFT, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.count(": gyldig (") == 2
    done = capf("rules", "--profile", "klimaalliancen-2024", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0
    assert len(json.loads(done.stdout)) == len(load_ruleset("klimaalliancen-2024").rules)
    for name in ("plan", "verdict", "rules"):
        done = capf("schema", name, cwd=tmp_path)
        assert done.returncode == 0 and json.loads(done.stdout) == load_schema(name)


def test_batch_shows_progress_only_on_a_terminal(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["batch", ODDER, DRAFT, "-o", str(tmp_path / "out"), "--as-of", AS_OF]) == 1
    assert terminal.getvalue().splitlines() == [  # statuses by their Danish labels
        "[1/2] odder.yaml: opfylder kravene med bemærkninger",
        "[2/2] fjordby-draft.yaml: opfylder ikke kravene"]
