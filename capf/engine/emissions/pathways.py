"""Pathways against targets and actions: the manko per milestone year, and what actions explain.

The action pathway is meant to be BAU minus the quantified actions (NEU-4), and the manko the
pathway above the target (NEU-8). Both are checked in every milestone year, with or without
stated effects: a milestone year whose pathway lies below BAU with no effect behind it hides a
manko.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capf.engine.emissions.records import (
    BAU,
    PATHWAY,
    Level,
    items,
    number,
    per_plan,
    scenario_level,
)
from capf.engine.emissions.targets import milestone_years, required_level
from capf.text.message import Phrase


@dataclass(frozen=True)
class Gap:
    """A milestone year's manko as declared, and the levels that say what it should be."""

    year: int
    target: Level
    pathway: Level
    declared: float = 0.0
    declared_at: str | None = None

    @property
    def expected(self) -> float | None:
        """Action pathway above the target; a pathway below it leaves no manko (floor 0)."""
        if self.target.tonnes is None or self.pathway.tonnes is None:
            return None
        return max(0.0, self.pathway.tonnes - self.target.tonnes)

    @property
    def pointers(self) -> tuple[str, ...]:
        declared = (self.declared_at,) if self.declared_at else ()
        return self.target.pointers + self.pathway.pointers + declared

    def mismatch(self) -> Phrase | None:
        """The declared manko set against the one the levels give; None without both levels."""
        if self.expected is None or self.target.tonnes is None or self.pathway.tonnes is None:
            return None
        return Phrase.said("manko_above" if self.expected > 0 else "manko_not_above",
                           year=self.year, declared=round(self.declared), gap=round(self.expected),
                           pathway=round(self.pathway.tonnes), target=round(self.target.tonnes))


@per_plan
def manko_gaps(plan: Any) -> list[Gap]:
    """One `Gap` per milestone year; a year the plan declares nothing for declares 0 t."""
    declared: dict[Any, tuple[float, str]] = {}
    for pointer, entry in items(plan, "/manko/milestones"):
        declared.setdefault(entry.get("year"), (number(entry.get("t_co2e")) or 0.0, pointer))
    return [Gap(year, required_level(plan, year), scenario_level(plan, PATHWAY, year),
                *declared.get(year, (0.0, None)))
            for year in milestone_years(plan)]


def counts_inside(action: Any) -> bool:
    """Actions that may cut the geographic pathway: not adaptation-only, not outside the boundary.

    An untyped action with a stated effect is counted: the effect is the plan's own claim.
    """
    flags = action.get("flags")
    outside = isinstance(flags, dict) and flags.get("outside_boundary") is True
    return action.get("type") != "adaptation" and not outside


@per_plan
def action_effects(plan: Any) -> dict[int, tuple[float, tuple[str, ...]]]:
    """Per year, the summed `effect` of the actions that cut the geographic pathway, with pointers.

    One pass over the actions for all years: a plan may hold thousands of them.
    """
    totals: dict[int, float] = {}
    pointers: dict[int, list[str]] = {}
    for pointer, action in items(plan, "/actions"):
        effects = action.get("effect")
        if not isinstance(effects, list) or not counts_inside(action):
            continue
        for i, effect in enumerate(effects):
            if not isinstance(effect, dict):
                continue
            year = effect.get("year")
            if not isinstance(year, int):
                continue
            tonnes = number(effect.get("t_co2e"))
            if tonnes is None:
                continue
            if year in totals:
                totals[year] += tonnes
                pointers[year].append(f"{pointer}/effect/{i}")
            else:  # 0.0 + as before: a first effect of -0.0 t sums to 0.0
                totals[year] = 0.0 + tonnes
                pointers[year] = [f"{pointer}/effect/{i}"]
    return {year: (totals[year], tuple(pointers[year])) for year in totals}


@dataclass(frozen=True)
class Explained:
    """A year where BAU minus the actions' effects (maybe none) should give the pathway."""

    year: int
    bau: float
    effects: float
    pathway: float
    pointers: tuple[str, ...]

    @property
    def unexplained(self) -> float:
        return abs(self.bau - self.effects - self.pathway)

    def mismatch(self) -> Phrase:
        """BAU minus the effects set against the pathway, in words; a pathway above BAU said so."""
        key = "pathway_above_bau" if self.pathway > self.bau else "pathway_unexplained"
        return Phrase.said(key, year=self.year, bau=round(self.bau), effects=round(self.effects),
                           left=round(self.bau - self.effects), pathway=round(self.pathway))


@per_plan
def explained_years(plan: Any) -> list[Explained]:
    """Years with a total in both BAU and action pathway that are milestones or state an effect."""
    found = []
    effects_of = action_effects(plan)
    wanted = set(effects_of) | set(milestone_years(plan))
    for year in sorted({r["year"] for _, r in items(plan, BAU) if isinstance(r.get("year"), int)}):
        if year not in wanted:
            continue
        effects, pointers = effects_of.get(year, (0.0, ()))
        bau, path = scenario_level(plan, BAU, year), scenario_level(plan, PATHWAY, year)
        if bau.tonnes is not None and path.tonnes is not None:
            seen = bau.pointers + path.pointers + pointers
            found.append(Explained(year, bau.tonnes, effects, path.tonnes, seen))
    return found
