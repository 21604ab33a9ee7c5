"""A user's profile or rule file is untrusted input: it cannot reach out, hang or grow unbounded.

Referencing keywords in schema fragments are refused at load; no socket opens and no file outside
the rule set is read while rules load or run (an audit hook watches); regexes run on RE2; every
rule has a deterministic step budget; a glob of many rules loads in linear time; `extends`,
globs and batch folders stay inside the folder the user gave.
"""

from __future__ import annotations

import copy
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from capf.batch import run_batch
from capf.engine.evaluator import evaluate
from capf.engine.ruleset import load_ruleset
from capf.model.errors import InvalidRules
from capf.read.fragment import fragment_validator
from capf.read.pattern import linear
from capf.read.plan import load_plan
from capf.read.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
VEJLE = ROOT / "examples" / "vejle.yaml"
AS_OF = date(2026, 1, 1)


def rule_text(rule_id: str, check: dict[str, Any], select: str | None = "/municipality/name",
              **extra: Any) -> str:
    rule: dict[str, Any] = {
        "id": rule_id, "criterion": "NEU-5", "element": "neutrality", "level": "recommended",
        "title": {"en": "T", "da": "T"}, "rationale": {"en": "R.", "da": "R."},
        "check": check, "message": {"en": "M.", "da": "M."}, "remedy": {"en": "R.", "da": "R."},
        "source": {"framework": "test", "ref": "0", "confidence": "secondary"},
        "examples": {"pass": [{"municipality": {"name": "x"}}],
                     "fail": [{"municipality": {"name": ""}}]}, **extra}
    if select is not None:
        rule["select"] = select
    return json.dumps(rule, ensure_ascii=False)  # JSON is YAML too


def profile(folder: Path, rules: dict[str, str], *, extends: str | None = None,
            globs: str = "rules/*.yaml") -> Path:
    (folder / "rules").mkdir(parents=True, exist_ok=True)
    for rule_id, text in rules.items():
        (folder / "rules" / f"{rule_id}.yaml").write_text(text, encoding="utf-8")
    path = folder / "profile.yaml"
    parent = f"extends: {extends}\n" if extends else ""
    path.write_text(f'id: user\nversion: "1"\ntitle: {{en: U, da: U}}\n{parent}'
                    f'rules: ["{globs}"]\n', encoding="utf-8")
    return path


def schema_rule(fragment: dict[str, Any], rule_id: str = "NEU-5-fragment") -> dict[str, str]:
    return {rule_id: rule_text(rule_id, {"schema": {"schema": fragment}})}


# --- referencing keywords ----------------------------------------------------------------------

REFERENCING = {
    "$ref": {"$ref": "https://example.invalid/s.json"},
    "$dynamicRef": {"$dynamicRef": "file:///etc/capf-secret.json"},
    "$recursiveRef": {"$recursiveRef": "#"},
    "$id": {"$id": "https://example.invalid/s.json"},
    "$anchor": {"$anchor": "here"},
    "$dynamicAnchor": {"$dynamicAnchor": "meta"},
    "$schema": {"$schema": "http://json-schema.org/draft-04/schema#"},
    "$vocabulary": {"$vocabulary": {"https://example.invalid/v": True}},
    "nested $dynamicRef": {"type": "object", "properties": {
        "name": {"anyOf": [{"items": {"$dynamicRef": "https://example.invalid/x"}}]}}},
}


@pytest.mark.parametrize("fragment", REFERENCING.values(), ids=list(REFERENCING))
def test_every_referencing_keyword_is_refused_at_load(fragment: dict[str, Any],
                                                      tmp_path: Path) -> None:
    path = profile(tmp_path, schema_rule(fragment))
    with pytest.raises(InvalidRules) as caught:
        load_ruleset(path)
    message = str(caught.value)
    assert str(tmp_path / "rules" / "NEU-5-fragment.yaml") in message
    assert "at /check/schema/schema: " in message
    keyword = next(k for k in json.dumps(fragment).split('"') if k.startswith("$"))
    assert f"{keyword} is not allowed" in message


