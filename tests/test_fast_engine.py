"""The evaluator against the reference interpreter (tests/reference_engine.py): same findings.

Issue 16 made evaluation fast (clauses on absolute places judged once per plan, not once per
item); results must stay what they were: outcome, values and evidence of every rule of every
built-in profile, on generated plans passing and failing, and on the benchmark's plans.

Steps are compared as fast ≤ reference, not equal: the fast engine charges the work it does (a
clause judged once per plan costs one step at each reuse, docs/security.md), the reference
charges every clause as written. The reference runs without a budget, so a rule the fast engine
judges is compared with what the reference judges however many steps that takes.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import strategies as s
from hypothesis import given, settings
from reference_engine import rule_finding

from capf.engine.checks.spec import RULE_STEPS, Budget, Context, Finding, OverBudget
from capf.engine.ruleset import BUILTIN_PROFILES, CompiledRule, load_ruleset
from capf.read.plan import load_plan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from mutants import mutant

AS_OF = date(2026, 1, 1)


def fast_finding(compiled: CompiledRule, ctx: Context) -> Finding:
    ctx.budget.left = ctx.budget.limit
    try:
        if compiled.when is not None and compiled.when.run(ctx).outcome != "pass":
            return Finding("not_applicable")
        return compiled.clause.run(ctx)
    except OverBudget:
        return Finding("error", {"error": "over budget"})


def same_findings(data: dict[str, Any], as_of: date) -> None:
    root = load_plan(data).data
    for profile in BUILTIN_PROFILES:
        fast, slow = Context(root, as_of), Context(root, as_of, Budget(UNLIMITED))
        for compiled in load_ruleset(profile).rules:
            expected, got = rule_finding(compiled, slow), fast_finding(compiled, fast)
            fast_steps, slow_steps = used(fast), used(slow)
            assert fast_steps <= slow_steps, f"{compiled.rule.id}: more steps than the reference"
            if got.outcome == "error" and got.values.get("error") == "over budget":
                assert slow_steps > RULE_STEPS, compiled.rule.id
                continue
            assert (got.outcome, dict(got.values), got.evidence) == (
                expected.outcome, dict(expected.values), expected.evidence), compiled.rule.id


UNLIMITED = 10**12  # the reference is the meaning of a rule, not a guard against it


def used(ctx: Context) -> int:
    return ctx.budget.limit - ctx.budget.left


@settings(max_examples=min(settings.default.max_examples, 200))
@given(data=s.plans, as_of=s.as_of)
def test_generated_plans_judge_as_the_reference_does(data: dict[str, Any], as_of: date) -> None:
    same_findings(data, as_of)


@pytest.mark.parametrize("size", [0, 1, 10, 60])
def test_benchmark_plans_judge_as_the_reference_does(size: int) -> None:
    for seed in range(12):  # a quarter unflawed, the rest with 1-3 flaws (bench/mutants.py)
        same_findings(mutant(size, seed), AS_OF)


def test_a_rule_the_reference_would_refuse_the_fast_engine_judges_alike() -> None:
    # INC-2 reads every action's priority for each action as written: 1,200² steps for the
    # reference, over the budget; the fast engine reads it once and finds the same.
    data = mutant(1200, 1)
    compiled = next(c for c in load_ruleset("dk2020").rules
                    if c.rule.id == "INC-2-priority-action-co-benefits")
    root = load_plan(data).data
    fast, slow = Context(root, AS_OF), Context(root, AS_OF, Budget(UNLIMITED))
    expected, got = rule_finding(compiled, slow), fast_finding(compiled, fast)
    assert used(slow) > RULE_STEPS > 50 * used(fast)
    assert got.outcome != "error"
    assert (got.outcome, dict(got.values), got.evidence) == (
        expected.outcome, dict(expected.values), expected.evidence)
