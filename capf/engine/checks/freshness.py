"""The generic check `fresh`: a date or year is at most so many years old at the `as_of` date.

Ages of dates count days (365.25 to the year); a bare year counts whole years.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from capf.engine.checks.spec import Context, Finding, Options
from capf.engine.checks.spec import judged as _judge
from capf.engine.checks.spec import shown_value as _shown
from capf.engine.selector import Match


class Fresh(Options):
    max_age_years: float = Field(gt=0, description="Largest allowed age in years at `as_of`.")


def _age_years(value: Any, as_of: date) -> float | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(as_of.year - value)
    if isinstance(value, str):
        try:
            return (as_of - date.fromisoformat(value)).days / 365.25
        except ValueError:
            return None
    return None


def shown_age(age: float, limit: float) -> float:
    """The age to one decimal, with more (up to 3) where one would hide that it is past the
    limit: 5.04 years must not read "5 years" beside a limit of 5."""
    for decimals in (1, 2, 3):
        shown = round(age, decimals)
        if (shown > limit) == (age > limit):
            return shown
    return round(age, 3)


def fresh(ctx: Context, matches: list[Match], opts: Fresh) -> Finding:
    """Every selected date (or year) is at most `max_age_years` old at the `as_of` date."""
    ages = [_age_years(m.value, ctx.as_of) for m in matches]
    ok = [age is not None and age <= opts.max_age_years for age in ages]
    known = [a for a in ages if a is not None]
    return _judge(matches, ok, {
        "value": _shown(matches),
        "age_years": shown_age(max(known), opts.max_age_years) if known else None,
        "as_of": ctx.as_of.isoformat()})
