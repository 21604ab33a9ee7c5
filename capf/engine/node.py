"""The compiled clause tree and how it is judged: leaves, `all`, `any`, `not`, `for_each`, Memo.

Each node answers two questions: `run` gives the finding (outcome, values, evidence) and
`outcome` the outcome alone, which is all a for_each needs of its `where` and of an item that
passes, so the passing path builds no values, evidence or labels. `outcome` is a closure made
once per clause (`quick`): children's closures are bound in it, and a leaf decides from plain
values (capf.engine.leaf). Both spend the same steps
(one per node run and per value selected, one per reuse of a Memo, docs/security.md), and `outcome` equals
`run(...).outcome` for every node (tests/test_fast_engine.py keeps them in step with the
pre-issue-16 interpreter, tests/reference_engine.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from capf.engine.checks.spec import Context, Finding, Outcome, evidence_of, label_of
from capf.engine.selector import Match, Selector

# combine(): the first of these any child has decides (all-of semantics)
_ORDER: tuple[Outcome, ...] = ("error", "fail", "needs_review", "pass", "not_applicable")
_FLIP = {"pass": "fail", "fail": "pass"}
Quick = Callable[[Context, Match | None], Outcome]  # Clause.outcome, compiled once


def worst(outcomes: Sequence[Outcome]) -> Outcome:
    """All-of semantics: any error or fail fails first, then review, pass; all n/a is n/a."""
    for outcome in _ORDER:
        if outcome in outcomes:
            return outcome
    return "pass"  # no outcomes: nothing failed


@dataclass(frozen=True)
class Clause:
    select: Selector | None
    missing: Outcome
    outputs: frozenset[str]

    def run(self, ctx: Context, here: Match | None = None) -> Finding:
        matches = self.matches(ctx, here)
        if matches is None:
            return Finding(self.missing, {"value": None}, (self.select_pointer(here),))
        return self.judge(ctx, matches, here)

    def outcome(self, ctx: Context, here: Match | None = None) -> Outcome:
        return self.quick(ctx, here)

    @cached_property
    def quick(self) -> Quick:
        """`outcome` as a closure made once per rule set: the tree is not walked again through
        attribute lookups for every item, and a leaf reads plain values, not matches."""
        return self._quick()

    def _quick(self) -> Quick:
        def quick(ctx: Context, here: Match | None) -> Outcome:
            matches = self.matches(ctx, here)
            return self.missing if matches is None else self.decide(ctx, matches, here)
        return quick

    def matches(self, ctx: Context, here: Match | None) -> list[Match] | None:
        """What the selector finds (None: nothing, and the clause's `missing` decides)."""
        budget = ctx.budget  # inlined spend(): this is the evaluator's hot path
        if self.select is None:  # inside for_each the item itself; at the top, nothing
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return [here] if here is not None else []
        found = self.select.select(ctx.root, here)
        budget.left -= 1 + len(found)  # bounds nested for_each (n³ over 5,000 items)
        if budget.left < 0:
            budget.spend(0)  # raises OverBudget
        return None if not found and not self.judges_absence() else found

    def select_pointer(self, here: Match | None) -> str:
        assert self.select is not None
        base = "" if self.select.absolute or here is None else here.pointer
        return (base + "/" + "/".join(self.select.tokens)) if self.select.tokens else base or "/"

    def judges_absence(self) -> bool:
        return False

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        raise NotImplementedError

    def decide(self, ctx: Context, matches: list[Match], here: Match | None) -> Outcome:
        return self.judge(ctx, matches, here).outcome


@dataclass(frozen=True)
class Memo(Clause):
    """A clause with an absolute selector inside a for_each: it reads the same places for every
    item, so it is judged once per plan and its finding reused.

    The budget charges the work done (docs/security.md): the first run's steps, then one step
    per reuse, a dict lookup. The budget is a hang guard, and a reuse cannot hang; charging the
    first run's steps again at every reuse refused INC-2 on a 5,000-action plan whose real work
    is linear.
    """

    inner: Clause

    def run(self, ctx: Context, here: Match | None = None) -> Finding:
        known = ctx.memo.get(id(self))
        if known is not None:
            budget = ctx.budget
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return known
        found = ctx.memo[id(self)] = self.inner.run(ctx, here)
        return found

    def _quick(self) -> Quick:
        key, run = id(self), self.inner.run

        def quick(ctx: Context, here: Match | None) -> Outcome:
            known = ctx.memo.get(key)
            if known is None:
                known = ctx.memo[key] = run(ctx, here)
                return known.outcome
            budget = ctx.budget
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return known.outcome
        return quick


def _anchor(clause: Clause, matches: list[Match], here: Match | None) -> Match | None:
    return matches[0] if clause.select is not None and matches else here


@dataclass(frozen=True)
class AllOf(Clause):
    children: tuple[Clause, ...]

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        anchor = _anchor(self, matches, here)
        return combine([child.run(ctx, anchor) for child in self.children])

    def decide(self, ctx: Context, matches: list[Match], here: Match | None) -> Outcome:
        anchor = _anchor(self, matches, here)
        return worst([child.quick(ctx, anchor) for child in self.children])

    def _quick(self) -> Quick:
        if self.select is not None:
            return super()._quick()
        children = tuple(child.quick for child in self.children)

        def quick(ctx: Context, here: Match | None) -> Outcome:
            budget = ctx.budget  # the common case inside a for_each: the item itself, one step
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return worst([child(ctx, here) for child in children])
        return quick


@dataclass(frozen=True)
class AnyOf(Clause):
    children: tuple[Clause, ...]

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        anchor = _anchor(self, matches, here)
        findings = []
        for child in self.children:  # the first pass decides; later children need not run
            found = child.run(ctx, anchor)
            if found.outcome == "pass":
                return found
            findings.append(found)
        return combine(findings)

    def decide(self, ctx: Context, matches: list[Match], here: Match | None) -> Outcome:
        return _first_pass(self.children_quick, ctx, _anchor(self, matches, here))

    @cached_property
    def children_quick(self) -> tuple[Quick, ...]:
        return tuple(child.quick for child in self.children)

    def _quick(self) -> Quick:
        if self.select is not None:
            return super()._quick()
        children = self.children_quick

        def quick(ctx: Context, here: Match | None) -> Outcome:
            budget = ctx.budget  # as AllOf's: the item itself, one step
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return _first_pass(children, ctx, here)
        return quick


def _first_pass(children: tuple[Quick, ...], ctx: Context, here: Match | None) -> Outcome:
    outcomes = []
    for child in children:  # the first pass decides; later children need not run
        outcome = child(ctx, here)
        if outcome == "pass":
            return outcome
        outcomes.append(outcome)
    return worst(outcomes)


@dataclass(frozen=True)
class Not(Clause):
    child: Clause

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        found = self.child.run(ctx, _anchor(self, matches, here))
        flipped = _FLIP.get(found.outcome, found.outcome)
        return Finding(cast(Outcome, flipped), found.values, found.evidence)

    def decide(self, ctx: Context, matches: list[Match], here: Match | None) -> Outcome:
        outcome = self.child.quick(ctx, _anchor(self, matches, here))
        return cast(Outcome, _FLIP.get(outcome, outcome))

    def _quick(self) -> Quick:
        if self.select is not None:
            return super()._quick()
        child = self.child.quick

        def quick(ctx: Context, here: Match | None) -> Outcome:
            budget = ctx.budget  # as AllOf's: the item itself, one step
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            outcome = child(ctx, here)
            return cast(Outcome, _FLIP.get(outcome, outcome))
        return quick


@dataclass(frozen=True)
class ForEach(Clause):
    where: Clause | None
    require: Clause
    empty: Outcome

    def _items(self, ctx: Context, matches: list[Match]) -> list[Match]:
        if self.where is None:
            return matches
        where = self.where.quick
        return [m for m in matches if where(ctx, m) == "pass"]

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        items = self._items(ctx, matches)
        if not items:
            return Finding(self.empty, {"items": 0, "failing": [], "failing_count": 0},
                           evidence_of(matches))
        failing: list[Match] = []
        review: list[Match] = []
        values: dict[str, Any] = {}
        budget, require = ctx.budget, self.require.quick
        for item in items:
            before = budget.left
            outcome = require(ctx, item)
            if outcome in ("fail", "error"):
                budget.left = before  # judged again for its values: the same steps, once
                found = self.require.run(ctx, item)
                failing.append(item)
                values = {**found.values, **values}  # keep the first failing item's values
            elif outcome == "needs_review":
                review.append(item)
        judged: Outcome = "fail" if failing else "needs_review" if review else "pass"
        shown = failing or review
        values.pop("failing_da", None)  # `failing` below is this loop's, in no language
        return Finding(judged, {**values, "items": len(items),
                                 "failing": [label_of(m) for m in shown],
                                 "failing_count": len(shown)},
                       evidence_of(shown or items))

    def decide(self, ctx: Context, matches: list[Match], here: Match | None) -> Outcome:
        items = self._items(ctx, matches)
        if not items:
            return self.empty
        # every item is judged even after a fail: the steps spent must be the full rule's
        require = self.require.quick
        seen = {require(ctx, item) for item in items}
        return "fail" if "fail" in seen or "error" in seen else \
            "needs_review" if "needs_review" in seen else "pass"


def combine(findings: list[Finding]) -> Finding:
    """All-of semantics: any fail fails; else any review; else pass; all n/a is n/a."""
    outcome = worst([f.outcome for f in findings])
    values: dict[str, Any] = {}
    evidence: dict[str, None] = {}  # once each, in order found (list membership was O(n²))
    for found in findings:
        values.update({k: v for k, v in found.values.items() if k not in values})
        if outcome in (found.outcome, "pass"):
            evidence.update(dict.fromkeys(found.evidence))
    return Finding(outcome, values, tuple(evidence))
