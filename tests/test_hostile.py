"""Hostile input through the real command line, one sub-process per case.

A refused input must give exit code 2, exactly one non-empty line on stderr naming the file
(and the place or reason), nothing on stdout, no traceback, in bounded time. A hostile but
valid plan (template, HTML, JNDI and terminal-control text) must be judged like any plan, its
text quoted literally in the JSON verdict.

Small cases are files under tests/hostile/ (each must appear in a table below); large ones
(50 MB, 10,000-deep nesting, 5,001-digit integers, 10^5-character strings) are generated into
tmp_path and never committed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from capf.read.schema import problems

HOSTILE = Path(__file__).resolve().parent / "hostile"
ROOT = HOSTILE.parent.parent
VEJLE = ROOT / "examples" / "vejle.yaml"
AS_OF = "2026-01-01"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def capf(*args: str | Path, cwd: Path = ROOT) -> Run:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]), "PYTHONIOENCODING": "utf-8",
           "CAPF_LANG": "en"}  # the mentions below are the English wording
    # timeout: a hang guard, not a speed limit (bench/big_inputs.py measures the time)
    done = subprocess.run([sys.executable, "-m", "capf", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=60, check=False)
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"),
               done.stderr.decode("utf-8", "replace"))


def assert_refused(run: Run, file: str | Path, *mentions: str) -> None:
    """Exit 2, one bounded line on stderr naming `file` and each of `mentions`, no traceback."""
    assert "Traceback" not in run.stderr + run.stdout
    assert run.code == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {run.stderr!r}"
    line = lines[0]
    assert line.strip()
    assert str(file) in line, line
    for mention in mentions:
        assert mention in line, line
    assert len(line) < 1000, f"stderr line of {len(line)} characters"
    assert run.stdout == ""


# --- committed plan files that must be refused ------------------------------------------------
# file → what the one line must say (a reason or the JSON Pointer of the offending value)

REFUSED = {
    "malformed.yaml": "invalid YAML",
    "malformed.json": "invalid JSON",
    "trailing-comma.json": "invalid JSON",
    "latin1.yaml": "not UTF-8",
    "latin1.json": "not UTF-8",
    "nan.json": "not finite",
    "infinity.json": "not finite",
    "minus-infinity.json": "not finite",
    "overflow-float.json": "not finite",
    "inf.yaml": "not finite",
    "nan.yaml": "not finite",
    "overflow-float.yaml": "not finite",
    "big-int.json": "/targets/net_zero_year",
    "big-int.yaml": "/targets/net_zero_year",
    "billion-laughs.yaml": "not allowed",
    "recursive-alias.yaml": "not allowed",
    "merge-key.yaml": "merge key",
    "duplicate-key.yaml": "duplicate key 'name'",
    "duplicate-key.json": "duplicate key 'name'",
    "int-key.yaml": "'2030' is not a string",
    "collection-key.yaml": "mapping keys",
    "string-year.yaml": "/targets/net_zero_year",
    "number-title.yaml": "/plan/title",
    "list-for-object.yaml": "/municipality",
    "object-for-list.yaml": "/actions",
    "deep-wrong-type.yaml": "/actions/0/effect/0/t_co2e",
    "deep-list-for-object.yaml": "/actions/0/timeline",
    "deep-string-bool.yaml": "/actions/0/financing/secured",
    "deep-object-for-list.json": "/actions/0/effect",
    "unknown-key-top.yaml": "municipallity_code",
    "unknown-key-section.yaml": "/municipality/nmae",
    "unknown-key-deep.yaml": "/actions/0/flags/greenwashing",
    "date-for-year.yaml": "/targets/net_zero_year",
    "impossible-date.yaml": "/plan/adopted/date",
    "yaml11-bool.yaml": "/municipality/fictional",
    "octal-year.yaml": "/targets/net_zero_year",
    "python-tag.yaml": "tag",
    "custom-tag.yaml": "tag",
    "multiple-documents.yaml": "more than one YAML document",
    "empty.yaml": "the document is empty",
    "empty.json": "invalid JSON",
    "top-level-array.json": "expected object",
    "top-level-string.json": "expected object",
    "nul-byte.yaml": "control characters",
    "raw-control.yaml": "control characters",
}
ACCEPTED = {"bom.yaml": "BOM Kommune", "bom.json": "BOM Kommune", "crlf.yaml": "CRLF Kommune"}
VALID_HOSTILE = ("text-injection.yaml",)


def _cases(command: str) -> list[object]:
    return [pytest.param(name, mention, id=f"{command}-{name}")
            for name, mention in REFUSED.items()]


@pytest.mark.parametrize(("name", "mention"), _cases("validate"))
def test_validate_refuses(name: str, mention: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    assert_refused(capf("validate", path, cwd=tmp_path), path, mention)
    assert list(tmp_path.iterdir()) == []  # nothing ran: the python tag wrote no file


@pytest.mark.parametrize(("name", "mention"), _cases("check"))
def test_check_refuses(name: str, mention: str, tmp_path: Path) -> None:
    path = HOSTILE / name
    assert_refused(capf("check", path, "--as-of", AS_OF, cwd=tmp_path), path, mention)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "municipality"), ACCEPTED.items())
def test_a_bom_or_crlf_is_accepted(name: str, municipality: str) -> None:
    path = HOSTILE / name
    valid = capf("validate", path)
    assert (valid.code, valid.stderr) == (0, "")
    assert municipality in valid.stdout
    judged = capf("check", path, "--format", "json", "--as-of", AS_OF)
    assert judged.code in (0, 1), judged.stderr
    assert json.loads(judged.stdout)["plan"]["name"] == municipality


# --- a valid plan full of injection attempts ------------------------------------------------

INJECTED_IDS = ["{{ 7*7 }}", "${jndi:ldap://x}", "<script>alert(1)</script>", "{% import os %}",
                "ctl\a\x1b[31mred\x1b[0m\u202etxt.exe"]


def _verdict(run: Run) -> dict[str, object]:
    assert "Traceback" not in run.stderr
    assert run.code in (0, 1), run.stderr
    verdict = json.loads(run.stdout)
    assert problems("verdict", verdict) == []
    return verdict


def _result(verdict: dict[str, object], rule: str) -> dict[str, object]:
    results = verdict["results"]
    assert isinstance(results, list)
    return next(r for r in results if r["rule"] == rule)


def test_injection_text_is_judged_and_quoted_literally(tmp_path: Path) -> None:
    run = capf("check", HOSTILE / "text-injection.yaml", "--format", "json", "--as-of", AS_OF,
               cwd=tmp_path)
    verdict = _verdict(run)
    assert run.code == 1 and verdict["status"] == "non_compliant"
    assert verdict["plan"]["name"] == "{{ 7*7 }} <script>alert(1)</script> Kommune"  # type: ignore[index]
    short_term = _result(verdict, "GOV-7-short-term-detail")
    assert short_term["outcome"] == "fail"
    failing = short_term["values"]["failing"]  # type: ignore[index]
    assert len(failing) == len(INJECTED_IDS)  # each id, then what the action lacks in brackets
    assert all(f.startswith(f"{i} (") for f, i in zip(failing, INJECTED_IDS, strict=True))
    message = short_term["message"]["en"]  # type: ignore[index]
    for text in INJECTED_IDS:
        assert text in message
    assert list(tmp_path.iterdir()) == []


def test_text_output_does_not_pass_control_characters_to_the_terminal() -> None:
    run = capf("check", HOSTILE / "text-injection.yaml", "--as-of", AS_OF)
    assert run.code == 1, run.stderr
    assert "{{ 7*7 }}" in run.stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", run.stdout)


# --- large inputs, generated ----------------------------------------------------------------

def _deep(kind: str, depth: int) -> str:
    if kind == "json-arrays":
        return "[" * depth + "]" * depth
    if kind == "json-objects":
        return '{"a":' * depth + "1" + "}" * depth
    if kind == "yaml-flow":
        return "municipality: " + "[" * depth + "]" * depth + "\n"
    return "".join(" " * i + "a:\n" for i in range(depth)) + " " * depth + "1\n"  # yaml block


GENERATED: dict[str, tuple[str, str]] = {
    # file name → (content recipe, what the one line must say)
    "deep-10000-arrays.json": ("deep json-arrays 10000", "nested deeper than 64"),
    "deep-10000-objects.json": ("deep json-objects 10000", "nested deeper than 64"),
    "deep-10000-flow.yaml": ("deep yaml-flow 10000", "nested deeper than 64"),
    "deep-3000-block.yaml": ("deep yaml-block 3000", "nested deeper than 64"),
    "digits-5001.json": ('json {"targets": {"net_zero_year": 1' + "0" * 5000 + "}}", "digits"),
    "digits-5001.yaml": ("yaml targets:\n  net_zero_year: 1" + "0" * 5000 + "\n", "too long"),
    "string-100k.yaml": ('yaml municipality:\n  context: "' + "x" * 100_000 + '"\n',
                         "/municipality/context"),
    "key-100k.json": ('json {"municipality": {"' + "k" * 100_000 + '": 1}}', "unknown key"),
    "actions-5001.json": ("json " + json.dumps(
        {"actions": [{"id": f"A{i}", "title": "t"} for i in range(5001)]}), "/actions"),
    "list-15mb.json": ("json " + json.dumps({"municipality": {"priorities": [
        "p" * 499] * 30_000}}), "/municipality/priorities"),
}


def _write(path: Path, recipe: str) -> None:
    kind, _, rest = recipe.partition(" ")
    if kind == "deep":
        style, depth = rest.split()
        path.write_text(_deep(style, int(depth)), encoding="utf-8")
    else:
        path.write_text(rest, encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize(("name", "mention"), [
    pytest.param(n, m, id=n)
    for n, (_, m) in GENERATED.items()])
def test_large_inputs_are_refused(command: str, name: str, mention: str, tmp_path: Path) -> None:
    path = tmp_path / name
    _write(path, GENERATED[name][0])
    assert_refused(capf(command, path), path, mention)


@pytest.fixture(scope="module")
def file_50mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "plan-50mb.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('municipality:\n  context: "')
        chunk = "x" * 2**20
        for _ in range(50):
            handle.write(chunk)
        handle.write('"\n')
    return path


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_50mb_file_is_refused_before_it_is_read(command: str, file_50mb: Path) -> None:
    run = capf(command, file_50mb)
    assert_refused(run, file_50mb, "the limit is")


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_directory_and_a_missing_file_are_refused(command: str, tmp_path: Path) -> None:
    directory = tmp_path / "plan.yaml"
    directory.mkdir()
    assert_refused(capf(command, directory), directory, "cannot read")
    missing = tmp_path / "missing.yaml"
    assert_refused(capf(command, missing), missing, "cannot read")


def test_strings_at_their_schema_limit_are_judged_and_quoted(tmp_path: Path) -> None:
    """The schema caps text (20,000 characters for descriptions, 500 for ids): at the cap a
    plan is judged; a 10^5-character string is refused above (string-100k.yaml)."""
    long_id = ("{{ 7*7 }}\x1b[2J" * 50)[:500]
    plan = {"municipality": {"name": "Lang Kommune", "context": "ø{% raw %}" * 2000},
            "actions": [{"id": long_id, "title": "x" * 500, "horizon": "short",
                         "description": "<script>" * 2500}]}
    assert problems("plan", plan) == []
    path = tmp_path / "long.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    verdict = _verdict(capf("check", path, "--format", "json", "--as-of", AS_OF))
    failing = _result(verdict, "GOV-7-short-term-detail")["values"]["failing"]  # type: ignore[index]
    assert len(failing) == 1 and failing[0].startswith(f"{long_id} (")


# --- rule files, profiles and waivers ---------------------------------------------------------

RULE_CASES = {
    "NEU-5-hostile-unknown-check.yaml": ("/check/exec", "unknown check 'exec'"),
    "NEU-5-hostile-unknown-option.yaml": ("/check/at_most/inclusive", ""),
    "NEU-5-hostile-unknown-placeholder.yaml": ("/message/en", "do not pair up"),
    "NEU-5-hostile-unknown-name.yaml": ("/message/en", "unknown placeholder {mayor}"),
    "NEU-5-hostile-bad-regex.yaml": ("/check/pattern/regex", "regular expression"),
    "NEU-99-hostile-criterion.yaml": ("/criterion", "unknown criterion 'NEU-99'"),
}


def _profile(folder: Path, extends: str = "dk2020", rules: str = "rules/*.yaml",
             extra: str = "") -> Path:
    path = folder / "profile.yaml"
    path.write_text(f'id: hostile\nversion: "1"\ntitle: {{en: Hostile, da: Fjendtlig}}\n'
                    f'extends: {extends}\nrules: ["{rules}"]\n{extra}', encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "field", "reason"),
                         [(n, f, r) for n, (f, r) in RULE_CASES.items()], ids=list(RULE_CASES))
def test_a_bad_rule_file_is_refused_when_the_profile_loads(name: str, field: str, reason: str,
                                                           tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    rule = tmp_path / "rules" / name
    rule.write_bytes((HOSTILE / "rules" / name).read_bytes())
    profile = _profile(tmp_path)
    run = capf("check", "--profile", profile, VEJLE, "--as-of", AS_OF, cwd=tmp_path)
    assert_refused(run, rule, f" at {field}: ", reason)
    assert list((tmp_path / "rules").iterdir()) == [rule]


def test_profiles_that_extend_each_other_are_refused(tmp_path: Path) -> None:
    first = _profile(tmp_path, extends="second.yaml")
    (tmp_path / "second.yaml").write_text(
        first.read_text(encoding="utf-8").replace("extends: second.yaml", "extends: profile.yaml"),
        encoding="utf-8")
    run = capf("check", "--profile", first, VEJLE, "--as-of", AS_OF, cwd=tmp_path)
    assert_refused(run, tmp_path, "cycle")


def test_a_profile_with_an_unknown_key_or_parent_is_refused(tmp_path: Path) -> None:
    profile = _profile(tmp_path, extra="import: os\n")
    assert_refused(capf("check", "--profile", profile, VEJLE), profile, "import")
    orphan = _profile(tmp_path, extends="no-such-profile.yaml")
    assert_refused(capf("check", "--profile", orphan, VEJLE), orphan, "no-such-profile.yaml")


WAIVER_CASES = {
    "no-reason.yaml": "/waivers/0/reason",
    "blank-reason.yaml": "/waivers/0/reason",
    "no-expiry.yaml": "/waivers/0/expires",
    "unknown-key.yaml": "/waivers/0/approved",
    "expires-not-a-date.yaml": "/waivers/0/expires",
    "expires-unquoted-number.yaml": "/waivers/0/expires",
}


@pytest.mark.parametrize(("name", "place"), WAIVER_CASES.items())
def test_a_bad_waiver_file_is_refused(name: str, place: str) -> None:
    path = HOSTILE / "waivers" / name
    assert_refused(capf("check", VEJLE, "--waivers", path, "--as-of", AS_OF), path, place)


def test_a_bad_as_of_date_is_a_usage_error() -> None:
    run = capf("check", VEJLE, "--as-of", "2026-13-01")
    assert run.code == 2 and len(run.stderr.splitlines()) == 1 and "2026-13-01" in run.stderr
    assert "Traceback" not in run.stderr


# --- the corpus itself --------------------------------------------------------------------------

def test_every_committed_case_is_in_a_table_and_the_corpus_is_large_enough() -> None:
    committed = {p.relative_to(HOSTILE).as_posix() for p in HOSTILE.rglob("*") if p.is_file()}
    listed = ({*REFUSED, *ACCEPTED, *VALID_HOSTILE}
              | {f"rules/{n}" for n in RULE_CASES} | {f"waivers/{n}" for n in WAIVER_CASES})
    assert committed == listed
    generated = len(GENERATED) + 3  # + the 50 MB file, a directory and a missing file
    assert len(committed) + generated >= 30
    assert all(p.stat().st_size < 16_384 for p in HOSTILE.rglob("*") if p.is_file())
