"""What every check is: a function from selected values to a finding, with typed options.

A check never raises for plan content it does not like; it returns a `Finding`. Options are a
frozen pydantic model per check (unknown option → error when the rule set loads), and `outputs`
names the values it computes, which are the only placeholders a rule message may use besides
the rule's own params.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from capf.engine.selector import Match

Outcome = Literal["pass", "fail", "not_applicable", "needs_review", "error"]


@dataclass(frozen=True)
class Finding:
    """A check's judgement: outcome, the values it computed, the pointers it rests on."""

    outcome: Outcome
    values: Mapping[str, Any] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()


class OverBudget(Exception):
    """A rule took more evaluation steps than the budget allows."""


class Budget:
    """Evaluation steps left for the rule being run: deterministic, unlike a timeout.

    One step per clause run, per value a selector finds (a `compare` check's `to` too) and per
    reuse of a clause judged once per plan (docs/security.md); the evaluator refills it before
    each rule.
    """

    __slots__ = ("left", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit

    def spend(self, steps: int) -> None:
        self.left -= steps
        if self.left < 0:
            raise OverBudget(f"more than {self.limit:,} evaluation steps")


# Per rule. Every built-in rule needs < 100,000 on a plan of 5,000 actions (the schema's list cap):
# the budget guards against rules whose work really grows faster than the plan (docs/security.md).
RULE_STEPS = 1_000_000


@dataclass(frozen=True)
class Context:
    """Everything a check may read besides its matches."""

    root: Any
    as_of: date
    budget: Budget = field(default_factory=lambda: Budget(RULE_STEPS), compare=False)
    # Findings of clauses that read only absolute places (capf.engine.node.Memo): the same for
    # every item of a for_each, so judged once per plan.
    memo: dict[int, Finding] = field(default_factory=dict, compare=False)


class Options(BaseModel):
    """Base for check options: frozen, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class NoOptions(Options):
    pass


CheckFn = Callable[[Context, list[Match], Any], Finding]
# The outcome alone, for checks where building values and evidence is most of the work.
TestFn = Callable[[Context, list[Match], Any], Outcome]


@dataclass(frozen=True)
class CheckSpec:
    """A named check in the closed vocabulary."""

    name: str
    fn: CheckFn
    options: type[Options]
    outputs: frozenset[str]
    summary: str
    judges_absence: bool = False  # True: called even when the selector finds nothing
    test: TestFn | None = None  # fn(...).outcome, faster; None: fn is called

    @classmethod
    def of(cls, name: str, fn: CheckFn, options: type[Options], outputs: str = "", *,
           judges_absence: bool = False, test: TestFn | None = None) -> CheckSpec:
        doc = (fn.__doc__ or "").strip().splitlines()
        return cls(name, fn, options, frozenset(outputs.split()), doc[0] if doc else name,
                   judges_absence, test)


def evidence_of(matches: list[Match]) -> tuple[str, ...]:
    return tuple([m.pointer or "/" for m in matches])


_LABEL_KEYS = ("id", "hazard", "year", "sector", "category", "group", "theme", "name",
               "with", "type", "phase", "benefit", "role", "horizon")


def label_of(match: Match) -> str:
    """A stable, human label for an item: its id (or hazard/year/sector …), else its pointer.

    Items with no name of their own (a barrier, a coordination entry, an engagement) are named
    by what they are about: the code is shown by its label, so a Danish message reads
    "Økonomisk", never "/governance/barriers/0".
    """
    value = match.value
    if isinstance(value, dict):
        for key in _LABEL_KEYS:
            if key in value and isinstance(value[key], str | int):
                return str(value[key])
    return match.pointer or "/"


def shown_value(matches: list[Match]) -> Any:
    """The value a finding shows: the one selected, or the list of all selected."""
    values = [m.value for m in matches]
    return values[0] if len(values) == 1 else values


def judged(matches: list[Match], ok: list[bool], values: dict[str, Any]) -> Finding:
    """Pass when every match is ok, else fail naming the ones that are not."""
    bad = [m for m, good in zip(matches, ok, strict=True) if not good]
    if bad:
        return Finding("fail", {**values, "failing": [label_of(m) for m in bad]}, evidence_of(bad))
    return Finding("pass", values, evidence_of(matches))
