"""Compiling a rule's `select` + `check` into a tree of clauses, once per rule set.

A clause is `{select?, check: {NAME: OPTIONS}, missing?}`. NAME is a check of the vocabulary or
one of the combinators `all`, `any` (lists of clauses), `not` (a clause) and `for_each`
(`{where?: clause, require: clause, empty?: outcome}`), whose inner selectors are relative to the
item being visited. Everything is checked here, so a bad rule fails when the rule set loads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast, get_args

from pydantic import ValidationError

from capf.engine.checks.generic import GENERIC_CHECKS
from capf.engine.checks.spec import Outcome
from capf.engine.checks.vocabulary import VOCABULARY
from capf.engine.leaf import Leaf
from capf.engine.node import AllOf, AnyOf, Clause, ForEach, Memo, Not, combine
from capf.engine.selector import Selector, parse_selector
from capf.model.errors import first_problem

COMBINATORS = ("all", "any", "not", "for_each")
OUTCOMES: tuple[str, ...] = get_args(Outcome)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}\Z")


__all__ = ["AllOf", "AnyOf", "Clause", "CompileError", "ForEach", "Leaf", "Memo", "Not",
           "combine", "compile_clause", "substitute"]


class CompileError(ValueError):
    """A rule's clause is malformed; `field` is the dotted place inside the rule file."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


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
    """Compile one clause mapping (params already substituted); see `_compile`."""
    clause = _compile(raw, field, in_item=in_item)
    if in_item and clause.select is not None and clause.select.absolute:
        return Memo(clause.select, clause.missing, clause.outputs, clause)
    return clause


def _compile(raw: Any, field: str, *, in_item: bool = False) -> Clause:
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
        raise CompileError(f"{where}.{place}" if place else where, message.en) from None
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
