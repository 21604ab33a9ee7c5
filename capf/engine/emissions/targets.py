"""Target levels: every target shape turned into t CO2e for its year, and sector cuts.

Plans state targets in several shapes (capf-framework.md §4) while pathways and manko are tonnes,
so the domain checks need one number per target year to compare against.

A split target (Frederiksberg: climate neutral in 2030 with at least 85 % of the cut inside the
boundary, at most 15 % via reductions outside) allows, inside the geographic area, the reference
emissions less the inside share of the cut: reference 400,000 t, neutral (cut 400,000 t), inside
share 85 % → inside level 400,000 - 0.85 × 400,000 = 60,000 t. The geographic pathway and the
manko are measured against that level, not against 0 t.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from capf.engine.emissions.records import (
    INVENTORY,
    NET_ZERO,
    POPULATION,
    SECTOR_NEUTRALITY,
    TARGETS,
    Level,
    Record,
    get,
    group_value,
    items,
    located,
    number,
    per_plan,
    sector_value,
)
from capf.text.message import Phrase


def target_sectors(target: Record) -> tuple[str, ...]:
    """A target's sectors: its group (`sectors`), else its `sector`; no sector = the whole area."""
    group = target.get("sectors")
    if isinstance(group, list) and group:
        return tuple(dict.fromkeys(s for s in group if isinstance(s, str)))
    return (target.get("sector", "total"),)


def targets_for(plan: Any, year: int, sector: str = "total") -> list[tuple[str, Record]]:
    """The targets for exactly this sector (a group target is not one of its members' targets)."""
    return _targets_by(plan).get((year, (sector,)), [])


@per_plan
def _targets_by(plan: Any) -> dict[tuple[Any, tuple[str, ...]], list[tuple[str, Record]]]:
    """The targets by year and sectors, in plan order: the target levels ask for every year."""
    found: dict[tuple[Any, tuple[str, ...]], list[tuple[str, Record]]] = {}
    for p, t in items(plan, TARGETS):
        year = t.get("year")
        if not isinstance(year, list | dict):  # unhashable: equal to no year
            found.setdefault((year, target_sectors(t)), []).append((p, t))
    return found


def population_for(plan: Any, year: int) -> tuple[float | None, tuple[str, ...]]:
    """The residents a per-resident figure for `year` divides by, when no level says its own.

    A binding per-capita level carries the population it was multiplied by (`Level.population`)
    and per-resident figures use that one, so a 1.7 t target reads 1.7 t; otherwise a total
    per-capita target's own population for the year, else the municipality's.
    """
    for pointer, target in targets_for(plan, year):
        own = number(target.get("population"))
        if target.get("type") == "per_capita" and own is not None:
            return own, (f"{pointer}/population",)
    population = number(get(plan, POPULATION))
    return population, ((POPULATION,) if population is not None else ())


def inside_share(target: Record) -> float | None:
    """Least share (%) of the cut made inside the boundary; the stricter of the two fields."""
    inside = number(target.get("inside_boundary_min_percent"))
    outside = number(target.get("outside_boundary_max_percent"))
    shares = [s for s in (inside, None if outside is None else 100 - outside) if s is not None]
    return max(shares) if shares else None


def is_split(target: Record) -> bool:
    share = inside_share(target)
    return share is not None and share < 100


def _reference(target: Record, plan: Any) -> tuple[int | None, Level]:
    """The target's reference-year figure for its sectors (its own year, else the plan's)."""
    year = target.get("reference_year") or get(plan, "/inventory/reference_year")
    if not isinstance(year, int):
        return None, Level(None)
    sectors = target_sectors(target)
    found = located(plan, INVENTORY, year)
    base = (sector_value(found[1], sectors[0]) if len(sectors) == 1
            else group_value(found[1], sectors)) if found else None
    shown = f"{year}" if sectors == ("total",) else f"{year} ({' + '.join(sectors)})"
    seen = (found[0],) if found else ()
    if base is None:
        return year, Level(None, Phrase(f"no inventory figure for {shown}",
                                        f"intet tal i klimaregnskabet for {shown}"), seen)
    if base < 0:
        return year, Level(None, Phrase(f"inventory figure for {shown} is a net sink",
                                        f"klimaregnskabets tal for {shown} er et nettooptag"), seen)
    return year, Level(base, None, seen)


def _stated_level(target: Record, plan: Any, here: tuple[str, ...]) -> Level:
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
        return Level(per_capita * population, None, seen, population)
    if kind == "percent_below_reference":
        percent = number(target.get("percent"))
        year, base = _reference(target, plan)
        if percent is None or year is None:
            return Level(None, Phrase("percent target without percent or reference year",
                                      "procentmål uden procentsats eller basisår"), here)
        if base.tonnes is None:
            return Level(None, base.reason, here + base.pointers)
        return Level(base.tonnes * (1 - percent / 100), None, here + base.pointers)
    return Level(None, Phrase(f"unknown target type {kind!r}", f"ukendt måltype {kind!r}"), here)


