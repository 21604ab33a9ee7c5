"""Named domain checks on emissions and targets: judgements data checks cannot make.

Each check reads the plan (`ctx.root`, plain JSON); only `sector_sum` judges its matches, the
others read fixed places and ignore what the rule selects. Data the plan must state but lacks is
a `fail`; data present but not computable (say, no inventory figure for a target's reference
year) is `needs_review`. Tonnes in `values` are whole numbers, percentages have one decimal.
Computed text is in English and Danish (`reason`, `reason_da`: capf.text.message.bilingual); `detail`
words the finding from the figures that exist, so a message shows no placeholder for a missing one.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from capf.engine import emissions as em
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options, Outcome, evidence_of, label_of
from capf.engine.selector import Match
from capf.text.message import Phrase, bilingual

Sector = Literal["energy", "transport", "waste", "ippu", "agriculture", "land_use"]
# National 2030 sector ranges vs 2019, low/mid/high % (capf-framework.md §4, national climate
# programme 2022; secondary source).
NATIONAL_RANGES = {"energy": (89.0, 102.0, 115.0), "transport": (30.0, 33.0, 36.0),
                   "industry": (40.0, 50.0, 60.0), "agriculture": (21.0, 30.0, 38.0),
                   "other": (69.0, 71.0, 72.0)}
# Plan sector → national category. The catalogue names the categories but not the mapping: the
# GPC sectors are matched by name (stationary energy → energy, transport, IPPU → industry,
# agriculture), waste goes to "other" (the programme's remaining category); land use has no
# national 2030 range (LULUCF is outside the programme's sector table), so it is not judged.
SECTOR_MAP: dict[Sector, str] = {
    "energy": "energy", "transport": "transport", "ippu": "industry",
    "agriculture": "agriculture", "waste": "other"}


def _t(tonnes: float | None) -> int | None:
    return None if tonnes is None else round(tonnes)


def finding(outcome: Outcome, values: dict[str, Any], evidence: Any = ()) -> Finding:
    """Evidence once per pointer, in the order found, so verdicts stay byte-identical."""
    return Finding(outcome, values, tuple(dict.fromkeys(evidence)))


def has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


class SectorSumOptions(Options):
    tolerance_percent: float = Field(0.5, ge=0, description=(
        "Allowed |total - sector sum| in percent of the gross sum (the larger of |total| and the "
        "sum of the sectors' absolute figures, so a net-zero year with sinks is judged against "
        "what it balances), at least 1 t: an engine tolerance for rounding in the plan's tables "
        "(capf-framework.md §4 leaves it to the engine)."))


def _sum_off(record: dict[str, Any], tolerance_percent: float) -> tuple[str | None, float | None]:
    """What is wrong with a record's sum ("no_total", "no_sectors", "above", "below" or None)
    and its |total - sector sum| where both are stated."""
    total, sectors = em.number(record.get("total")), record.get("sectors")
    if total is None or not sectors:
        return ("no_total" if total is None else "no_sectors"), None
    figures = [em.number(v) or 0.0 for v in sectors.values()]
    excess = sum(figures) - total
    gap = abs(excess)
    gross = max(abs(total), sum(abs(v) for v in figures))
    if gap > max(gross * tolerance_percent / 100, 1.0):
        return ("above" if excess > 0 else "below"), gap
    return None, gap


def sector_sum(ctx: Context, matches: list[Match], opts: SectorSumOptions) -> Finding:
    """Each selected emission record states a total that equals the sum of its sectors."""
    records = [m for m in matches if isinstance(m.value, dict)]
    bad: list[Match] = []
    labels: list[Phrase] = []
    worst: float | None = None
    for m in records:
        off, gap = _sum_off(m.value, opts.tolerance_percent)
        if gap is not None:
            worst = gap if worst is None else max(worst, gap)
        if off in ("no_total", "no_sectors"):
            labels.append(Phrase.said(f"sum_{off}", item=label_of(m)))
        elif off is not None:
            labels.append(Phrase.said(f"sum_{off}", item=label_of(m), gap=round(gap or 0.0)))
        if off is not None:
            bad.append(m)
    values = {"checked": len(records), **bilingual("mismatches", labels), "worst_gap_t": _t(worst)}
    if not records:
        return finding("not_applicable", values)
    return finding("fail" if bad else "pass", values, evidence_of(bad or records))


def _sector_sum_test(ctx: Context, matches: list[Match], opts: SectorSumOptions) -> Outcome:
    """sector_sum's outcome alone: an item of a for_each (NEU-1-sector-sums) builds no phrase."""
    records = [m.value for m in matches if isinstance(m.value, dict)]
    if not records:
        return "not_applicable"
    return "fail" if any(_sum_off(r, opts.tolerance_percent)[0] for r in records) else "pass"


