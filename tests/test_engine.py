"""The rule engine: load-time refusal of bad rules, profiles, one result per rule, waivers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from capf import evaluate, load_plan, load_ruleset, load_waivers
from capf.cli import main
from capf.engine.checks.spec import Finding
from capf.engine.ruleset import BUILTIN_PROFILES
from capf.model.errors import InvalidRules, InvalidWaivers
from capf.read.schema import problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AS_OF = date(2026, 1, 1)

GOOD_RULE = """\
id: NEU-5-local-{slug}
criterion: NEU-5
element: neutrality
level: essential
title: {{en: "Net zero by {{max_year}}", da: "Netto-nul senest {{max_year}}"}}
rationale: {{en: "A local ambition.", da: "En lokal ambition."}}
message: {{en: "Net zero is {{value}}.", da: "Netto-nul er {{value}}."}}
remedy: {{en: "Set it earlier.", da: "Sæt det tidligere."}}
select: /targets/net_zero_year
check: {check}
params: {{max_year: 2040}}
source: {{framework: "Local", ref: "1", confidence: verified}}
examples:
  pass: [{{targets: {{net_zero_year: 2040}}}}]
  fail: [{{targets: {{net_zero_year: 2045}}}}]
"""


def user_profile(tmp_path: Path, check: str = '{at_most: {value: "{max_year}"}}',
                 extra: str = "", slug: str = "ambition") -> Path:
    (tmp_path / "local").mkdir(exist_ok=True)
    (tmp_path / "local" / f"NEU-5-local-{slug}.yaml").write_text(
        GOOD_RULE.format(slug=slug, check=check))
    profile = tmp_path / "profile.yaml"
    profile.write_text("id: local\nversion: '1'\ntitle: {en: Local, da: Lokal}\n"
                       f"extends: dk2020\nrules: ['local/*.yaml']\n{extra}")
    return profile


def test_a_user_profile_extends_dk2020_and_adds_a_rule(tmp_path: Path) -> None:
    ruleset = load_ruleset(user_profile(tmp_path))
    assert ruleset.chain == ("c40-capf-2020", "dk2020", "local")
    assert ruleset.rule("NEU-5-local-ambition") is not None
    assert len(ruleset.rules) == len(load_ruleset("dk2020").rules) + 1


BAD_RULES = [
    ("unknown check", '{at_moost: {value: 1}}', "at /check/at_moost: unknown check 'at_moost'"),
    ("unknown option", '{at_most: {valeu: 1}}', "at /check/at_most/valeu: unknown key 'valeu'"),
    ("unknown param placeholder", '{at_most: {value: "{maxyear}"}}',
     "at /check/at_most/value: unknown placeholder {maxyear}"),
    ("bad regex", '{pattern: {regex: "("}}', "at /check/pattern/regex: invalid regular"),
    ("nested unknown check", '{all: [{check: {magic: {}}}]}', "at /check/all/0/check/magic"),
]


@pytest.mark.parametrize(("check", "expected"), [pytest.param(c, e, id=i) for i, c, e in BAD_RULES])
def test_bad_rules_are_refused_at_load_naming_file_and_field(
        tmp_path: Path, check: str, expected: str) -> None:
    with pytest.raises(InvalidRules) as caught:
        load_ruleset(user_profile(tmp_path, check=check))
    message = str(caught.value)
    assert "NEU-5-local-ambition.yaml" in message and expected in message


def test_the_cli_refuses_an_unknown_check_with_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = user_profile(tmp_path, check="{at_moost: {value: 1}}")
    assert main(["check", str(EXAMPLES[0]), "--profile", str(profile)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "NEU-5-local-ambition.yaml:10 ved /check/at_moost: " in err


@pytest.mark.parametrize(("extra", "expected"), [
    ("disable: [NO-SUCH-rule]\n", "at /disable/0: no rule 'NO-SUCH-rule'"),
    ("params: {NEU-5-net-zero-year: {max_yaer: 2040}}\n",
     "rule 'NEU-5-net-zero-year' has no param 'max_yaer'"),
    ("params: {NEU-5-net-zero-year: {max_year: 2040}}\nbogus: 1\n", "bogus"),
])
def test_bad_profiles_are_refused(tmp_path: Path, extra: str, expected: str) -> None:
    with pytest.raises(InvalidRules, match=expected):
        load_ruleset(user_profile(tmp_path, extra=extra))


def test_unknown_message_placeholder_is_refused(tmp_path: Path) -> None:
    profile = user_profile(tmp_path)
    rule = tmp_path / "local" / "NEU-5-local-ambition.yaml"
    rule.write_text(rule.read_text().replace("Net zero is {value}.", "Net zero is {valu}."))
    with pytest.raises(InvalidRules, match=r"at /message/en: unknown placeholder \{valu\}"):
        load_ruleset(profile)


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("id: a\nversion: '1'\ntitle: {en: A, da: A}\nextends: b.yaml\n")
    b.write_text("id: b\nversion: '1'\ntitle: {en: B, da: B}\nextends: a.yaml\n")
    with pytest.raises(InvalidRules, match="cycle"):
        load_ruleset(a)


def test_params_override_and_disable_change_the_verdict(tmp_path: Path) -> None:
    plan = load_plan(ROOT / "examples" / "vejle.yaml")
    stricter = load_ruleset(user_profile(
        tmp_path, extra="params: {NEU-5-net-zero-year: {max_year: 2040}}\n"))
    result = evaluate(plan, stricter, as_of=AS_OF).result("NEU-5-net-zero-year")
    assert result is not None and result.outcome == "fail"
    assert "2040" in result.message.en
    without = load_ruleset(user_profile(tmp_path, extra="disable: [NEU-5-net-zero-year]\n"))
    assert evaluate(plan, without, as_of=AS_OF).result("NEU-5-net-zero-year") is None


@pytest.mark.parametrize("profile", BUILTIN_PROFILES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_one_result_per_rule_valid_and_reproducible(profile: str, path: Path) -> None:
    ruleset = load_ruleset(profile)
    plan = load_plan(path)
    verdict = evaluate(plan, ruleset, as_of=AS_OF)
    assert [r.rule for r in verdict.results] == [c.rule.id for c in ruleset.rules]
    assert not [r.rule for r in verdict.results if r.outcome == "error"]
    text = verdict.model_dump_json()
    assert problems("verdict", json.loads(text)) == []
    assert evaluate(load_plan(path), ruleset, as_of=AS_OF).model_dump_json() == text


def test_a_crashing_check_becomes_an_error_result_and_the_run_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = load_ruleset("dk2020")
    compiled = ruleset.rule("NEU-5-net-zero-year")
    assert compiled is not None

    def boom(*args: object) -> Finding:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(type(compiled.clause), "judge", boom)
    verdict = evaluate(load_plan(EXAMPLES[0]), ruleset, as_of=AS_OF)
    broken = [r for r in verdict.results if r.outcome == "error"]
    assert broken and all("boom" in r.message.en for r in broken)
    assert len(verdict.results) == len(ruleset.rules)
    assert verdict.status == "non_compliant"  # fail-closed


WAIVER = "waivers:\n  - rule: NEU-5-net-zero-year\n    reason: Council decides in 2026\n" \
         "    approved_by: DGO advisor\n    expires: '{expires}'\n"


def test_waivers_cover_fails_until_they_expire(tmp_path: Path) -> None:
    draft = load_plan(ROOT / "examples" / "fjordby-draft.yaml")
    path = tmp_path / "w.yaml"
    path.write_text(WAIVER.format(expires="2026-06-30") +
                    "  - rule: GOV-11-population\n    reason: typo check\n    expires: '2027-01-01'\n")
    waivers = load_waivers(path)
    valid = evaluate(draft, as_of=AS_OF, waivers=waivers)
    result = valid.result("NEU-5-net-zero-year")
    assert result is not None and result.outcome == "waived" and result.waiver is not None
    assert valid.waivers is not None and valid.waivers.applied == ["NEU-5-net-zero-year"]
    assert "GOV-11-population" in valid.waivers.unmatched
    lapsed = evaluate(draft, as_of=date(2026, 7, 1), waivers=waivers)
    result = lapsed.result("NEU-5-net-zero-year")
    assert result is not None and result.outcome == "fail" and result.note is not None
    assert lapsed.waivers is not None and lapsed.waivers.expired == ["NEU-5-net-zero-year"]
    on_the_day = evaluate(draft, as_of=date(2026, 6, 30), waivers=waivers)
    assert on_the_day.result("NEU-5-net-zero-year").outcome == "waived"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expected"), [
    ("waivers:\n  - rule: X\n    expires: '2027-01-01'\n", "reason: Field required"),
    ("waivers:\n  - rule: X\n    reason: because\n", "expires: Field required"),
    ("waivers:\n  - rule: X\n    reason: '   '\n    expires: '2027-01-01'\n", "needs a reason"),
    ("waivers:\n  - rule: X\n    reason: because\n    expires: soon\n", "expires"),
    ("waivers:\n  - rule: X\n    reason: because\n    expires: '2027-01-01'\n    by: me\n", "by"),
    ("- just a list\n", "waivers"),
])
def test_malformed_waiver_files_are_refused(tmp_path: Path, text: str, expected: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(text)
    with pytest.raises(InvalidWaivers, match=expected):
        load_waivers(path)
    assert main(["check", str(EXAMPLES[0]), "--waivers", str(path)]) == 2
    assert "w.yaml" in capsys.readouterr().err
