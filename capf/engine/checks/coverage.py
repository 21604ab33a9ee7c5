"""Named domain checks on coverage: roles per sector and hazard, actions per priority hazard.

Like capf.engine.checks.domain, they read fixed places of the plan and ignore what the rule selects.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import Sector, finding, has_text
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options
from capf.engine.selector import Match

RiskLevel = Literal["low", "medium", "high", "very_high"]
HIGH: tuple[RiskLevel, ...] = ("high", "very_high")
ROLES = ("own_operations", "supplier", "authority", "facilitator")


class RolesCoverOptions(Options):
    require_all_roles_for: list[Sector] = Field(default_factory=list, description=(
        "Sectors whose row must use all four roles or justify the absence (2024, GOV-4)."))


def roles_cover(ctx: Context, matches: list[Match], opts: RolesCoverOptions) -> Finding:
    """Each emitting sector and priority hazard has a row of municipal roles in the role matrix."""
    plan = ctx.root
    rows: dict[str, list[tuple[str, Any]]] = {}
    for pointer, row in em.items(plan, "/governance/roles"):
        for key in dict.fromkeys((row.get("sector"), row.get("hazard"))):
            if key is not None:
                rows.setdefault(key, []).append((pointer, row))
    status = em.get(plan, "/inventory/status_year")
    found = em.located(plan, em.INVENTORY, status) if isinstance(status, int) else None
    where, record = found or ("", {})
    needed = {s: f"{where}/sectors/{s}" for s, v in (record.get("sectors") or {}).items()
              if em.number(v)}
    needed.update({h["hazard"]: p for p, h in em.items(plan, "/risk_assessment/hazards")
                   if h.get("priority") is True and "hazard" in h})
    for sector in opts.require_all_roles_for:
        needed.setdefault(sector, "/governance/roles")
    missing = [k for k in needed if not any(r.get("roles") for _, r in rows.get(k, []))]
    incomplete = []
    for sector in opts.require_all_roles_for:
        used = {role for _, r in rows.get(sector, []) for role in r.get("roles") or []}
        justified = any(has_text(r.get("justification")) for _, r in rows.get(sector, []))
        if sector not in missing and not justified and len(used & set(ROLES)) < len(ROLES):
            incomplete.append(sector)
    values = {"missing": missing, "incomplete": incomplete}
    evidence = [needed[k] for k in missing] + [p for k in incomplete for p, _ in rows[k]]
    if evidence:
        return finding("fail", values, evidence)
    if found is None:  # without a status-year record the sectors to cover are unknown
        return finding("needs_review", values, (em.INVENTORY,))
    return finding("pass", values, tuple(p for rs in rows.values() for p, _ in rs))


class HazardActionsOptions(Options):
    levels: list[RiskLevel] = Field(default_factory=lambda: list(HIGH), description=(
        "Current or future risk levels that make a hazard high priority (ADA-4), besides "
        "priority: true."))


def hazard_actions(ctx: Context, matches: list[Match], opts: HazardActionsOptions) -> Finding:
    """Every high-priority hazard has an adaptation action with an owner and a timeline."""
    plan = ctx.root
    hazards = [(p, h) for p, h in em.items(plan, "/risk_assessment/hazards") if "hazard" in h]
    priority = [(p, h["hazard"]) for p, h in hazards if h.get("priority") is True
                or h.get("risk_current") in opts.levels or h.get("risk_future") in opts.levels]
    covered = {hazard for _, a in em.items(plan, "/actions")
               if a.get("type") in ("adaptation", "both")
               and has_text(a.get("owner")) and a.get("timeline")
               for hazard in a.get("hazards") or []}
    uncovered = [(p, h) for p, h in priority if h not in covered]
    values = {"uncovered": list(dict.fromkeys(h for _, h in uncovered)),
              "priority_hazards": list(dict.fromkeys(h for _, h in priority))}
    if not hazards:
        return finding("not_applicable", values)
    if uncovered:
        return finding("fail", values, tuple(p for p, _ in uncovered))
    return finding("pass", values, tuple(p for p, _ in priority))


COVERAGE_CHECKS: dict[str, CheckSpec] = {
    "roles_cover": CheckSpec.of("roles_cover", roles_cover, RolesCoverOptions, "missing incomplete"),
    "hazard_actions": CheckSpec.of("hazard_actions", hazard_actions, HazardActionsOptions,
                                   "uncovered priority_hazards"),
}
