"""Every rule's own examples are tests: `pass` fragments must pass, `fail` fragments must fail."""

from __future__ import annotations

from datetime import date

import pytest

from capf.engine.checks.spec import Context
from capf.engine.evaluator import run_rule
from capf.engine.ruleset import BUILTIN_PROFILES, CompiledRule, load_ruleset
from capf.read.plan import load_plan

AS_OF = date(2026, 1, 1)  # the date rule examples are judged as of (documented in docs/rules.md)


def all_rules() -> list[CompiledRule]:
    """Every rule of the built-in profiles once (also used by tests/test_message.py)."""
    seen: dict[str, CompiledRule] = {}
    for profile in BUILTIN_PROFILES:
        for compiled in load_ruleset(profile).rules:
            seen.setdefault(f"{compiled.profile}:{compiled.rule.id}", compiled)
    return list(seen.values())


CASES = [
    pytest.param(compiled, expected, index, id=f"{compiled.rule.id}-{expected}{index}")
    for compiled in all_rules()
    for expected, fragments in (("pass", compiled.rule.examples.pass_),
                                ("fail", compiled.rule.examples.fail))
    for index in range(len(fragments))
]


@pytest.mark.parametrize(("compiled", "expected", "index"), CASES)
def test_rule_example(compiled: CompiledRule, expected: str, index: int) -> None:
    examples = compiled.rule.examples
    fragment = (examples.pass_ if expected == "pass" else examples.fail)[index]
    plan = load_plan(fragment, source=f"{compiled.rule.id} example")  # examples are valid plans
    result = run_rule(compiled, Context(plan.data, AS_OF))
    assert result.outcome == expected, result.message.en


def test_every_rule_has_both_kinds_of_example() -> None:
    for compiled in all_rules():
        assert compiled.rule.examples.pass_ and compiled.rule.examples.fail, compiled.rule.id
