"""The hand-written floor: 20 dk2020 rules as one plain Python function (issue 16).

`floor(plan, as_of)` returns {rule id: outcome} for the rules in `RULES`, doing exactly the checks
the rule files ask for, with no engine: no selectors, no clauses, no values, no evidence, no
verdict. It is what any implementation of these rules must at least do, so `evaluate` is timed
as a multiple of it. It covers the plans `bench/plans.py` and `bench/mutants.py` generate
(schema-valid; targets of the types percent, absolute, per capita and neutral; no split
targets, no sector neutrality years, which it refuses); `bench/crosscheck.py` proves it agrees
with capf on hundreds of them before any timing.

INC-2's `where` reads every action's `priority` once per plan (capf judges that clause once and
charges one step per reuse); the floor counts the steps by arithmetic and, like capf, would give
`error` above the budget (capf.engine.checks.spec.RULE_STEPS).
"""

from __future__ import annotations

from datetime import date
from typing import Any

RULES = ("NEU-5-net-zero-year", "NEU-6-national-70-percent", "NEU-1-sector-sums",
         "NEU-7-actions-quantified", "GOV-7-short-term-detail", "ADA-4-priority-hazard-actions",
         "GOV-4-roles-per-sector-hazard", "INC-1-engagement-both-phases",
         "NEU-8-manko-consistent", "NEU-8-manko-strategy", "NEU-4-pathway-consistency",
         "INC-2-priority-action-co-benefits", "NEU-1-basic-sectors",
         "NEU-2-reference-status-years", "NEU-6-interim-target", "ADA-1-current-future-risk",
         "ADA-2-hazard-list-covered", "GOV-2-council-adoption", "GOV-10-revision-cycle",
         "NEU-1-inventory-recent")
STEPS = 1_000_000  # capf.engine.checks.spec.RULE_STEPS
HAZARDS = ("cloudburst", "rainfall", "sea_level_storm_surge", "groundwater",
           "watercourse_flooding", "wind_storm", "heatwave", "drought", "coastal_erosion",
           "compound_events")
COUNCILS = ("kommunalbestyrelse", "byraad", "borgerrepraesentation")
HIGH = ("high", "very_high")


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _first(records: list[Any], year: Any) -> Any:
    for record in records:
        if isinstance(record, dict) and record.get("year") == year:
            return record
    return None


def _total(record: Any) -> float | None:
    if record is None:
        return None
    total = _num(record.get("total"))
    if total is not None:
        return total
    known = [v for v in map(_num, (record.get("sectors") or {}).values()) if v is not None]
    if known:
        return sum(known)
    per, people = _num(record.get("t_per_capita")), _num(record.get("population"))
    return None if per is None or people is None else per * people


def _level(plan: dict[str, Any], year: int) -> tuple[float | None, bool]:
    """The strictest total level for `year` and whether any target or net zero was looked at."""
    targets = plan.get("targets") or {}
    inventory = plan.get("inventory") or {}
    levels: list[float | None] = []
    for t in targets.get("emission_targets") or []:
        if t.get("year") != year or t.get("sector", "total") != "total" or t.get("sectors"):
            continue
        if "inside_boundary_min_percent" in t or "outside_boundary_max_percent" in t:
            raise NotImplementedError("split targets are outside the floor's plans")
        kind = t.get("type")
        if kind == "neutral":
            levels.append(0.0)
        elif kind == "absolute":
            levels.append(_num(t.get("tonnes")))
        elif kind == "per_capita":
            per = _num(t.get("tonnes_per_capita"))
            people = _num(t.get("population"))
            if people is None:
                people = _num((plan.get("municipality") or {}).get("population"))
            levels.append(None if per is None or people is None else per * people)
        else:
            ref_year = t.get("reference_year") or inventory.get("reference_year")
            percent = _num(t.get("percent"))
            base = _total(_first(inventory.get("years") or [], ref_year)) \
                if isinstance(ref_year, int) else None
            ok = percent is not None and base is not None and base >= 0
            levels.append(base * (1 - percent / 100) if ok else None)  # type: ignore[operator]
    if targets.get("sector_neutrality"):
        raise NotImplementedError("sector neutrality is outside the floor's plans")
    net_zero = targets.get("net_zero_year")
    if isinstance(net_zero, int) and year >= net_zero and targets.get("offsets_allowed") is not True:
        levels.append(0.0)
    known = [v for v in levels if v is not None]
    return (min(known) if known else None), bool(levels)


