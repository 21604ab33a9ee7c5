"""Deterministic, realistic, schema-valid plans for the benchmarks.

`realistic_plan(n_actions, seed)` builds a plan shaped like the examples: 6 sectors, an
inventory of 5 years, BAU and action pathway for 5 milestone years, interim, sector and net-zero
targets, the manko that follows from them, a risk assessment of the 10 Danish hazards,
adaptation goals, governance and inclusion. Every total equals its sector sum and the pathway
equals BAU minus the actions' effects, so the domain checks compute rather than stop at a gap.
The same (n_actions, seed) always gives the same plan.
"""

from __future__ import annotations

import random
from typing import Any

SECTORS = ("energy", "transport", "waste", "ippu", "agriculture", "land_use")
SHARES = (0.32, 0.28, 0.02, 0.01, 0.36, 0.01)
HAZARDS = ("cloudburst", "rainfall", "sea_level_storm_surge", "groundwater",
           "watercourse_flooding", "wind_storm", "heatwave", "drought", "coastal_erosion",
           "compound_events")
INVENTORY_YEARS = (1990, 2010, 2015, 2019, 2023)
MILESTONES = (2025, 2030, 2035, 2040, 2050)
ROLES = ("own_operations", "supplier", "authority", "facilitator")
CO_BENEFITS = ("health", "jobs", "nature", "air_quality", "economy", "mobility")


def _record(year: int, sectors: dict[str, float]) -> dict[str, Any]:
    rounded = {s: round(v) for s, v in sectors.items()}
    return {"year": year, "total": sum(rounded.values()), "sectors": rounded,
            "evidence": {"document": "Klimaplan", "page": 10 + year % 40}}


def _sectors(total: float, rng: random.Random) -> dict[str, float]:
    return {s: total * share * rng.uniform(0.9, 1.1) for s, share in zip(SECTORS, SHARES,
                                                                         strict=True)}