def test_the_2020_12_meta_schema_itself_may_be_named(tmp_path: Path) -> None:
    fragment = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}
    assert load_ruleset(profile(tmp_path, schema_rule(fragment))).rules


def test_a_referencing_fragment_is_one_line_and_exit_2_on_the_command_line(tmp_path: Path) -> None:
    path = profile(tmp_path, schema_rule(REFERENCING["$dynamicRef"]))
    done = subprocess.run([sys.executable, "-m", "capf", "check", "--profile", str(path),
                           str(VEJLE)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "NEU-5-fragment.yaml" in line and "$dynamicRef" in line


def test_the_fragment_registry_is_closed_even_without_the_load_check(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "string"}', encoding="utf-8")
    validator = fragment_validator({"$dynamicRef": secret.as_uri()})
    with watched(tmp_path / "allowed") as seen, pytest.raises(Exception, match="Unresolvable"):
        validator.is_valid("x")
    assert not seen


# --- no network, no outside file ---------------------------------------------------------------

_WATCH: dict[str, Any] = {"on": False, "allowed": (), "seen": []}
_HOOKED: list[bool] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _WATCH["on"]:
        return
    if event.startswith(("socket.", "urllib.", "http.")):
        _WATCH["seen"].append((event, repr(args)[:200]))
    elif event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], str | bytes):
        name = args[0].decode() if isinstance(args[0], bytes) else args[0]
        target = Path(name).resolve()
        if not any(target.is_relative_to(folder) for folder in _WATCH["allowed"]):
            _WATCH["seen"].append((event, name))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a socket was opened: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@contextmanager
def watched(*allowed: Path) -> Iterator[list[tuple[str, str]]]:
    """Record sockets, and files or folders opened outside `allowed` (and Python's own install).

    An audit hook cannot be removed, so one is added per process and switched by a flag.
    """
    if not _HOOKED:
        sys.addaudithook(_hook)
        _HOOKED.append(True)
    python = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    _WATCH.update(on=True, seen=[], allowed=(*(a.resolve() for a in allowed), *python,
                                             data_dir("rules").resolve(),
                                             data_dir("schemas").resolve(),
                                             (ROOT / "capf").resolve()))
    try:
        yield _WATCH["seen"]
    finally:
        _WATCH["on"] = False


@pytest.mark.usefixtures("no_network")
def test_loading_and_running_user_rules_opens_no_socket_and_no_outside_file(
        tmp_path: Path) -> None:
    plan = load_plan(VEJLE)  # the plan is read before the watch starts: it is not a rule file
    secret = tmp_path / "outside" / "secret.json"
    secret.parent.mkdir()
    secret.write_text('{"type": "integer"}', encoding="utf-8")
    fragment = {"type": "object", "properties": {"name": {"type": "string", "pattern": "^V"}},
                "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": True}
    folder = tmp_path / "profile"
    rules = {**schema_rule(fragment, "NEU-5-fragment"),
             "NEU-5-regex": rule_text("NEU-5-regex", {"pattern": {"regex": "^(V|v)[a-z]+$"}}),
             "NEU-5-each": rule_text("NEU-5-each", {"for_each": {"require": {
                 "select": "title", "check": {"non_empty": {}}}}}, select="/actions/*")}
    path = profile(folder, rules, extends="dk2020")
    with watched(folder) as seen:
        ruleset = load_ruleset(path)
        verdict = evaluate(plan, ruleset, as_of=AS_OF)
    assert {"NEU-5-fragment", "NEU-5-regex", "NEU-5-each"} <= {r.rule for r in verdict.results}
    assert not [r for r in verdict.results if r.outcome == "error"]
    assert seen == []
    # the hostile fragment: refused at load, and the secret file is never touched
    (folder / "rules" / "NEU-5-fragment.yaml").write_text(
        schema_rule({"$dynamicRef": secret.as_uri()})["NEU-5-fragment"], encoding="utf-8")
    with watched(folder) as seen, pytest.raises(InvalidRules, match=r"\$dynamicRef"):
        load_ruleset(path)
    assert seen == []


