"""Hand-written hypothesis strategies for plan documents (schemas/plan.schema.json).

hypothesis-jsonschema cannot generate 2020-12 object schemas (pitfalls.md), so every object of
the plan schema is written out here with `obj(pointer, required, optional)`. The pointer names
the object's place in the schema; tests/test_properties.py checks that the registered key sets
equal the schema's, so a field added to the schema without a strategy fails a test.

Values stay inside the schema's types, ranges, enums and lengths. Years and sectors are drawn
mostly from small pools so that targets, inventory records, scenarios and manko meet often
enough for the domain checks to compute something, not only report gaps.
"""

from __future__ import annotations

import copy
import string
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from capf.read.plan import load_plan
from capf.read.schema import problems

SECTORS = ("energy", "transport", "waste", "ippu", "agriculture", "land_use")
HAZARDS = ("cloudburst", "rainfall", "sea_level_storm_surge", "groundwater",
           "watercourse_flooding", "wind_storm", "heatwave", "drought", "coastal_erosion",
           "compound_events")
ROLES = ("own_operations", "supplier", "authority", "facilitator")
CO_BENEFITS = ("health", "jobs", "nature", "biodiversity", "air_quality", "quality_of_life",
               "economy", "energy_security", "water_quality", "mobility", "equity", "recreation",
               "other")
RISK = ("low", "medium", "high", "very_high")
HORIZONS = ("short", "medium", "long")
TARGET_TYPES = ("percent_below_reference", "absolute", "per_capita", "neutral")
MILESTONES = (1990, 2005, 2018, 2019, 2020, 2025, 2030, 2035, 2040, 2045, 2050, 2055)

# Schema pointer of an object → (required keys, all keys). Filled by `obj`.
SHAPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def obj(pointer: str, required: dict[str, Any], optional: dict[str, Any]) -> Any:
    """A dict strategy for the schema object at `pointer`; optional keys are sometimes absent."""
    keys = (frozenset(required), frozenset(required) | frozenset(optional))
    if SHAPES.setdefault(pointer, keys) != keys:
        raise AssertionError(f"{pointer} registered twice with different keys")
    return st.fixed_dictionaries(required, optional=optional)


def unique(elements: tuple[str, ...], max_size: int | None = None) -> Any:
    return st.lists(st.sampled_from(elements), unique=True, max_size=max_size or len(elements))


# --- scalars ---------------------------------------------------------------------------------

# Any unicode text (control characters, markup, template syntax included): the plan is data.
_HOSTILE = st.sampled_from(["{{ 7*7 }}", "{% import os %}", "<script>alert(1)</script>",
                            "${jndi:ldap://x}", "{value}", "%s", "\x00\x1b[31m", "Æøå ÆØÅ"])


def text(min_size: int = 0, max_size: int = 40) -> Any:
    """Short text within a schema `maxLength` (≥ max_size) and `minLength` (min_size)."""
    plain = st.text(min_size=min_size, max_size=max_size)
    return st.one_of(plain, _HOSTILE) if min_size <= 1 else plain


def name() -> Any:
    return text(min_size=1, max_size=30)


def names(max_size: int = 3) -> Any:
    return st.lists(name(), max_size=max_size)


year = st.one_of(st.sampled_from(MILESTONES), st.integers(1900, 2100))
iso_date = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(
    date.isoformat)
boolean = st.booleans()


def number(low: float, high: float, *, integers: bool = True) -> Any:
    """A finite JSON number in [low, high]: integers (as plans mostly write) or floats."""
    floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return st.one_of(st.integers(int(low), int(high)), floats) if integers else floats


tonnes = st.one_of(st.integers(0, 2_000_000), number(-1e9, 1e9))
positive_tonnes = st.one_of(st.integers(0, 2_000_000), number(0, 1e9))
url = st.builds(lambda scheme, rest: f"{scheme}://{rest}", st.sampled_from(["http", "https"]),
                st.text(string.ascii_letters + string.digits + "./-_~%?=&#:", min_size=1,
                        max_size=40))

