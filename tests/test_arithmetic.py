"""Arithmetic pinned at its edges: both directions, exact tolerance boundaries, unequal rows.

Written against the survivors of a mutation run (bench/README.md): each test here fails for a
mutant that the table-driven tests in test_domain.py and test_emissions.py let through.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from capf.engine import emissions as em
from capf.engine.checks.spec import Context, Finding
from capf.engine.checks.vocabulary import VOCABULARY
from capf.engine.selector import parse_selector


def run(check: str, doc: dict[str, Any], select: str | None = None, **options: Any) -> Finding:
    spec = VOCABULARY[check]
    matches = parse_selector(select).select(doc) if select else []
    return spec.fn(Context(doc, date(2025, 1, 1)), matches, spec.options(**options))


def inventory(*records: dict[str, Any]) -> dict[str, Any]:
    return {"inventory": {"years": list(records)}}


# -- sector_sum ---------------------------------------------------------------------------------

def test_a_sector_of_zero_adds_nothing() -> None:
    found = run("sector_sum", inventory({"year": 2019, "total": 1000, "sectors": {
        "energy": 1000, "waste": 0}}), "/inventory/years/*", tolerance_percent=0)
    assert (found.outcome, found.values["worst_gap_t"]) == ("pass", 0)


def test_the_worst_gap_is_the_largest_whichever_row_comes_first() -> None:
    doc = inventory({"year": 2018, "total": 1000, "sectors": {"energy": 995}},
                    {"year": 2019, "total": 1000, "sectors": {"energy": 998}})
    assert run("sector_sum", doc, "/inventory/years/*").values["worst_gap_t"] == 5
    doc["inventory"]["years"].reverse()
    assert run("sector_sum", doc, "/inventory/years/*").values["worst_gap_t"] == 5


def test_sectors_above_the_total_say_so_and_only_bad_rows_are_evidence() -> None:
    doc = inventory({"year": 2018, "total": 1000, "sectors": {"energy": 1000}},
                    {"year": 2019, "total": 1000, "sectors": {"energy": 1020}})
    found = run("sector_sum", doc, "/inventory/years/*")
    assert found.outcome == "fail"
    assert found.values["mismatches"] == ["2019 (the sectors add up to 20 t more than the total)"]
    assert found.values["mismatches_da"] == ["2019 (sektorerne giver 20 t mere end totalen)"]
    assert found.values["checked"] == 2
    assert found.evidence == ("/inventory/years/1",)


@pytest.mark.parametrize(("land_use", "outcome"), [
    (-101_005, "pass"),  # 1,005 t off; gross 201,005 t, 0.5 % = 1,005.0 t: at the limit
    (-101_006, "fail"),  # 1,006 t off; 0.5 % of 201,006 t = 1,005.03 t
    (-98_995, "fail"),   # 1,005 t the other way; gross 198,995 t, 0.5 % = 994.98 t
])
def test_net_zero_year_tolerance_is_a_share_of_the_gross_sum(land_use: float, outcome: str) -> None:
    doc = inventory({"year": 2050, "total": 0, "sectors": {"energy": 100_000,
                                                           "land_use": land_use}})
    assert run("sector_sum", doc, "/inventory/years/*").outcome == outcome


def test_sector_sum_on_nothing_selected() -> None:
    found = run("sector_sum", {}, "/inventory/years/*")
    assert found.outcome == "not_applicable"
    assert found.values == {"checked": 0, "mismatches": [], "mismatches_da": [],
                            "worst_gap_t": None}


# -- roles, hazards -----------------------------------------------------------------------------

ALL_ROLES = ["own_operations", "supplier", "authority", "facilitator"]
STATUS = {"status_year": 2019, "years": [
    {"year": 2019, "total": 300, "sectors": {"energy": 200, "transport": 100}}]}


def matrix(*rows: dict[str, Any], **parts: Any) -> dict[str, Any]:
    return {"inventory": STATUS, "governance": {"roles": list(rows)}, **parts}


def test_roles_evidence_for_each_outcome() -> None:
    rows = ({"sector": "energy", "roles": ["authority"]},
            {"sector": "transport", "roles": ["authority"]})
    assert run("roles_cover", matrix(*rows)).evidence == ("/governance/roles/0",
                                                          "/governance/roles/1")
    required = run("roles_cover", matrix(*rows), require_all_roles_for=["waste"])
    assert required.evidence == ("/governance/roles",)
    texted = matrix({**rows[0], "justification": "Se bilag."}, rows[1])
    review = run("roles_cover", texted, require_all_roles_for=["energy"])
    assert (review.outcome, review.evidence) == ("needs_review", ("/governance/roles/0",))
    unknown = run("roles_cover", {"governance": {"roles": list(rows)}})
    assert (unknown.outcome, unknown.evidence) == ("needs_review", ("/inventory/years",))


def test_a_missing_required_sector_does_not_stop_the_others_being_judged() -> None:
    found = run("roles_cover", matrix({"sector": "energy", "roles": ["authority"]},
                                      {"sector": "transport", "roles": ["authority"]}),
                require_all_roles_for=["waste", "energy"])
    assert found.values["missing"] == ["waste"]
    assert found.values["incomplete"] == ["energy"]


@pytest.mark.parametrize(("roles", "outcome"), [(ALL_ROLES, "pass"), (ALL_ROLES[1:], "fail")])
def test_fossil_roles_rest_on_the_phase_out(roles: list[str], outcome: str) -> None:
    found = run("fossil_roles", {"fossil_phase_out": {"roles": roles}})
    assert (found.outcome, found.evidence) == (outcome, ("/fossil_phase_out",))
    texted = run("fossil_roles", {"fossil_phase_out": {"roles": ALL_ROLES[1:],
                                                       "justification": "Se bilag."}})
    assert (texted.outcome, texted.evidence) == ("needs_review", ("/fossil_phase_out",))


def test_hazard_actions_values_and_evidence() -> None:
    doc = {"risk_assessment": {"hazards": [{"hazard": "heatwave", "risk_current": "high"}]},
           "actions": [{"id": "K1", "title": "Skygge", "type": "adaptation", "hazards": ["heatwave"],
                        "owner": "Park og Vej", "timeline": {"start": 2025, "end": 2027}}]}
    found = run("hazard_actions", doc)
    assert (found.outcome, found.evidence) == ("pass", ("/risk_assessment/hazards/0",))
    empty = run("hazard_actions", {"risk_assessment": {"hazards": []}})
    assert (empty.outcome, empty.values) == ("not_applicable",
                                             {"uncovered": [], "priority_hazards": []})


# -- sector_ranges and sector_cut ---------------------------------------------------------------

TRANSPORT = {"ranges": {"transport": (30.0, 33.0, 36.0)}, "sector_map": {"transport": "transport"}}


def ranged(*targets: dict[str, Any], sectors: dict[str, float] | None = None) -> dict[str, Any]:
    return {"inventory": {"years": [
        {"year": 2018, "total": 1, "sectors": {"transport": 1}},
        {"year": 2019, "total": 300, "sectors": sectors or {"transport": 300}}]},
            "targets": {"emission_targets": list(targets)}}


def transport(percent: float, **extra: Any) -> dict[str, Any]:
    return {"year": 2030, "type": "percent_below_reference", "sector": "transport",
            "percent": percent, "reference_year": 2019, **extra}


def test_sector_ranges_rest_on_the_base_year_record() -> None:
    found = run("sector_ranges", ranged(transport(35)), **TRANSPORT)
    assert found.outcome == "pass"
    assert found.evidence == ("/inventory/years/1", "/targets/emission_targets/0")
    low = run("sector_ranges", ranged(transport(20)), **TRANSPORT)
    assert low.evidence == ("/inventory/years/1", "/targets/emission_targets/0")
    review = run("sector_ranges", ranged(transport(31, justification="Landkommune.")), **TRANSPORT)
    assert review.outcome == "needs_review"
    assert review.evidence == ("/inventory/years/1", "/targets/emission_targets/0")


def test_a_cut_is_shown_and_judged_to_one_decimal() -> None:
    target = {"year": 2030, "type": "absolute", "sector": "transport", "tonnes": 200}
    found = run("sector_ranges", ranged(target), **TRANSPORT)
    assert found.values["reduction_transport_percent"] == 33.3  # 100/300, one decimal


def test_a_cut_exactly_at_the_low_end_is_in_the_low_end_not_below_it() -> None:
    found = run("sector_ranges", ranged(transport(30)), **TRANSPORT)
    assert found.values["failing"] == ["Transport 30 % (mid 33 %, no justification)"]
    below = run("sector_ranges", ranged(transport(29.9)), **TRANSPORT)
    assert below.values["failing"] == ["Transport 29.9 % (low end 30 %)"]


def test_sector_cut_without_sector_figures_is_a_gap() -> None:
    doc = {"inventory": {"years": [{"year": 2019, "total": 300}]}}
    cut = em.sector_cut(doc, ["transport"], 2030, 2019)
    assert (cut.percent, cut.pointers, cut.skipped) == (None, (), False)
    assert cut.reason is not None
    assert (cut.reason.en, cut.reason.da) == ("no 2019 sector figures",
                                              "ingen sektortal i klimaregnskabet for 2019")


def test_only_a_group_target_of_the_year_over_the_category_needs_review() -> None:
    later = transport(50) | {"year": 2040}
    cut = em.sector_cut(ranged(later), ["transport"], 2030, 2019)
    assert cut.reason is not None and cut.reason.en == "no 2030 sector target"
    other = {"year": 2030, "type": "neutral", "sectors": ["energy", "agriculture"]}
    cut = em.sector_cut(ranged(other), ["transport"], 2030, 2019)
    assert cut.reason is not None and cut.reason.en == "no 2030 sector target"
    group = {"year": 2030, "type": "neutral", "sectors": ["energy", "transport"]}
    cut = em.sector_cut(ranged(group), ["transport"], 2030, 2019)
    assert cut.pointers == ("/targets/emission_targets/0",)
    assert cut.reason is not None and "energy + transport together" in cut.reason.en


def test_sector_cut_of_a_category_that_nets_to_zero_or_one_tonne() -> None:
    doc = ranged(transport(50), sectors={"transport": 100, "land_use": -100})
    cut = em.sector_cut(doc, ["transport", "land_use"], 2030, 2019)
    assert cut.percent is None and cut.pointers == ("/targets/emission_targets/0",)
    assert cut.reason is not None and (cut.reason.en, cut.reason.da) == (
        "the 2019 emissions are a net uptake", "udledningen i 2019 er et nettooptag")
    justified = ranged(transport(50, justification="Landkommune."),
                       sectors={"transport": 100, "land_use": -100})
    assert em.sector_cut(justified, ["transport", "land_use"], 2030, 2019).justified is True
    tiny = em.sector_cut(ranged(transport(50), sectors={"transport": 1}), ["transport"], 2030, 2019)
    assert tiny.percent == pytest.approx(50.0)


def test_a_neutral_sector_target_cuts_exactly_100_percent() -> None:
    neutral = {"year": 2030, "type": "neutral", "sector": "transport"}
    assert em.sector_cut(ranged(neutral), ["transport"], 2030, 2019).percent == 100.0


def test_a_group_reason_is_danish_too() -> None:
    group = {"year": 2030, "type": "neutral", "sectors": ["energy", "transport"]}
    cut = em.sector_cut(ranged(group), ["transport"], 2030, 2019)
    assert cut.reason is not None
    assert cut.reason.da == ("målet for 2030 dækker energy + transport samlet, de nationale "
                             "intervaller én kategori hver")


# -- manko --------------------------------------------------------------------------------------

def manko_doc(*milestones: tuple[int, float], pathway: dict[int, float] | None = None,
              strategy: str | None = "Årligt.") -> dict[str, Any]:
    doc: dict[str, Any] = {
        "inventory": {"reference_year": 1990, "years": [{"year": 1990, "total": 1_000_000}]},
        "targets": {"net_zero_year": 2050, "emission_targets": [
            {"year": 2030, "type": "absolute", "tonnes": 300_000}]},
        "scenarios": {"action_pathway": {"years": [
            {"year": y, "total": t} for y, t in (pathway or {2030: 350_000, 2050: 0}).items()]}},
        "manko": {"milestones": [{"year": y, "t_co2e": t} for y, t in milestones]}}
    if strategy:
        doc["manko"]["strategy"] = strategy
    return doc


def test_manko_lists_every_unchecked_year_and_points_at_the_bad_ones_only() -> None:
    found = run("manko", manko_doc((2030, 50_000), pathway={2040: 1}), require_strategy=False)
    assert found.values["reason"] == ("2030 (no figure for 2030 in the action pathway), "
                                      "2050 (no figure for 2050 in the action pathway)")
    one_bad = run("manko", manko_doc((2030, 50_000), (2050, 5_000)))
    assert one_bad.values["mismatches"] == [2050]
    assert one_bad.evidence == ("/targets/net_zero_year", "/scenarios/action_pathway/years/1",
                                "/manko/milestones/1")


def test_a_manko_without_strategy_is_worded_after_the_mismatch() -> None:
    found = run("manko", manko_doc((2030, 40_000), strategy=None))
    assert found.outcome == "fail"
    assert found.values["detail"] == (
        "In 2030 the declared manko is 40,000 t, but the action pathway (350,000 t) lies 50,000 t "
        "above the target level (300,000 t). A manko is declared but /manko/strategy is empty.")


def test_a_manko_under_one_tonne_is_still_above_the_target() -> None:
    phrase = em.Gap(2030, em.Level(100.0), em.Level(100.5)).mismatch()
    assert phrase is not None and "lies 0 t above the target level" in phrase.en


# -- pathway_consistency ------------------------------------------------------------------------

def consistency(bau: dict[int, float], pathway: dict[int, float],
                *effects: tuple[str, str | None, int, float]) -> dict[str, Any]:
    actions = []
    for id_, kind, year, tonnes in effects:
        action: dict[str, Any] = {"id": id_, "title": id_,
                                  "effect": [{"year": year, "t_co2e": tonnes}]}
        if kind:
            action["type"] = kind
        actions.append(action)
    return {"scenarios": {"bau": {"years": [{"year": y, "total": t} for y, t in bau.items()]},
                          "action_pathway": {"years": [{"year": y, "total": t}
                                                       for y, t in pathway.items()]}},
            "actions": actions}


@pytest.mark.parametrize(("pathway", "outcome"), [
    (290_000, "pass"),   # unexplained exactly 10,000 t = 5 % of the effects: at the limit
    (289_999, "fail"),
    (309_950, "pass"),   # 9,950 t the other way, within 5 % of 200,000 t
    (310_001, "fail"),
])
def test_pathway_tolerance_is_exactly_five_percent_of_the_effects(pathway: float,
                                                                 outcome: str) -> None:
    doc = consistency({2030: 500_000}, {2030: pathway}, ("E1", "mitigation", 2030, 200_000))
    assert run("pathway_consistency", doc).outcome == outcome


def test_pathway_tolerance_is_one_tonne_without_effects() -> None:
    doc = consistency({2030: 100.0}, {2030: 98.5}, ("E1", "mitigation", 2030, 0))
    assert run("pathway_consistency", doc).outcome == "fail"


def test_pathway_evidence_and_wording() -> None:
    doc = consistency({2030: 100_000, 2040: 100_000}, {2030: 80_000, 2040: 100_000},
                      ("E1", "mitigation", 2030, 20_000), ("E2", "mitigation", 2040, 20_000))
    found = run("pathway_consistency", doc)
    assert found.values["mismatches"] == [2040]
    assert found.evidence == ("/scenarios/bau/years/1", "/scenarios/action_pathway/years/1",
                              "/actions/1/effect/0")
    assert found.values["detail"].startswith("in 2040 BAU (100,000 t) minus the effects")
    none = run("pathway_consistency", consistency({2040: 1}, {2030: 1}))
    assert (none.outcome, none.evidence) == ("needs_review", (em.BAU, em.PATHWAY))


def test_effects_are_summed_past_an_adaptation_action() -> None:
    doc = consistency({2030: 100}, {2030: 60}, ("K1", "adaptation", 2030, 99),
                      ("E1", None, 2030, 40))
    assert em.action_effects(doc) == {2030: (40.0, ("/actions/1/effect/0",))}


def test_years_are_read_past_one_that_is_not_checked() -> None:
    doc = consistency({2025: 100, 2030: 100, 2040: 100}, {2025: 100, 2030: 60},
                      ("E1", "mitigation", 2030, 40), ("E2", "mitigation", 2040, 10))
    assert [r.year for r in em.explained_years(doc)] == [2030]  # 2025: no effect; 2040: no path


# -- target_reduction and population_for --------------------------------------------------------

def yardstick(level: dict[str, Any], reference: float | None) -> Finding:
    years = [] if reference is None else [{"year": 1990, "total": reference}]
    return run("target_reduction", {"inventory": {"years": years},
                                    "targets": {"emission_targets": [{"year": 2030, **level}]}})


def test_a_net_zero_level_with_a_reference_shows_its_cut() -> None:
    found = yardstick({"type": "neutral"}, 400_000)
    assert (found.outcome, found.values["reduction_percent"]) == ("pass", 100.0)
    assert found.evidence == ("/targets/emission_targets/0", "/inventory/years/0")
    assert (found.values["reason"], found.values["reason_da"]) == (None, None)
    assert found.values["detail"] == ("The 2030 target allows 0 t CO2e, which is at least as far "
                                      "below any 1990 emissions as a 70 % cut.")
    below = yardstick({"type": "absolute", "tonnes": -1_234}, 400_000)
    assert below.values["reduction_percent"] == 100.3
    assert yardstick({"type": "neutral"}, None).evidence == ("/targets/emission_targets/0",)


@pytest.mark.parametrize(("reference", "outcome", "why"), [
    (0, "needs_review", "the inventory total for 1990 is zero or a net uptake, so a cut in percent "
                        "cannot be computed"),
    (-5, "needs_review", None),
    (1, "fail", None)])
def test_a_reference_of_zero_or_less_cannot_be_cut(reference: float, outcome: str,
                                                    why: str | None) -> None:
    found = yardstick({"type": "absolute", "tonnes": 10}, reference)
    assert found.outcome == outcome
    assert found.evidence == ("/targets/emission_targets/0", "/inventory/years/0")
    if why:
        assert found.values["reason"] == why
        assert found.values["reason_da"].startswith("klimaregnskabets total for 1990 er nul")


@pytest.mark.parametrize(("tonnes", "outcome", "shown"), [
    (305_000, "pass", 69.5), (305_040, "fail", 69.5), (300_000, "pass", 70.0)])
def test_the_yardstick_tolerance_ends_exactly_at_69_5_percent(tonnes: float, outcome: str,
                                                              shown: float) -> None:
    found = yardstick({"type": "absolute", "tonnes": tonnes}, 1_000_000)
    assert (found.outcome, found.values["reduction_percent"]) == (outcome, shown)
    assert found.evidence == ("/targets/emission_targets/0", "/inventory/years/0")


def test_one_population_per_year_comes_from_the_per_capita_target() -> None:
    doc = {"municipality": {"population": 50_000}, "targets": {"emission_targets": [
        {"year": 2030, "type": "absolute", "tonnes": 100_000},
        {"year": 2030, "type": "per_capita", "tonnes_per_capita": 5, "population": 40_000},
        {"year": 2040, "type": "per_capita", "tonnes_per_capita": 1, "population": 10}]}}
    assert em.population_for(doc, 2030) == (40_000, ("/targets/emission_targets/1/population",))
    assert em.population_for(doc, 2035) == (50_000, ("/municipality/population",))
    assert em.population_for({}, 2030) == (None, ())
    found = run("per_capita_level", doc)  # absolute binds (100,000 t < 200,000 t)
    assert (found.values["per_capita_t"], found.values["population"]) == (2.5, 40_000)
    assert found.evidence == ("/targets/emission_targets/0",
                              "/targets/emission_targets/1/population")


# -- split targets, offsets, partial neutrality -------------------------------------------------

def split_plan(**shares: float) -> dict[str, Any]:
    return {"inventory": {"reference_year": 2005, "years": [{"year": 2005, "total": 400_000}]},
            "targets": {"net_zero_year": 2030, "emission_targets": [
                {"year": 2030, "type": "neutral", **shares}]}}


@pytest.mark.parametrize(("shares", "tonnes"), [
    ({"inside_boundary_min_percent": 85}, 60_000),
    ({"outside_boundary_max_percent": 15}, 60_000),
    ({"inside_boundary_min_percent": 90, "outside_boundary_max_percent": 15}, 40_000),
    ({"inside_boundary_min_percent": 80, "outside_boundary_max_percent": 10}, 40_000),
    ({"inside_boundary_min_percent": 100}, 0.0),
    ({"outside_boundary_max_percent": 0}, 0.0),
])
def test_the_stricter_share_sets_the_inside_level(shares: dict[str, float], tonnes: float) -> None:
    doc = split_plan(**shares)
    level = em.required_level(doc, 2030)
    assert level.tonnes == pytest.approx(tonnes)
    assert em.is_split(doc["targets"]["emission_targets"][0]) is (tonnes > 0)


def test_a_split_level_rests_on_the_target_and_the_reference() -> None:
    doc = split_plan(inside_boundary_min_percent=85)
    level = em.target_level(doc["targets"]["emission_targets"][0], doc, "/t/0")
    assert (level.tonnes, level.reason, level.pointers) == (60_000, None, ("/t/0",
                                                                            "/inventory/years/0"))
    above = {"year": 2030, "type": "absolute", "tonnes": 500_000, "inside_boundary_min_percent": 85}
    assert em.target_level(above, doc).tonnes == 400_000  # no cut to share: the reference stays
    partial = {"year": 2030, "type": "absolute", "tonnes": 100_000,
               "inside_boundary_min_percent": 50}
    assert em.target_level(partial, doc).tonnes == 250_000  # 400,000 − 0.5 × 300,000


def test_a_split_target_without_a_reference_says_why() -> None:
    doc = {"targets": {"emission_targets": [
        {"year": 2030, "type": "neutral", "inside_boundary_min_percent": 85}]}}
    level = em.target_level(doc["targets"]["emission_targets"][0], doc, "/t/0")
    assert level.tonnes is None and level.pointers == ("/t/0",)
    assert level.reason is not None
    assert (level.reason.en, level.reason.da) == ("split target without a reference year",
                                                  "delt mål uden basisår")


def test_offsets_allowed_lifts_the_net_zero_level_inside_the_boundary() -> None:
    doc = {"targets": {"net_zero_year": 2030, "offsets_allowed": True, "emission_targets": [
        {"year": 2030, "type": "absolute", "tonnes": 50_000}]}}
    assert em.required_level(doc, 2030).tonnes == 50_000
    doc["targets"]["offsets_allowed"] = False
    assert em.required_level(doc, 2030).tonnes == 0.0


def test_a_partial_neutrality_year_binds_from_its_own_year() -> None:
    doc = {"targets": {"sector_neutrality": [{"year": 2029, "sectors": ["energy"]}]}}
    assert em.required_level(doc, 2029, "energy").tonnes == 0.0
    assert em.required_level(doc, 2028, "energy").tonnes is None
