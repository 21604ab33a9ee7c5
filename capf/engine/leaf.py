"""A leaf clause: one check of the vocabulary on what its selector finds (capf.engine.node).

Its outcome alone, asked for every item of a for_each, is decided from plain values where the
check allows it (capf.engine.checks.outcomes): no Match, pointer or finding is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from capf.engine.checks.outcomes import value_ok, values_test
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options, Outcome
from capf.engine.node import Clause, Quick
from capf.engine.selector import Match


@dataclass(frozen=True)
class Leaf(Clause):
    spec: CheckSpec
    options: Options

    def judges_absence(self) -> bool:
        return self.spec.judges_absence

    @cached_property
    def key(self) -> str | None:
        """The one key a relative selector without `*` reads (`priority`), else None."""
        select = self.select
        if select is None or select.absolute or len(select.tokens) != 1 or select.has_wildcard:
            return None
        return select.tokens[0]

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        return self.spec.fn(ctx, matches, self.options)

    def _quick(self) -> Quick:
        """From the values the selector finds (checks.outcomes), or from matches where the
        outcome needs more than values; the same steps either way."""
        decide = values_test(self.spec.name, self.options)
        if decide is None:
            return self._by_matches()
        ok, key = value_ok(self.spec.name, self.options), self.key
        if ok is not None and key is not None and not key.isdigit():
            return self._keyed(key, ok)
        select, missing, absent = self.select, self.missing, self.spec.judges_absence
        if select is None:  # inside a for_each: the item itself
            def itself(ctx: Context, here: Match | None) -> Outcome:
                budget = ctx.budget
                budget.left -= 1
                if budget.left < 0:
                    budget.spend(0)  # raises OverBudget
                return decide(ctx, [here[1]] if here is not None else [])
            return itself
        found_from, absolute = select.values, select.absolute

        def quick(ctx: Context, here: Match | None) -> Outcome:
            values = found_from(ctx.root if absolute or here is None else here[1])
            budget = ctx.budget
            budget.left -= 1 + len(values)
            if budget.left < 0:
                budget.spend(0)
            if not values and not absent:
                return missing
            return decide(ctx, values)
        return quick

    def _keyed(self, key: str, ok: Callable[[Any], bool]) -> Quick:
        """`select: priority` on an item, with a check of each value alone: one lookup, one
        test; a missing key is the clause's `missing` (these checks never judge absence)."""
        missing = self.missing

        def keyed(ctx: Context, here: Match | None) -> Outcome:
            value = ctx.root if here is None else here[1]
            budget = ctx.budget
            if isinstance(value, dict) and key in value:
                budget.left -= 2
                if budget.left < 0:
                    budget.spend(0)
                return "pass" if ok(value[key]) else "fail"
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return missing
        return keyed

    def _by_matches(self) -> Quick:
        select, spec, options, missing, key = self.select, self.spec, self.options, \
            self.missing, self.key

        def quick(ctx: Context, here: Match | None) -> Outcome:
            budget = ctx.budget
            if key is not None and here is not None and type(here[1]) is dict:
                value = here[1]  # `select: sectors` on an item: one lookup, no Selector walk
                matches = [Match.below(here, key, value[key])] if key in value else []
                budget.left -= 1 + len(matches)
            elif select is None:
                matches = [here] if here is not None else []
                budget.left -= 1
            else:
                matches = select.select(ctx.root, here)
                budget.left -= 1 + len(matches)
            if budget.left < 0:
                budget.spend(0)
            if not matches and select is not None and not spec.judges_absence:
                return missing
            test = spec.test
            return spec.fn(ctx, matches, options).outcome if test is None else \
                test(ctx, matches, options)
        return quick