def _milestones(plan: dict[str, Any]) -> list[int]:
    targets = plan.get("targets") or {}
    years = {t["year"] for t in targets.get("emission_targets") or []
             if t.get("sector", "total") == "total" and not t.get("sectors")
             and isinstance(t.get("year"), int)}
    if isinstance(targets.get("net_zero_year"), int):
        years.add(targets["net_zero_year"])
    return sorted(years)


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _worst(*outcomes: str) -> str:
    for outcome in ("error", "fail", "needs_review", "pass"):
        if outcome in outcomes:
            return outcome
    return "not_applicable"


def _actions(plan: dict[str, Any], out: dict[str, str]) -> None:
    """NEU-7, GOV-7, INC-2 and the effects for NEU-4: one pass over the actions."""
    actions = [a for a in plan.get("actions") or [] if isinstance(a, dict)]
    years = _milestones(plan) or [2030]
    mitigation = short = 0
    quantified = detailed = True
    with_key = sum("priority" in a for a in actions)
    marked = any(a.get("priority") is True for a in actions)
    unmarked = all(a.get("priority") is False for a in actions if "priority" in a)
    steps = 1 + len(actions)
    read = False  # every action's priority, read once: the first unmarked action reads it
    scoped = benefits = 0
    for a in actions:
        kind = a.get("type")
        if kind in ("mitigation", "both") or (kind is None and a.get("sectors")):
            mitigation += 1
            stated = {e.get("year") for e in a.get("effect") or [] if _num(e.get("t_co2e")) is not None}
            quantified = quantified and all(y in stated for y in years)
        timeline = a.get("timeline") or {}
        end, horizon = timeline.get("end"), a.get("horizon")
        if horizon == "short" or (isinstance(end, int) and end <= 2030) or (
                horizon is None and end is None):
            short += 1
            staff = a.get("staff")
            detailed = detailed and _text(a.get("owner")) and timeline.get("start") is not None \
                and end is not None and _text((a.get("financing") or {}).get("source")) \
                and isinstance(staff, dict) and (_num(staff.get("fte")) is not None
                                                 or _text(staff.get("description")))
        first = a.get("priority") is True
        steps += 2 + ("priority" in a) + (0 if first else 1 + with_key * (not read))
        read = read or not first
        if first or (not marked and unmarked):
            cb = a.get("co_benefits") or []
            scoped += 1
            steps += 1 + len(cb)
            benefits += bool(cb)
    out["NEU-7-actions-quantified"] = "pass" if mitigation and quantified else "fail"
    out["GOV-7-short-term-detail"] = "pass" if short and detailed else "fail"
    out["INC-2-priority-action-co-benefits"] = (
        "not_applicable" if "actions" not in plan or (not scoped and steps <= STEPS)
        else "error" if steps > STEPS else "pass" if benefits == scoped else "fail")


def _effects(plan: dict[str, Any]) -> dict[int, float]:
    totals: dict[int, float] = {}
    for a in plan.get("actions") or []:
        if a.get("type") == "adaptation" or (a.get("flags") or {}).get("outside_boundary") is True:
            continue
        for e in a.get("effect") or []:
            t, y = _num(e.get("t_co2e")), e.get("year")
            if isinstance(y, int) and t is not None:
                totals[y] = totals.get(y, 0.0) + t
    return totals


