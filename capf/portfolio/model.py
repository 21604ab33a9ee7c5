"""The portfolio as data: every plan's figures and their sums, frozen, published as a JSON Schema.

`schemas/portfolio.schema.json` is generated from `Portfolio` (capf.docs.model_schemas). A sum
never hides what it leaves out: each `Figure` says how many plans it covers and which included
plans lack the figure, and its reduction is taken against the 1990 emissions of exactly those
plans, so a ratio never mixes one set of municipalities with another.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SERIES = ("inventory", "bau", "pathway", "target", "manko_declared", "manko_computed")
SECTOR_SERIES = ("inventory", "bau", "pathway", "manko_declared")
Series = Literal["inventory", "bau", "pathway", "target", "manko_declared", "manko_computed"]
GroupBy = Literal["region", "dgo", "none"]
Case = Literal["no_1990_figure", "other_reference_year", "per_capita_without_population",
               "neutrality_target", "missing_figure", "manko_not_declared", "not_loadable",
               "no_municipality_code", "unknown_municipality_code", "duplicate_municipality_code",
               "no_status_report", "status_of_left_out_plan", "status_without_plan",
               "duplicate_status_year"]
Handling = Literal["included_converted", "included_as_stated", "figure_left_out_listed",
                   "plan_left_out_listed", "error_row"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A sentence in both languages of the outputs."""

    da: str
    en: str


class Treatment(Frozen):
    """How one kind of plan or figure that cannot simply be added is handled (the stated rule)."""

    case: Case
    handling: Handling
    text: Text


class PlanGap(Frozen):
    """A figure one included plan lacks, and why (in the engine's words where it gave a reason)."""

    year: int
    series: Series
    reason: Text


class PlanYear(Frozen):
    """One plan's figures for one year, t CO2e/yr; None where the plan has none."""

    year: int
    inventory: float | None = None
    bau: float | None = None
    pathway: float | None = None
    target: float | None = None
    manko_declared: float | None = None
    manko_computed: float | None = None
    manko_share: float | None = Field(
        None, description="This plan's part of the combined computed manko of the year (0-1).")


class PlanRealised(Frozen):
    """One plan's realised total for a year (from its status reports) and its pathway there."""

    year: int
    realised: float
    pathway: float | None = Field(description=(
        "The plan's action pathway interpolated to the year (None outside its known years)."))


class Municipality(Frozen):
    """An included plan: where it sits, its own figures per year, what it lacks."""

    file: str
    code: str
    name: str
    region: str
    reference_year: int | None
    status_year: int | None
    population: int | None
    cases: list[Case] = Field(description="The treatments (see `treatments`) that apply to it.")
    years: list[PlanYear]
    gaps: list[PlanGap]
    reports: list[str] = Field(default_factory=list, description="Status reports read for it.")
    realised: list[PlanRealised] = Field(default_factory=list, description=(
        "Realised totals from its status reports, by year."))


class LeftOut(Frozen):
    """A plan that was read but cannot be added up, or one that could not be read (an error row)."""

    file: str
    code: str | None = None
    name: str | None = None
    case: Case
    reason: Text


class Figure(Frozen):
    """A sum over `plans` plans; `base_1990` is the same plans' summed 1990 figure."""

    tonnes: float | None
    plans: int
    base_1990: float | None
    reduction_vs_1990: float | None = Field(
        description="1 - tonnes / base_1990 (a fraction); None for manko figures and without a "
                    "positive base.")
    missing: list[str] = Field(description="Codes of included plans without this figure.")


class SectorYear(Frozen):
    """A sector's sums in one year (targets are totals: sector targets are not added up)."""

    sector: str
    inventory: Figure
    bau: Figure
    pathway: Figure
    manko_declared: Figure


class YearTotal(Frozen):
    """All series summed for one year, in total and (for the whole portfolio) per sector."""

    year: int
    inventory: Figure
    bau: Figure
    pathway: Figure
    target: Figure
    manko_declared: Figure
    manko_computed: Figure
    manko_declared_unsplit: float = Field(
        description="Declared manko of plans that give no sector split for the year, t CO2e/yr.")
    sectors: list[SectorYear] = Field(default_factory=list)


class RealisedYear(Frozen):
    """Realised emissions summed for one year, against the same plans' action pathway."""

    year: int
    realised: Figure = Field(description="Summed realised totals of the plans with a report "
                                         "for the year (and a pathway there).")
    pathway: Figure = Field(description=(
        "The same plans' action pathways interpolated to the year: straight lines between each "
        "plan's status-year inventory and pathway years, as the follow-up rules read them."))
    above_pathway: float | None = Field(description="realised - pathway, t CO2e/yr (negative: below).")


class Group(Frozen):
    """A region (or its DGO) and the sums of its municipalities."""

    name: str
    municipalities: list[str]
    years: list[YearTotal]


class Headline(Frozen):
    """What the national picture comes to in a key year (2030, 2050)."""

    year: int
    target_reduction_vs_1990: float | None
    pathway_reduction_vs_1990: float | None
    national_reduction: float | None = Field(
        description="The national target's cut vs 1990 for the year (Klimaloven), None if none.")
    national_level: float | None = Field(
        description="The national cut applied to the 1990 emissions of the plans the pathway covers.")
    pathway_above_national: float | None = Field(
        description="Summed pathway minus national_level, t CO2e/yr (negative: below the line).")
    manko_computed: float | None
    manko_declared: float | None
    manko_sectors: list[str] = Field(
        description="Sectors of the declared manko, largest first (only sectors above 0 t).")


class Source(Frozen):
    """Where a number the portfolio did not compute comes from."""

    what: Text
    ref: Text


class Portfolio(Frozen):
    """All plans added up against the national target; every left-out plan listed with why."""

    kind: Literal["capf-portfolio"] = "capf-portfolio"
    engine: str
    as_of: str
    group_by: GroupBy
    inputs: int = Field(description="Plan files read (status reports are counted in status_reports).")
    treatments: list[Treatment]
    sources: list[Source]
    municipalities: list[Municipality]
    left_out: list[LeftOut] = Field(description="Read and valid, but not added up.")
    errors: list[LeftOut] = Field(description="Error rows: not loadable, or not placeable.")
    years: list[YearTotal]
    groups: list[Group]
    headlines: list[Headline]
    status_reports: int = Field(0, description="Status reports read beside the plans.")
    realised: list[RealisedYear] = Field(default_factory=list, description=(
        "Per year with realised figures: the realised sum against the same plans' pathway."))
