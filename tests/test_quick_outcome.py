"""The compiled outcome closures (Clause.quick) and value selection (Selector.values) against the
paths they shortcut: the same outcome and the same steps as judging in full, the same values and
pointers as a plain walk of the selector.

A for_each asks `quick` of every item's `where` and `require`; a rule's `when` asks it at the top.
tests/test_fast_engine.py compares whole rules with the reference interpreter; this compares
every clause of every built-in rule on its own, at the top and on every item it would visit.
Steps are equal, except under a Memo (a clause on absolute places inside a for_each): judging a
failing item again for its values reuses the Memo its first judging made, one step instead of
the first judging's, so judging in full may spend fewer.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import strategies as s
from hypothesis import given, settings
from hypothesis import strategies as st

from capf.engine.checks.spec import Budget, Context, OverBudget
from capf.engine.node import AllOf, AnyOf, Clause, ForEach, Memo, Not
from capf.engine.ruleset import BUILTIN_PROFILES, load_ruleset
from capf.engine.selector import WILDCARD, Match, parse_selector
from capf.model.pointer import escape_pointer_token
from capf.read.plan import load_plan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from mutants import mutant

AS_OF = date(2026, 1, 1)


def _clauses(clause: Clause) -> list[Clause]:
    """The clause and every clause below it."""
    below: list[Clause] = []
    if isinstance(clause, AllOf | AnyOf):
        below = list(clause.children)
    elif isinstance(clause, Not):
        below = [clause.child]
    elif isinstance(clause, Memo):
        below = [clause.inner]
    elif isinstance(clause, ForEach):
        below = [clause.require] + ([clause.where] if clause.where is not None else [])
    return [clause] + [c for child in below for c in _clauses(child)]


def _judged(clause: Clause, root: Any, here: Match | None, quick: bool) -> tuple[str, int]:
    ctx = Context(root, AS_OF, Budget(10**9))
    try:
        outcome = clause.quick(ctx, here) if quick else clause.run(ctx, here).outcome
    except OverBudget:  # pragma: no cover - the budget above is never reached
        outcome = "over budget"
    return outcome, ctx.budget.limit - ctx.budget.left


def _places(root: Any) -> list[Match | None]:
    """The top, and every item a built-in for_each visits (every object below a list)."""
    places: list[Match | None] = [None]
    stack = [Match("", root)]
    while stack:
        match = stack.pop()
        value = match.value
        children = list(enumerate(value)) if isinstance(value, list) else \
            list(value.items()) if isinstance(value, dict) else []
        for token, child in children:
            below = Match.below(match, token, child)
            if isinstance(value, list) and isinstance(child, dict):
                places.append(below)
            stack.append(below)
    return places


def same_outcomes(data: dict[str, Any]) -> None:
    root = load_plan(data).data
    places = _places(root)
    for profile in BUILTIN_PROFILES:
        for compiled in load_ruleset(profile).rules:
            tops = [compiled.clause] + ([compiled.when] if compiled.when else [])
            for clause in (c for top in tops for c in _clauses(top)):
                if isinstance(clause, Memo):
                    continue  # judged once per plan: its reuse is cheaper by design
                for here in places:
                    try:
                        expected = _judged(clause, root, here, quick=False)
                    except Exception as exc:  # the full path raises: so must the quick one
                        with pytest.raises(type(exc)):
                            _judged(clause, root, here, quick=True)
                        continue
                    got = _judged(clause, root, here, quick=True)
                    if not any(isinstance(c, Memo) for c in _clauses(clause)):
                        assert got == expected, (compiled.rule.id, here.pointer if here else None)
                    else:  # a failing item judged again reuses a Memo the first judging made
                        assert got[0] == expected[0] and got[1] >= expected[1], compiled.rule.id


@settings(max_examples=min(settings.default.max_examples, 20), deadline=None)
@given(data=s.plans)
def test_quick_outcomes_and_steps_equal_judging_in_full(data: dict[str, Any]) -> None:
    same_outcomes(data)


@pytest.mark.parametrize("seed", range(2))
def test_quick_outcomes_on_benchmark_plans(seed: int) -> None:
    same_outcomes(mutant(6, seed))


def _walk(value: Any, tokens: tuple[str, ...], pointer: str) -> list[tuple[str, Any]]:
    """A selector as written: every step spelled out, each pointer escaped."""
    if not tokens:
        return [(pointer, value)]
    step, rest = tokens[0], tokens[1:]
    if isinstance(value, list):
        if step == WILDCARD:
            steps = list(enumerate(value))
        elif step.isascii() and step.isdigit() and int(step) < len(value):
            steps = [(step, value[int(step)])]
        else:
            steps = []
    elif isinstance(value, dict):
        steps = list(value.items()) if step == WILDCARD else \
            [(step, value[step])] if step in value else []
    else:
        steps = []
    return [found for key, child in steps
            for found in _walk(child, rest, f"{pointer}/{escape_pointer_token(str(key))}")]


KEYS = st.sampled_from(["a", "b", "a/b", "m~n", "0", "1"])
DATA = st.recursive(st.one_of(st.none(), st.integers(0, 3), st.text(max_size=2)),
                    lambda inner: st.one_of(st.lists(inner, max_size=3),
                                            st.dictionaries(KEYS, inner, max_size=3)),
                    max_leaves=12)
TOKENS = st.lists(st.sampled_from(["a", "b", "a~1b", "m~0n", "0", "1", "*"]), min_size=1,
                  max_size=3)


@given(data=DATA, tokens=TOKENS, absolute=st.booleans())
def test_select_and_values_find_what_the_selector_says(data: Any, tokens: list[str],
                                                       absolute: bool) -> None:
    selector = parse_selector(("/" if absolute else "") + "/".join(tokens))
    here = Match("/x", data)
    expected = _walk(data, selector.tokens, "" if absolute else "/x")
    found = selector.select(data, None if absolute else here)
    assert [(m.pointer, m.value) for m in found] == expected
    assert selector.values(data) == [value for _, value in expected]


@pytest.mark.parametrize("text", ["/a~1b/m~0n", "/a~1b/*", "/a~1b/*/0", "a~1b/m~0n"])
def test_escaped_keys_keep_their_escapes_in_pointers(text: str) -> None:
    data = {"a/b": {"m~n": [1, 2]}}
    found = parse_selector(text).select(data, Match("", data))
    assert [(m.pointer, m.value) for m in found] == _walk(data, parse_selector(text).tokens, "")
    assert found and all("~1" in m.pointer for m in found)
