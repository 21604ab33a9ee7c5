"""The clause interpreter as it was before issue 16, kept as the reference for the fast one.

It walks the same compiled tree (capf.engine.clause) with the pre-issue-16 semantics: every
clause judged afresh for every item (no Memo), pointers built for every match. It charges the
budget for every clause as written, so it never spends fewer steps than the fast engine, which
charges a clause judged once per plan one step per reuse (tests/test_fast_engine.py).
"""

from __future__ import annotations

from typing import Any, cast

from capf.engine.checks.spec import Context, Finding, Outcome, OverBudget, evidence_of, label_of
from capf.engine.leaf import Leaf
from capf.engine.node import AllOf, AnyOf, Clause, ForEach, Memo, Not, combine
from capf.engine.ruleset import CompiledRule
from capf.engine.selector import Match


def run(clause: Clause, ctx: Context, here: Match | None = None) -> Finding:
    if isinstance(clause, Memo):
        return run(clause.inner, ctx, here)
    if clause.select is None:
        ctx.budget.spend(1)
        return judge(clause, ctx, [here] if here is not None else [], here)
    matches = clause.select.select(ctx.root, here)
    ctx.budget.spend(1 + len(matches))
    absent = isinstance(clause, Leaf) and clause.spec.judges_absence
    if not matches and not absent:
        base = "" if clause.select.absolute or here is None else here.pointer
        tokens = clause.select.tokens
        return Finding(clause.missing, {"value": None},
                       ((base + "/" + "/".join(tokens)) if tokens else base or "/",))
    return judge(clause, ctx, matches, here)


def judge(clause: Clause, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
    anchor = matches[0] if clause.select is not None and matches else here
    if isinstance(clause, Leaf):
        return clause.spec.fn(ctx, matches, clause.options)
    if isinstance(clause, AllOf):
        return combine([run(c, ctx, anchor) for c in clause.children])
    if isinstance(clause, AnyOf):
        findings = []
        for child in clause.children:
            found = run(child, ctx, anchor)
            if found.outcome == "pass":
                return found
            findings.append(found)
        return combine(findings)
    if isinstance(clause, Not):
        found = run(clause.child, ctx, anchor)
        flipped = {"pass": "fail", "fail": "pass"}.get(found.outcome, found.outcome)
        return Finding(cast(Outcome, flipped), found.values, found.evidence)
    assert isinstance(clause, ForEach)
    return _for_each(clause, ctx, matches)


def _for_each(clause: ForEach, ctx: Context, matches: list[Match]) -> Finding:
    items = [m for m in matches
             if clause.where is None or run(clause.where, ctx, m).outcome == "pass"]
    if not items:
        return Finding(clause.empty, {"items": 0, "failing": [], "failing_count": 0},
                       evidence_of(matches))
    failing: list[Match] = []
    review: list[Match] = []
    values: dict[str, Any] = {}
    for item in items:
        found = run(clause.require, ctx, item)
        if found.outcome in ("fail", "error"):
            failing.append(item)
            values = {**found.values, **values}
        elif found.outcome == "needs_review":
            review.append(item)
    outcome: Outcome = "fail" if failing else "needs_review" if review else "pass"
    shown = failing or review
    values.pop("failing_da", None)
    return Finding(outcome, {**values, "items": len(items),
                             "failing": [label_of(m) for m in shown],
                             "failing_count": len(shown)}, evidence_of(shown or items))


def rule_finding(compiled: CompiledRule, ctx: Context) -> Finding:
    """What capf.engine.evaluator.run_rule judges, before messages: the rule's finding."""
    ctx.budget.left = ctx.budget.limit
    try:
        if compiled.when is not None and run(compiled.when, ctx).outcome != "pass":
            return Finding("not_applicable")
        return run(compiled.clause, ctx)
    except OverBudget:
        return Finding("error", {"error": "over budget"})