# --- shared definitions ---------------------------------------------------------------------

evidence = obj("/$defs/evidence", {}, {
    "document": name(),
    "page": st.one_of(st.integers(1, 100_000), text(max_size=12)),
    "section": name(),
    "quote": text(max_size=80),
    "url": url,
})


def with_evidence(pointer: str, required: dict[str, Any], optional: dict[str, Any]) -> Any:
    return obj(pointer, required, {**optional, "evidence": evidence})


sector_tonnes = obj("/$defs/sector_tonnes", {}, dict.fromkeys(SECTORS, tonnes))
emission_record = with_evidence("/$defs/emission_record", {"year": year}, {
    "total": tonnes, "sectors": sector_tonnes, "note": text(),
    "t_per_capita": number(0, 1000), "population": st.integers(1, 100_000_000)})
absent_role = with_evidence("/$defs/absent_role", {
    "role": st.sampled_from(ROLES), "reason": name()}, {})
records = st.lists(emission_record, max_size=5)
indicator = with_evidence("/$defs/indicator", {"name": name()}, {
    "level": st.sampled_from(["output", "outcome", "impact"]),
    "unit": name(),
    "baseline": number(-1e12, 1e12),
    "target": number(-1e12, 1e12),
    "year": year,
})
indicators = st.lists(indicator, max_size=2)
scenario = with_evidence("/$defs/scenario", {}, {
    "description": text(), "national_measures_until": year, "years": records})
emission_target = with_evidence("/$defs/emission_target", {
    "year": year, "type": st.sampled_from(TARGET_TYPES)}, {
    "id": name(),
    "sector": st.sampled_from(("total", *SECTORS)),
    "percent": number(0, 200),
    "reference_year": year,
    "tonnes": tonnes,
    "tonnes_per_capita": number(0, 1000),
    "population": st.integers(1, 100_000_000),
    "inside_boundary_min_percent": number(0, 100),
    "outside_boundary_max_percent": number(0, 100),
    "indicators": names(),
    "description": text(),
    "justification": text(),
    "sectors": st.lists(st.sampled_from(SECTORS), min_size=2, max_size=3, unique=True),
})
effect = with_evidence("/$defs/effect", {"year": year, "t_co2e": positive_tonnes}, {})
action = with_evidence("/$defs/action", {"id": name(), "title": name()}, {
    "type": st.sampled_from(["mitigation", "adaptation", "both"]),
    "description": text(),
    "sectors": unique(SECTORS),
    "hazards": unique(HAZARDS),
    "effect": st.lists(effect, max_size=4),
    "owner": name(),
    "roles": unique(ROLES),
    "partners": names(),
    "horizon": st.sampled_from(HORIZONS),
    "timeline": with_evidence("/$defs/action/properties/timeline", {}, {
        "start": year, "end": year, "description": text()}),
    "financing": with_evidence("/$defs/action/properties/financing", {}, {
        "source": name(), "amount_dkk": number(0, 1e12), "secured": boolean}),
    "staff": with_evidence("/$defs/action/properties/staff", {}, {
        "fte": number(0, 100_000), "description": text()}),
    "status": st.sampled_from(["planned", "in_progress", "completed", "cancelled"]),
    "priority": boolean,
    "co_benefits": unique(CO_BENEFITS, 4),
    "indicators": indicators,
    "flags": with_evidence("/$defs/action/properties/flags", {}, {
        "ccs_prolongs_fossil": boolean, "new_incineration_capacity": boolean,
        "new_fossil_supply": boolean, "outside_boundary": boolean}),
    "carbon_capture": with_evidence("/$defs/action/properties/carbon_capture", {
        "origin": st.sampled_from(["fossil", "biogenic", "waste"])}, {
        "t_co2": tonnes, "description": text()}),
})
hazard_assessment = with_evidence("/$defs/hazard_assessment", {
    "hazard": st.sampled_from(HAZARDS)}, {
    "relevant": boolean,
    "not_relevant_reason": text(),
    "risk_current": st.sampled_from(RISK),
    "risk_future": st.sampled_from(RISK),
    "priority": boolean,
    "exposure": text(),
    "description": text(),
})
goal = with_evidence("/$defs/goal", {"horizon": st.sampled_from(HORIZONS), "goal": text()}, {
    "kind": st.sampled_from(["qualitative", "measurable"]),
    "hazards": unique(HAZARDS, 3),
    "indicator": indicator,
})