def test_the_watch_itself_sees_an_outside_file(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    with watched(tmp_path / "inside") as seen:
        outside.read_text(encoding="utf-8")
    assert seen and seen[0][1] == str(outside)


# --- regular expressions on RE2 ----------------------------------------------------------------

EVIL = "^(a+)+$"
VICTIM = "a" * 40 + "!"


def test_python_re_hangs_on_the_evil_pattern_which_is_why_capf_uses_re2() -> None:
    code = f"import re; re.fullmatch({EVIL!r}, {VICTIM!r})"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", code], timeout=3, check=False)


@pytest.mark.parametrize("check", [
    {"pattern": {"regex": EVIL}},
    {"schema": {"schema": {"type": "string", "pattern": EVIL}}},
], ids=["pattern-check", "fragment-pattern"])
def test_a_backtracking_pattern_runs_in_linear_time(check: dict[str, Any], tmp_path: Path) -> None:
    plan = load_plan({"schema_version": "1", "municipality": {"name": VICTIM}})
    ruleset = load_ruleset(profile(tmp_path, {"NEU-5-evil": rule_text("NEU-5-evil", check)}))
    # No timing here (timings live in bench/): on Python's `re` this call would not return
    # (the test above), so finishing at all shows the pattern ran on RE2.
    verdict = evaluate(plan, ruleset, as_of=AS_OF)
    assert [r.outcome for r in verdict.results] == ["fail"]
    assert type(linear(EVIL)).__module__ == "re2"


def test_pattern_properties_and_additional_properties_use_re2(tmp_path: Path) -> None:
    fragment = {"type": "object", "patternProperties": {EVIL: {"type": "integer"}},
                "additionalProperties": {"type": "integer"}}
    plan = load_plan({"schema_version": "1", "municipality": {"name": "x"}})
    ruleset = load_ruleset(profile(tmp_path, {"NEU-5-keys": rule_text(
        "NEU-5-keys", {"schema": {"schema": fragment}}, select="/municipality")}))
    assert [r.outcome for r in evaluate(plan, ruleset, as_of=AS_OF).results] == ["fail"]
    validator = ruleset.rules[0].clause.options.validator  # type: ignore[attr-defined]
    assert validator.is_valid({VICTIM: 1, "aaa": 2})
    assert not validator.is_valid({VICTIM: "text"})


@pytest.mark.parametrize(("check", "field"), [
    ({"pattern": {"regex": "(a)\\1"}}, "/check/pattern/regex"),
    ({"pattern": {"regex": "(?=a)a"}}, "/check/pattern/regex"),
    ({"schema": {"schema": {"pattern": "(?<=a)b"}}}, "/check/schema/schema"),
    ({"schema": {"schema": {"patternProperties": {"(x)\\1": {}}}}}, "/check/schema/schema"),
], ids=["backreference", "lookahead", "fragment-lookbehind", "fragment-pattern-key"])
def test_constructs_re2_cannot_run_are_refused_at_load(check: dict[str, Any], field: str,
                                                       tmp_path: Path) -> None:
    with pytest.raises(InvalidRules, match="RE2") as caught:
        load_ruleset(profile(tmp_path, {"NEU-5-re": rule_text("NEU-5-re", check)}))
    assert "NEU-5-re.yaml:" in str(caught.value) and f" at {field}: " in str(caught.value)


# --- the evaluation budget ---------------------------------------------------------------------

def many_actions(count: int) -> dict[str, Any]:
    data = yaml.safe_load(VEJLE.read_text(encoding="utf-8"))
    first = data["actions"][0]
    data["actions"] = [{**copy.deepcopy(first), "id": f"A{i}"} for i in range(count)]
    return data  # type: ignore[no-any-return]


def test_a_rule_over_the_step_budget_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    # Really quadratic work: each action's id is compared with the list of every action's id,
    # read afresh per action (it is relative to nothing the Memo could share), 1,000² steps.
    quadratic = {"for_each": {"require": {"select": "id", "check": {"compare": {
        "op": "eq", "to": "/actions/*/id"}}}}}
    rules = {"NEU-5-square": rule_text("NEU-5-square", quadratic, select="/actions/*"),
             "NEU-5-fine": rule_text("NEU-5-fine", {"non_empty": {}})}
    ruleset = load_ruleset(profile(tmp_path, rules))
    plan = load_plan(many_actions(1000))
    first = evaluate(plan, ruleset, as_of=AS_OF)
    outcomes = {r.rule: r for r in first.results}
    assert outcomes["NEU-5-fine"].outcome == "pass"
    stopped = outcomes["NEU-5-square"]
    assert stopped.outcome == "error"
    assert "NEU-5-square" in stopped.message.da and "1.000.000 evalueringstrin" in stopped.message.da
    assert "NEU-5-square" in stopped.message.en
    again = evaluate(plan, ruleset, as_of=AS_OF)  # steps, not seconds: the same every time
    assert again.model_dump() == first.model_dump()


def test_a_nested_rule_is_charged_the_work_done_not_the_work_written(tmp_path: Path) -> None:
    # Written cubic, but the inner for_each read only absolute places: judged once per plan and
    # reused (a dict lookup, one step), so the budget, a hang guard, lets it judge.
    nested = {"for_each": {"require": {"select": "/actions/*", "check": {"for_each": {
        "require": {"select": "/actions/*", "check": {"for_each": {
            "require": {"select": "id", "check": {"non_empty": {}}}}}}}}}}}
    rules = {"NEU-5-nested": rule_text("NEU-5-nested", nested, select="/actions/*")}
    plan = load_plan(many_actions(1000))
    verdict = evaluate(plan, load_ruleset(profile(tmp_path, rules)), as_of=AS_OF)
    assert verdict.results[0].outcome == "pass"


@pytest.mark.parametrize(("co_benefits", "outcome"), [(["jobs"], "pass"), ([], "fail")])
def test_inc2_judges_a_plan_of_5000_actions(co_benefits: list[str], outcome: str) -> None:
    data = many_actions(5000)
    for action in data["actions"][::2]:
        action["priority"] = False
    data["actions"][-1].update(priority=True, co_benefits=co_benefits)  # the last one decides
    verdict = evaluate(load_plan(data), load_ruleset("dk2020"), as_of=AS_OF)
    found = verdict.result("INC-2-priority-action-co-benefits")
    assert found is not None and found.outcome == outcome
    assert found.values["items"] == 2500


def test_no_built_in_rule_comes_near_the_budget_on_a_large_plan() -> None:
    from capf.engine.checks.spec import RULE_STEPS, Context
    from capf.engine.evaluator import run_rule

    plan = load_plan(many_actions(5000))
    context = Context(plan.data, AS_OF)
    ruleset = load_ruleset("klimaalliancen-2024")
    used = []
    for compiled in ruleset.rules:
        run_rule(compiled, context)
        used.append(context.budget.limit - context.budget.left)
    assert max(used) * 5 < RULE_STEPS


# --- many rules, linear --------------------------------------------------------------------------

def _load_calls(folder: Path, count: int) -> int:
    """Python function calls made while loading `count` rules: a count, so the same every run."""
    rules = {f"NEU-5-many-{i}": rule_text(f"NEU-5-many-{i}", {"non_empty": {}},
                                          aliases=[f"NEU-5-old-{i}"]) for i in range(count)}
    path = profile(folder, rules)
    calls = 0

    def count_call(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count_call)
    try:
        loaded = load_ruleset(path)
    finally:
        sys.setprofile(None)
    assert len(loaded.rules) == count
    return calls


def test_loading_many_rules_is_linear(tmp_path: Path) -> None:
    # Calls, not seconds (bench/rule_loading.py times it): a loop over the rules inside a loop
    # over the rules, written in Python, makes 8× the rules cost 64× the calls.
    small = _load_calls(tmp_path / "small", 500)
    large = _load_calls(tmp_path / "large", 4000)
    assert large < 10 * small, f"500 rules: {small:,} calls; 4,000 rules: {large:,} calls"


# --- staying inside the folder ------------------------------------------------------------------

def test_extends_may_not_leave_the_profiles_folder(tmp_path: Path) -> None:
    other = profile(tmp_path / "other", {})
    for parent in ("../other/profile.yaml", str(other)):
        path = profile(tmp_path / "mine", {}, extends=parent)
        with pytest.raises(InvalidRules, match="inside the profile's folder") as caught:
            load_ruleset(path)
        assert str(path) in str(caught.value) and "extends" in str(caught.value)
    inner = profile(tmp_path / "mine" / "base", {})
    assert load_ruleset(profile(tmp_path / "mine", {}, extends="base/profile.yaml")).id == "user"
    assert inner.is_file()


@pytest.mark.parametrize("globs", ["rules/*.yaml", "**/*.yaml"])
def test_a_rule_glob_never_follows_a_link_out_of_the_folder(globs: str, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "NEU-5-outside.yaml").write_text(
        rule_text("NEU-5-outside", {"non_empty": {}}), encoding="utf-8")
    path = profile(tmp_path / "mine", {})
    (tmp_path / "mine" / "rules" / "NEU-5-outside.yaml").symlink_to(outside / "NEU-5-outside.yaml")
    (tmp_path / "mine" / "linked").symlink_to(outside, target_is_directory=True)
    path = profile(tmp_path / "mine", {}, globs=globs)
    with watched(tmp_path / "mine") as seen, pytest.raises(InvalidRules, match="outside"):
        load_ruleset(path)
    assert not [s for s in seen if s[0] == "open"]


def test_batch_never_follows_a_link_out_of_the_folder_nor_echoes_a_non_plan(
        tmp_path: Path) -> None:
    folder, out = tmp_path / "plans", tmp_path / "out"
    folder.mkdir()
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root-secret:/root:/bin/bash\n", encoding="utf-8")
    (folder / "passwd.yaml").symlink_to(secret)
    (folder / "config.yaml").write_text("password: hunter2-secret\ntoken: abc-secret\n",
                                        encoding="utf-8")
    (folder / "words.yaml").write_text("just-a-secret-line\n", encoding="utf-8")
    (folder / "vejle.yaml").write_bytes(VEJLE.read_bytes())
    with watched(folder, out, ROOT / "capf") as seen:
        rows = run_batch([str(folder)], out, load_ruleset("dk2020"), as_of=AS_OF, lang="da")
    assert not [s for s in seen if s[0] == "open" and "passwd" in s[1]]
    by_file = {Path(r.file).name: r for r in rows}
    assert by_file["vejle.yaml"].status and not by_file["vejle.yaml"].error
    assert "uden for mappen" in by_file["passwd.yaml"].error  # lang="da": the rows are Danish
    assert "ikke en capf-plan" in by_file["config.yaml"].error
    for written in out.iterdir():
        if written.suffix == ".xlsx":  # a zip: its sheets are compressed XML
            import zipfile

            with zipfile.ZipFile(written) as book:
                text = b"".join(book.read(name) for name in book.namelist())
        else:
            text = written.read_bytes()
        assert b"secret" not in text, written


def test_portfolio_never_follows_a_link_out_of_the_folder(tmp_path: Path) -> None:
    """The same folder boundary as batch: the link is an error row, the file is never opened."""
    from capf.portfolio.collection import build_portfolio, plan_paths
    from capf.read.folder import input_folders

    folder = tmp_path / "plans"
    folder.mkdir()
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root-secret:/root:/bin/bash\n", encoding="utf-8")
    (folder / "passwd.yaml").symlink_to(secret)
    (folder / "vejle.yaml").write_bytes(VEJLE.read_bytes())
    inputs = [str(folder)]
    with watched(folder, tmp_path / "out", ROOT / "capf") as seen:
        portfolio = build_portfolio(plan_paths(inputs), as_of=AS_OF, folders=input_folders(inputs))
    assert not [s for s in seen if s[0] == "open" and "passwd" in s[1]]
    assert [Path(e.file).name for e in portfolio.errors] == ["passwd.yaml"]
    assert "outside" in portfolio.errors[0].reason.en
    assert [m.name for m in portfolio.municipalities] == ["Vejle Kommune"]
