"""The yearly follow-up: a plan and its status reports judged as one document by the same engine.

The rules of a follow-up profile (rules/monitoring) read one document,
`{"plan": <plan>, "status": <latest report>, "statuses": [<every report, by reporting year>]}`,
so selectors, checks, examples and docs work as for plans, and evidence points into the right
document. The verdict is the plan verdict's model; only its overall status is the follow-up's:

    an essential rule `fail` or `error`                → off_track
    else an essential rule `needs_review`              → needs_review
    else                                               → on_track

Recommended gaps (say, one sector above its pathway) are observations: they are listed and lower
criterion and element statuses as in a plan verdict, but do not put the plan off track.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from capf.engine import emissions as em
from capf.engine.checks.spec import Context
from capf.engine.evaluator import build_verdict, judged_day, run_rule
from capf.engine.ruleset import DEFAULT_FOLLOW_UP_PROFILE, RuleSet, load_ruleset
from capf.model.rule import Text
from capf.model.verdict import MonitoringStatus, ReportRef, Verdict
from capf.read.plan import Plan, load_plan
from capf.read.status import InvalidStatus, StatusReport, follows_plan, load_status
from capf.text.errors import said

FOLLOW_UP_NOTE = Text(
    en="This follow-up is capf's own reading of the status reports against the plan; it is not "
       "an assessment by C40, CONCITO or Klimaalliancen.",
    da="Denne opfølgning er capfs egen gennemgang af statusrapporterne over for planen; den er "
       "ikke en vurdering fra C40, CONCITO eller Klimaalliancen.")


def follow_up_status(results: Sequence[tuple[str, str]]) -> MonitoringStatus:
    """From (level, outcome) pairs, by the table in the module docstring."""
    essential = [o for level, o in results if level == "essential"]
    if any(o in ("fail", "error") for o in essential):
        return "off_track"
    if "needs_review" in essential:
        return "needs_review"
    return "on_track"


def document(plan: Plan, reports: Sequence[StatusReport]) -> dict[str, Any]:
    """The one document follow-up rules read; `reports` already in reporting-year order."""
    statuses = [r.data for r in reports]
    return {"plan": plan.data, "status": statuses[-1] if statuses else {}, "statuses": statuses}


def evaluate_follow_up(plan: Plan, reports: Sequence[StatusReport],
                       ruleset: RuleSet | None = None, *, as_of: date | None = None) -> Verdict:
    """Judge the plan's implementation from its status reports (default profile: monitoring).

    Refuses (InvalidStatus, a CapfError) a report that follows another plan, or none at all.
    """
    if not reports:
        raise InvalidStatus(said("no_status", source=plan.source), source=plan.source)
    ordered = follows_plan(plan, list(reports))
    ruleset = ruleset or load_ruleset(DEFAULT_FOLLOW_UP_PROFILE)
    ruleset.require("follow_up")
    as_of = judged_day(as_of)
    context = Context(document(plan, ordered), as_of)
    results = [run_rule(rule, context) for rule in ruleset.rules]
    verdict = build_verdict(plan, ruleset, results, as_of)
    status = follow_up_status([(r.level, r.outcome) for r in results])
    read = [ReportRef(source=r.source, sha256=r.sha256, reporting_year=r.year) for r in ordered]
    return verdict.model_copy(update={"status": status, "grading_note": FOLLOW_UP_NOTE,
                                      "reports": read})


def realised_by_year(reports: Sequence[StatusReport]) -> dict[int, em.Record]:
    """Year → realised record over `reports` (in reporting-year order): a later report's figure
    for a year wins, as it may revise it; within one report the first record for a year counts."""
    found: dict[int, em.Record] = {}
    for report in reports:
        seen: set[int] = set()
        for _, record in em.items(report.data, "/emissions/years"):
            year = record.get("year")
            if isinstance(year, int) and year not in seen and em.total_of(record) is not None:
                seen.add(year)
                found[year] = record
    return dict(sorted(found.items()))


def example_document(fragment: Mapping[str, Any], source: str = "<example>") -> dict[str, Any]:
    """A rule example (`{plan, status}` or `{plan, statuses}`) as the document rules read.

    Examples stay short: a report in an example may leave out `follows` (it is filled with the
    example plan's hash) and `reporting_year` (2025, the year before the examples' as-of date).
    Both parts are validated like real files.
    """
    plan = load_plan(dict(fragment.get("plan") or {}), source=f"{source} (plan)")
    raw = fragment.get("statuses") or ([fragment["status"]] if "status" in fragment else [])
    reports = [load_status({"follows": {"plan_sha256": plan.sha256}, "reporting_year": 2025,
                            **dict(r)}, source=f"{source} (status {i})")
               for i, r in enumerate(raw)]
    return document(plan, follows_plan(plan, reports))