class TargetReductionOptions(Options):
    year: int = Field(2030, description="Target year checked (Klimaloven: 2030).")
    reference_year: int = Field(1990, description="Year the cut counts from (Klimaloven: 1990).")
    min_reduction_percent: float = Field(70.0, description=(
        "Least cut below the reference year's inventory total, percent (Klimaloven: 70)."))
    tolerance_percent: float = Field(0.5, ge=0, description=(
        "Allowed shortfall in percentage points, an engine tolerance for rounded plan figures."))


def target_reduction(ctx: Context, matches: list[Match], opts: TargetReductionOptions) -> Finding:
    """The plan's total target for a year cuts emissions enough below the reference year.

    A level of 0 t or less (net zero) is at least the required cut below any positive reference,
    so it passes without the reference figure; only a net-sink reference leaves it open.
    """
    level = em.required_level(ctx.root, opts.year)
    found = em.located(ctx.root, em.INVENTORY, opts.reference_year)
    reference = em.total_of(found[1]) if found else None
    required = None if reference is None else reference * (1 - opts.min_reduction_percent / 100)
    reason = level.reason
    if level.tonnes is not None and (reference is None or reference <= 0):
        reason = Phrase.said("no_reference_total" if reference is None
                             else "reference_not_above_zero", year=opts.reference_year)
    values: dict[str, Any] = {
        "year": opts.year, "target_t": _t(level.tonnes), **bilingual("reason", reason),
        "reference_t": _t(reference), "required_t": _t(required), "reduction_percent": None,
        **bilingual("detail", reason and reason.sentence())}
    evidence = level.pointers + ((found[0],) if found else ())
    if level.tonnes is None:
        return finding("needs_review" if level.pointers else "fail", values, evidence)
    if level.tonnes <= 0 and (reference is None or reference > 0):
        values.update(bilingual("reason", None), **bilingual("detail", Phrase.said(
            "target_net_zero", **values, ref_year=opts.reference_year,
            least=opts.min_reduction_percent)))
        if reference is not None:
            values["reduction_percent"] = round((1 - level.tonnes / reference) * 100, 1)
        return finding("pass", values, evidence)
    if reference is None or reference <= 0:
        return finding("needs_review", values, evidence or ("/inventory",))
    reduction = (1 - level.tonnes / reference) * 100
    values["reduction_percent"] = round(reduction, 1)
    values.update(bilingual("detail", Phrase.said(
        "target_cut", **values, ref_year=opts.reference_year, least=opts.min_reduction_percent)))
    ok = reduction >= opts.min_reduction_percent - opts.tolerance_percent
    return finding("pass" if ok else "fail", values, evidence)


class PerCapitaOptions(Options):
    year: int = Field(2030, description="Year checked.")
    max_t_per_capita: float = Field(2.9, gt=0, description=(
        "Most t CO2e per resident (C40 ambition benchmark: about 2.9 t by 2030, framework §3)."))
    basis: Literal["target", "pathway"] = Field("target", description=(
        "target: the level the plan's total targets allow; pathway: the action pathway's total."))