# --- top-level sections ---------------------------------------------------------------------

P = "/properties"

municipality = with_evidence(f"{P}/municipality", {}, {
    "name": name(),
    "code": st.from_regex(r"[0-9]{3}", fullmatch=True),
    "fictional": boolean,
    "population": st.one_of(st.integers(1_000, 700_000), st.integers(1, 100_000_000)),
    "population_year": year,
    "area_km2": number(0, 1e6),
    "context": text(),
    "priorities": names(),
})
plan_section = with_evidence(f"{P}/plan", {}, {
    "title": name(),
    "version": name(),
    "language": st.sampled_from(["da", "en"]),
    "stage": st.sampled_from(["draft", "adopted", "approved"]),
    "drafted": iso_date,
    "adopted": with_evidence(f"{P}/plan/properties/adopted", {}, {
        "date": iso_date,
        "body": st.sampled_from(["kommunalbestyrelse", "byraad", "borgerrepraesentation",
                                 "udvalg", "other"]),
        "unanimous": boolean}),
    "approved": with_evidence(f"{P}/plan/properties/approved", {}, {
        "date": iso_date, "by": name()}),
    "next_revision": iso_date,
    "self_assessment": boolean,
})
commitment = with_evidence(f"{P}/commitment", {}, {
    "signed_by": unique(("mayor", "council", "committee", "other")),
    "date": iso_date,
    "paris_compatible": boolean,
    "neutrality_year": year,
    "resilience_year": year,
    "text": text(),
})
inventory = with_evidence(f"{P}/inventory", {}, {
    "method": name(),
    "standard": st.sampled_from(["GPC", "other"]),
    "boundary": st.sampled_from(["geographic", "organisation"]),
    "basis": st.sampled_from(["production", "consumption"]),
    "gases": unique(("CO2", "CH4", "N2O", "HFC", "PFC", "SF6", "NF3")),
    "reference_year": year,
    "status_year": year,
    "years": records,
    "excluded": text(),
})
scenarios = with_evidence(f"{P}/scenarios", {}, {"bau": scenario, "action_pathway": scenario})
targets = with_evidence(f"{P}/targets", {}, {
    "net_zero_year": year,
    "net_zero_scope": st.sampled_from(["geographic_area", "own_operations"]),
    "offsets_allowed": boolean,
    "emission_targets": st.lists(emission_target, max_size=4),
    "sector_neutrality": st.lists(with_evidence(
        f"{P}/targets/properties/sector_neutrality/items", {
            "year": year, "sectors": st.lists(st.sampled_from(SECTORS), min_size=1, max_size=3,
                                              unique=True)}, {"description": text()}),
        max_size=2),
})
manko = with_evidence(f"{P}/manko", {}, {
    "milestones": st.lists(with_evidence(f"{P}/manko/properties/milestones/items", {
        "year": year, "t_co2e": positive_tonnes}, {"sectors": sector_tonnes}), max_size=3),
    "strategy": text(),
    "replacement_commitment": boolean,
})
risk_assessment = with_evidence(f"{P}/risk_assessment", {}, {
    "date": iso_date,
    "data_year": year,
    "scenarios": st.lists(with_evidence(f"{P}/risk_assessment/properties/scenarios/items", {
        "name": name()}, {"horizon_year": year}), max_size=3),
    "hazards": st.lists(hazard_assessment, max_size=6),
    "vulnerable_groups": names(),
    "vulnerable_areas": names(),
    "method": text(),
})
_G = f"{P}/governance/properties"
governance = with_evidence(f"{P}/governance", {}, {
    "roles": st.lists(with_evidence(f"{_G}/roles/items", {}, {
        "sector": st.sampled_from(SECTORS), "hazard": st.sampled_from(HAZARDS),
        "roles": unique(ROLES), "partners": names(), "justification": text(),
        "absent_roles": st.lists(absent_role, max_size=2)}), max_size=6),
    "coordination": st.lists(with_evidence(f"{_G}/coordination/items", {
        "with": st.sampled_from(["municipal_plan", "strategic_energy_plan", "adaptation_plan",
                                 "utilities", "regional", "national",
                                 "neighbouring_municipalities", "other"])},
        {"description": text()}), max_size=3),
    "stakeholders": st.lists(with_evidence(f"{_G}/stakeholders/items", {
        "group": st.sampled_from(["utilities", "agriculture", "business",
                                  "housing_associations", "education", "residents", "ngo",
                                  "region", "state", "other"])},
        {"name": name(), "participation": text()}), max_size=3),
    "resources": with_evidence(f"{_G}/resources", {}, {
        "team": text(), "staff_fte": number(0, 100_000),
        "budget_dkk_per_year": number(0, 1e12), "description": text()}),
    "barriers": st.lists(with_evidence(f"{_G}/barriers/items", {
        "type": st.sampled_from(["legal", "financial", "technical", "competence",
                                 "behavioural", "other"])},
        {"description": text(), "response": text()}), max_size=3),
    "communication": with_evidence(f"{_G}/communication", {}, {
        "description": text(), "channels": names(),
        "phases": unique(("development", "implementation"))}),
    "merr": with_evidence(f"{_G}/merr", {}, {
        "indicators": indicators,
        "reporting_interval_months": st.integers(1, 120),
        "reports_to": st.sampled_from(["council", "committee", "administration", "other"]),
        "public_reporting": boolean,
        "common_monitoring_system": boolean,
        "revision_interval_years": st.integers(1, 30),
        "description": text()}),
})
_I = f"{P}/inclusion/properties"
inclusion = with_evidence(f"{P}/inclusion", {}, {
    "engagement": st.lists(with_evidence(f"{_I}/engagement/items", {
        "phase": st.sampled_from(["development", "implementation"])}, {
        "method": st.sampled_from(["hearing", "workshop", "climate_council", "citizen_assembly",
                                   "survey", "meeting", "partnership", "other"]),
        "description": text()}), max_size=3),
    "co_benefits": st.lists(with_evidence(f"{_I}/co_benefits/items", {
        "benefit": st.sampled_from(CO_BENEFITS)}, {"description": text()}), max_size=3),
    "distribution": with_evidence(f"{_I}/distribution", {}, {
        "affected_groups": names(),
        "themes": st.lists(with_evidence(f"{_I}/distribution/properties/themes/items", {
            "theme": st.sampled_from(["access", "economic_welfare", "location", "other"])},
            {"description": text()}), max_size=3),
        "description": text()}),
})
consumption = st.lists(with_evidence(f"{P}/consumption/items", {
    "category": st.sampled_from(["food", "transport", "housing", "building", "goods",
                                 "services", "other"])}, {
    "vision": text(), "strategy": text(), "indicators": indicators}), max_size=2)
