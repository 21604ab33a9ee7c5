"""The floor's cross-check: capf and bench/floor.py agree on every rule of hundreds of plans.

Run before any timing (bench/run.py prints it first); a mismatch stops the run, since a floor
that judges differently is no floor.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from floor import RULES, floor
from mutants import mutant

from capf.engine.evaluator import evaluate
from capf.engine.ruleset import RuleSet, load_ruleset
from capf.read.plan import load_plan

SIZES = (0, 1, 10, 50, 200)


def floor_ruleset(profile: str = "dk2020") -> RuleSet:
    """The profile cut down to the floor's 20 rules and their criteria."""
    full = load_ruleset(profile)
    rules = tuple(r for r in full.rules if r.rule.id in RULES)
    assert sorted(r.rule.id for r in rules) == sorted(RULES), "a floor rule is missing"
    criteria = {r.rule.criterion for r in rules}
    return dataclasses.replace(full, rules=rules,
                               criteria=tuple(c for c in full.criteria if c.id in criteria))


def crosscheck(per_size: int, as_of: date) -> tuple[int, list[str], dict[str, int]]:
    """(plans compared, mismatches, how often each outcome was seen) over generated plans."""
    ruleset = floor_ruleset()
    compared, mismatches = 0, []
    seen: dict[str, int] = {}
    for size in SIZES:
        for seed in range(per_size):
            data = mutant(size, seed)
            expected = floor(data, as_of)
            verdict = evaluate(load_plan(data), ruleset, as_of=as_of)
            compared += 1
            for result in verdict.results:
                seen[result.outcome] = seen.get(result.outcome, 0) + 1
                if expected[result.rule] != result.outcome:
                    mismatches.append(f"{size} actions, seed {seed}: {result.rule} capf "
                                      f"{result.outcome}, floor {expected[result.rule]}")
    return compared, mismatches, seen


if __name__ == "__main__":
    import sys
    count, wrong, outcomes = crosscheck(int(sys.argv[1]) if len(sys.argv) > 1 else 40,
                                        date(2026, 1, 1))
    print(f"{count} plans, {len(wrong)} mismatches; outcomes {outcomes}")
    print("\n".join(wrong[:40]))