def _action(index: int, rng: random.Random, sector: str, effects: dict[int, float]
            ) -> dict[str, Any]:
    start = rng.randint(2021, 2028)
    return {
        "id": f"A{index + 1}",
        "title": f"Handling {index + 1}: {sector}",
        "type": "both" if index % 7 == 0 else "mitigation",
        "description": "Illustrativ handling. " * rng.randint(1, 6),
        "sectors": [sector],
        **({"hazards": [HAZARDS[(index // 7 * 3 + k) % len(HAZARDS)] for k in range(3)]}
           if index % 7 == 0 else {}),
        "effect": [{"year": y, "t_co2e": round(t)} for y, t in sorted(effects.items())],
        "owner": rng.choice(["Teknik og Miljø", "Forsyningen", "Erhverv", "Borgerservice"]),
        "roles": rng.sample(ROLES, rng.randint(1, 3)),
        "partners": ["Energiselskab", "Landboforening"][: rng.randint(0, 2)],
        "horizon": "short" if start < 2026 else "medium",
        "timeline": {"start": start, "end": start + rng.randint(2, 12)},
        "financing": {"source": "Kommunalt budget", "amount_dkk": rng.randint(1, 90) * 100_000,
                      "secured": rng.random() < 0.7},
        "staff": {"fte": round(rng.uniform(0.1, 3), 1)},
        "status": rng.choice(["planned", "in_progress"]),
        "priority": rng.random() < 0.2,
        "co_benefits": rng.sample(CO_BENEFITS, 2),
        "indicators": [{"name": f"Indikator {index + 1}", "level": "output", "unit": "stk",
                        "baseline": 0, "target": rng.randint(1, 500), "year": 2030}],
        "flags": {"outside_boundary": False},
        "evidence": {"document": "Klimaplan", "page": 40 + index % 60, "section": "5"},
    }


def realistic_plan(n_actions: int = 50, seed: int = 0) -> dict[str, Any]:
    """A plan with `n_actions` actions (at most 5,000, the schema's limit)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    base = rng.uniform(300_000, 1_500_000)
    inventory = [_record(y, _sectors(base * (1 - 0.012 * (y - 1990)), rng))
                 for y in INVENTORY_YEARS]
    status = inventory[-1]["sectors"]
    bau = {y: {s: status[s] * (1 - 0.015 * (y - 2023)) for s in SECTORS} for y in MILESTONES}
    # Each action works in one sector; its effects share 80 % of that sector's BAU by 2050.
    sectors = [SECTORS[i % 5] for i in range(n_actions)]  # land_use gets no action
    per_sector = {s: max(1, sectors.count(s)) for s in SECTORS}
    actions = []
    cut = {y: dict.fromkeys(SECTORS, 0.0) for y in MILESTONES}
    for i, sector in enumerate(sectors):
        effects = {}
        for y in MILESTONES:
            reach = min(1.0, (y - 2023) / 27) * 0.8
            effects[y] = round(bau[y][sector] * reach / per_sector[sector])
            cut[y][sector] += effects[y]
        actions.append(_action(i, rng, sector, effects))
    pathway = {y: {s: bau[y][s] - cut[y][s] for s in SECTORS} for y in MILESTONES}
    bau_records = [_record(y, bau[y]) for y in MILESTONES]
    for record, y in zip(bau_records, MILESTONES, strict=True):  # keep sum(effects) exact
        record["sectors"] = {s: round(pathway[y][s]) + round(cut[y][s]) for s in SECTORS}
        record["total"] = sum(record["sectors"].values())
    pathway_records = [_record(y, pathway[y]) for y in MILESTONES]
    reference = inventory[0]["total"]
    population = rng.randint(40_000, 350_000)
    target_2030 = reference * 0.3
    levels = (reference * 0.5, target_2030, round(target_2030 * 0.6), population * 1.0, 0.0)
    manko = [{"year": r["year"], "t_co2e": round(max(0.0, r["total"] - level))}
             for r, level in zip(pathway_records, levels, strict=True)]
    return {
        "schema_version": "1",
        "municipality": {"name": f"Benchby Kommune {seed}", "code": f"{seed % 1000:03d}",
                         "fictional": True, "population": population,
                         "population_year": 2023, "area_km2": rng.randint(100, 1500),
                         "context": "Fiktiv kommune til ydelsesmålinger.",
                         "priorities": ["Grøn omstilling", "Robust by"]},
        "plan": {"title": "Klimaplan 2030-2050", "version": "1.0", "language": "da",
                 "drafted": "2023-03-01",
                 "adopted": {"date": "2023-06-21", "body": "kommunalbestyrelse"},
                 "approved": {"date": "2023-09-01", "by": "C40 og CONCITO"},
                 "next_revision": "2027-06-30", "self_assessment": True},
        "commitment": {"signed_by": ["mayor", "council"], "date": "2021-01-15",
                       "paris_compatible": True, "neutrality_year": 2050,
                       "resilience_year": 2050, "text": "Klimaneutral og robust i 2050."},
        "inventory": {"method": "Energi- og CO2-regnskabet", "standard": "GPC",
                      "boundary": "geographic", "basis": "production",
                      "gases": ["CO2", "CH4", "N2O"], "reference_year": 1990,
                      "status_year": 2023, "years": inventory},
        "scenarios": {"bau": {"description": "Uden nye lokale tiltag.",
                              "national_measures_until": 2023, "years": bau_records},
                      "action_pathway": {"description": "BAU minus handlingernes effekt.",
                                         "years": pathway_records}},
        "targets": {"net_zero_year": 2050, "net_zero_scope": "geographic_area",
                    "offsets_allowed": False, "emission_targets": [
                        {"id": "T2025", "year": 2025, "type": "percent_below_reference",
                         "percent": 50, "reference_year": 1990},
                        {"id": "T2030", "year": 2030, "type": "percent_below_reference",
                         "percent": 70, "reference_year": 1990},
                        {"id": "T2035", "year": 2035, "type": "absolute",
                         "tonnes": round(target_2030 * 0.6)},
                        {"id": "T2040", "year": 2040, "type": "per_capita",
                         "tonnes_per_capita": 1.0},
                        *({"id": f"S2030-{s}", "year": 2030, "type": "percent_below_reference",
                           "sector": s, "percent": p, "reference_year": 2019,
                           "indicators": [f"{s} emissions"]}
                          for s, p in zip(SECTORS, (95, 34, 72, 55, 31, 71), strict=True)),
                    ]},
        "manko": {"milestones": manko, "strategy": "Årlig opfølgning; nye handlinger ved behov.",
                  "replacement_commitment": True},
        "actions": actions,
        "risk_assessment": {
            "date": "2022-11-01", "data_year": 2021,
            "scenarios": [{"name": "RCP8.5", "horizon_year": 2100},
                          {"name": "RCP4.5", "horizon_year": 2100}],
            "hazards": [{"hazard": h, "relevant": True, "risk_current": rng.choice(
                ["low", "medium"]), "risk_future": rng.choice(["medium", "high"]),
                "priority": i < 3, "exposure": "Byområder og infrastruktur."}
                for i, h in enumerate(HAZARDS)],
            "vulnerable_groups": ["Ældre", "Børn"], "vulnerable_areas": ["Midtbyen"],
            "method": "Kortlægning og risikovurdering."},
        "adaptation_goals": [
            {"horizon": h, "goal": f"Mål for {h} sigt", "kind": "measurable",
             "hazards": ["cloudburst"], "indicator": {"name": "Sikrede boliger", "unit": "stk",
                                                      "target": 1000, "year": 2030}}
            for h in ("short", "medium", "long")],
        "governance": {
            "roles": [{"sector": s, "roles": list(ROLES)} for s in SECTORS]
            + [{"hazard": h, "roles": ["authority", "supplier"]} for h in HAZARDS[:3]],
            "coordination": [{"with": w, "description": "Afstemt."}
                             for w in ("municipal_plan", "strategic_energy_plan", "utilities")],
            "stakeholders": [{"group": g, "name": g.title(), "participation": "Workshops."}
                             for g in ("utilities", "agriculture", "business", "residents")],
            "resources": {"team": "Klimasekretariatet", "staff_fte": 4,
                          "budget_dkk_per_year": 5_000_000},
            "barriers": [{"type": t, "description": "Barriere.", "response": "Indsats."}
                         for t in ("legal", "financial", "technical")],
            "communication": {"description": "Kampagner.", "channels": ["web", "møder"],
                              "phases": ["development", "implementation"]},
            "merr": {"indicators": [{"name": "Samlet udledning", "level": "impact",
                                     "unit": "t CO2e", "year": 2030}],
                     "reporting_interval_months": 12, "reports_to": "council",
                     "public_reporting": True, "common_monitoring_system": True,
                     "revision_interval_years": 5}},
        "inclusion": {
            "engagement": [{"phase": p, "method": "workshop", "description": "Borgermøder."}
                           for p in ("development", "implementation")],
            "co_benefits": [{"benefit": b} for b in CO_BENEFITS[:3]],
            "distribution": {"affected_groups": ["Lavindkomst"],
                             "themes": [{"theme": "access"}, {"theme": "economic_welfare"}],
                             "description": "Fordelingsanalyse."}},
        "consumption": [{"category": c, "vision": "Vision.", "strategy": "Strategi.",
                         "indicators": [{"name": f"{c} indikator"}]}
                        for c in ("food", "transport", "building")],
        "fossil_phase_out": {"coal_end_year": 2025, "oil_end_year": 2030,
                             "natural_gas_end_year": 2035, "no_new_fossil_supply": True,
                             "roles": list(ROLES)},
    }
