"""The adding-up: per year, series and sector over the included plans, and per region.

A plan without a figure (or without the 1990 figure its reduction needs) is named in the sum's
`missing` list instead of being counted as zero, and every reduction is taken against the 1990
emissions of the very plans the sum covers. `math.fsum` keeps sums of many large figures exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from capf.portfolio.model import Figure, Group, Headline, SectorYear, Series, YearTotal
from capf.portfolio.plan_figures import SECTORS, PlanFigures
from capf.portfolio.treatment import NATIONAL


@dataclass(frozen=True)
class Entry:
    """An included plan as the sums see it: its code, region and figures."""

    code: str
    region: str
    figures: PlanFigures


def _is_manko(series: Series) -> bool:
    return series.startswith("manko")


def figure(entries: Sequence[Entry], year: int, series: Series, sector: str = "total") -> Figure:
    """One sum. Emission series need the plan's 1990 figure too (the reduction's base)."""
    values: list[float] = []
    bases: list[float] = []
    missing: list[str] = []
    for entry in entries:
        value = entry.figures.get(year, series, sector)
        base = entry.figures.base(sector)
        if value is None or (base is None and not _is_manko(series)):
            missing.append(entry.code)
            continue
        values.append(value)
        if base is not None:
            bases.append(base)
    tonnes = math.fsum(values) if values else None
    base_1990 = math.fsum(bases) if values and not _is_manko(series) else None
    reduction = (1 - tonnes / base_1990
                 if tonnes is not None and base_1990 is not None and base_1990 > 0 else None)
    return Figure(tonnes=tonnes, plans=len(values), base_1990=base_1990,
                  reduction_vs_1990=reduction, missing=missing)


def year_total(entries: Sequence[Entry], year: int, *, sectors: bool) -> YearTotal:
    return YearTotal(
        year=year,
        inventory=figure(entries, year, "inventory"), bau=figure(entries, year, "bau"),
        pathway=figure(entries, year, "pathway"), target=figure(entries, year, "target"),
        manko_declared=figure(entries, year, "manko_declared"),
        manko_computed=figure(entries, year, "manko_computed"),
        manko_declared_unsplit=math.fsum(e.figures.unsplit.get(year, 0.0) for e in entries),
        sectors=[SectorYear(sector=s, inventory=figure(entries, year, "inventory", s),
                            bau=figure(entries, year, "bau", s),
                            pathway=figure(entries, year, "pathway", s),
                            manko_declared=figure(entries, year, "manko_declared", s))
                 for s in SECTORS] if sectors else [])


def years_of(entries: Sequence[Entry]) -> list[int]:
    """Every year any included plan has a figure for (1990 always among them)."""
    return sorted({key[0] for e in entries for key in e.figures.values} | {1990})


def totals(entries: Sequence[Entry], years: Sequence[int], *, sectors: bool) -> list[YearTotal]:
    return [year_total(entries, year, sectors=sectors) for year in years]


def groups(entries: Sequence[Entry], years: Sequence[int]) -> list[Group]:
    """One group per region that has an included plan, in name order (totals only)."""
    by_region: dict[str, list[Entry]] = {}
    for entry in entries:
        by_region.setdefault(entry.region, []).append(entry)
    return [Group(name=name, municipalities=[e.code for e in members],
                  years=totals(members, years, sectors=False))
            for name, members in sorted(by_region.items())]


def headline(total: YearTotal) -> Headline:
    """The year's combined reductions, the gap to the national line and the manko's sectors."""
    cut = NATIONAL.get(total.year)
    path = total.pathway
    level = (1 - cut) * path.base_1990 if cut is not None and path.base_1990 is not None else None
    above = path.tonnes - level if level is not None and path.tonnes is not None else None
    ranked = sorted(((s.manko_declared.tonnes or 0.0, s.sector) for s in total.sectors),
                    key=lambda pair: (-pair[0], pair[1]))
    return Headline(year=total.year, target_reduction_vs_1990=total.target.reduction_vs_1990,
                    pathway_reduction_vs_1990=path.reduction_vs_1990, national_reduction=cut,
                    national_level=level, pathway_above_national=above,
                    manko_computed=total.manko_computed.tonnes,
                    manko_declared=total.manko_declared.tonnes,
                    manko_sectors=[sector for tonnes, sector in ranked if tonnes > 0])


def headlines(years: Sequence[YearTotal]) -> list[Headline]:
    return [headline(t) for t in years if t.year in NATIONAL]


def manko_share(figures: PlanFigures, total: YearTotal) -> float | None:
    """This plan's part of the year's combined computed manko; None when there is none."""
    own, combined = figures.get(total.year, "manko_computed"), total.manko_computed.tonnes
    if own is None or combined is None or combined <= 0:
        return None
    return own / combined
