"""Named follow-up checks on realised emissions: against the pathway, the target and the clock.

They read the follow-up document (capf.engine.checks.monitoring: `/plan`, `/status`,
`/statuses`) and use capf.engine.emissions for the plan's own arithmetic. The action pathway
between its known years is a straight line in t CO2e (`interpolated`); rates are straight lines
in t CO2e per year. Every choice is also stated in the rules' source notes.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import finding
from capf.engine.checks.monitoring import REALISED, parts
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options
from capf.engine.selector import Match
from capf.text.message import Phrase, bilingual


def _t(tonnes: float | None) -> int | None:
    return None if tonnes is None else round(tonnes)


def _shown(tonnes: float) -> float:
    """Whole tonnes for a message, kept a float: an int from 1900 to 2100 reads as a year."""
    return float(round(tonnes))


def latest_realised(root: Any) -> tuple[str, dict[str, Any]] | None:
    """The latest year's realised record of the latest report (the first one listed for it)."""
    found = em.items(root, REALISED)
    years = [r["year"] for _, r in found if isinstance(r.get("year"), int)]
    return None if not years else em.located(root, REALISED, max(years))  # type: ignore[return-value]


def pathway_points(plan: Any) -> list[tuple[int, str, Any]]:
    """Known points of the action pathway: the plan's status-year inventory, then its years.

    The inventory's status year is where the pathway starts from; a pathway record for the same
    year wins over it. Points are (year, pointer into the whole document, record).
    """
    points: dict[int, tuple[int, str, Any]] = {}
    status_year = em.get(plan, "/inventory/status_year")
    if isinstance(status_year, int):
        found = em.located(plan, em.INVENTORY, status_year)
        if found:
            points[status_year] = (status_year, "/plan" + found[0], found[1])
    seen: set[int] = set()
    for pointer, record in em.items(plan, em.PATHWAY):
        year = record.get("year")
        if isinstance(year, int) and year not in seen:
            seen.add(year)
            points[year] = (year, "/plan" + pointer, record)
    return [points[y] for y in sorted(points)]


def interpolated(plan: Any, year: int, sector: str = "total") -> em.Level:
    """The action pathway in `year`, on the straight line between the nearest known points.

    Linear interpolation in t CO2e between the last point at or before `year` and the first at
    or after it (one point when `year` is one); outside the points' span there is no value.
    """
    known = [(y, p, v) for y, p, r in pathway_points(plan)
             if (v := em.sector_value(r, sector)) is not None]
    before = [k for k in known if k[0] <= year]
    after = [k for k in known if k[0] >= year]
    if not before or not after:
        return em.Level(None, Phrase(f"the action pathway gives no {sector} figure around {year}",
                                     f"reduktionsstien har intet tal for {sector} omkring {year}"),
                        tuple(p for _, p, _ in known) or ("/plan" + em.PATHWAY,))
    (y0, p0, v0), (y1, p1, v1) = before[-1], after[0]
    level = v0 if y1 == y0 else v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return em.Level(level, None, tuple(dict.fromkeys((p0, p1))))


class OnPathwayOptions(Options):
    scope: Literal["total", "sectors"] = Field("total", description=(
        "total: the realised total; sectors: every sector the report and the pathway both give."))
    tolerance_percent: float = Field(0.5, ge=0, description=(
        "Allowed excess over the interpolated pathway, percent of it: an engine tolerance for "
        "rounding in reported figures (the catalogue sets none)."))


