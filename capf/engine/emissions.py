"""Emission arithmetic over plan data (plain JSON as in the plan schema), in t CO2e per year.

Plans state targets in four shapes (capf-framework.md §4) while pathways and manko are tonnes, so
the domain checks need one number per target year to compare against. Missing data is a gap the
rules report, never an exception: every function here returns None (or a `Level` with a reason)
instead of raising on a schema-valid plan. Reasons are `Phrase`s, in English and Danish, because
the rules show them in findings in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from capf.text.message import Phrase

INVENTORY = "/inventory/years"
BAU = "/scenarios/bau/years"
PATHWAY = "/scenarios/action_pathway/years"
TARGETS = "/targets/emission_targets"
NET_ZERO = "/targets/net_zero_year"
POPULATION = "/municipality/population"

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Level:
    """A level in t CO2e/yr, or `reason` why it cannot be computed; `pointers` = data looked at.

    A None level with no pointers means nothing was there to compute from (e.g. no target for
    the year) — a gap; with pointers, the data exists but is incomplete — a person must look.
    """

    tonnes: float | None
    reason: Phrase | None = None
    pointers: tuple[str, ...] = ()


def number(value: Any) -> float | None:
    """JSON numbers only: `True` is an int in Python but never a figure in a plan."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def get(root: Any, pointer: str) -> Any:
    """The value at a pointer of plain object keys (the fixed places this module reads), or None."""
    value = root
    for key in pointer.strip("/").split("/"):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def items(root: Any, pointer: str) -> list[tuple[str, Record]]:
    """The objects of the array at `pointer` with their own pointers (array order kept)."""
    found = get(root, pointer)
    if not isinstance(found, list):
        return []
    return [(f"{pointer}/{i}", x) for i, x in enumerate(found) if isinstance(x, dict)]


def located(root: Any, pointer: str, year: int) -> tuple[str, Record] | None:
    """The first record for `year` in the array at `pointer`, with its pointer."""
    return next(((p, r) for p, r in items(root, pointer) if r.get("year") == year), None)


def record_for(series: Any, year: int) -> Record | None:
    """The first record for `year`: a plan lists a year once, and a reader sees the first one."""
    records = series if isinstance(series, list) else []
    return next((r for r in records if isinstance(r, dict) and r.get("year") == year), None)


def total_of(record: Record | None) -> float | None:
    """The stated total wins: plans often leave sectors out that the total includes."""
    if record is None:
        return None
    total = number(record.get("total"))
    if total is not None:
        return total
    sectors = record.get("sectors")
    figures = [number(v) for v in sectors.values()] if isinstance(sectors, dict) else []
    known = [v for v in figures if v is not None]
    return sum(known) if known else None


def sector_value(record: Record | None, sector: str) -> float | None:
    """`total` means the whole area, so target sectors and inventory sectors share one lookup."""
    if record is None:
        return None
    if sector == "total":
        return total_of(record)
    sectors = record.get("sectors")
    return number(sectors.get(sector)) if isinstance(sectors, dict) else None


