"""Comparing two verdicts (and, when given, the two plans) for a recertification reviewer.

Everything is keyed by stable ids — rule and criterion ids, action ids, target ids (or year +
sector + type) — never by array positions, so reordering a plan changes nothing here.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from capf.model.verdict import MET, Model, Verdict
from capf.read.plan import Plan
from capf.text.formatting import quote
from capf.text.labels import label
from capf.text.names import change_name

_OPEN = ("fail", "error", "needs_review")
class Side(Model):
    plan: str = Field(description="Plan name.")
    plan_sha256: str = Field(description="Plan hash.")
    ruleset: str = Field(description="Profile id and version.")
    as_of: str = Field(description="Judged as of.")
    status: str = Field(description="Overall status.")


class Change(Model):
    id: str = Field(description="Stable id of what changed (rule, criterion, action, target).")
    old: Any = Field(None, description="Before.")
    new: Any = Field(None, description="After.")


class VerdictDiff(Model):
    """What changed between two verdicts of (versions of) a plan."""

    old: Side = Field(description="The earlier verdict.")
    new: Side = Field(description="The later verdict.")
    newly_met: list[str] = Field(description="Criteria met now and not before.")
    newly_unmet: list[str] = Field(description="Criteria met before and not now.")
    resolved: list[str] = Field(description="Rules that failed before and pass now.")
    newly_failed: list[str] = Field(description="Rules that fail (or need review) now, not before.")
    still_open: list[str] = Field(description="Rules open in both.")
    waivers_expired: list[str] = Field(description="Rules whose waiver has lapsed in the new verdict.")
    rules_added: list[str] = Field(description="Rules only in the new rule set.")
    rules_removed: list[str] = Field(description="Rules only in the old rule set.")
    criteria_changed: list[Change] = Field(description="Criterion status changes.")
    values_changed: list[Change] = Field(description="Computed values that changed, as rule:key.")
    plan_changes: list[Change] = Field(description="Changed targets, actions and key figures "
                                                   "(only when both plans are given).")

    def text(self, lang: str = "da") -> str:
        """A plain-text summary, one line per change."""
        out = [f"{self.old.plan} ({self.old.as_of}, {label(self.old.status, lang)}) → "
               f"{self.new.plan} ({self.new.as_of}, {label(self.new.status, lang)})"]
        for key in ("newly_met", "newly_unmet", "resolved", "newly_failed", "still_open",
                    "waivers_expired", "rules_added", "rules_removed"):
            ids = getattr(self, key)
            if ids:
                out.append(f"{label('diff_' + key, lang)} ({len(ids)}): {', '.join(ids)}")
        for key in ("criteria_changed", "values_changed", "plan_changes"):
            changes: list[Change] = getattr(self, key)
            if changes:
                out.append(f"{label('diff_' + key, lang)}:")
                shown = _status if key == "criteria_changed" else _short
                out += [f"  {change_name(c.id.removesuffix('_da'), lang)}: {shown(c.old, lang, c.id)} → "
                        f"{shown(c.new, lang, c.id)}" for c in _in_language(changes, lang)]
        if len(out) == 1:
            out.append(label("diff_nothing", lang))
        return "\n".join(out)


def _in_language(changes: list[Change], lang: str) -> list[Change]:
    """A check's text value once, in `lang`: `reason_da` in Danish, `reason` in English."""
    ids = {c.id for c in changes}
    if lang == "da":
        return [c for c in changes if f"{c.id}_da" not in ids]
    return [c for c in changes if not (c.id.endswith("_da") and c.id.removesuffix("_da") in ids)]


def _short(value: Any, lang: str, where: str) -> str:
    """A changed value as one readable line: codes by their labels, numbers in `lang`'s style
    (a plan path's last part names the field, so a year stays a year; a computed value's
    name does not, so a whole number 1900-2100 is taken for a year)."""
    field = where.rsplit("/", 1)[-1] if "/" in where and ":" not in where else ""
    return "—" if value is None else quote(value, lang, 80, field)


def _status(value: Any, lang: str, _where: str) -> str:
    return "—" if value is None else label(str(value), lang)


