"""One output language for every command, and no schema code standing in its prose.

The leak test renders each rule's fail examples, and each example plan, in every format and both
languages, removes what is code on purpose (JSON Pointers, rule ids, field paths, code spans) and
looks for a schema enum value as a word of its own. Danish output may hold no code at all
(except the few that are Danish words or names); English output none of the codes that are no
English word (`very_high`, `ippu`, `byraad`).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_rule_examples import FOLLOW_UP_PROFILES, all_rules

import capf
from capf.cli import main
from capf.engine.diff import diff
from capf.engine.evaluator import evaluate
from capf.engine.ruleset import load_ruleset
from capf.model.verdict import Verdict
from capf.read.plan import load_plan
from capf.render.checklist import render_checklist
from capf.render.junit import junit_xml
from capf.render.report import render_report
from capf.render.sarif import sarif_log
from capf.render.terminal import verdict_text
from capf.text.values import KEPT, KINDS, value_label

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 1, 1)
VERDICT_CODES = {"pass", "fail", "not_applicable", "needs_review", "waived", "error", "met",
                 "met_with_observations", "partially_met", "not_met", "not_assessed", "compliant",
                 "compliant_with_observations", "non_compliant", "essential", "recommended"}


def schema_enums() -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.update(v for v in node.get("enum", []) if isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")))
    return found


ENUMS = schema_enums()
# Codes that are also ordinary Danish words (or read the same in Danish), and so may stand in
# Danish prose: "ingen total", "nationale", "vedtaget af en kommunalbestyrelse".
DANISH_WORDS = {"total", "national", "regional", "kommunalbestyrelse", "udvalg", "fossil"} | {
    code for kind in KINDS.values() for code, (_, da) in kind.items() if da.lower() == code}
FORBIDDEN = {
    "da": (ENUMS | VERDICT_CODES) - KEPT - DANISH_WORDS,
    "en": {c for c in ENUMS | VERDICT_CODES if "_" in c}
    | {"ippu", "byraad", "borgerrepraesentation", "kommunalbestyrelse", "udvalg", "ngo"},
}
_CODE_SPAN = re.compile(r"`[^`]*`")
_POINTER = re.compile(r"(?<![\w.])/[^\s:,;()\]}]*")
_RULE_ID = re.compile(r"\b[A-Z]{3}-[0-9]+[A-Za-z0-9-]*")
_FIELD_PATH = re.compile(r"\b\w+(?:\.\w+)+")
_KEY_VALUE = re.compile(r"\b\w+=")
_WORD = re.compile(r"\w+")


# Source citations name sections of the (English) framework documents, quoted as they are.
CITATIONS = sorted({f"{c.rule.source.framework} {c.rule.source.ref}" for c in all_rules()}
                   | {c.rule.source.ref for c in all_rules()}, key=len, reverse=True)


def prose(text: str) -> str:
    """The text a reader reads as words: code on purpose and citations taken out."""
    for citation in CITATIONS:
        text = text.replace(citation, " ")
    for pattern in (_CODE_SPAN, _POINTER, _RULE_ID, _FIELD_PATH, _KEY_VALUE):
        text = pattern.sub(" ", text)
    return text


def html_prose(page: str) -> str:
    page = re.sub(r"<(style|code|title)\b.*?</\1>", " ", page, flags=re.S)
    return prose(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def leaks(text: str, lang: str) -> list[str]:
    return sorted({w for w in _WORD.findall(text) if w in FORBIDDEN[lang]})


def outputs(verdict: Verdict, full: Verdict, plan: capf.Plan, lang: str) -> Iterator[tuple[str, str]]:
    """(format, prose) of every output of `verdict`; checklists need the whole verdict `full`."""
    ruleset = load_ruleset(verdict.ruleset.id)
    yield "text", prose(verdict_text(verdict, lang))
    yield "report.md", prose(render_report(verdict, "md", lang, plan, ruleset=ruleset))
    yield "report.html", html_prose(render_report(verdict, "html", lang, plan, ruleset=ruleset))
    yield "checklist.md", prose(render_checklist(full, "md", lang))
    yield "checklist.html", html_prose(render_checklist(full, "html", lang))
    cells = csv.reader(io.StringIO(render_checklist(full, "csv", lang).lstrip("\ufeff")))
    yield "checklist.csv", prose(" ".join(c for row in cells for c in row))
    log = sarif_log([verdict], ruleset, lang)["runs"][0]
    yield "sarif", prose(" ".join(
        [r["message"]["text"] for r in log["results"]]
        + [d[k]["text"] for d in log["tool"]["driver"]["rules"]
           for k in ("shortDescription", "fullDescription", "help")]))
    junit = junit_xml([verdict], lang)
    yield "junit", prose(html.unescape(" ".join(re.findall(r'message="([^"]*)"', junit)
                                                 + re.findall(r">([^<]+)<", junit))))


def _fail_examples() -> list[Any]:
    """Plan profiles' fail examples (a follow-up profile's examples are plan + status reports,
    judged into a follow-up verdict; its rule texts are checked below)."""
    return [pytest.param(c, i, id=f"{c.profile}:{c.rule.id}-{i}")
            for c in all_rules() if c.profile not in FOLLOW_UP_PROFILES
            for i in range(len(c.rule.examples.fail))]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_schema_code_in_the_texts_of_follow_up_rules(lang: str) -> None:
    found = {c.rule.id: words for c in all_rules() if c.profile in FOLLOW_UP_PROFILES
             for text in (c.rule.title, c.rule.message, c.rule.remedy)
             if (words := leaks(prose(text.get(lang)), lang))}
    assert not found, found


# English a diff's text once named its changes by ("action K1: …", "detail: In 2030 …").
DIFF_ENGLISH = re.compile(r"^  (action|target|\S+: (detail|reason|compared with|mismatches))\b",
                          re.M)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("compiled", "index"), _fail_examples())
def test_no_schema_code_in_any_output_of_a_fail_example(compiled: Any, index: int,
                                                       lang: str) -> None:
    plan = load_plan(compiled.rule.examples.fail[index], source=f"{compiled.rule.id} example")
    ruleset = load_ruleset(compiled.profile)
    full = evaluate(plan, ruleset, as_of=AS_OF)
    own = full.model_copy(update={"results": [r for r in full.results
                                              if r.rule == compiled.rule.id]})
    found = {fmt: words for fmt, text in outputs(own, full, plan, lang)
             if (words := leaks(text, lang))}
    assert not found, found
    passing = load_plan(compiled.rule.examples.pass_[0], source="passing example")
    moved = diff(evaluate(passing, ruleset, as_of=AS_OF), full, passing, plan).text(lang)
    assert not leaks(prose(moved), lang), moved
    if lang == "da":
        assert not DIFF_ENGLISH.search(moved), moved
        assert not re.search(r"\b(19|20)\d\.\d{3}\b", moved), moved  # a year grouped as 2.030


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("profile", ["dk2020", "klimaalliancen-2024"])
@pytest.mark.parametrize("name", ["fjordby-draft", "middelfart", "odder", "vejle"])
def test_no_schema_code_in_any_output_of_an_example_plan(name: str, profile: str,
                                                        lang: str) -> None:
    plan = load_plan(ROOT / "examples" / f"{name}.yaml")
    verdict = evaluate(plan, load_ruleset(profile), as_of=AS_OF)
    found = {fmt: words for fmt, text in outputs(verdict, verdict, plan, lang)
             if (words := leaks(text, lang))}
    assert not found, found


def test_the_leak_finder_finds_a_leak() -> None:
    assert leaks(prose("Mangler for cloudburst og `cloudburst` i /risk/cloudburst"), "da") == \
        ["cloudburst"]
    assert leaks(prose("missing: very_high (GOV-1-very_high)"), "en") == ["very_high"]
    assert leaks(html_prose("<p>Skybrud <code>cloudburst</code></p>"), "da") == []
    assert DIFF_ENGLISH.search("Ændringer i planen:\n  action K1: — → titel: Cykelstier")
    assert DIFF_ENGLISH.search("  NEU-8-manko-consistent: detail: In 2030 the declared manko")


def test_every_schema_code_has_a_label_in_both_languages() -> None:
    for code in ENUMS - KEPT:
        assert value_label(code, "da") != code or code in DANISH_WORDS, code
        assert value_label(code, "en"), code
    assert {c for kind in KINDS.values() for c in kind} - {"other", "industry"} <= ENUMS


# --- one default language ----------------------------------------------------------------------

VEJLE = str(ROOT / "examples" / "vejle.yaml")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [["check", VEJLE], ["diff", VEJLE, VEJLE],
                                     ["validate", VEJLE]])
def test_danish_is_the_default_and_capf_lang_or_lang_override_it(
        command: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAPF_LANG", raising=False)
    dated = [*command, "--as-of", "2026-01-01"] if command[0] != "validate" else command
    danish = _run(capsys, *dated)[1]
    english = _run(capsys, *dated, "--lang", "en")[1]
    assert danish != english
    monkeypatch.setenv("CAPF_LANG", "en")
    assert _run(capsys, *dated)[1] == english
    assert _run(capsys, *dated, "--lang", "da")[1] == danish
    monkeypatch.setenv("CAPF_LANG", "fr")
    code, _, err = _run(capsys, *dated)
    assert code == 2 and "CAPF_LANG" in err


def test_danish_text_output_has_no_english_outcome_marks(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAPF_LANG", raising=False)
    draft = str(ROOT / "examples" / "fjordby-draft.yaml")
    out = _run(capsys, "check", draft, "--as-of", "2026-01-01")[1]
    assert "MANGEL" in out
    assert not re.search(r"\b(FAIL|REVIEW|WAIVED|ERROR)\b", out), out
    english = _run(capsys, "check", draft, "--as-of", "2026-01-01", "--lang", "en")[1]
    assert re.search(r"\bFAIL\b", english)


# --- Danish words beside the codes ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["fjordby-draft", "vejle"])
def test_a_danish_report_cites_its_sources_in_danish(name: str) -> None:
    plan = load_plan(ROOT / "examples" / f"{name}.yaml")
    ruleset = load_ruleset("klimaalliancen-2024")
    report = render_report(evaluate(plan, ruleset, as_of=AS_OF), "md", "da", plan, ruleset=ruleset)
    cited = [c.rule.source for c in ruleset.rules if c.rule.source.ref_da]
    assert cited
    assert not [s.ref for s in cited if f"{s.framework} {s.ref}" in report]
    assert any(s.cited("da") in report for s in cited)
    assert "revision guide" not in report


def test_no_danish_rule_text_says_paa_sporet() -> None:
    texts = [t.get("da") for c in all_rules() for t in (c.rule.title, c.rule.message, c.rule.remedy,
                                                        c.rule.rationale)]
    profiles = [(ROOT / "rules" / p / "profile.yaml").read_text(encoding="utf-8")
                for p in ("c40-capf-2020", "dk2020", "klimaalliancen-2024", "monitoring")]
    assert not [t for t in [*texts, *profiles] if "på sporet" in t]


def test_the_portfolio_command_reports_in_danish(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.delenv("CAPF_LANG", raising=False)
    out = _run(capsys, "portfolio", str(ROOT / "examples" / "odder.yaml"), "-o", str(tmp_path),
               "--as-of", "2026-01-01")[1]
    assert out.startswith("skrev portfolio.json") and "plan(er) lagt sammen" in out, out


_PLACE = re.compile(r"(?<![\w.])/[a-z_0-9]+")  # a pointer with at least one step ("og/eller" is none)


def _pointers_in_messages(verdict: Verdict) -> list[tuple[str, str]]:
    return [(r.rule, text) for r in verdict.results
            for text in (r.message.da, r.message.en, *((r.remedy.da, r.remedy.en) if r.remedy else ()))
            if _PLACE.search(_CODE_SPAN.sub(" ", text))]


@pytest.mark.parametrize("profile", ["dk2020", "klimaalliancen-2024"])
def test_no_message_names_a_place_by_its_pointer(profile: str) -> None:
    """An item without an id is named by what it is about, a series by its name ("Barrierer,
    der mangler en af delene: Økonomisk", "intet tal for 2055 i reduktionsstien"): the pointer
    belongs in the evidence, not in a sentence sent to a municipality."""
    ruleset = load_ruleset(profile)
    plans = [load_plan(ROOT / "examples" / f"{name}.yaml")
             for name in ("fjordby-draft", "middelfart", "odder", "vejle")]
    plans += [load_plan(c.rule.examples.fail[i], source=c.rule.id)
              for c in all_rules() if c.profile == profile for i in range(len(c.rule.examples.fail))]
    found = [hit for plan in plans for hit in _pointers_in_messages(
        evaluate(plan, ruleset, as_of=AS_OF))]
    assert not found, found[:5]
