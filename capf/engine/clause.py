"""Compiling a rule's `select` + `check` into a tree of clauses, once per rule set.

A clause is `{select?, check: {NAME: OPTIONS}, missing?}`. NAME is a check of the vocabulary or
one of the combinators `all`, `any` (lists of clauses), `not` (a clause) and `for_each`
(`{where?: clause, require: clause, empty?: outcome}`), whose inner selectors are relative to the
item being visited. Everything is checked here, so a bad rule fails when the rule set loads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast, get_args

from pydantic import ValidationError

from capf.engine.checks.generic import GENERIC_CHECKS
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options, Outcome, evidence_of, label_of
from capf.engine.checks.vocabulary import VOCABULARY
from capf.engine.selector import Match, Selector, parse_selector
from capf.model.errors import first_problem

COMBINATORS = ("all", "any", "not", "for_each")
OUTCOMES: tuple[str, ...] = get_args(Outcome)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}\Z")


class CompileError(ValueError):
    """A rule's clause is malformed; `field` is the dotted place inside the rule file."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Clause:
    select: Selector | None
    missing: Outcome
    outputs: frozenset[str]

    def run(self, ctx: Context, here: Match | None = None) -> Finding:
        budget = ctx.budget  # inlined spend(): this is the evaluator's hot path
        if self.select is None:  # inside for_each the item itself; at the top, nothing
            budget.left -= 1
            if budget.left < 0:
                budget.spend(0)
            return self.judge(ctx, [here] if here is not None else [], here)
        matches = self.select.select(ctx.root, here)
        budget.left -= 1 + len(matches)  # bounds nested for_each (n³ over 5,000 items)
        if budget.left < 0:
            budget.spend(0)  # raises OverBudget
        if not matches and not self.judges_absence():
            return Finding(self.missing, {"value": None}, (self.select_pointer(here),))
        return self.judge(ctx, matches, here)

    def select_pointer(self, here: Match | None) -> str:
        assert self.select is not None
        base = "" if self.select.absolute or here is None else here.pointer
        return (base + "/" + "/".join(self.select.tokens)) if self.select.tokens else base or "/"

    def judges_absence(self) -> bool:
        return False

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        raise NotImplementedError


@dataclass(frozen=True)
class Leaf(Clause):
    spec: CheckSpec
    options: Options

    def judges_absence(self) -> bool:
        return self.spec.judges_absence

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        return self.spec.fn(ctx, matches, self.options)


def _anchor(clause: Clause, matches: list[Match], here: Match | None) -> Match | None:
    return matches[0] if clause.select is not None and matches else here


@dataclass(frozen=True)
class AllOf(Clause):
    children: tuple[Clause, ...]

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        anchor = _anchor(self, matches, here)
        return combine([child.run(ctx, anchor) for child in self.children])


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


@dataclass(frozen=True)
class Not(Clause):
    child: Clause

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        found = self.child.run(ctx, _anchor(self, matches, here))
        flipped = {"pass": "fail", "fail": "pass"}.get(found.outcome, found.outcome)
        return Finding(cast(Outcome, flipped), found.values, found.evidence)


@dataclass(frozen=True)
class ForEach(Clause):
    where: Clause | None
    require: Clause
    empty: Outcome

    def judge(self, ctx: Context, matches: list[Match], here: Match | None) -> Finding:
        items = [m for m in matches
                 if self.where is None or self.where.run(ctx, m).outcome == "pass"]
        if not items:
            return Finding(self.empty, {"items": 0, "failing": [], "failing_count": 0},
                           evidence_of(matches))
        failing: list[Match] = []
        review: list[Match] = []
        values: dict[str, Any] = {}
        for item in items:
            found = self.require.run(ctx, item)
            if found.outcome in ("fail", "error"):
                failing.append(item)
                values = {**found.values, **values}  # keep the first failing item's values
            elif found.outcome == "needs_review":
                review.append(item)
        outcome: Outcome = "fail" if failing else "needs_review" if review else "pass"
        shown = failing or review
        values.pop("failing_da", None)  # `failing` below is this loop's, in no language
        return Finding(outcome, {**values, "items": len(items),
                                 "failing": [label_of(m) for m in shown],
                                 "failing_count": len(shown)},
                       evidence_of(shown or items))


def combine(findings: list[Finding]) -> Finding:
    """All-of semantics: any fail fails; else any review; else pass; all n/a is n/a."""
    order: tuple[Outcome, ...] = ("error", "fail", "needs_review", "pass", "not_applicable")
    outcome = next(o for o in order if any(f.outcome == o for f in findings)) if findings \
        else "pass"
    values: dict[str, Any] = {}
    evidence: list[str] = []
    for found in findings:
        values.update({k: v for k, v in found.values.items() if k not in values})
        if outcome in (found.outcome, "pass"):
            evidence.extend(e for e in found.evidence if e not in evidence)
    return Finding(outcome, values, tuple(evidence))