def per_capita_level(ctx: Context, matches: list[Match], opts: PerCapitaOptions) -> Finding:
    """Emissions per resident in a year (target level or action pathway) stay under a maximum."""
    level = (em.required_level(ctx.root, opts.year) if opts.basis == "target"
             else em.scenario_level(ctx.root, em.PATHWAY, opts.year))
    population, used = em.population_for(ctx.root, opts.year)  # one population per year
    if level.population is not None:  # the level of a per-capita target: its own residents
        population, used = level.population, ()
    reason = level.reason if population is not None else Phrase.said("no_population")
    values: dict[str, Any] = {
        "year": opts.year, "level_t": _t(level.tonnes), **bilingual("reason", reason),
        "population": None if population is None else int(population), "per_capita_t": None,
        **bilingual("detail", reason and reason.sentence())}
    if population is None:  # GOV-11: the plan must state its population
        return finding("fail", values, (em.POPULATION,))
    if level.tonnes is None:
        return finding("needs_review" if level.pointers else "fail", values, level.pointers)
    per_capita = round(level.tonnes / population, 2)  # judged as shown, to 2 decimals
    values["per_capita_t"] = per_capita
    values.update(bilingual("detail", Phrase.said(f"per_resident_{opts.basis}", **values)))
    ok = per_capita <= opts.max_t_per_capita
    return finding("pass" if ok else "fail", values, (*level.pointers, *used))


class SectorRangesOptions(Options):
    year: int = Field(2030, description="Year of the sector targets (national ranges: 2030).")
    base_year: int = Field(2019, description="Inventory year the cut is measured from (2019).")
    ranges: dict[str, tuple[float, float, float]] = Field(
        default_factory=lambda: dict(NATIONAL_RANGES), description=(
            "National category → low/mid/high % reduction (capf-framework.md §4, secondary)."))
    sector_map: dict[Sector, str] = Field(default_factory=lambda: dict(SECTOR_MAP), description=(
        "Plan sector → national category; sectors of one category are summed."))

    @model_validator(mode="after")
    def _consistent(self) -> SectorRangesOptions:
        if any(not low <= mid <= high for low, mid, high in self.ranges.values()):
            raise ValueError("each range must be ordered low <= mid <= high")
        if unknown := set(self.sector_map.values()) - set(self.ranges):
            raise ValueError(f"sector_map names categories without a range: {sorted(unknown)}")
        return self


def sector_ranges(ctx: Context, matches: list[Match], opts: SectorRangesOptions) -> Finding:
    """Each national category's sector target cuts at least the national range's low end."""
    found = em.located(ctx.root, em.INVENTORY, opts.base_year)
    failing: list[Phrase] = []
    reviewed: list[Phrase] = []
    seen = offending = [found[0] if found else em.INVENTORY]
    values: dict[str, Any] = {"year": opts.year, "base_year": opts.base_year}
    skipped: list[str] = []
    for category, (low, mid, _high) in opts.ranges.items():
        sectors = [s for s, c in opts.sector_map.items() if c == category]
        cut = em.sector_cut(ctx.root, sectors, opts.year, opts.base_year)
        seen = seen + list(cut.pointers)
        if cut.skipped:  # no base-year emissions in the category (no IPPU): nothing to cut
            skipped.append(category)
            continue
        if cut.percent is None:  # a gap fails; data present but not computable needs a person
            (reviewed if cut.pointers else failing).append(
                Phrase.of("{category}: {why}", category=category, why=cut.reason))
        else:
            shown = values[f"reduction_{category}_percent"] = round(cut.percent, 1)
            if shown >= mid:  # judged as shown, to one decimal
                continue
            kind = "low" if shown < low else "justified" if cut.justified else "unjustified"
            (reviewed if kind == "justified" else failing).append(Phrase.said(
                f"range_{kind}", category=category, cut=shown, low=low, mid=mid))
        offending = offending + list(cut.pointers)
    values.update(bilingual("failing", failing), **bilingual("reviewed", reviewed),
                  skipped=skipped)
    if failing or reviewed:
        return finding("fail" if failing else "needs_review", values, offending)
    return finding("pass", values, seen)


DOMAIN_CHECKS: dict[str, CheckSpec] = {
    spec.name: spec for spec in (
        CheckSpec.of("sector_sum", sector_sum, SectorSumOptions, "checked mismatches worst_gap_t",
                     test=_sector_sum_test),
        CheckSpec.of("target_reduction", target_reduction, TargetReductionOptions,
                     "target_t required_t reference_t reduction_percent year reason detail"),
        CheckSpec.of("per_capita_level", per_capita_level, PerCapitaOptions,
                     "per_capita_t population level_t year reason detail"),
        CheckSpec.of("sector_ranges", sector_ranges, SectorRangesOptions,
                     "failing reviewed skipped year base_year"),
    )
}
