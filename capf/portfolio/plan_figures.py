"""One plan's figures per year and sector, read through the engine (the only module that does).

Targets become tonnes only through `capf.engine.emissions` (required_level, scenario_level,
manko_gaps), the arithmetic the rules use, so the portfolio and a plan's verdict never disagree
on a level. This module reads; it adds nothing up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from capf.engine.emissions import (
    BAU,
    INVENTORY,
    PATHWAY,
    TARGETS,
    get,
    items,
    manko_gaps,
    number,
    record_for,
    required_level,
    scenario_level,
    sector_value,
    total_of,
)
from capf.portfolio.model import Case, PlanGap, Series, Text
from capf.portfolio.treatment import BASE_YEAR
from capf.text.message import Phrase

SECTORS = ("energy", "transport", "waste", "ippu", "agriculture", "land_use")
MANKO = "/manko/milestones"
Key = tuple[int, Series, str]  # year, series, sector ("total" for the whole area)


@dataclass(frozen=True)
class PlanFigures:
    """What the portfolio keeps of one plan: figures by (year, series, sector), never the plan."""

    values: dict[Key, float]
    gaps: list[PlanGap] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    unsplit: dict[int, float] = field(default_factory=dict)  # declared manko without sectors

    def get(self, year: int, series: Series, sector: str = "total") -> float | None:
        return self.values.get((year, series, sector))

    def base(self, sector: str = "total") -> float | None:
        return self.values.get((BASE_YEAR, "inventory", sector))


def _text(phrase: Phrase | None, fallback: str) -> Text:
    if phrase is None:
        return Text(da=fallback, en=fallback)
    return Text(da=phrase.da, en=phrase.en)


def _years(data: Any) -> set[int]:
    """Every year the plan has a figure, a target or a manko milestone for, and 1990."""
    found = {BASE_YEAR}
    for pointer in (INVENTORY, BAU, PATHWAY, TARGETS, MANKO):
        found |= {r["year"] for _, r in items(data, pointer) if isinstance(r.get("year"), int)}
    status = get(data, "/inventory/status_year")
    if isinstance(status, int):
        found.add(status)
    return found


def _cases(data: Any) -> list[Case]:
    """The stated treatments this plan's targets fall under (see capf.portfolio.treatment)."""
    targets = [t for _, t in items(data, TARGETS)]
    cases: list[Case] = []
    reference = get(data, "/inventory/reference_year")
    if (isinstance(reference, int) and reference != BASE_YEAR) or any(
            isinstance(t.get("reference_year"), int) and t["reference_year"] != BASE_YEAR
            for t in targets if t.get("type") == "percent_below_reference"):
        cases.append("other_reference_year")
    population = number(get(data, "/municipality/population"))
    if any(t.get("type") == "per_capita" and population is None
           and number(t.get("population")) is None for t in targets):
        cases.append("per_capita_without_population")
    if isinstance(get(data, "/targets/net_zero_year"), int) or any(
            t.get("type") == "neutral" for t in targets):
        cases.append("neutrality_target")
    return cases


def plan_figures(data: Any) -> PlanFigures:
    """Inventory, BAU, pathway, target level and manko (declared and computed) per year."""
    values: dict[Key, float] = {}
    gaps: list[PlanGap] = []
    cases = _cases(data)

    def keep(year: int, series: Series, sector: str, value: float | None) -> None:
        if value is not None:
            values[(year, series, sector)] = value

    inventory = get(data, INVENTORY)
    for year in sorted(_years(data)):
        record = record_for(inventory, year)
        keep(year, "inventory", "total", total_of(record))
        scenarios: tuple[tuple[Series, str], ...] = (("bau", BAU), ("pathway", PATHWAY))
        for series, pointer in scenarios:
            scenario_record = record_for(get(data, pointer), year)
            keep(year, series, "total", scenario_level(data, pointer, year).tonnes)
            for sector in SECTORS:
                keep(year, series, sector, sector_value(scenario_record, sector))
        for sector in SECTORS:
            keep(year, "inventory", sector, sector_value(record, sector))
        level = required_level(data, year)
        keep(year, "target", "total", level.tonnes)
        if level.tonnes is None and level.pointers:  # a target is there but gives no level
            gaps.append(PlanGap(year=year, series="target",
                                reason=_text(level.reason, "target level not computable")))
    unsplit: dict[int, float] = {}
    for gap in manko_gaps(data):
        keep(gap.year, "manko_declared", "total", gap.declared)
        keep(gap.year, "manko_computed", "total", gap.expected)
        if gap.declared_at is None and "manko_not_declared" not in cases:
            cases.append("manko_not_declared")
        if gap.expected is None:
            why = gap.target.reason or gap.pathway.reason
            gaps.append(PlanGap(year=gap.year, series="manko_computed",
                                reason=_text(why, "manko not computable")))
        milestone = record_for(get(data, MANKO), gap.year)
        split = [s for s in SECTORS if sector_value(milestone, s) is not None]
        for sector in split:
            keep(gap.year, "manko_declared", sector, sector_value(milestone, sector))
        if not split and gap.declared:
            unsplit[gap.year] = gap.declared
    return PlanFigures(values=values, gaps=gaps, cases=cases, unsplit=unsplit)