def _pathway(plan: dict[str, Any], out: dict[str, str]) -> None:
    """NEU-4 (BAU - effects = pathway) and NEU-8 (manko = pathway above the target)."""
    scenarios = plan.get("scenarios") or {}
    bau = (scenarios.get("bau") or {}).get("years") or []
    path = (scenarios.get("action_pathway") or {}).get("years") or []
    effects = _effects(plan)
    milestones = _milestones(plan)
    wanted = set(effects) | set(milestones)
    rows = bad = 0
    for year in sorted({r["year"] for r in bau if isinstance(r.get("year"), int)} & wanted):
        b, p = _total(_first(bau, year)), _total(_first(path, year))
        if b is not None and p is not None:
            rows += 1
            e = effects.get(year, 0.0)
            bad += abs(b - e - p) > max(1.0, e * 5 / 100)
    out["NEU-4-pathway-consistency"] = "needs_review" if not rows else "fail" if bad else "pass"
    declared: dict[Any, float] = {}
    for m in (plan.get("manko") or {}).get("milestones") or []:
        declared.setdefault(m.get("year"), _num(m.get("t_co2e")) or 0.0)
    failing = False
    for year in milestones:
        level, p = _level(plan, year)[0], _total(_first(path, year))
        if level is None or p is None:
            failing = True
            continue
        expected = max(0.0, p - level)
        failing |= round(abs(declared.get(year, 0.0) - expected)) > max(100, round(expected) * 0.02)
    out["NEU-8-manko-consistent"] = "not_applicable" if not milestones else \
        "fail" if failing else "pass"


def _targets(plan: dict[str, Any], out: dict[str, str]) -> None:
    targets = plan.get("targets") or {}
    inventory = plan.get("inventory") or {}
    net_zero = targets.get("net_zero_year")
    out["NEU-5-net-zero-year"] = "pass" if _num(net_zero) is not None and net_zero <= 2050 \
        else "fail"
    level, looked = _level(plan, 2030)
    reference = _total(_first(inventory.get("years") or [], 1990))
    if level is None:
        out["NEU-6-national-70-percent"] = "needs_review" if looked else "fail"
    elif level <= 0 and (reference is None or reference > 0):
        out["NEU-6-national-70-percent"] = "pass"
    elif reference is None or reference <= 0:
        out["NEU-6-national-70-percent"] = "needs_review"
    else:
        out["NEU-6-national-70-percent"] = "pass" if (1 - level / reference) * 100 >= 69.5 \
            else "fail"
    interim = any(t.get("sector", "total") == "total" and _num(t.get("year")) is not None
                  and _num(net_zero) is not None and t["year"] < net_zero
                  for t in targets.get("emission_targets") or [])
    out["NEU-6-interim-target"] = "pass" if interim else "fail"


def _inventory(plan: dict[str, Any], as_of: date, out: dict[str, str]) -> None:
    inventory = plan.get("inventory") or {}
    records = [r for r in inventory.get("years") or [] if isinstance(r, dict)]
    checked = bad = 0
    for r in records:
        total, sectors = _num(r.get("total")), r.get("sectors")
        if r.get("total") is None or not sectors:
            continue
        checked += 1
        figures = [_num(v) or 0.0 for v in sectors.values()]
        gross = max(abs(total or 0.0), sum(abs(v) for v in figures))
        bad += abs(sum(figures) - (total or 0.0)) > max(gross * 0.5 / 100, 1.0)
    out["NEU-1-sector-sums"] = "not_applicable" if not checked else "fail" if bad else "pass"
    status, reference = inventory.get("status_year"), inventory.get("reference_year")
    current = [r for r in records if status is not None and r.get("year") == status]
    out["NEU-1-basic-sectors"] = "pass" if current and all(
        isinstance(r.get("sectors"), dict) and all(s in r["sectors"] for s in
                                                   ("energy", "transport", "waste"))
        for r in current) else "fail"
    out["NEU-2-reference-status-years"] = "pass" if reference is not None and status is not None \
        and reference < status else "fail"
    p = plan.get("plan") or {}
    drafted, adopted = _date(p.get("drafted")), _date((p.get("adopted") or {}).get("date"))
    if status is None:
        out["NEU-1-inventory-recent"] = "fail"
    else:
        second = "not_applicable" if drafted is None else \
            "pass" if drafted.year <= status + 3 else "fail"
        third = "pass" if drafted is not None else "needs_review" if adopted is None else \
            "pass" if adopted.year <= status + 3 else "fail"
        out["NEU-1-inventory-recent"] = _worst(second, third)
    _ = as_of