fossil_phase_out = with_evidence(f"{P}/fossil_phase_out", {}, {
    "coal_end_year": year, "oil_end_year": year, "natural_gas_end_year": year,
    "no_new_fossil_supply": boolean, "roles": unique(ROLES), "justification": text(),
    "absent_roles": st.lists(absent_role, max_size=2)})

random_plans = obj("", {}, {
    "$schema": st.just("https://capf.dev/schemas/plan.schema.json"),
    "schema_version": st.just("1"),
    "municipality": municipality,
    "plan": plan_section,
    "commitment": commitment,
    "inventory": inventory,
    "scenarios": scenarios,
    "targets": targets,
    "manko": manko,
    "actions": st.lists(action, max_size=5),
    "risk_assessment": risk_assessment,
    "adaptation_goals": st.lists(goal, max_size=3),
    "governance": governance,
    "inclusion": inclusion,
    "consumption": consumption,
    "fossil_phase_out": fossil_phase_out,
})
"""Any schema-valid plan, from `{}` to one with every section filled (fields independent)."""

# --- plans near the examples ----------------------------------------------------------------
# Independent random fields rarely make a coherent plan (totals equal to sector sums, a pathway
# equal to BAU minus effects, a declared manko matching the target), so the domain checks would
# mostly see gaps. Small mutations of the hand-made example plans reach their pass paths and
# the edges just beside them.

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = {p.stem: load_plan(p).data for p in sorted(EXAMPLES_DIR.glob("*.yaml"))}
_REQUIRED = frozenset().union(*(required for required, _ in SHAPES.values()))


