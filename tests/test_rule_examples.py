"""Every rule's own examples are tests: `pass` fragments must pass, `fail` fragments must fail.

A plan profile's example is a plan; a follow-up profile's (rules/monitoring) is `{plan, status}`
or `{plan, statuses}`, read by capf.engine.follow_up.example_document.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from capf.engine.checks.spec import Context
from capf.engine.evaluator import run_rule
from capf.engine.follow_up import example_document
from capf.engine.ruleset import FOLLOW_UP_PROFILES, KNOWN_PROFILES, CompiledRule, load_ruleset
from capf.read.plan import load_plan

AS_OF = date(2026, 1, 1)  # the date rule examples are judged as of (documented in docs/rules.md)


def all_rules() -> list[CompiledRule]:
    """Every rule of the built-in profiles once (also used by tests/test_message.py)."""
    seen: dict[str, CompiledRule] = {}
    for profile in KNOWN_PROFILES:
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


def example_context(compiled: CompiledRule, fragment: dict[str, Any]) -> Context:
    """The document a rule example is judged on (examples are valid documents)."""
    source = f"{compiled.rule.id} example"
    if compiled.profile in FOLLOW_UP_PROFILES:
        return Context(example_document(fragment, source), AS_OF)
    return Context(load_plan(fragment, source=source).data, AS_OF)


@pytest.mark.parametrize(("compiled", "expected", "index"), CASES)
def test_rule_example(compiled: CompiledRule, expected: str, index: int) -> None:
    examples = compiled.rule.examples
    fragment = (examples.pass_ if expected == "pass" else examples.fail)[index]
    result = run_rule(compiled, example_context(compiled, fragment))
    assert result.outcome == expected, result.message.en


def test_every_rule_has_both_kinds_of_example() -> None:
    for compiled in all_rules():
        assert compiled.rule.examples.pass_ and compiled.rule.examples.fail, compiled.rule.id