def target_level(target: Record, plan: Any, pointer: str = "") -> Level:
    """The level a target allows in its year; `pointer` (the target's place) goes into `pointers`.

    A percent target without its own `reference_year` uses `/inventory/reference_year`, the year the
    plan says its targets refer to. A percent cut of a net sink (negative reference) is undefined.
    """
    here = (pointer,) if pointer else ()
    kind = target.get("type")
    if kind == "neutral":
        return Level(0.0, None, here)
    if kind == "absolute":
        tonnes = number(target.get("tonnes"))
        return Level(tonnes, None if tonnes is not None else Phrase(
            "absolute target without tonnes", "absolut mål uden antal ton"), here)
    if kind == "per_capita":
        per_capita = number(target.get("tonnes_per_capita"))
        if per_capita is None:
            return Level(None, Phrase("per-capita target without tonnes per capita",
                                      "mål pr. indbygger uden ton pr. indbygger"), here)
        population = number(target.get("population"))
        seen = (*here, *(f"{p}/population" for p in here))
        if population is None:
            population, seen = number(get(plan, POPULATION)), (*here, POPULATION)
        if population is None:
            return Level(None, Phrase("no population for a per-capita target",
                                      "intet indbyggertal til et mål pr. indbygger"), here)
        return Level(per_capita * population, None, seen)
    if kind == "percent_below_reference":
        percent = number(target.get("percent"))
        year = target.get("reference_year") or get(plan, "/inventory/reference_year")
        if percent is None or not isinstance(year, int):
            return Level(None, Phrase("percent target without percent or reference year",
                                      "procentmål uden procentsats eller basisår"), here)
        sector = target.get("sector", "total")
        found = located(plan, INVENTORY, year)
        base = sector_value(found[1], sector) if found else None
        seen = (*here, found[0]) if found else here
        what = f"{year}" if sector == "total" else f"{year} ({sector})"
        if base is None:
            return Level(None, Phrase(f"no inventory figure for {what}",
                                      f"intet tal i klimaregnskabet for {what}"), seen)
        if base < 0:
            return Level(None, Phrase(f"inventory figure for {what} is a net sink",
                                      f"klimaregnskabets tal for {what} er et nettooptag"), seen)
        return Level(base * (1 - percent / 100), None, seen)
    return Level(None, Phrase(f"unknown target type {kind!r}", f"ukendt måltype {kind!r}"), here)


def targets_for(plan: Any, year: int, sector: str = "total") -> list[tuple[str, Record]]:
    """A target without `sector` covers the whole area, as the schema describes."""
    return [
        (p, t) for p, t in items(plan, TARGETS)
        if t.get("year") == year and t.get("sector", "total") == sector
    ]


def required_level(plan: Any, year: int, sector: str = "total") -> Level:
    """The strictest level the plan commits to for a year and sector.

    Every target must be met, so the lowest binds. Targets whose level cannot be computed are
    skipped when another one gives a level (so adding a target never raises the result); when
    none can be computed, their reasons are joined.
    """
    levels = [target_level(t, plan, p) for p, t in targets_for(plan, year, sector)]
    net_zero = get(plan, NET_ZERO)
    if sector == "total" and isinstance(net_zero, int) and year >= net_zero:
        levels.append(Level(0.0, None, (NET_ZERO,)))
    known = [lv for lv in levels if lv.tonnes is not None]
    if known:
        return min(known, key=lambda lv: lv.tonnes or 0.0)
    if levels:
        reasons = Phrase.join(lv.reason for lv in levels)
        return Level(None, reasons, tuple(p for lv in levels for p in lv.pointers))
    if sector == "total":
        return Level(None, Phrase(f"no total target for {year}", f"intet samlet mål for {year}"))
    return Level(None, Phrase(f"no {sector} target for {year}",
                              f"intet mål for sektoren {sector} i {year}"))


def milestone_years(plan: Any) -> list[int]:
    """Years the manko must be declared for: each total target year and the net-zero year."""
    years = {t["year"] for _, t in items(plan, TARGETS)
             if t.get("sector", "total") == "total" and isinstance(t.get("year"), int)}
    net_zero = get(plan, NET_ZERO)
    if isinstance(net_zero, int):
        years.add(net_zero)
    return sorted(years)


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


def manko_gaps(plan: Any) -> list[Gap]:
    """One `Gap` per milestone year; a year the plan declares nothing for declares 0 t."""
    declared: dict[Any, tuple[float, str]] = {}
    for pointer, entry in items(plan, "/manko/milestones"):
        declared.setdefault(entry.get("year"), (number(entry.get("t_co2e")) or 0.0, pointer))
    return [Gap(year, required_level(plan, year), scenario_level(plan, PATHWAY, year),
                *declared.get(year, (0.0, None)))
            for year in milestone_years(plan)]


@dataclass(frozen=True)
class Cut:
    """The cut in percent that a group of sectors' targets make against a base year."""

    percent: float | None
    reason: Phrase | None = None
    pointers: tuple[str, ...] = ()
    justified: bool = False