def on_pathway(ctx: Context, matches: list[Match], opts: OnPathwayOptions) -> Finding:
    """The latest realised emissions lie on or below the action pathway interpolated to that year."""
    plan, _, _ = parts(ctx)
    latest = latest_realised(ctx.root)
    values: dict[str, Any] = {"year": None, "realised_t": None, "pathway_t": None,
                              "excess_t": None, "off_track": [], **bilingual("detail", None)}
    if latest is None:
        values.update(bilingual("detail", NO_REALISED))
        return finding("fail", values, (REALISED,))
    pointer, record = latest
    year = values["year"] = record["year"]
    sectors = (["total"] if opts.scope == "total"
               else [s for s in (record.get("sectors") or {}) if em.number(record["sectors"][s])
                     is not None])
    off: list[Phrase] = []
    unknown: list[Phrase] = []
    evidence: list[str] = [pointer]
    for sector in sectors:
        realised = em.sector_value(record, sector)
        level = interpolated(plan, year, sector)
        evidence += level.pointers
        if realised is None or level.tonnes is None:
            unknown.append(level.reason or Phrase(f"no realised {sector} figure for {year}",
                                                  f"intet opgjort tal for {sector} i {year}"))
            continue
        if sector == "total":
            values.update(realised_t=_t(realised), pathway_t=_t(level.tonnes),
                          excess_t=_t(realised - level.tonnes))
        if realised > level.tonnes + abs(level.tonnes) * opts.tolerance_percent / 100:
            values["off_track"].append(sector)
            off.append(Phrase.of(*ABOVE, year=year, what=SECTOR_WORD.get(sector, Phrase(
                sector, sector)), realised=_shown(realised), excess=_shown(realised - level.tonnes),
                pathway=_shown(level.tonnes)))
    detail = Phrase.join([*off, *(u.sentence() for u in unknown)], " ")
    values.update(bilingual("detail", detail))
    if off:
        return finding("fail", values, evidence)
    if unknown or not sectors:
        if not sectors:
            values.update(bilingual("detail", Phrase(
                f"The report gives no sector figures for {year}.",
                f"Rapporten har ingen sektortal for {year}.")))
        return finding("needs_review", values, evidence)
    return finding("pass", values, evidence)


NO_REALISED = Phrase("The report states no realised emissions (status.emissions.years).",
                     "Rapporten oplyser ingen opgjort udledning (status.emissions.years).")
ABOVE = ("In {year} {what} emissions were {realised} t CO2e, {excess} t above the action pathway "
         "interpolated to that year ({pathway} t).",
         "I {year} var udledningen {what} {realised} t CO2e, altså {excess} t over reduktionsstien "
         "ført frem til det år ({pathway} t).")
SECTOR_WORD = {"total": Phrase("total", "i alt"), "energy": Phrase("energy", "fra energi"),
               "transport": Phrase("transport", "fra transport"),
               "waste": Phrase("waste", "fra affald og spildevand"),
               "ippu": Phrase("industrial process", "fra industrielle processer"),
               "agriculture": Phrase("agriculture", "fra landbrug"),
               "land_use": Phrase("land-use", "fra arealanvendelse")}


class RateOptions(Options):
    year: int = Field(2030, description="Target year the needed rate aims at (Klimaloven: 2030).")


def reduction_rate(ctx: Context, matches: list[Match], opts: RateOptions) -> Finding:
    """The yearly cut achieved so far is at least the yearly cut still needed to reach the target.

    Both rates are straight lines in t CO2e per year: needed = (latest realised - target level)
    / (target year - latest year); achieved = (start - latest realised) / (latest year - start
    year), the start being the plan's status-year inventory, else the earliest realised year.
    """
    plan, _, statuses = parts(ctx)
    latest = latest_realised(ctx.root)
    values: dict[str, Any] = dict.fromkeys((
        "year", "latest_year", "latest_t", "target_t", "needed_t_yearly", "start_year",
        "achieved_t_yearly"))
    values["year"] = opts.year
    values.update(bilingual("detail", None))
    if latest is None or em.total_of(latest[1]) is None:
        values.update(bilingual("detail", NO_REALISED))
        return finding("fail", values, (REALISED,))
    pointer, record = latest
    y, realised = record["year"], em.total_of(record) or 0.0
    values.update(latest_year=y, latest_t=_t(realised))
    if y >= opts.year:
        return finding("not_applicable", values, (pointer,))
    level = em.required_level(plan, opts.year)
    evidence = [pointer, *("/plan" + p for p in level.pointers)]
    if level.tonnes is None:
        values.update(bilingual("detail", level.reason and level.reason.sentence()))
        return finding("needs_review" if level.pointers else "fail", values, evidence)
    needed = max(0.0, (realised - level.tonnes) / (opts.year - y))
    values.update(target_t=_t(level.tonnes), needed_t_yearly=_t(needed))
    start = _start(plan, statuses, y)
    if start is None:
        values.update(bilingual("detail", Phrase(
            "no earlier emissions figure to measure the rate achieved from",
            "intet tidligere udledningstal at måle den opnåede takt fra").sentence()))
        return finding("pass" if needed == 0 else "needs_review", values, evidence)
    start_year, start_t, start_at = start
    achieved = (start_t - realised) / (y - start_year)
    values.update(start_year=start_year, achieved_t_yearly=_t(achieved))
    tonnes = {k: _shown(v) for k, v in values.items()
              if k.endswith(("_t", "_t_yearly")) and isinstance(v, int)}
    values.update(bilingual("detail", Phrase.of(*RATES, **{**values, **tonnes})))
    ok = round(achieved) >= round(needed)  # judged in whole tonnes, as shown
    return finding("pass" if ok else "fail", values, [*evidence, start_at])


