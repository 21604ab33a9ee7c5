"""The generic checks' outcomes decided from the selected values alone, made once per clause.

Inside a for_each every item's `where` and `require` are asked for an outcome only; the check
functions (capf.engine.checks.generic) build values, labels and evidence that a passing item
never shows, and they need a `Match` (value and pointer) per value. `values_test(name, options)`
gives a function of the values the clause's selector finds that decides exactly as the check
does (tests/test_fast_engine.py compares both with the reference interpreter), or None where the
outcome needs more than values (a distinct `count` names dict items by pointer), and the clause
falls back to matches and the check itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from capf.engine.checks.freshness import Fresh, _age_years
from capf.engine.checks.generic import (
    _OPS,
    Compare,
    Count,
    Covers,
    Pattern,
    _alike,
    _blank,
    _comparable,
    _shift,
)
from capf.engine.checks.spec import Context, Options, Outcome

ValuesTest = Callable[[Context, list[Any]], Outcome]


def _every(ok: Callable[[Any], bool]) -> ValuesTest:
    """Pass when every value is ok (the checks judged by spec.judged)."""
    def test(ctx: Context, values: list[Any]) -> Outcome:
        for value in values:
            if not ok(value):
                return "fail"
        return "pass"
    return test


def _bounded(limit: Any, keep: Callable[[Any, Any], bool]) -> Callable[[Any], bool]:
    edge = _comparable(limit)

    def ok(value: Any) -> bool:
        here = _comparable(value)
        return here is not None and edge is not None and type(here) is type(edge) \
            and bool(keep(here, edge))
    return ok


def _pattern(opts: Pattern) -> Callable[[Any], bool]:
    compiled = opts.compiled
    return lambda value: isinstance(value, str) and compiled.fullmatch(value) is not None


# Checks that judge each value alone (pass when every one is ok), by the value's test
_OK: dict[str, Callable[[Any], Callable[[Any], bool]]] = {
    "present": lambda opts: lambda value: value is not None,
    "non_empty": lambda opts: lambda value: not _blank(value),
    "at_most": lambda opts: _bounded(opts.value, lambda a, b: a <= b),
    "at_least": lambda opts: _bounded(opts.value, lambda a, b: a >= b),
    "one_of": lambda opts: opts.values.__contains__,
    "pattern": _pattern,
    "schema": lambda opts: opts.validator.is_valid,
}


def _compare(opts: Compare) -> ValuesTest:
    """As generic._related: the other value read per value (charged), the first missing or
    incomparable one makes it a person's call."""
    other, years = opts.other, opts.plus_years - opts.minus_years
    op: Callable[[Any, Any], Any] = _OPS[opts.op]
    found_from, absolute = other.values, other.absolute

    def test(ctx: Context, values: list[Any]) -> Outcome:
        ok = True
        budget = ctx.budget
        for value in values:
            found = found_from(ctx.root if absolute else value)
            budget.spend(len(found))
            there = _comparable(found[0]) if found else None
            if there is None:
                return "needs_review"
            here = _comparable(value)
            if here is None:
                ok = False
                continue
            left, right = _alike(here, _shift(there, years))
            ok = bool(op(left, right)) and ok
        return "pass" if ok else "fail"
    return test


def _count(opts: Count) -> ValuesTest | None:
    if opts.distinct:
        return None  # a dict item counts by its label, which may be its pointer

    def test(ctx: Context, values: list[Any]) -> Outcome:
        counted = len(values)
        return "pass" if counted >= opts.min and (opts.max is None or counted <= opts.max) \
            else "fail"
    return test


def _covers(opts: Covers) -> ValuesTest:
    key = opts.key

    def test(ctx: Context, values: list[Any]) -> Outcome:
        seen = {(v.get(key) if isinstance(v, dict) else None) if key else v
                for v in values if isinstance(v, str | int | float | dict)}
        return "fail" if any(v not in seen for v in opts.values) else "pass"
    return test


def _fresh(opts: Fresh) -> ValuesTest:
    def test(ctx: Context, values: list[Any]) -> Outcome:
        for value in values:
            age = _age_years(value, ctx.as_of)
            if age is None or age > opts.max_age_years:
                return "fail"
        return "pass"
    return test


_TESTS: dict[str, Callable[[Any], ValuesTest | None]] = {
    "compare": _compare,
    "count": _count,
    "covers": _covers,
    "fresh": _fresh,
}


def value_ok(name: str, options: Options) -> Callable[[Any], bool] | None:
    """For a check that judges each value alone: whether one value passes, else None."""
    make = _OK.get(name)
    return None if make is None else make(options)


def values_test(name: str, options: Options) -> ValuesTest | None:
    """The outcome of check `name` with `options` from the selected values, or None."""
    ok = value_ok(name, options)
    if ok is not None:
        return _every(ok)
    make = _TESTS.get(name)
    return None if make is None else make(options)

