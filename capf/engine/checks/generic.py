"""The generic, data-only checks of the closed vocabulary.

Each judges every match of the clause's selector. When the selector finds nothing, the clause's
`missing` setting decides, except for checks that judge absence themselves (count, covers).
Dates are ISO strings (the loader keeps them so) and compare as dates; years compare as
integers (and with a date's year); `fresh` measures age against `as_of`.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any, Literal

from pydantic import Field, field_validator

from capf.engine.checks.freshness import Fresh, fresh
from capf.engine.checks.spec import (
    CheckSpec,
    Context,
    Finding,
    NoOptions,
    Options,
    Outcome,
    evidence_of,
    label_of,
)
from capf.engine.checks.spec import judged as _judge
from capf.engine.checks.spec import shown_value as _shown
from capf.engine.selector import Match, Selector, parse_selector
from capf.read.fragment import fragment_problem, fragment_validator
from capf.read.pattern import MAX_PATTERN, LinearPattern, linear

Scalar = int | float | str


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | dict) and not value


def _alike(a: float | date, b: float | date) -> tuple[float | date, float | date]:
    """A year compared with a date compares with the date's year (status_year vs drafted)."""
    if isinstance(a, date) and not isinstance(b, date):
        return float(a.year), b
    if isinstance(b, date) and not isinstance(a, date):
        return a, float(b.year)
    return a, b


