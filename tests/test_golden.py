"""Golden verdicts of the example plans, and the generated files kept current.

Regenerate after an intended change with `CAPF_REGEN=1 python -m pytest tests/test_golden.py`,
then read the diff of examples/expected/ before committing it.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from capf import evaluate, load_plan, load_ruleset
from capf.docs.model_schemas import MODELS, text_of
from capf.docs.plan_format import plan_format_markdown
from capf.docs.rule_reference import rules_markdown

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "examples" / "expected"
REGEN = os.environ.get("CAPF_REGEN") == "1"
AS_OF = date(2026, 1, 1)
COMPLETE = ("vejle", "middelfart", "odder")


def _check(path: Path, text: str) -> None:
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.relative_to(ROOT)} is stale: regenerate with CAPF_REGEN=1 and review the diff")


CASES = [(name, profile) for name in (*COMPLETE, "fjordby-draft")
         for profile in ("dk2020", "klimaalliancen-2024")]


@pytest.mark.parametrize(("name", "profile"), CASES)
def test_golden_verdict(name: str, profile: str) -> None:
    plan = load_plan(ROOT / "examples" / f"{name}.yaml", source=f"examples/{name}.yaml")
    verdict = evaluate(plan, load_ruleset(profile), as_of=AS_OF)
    _check(EXPECTED / f"{name}.{profile}.json", verdict.model_dump_json(indent=2) + "\n")


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_examples_meet_every_essential_rule_of_dk2020(name: str) -> None:
    verdict = evaluate(load_plan(ROOT / "examples" / f"{name}.yaml"), as_of=AS_OF)
    assert verdict.status in ("compliant", "compliant_with_observations")
    assert not [r.rule for r in verdict.results
                if r.level == "essential" and r.outcome not in ("pass", "not_applicable")]


def test_the_early_draft_has_the_gaps_a_reviewer_would_name() -> None:
    verdict = evaluate(load_plan(ROOT / "examples" / "fjordby-draft.yaml"), as_of=AS_OF)
    assert verdict.status == "non_compliant"
    failed = {r.rule for r in verdict.results if r.outcome == "fail"}
    expected = {"NEU-5-net-zero-year", "NEU-3-bau-milestones", "NEU-7-actions-quantified",
                "NEU-8-manko-consistent", "GOV-7-short-term-detail",
                "ADA-2-hazard-list-covered", "ADA-3-goals-per-horizon",
                "INC-1-engagement-both-phases"}
    assert expected <= failed, expected - failed
    # it says `stage: draft`: judged on its content, not on the adoption it has not had yet
    assert {r.rule: r.outcome for r in verdict.results if r.criterion == "GOV-2"} == {
        "GOV-2-council-adoption": "not_applicable", "GOV-2-approval-dated": "not_applicable"}


def test_verdict_json_is_the_golden_file_byte_for_byte_on_a_second_run() -> None:
    plan = load_plan(ROOT / "examples" / "odder.yaml", source="examples/odder.yaml")
    first = evaluate(plan, as_of=AS_OF).model_dump_json(indent=2)
    second = evaluate(plan, as_of=AS_OF).model_dump_json(indent=2)
    assert first == second
    assert json.loads(first)["as_of"] == "2026-01-01"


def test_docs_rules_md_is_current() -> None:  # docs/ is English; the Danish edition beside it
    _check(ROOT / "docs" / "rules.md", rules_markdown(lang="en"))


def test_docs_rules_da_md_is_current() -> None:
    _check(ROOT / "docs" / "rules.da.md", rules_markdown(lang="da"))


def test_docs_plan_format_md_is_current() -> None:
    _check(ROOT / "docs" / "plan-format.md", plan_format_markdown())


@pytest.mark.parametrize("name", sorted(MODELS))
def test_published_model_schemas_are_current(name: str) -> None:
    _check(ROOT / "schemas" / f"{name}.schema.json", text_of(name))