def _adaptation(plan: dict[str, Any], out: dict[str, str]) -> None:
    hazards = [h for h in (plan.get("risk_assessment") or {}).get("hazards") or []
               if isinstance(h, dict)]
    relevant = [h for h in hazards if h.get("relevant") is not False]
    out["ADA-1-current-future-risk"] = "pass" if relevant and all(
        h.get("risk_current") is not None and h.get("risk_future") is not None
        for h in relevant) else "fail"
    named = {h.get("hazard") for h in hazards}
    out["ADA-2-hazard-list-covered"] = "pass" if all(h in named for h in HAZARDS) else "fail"
    listed = [h for h in hazards if "hazard" in h]
    priority = [h["hazard"] for h in listed if h.get("priority") is True
                or h.get("risk_current") in HIGH or h.get("risk_future") in HIGH]
    covered = {z for a in plan.get("actions") or [] if a.get("type") in ("adaptation", "both")
               and _text(a.get("owner")) and a.get("timeline") for z in a.get("hazards") or []}
    out["ADA-4-priority-hazard-actions"] = "not_applicable" if not listed else \
        "fail" if any(h not in covered for h in priority) else "pass"
    # GOV-4: a row with roles for each emitting sector of the status year and priority hazard
    rows: dict[str, bool] = {}
    for row in (plan.get("governance") or {}).get("roles") or []:
        for key in (row.get("sector"), row.get("hazard")):
            if key is not None:
                rows[key] = rows.get(key, False) or bool(row.get("roles"))
    inventory = plan.get("inventory") or {}
    status = inventory.get("status_year")
    record = _first(inventory.get("years") or [], status) if isinstance(status, int) else None
    needed = [s for s, v in ((record or {}).get("sectors") or {}).items() if _num(v)] + priority
    out["GOV-4-roles-per-sector-hazard"] = "fail" if any(not rows.get(k) for k in needed) else \
        "needs_review" if record is None else "pass"


def _governance(plan: dict[str, Any], out: dict[str, str]) -> None:
    phases = {e.get("phase") for e in (plan.get("inclusion") or {}).get("engagement") or []}
    out["INC-1-engagement-both-phases"] = "pass" if {"development", "implementation"} <= phases \
        else "fail"
    milestones = (plan.get("manko") or {}).get("milestones") or []
    above = any(not (_num(m.get("t_co2e")) is not None and m["t_co2e"] <= 0)
                for m in milestones if "t_co2e" in m)
    out["NEU-8-manko-strategy"] = "not_applicable" if not above else \
        "pass" if _text((plan.get("manko") or {}).get("strategy")) else "fail"
    p = plan.get("plan") or {}
    adopted = p.get("adopted")
    if p.get("stage") == "draft":
        out["GOV-2-council-adoption"] = "not_applicable"
    elif not isinstance(adopted, dict):
        out["GOV-2-council-adoption"] = "fail"
    else:
        day, drafted = _date(adopted.get("date")), p.get("drafted")
        order = "pass" if drafted is None else "needs_review" if day is None else \
            "pass" if _date(drafted) is not None and _date(drafted) <= day else "fail"  # type: ignore[operator]
        out["GOV-2-council-adoption"] = _worst(
            "pass" if adopted.get("body") in COUNCILS else "fail",
            "pass" if adopted.get("date") is not None else "fail", order)
    # GOV-10: `any` of two; the first failing, a second needing review still combines to fail
    interval = _num(((plan.get("governance") or {}).get("merr") or {}).get("revision_interval_years"))
    revision, day = _date(p.get("next_revision")), _date((adopted or {}).get("date"))
    if day is not None and (day.month, day.day) == (2, 29):
        day = day.replace(day=28)
    due = day.replace(year=day.year + 5) if day is not None else None
    out["GOV-10-revision-cycle"] = "pass" if (interval is not None and interval <= 5) or (
        revision is not None and due is not None and revision <= due) else "fail"


def floor(plan: dict[str, Any], as_of: date) -> dict[str, str]:
    """Outcome per rule of `RULES` for one plan (plain JSON, schema-valid)."""
    out: dict[str, str] = {}
    _actions(plan, out)
    _pathway(plan, out)
    _targets(plan, out)
    _inventory(plan, as_of, out)
    _adaptation(plan, out)
    _governance(plan, out)
    return out