RATES = ("To reach the {year} target level ({target_t} t CO2e) from {latest_t} t in {latest_year}, "
         "emissions must fall by {needed_t_yearly} t a year; since {start_year} they fell by "
         "{achieved_t_yearly} t a year.",
         "For at nå målniveauet for {year} ({target_t} t CO2e) fra {latest_t} t i {latest_year} "
         "skal udledningen falde med {needed_t_yearly} t om året; siden {start_year} er den "
         "faldet med {achieved_t_yearly} t om året.")


def _start(plan: Any, statuses: list[Any], before: int) -> tuple[int, float, str] | None:
    year = em.get(plan, "/inventory/status_year")
    found = em.located(plan, em.INVENTORY, year) if isinstance(year, int) else None
    if found and year < before and (total := em.total_of(found[1])) is not None:
        return year, total, "/plan" + found[0]
    earliest: tuple[int, float, str] | None = None
    for i, report in enumerate(statuses):
        for pointer, record in em.items(report, "/emissions/years"):
            year, total = record.get("year"), em.total_of(record)
            if isinstance(year, int) and year < before and total is not None and (
                    earliest is None or year < earliest[0]):
                earliest = (year, total, f"/statuses/{i}{pointer}")
    return earliest


class InventoryAgeOptions(Options):
    max_age_years: int = Field(3, ge=0, description=(
        "Most years between the latest inventory year and the as-of year (C40: data at most "
        "3 years old)."))


def inventory_age(ctx: Context, matches: list[Match], opts: InventoryAgeOptions) -> Finding:
    """The latest inventory year known (any report's realised years, else the plan's) is recent."""
    plan, _, statuses = parts(ctx)
    years = [(r["year"], f"/statuses/{i}/emissions/years/{j}/year")
             for i, s in enumerate(statuses)
             for j, r in enumerate(em.get(s, "/emissions/years") or [])
             if isinstance(r, dict) and isinstance(r.get("year"), int)]
    status_year = em.get(plan, "/inventory/status_year")
    if isinstance(status_year, int):
        years.append((status_year, "/plan/inventory/status_year"))
    values: dict[str, Any] = {"value": None, "age_years": None, "as_of": ctx.as_of.isoformat()}
    if not years:
        return finding("fail", values, (REALISED,))
    year, pointer = max(years)
    values.update(value=year, age_years=ctx.as_of.year - year)
    return finding("pass" if ctx.as_of.year - year <= opts.max_age_years else "fail", values,
                   (pointer,))


PATHWAY_CHECKS: dict[str, CheckSpec] = {spec.name: spec for spec in (
    CheckSpec.of("on_pathway", on_pathway, OnPathwayOptions,
                 "year realised_t pathway_t excess_t off_track detail"),
    CheckSpec.of("reduction_rate", reduction_rate, RateOptions,
                 "year latest_year latest_t target_t needed_t_yearly start_year "
                 "achieved_t_yearly detail"),
    CheckSpec.of("inventory_age", inventory_age, InventoryAgeOptions, "value age_years as_of"),
)}
