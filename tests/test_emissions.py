"""Emission arithmetic: target levels in every shape, strictest level, milestones, sector cuts."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capf.engine import emissions as em
from capf.text.message import Phrase

# Words that only an English reason has; a Danish reason must contain none of them.
ENGLISH = (" no ", "figure", "target", "without", " for a ", " is a ", "unknown", "emissions")


def english(phrase: Phrase | None) -> str | None:
    """The English text of a reason, after checking that its Danish text is not English."""
    if phrase is None:
        return None
    assert phrase.da and phrase.da != phrase.en
    assert not [w for w in ENGLISH if w in f" {phrase.da} "], phrase.da
    return phrase.en

INVENTORY = {
    "reference_year": 1990,
    "status_year": 2019,
    "years": [
        {"year": 1990, "total": 1_000_000, "sectors": {"energy": 600_000, "transport": 400_000}},
        {"year": 2019, "sectors": {"energy": 500_000, "transport": 300_000, "land_use": -20_000}},
    ],
}


def plan(*targets: dict[str, Any], population: int | None = 100_000,
         net_zero: int | None = None, **parts: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"inventory": copy.deepcopy(INVENTORY),
                           "targets": {"emission_targets": list(targets)}}
    if population is not None:
        doc["municipality"] = {"population": population}
    if net_zero is not None:
        doc["targets"]["net_zero_year"] = net_zero
    doc.update(parts)
    return doc


def pct(percent: float, sector: str = "total", ref: int | None = 1990, year: int = 2030,
        **extra: Any) -> dict[str, Any]:
    target = {"year": year, "type": "percent_below_reference", "sector": sector,
              "percent": percent, **extra}
    if ref is not None:
        target["reference_year"] = ref
    return target


@pytest.mark.parametrize(("records", "year", "expected"), [
    pytest.param(INVENTORY["years"], 2019, INVENTORY["years"][1], id="found"),
    pytest.param(INVENTORY["years"], 2005, None, id="absent-year"),
    pytest.param(None, 1990, None, id="no-series"),
    pytest.param([{"year": 2030, "total": 1}, {"year": 2030, "total": 2}], 2030,
                 {"year": 2030, "total": 1}, id="first-of-duplicates"),
])
def test_record_for(records: Any, year: int, expected: Any) -> None:
    assert em.record_for(records, year) == expected


@pytest.mark.parametrize(("record", "sector", "total", "value"), [
    pytest.param({"year": 1, "total": 10, "sectors": {"energy": 4}}, "energy", 10.0, 4.0,
                 id="stated-total-wins"),
    pytest.param({"year": 1, "sectors": {"energy": 4, "land_use": -1}}, "transport", 3.0, None,
                 id="sum-of-sectors-with-sink"),
    pytest.param({"year": 1, "sectors": {}}, "total", None, None, id="empty-sectors"),
    pytest.param({"year": 1}, "energy", None, None, id="no-figures"),
    pytest.param(None, "energy", None, None, id="no-record"),
])
def test_total_and_sector_value(record: Any, sector: str, total: Any, value: Any) -> None:
    assert em.total_of(record) == total
    assert em.sector_value(record, sector) == value
    assert em.sector_value(record, "total") == total


@pytest.mark.parametrize(("target", "doc", "tonnes", "reason", "pointers"), [
    pytest.param(pct(70), plan(), 300_000, None, ("/t", "/inventory/years/0"), id="70pc-vs-1990"),
    pytest.param(pct(50, "energy"), plan(), 300_000, None, ("/t", "/inventory/years/0"),
                 id="sector-percent"),
    pytest.param(pct(25, "transport", ref=2019), plan(), 225_000, None,
                 ("/t", "/inventory/years/1"), id="sector-percent-vs-2019"),
    pytest.param(pct(70, ref=None), plan(), 300_000, None, ("/t", "/inventory/years/0"),
                 id="reference-year-from-inventory"),
    pytest.param(pct(70, ref=2005), plan(), None, "no inventory figure for 2005", ("/t",),
                 id="reference-year-missing"),
    pytest.param(pct(50, "waste"), plan(), None, "no inventory figure for 1990 (waste)",
                 ("/t", "/inventory/years/0"), id="sector-missing-in-reference"),
    pytest.param(pct(50, "land_use", ref=2019), plan(), None,
                 "inventory figure for 2019 (land_use) is a net sink",
                 ("/t", "/inventory/years/1"), id="percent-of-a-sink"),
    pytest.param({"year": 2030, "type": "percent_below_reference"}, plan(), None,
                 "percent target without percent or reference year", ("/t",), id="no-percent"),
    pytest.param({"year": 2030, "type": "absolute", "tonnes": 250_000}, plan(), 250_000, None,
                 ("/t",), id="absolute"),
    pytest.param({"year": 2030, "type": "absolute"}, plan(), None,
                 "absolute target without tonnes", ("/t",), id="absolute-without-tonnes"),
    pytest.param({"year": 2030, "type": "per_capita", "tonnes_per_capita": 1.7}, plan(),
                 170_000, None, ("/t", "/municipality/population"),
                 id="per-capita-municipality-population"),
    pytest.param({"year": 2030, "type": "per_capita", "tonnes_per_capita": 2,
                  "population": 50_000}, plan(), 100_000, None, ("/t", "/t/population"),
                 id="per-capita-own-population-overrides"),
    pytest.param({"year": 2030, "type": "per_capita", "tonnes_per_capita": 1.7},
                 plan(population=None), None, "no population for a per-capita target", ("/t",),
                 id="per-capita-without-population"),
    pytest.param({"year": 2030, "type": "per_capita"}, plan(), None,
                 "per-capita target without tonnes per capita", ("/t",),
                 id="per-capita-without-figure"),
    pytest.param({"year": 2040, "type": "neutral"}, plan(), 0, None, ("/t",), id="neutral"),
    pytest.param({"year": 2030, "type": "sequestered"}, plan(), None,
                 "unknown target type 'sequestered'", ("/t",), id="unknown-type"),
])
def test_target_level(target: dict[str, Any], doc: dict[str, Any], tonnes: float | None,
                      reason: str | None, pointers: tuple[str, ...]) -> None:
    level = em.target_level(target, doc, "/t")
    assert level.tonnes == (None if tonnes is None else pytest.approx(tonnes))
    assert english(level.reason) == reason
    assert level.pointers == pointers


ABS_250K = {"year": 2030, "type": "absolute", "tonnes": 250_000}
NO_POP = {"year": 2030, "type": "per_capita", "tonnes_per_capita": 1.0}


@pytest.mark.parametrize(("doc", "year", "sector", "tonnes", "pointers"), [
    pytest.param(plan(pct(70), ABS_250K), 2030, "total", 250_000,
                 ("/targets/emission_targets/1",), id="strictest-of-several"),
    pytest.param(plan(ABS_250K, pct(80)), 2030, "total", 200_000,
                 ("/targets/emission_targets/1", "/inventory/years/0"), id="strictest-second"),
    pytest.param(plan(pct(70), net_zero=2045), 2050, "total", 0, ("/targets/net_zero_year",),
                 id="after-net-zero-year"),
    pytest.param(plan(pct(70), net_zero=2030), 2030, "total", 0, ("/targets/net_zero_year",),
                 id="net-zero-year-itself"),
    pytest.param(plan(pct(50, "energy", year=2050), net_zero=2045), 2050, "energy", 300_000,
                 ("/targets/emission_targets/0", "/inventory/years/0"),
                 id="net-zero-does-not-set-sector-levels"),
    pytest.param(plan(pct(50, "energy")), 2030, "total", None, (), id="sector-target-not-total"),
    pytest.param(plan(pct(70)), 2040, "total", None, (), id="no-target-for-year"),
    pytest.param(plan(NO_POP, pct(70), population=None), 2030, "total", 300_000,
                 ("/targets/emission_targets/1", "/inventory/years/0"),
                 id="uncomputable-target-skipped"),
    pytest.param(plan(NO_POP, population=None), 2030, "total", None,
                 ("/targets/emission_targets/0",), id="only-uncomputable"),
])
def test_required_level(doc: dict[str, Any], year: int, sector: str, tonnes: float | None,
                        pointers: tuple[str, ...]) -> None:
    level = em.required_level(doc, year, sector)
    assert level.tonnes == (None if tonnes is None else pytest.approx(tonnes))
    assert level.pointers == pointers
    assert (level.reason is None) == (tonnes is not None)


def test_required_level_reasons() -> None:
    assert em.required_level(plan(), 2030).reason == Phrase(
        "no total target for 2030", "intet samlet mål for 2030")
    assert english(em.required_level(plan(), 2030, "energy").reason) == (
        "no energy target for 2030")
    level = em.required_level(plan(NO_POP, pct(70, ref=2005), population=None), 2030)
    assert level.reason == Phrase(
        "no population for a per-capita target; no inventory figure for 2005",
        "intet indbyggertal til et mål pr. indbygger; intet tal i klimaregnskabet for 2005")


def test_scenario_level_reasons() -> None:
    assert english(em.scenario_level(plan(), em.PATHWAY, 2030).reason) == (
        "no figure for 2030 in the action pathway")
    doc = plan(scenarios={"action_pathway": {"years": [{"year": 2030}]}})
    level = em.scenario_level(doc, em.PATHWAY, 2030)
    assert level.reason == Phrase("no total for 2030 in the action pathway",
                                  "ingen total for 2030 i reduktionsstien")


@pytest.mark.parametrize(("doc", "years"), [
    pytest.param(plan(pct(70), pct(50, "energy", year=2025), {"year": 2040, "type": "neutral"},
                      net_zero=2045), [2030, 2040, 2045], id="total-targets-and-net-zero"),
    pytest.param(plan(pct(70), pct(80, year=2030), net_zero=2030), [2030], id="deduplicated"),
    pytest.param(plan(), [], id="none"),
])
def test_milestone_years(doc: dict[str, Any], years: list[int]) -> None:
    assert em.milestone_years(doc) == years


def test_action_effects_count_mitigation_and_both_only() -> None:
    doc = {"actions": [
        {"id": "M", "title": "m", "type": "mitigation", "effect": [
            {"year": 2030, "t_co2e": 100}, {"year": 2050, "t_co2e": 7}]},
        {"id": "B", "title": "b", "type": "both", "effect": [{"year": 2030, "t_co2e": 20}]},
        {"id": "A", "title": "a", "type": "adaptation", "effect": [{"year": 2030, "t_co2e": 5}]},
    ]}
    effects = em.action_effects(doc)
    assert effects[2030] == (120.0, ("/actions/0/effect/0", "/actions/1/effect/0"))
    assert 2040 not in effects


@pytest.mark.parametrize(("targets", "sectors", "percent", "reason", "justified"), [
    pytest.param([pct(25, "transport", ref=2019)], ["transport"], 25.0, None, False,
                 id="one-sector"),
    pytest.param([pct(50, "energy", ref=2019, justification="why")], ["energy", "transport"],
                 500 / 800 * 50, None, True, id="untargeted-sector-unchanged"),
    pytest.param([], ["transport"], None, "no 2030 sector target", False, id="no-target"),
    pytest.param([pct(50, "waste")], ["waste"], None, "no 2019 emissions to cut", False,
                 id="nothing-emitted"),
    pytest.param([pct(50, "transport", ref=2005)], ["transport"], None,
                 "no inventory figure for 2005 (transport)", False, id="target-uncomputable"),
])
def test_sector_cut(targets: list[dict[str, Any]], sectors: list[str], percent: float | None,
                    reason: str | None, justified: bool) -> None:
    cut = em.sector_cut(plan(*targets), sectors, 2030, 2019)
    assert cut.percent == (None if percent is None else pytest.approx(percent))
    assert english(cut.reason) == reason
    assert cut.justified is justified


# Hypothesis: a harder target never allows more, and more targets never allow more.

TARGETS = st.one_of(
    st.builds(pct, st.floats(0, 200), st.sampled_from(["total", "energy"]),
              st.sampled_from([1990, 2019, 2005, None])),
    st.fixed_dictionaries({"year": st.just(2030), "type": st.just("absolute"),
                           "tonnes": st.floats(-1e6, 1e7)}),
    st.fixed_dictionaries({"year": st.just(2030), "type": st.just("per_capita"),
                           "tonnes_per_capita": st.floats(0, 1000)},
                          optional={"population": st.integers(1, 10**8)}),
    st.fixed_dictionaries({"year": st.sampled_from([2030, 2040]), "type": st.just("neutral")}),
)


@given(reference=st.floats(0, 1e9), low=st.floats(0, 200), high=st.floats(0, 200))
def test_higher_percent_never_gives_higher_level(reference: float, low: float,
                                                 high: float) -> None:
    low, high = sorted((low, high))
    doc = {"inventory": {"years": [{"year": 1990, "total": reference}]}}
    weak, strong = em.target_level(pct(low), doc), em.target_level(pct(high), doc)
    assert weak.tonnes is not None
    assert strong.tonnes is not None
    assert strong.tonnes <= weak.tonnes


@given(targets=st.lists(TARGETS, max_size=5), extra=TARGETS,
       population=st.one_of(st.none(), st.integers(1, 10**7)),
       net_zero=st.one_of(st.none(), st.integers(2025, 2055)))
def test_adding_a_target_never_raises_the_required_level(
        targets: list[dict[str, Any]], extra: dict[str, Any], population: int | None,
        net_zero: int | None) -> None:
    for sector in ("total", "energy"):
        before = em.required_level(plan(*targets, population=population, net_zero=net_zero),
                                   2030, sector)
        after = em.required_level(plan(*targets, extra, population=population,
                                       net_zero=net_zero), 2030, sector)
        if before.tonnes is not None:
            assert after.tonnes is not None
            assert after.tonnes <= before.tonnes


def test_a_partial_neutrality_year_binds_its_sectors_only() -> None:
    doc = plan(pct(50, "energy"), net_zero=2050)
    doc["targets"]["sector_neutrality"] = [{"year": 2029, "sectors": ["energy"]}]
    assert em.required_level(doc, 2030, "energy").tonnes == 0.0
    assert em.required_level(doc, 2030, "energy").pointers == ("/targets/sector_neutrality/0",)
    doc["targets"]["sector_neutrality"][0]["year"] = 2031  # later than the target year
    assert em.required_level(doc, 2030, "energy").tonnes == pytest.approx(300_000)
    assert em.required_level(doc, 2030, "transport").tonnes is None
    assert em.milestone_years(doc) == [2050]  # not a milestone of the whole area


def test_a_group_target_sums_its_sectors_reference() -> None:
    target = pct(50, ref=1990)
    target.pop("sector")
    target["sectors"] = ["energy", "transport"]
    doc = plan(target)
    assert em.target_level(target, doc).tonnes == pytest.approx(500_000)
    assert em.targets_for(doc, 2030) == []
    target["sectors"] = ["energy", "waste"]  # waste has no 1990 figure
    assert english(em.target_level(target, doc).reason) == \
        "no inventory figure for 1990 (energy + waste)"
