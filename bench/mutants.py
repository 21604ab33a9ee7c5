"""Flawed variants of the benchmark plans, so the floor is cross-checked on failing plans too.

`mutant(n_actions, seed)` is `plans.realistic_plan(n_actions, seed)` with a seeded choice of
the flaws below (none for a quarter of the seeds), each one a reviewer's finding that one or
more of the 20 rules must report; every mutant stays schema-valid.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from plans import realistic_plan

Plan = dict[str, Any]


def _late_net_zero(p: Plan, rng: random.Random) -> None:
    p["targets"]["net_zero_year"] = rng.choice([2051, 2060])


def _weak_2030(p: Plan, rng: random.Random) -> None:
    p["targets"]["emission_targets"][1]["percent"] = rng.choice([40, 69, 69.6])


def _sum_off(p: Plan, rng: random.Random) -> None:
    p["inventory"]["years"][rng.randrange(5)]["total"] += rng.choice([1, 2, 5000])


def _effect_gone(p: Plan, rng: random.Random) -> None:
    if p["actions"]:
        rng.choice(p["actions"])["effect"] = [e for e in p["actions"][0]["effect"]
                                              if e["year"] != 2030]


def _no_owner(p: Plan, rng: random.Random) -> None:
    short = [a for a in p["actions"] if a["horizon"] == "short"]
    if short:
        del rng.choice(short)[rng.choice(["owner", "staff", "financing"])]


def _no_adaptation(p: Plan, rng: random.Random) -> None:
    for a in p["actions"]:
        if a["type"] == "both":
            a["type"] = "mitigation"
    p["risk_assessment"]["hazards"][0]["risk_future"] = "high"


def _roles_gone(p: Plan, rng: random.Random) -> None:
    del p["governance"]["roles"][rng.randrange(len(p["governance"]["roles"]))]


def _one_phase(p: Plan, rng: random.Random) -> None:
    p["inclusion"]["engagement"] = p["inclusion"]["engagement"][:1]


def _manko_off(p: Plan, rng: random.Random) -> None:
    rng.choice(p["manko"]["milestones"])["t_co2e"] += rng.choice([50, 101, 20_000])


def _no_strategy(p: Plan, rng: random.Random) -> None:
    del p["manko"]["strategy"]


def _no_manko(p: Plan, rng: random.Random) -> None:
    for m in p["manko"]["milestones"]:
        m["t_co2e"] = 0


def _pathway_off(p: Plan, rng: random.Random) -> None:
    record = rng.choice(p["scenarios"]["action_pathway"]["years"])
    record["total"] = round(record["total"] * rng.choice([0.5, 0.99, 1.2]))


def _no_priority(p: Plan, rng: random.Random) -> None:
    for a in p["actions"]:
        a["priority"] = False


def _priority_gone(p: Plan, rng: random.Random) -> None:
    for a in p["actions"]:
        a.pop("priority", None)


def _benefits_gone(p: Plan, rng: random.Random) -> None:
    chosen = [a for a in p["actions"] if a["priority"]] or p["actions"]
    if chosen:
        del rng.choice(chosen)["co_benefits"]


def _no_waste(p: Plan, rng: random.Random) -> None:
    del p["inventory"]["years"][-1]["sectors"]["waste"]


def _status_before_reference(p: Plan, rng: random.Random) -> None:
    p["inventory"]["reference_year"] = rng.choice([2023, 2024])


def _no_interim(p: Plan, rng: random.Random) -> None:
    p["targets"]["emission_targets"] = [t for t in p["targets"]["emission_targets"]
                                        if t.get("sector") or t["year"] >= 2050]
    p["targets"]["emission_targets"].append({"id": "T2050", "year": 2050, "type": "neutral"})


def _risk_gone(p: Plan, rng: random.Random) -> None:
    del rng.choice(p["risk_assessment"]["hazards"])[rng.choice(["risk_current", "risk_future"])]


def _irrelevant(p: Plan, rng: random.Random) -> None:
    for h in p["risk_assessment"]["hazards"]:
        h["relevant"] = False


def _hazard_gone(p: Plan, rng: random.Random) -> None:
    del p["risk_assessment"]["hazards"][rng.randrange(10)]


def _committee(p: Plan, rng: random.Random) -> None:
    p["plan"]["adopted"]["body"] = "udvalg"


def _adopted_before_drafted(p: Plan, rng: random.Random) -> None:
    p["plan"]["drafted"] = "2023-07-01"


def _draft(p: Plan, rng: random.Random) -> None:
    p["plan"]["stage"] = "draft"


def _slow_revision(p: Plan, rng: random.Random) -> None:
    p["governance"]["merr"]["revision_interval_years"] = 8
    p["plan"]["next_revision"] = rng.choice(["2028-06-21", "2029-01-01"])


def _old_inventory(p: Plan, rng: random.Random) -> None:
    p["plan"]["drafted"] = rng.choice(["2026-03-01", "2027-01-01"])
    p["plan"]["adopted"]["date"] = "2027-06-21"
    if rng.random() < 0.3:
        del p["plan"]["drafted"]


def _no_actions(p: Plan, rng: random.Random) -> None:
    p["actions"] = []


FLAWS: tuple[Callable[[Plan, random.Random], None], ...] = (
    _late_net_zero, _weak_2030, _sum_off, _effect_gone, _no_owner, _no_adaptation, _roles_gone,
    _one_phase, _manko_off, _no_strategy, _no_manko, _pathway_off, _no_priority, _priority_gone,
    _benefits_gone, _no_waste, _status_before_reference, _no_interim, _risk_gone, _irrelevant,
    _hazard_gone, _committee, _adopted_before_drafted, _draft, _slow_revision, _old_inventory,
    _no_actions)


def mutant(n_actions: int, seed: int) -> Plan:
    """The realistic plan of (n_actions, seed) with 0-3 flaws chosen by the seed."""
    plan = realistic_plan(n_actions, seed)
    rng = random.Random(seed * 7919 + n_actions)  # noqa: S311 - reproducible test data
    count = 0 if seed % 4 == 0 else rng.randint(1, 3)
    for flaw in rng.sample(FLAWS, count):
        flaw(plan, rng)
    return plan