def sector_cut(plan: Any, sectors: Sequence[str], year: int, base_year: int) -> Cut:
    """National sector ranges group plan sectors, so the group's levels and base are summed.

    Only sectors in the base-year inventory take part; one of them without its own target is
    taken as not reduced (its base-year figure stays). No target at all, or no base figure, is a
    gap (`pointers` empty); a target that cannot be computed or a base <= 0 gives a reason.
    """
    found = located(plan, INVENTORY, base_year)
    record = found[1] if found else None
    base = {s: v for s in sectors if (v := sector_value(record, s)) is not None}
    targets = [(p, t) for s in base for p, t in targets_for(plan, year, s)]
    pointers = tuple(p for p, _ in targets)
    justified = any(isinstance(t.get("justification"), str) and t["justification"].strip()
                    for _, t in targets)
    if not base or not targets:
        what = (Phrase(f"no {base_year} inventory figure",
                       f"intet tal i klimaregnskabet for {base_year}") if not base
                else Phrase(f"no {year} sector target", f"intet sektormål for {year}"))
        return Cut(None, what, pointers, justified)
    levels = [required_level(plan, year, s) if targets_for(plan, year, s) else Level(v)
              for s, v in base.items()]
    unknown = [lv for lv in levels if lv.tonnes is None]
    total = sum(base.values())
    if unknown or total <= 0:
        return Cut(None, Phrase.join(lv.reason for lv in unknown) or Phrase(
            f"{base_year} emissions not positive", f"udledningen i {base_year} er ikke positiv"),
                   pointers, justified)
    level = sum(lv.tonnes or 0.0 for lv in levels)
    return Cut((1 - level / total) * 100, None, pointers, justified)


def scenario_level(plan: Any, pointer: str, year: int) -> Level:
    """A scenario's total for a year as a `Level`, so checks treat pathways and targets alike."""
    found = located(plan, pointer, year)
    if found is None:
        return Level(None, Phrase(f"no figure for {year} in {pointer}",
                                  f"intet tal for {year} i {pointer}"))
    total = total_of(found[1])
    reason = None if total is not None else Phrase(f"no total for {year} in {pointer}",
                                                   f"ingen total for {year} i {pointer}")
    return Level(total, reason, (found[0],))


def action_effects(plan: Any) -> dict[int, tuple[float, tuple[str, ...]]]:
    """Per year, the summed `effect` of mitigation actions (and those of type both), with pointers.

    Adaptation-only actions do not reduce emissions, so their stated effects are not counted.
    One pass over the actions for all years: a plan may hold thousands of them.
    """
    totals: dict[int, float] = {}
    pointers: dict[int, list[str]] = {}
    for pointer, action in items(plan, "/actions"):
        if action.get("type") not in ("mitigation", "both"):
            continue
        for p, effect in items(action, "/effect"):
            tonnes, year = number(effect.get("t_co2e")), effect.get("year")
            if isinstance(year, int) and tonnes is not None:
                totals[year] = totals.get(year, 0.0) + tonnes
                pointers.setdefault(year, []).append(pointer + p)
    return {year: (totals[year], tuple(pointers[year])) for year in totals}


@dataclass(frozen=True)
class Explained:
    """A year where actions state effects, so BAU minus those effects should give the pathway."""

    year: int
    bau: float
    effects: float
    pathway: float
    pointers: tuple[str, ...]

    @property
    def unexplained(self) -> float:
        return abs(self.bau - self.effects - self.pathway)

    def mismatch(self) -> Phrase:
        """BAU minus the effects set against the pathway, in words."""
        return Phrase.said("pathway_unexplained", year=self.year, bau=round(self.bau),
                           effects=round(self.effects), left=round(self.bau - self.effects),
                           pathway=round(self.pathway))


def explained_years(plan: Any) -> list[Explained]:
    """Years with a total in both BAU and action pathway and a stated effect, in year order."""
    found = []
    effects_of = action_effects(plan)
    for year in sorted({r["year"] for _, r in items(plan, BAU) if isinstance(r.get("year"), int)}):
        effects, pointers = effects_of.get(year, (0.0, ()))
        bau, path = scenario_level(plan, BAU, year), scenario_level(plan, PATHWAY, year)
        if pointers and bau.tonnes is not None and path.tonnes is not None:
            seen = bau.pointers + path.pointers + pointers
            found.append(Explained(year, bau.tonnes, effects, path.tonnes, seen))
    return found