def target_level(target: Record, plan: Any, pointer: str = "") -> Level:
    """The level a target allows inside the boundary in its year; `pointer` goes into `pointers`.

    A percent target without its own `reference_year` uses `/inventory/reference_year`, the year the
    plan says its targets refer to. A percent cut of a net sink (negative reference) is undefined.
    A split target allows the reference less the inside share of its cut (module docstring).
    """
    level = _stated_level(target, plan, (pointer,) if pointer else ())
    share = inside_share(target)
    if level.tonnes is None or share is None or share >= 100:
        return level
    _, base = _reference(target, plan)
    if base.tonnes is None:
        return Level(None, base.reason or Phrase(
            "split target without a reference year", "delt mål uden basisår"),
            level.pointers + base.pointers)
    cut = max(0.0, base.tonnes - level.tonnes)
    return Level(base.tonnes - cut * share / 100, None, level.pointers + base.pointers)


def _neutral_levels(plan: Any, year: int, sector: str) -> list[Level]:
    """Neutrality years as levels of 0 t: the all-sector one, and partial ones for their sectors.

    The all-sector year does not bind inside the boundary in a year whose own target is split,
    nor when the plan lets reductions outside the boundary count (`offsets_allowed`).
    """
    if sector != "total":
        return [Level(0.0, None, (p,)) for p, n in items(plan, SECTOR_NEUTRALITY)
                if isinstance(n.get("year"), int) and n["year"] <= year
                and sector in (n.get("sectors") or [])]
    net_zero = get(plan, NET_ZERO)
    if not isinstance(net_zero, int) or year < net_zero:
        return []
    if get(plan, "/targets/offsets_allowed") is True:
        return []
    if any(is_split(t) for _, t in targets_for(plan, year)):
        return []
    return [Level(0.0, None, (NET_ZERO,))]


@per_plan
def required_level(plan: Any, year: int, sector: str = "total") -> Level:
    """The strictest level the plan commits to for a year and sector.

    Every target must be met, so the lowest binds. Targets whose level cannot be computed are
    skipped when another one gives a level (so adding a target never raises the result); when
    none can be computed, their reasons are joined.
    """
    levels = [target_level(t, plan, p) for p, t in targets_for(plan, year, sector)]
    levels += _neutral_levels(plan, year, sector)
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


@per_plan
def milestone_years(plan: Any) -> list[int]:
    """Years the manko must be declared for: each total target year and the net-zero year."""
    years = {t["year"] for _, t in items(plan, TARGETS)
             if target_sectors(t) == ("total",) and isinstance(t.get("year"), int)}
    net_zero = get(plan, NET_ZERO)
    if isinstance(net_zero, int):
        years.add(net_zero)
    return sorted(years)


@dataclass(frozen=True)
class Cut:
    """The cut in percent that a group of sectors' targets make against a base year.

    `skipped`: the category emitted nothing in the base year, so it has nothing to cut.
    """

    percent: float | None
    reason: Phrase | None = None
    pointers: tuple[str, ...] = ()
    justified: bool = False
    skipped: bool = False


def sector_cut(plan: Any, sectors: Sequence[str], year: int, base_year: int) -> Cut:
    """National sector ranges group plan sectors, so the group's levels and base are summed.

    Only sectors in the base-year inventory take part; one of them without its own target is
    taken as not reduced (its base-year figure stays). No base-year record, or no target at all,
    is a gap (`pointers` empty); a category without base-year emissions is skipped; a target that
    cannot be computed, a target over sectors of several categories or a net-sink base gives a
    reason with pointers (a person must judge).
    """
    found = located(plan, INVENTORY, base_year)
    if found is None:
        return Cut(None, Phrase(f"no {base_year} inventory figure",
                                f"intet tal i klimaregnskabet for {base_year}"))
    if not found[1].get("sectors"):
        return Cut(None, Phrase(f"no {base_year} sector figures",
                                f"ingen sektortal i klimaregnskabet for {base_year}"))
    base = {s: v for s in sectors if (v := sector_value(found[1], s)) is not None}
    if not any(base.values()):
        return Cut(None, Phrase(f"no {base_year} emissions to cut",
                                f"ingen udledning i {base_year} at reducere"), skipped=True)
    targets = [(p, t) for s in base for p, t in targets_for(plan, year, s)]
    pointers = tuple(p for p, _ in targets)
    justified = any(isinstance(t.get("justification"), str) and t["justification"].strip()
                    for _, t in targets)
    if not targets:
        groups = [(p, t) for p, t in items(plan, TARGETS) if t.get("year") == year
                  and len(target_sectors(t)) > 1 and set(target_sectors(t)) & set(base)]
        if groups:
            named = " + ".join(target_sectors(groups[0][1]))
            return Cut(None, Phrase(
                f"the {year} target covers {named} together, the national ranges one category each",
                f"målet for {year} dækker {named} samlet, de nationale intervaller én kategori "
                "hver"), tuple(p for p, _ in groups))
        return Cut(None, Phrase(f"no {year} sector target", f"intet sektormål for {year}"))
    levels = [required_level(plan, year, s) if targets_for(plan, year, s) else Level(v)
              for s, v in base.items()]
    unknown = [lv for lv in levels if lv.tonnes is None]
    total = sum(base.values())
    if unknown or total <= 0:
        return Cut(None, Phrase.join(lv.reason for lv in unknown) or Phrase(
            f"the {base_year} emissions are a net uptake", f"udledningen i {base_year} er et "
            "nettooptag"), pointers, justified)
    level = sum(lv.tonnes or 0.0 for lv in levels)
    return Cut((1 - level / total) * 100, None, pointers, justified)