def substitute(node: Any, params: Mapping[str, Any], field: str) -> Any:
    """Replace option strings that are exactly "{param}" by the param's value (typed)."""
    if isinstance(node, dict):
        return {k: substitute(v, params, f"{field}.{k}") for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, params, f"{field}[{i}]") for i, v in enumerate(node)]
    if isinstance(node, str) and (hit := _PLACEHOLDER.match(node)):
        if hit.group(1) not in params:
            raise CompileError(field, f"unknown placeholder {{{hit.group(1)}}} (params: "
                               f"{', '.join(sorted(params)) or 'none'})")
        return params[hit.group(1)]
    return node


def compile_clause(raw: Any, field: str, *, in_item: bool = False) -> Clause:
    """Compile one clause mapping (params already substituted).

    `in_item`: the clause is judged against a for_each item, so a leaf without `select`
    judges the item itself; outside one, a generic check without `select` would judge
    nothing and is refused.
    """
    if not isinstance(raw, dict):
        raise CompileError(field, "a clause must be a mapping with 'check'")
    unknown = set(raw) - {"select", "check", "missing"}
    if unknown:
        raise CompileError(field, f"unknown key {sorted(unknown)[0]!r} in clause "
                                  "(allowed: select, check, missing)")
    select = _selector(raw.get("select"), f"{field}.select")
    missing = _outcome(raw.get("missing", "fail"), f"{field}.missing")
    check = raw.get("check")
    if not isinstance(check, dict) or len(check) != 1:
        raise CompileError(f"{field}.check", "must be a mapping with exactly one check name")
    (name, options), = check.items()
    where = f"{field}.check.{name}"
    if name in ("all", "any"):
        if not isinstance(options, list) or not options:
            raise CompileError(where, "must be a non-empty list of clauses")
        inner = in_item or select is not None
        children = tuple(compile_clause(c, f"{where}[{i}]", in_item=inner)
                         for i, c in enumerate(options))
        kind = AllOf if name == "all" else AnyOf
        return kind(select, missing, _union(children), children)
    if name == "not":
        child = compile_clause(options, where, in_item=in_item or select is not None)
        return Not(select, missing, child.outputs, child)
    if name == "for_each":
        return _for_each(select, missing, options, where)
    spec = VOCABULARY.get(name)
    if spec is None:
        raise CompileError(where, f"unknown check {name!r} (known: "
                                  f"{', '.join(sorted([*VOCABULARY, *COMBINATORS]))})")
    if select is None and not in_item and name in GENERIC_CHECKS:
        raise CompileError(field, f"check {name!r} needs a 'select' to judge")
    try:
        parsed = spec.options.model_validate(options if options is not None else {})
    except ValidationError as exc:
        place, message = first_problem(exc)
        raise CompileError(f"{where}.{place}" if place else where, message) from None
    return Leaf(select, missing, spec.outputs, spec, parsed)


def _for_each(select: Selector | None, missing: Outcome, options: Any, where: str) -> ForEach:
    if select is None:
        raise CompileError(where, "for_each needs a 'select' on its clause")
    if not isinstance(options, dict) or "require" not in options:
        raise CompileError(where, "for_each needs 'require' (and may have 'where', 'empty')")
    unknown = set(options) - {"where", "require", "empty"}
    if unknown:
        raise CompileError(where, f"unknown key {sorted(unknown)[0]!r} in for_each")
    cond = (compile_clause(options["where"], f"{where}.where", in_item=True)
            if "where" in options else None)
    require = compile_clause(options["require"], f"{where}.require", in_item=True)
    empty = _outcome(options.get("empty", "not_applicable"), f"{where}.empty")
    outputs = require.outputs | {"items", "failing", "failing_count"}
    return ForEach(select, missing, outputs, cond, require, empty)


def _union(children: tuple[Clause, ...]) -> frozenset[str]:
    return frozenset().union(*(c.outputs for c in children))


def _selector(text: Any, field: str) -> Selector | None:
    if text is None:
        return None
    try:
        return parse_selector(text)
    except ValueError as exc:
        raise CompileError(field, str(exc)) from None


def _outcome(value: Any, field: str) -> Outcome:
    allowed = ("pass", "fail", "not_applicable", "needs_review")
    if value not in allowed:
        raise CompileError(field, f"must be one of {', '.join(allowed)}")
    return cast(Outcome, value)
