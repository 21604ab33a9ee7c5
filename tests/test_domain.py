"""Domain checks, table-driven over small hand-made plans (fictional figures)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from capf.engine.checks.coverage import COVERAGE_CHECKS
from capf.engine.checks.domain import DOMAIN_CHECKS, SectorRangesOptions
from capf.engine.checks.manko import MANKO_CHECKS
from capf.engine.checks.spec import Context, Finding
from capf.engine.checks.vocabulary import VOCABULARY
from capf.engine.selector import parse_selector

BASE: dict[str, Any] = {
    "municipality": {"name": "Fiktiv Kommune", "fictional": True, "population": 100_000},
    "inventory": {"reference_year": 1990, "status_year": 2019, "years": [
        {"year": 1990, "total": 1_000_000, "sectors": {"energy": 600_000, "transport": 400_000}},
        {"year": 2019, "total": 800_000, "sectors": {"energy": 500_000, "transport": 300_000}},
    ]},
    "targets": {"net_zero_year": 2050, "emission_targets": [
        {"id": "T2030", "year": 2030, "type": "percent_below_reference", "sector": "total",
         "percent": 70, "reference_year": 1990}]},
    "scenarios": {
        "bau": {"years": [{"year": 2030, "total": 600_000}, {"year": 2050, "total": 500_000}]},
        "action_pathway": {"years": [{"year": 2030, "total": 350_000},
                                     {"year": 2050, "total": 0}]}},
    "manko": {"milestones": [{"year": 2030, "t_co2e": 50_000}], "strategy": "Annual review."},
}


def with_(**changes: Any) -> dict[str, Any]:
    """BASE with items replaced: `a__b` names BASE["a"]["b"]; None deletes the item."""
    doc = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("__")
        here = doc
        for key in parents:
            here = here.setdefault(key, {})
        if value is None:
            here.pop(last, None)
        else:
            here[last] = value
    return doc


def run(check: str, doc: dict[str, Any], select: str | None = None, **options: Any) -> Finding:
    spec = VOCABULARY[check]
    matches = parse_selector(select).select(doc) if select else []
    return spec.fn(Context(doc, date(2025, 1, 1)), matches, spec.options(**options))


DOMAIN_NAMES = ["sector_sum", "target_reduction", "per_capita_level", "manko",
                "pathway_consistency", "sector_ranges", "roles_cover", "fossil_roles",
                "hazard_actions"]


def test_registry_is_complete_and_documented() -> None:
    assert sorted({**DOMAIN_CHECKS, **MANKO_CHECKS, **COVERAGE_CHECKS}) == sorted(DOMAIN_NAMES)
    assert set(DOMAIN_NAMES) <= set(VOCABULARY)
    for name, spec in {**DOMAIN_CHECKS, **MANKO_CHECKS, **COVERAGE_CHECKS}.items():
        assert spec.name == name
        assert spec.summary == (spec.fn.__doc__ or "").strip().splitlines()[0]
        assert spec.outputs
        for field, info in spec.options.model_fields.items():
            assert info.description, f"{name}.{field} has no description"
        with pytest.raises(ValidationError):
            spec.options(no_such_option=1)


# -- sector_sum ---------------------------------------------------------------------------------

def records(*items: dict[str, Any]) -> dict[str, Any]:
    return {"inventory": {"years": list(items)}}


@pytest.mark.parametrize(("doc", "options", "outcome", "mismatches", "worst"), [
    pytest.param(records({"year": 2019, "total": 1000, "sectors": {"energy": 600,
                                                                  "transport": 400}}),
                 {}, "pass", [], 0, id="exact"),
    pytest.param(records({"year": 2019, "total": 1000, "sectors": {"energy": 600,
                                                                  "transport": 395}}),
                 {}, "pass", [], 5, id="within-half-percent"),
    pytest.param(records({"year": 2019, "total": 1000, "sectors": {"energy": 600,
                                                                  "transport": 394}}),
                 {}, "fail", ["2019 (the sectors add up to 6 t less than the total)"], 6,
                 id="outside-half-percent"),
    pytest.param(records({"year": 2019, "total": 1000, "sectors": {"energy": 600,
                                                                  "transport": 394}}),
                 {"tolerance_percent": 1.0}, "pass", [], 6, id="wider-tolerance"),
    pytest.param(records({"year": 2019, "total": 10, "sectors": {"energy": 9}}),
                 {}, "pass", [], 1, id="one-tonne-floor"),
    pytest.param(records({"year": 2019, "total": 10, "sectors": {"energy": 8.5}}),
                 {}, "fail", ["2019 (the sectors add up to 2 t less than the total)"], 1.5,
                 id="beyond-one-tonne"),
    pytest.param(records({"year": 1990, "total": 10}, {"year": 2019, "sectors": {"energy": 5}}),
                 {}, "fail", ["1990 (no sectors)", "2019 (no total)"], None, id="incomplete"),
])
def test_sector_sum(doc: dict[str, Any], options: dict[str, Any], outcome: str,
                    mismatches: list[str], worst: float | None) -> None:
    finding = run("sector_sum", doc, "/inventory/years/*", **options)
    assert finding.outcome == outcome
    assert finding.values["mismatches"] == mismatches
    assert finding.values["worst_gap_t"] == (None if worst is None else round(worst))
    if outcome == "fail":
        assert finding.evidence[0].startswith("/inventory/years/")
        assert len(finding.evidence) == len(mismatches)


def test_sector_sum_mismatches_in_danish() -> None:
    doc = records({"year": 1990, "total": 10}, {"year": 2019, "sectors": {"energy": 5}},
                  {"year": 2022, "total": 290_000, "sectors": {"energy": 276_000}})
    values = run("sector_sum", doc, "/inventory/years/*").values
    assert values["mismatches"] == ["1990 (no sectors)", "2019 (no total)",
                                    "2022 (the sectors add up to 14,000 t less than the total)"]
    assert values["mismatches_da"] == ["1990 (ingen sektorfordeling)", "2019 (ingen total)",
                                       "2022 (sektorerne giver 14.000 t mindre end totalen)"]


def test_sector_sum_without_records_is_not_applicable() -> None:
    assert run("sector_sum", records(), "/inventory/years/*").outcome == "not_applicable"


# -- target_reduction ---------------------------------------------------------------------------

def target(**fields: Any) -> list[dict[str, Any]]:
    return [{"id": "T", "year": 2030, **fields}]


PCT = {"type": "percent_below_reference", "reference_year": 1990}


@pytest.mark.parametrize(("doc", "outcome", "target_t", "reduction"), [
    pytest.param(BASE, "pass", 300_000, 70.0, id="70pc-vs-1990"),
    pytest.param(with_(targets__emission_targets=target(**PCT, percent=69.6)), "pass", 304_000,
                 69.6, id="within-tolerance"),
    pytest.param(with_(targets__emission_targets=target(**PCT, percent=69.4)), "fail", 306_000,
                 69.4, id="just-outside-tolerance"),
    pytest.param(with_(targets__emission_targets=target(**PCT, percent=60)), "fail", 400_000,
                 60.0, id="60pc"),
    pytest.param(with_(targets__emission_targets=target(type="absolute", tonnes=250_000)),
                 "pass", 250_000, 75.0, id="absolute-target"),
    pytest.param(with_(targets__net_zero_year=2030, targets__emission_targets=[]), "pass", 0,
                 100.0, id="net-zero-by-2030"),
    pytest.param(with_(targets__emission_targets=[]), "fail", None, None, id="no-2030-target"),
    pytest.param(with_(targets__emission_targets=target(**PCT, sector="energy", percent=90)),
                 "fail", None, None, id="sector-target-only"),
    pytest.param(with_(inventory__years=[], targets__emission_targets=target(**PCT, percent=70)),
                 "needs_review", None, None, id="no-reference-inventory"),
    pytest.param(with_(inventory__years=[], targets__emission_targets=target(
        type="absolute", tonnes=1)), "needs_review", 1, None, id="absolute-but-no-reference"),
])
def test_target_reduction(doc: dict[str, Any], outcome: str, target_t: int | None,
                          reduction: float | None) -> None:
    finding = run("target_reduction", doc)
    assert finding.outcome == outcome
    assert finding.values["target_t"] == target_t
    assert finding.values["reduction_percent"] == reduction
    assert finding.values["year"] == 2030
    if finding.values["reference_t"] is not None:
        assert finding.values["required_t"] == 300_000
    assert finding.values["detail"] and finding.values["detail_da"]  # a message never lacks it
    assert (finding.values["reason"] is None) == (finding.values["reason_da"] is None)


@pytest.mark.parametrize(("doc", "reason", "reason_da", "detail_da"), [
    pytest.param(with_(targets__emission_targets=target(**PCT, percent=60)), None, None,
                 "Målet for 2030 tillader 400.000 t CO2e, 60 % under klimaregnskabet for 1990 "
                 "(1.000.000 t); 70 % under ville være 300.000 t.", id="computed"),
    pytest.param(with_(targets__emission_targets=[]), "no total target for 2030",
                 "intet samlet mål for 2030", "Intet samlet mål for 2030.", id="no-target"),
    pytest.param(with_(inventory__years=[], targets__emission_targets=target(
        type="absolute", tonnes=1)), "the inventory states no total for 1990",
        "klimaregnskabet angiver ingen total for 1990",
        "Klimaregnskabet angiver ingen total for 1990.", id="no-reference"),
])
def test_target_reduction_words_its_finding_in_both_languages(
        doc: dict[str, Any], reason: str | None, reason_da: str | None, detail_da: str) -> None:
    values = run("target_reduction", doc).values
    assert (values["reason"], values["reason_da"], values["detail_da"]) == (
        reason, reason_da, detail_da)


# -- per_capita_level ---------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "options", "outcome", "per_capita", "level_t"), [
    pytest.param(BASE, {}, "fail", 3.0, 300_000, id="target-above-benchmark"),
    pytest.param(BASE, {"max_t_per_capita": 3.0}, "pass", 3.0, 300_000, id="target-at-max"),
    pytest.param(BASE, {"basis": "pathway", "max_t_per_capita": 3.0}, "fail", 3.5, 350_000,
                 id="pathway-above"),
    pytest.param(BASE, {"basis": "pathway", "year": 2050}, "pass", 0.0, 0, id="pathway-2050"),
    pytest.param(with_(targets__emission_targets=target(
        type="per_capita", tonnes_per_capita=1.7)), {}, "pass", 1.7, 170_000,
        id="per-capita-target"),
    pytest.param(with_(municipality__population=None), {}, "fail", None, 300_000,
                 id="no-population"),
    pytest.param(with_(municipality__population=None, targets__emission_targets=target(
        type="per_capita", tonnes_per_capita=1.7, population=100_000)), {}, "pass", 1.7, 170_000,
        id="population-only-on-target"),
    pytest.param(BASE, {"basis": "pathway", "year": 2040}, "fail", None, None,
                 id="pathway-lacks-year"),
    pytest.param(BASE, {"year": 2040}, "fail", None, None, id="no-target-for-year"),
])
def test_per_capita_level(doc: dict[str, Any], options: dict[str, Any], outcome: str,
                          per_capita: float | None, level_t: int | None) -> None:
    finding = run("per_capita_level", doc, **options)
    assert finding.outcome == outcome
    assert finding.values["per_capita_t"] == per_capita
    assert finding.values["level_t"] == level_t
    if "population" in doc["municipality"]:
        assert finding.values["population"] == 100_000
    elif outcome == "fail":
        assert finding.evidence == ("/municipality/population",)
    assert finding.values["detail"] and finding.values["detail_da"]


def test_per_capita_level_words_its_finding_in_both_languages() -> None:
    values = run("per_capita_level", BASE).values
    assert values["detail"] == ("The 2030 target allows 3 t CO2e per resident "
                                "(300,000 t for 100,000 residents).")
    assert values["detail_da"] == ("Målet for 2030 giver 3 t CO2e pr. indbygger "
                                   "(300.000 t fordelt på 100.000 indbyggere).")
    values = run("per_capita_level", BASE, basis="pathway", max_t_per_capita=3.0).values
    assert values["detail_da"].startswith("I 2030 giver reduktionsstien 3,5 t CO2e pr. indbygger")
    values = run("per_capita_level", with_(municipality__population=None)).values
    assert values["reason"] == "no population in /municipality/population"
    assert values["reason_da"] == "intet indbyggertal i /municipality/population"
    assert values["detail_da"] == "Intet indbyggertal i /municipality/population."


# -- manko --------------------------------------------------------------------------------------

def milestones(*pairs: tuple[int, float]) -> list[dict[str, Any]]:
    return [{"year": year, "t_co2e": tonnes} for year, tonnes in pairs]


@pytest.mark.parametrize(("doc", "outcome", "worst", "mismatches"), [
    pytest.param(BASE, "pass", (2030, 300_000, 350_000, 50_000, 50_000), [], id="adds-up"),
    pytest.param(with_(manko__milestones=milestones((2030, 49_000))), "pass",
                 (2030, 300_000, 350_000, 50_000, 49_000), [], id="exactly-2pc-of-manko"),
    pytest.param(with_(manko__milestones=milestones((2030, 51_000))), "pass",
                 (2030, 300_000, 350_000, 50_000, 51_000), [], id="exactly-2pc-above"),
    pytest.param(with_(manko__milestones=milestones((2030, 48_999))), "fail",
                 (2030, 300_000, 350_000, 50_000, 48_999), [2030], id="just-beyond-2pc-of-manko"),
    pytest.param(with_(manko__milestones=milestones((2030, 45_000))), "fail",
                 (2030, 300_000, 350_000, 50_000, 45_000), [2030],
                 id="10pc-off-small-beside-pathway"),
    pytest.param(with_(manko__milestones=milestones((2030, 40_000))), "fail",
                 (2030, 300_000, 350_000, 50_000, 40_000), [2030], id="over-tolerance"),
    pytest.param(with_(manko__milestones=[], manko__strategy=None), "fail",
                 (2030, 300_000, 350_000, 50_000, 0), [2030], id="declared-0-pathway-above"),
    pytest.param(with_(manko__milestones=milestones((2030, 50_000), (2050, 0))), "pass",
                 (2030, 300_000, 350_000, 50_000, 50_000), [], id="explicit-zero-at-2050"),
    pytest.param(with_(manko__milestones=milestones((2030, 50_000), (2050, 30_000))), "fail",
                 (2050, 0, 0, 0, 30_000), [2050], id="declared-but-pathway-at-target"),
    pytest.param(with_(scenarios__action_pathway__years=[{"year": 2030, "total": 250_000},
                                                         {"year": 2050, "total": 0}],
                       manko=None), "pass", (2030, 300_000, 250_000, 0, 0), [],
                 id="pathway-below-target-no-manko"),
    pytest.param(with_(manko__milestones=milestones((2030, 50_000), (2050, 3_000)),
                       scenarios__action_pathway__years=[{"year": 2030, "total": 350_000},
                                                         {"year": 2050, "total": 3_080}]),
                 "pass", (2050, 0, 3_080, 3_080, 3_000), [], id="tonne-floor-on-small-gap"),
])
def test_manko(doc: dict[str, Any], outcome: str, worst: tuple[int, ...],
               mismatches: list[int]) -> None:
    finding = run("manko", doc)
    assert finding.outcome == outcome
    keys = ("year", "target_t", "pathway_t", "expected_gap_t", "declared_gap_t")
    assert tuple(finding.values[k] for k in keys) == worst
    assert finding.values["mismatches"] == mismatches
    assert finding.values["target_2030_t"] == 300_000
    assert finding.values["target_2050_t"] == 0


def test_manko_per_year_values() -> None:
    values = run("manko", BASE).values
    assert {k: v for k, v in values.items() if k[-6:-2].isdigit()} == {
        "target_2030_t": 300_000, "pathway_2030_t": 350_000, "gap_2030_t": 50_000,
        "declared_2030_t": 50_000, "target_2050_t": 0, "pathway_2050_t": 0, "gap_2050_t": 0,
        "declared_2050_t": 0}


def test_manko_without_strategy_fails() -> None:
    finding = run("manko", with_(manko__strategy=" "))
    assert finding.outcome == "fail"
    assert finding.values["reason"] == "a manko is declared but /manko/strategy is empty"
    assert finding.values["reason_da"] == "der er opgjort en manko, men /manko/strategy er tom"
    assert finding.values["detail_da"] == "Der er opgjort en manko, men /manko/strategy er tom."
    assert finding.evidence == ("/manko/milestones/0", "/manko/strategy")


def test_manko_pathway_lacking_a_milestone_year_fails() -> None:
    doc = with_(scenarios__action_pathway__years=[{"year": 2030, "total": 350_000}])
    finding = run("manko", doc)
    assert finding.outcome == "fail"
    assert finding.values["mismatches"] == [2050]
    assert finding.values["year"] == 2050
    assert finding.values["expected_gap_t"] is None
    assert finding.values["reason"] == "2050 (no figure for 2050 in the action pathway)"
    assert finding.values["reason_da"] == "2050 (intet tal for 2050 i reduktionsstien)"
    assert finding.values["detail_da"] == ("Kan ikke kontrolleres, fordi der mangler data: 2050 "
                                           "(intet tal for 2050 i reduktionsstien).")


def test_manko_shows_a_year_with_figures_before_a_year_without() -> None:
    doc = with_(scenarios__action_pathway__years=[{"year": 2030, "total": 350_000}],
                manko__milestones=milestones((2030, 0)))
    finding = run("manko", doc)
    assert finding.outcome == "fail"
    assert finding.values["mismatches"] == [2030, 2050]
    keys = ("year", "target_t", "pathway_t", "expected_gap_t", "declared_gap_t")
    assert tuple(finding.values[k] for k in keys) == (2030, 300_000, 350_000, 50_000, 0)
    assert finding.values["reason"] == "2050 (no figure for 2050 in the action pathway)"
    assert finding.values["detail"] == (
        "In 2030 the declared manko is 0 t, but the action pathway (350,000 t) lies 50,000 t above "
        "the target level (300,000 t). Not checkable for lack of data: 2050 (no figure for 2050 "
        "in the action pathway).")
    assert finding.values["detail_da"] == (
        "I 2030 er den opgjorte manko 0 t, men reduktionsstien (350.000 t) ligger 50.000 t over "
        "målniveauet (300.000 t). Kan ikke kontrolleres, fordi der mangler data: 2050 (intet tal "
        "for 2050 i reduktionsstien).")


def test_manko_declared_where_the_pathway_meets_the_target() -> None:
    values = run("manko", with_(manko__milestones=milestones((2030, 50_000), (2050, 30_000)))).values
    assert values["reason"] is None and values["reason_da"] is None
    assert values["detail_da"] == ("I 2050 er den opgjorte manko 30.000 t, men reduktionsstien (0 t) "
                                   "ligger ikke over målniveauet (0 t), så mankoen skal være 0 t.")


def test_manko_target_level_not_computable_fails() -> None:
    finding = run("manko", with_(inventory__years=[]))
    assert finding.outcome == "fail"
    assert finding.values["mismatches"] == [2030]
    assert finding.values["reason"] == "2030 (no inventory figure for 1990)"
    assert finding.values["reason_da"] == "2030 (intet tal i klimaregnskabet for 1990)"


def test_manko_without_milestones_is_not_applicable() -> None:
    doc = with_(targets=None, manko=None)
    assert run("manko", doc).outcome == "not_applicable"


# -- pathway_consistency ------------------------------------------------------------------------

def action(id_: str, kind: str, *effects: tuple[int, float]) -> dict[str, Any]:
    return {"id": id_, "title": id_, "type": kind,
            "effect": [{"year": y, "t_co2e": t} for y, t in effects]}


ACTIONS = [action("M1", "mitigation", (2030, 200_000), (2050, 450_000)),
           action("B1", "both", (2030, 50_000), (2050, 50_000)),
           action("A1", "adaptation", (2030, 99_999))]


@pytest.mark.parametrize(("doc", "outcome", "checked", "worst"), [
    pytest.param(with_(actions=ACTIONS), "pass", [2030, 2050], (2030, 600_000, 250_000, 350_000),
                 id="bau-minus-effects"),
    pytest.param(with_(actions=ACTIONS[:1]), "fail", [2030, 2050],
                 (2030, 600_000, 200_000, 350_000), id="effects-short"),
    pytest.param(with_(actions=[action("M1", "mitigation", (2030, 240_000))],
                       targets__net_zero_year=None), "pass", [2030],
                 (2030, 600_000, 240_000, 350_000), id="within-5pc-of-effects"),
    pytest.param(with_(actions=[action("M1", "mitigation", (2030, 230_000))],
                       targets__net_zero_year=None), "fail", [2030],
                 (2030, 600_000, 230_000, 350_000), id="outside-5pc-of-effects"),
    pytest.param(with_(actions=[action("M1", "mitigation", (2030, 250_000))]), "fail",
                 [2030, 2050], (2050, 500_000, 0, 0), id="milestone-without-effects"),
    pytest.param(with_(actions=ACTIONS[2:]), "fail", [2030, 2050], (2050, 500_000, 0, 0),
                 id="no-mitigation-effects"),
    pytest.param(with_(actions=ACTIONS[2:], scenarios__bau__years=[{"year": 2040, "total": 1}]),
                 "needs_review", [], (None, None, None, None), id="no-common-year"),
])
def test_pathway_consistency(doc: dict[str, Any], outcome: str, checked: list[int],
                             worst: tuple[Any, ...]) -> None:
    finding = run("pathway_consistency", doc)
    assert finding.outcome == outcome
    assert finding.values["years_checked"] == checked
    keys = ("worst_year", "bau_t", "effects_t", "pathway_t")
    assert tuple(finding.values[k] for k in keys) == worst
    assert bool(finding.values["detail"] and finding.values["detail_da"]) == (outcome != "pass")


def test_pathway_consistency_words_its_finding_in_both_languages() -> None:
    values = run("pathway_consistency", with_(actions=ACTIONS[:1])).values
    assert values["detail"] == ("in 2030 BAU (600,000 t) minus the effects (200,000 t) gives "
                                "400,000 t, but the action pathway is 350,000 t")
    assert values["detail_da"] == ("i 2030 giver BAU (600.000 t) minus effekten (200.000 t) "
                                   "400.000 t, men reduktionsstien er 350.000 t")
    values = run("pathway_consistency", with_(
        actions=ACTIONS[2:], scenarios__bau__years=[{"year": 2040, "total": 1}])).values
    assert values["detail_da"] == ("BAU, reduktionssti og handlingernes angivne effekt har intet "
                                   "fælles år")


# -- sector_ranges ------------------------------------------------------------------------------

TRANSPORT = {"ranges": {"transport": (30, 33, 36)}, "sector_map": {"transport": "transport"}}


def transport_target(percent: float, **extra: Any) -> dict[str, Any]:
    return with_(targets__emission_targets=[{
        "year": 2030, "type": "percent_below_reference", "sector": "transport",
        "percent": percent, "reference_year": 2019, **extra}])


@pytest.mark.parametrize(("doc", "outcome", "failing", "reviewed", "danish"), [
    pytest.param(transport_target(25), "fail", ["Transport 25 % (low end 30 %)"], [],
                 ["Transport 25 % (nedre grænse 30 %)"], id="below-low"),
    pytest.param(transport_target(31), "fail", ["Transport 31 % (mid 33 %, no justification)"],
                 [], ["Transport 31 % (midten 33 %, ingen begrundelse)"],
                 id="low-end-unjustified"),
    pytest.param(transport_target(31.5, justification="Rural municipality, few buses."),
                 "needs_review", [], ["Transport 31.5 % (below mid 33 %, justified)"],
                 ["Transport 31,5 % (under midten 33 %, begrundet)"], id="low-end-justified"),
    pytest.param(transport_target(33), "pass", [], [], [], id="at-mid"),
    pytest.param(BASE, "fail", ["Transport: no 2030 sector target"], [],
                 ["Transport: intet sektormål for 2030"], id="no-sector-target"),
    pytest.param(with_(inventory__years=[]), "fail", ["Transport: no 2019 inventory figure"],
                 [], ["Transport: intet tal i klimaregnskabet for 2019"], id="no-base-year"),
    pytest.param(transport_target(31, reference_year=2005), "needs_review", [],
                 ["Transport: no inventory figure for 2005 (transport)"],
                 ["Transport: intet tal i klimaregnskabet for 2005 (transport)"],
                 id="target-not-computable"),
])
def test_sector_ranges(doc: dict[str, Any], outcome: str, failing: list[str],
                       reviewed: list[str], danish: list[str]) -> None:
    finding = run("sector_ranges", doc, **TRANSPORT)
    assert finding.outcome == outcome
    assert finding.values["failing"] == failing
    assert finding.values["reviewed"] == reviewed
    assert finding.values["failing_da"] + finding.values["reviewed_da"] == danish
    assert (finding.values["year"], finding.values["base_year"]) == (2030, 2019)


def test_sector_ranges_defaults_are_the_national_ranges() -> None:
    opts = SectorRangesOptions()
    assert opts.ranges == {"energy": (89, 102, 115), "transport": (30, 33, 36),
                           "industry": (40, 50, 60), "agriculture": (21, 30, 38),
                           "other": (69, 71, 72)}
    assert opts.sector_map == {"energy": "energy", "transport": "transport", "ippu": "industry",
                               "agriculture": "agriculture", "waste": "other"}
    assert "land_use" not in opts.sector_map  # no national range for land use
    finding = run("sector_ranges", transport_target(40))
    assert finding.outcome == "fail"
    assert finding.values["failing"] == ["Energy: no 2030 sector target"]
    assert finding.values["skipped"] == ["industry", "agriculture", "other"]  # nothing emitted
    assert finding.values["reduction_transport_percent"] == 40.0


@pytest.mark.parametrize("options", [
    pytest.param({"sector_map": {"waste": "landfill"}}, id="unknown-category"),
    pytest.param({"ranges": {"energy": (90, 80, 100)}}, id="unordered-range"),
    pytest.param({"sector_map": {"buildings": "energy"}}, id="unknown-sector"),
])
def test_sector_ranges_options_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        SectorRangesOptions(**options)


# -- roles_cover --------------------------------------------------------------------------------

HAZARDS = [{"hazard": "cloudburst", "priority": True, "risk_current": "high"},
           {"hazard": "drought", "priority": False, "risk_future": "very_high"}]
ALL_ROLES = ["own_operations", "supplier", "authority", "facilitator"]


def roles(*rows: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return with_(governance__roles=list(rows), risk_assessment__hazards=HAZARDS, **changes)


COVERED = ({"sector": "energy", "roles": ["authority"]},
           {"sector": "transport", "roles": ["facilitator"]},
           {"hazard": "cloudburst", "roles": ["supplier", "authority"]},
           {"hazard": "drought", "roles": ["authority"]})


@pytest.mark.parametrize(("doc", "options", "outcome", "missing", "incomplete"), [
    pytest.param(roles(*COVERED), {}, "pass", [], [], id="all-covered"),
    pytest.param(roles(*COVERED[::2], COVERED[3]), {}, "fail", ["transport"], [],
                 id="sector-missing"),
    pytest.param(roles(*COVERED[:2], COVERED[3]), {}, "fail", ["cloudburst"], [],
                 id="hazard-missing"),
    pytest.param(roles(*COVERED[:3]), {}, "fail", ["drought"], [],
                 id="hazard-priority-by-risk-level-missing"),
    pytest.param(roles(COVERED[0], {"sector": "transport", "roles": []}, *COVERED[2:]), {},
                 "fail", ["transport"], [], id="row-without-roles"),
    pytest.param(roles(*COVERED), {"require_all_roles_for": ["energy"]}, "fail", [], ["energy"],
                 id="fossil-sector-one-role"),
    pytest.param(roles({"sector": "energy", "roles": ["authority"], "justification": "No utility."},
                       *COVERED[1:]), {"require_all_roles_for": ["energy"]}, "needs_review",
                 [], [], id="fossil-sector-free-text-only"),
    pytest.param(roles({"sector": "energy", "roles": ["authority", "facilitator"], "absent_roles": [
        {"role": "supplier", "reason": "No utility."},
        {"role": "own_operations", "reason": "No own plants."}]}, *COVERED[1:]),
                 {"require_all_roles_for": ["energy"]}, "pass", [], [], id="reason-per-role"),
    pytest.param(roles({"sector": "energy", "roles": ["authority", "facilitator"], "absent_roles": [
        {"role": "supplier", "reason": "No utility."}]}, *COVERED[1:]),
                 {"require_all_roles_for": ["energy"]}, "fail", [], ["energy"],
                 id="one-role-without-reason"),
    pytest.param(roles({"sector": "energy", "roles": ALL_ROLES}, *COVERED[1:]),
                 {"require_all_roles_for": ["energy"]}, "pass", [], [], id="all-four-roles"),
    pytest.param(roles(*COVERED), {"require_all_roles_for": ["waste"]}, "fail", ["waste"], [],
                 id="required-sector-without-row"),
    pytest.param(roles(*COVERED, inventory__status_year=None), {}, "needs_review", [], [],
                 id="no-status-year"),
])
def test_roles_cover(doc: dict[str, Any], options: dict[str, Any], outcome: str,
                     missing: list[str], incomplete: list[str]) -> None:
    finding = run("roles_cover", doc, **options)
    assert finding.outcome == outcome
    reviewed = ["energy"] if outcome == "needs_review" and options else []
    assert finding.values == {"missing": missing, "incomplete": incomplete, "reviewed": reviewed}


def test_roles_cover_evidence_points_at_the_uncovered() -> None:
    finding = run("roles_cover", roles(COVERED[0]))
    assert finding.evidence == ("/inventory/years/1/sectors/transport",
                                "/risk_assessment/hazards/0", "/risk_assessment/hazards/1")


# -- hazard_actions -----------------------------------------------------------------------------

def adapt(hazard: str, kind: str = "adaptation", **fields: Any) -> dict[str, Any]:
    return {"id": f"A-{hazard}", "title": hazard, "type": kind, "hazards": [hazard],
            "owner": "Teknik og Miljø", "timeline": {"start": 2025}, **fields}


HAZARD_LIST = [{"hazard": "cloudburst", "priority": True},
               {"hazard": "heatwave", "risk_current": "medium", "risk_future": "high"},
               {"hazard": "drought", "risk_current": "low", "risk_future": "medium"}]


@pytest.mark.parametrize(("actions", "options", "outcome", "uncovered", "priority"), [
    pytest.param([adapt("cloudburst"), adapt("heatwave", "both")], {}, "pass", [],
                 ["cloudburst", "heatwave"], id="covered"),
    pytest.param([adapt("cloudburst")], {}, "fail", ["heatwave"], ["cloudburst", "heatwave"],
                 id="future-high-uncovered"),
    pytest.param([adapt("cloudburst"), adapt("heatwave", owner=None)], {}, "fail", ["heatwave"],
                 ["cloudburst", "heatwave"], id="action-without-owner"),
    pytest.param([adapt("cloudburst", timeline=None), adapt("heatwave")], {}, "fail",
                 ["cloudburst"], ["cloudburst", "heatwave"], id="action-without-timeline"),
    pytest.param([adapt("cloudburst"), adapt("heatwave", "mitigation")], {}, "fail",
                 ["heatwave"], ["cloudburst", "heatwave"], id="mitigation-does-not-count"),
    pytest.param([adapt("cloudburst")], {"levels": ["very_high"]}, "pass", [], ["cloudburst"],
                 id="stricter-levels"),
    pytest.param([], {"levels": ["medium"]}, "fail", ["cloudburst", "heatwave", "drought"],
                 ["cloudburst", "heatwave", "drought"], id="nothing-covered"),
])
def test_hazard_actions(actions: list[dict[str, Any]], options: dict[str, Any], outcome: str,
                        uncovered: list[str], priority: list[str]) -> None:
    actions = [{k: v for k, v in a.items() if v is not None} for a in actions]
    doc = with_(risk_assessment__hazards=HAZARD_LIST, actions=actions)
    finding = run("hazard_actions", doc, **options)
    assert finding.outcome == outcome
    assert finding.values == {"uncovered": uncovered, "priority_hazards": priority}
    if outcome == "fail":
        assert all(p.startswith("/risk_assessment/hazards/") for p in finding.evidence)
        assert len(finding.evidence) == len(uncovered)


def test_hazard_actions_without_assessment_is_not_applicable() -> None:
    assert run("hazard_actions", BASE).outcome == "not_applicable"


# -- fossil_roles -------------------------------------------------------------------------------

@pytest.mark.parametrize(("phase_out", "outcome", "missing"), [
    pytest.param({"roles": ALL_ROLES}, "pass", [], id="all-four"),
    pytest.param({"roles": ALL_ROLES[1:], "absent_roles": [
        {"role": "own_operations", "reason": "Ingen egne anlæg."}]}, "pass", [], id="reasoned"),
    pytest.param({"roles": ALL_ROLES[2:], "absent_roles": [
        {"role": "own_operations", "reason": "Ingen egne anlæg."}]}, "fail", ["supplier"],
                 id="one-unreasoned"),
    pytest.param({"roles": ALL_ROLES[2:], "justification": "Se bilag."}, "needs_review",
                 ["own_operations", "supplier"], id="free-text-only"),
    pytest.param({"roles": ALL_ROLES[1:], "absent_roles": [
        {"role": "own_operations", "reason": " "}]}, "fail", ["own_operations"], id="blank-reason"),
    pytest.param(None, "fail", ALL_ROLES, id="no-phase-out"),
])
def test_fossil_roles(phase_out: dict[str, Any] | None, outcome: str, missing: list[str]) -> None:
    finding = run("fossil_roles", with_(fossil_phase_out=phase_out))
    assert finding.outcome == outcome
    assert finding.values == {"missing": missing}