def _comparable(value: Any) -> float | date | None:
    """Numbers as floats, ISO dates as dates; anything else is not comparable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def present(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """The selected value exists and is not null."""
    return _judge(matches, [m.value is not None for m in matches], {"value": _shown(matches)})


def non_empty(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """The selected value exists and is not blank text, an empty list or an empty object."""
    return _judge(matches, [not _blank(m.value) for m in matches], {"value": _shown(matches)})


class Bound(Options):
    value: Scalar = Field(description="The limit: a number, a year or an ISO date.")


def _bounded(matches: list[Match], limit: Scalar, keep: Any) -> Finding:
    edge = _comparable(limit)
    ok = []
    for match in matches:
        here = _comparable(match.value)
        ok.append(here is not None and edge is not None and type(here) is type(edge)
                  and bool(keep(here, edge)))
    return _judge(matches, ok, {"value": _shown(matches), "limit": limit})


def at_most(ctx: Context, matches: list[Match], opts: Bound) -> Finding:
    """Every selected number or date is at most `value`."""
    return _bounded(matches, opts.value, lambda a, b: a <= b)


def at_least(ctx: Context, matches: list[Match], opts: Bound) -> Finding:
    """Every selected number or date is at least `value`."""
    return _bounded(matches, opts.value, lambda a, b: a >= b)


class Compare(Options):
    op: Literal["lt", "le", "gt", "ge", "eq"] = Field(description="How the value relates to `to`.")
    to: str = Field(description="Selector of the other value (absolute, or relative to the item).")
    plus_years: int = Field(0, description="Years added to the other value before comparing.")
    minus_years: int = Field(0, ge=0, description="Years taken from the other value before "
                                                  "comparing (so a param can stay positive).")

    @field_validator("to")
    @classmethod
    def _selector(cls, text: str) -> str:
        parse_selector(text)
        return text

    @cached_property
    def other(self) -> Selector:  # parsed once, not for every item a for_each visits
        return parse_selector(self.to)


_OPS = {"lt": lambda a, b: a < b, "le": lambda a, b: a <= b, "gt": lambda a, b: a > b,
        "ge": lambda a, b: a >= b, "eq": lambda a, b: a == b}


def _shift(value: float | date, years: int) -> float | date:
    if isinstance(value, date):
        try:
            return value.replace(year=value.year + years)
        except ValueError:  # 29 February
            return value.replace(year=value.year + years, day=28)
    return value + years


def _related(ctx: Context, matches: list[Match], opts: Compare
             ) -> tuple[list[bool], list[Any], Match | None]:
    """Per match whether it relates by `op`, the other values, and the first match whose other
    value is missing or not comparable (judging stops there: a person must look)."""
    selector = opts.other
    ok: list[bool] = []
    others: list[Any] = []
    budget = ctx.budget
    for match in matches:
        found = selector.select(ctx.root, match)
        budget.spend(len(found))  # `to` may select a list per item: n² work is charged
        other = _comparable(found[0].value) if found else None
        here = _comparable(match.value)
        others.append(found[0].value if found else None)
        if other is None:
            return ok, others, match
        if here is None:
            ok.append(False)
            continue
        left, right = _alike(here, _shift(other, opts.plus_years - opts.minus_years))
        ok.append(bool(_OPS[opts.op](left, right)))
    return ok, others, None


def compare(ctx: Context, matches: list[Match], opts: Compare) -> Finding:
    """Every selected number or date relates by `op` to the value at `to` (+ `plus_years`)."""
    ok, others, unknown = _related(ctx, matches, opts)
    if unknown is not None:
        return Finding("needs_review", {"value": unknown.value, "other": None},
                       evidence_of([unknown]))
    return _judge(matches, ok, {"value": _shown(matches),
                                "other": others[0] if len(others) == 1 else others})


def _compare_test(ctx: Context, matches: list[Match], opts: Compare) -> Outcome:
    ok, _, unknown = _related(ctx, matches, opts)
    return "needs_review" if unknown is not None else "pass" if all(ok) else "fail"


class OneOf(Options):
    values: list[Scalar | bool] = Field(min_length=1, description="The allowed values.")


def one_of(ctx: Context, matches: list[Match], opts: OneOf) -> Finding:
    """Every selected value is one of `values`."""
    return _judge(matches, [m.value in opts.values for m in matches], {"value": _shown(matches)})


class Pattern(Options):
    regex: str = Field(max_length=MAX_PATTERN,
                       description="A regular expression (RE2 syntax) the whole text matches.")

    @cached_property
    def compiled(self) -> LinearPattern:
        return linear(self.regex)

    @field_validator("regex")
    @classmethod
    def _compiles(cls, text: str) -> str:
        linear(text)  # RE2: linear time; a ValueError names what RE2 cannot run
        return text


def pattern(ctx: Context, matches: list[Match], opts: Pattern) -> Finding:
    """Every selected value is text matching `regex` in full."""
    ok = [isinstance(m.value, str) and opts.compiled.fullmatch(m.value) is not None
          for m in matches]
    return _judge(matches, ok, {"value": _shown(matches)})


class Count(Options):
    min: int = Field(0, ge=0, description="At least this many matches.")
    max: int | None = Field(None, ge=0, description="At most this many matches.")
    distinct: bool = Field(False, description="Count distinct values (or item labels) only.")


def count(ctx: Context, matches: list[Match], opts: Count) -> Finding:
    """The number of selected values (e.g. with a `*` step) lies between `min` and `max`."""
    counted = len({_key(m) for m in matches}) if opts.distinct else len(matches)
    ok = counted >= opts.min and (opts.max is None or counted <= opts.max)
    return Finding("pass" if ok else "fail", {"count": counted, "min": opts.min, "max": opts.max},
                   evidence_of(matches))


def _key(match: Match) -> str:
    value = match.value
    return value if isinstance(value, str) else repr(value) if not isinstance(value, dict) \
        else label_of(match)


class Covers(Options):
    values: list[Scalar] = Field(min_length=1, description="Every one of these must appear.")
    key: str | None = Field(None, description="For objects: the field holding the value.")


def covers(ctx: Context, matches: list[Match], opts: Covers) -> Finding:
    """Every listed value appears among the selected values (or their field `key`)."""
    seen = {(m.value.get(opts.key) if isinstance(m.value, dict) else None) if opts.key else m.value
            for m in matches if isinstance(m.value, str | int | float | dict)}
    missing = [v for v in opts.values if v not in seen]
    return Finding("fail" if missing else "pass",
                   {"missing": missing, "count": len(opts.values) - len(missing)},
                   evidence_of(matches))


class SchemaFragment(Options):
    schema_: dict[str, Any] = Field(alias="schema", description="A JSON Schema (2020-12) fragment.")

    @field_validator("schema_")
    @classmethod
    def _valid(cls, fragment: dict[str, Any]) -> dict[str, Any]:
        problem = fragment_problem(fragment)  # no $ref/$dynamicRef/$id …, patterns on RE2
        if problem is not None:
            raise ValueError(problem)
        return fragment

    @cached_property
    def validator(self) -> Any:
        return fragment_validator(self.schema_)


def schema(ctx: Context, matches: list[Match], opts: SchemaFragment) -> Finding:
    """Every selected value is valid against a JSON Schema fragment."""
    return _judge(matches, [opts.validator.is_valid(m.value) for m in matches],
                  {"value": _shown(matches)})


# The outcomes alone (CheckSpec.test), for the items of a for_each: the same decision as the
# check above them, without values, labels or evidence.

def _present_test(ctx: Context, matches: list[Match], opts: NoOptions) -> Outcome:
    return "fail" if any(m.value is None for m in matches) else "pass"


def _non_empty_test(ctx: Context, matches: list[Match], opts: NoOptions) -> Outcome:
    return "fail" if any(_blank(m.value) for m in matches) else "pass"


def _one_of_test(ctx: Context, matches: list[Match], opts: OneOf) -> Outcome:
    allowed = opts.values
    return "fail" if any(m.value not in allowed for m in matches) else "pass"


def _count_test(ctx: Context, matches: list[Match], opts: Count) -> Outcome:
    counted = len({_key(m) for m in matches}) if opts.distinct else len(matches)
    return "pass" if counted >= opts.min and (opts.max is None or counted <= opts.max) else "fail"


GENERIC_CHECKS: dict[str, CheckSpec] = {
    "present": CheckSpec.of("present", present, NoOptions, "value failing", test=_present_test),
    "non_empty": CheckSpec.of("non_empty", non_empty, NoOptions, "value failing",
                              test=_non_empty_test),
    "at_most": CheckSpec.of("at_most", at_most, Bound, "value limit failing"),
    "at_least": CheckSpec.of("at_least", at_least, Bound, "value limit failing"),
    "compare": CheckSpec.of("compare", compare, Compare, "value other failing",
                            test=_compare_test),
    "one_of": CheckSpec.of("one_of", one_of, OneOf, "value failing", test=_one_of_test),
    "pattern": CheckSpec.of("pattern", pattern, Pattern, "value failing"),
    "count": CheckSpec.of("count", count, Count, "count min max", judges_absence=True,
                          test=_count_test),
    "covers": CheckSpec.of("covers", covers, Covers, "missing count", judges_absence=True),
    "schema": CheckSpec.of("schema", schema, SchemaFragment, "value failing"),
    "fresh": CheckSpec.of("fresh", fresh, Fresh, "value age_years as_of failing"),
}
