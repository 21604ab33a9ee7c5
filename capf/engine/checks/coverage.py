"""Named domain checks on coverage: roles per sector and hazard, actions per priority hazard.

A priority hazard has one definition (`priority_hazards`), used by GOV-4 and ADA-4 alike.

Like capf.engine.checks.domain, they read fixed places of the plan and ignore what the rule selects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import Sector, finding, has_text
from capf.engine.checks.spec import CheckSpec, Context, Finding, NoOptions, Options
from capf.engine.selector import Match
from capf.model.rule import no_items

RiskLevel = Literal["low", "medium", "high", "very_high"]
HIGH: tuple[RiskLevel, ...] = ("high", "very_high")
ROLES = ("own_operations", "supplier", "authority", "facilitator")


def priority_hazards(plan: Any, levels: Sequence[str] = HIGH) -> list[tuple[str, str]]:
    """The one definition of a priority hazard (GOV-4, ADA-4): marked `priority: true`, or
    assessed at a high current or future risk level (ADA-4: "assessed as high priority")."""
    return [(p, h["hazard"]) for p, h in em.items(plan, "/risk_assessment/hazards")
            if "hazard" in h and (h.get("priority") is True or h.get("risk_current") in levels
                                  or h.get("risk_future") in levels)]


def unused_roles(used: set[Any], holders: list[Any]) -> tuple[list[str], bool]:
    """Roles not used and not given a reason in `absent_roles`, and whether free text remains.

    A reason per role settles a role; a free-text `justification` does not say which roles it
    covers, so it only makes the finding a person's to judge (needs_review), never a pass.
    """
    reasons = {a.get("role") for h in holders for _, a in em.items(h, "/absent_roles")
               if has_text(a.get("reason"))}
    open_roles = [r for r in ROLES if r not in used and r not in reasons]
    return open_roles, any(has_text(h.get("justification")) for h in holders)


class RolesCoverOptions(Options):
    require_all_roles_for: list[Sector] = Field(default_factory=no_items, description=(
        "Sectors whose row must use all four roles or give a reason per absent role "
        "(absent_roles) (2024, GOV-4)."))


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
    needed.update({h: p for p, h in priority_hazards(plan)})
    for sector in opts.require_all_roles_for:
        needed.setdefault(sector, "/governance/roles")
    missing = [k for k in needed if not any(r.get("roles") for _, r in rows.get(k, []))]
    incomplete: list[str] = []
    reviewed: list[str] = []
    for sector in opts.require_all_roles_for:
        if sector in missing:
            continue
        used = {role for _, r in rows.get(sector, []) for role in r.get("roles") or []}
        open_roles, texted = unused_roles(used, [r for _, r in rows.get(sector, [])])
        if open_roles:
            (reviewed if texted else incomplete).append(sector)
    values = {"missing": missing, "incomplete": incomplete, "reviewed": reviewed}
    evidence = [needed[k] for k in missing] + [p for k in incomplete for p, _ in rows[k]]
    if evidence:
        return finding("fail", values, evidence)
    if reviewed:
        return finding("needs_review", values, [p for k in reviewed for p, _ in rows[k]])
    if found is None:  # without a status-year record the sectors to cover are unknown
        return finding("needs_review", values, (em.INVENTORY,))
    return finding("pass", values, tuple(p for rs in rows.values() for p, _ in rs))


class FossilRolesOptions(NoOptions):
    pass


def fossil_roles(ctx: Context, matches: list[Match], opts: FossilRolesOptions) -> Finding:
    """The fossil phase-out uses all four roles, or gives a reason for each role it does not use."""
    phase_out = em.get(ctx.root, "/fossil_phase_out")
    holder = phase_out if isinstance(phase_out, dict) else {}
    open_roles, texted = unused_roles(set(holder.get("roles") or []), [holder])
    values = {"missing": open_roles}
    evidence = ("/fossil_phase_out",)
    if not open_roles:
        return finding("pass", values, evidence)
    return finding("needs_review" if texted else "fail", values, evidence)


class HazardActionsOptions(Options):
    levels: list[RiskLevel] = Field(default_factory=lambda: list(HIGH), description=(
        "Current or future risk levels that make a hazard high priority (ADA-4), besides "
        "priority: true."))


def hazard_actions(ctx: Context, matches: list[Match], opts: HazardActionsOptions) -> Finding:
    """Every high-priority hazard has an adaptation action with an owner and a timeline."""
    plan = ctx.root
    hazards = [(p, h) for p, h in em.items(plan, "/risk_assessment/hazards") if "hazard" in h]
    priority = priority_hazards(plan, opts.levels)
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
    "roles_cover": CheckSpec.of("roles_cover", roles_cover, RolesCoverOptions,
                                "missing incomplete reviewed"),
    "fossil_roles": CheckSpec.of("fossil_roles", fossil_roles, FossilRolesOptions, "missing"),
    "hazard_actions": CheckSpec.of("hazard_actions", hazard_actions, HazardActionsOptions,
                                   "uncovered priority_hazards"),
}
