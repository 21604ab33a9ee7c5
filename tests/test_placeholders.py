"""No unfilled `{name}` survives in anything capf writes: every built-in profile × example plan ×
language × output, and every rule's own failing examples (their message and remedy)."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from capf import evaluate, load_plan, load_ruleset
from capf.engine.evaluator import run_rule
from capf.engine.ruleset import BUILTIN_PROFILES, CompiledRule
from capf.model.verdict import Verdict
from capf.read.plan import Plan
from capf.render.checklist import render_checklist
from capf.render.junit import junit_xml
from capf.render.report import render_report
from capf.render.sarif import sarif_log
from capf.render.terminal import verdict_text
from tests.test_rule_examples import all_rules, example_context

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "examples").glob("*.yaml"))
AS_OF = date(2026, 1, 1)
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")
OUTPUTS = ("text", "json", "report.md", "report.html", "checklist.md", "checklist.html",
           "checklist.csv", "sarif", "junit")


@cache
def judged(profile: str, name: str) -> tuple[Plan, Verdict]:
    plan = load_plan(ROOT / "examples" / name)
    return plan, evaluate(plan, load_ruleset(profile), as_of=AS_OF)


def rendered(profile: str, name: str, lang: str, output: str) -> str:
    plan, verdict = judged(profile, name)
    ruleset = load_ruleset(profile)
    kind, _, fmt = output.partition(".")
    if kind == "report":
        return render_report(verdict, fmt, lang, plan=plan, ruleset=ruleset)
    if kind == "checklist":
        return render_checklist(verdict, fmt, lang, ruleset=ruleset)
    return {"text": lambda: verdict_text(verdict, lang),
            "json": lambda: verdict.model_dump_json(indent=2),
            "sarif": lambda: json.dumps(sarif_log([verdict], ruleset, lang), ensure_ascii=False),
            "junit": lambda: junit_xml([verdict], lang)}[kind]()


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", [p.name for p in PLANS])
@pytest.mark.parametrize("profile", BUILTIN_PROFILES)
def test_no_placeholder_survives(profile: str, name: str, lang: str, output: str) -> None:
    text = rendered(profile, name, lang, output)
    left = sorted(set(PLACEHOLDER.findall(text)))
    assert left == [], f"{profile} {name} {lang} {output}: unfilled {left}"


def _fail_cases() -> list[object]:
    return [pytest.param(compiled, index, id=f"{compiled.rule.id}-fail{index}")
            for compiled in all_rules()
            for index in range(len(compiled.rule.examples.fail))]


@pytest.mark.parametrize(("compiled", "index"), _fail_cases())
def test_every_rules_gap_is_filled(compiled: CompiledRule, index: int) -> None:
    fragment = compiled.rule.examples.fail[index]
    result = run_rule(compiled, example_context(compiled, fragment))
    assert result.remedy is not None
    for text in (result.message, result.remedy, result.title):
        for lang in ("da", "en"):
            assert PLACEHOLDER.findall(text.get(lang)) == [], (lang, text.get(lang))
