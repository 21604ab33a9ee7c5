"""A user's profile file and the rule files it names are user input: each mistake is one line
in the output language (Danish first), naming the file, its line and the place (JSON Pointer),
exit 2, with the English under --lang en. One bad file per kind of mistake capf refuses.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from capf.cli.main import main
from tests.test_error_language import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
PLAN = str(ROOT / "examples" / "vejle.yaml")

RULE = """\
id: GOV-1-mine
criterion: GOV-1
element: governance
level: essential
title: {en: "A title {year}", da: "En titel {year}"}
rationale: {en: "Why", da: "Hvorfor"}
message: {en: "Msg", da: "Besked"}
remedy: {en: "Fix", da: "Ret"}
select: /municipality/name
check: {non_empty: {}}
params: {year: 2030}
source: {framework: "X", ref: "Y", confidence: verified}
examples:
  pass: [{municipality: {name: A}}]
  fail: [{municipality: {}}]
"""
HEAD = 'id: mine\nversion: "1"\ntitle: {en: Mine, da: Min}\n'
OWN = HEAD + 'rules: ["r/*.yaml"]\n'  # a profile of one rule file, r/GOV-1-mine.yaml
PARENT = HEAD + "extends: dk2020\n"
NEU1 = "params: {NEU-1-basic-plus-sectors: "


def _rule(old: str, new: str) -> str:
    assert old in RULE
    return RULE.replace(old, new)


# case: (profile text, rule text or None, where the line points: "file:line at /pointer")
CASES: dict[str, tuple[str, str | None, str]] = {
    "missing field": ('id: mine\nversion: "1"\nextends: dk2020\n', None, "p.yaml:1 at /"),
    "unknown key": (HEAD + "extend: dk2020\n", None, "p.yaml:4 at /extend"),
    "wrong type": (HEAD + "disable: NEU-1\n", None, "p.yaml:4 at /disable"),
    "bad pattern": ('id: Mine!\nversion: "1"\ntitle: {en: a, da: b}\n', None, "p.yaml:1 at /id"),
    "not one of": (HEAD + "judges: plans\n", None, "p.yaml:4 at /judges"),
    "too long": ('id: mine\nversion: "' + "1" * 50 + '"\ntitle: {en: a, da: b}\n', None,
                 "p.yaml:2 at /version"),
    "nested unknown key": ('id: mine\nversion: "1"\ntitle: {en: a, dk: b}\n', None,
                           "p.yaml:3 at /title/dk"),
    "disable an unknown rule": (PARENT + "disable: [GOV-9-nope]\n", None, "p.yaml:5 at /disable/0"),
    "params of an unknown rule": (PARENT + "params: {GOV-9-nope: {x: 1}}\n", None,
                                  "p.yaml:5 at /params/GOV-9-nope"),
    "unknown param": (PARENT + NEU1 + "{x: 1}}\n", None,
                      "p.yaml:5 at /params/NEU-1-basic-plus-sectors/x"),
    "param of the wrong type": (PARENT + NEU1 + "{basic_plus_sectors: 5}}\n", None,
                                "p.yaml:5 at /params/NEU-1-basic-plus-sectors/basic_plus_sectors"),
    "no parent file": (HEAD + "extends: other.yaml\n", None, "p.yaml:4 at /extends"),
    "parent outside": (HEAD + "extends: /etc/p.yaml\n", None, "p.yaml:4 at /extends"),
    "cycle": (HEAD + "extends: q.yaml\n", None, "q.yaml:4 at /extends"),
    "judges differs": (HEAD + "extends: monitoring\njudges: plan\n", None, "p.yaml:5 at /judges"),
    "glob outside": (HEAD + 'rules: ["../*.yaml"]\n', None, "p.yaml:4 at /rules/0"),
    "link outside": (OWN, None, "p.yaml:4 at /rules/0"),
    "not a mapping": ("- 1\n", None, "p.yaml:1 at /"),
    "empty": ("", None, "p.yaml"),
    "YAML syntax": (HEAD + "rules: [\n", None, "p.yaml:5"),
    "rule: unknown key": (OWN, RULE + "colour: red\n", "GOV-1-mine.yaml:16 at /colour"),
    "rule: missing field": (OWN, _rule('remedy: {en: "Fix", da: "Ret"}\n', ""),
                            "GOV-1-mine.yaml:1 at /"),
    "rule: not one of": (OWN, _rule("level: essential", "level: vital"),
                         "GOV-1-mine.yaml:4 at /level"),
    "rule: element of another criterion": (OWN, _rule("element: governance", "element: adaptation"),
                                           "GOV-1-mine.yaml:3 at /element"),
    "rule: id of another criterion": (OWN, _rule("id: GOV-1-mine", "id: GOV-2-mine"),
                                      "GOV-1-mine.yaml:1 at /id"),
    "rule: id differs from the file name": (OWN, _rule("id: GOV-1-mine", "id: GOV-1-yours"),
                                            "GOV-1-mine.yaml:1 at /id"),
    "rule: repeats a rule": (PARENT + 'rules: ["r/*.yaml"]\n',
                             _rule("criterion: GOV-1", "aliases: [GOV-1-signed-commitment]\n"
                                   "criterion: GOV-1"), "GOV-1-mine.yaml:2 at /aliases/0"),
    "rule: unknown criterion": (OWN, RULE.replace("GOV-1", "GOV-77"),
                                "GOV-77-mine.yaml:2 at /criterion"),
    "rule: unknown check": (OWN, _rule("non_empty", "nonempty"),
                            "GOV-1-mine.yaml:10 at /check/nonempty"),
    "rule: unknown option": (OWN, _rule("non_empty: {}", "compare: {op: eq, to: 1, colour: 2}"),
                             "GOV-1-mine.yaml:10 at /check/compare/colour"),
    "rule: option not one of": (OWN, _rule("non_empty: {}", "compare: {op: similar, to: 1}"),
                                "GOV-1-mine.yaml:10 at /check/compare/op"),
    "rule: option of the wrong type": (OWN, _rule("non_empty: {}", "count: {at_least: many}"),
                                       "GOV-1-mine.yaml:10 at /check/count/at_least"),
    "rule: unknown key in a clause": (OWN, _rule("check: {non_empty: {}}",
                                                 "check: {all: [{chek: 1}]}"),
                                      "GOV-1-mine.yaml:10 at /check/all/0/chek"),
    "rule: clause not a mapping": (OWN, _rule("check: {non_empty: {}}", "check: {all: [1]}"),
                                   "GOV-1-mine.yaml:10 at /check/all/0"),
    "rule: empty list of clauses": (OWN, _rule("check: {non_empty: {}}", "check: {any: []}"),
                                    "GOV-1-mine.yaml:10 at /check/any"),
    "rule: two checks": (OWN, _rule("non_empty: {}", "non_empty: {}, present: {}"),
                         "GOV-1-mine.yaml:10 at /check"),
    "rule: check without select": (OWN, _rule("select: /municipality/name\n", ""),
                                   "GOV-1-mine.yaml:9 at /check"),
    "rule: bad selector": (OWN, _rule("select: /municipality/name", "select: /a//b"),
                           "GOV-1-mine.yaml:9 at /select"),
    "rule: bad escape in selector": (OWN, _rule("select: /municipality/name", "select: /a~2"),
                                     "GOV-1-mine.yaml:9 at /select"),
    "rule: bad outcome": (OWN, RULE + "missing: maybe\n", "GOV-1-mine.yaml:16 at /missing"),
    "rule: bad outcome in a clause": (OWN, _rule("check: {non_empty: {}}",
                                                 "check: {all: [{check: {present: {}}, "
                                                 "missing: maybe}]}"),
                                      "GOV-1-mine.yaml:10 at /check/all/0/missing"),
    "rule: unknown placeholder": (OWN, _rule("Msg", "Msg {nope}"),
                                  "GOV-1-mine.yaml:7 at /message/en"),
    "rule: unpaired brace": (OWN, _rule("Msg", "Msg {oops"), "GOV-1-mine.yaml:7 at /message/en"),
    "rule: unknown param in a check": (OWN, _rule("check: {non_empty: {}}",
                                                  'check: {compare: {op: eq, to: "{nope}"}}'),
                                       "GOV-1-mine.yaml:10 at /check/compare/to"),
    "rule: for_each without require": (OWN, _rule("check: {non_empty: {}}", "check: {for_each: "
                                                  "{where: {check: {non_empty: {}}}}}"),
                                       "GOV-1-mine.yaml:10 at /check/for_each"),
    "rule: unknown key in for_each": (OWN, _rule("check: {non_empty: {}}", "check: {for_each: "
                                                 "{require: {check: {non_empty: {}}}, each: 1}}"),
                                      "GOV-1-mine.yaml:10 at /check/for_each/each"),
    "rule: YAML syntax": (OWN, RULE + "x: [\n", "GOV-1-mine.yaml:17"),
}


def _write(tmp: Path, case: str) -> Path:
    profile, rule, _ = CASES[case]
    (tmp / "p.yaml").write_text(profile, encoding="utf-8")
    if rule is not None:
        (tmp / "r").mkdir()
        name = re.match(r"id: (\S+)", rule)
        assert name is not None
        file = "GOV-77-mine" if "GOV-77" in rule else "GOV-1-mine"
        (tmp / "r" / f"{file}.yaml").write_text(rule, encoding="utf-8")
    if case == "cycle":
        (tmp / "q.yaml").write_text('id: q\nversion: "1"\ntitle: {en: Q, da: Q}\nextends: p.yaml\n',
                                    encoding="utf-8")
    if case == "link outside":
        (tmp / "r").mkdir()
        outside = tmp.parent / f"{tmp.name}-outside.yaml"
        outside.write_text(RULE, encoding="utf-8")
        os.symlink(outside, tmp / "r" / "GOV-1-mine.yaml")
    return tmp / "p.yaml"


def _line(capsys: pytest.CaptureFixture[str], profile: Path, lang: str) -> str:
    code = main(["check", PLAN, "--profile", str(profile), "--lang", lang])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert code == 2 and out == "" and len(lines) == 1, (code, err)
    return lines[0]


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_profile_or_rule_file_is_one_danish_line_naming_file_line_and_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    profile = _write(tmp_path, case)
    place = CASES[case][2]
    danish = _line(capsys, profile, "da")
    assert danish.startswith("capf: fejl: "), danish
    assert place.replace(" at ", " ved ") in danish, (place, danish)
    own = danish.replace(str(tmp_path), "").replace(str(ROOT), "")
    own = re.sub(r"'[^']*'|`[^`]*`|\"[^\"]*\"|/[\w/.~-]*|\b[A-Z]{3}-\d+[\w-]*", "", own)
    assert not ENGLISH.search(own), (case, danish)
    english = _line(capsys, profile, "en")
    assert english.startswith("capf: error: ") and place in english, (place, english)
    assert english != danish.replace("capf: fejl: ", "capf: error: ")


def test_a_close_name_is_suggested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    danish = _line(capsys, _write(tmp_path, "unknown key"), "da")
    assert "'extend'" in danish and "mente du 'extends'?" in danish, danish
    (tmp_path / "p.yaml").unlink()
    check = tmp_path / "check"
    check.mkdir()
    danish = _line(capsys, _write(check, "rule: unknown check"), "da")
    assert "mente du 'non_empty'?" in danish, danish


def test_the_language_comes_from_capf_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    profile = _write(tmp_path, "missing field")
    monkeypatch.setenv("CAPF_LANG", "en")
    assert main(["check", PLAN, "--profile", str(profile)]) == 2
    assert capsys.readouterr().err.startswith("capf: error: ")
    monkeypatch.delenv("CAPF_LANG")
    assert main(["rules", "--profile", str(profile)]) == 2
    assert "'title'" in capsys.readouterr().err


@pytest.mark.parametrize(("check", "place", "danish"), [
    ('{pattern: {regex: "(a)\\\\1"}}', "/check/pattern/regex", "ugyldigt regulært udtryk for RE2"),
    ('{schema: {schema: {$ref: "#/x"}}}', "/check/schema/schema",
     "$ref er ikke tilladt i et skemafragment (ved /): en regel må ikke henvise til andre skemaer"),
    ('{schema: {schema: {properties: {a: {pattern: "(?=a)"}}}}}', "/check/schema/schema",
     "ugyldigt regulært udtryk for RE2"),
], ids=["regex", "reference", "fragment regex"])
def test_a_regex_or_fragment_problem_leads_in_danish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], check: str, place: str,
        danish: str) -> None:
    """RE2's and jsonschema's own detail stays as they say it; capf's words around it do not."""
    CASES["custom"] = (OWN, _rule("{non_empty: {}}", check), "")
    try:
        profile = _write(tmp_path, "custom")
    finally:
        del CASES["custom"]
    line = _line(capsys, profile, "da")
    assert f"GOV-1-mine.yaml:10 ved {place}: {danish}" in line, line