def _paths(node: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [at]
    if isinstance(node, dict):
        for key, child in node.items():
            found.extend(_paths(child, (*at, key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found.extend(_paths(child, (*at, index)))
    return found


def _is_year(key: str | int) -> bool:
    return isinstance(key, str) and (key in ("year", "start", "end", "national_measures_until")
                                     or key.endswith("_year"))


@st.composite
def _mutated(draw: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))])
    for _ in range(draw(st.integers(0, 6))):
        paths = _paths(data)[1:]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        key, value = path[-1], parent[path[-1]]
        if draw(st.integers(0, 3)) == 0:  # remove an optional key or a list item
            if isinstance(parent, list) or key not in _REQUIRED:
                del parent[key]
        elif isinstance(value, bool):
            parent[key] = not value
        elif isinstance(value, int | float) and _is_year(key):
            parent[key] = min(2100, max(1900, value + draw(st.integers(-12, 12))))
        elif isinstance(value, int | float):
            factor = draw(st.sampled_from([0, 0.5, 0.95, 0.999, 1.001, 1.05, 2, 2.5, -1]))
            scaled = value * factor
            parent[key] = round(scaled) if isinstance(value, int) else scaled
        elif isinstance(value, str):
            parent[key] = draw(st.sampled_from(["", " ", value + " {{ 7*7 }}", value[:1]]))
    return data


near_examples = _mutated().filter(lambda data: not problems("plan", data))
"""An example plan with up to six small mutations (removed keys, shifted years, scaled
numbers, flipped booleans, edited text), kept only when still schema-valid."""



@st.composite
def _linked(draw: Any) -> dict[str, Any]:
    """A random plan whose years are sometimes made to meet: targets refer to inventory years,
    scenarios and manko use target years — so the arithmetic runs on random numbers too."""
    data: dict[str, Any] = draw(random_plans)
    inventory = data.get("inventory", {})
    base_years = [r["year"] for r in inventory.get("years", [])]
    targets = data.get("targets", {}).get("emission_targets", [])
    target_years = [t["year"] for t in targets] + [data.get("targets", {}).get("net_zero_year",
                                                                               2050)]

    def link(record: dict[str, Any], key: str, pool: list[int]) -> None:
        if pool and draw(st.booleans()):
            record[key] = draw(st.sampled_from(pool))

    for key in ("reference_year", "status_year"):
        if key in inventory:
            link(inventory, key, base_years)
    for target in targets:
        link(target, "reference_year", base_years)
    for name in ("bau", "action_pathway"):
        for record in data.get("scenarios", {}).get(name, {}).get("years", []):
            link(record, "year", target_years)
    for record in data.get("manko", {}).get("milestones", []):
        link(record, "year", target_years)
    for action in data.get("actions", []):
        for effect in action.get("effect", []):
            link(effect, "year", target_years)
    return data


# --- plans dense in the numbers the domain checks compute with ------------------------------
# Required keys and small year pools: every plan has an inventory, targets of every type,
# scenarios, a manko and actions with effects whose years meet, filled with random figures.

BASE_YEARS = (1990, 2005, 2019, 2022)
TARGET_YEARS = (2025, 2030, 2035, 2040, 2050)


def _records(years: tuple[int, ...], min_size: int = 0) -> Any:
    return st.lists(st.fixed_dictionaries({
        "year": st.sampled_from(years),
        "sectors": st.dictionaries(st.sampled_from(SECTORS), tonnes, max_size=6)},
        optional={"total": tonnes}), min_size=min_size, max_size=5)


_dense = st.fixed_dictionaries({
    "municipality": st.fixed_dictionaries({"population": st.integers(1, 1_000_000)}),
    "inventory": st.fixed_dictionaries({"reference_year": st.sampled_from(BASE_YEARS),
                                        "status_year": st.sampled_from(BASE_YEARS),
                                        "years": _records(BASE_YEARS, min_size=1)}),
    "targets": st.fixed_dictionaries({"emission_targets": st.lists(st.fixed_dictionaries({
        "year": st.sampled_from(TARGET_YEARS),
        "type": st.sampled_from(TARGET_TYPES),
        "sector": st.sampled_from(("total", "total", *SECTORS)),
        "percent": number(0, 200),
        "tonnes": tonnes,
        "tonnes_per_capita": number(0, 1000)}, optional={
        "reference_year": st.sampled_from(BASE_YEARS),
        "population": st.integers(1, 1_000_000),
        "justification": text()}), min_size=1, max_size=6)},
        optional={"net_zero_year": st.sampled_from(TARGET_YEARS)}),
    "scenarios": st.fixed_dictionaries({"bau": st.fixed_dictionaries({
        "years": _records(TARGET_YEARS)}), "action_pathway": st.fixed_dictionaries({
        "years": _records(TARGET_YEARS)})}),
    "manko": st.fixed_dictionaries({"milestones": st.lists(st.fixed_dictionaries({
        "year": st.sampled_from(TARGET_YEARS), "t_co2e": positive_tonnes}), max_size=4)},
        optional={"strategy": text()}),
    "actions": st.lists(st.fixed_dictionaries({
        "id": name(), "title": name(),
        "type": st.sampled_from(["mitigation", "adaptation", "both"]),
        "sectors": unique(SECTORS, 2),
        "effect": st.lists(st.fixed_dictionaries({
            "year": st.sampled_from(TARGET_YEARS), "t_co2e": positive_tonnes}), max_size=3)},
        optional={"hazards": unique(HAZARDS, 3), "owner": name(),
                  "horizon": st.sampled_from(HORIZONS),
                  "timeline": st.fixed_dictionaries({}, optional={"start": year, "end": year}),
                  "flags": st.fixed_dictionaries({}, optional={
                      "new_fossil_supply": boolean, "outside_boundary": boolean})}),
        max_size=6),
})
dense_plans = st.builds(lambda base, dense: {**base, **dense}, random_plans, _dense)
"""A random plan whose emission sections are replaced by dense, year-aligned ones."""

plans = st.one_of(_linked(), dense_plans, near_examples)
"""The plans the properties run on: a third each random (years linked at random), dense in
emission figures, and near the examples."""

as_of = st.dates(min_value=date(2015, 1, 1), max_value=date(2060, 12, 31))

# JSON values with keys that need escaping in a JSON Pointer ("/" and "~") for selector tests.
# "*" alone is the selector wildcard and "" would be an empty step, so keys avoid exactly those.
pointer_keys = st.one_of(
    st.sampled_from(["a/b", "~", "~0", "~1", "a~/b", "/", "//", "~~", "0", "12", "x*y"]),
    st.text(min_size=1, max_size=6),
).filter(lambda k: k != "*")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(pointer_keys, inner, max_size=4),
    max_leaves=20,
)