def _side(verdict: Verdict) -> Side:
    return Side(plan=verdict.plan.name, plan_sha256=verdict.plan.sha256,
                ruleset=f"{verdict.ruleset.id} {verdict.ruleset.version}",
                as_of=verdict.as_of, status=verdict.status)


def diff(old: Verdict, new: Verdict, old_plan: Plan | None = None,
         new_plan: Plan | None = None) -> VerdictDiff:
    """Compare two verdicts by rule and criterion id; add plan changes when plans are given."""
    before = {r.rule: r for r in old.results}
    after = {r.rule: r for r in new.results}
    common = [rid for rid in after if rid in before]
    crit_before = {c.id: c.status for c in old.criteria}
    crit_after = {c.id: c.status for c in new.criteria}
    values: list[Change] = []
    for rid in common:
        a, b = before[rid].values, after[rid].values
        values += [Change(id=f"{rid}:{k}", old=a.get(k), new=b.get(k))
                   for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    return VerdictDiff(
        old=_side(old), new=_side(new),
        newly_met=[c for c, s in crit_after.items() if s in MET and crit_before.get(c) not in MET],
        newly_unmet=[c for c, s in crit_after.items()
                     if s not in MET and crit_before.get(c) in MET],
        resolved=[r for r in common
                  if before[r].outcome in _OPEN and after[r].outcome == "pass"],
        newly_failed=[r for r in common
                      if after[r].outcome in _OPEN and before[r].outcome not in _OPEN],
        still_open=[r for r in common if after[r].outcome in _OPEN and before[r].outcome in _OPEN],
        waivers_expired=sorted(set(new.waivers.expired if new.waivers else ())
                               - set(old.waivers.expired if old.waivers else ())),
        rules_added=[r for r in after if r not in before],
        rules_removed=[r for r in before if r not in after],
        criteria_changed=[Change(id=c, old=crit_before.get(c), new=s)
                          for c, s in crit_after.items() if crit_before.get(c) != s],
        values_changed=values,
        plan_changes=plan_changes(old_plan, new_plan) if old_plan and new_plan else [])


def _target_key(target: dict[str, Any]) -> str:
    if target.get("id"):
        return f"target {target['id']}"
    return f"target {target.get('year')} {target.get('sector', 'total')} {target.get('type')}"


def _keyed(items: Any, key: Any) -> dict[str, Any]:
    return {key(item): item for item in items or [] if isinstance(item, dict)}


def plan_changes(old: Plan, new: Plan) -> list[Change]:
    """Targets, actions and headline figures that differ between two plan versions."""
    a, b = old.data, new.data
    changes: list[Change] = []
    for path in (("targets", "net_zero_year"), ("inventory", "reference_year"),
                 ("inventory", "status_year"), ("municipality", "population"),
                 ("plan", "version")):
        x, y = _get(a, path), _get(b, path)
        if x != y:
            changes.append(Change(id="/".join(path), old=x, new=y))
    pairs = (
        (_keyed(_get(a, ("targets", "emission_targets")), _target_key),
         _keyed(_get(b, ("targets", "emission_targets")), _target_key)),
        (_keyed(a.get("actions"), lambda x: f"action {x.get('id')}"),
         _keyed(b.get("actions"), lambda x: f"action {x.get('id')}")),
        (_keyed(_get(a, ("manko", "milestones")), lambda x: f"manko {x.get('year')}"),
         _keyed(_get(b, ("manko", "milestones")), lambda x: f"manko {x.get('year')}")),
    )
    for left, right in pairs:
        for key in sorted(set(left) | set(right)):
            x, y = left.get(key), right.get(key)
            if x != y:
                changes.append(Change(id=key, old=_summary(x), new=_summary(y)))
    return changes


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        data = data.get(step) if isinstance(data, dict) else None
    return data


def _summary(item: dict[str, Any] | None) -> Any:
    if item is None:
        return None
    keep = ("title", "type", "year", "percent", "tonnes", "tonnes_per_capita", "t_co2e",
            "status", "owner", "sector", "effect")
    return {k: item[k] for k in keep if k in item}
