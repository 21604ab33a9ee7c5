"""Properties of the follow-up: any schema-valid plan + report pair is judged, never raises.

Reports are drawn by hand (as plans are, tests/strategies.py) against schemas/status.schema.json,
with action ids taken mostly from the plan so the rules meet real actions, and the sha256 the
plan's (a report following another plan is refused; tests/test_follow_up.py shows that).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strategies as s
from hypothesis import given, settings
from hypothesis import strategies as st

from capf.engine.follow_up import evaluate_follow_up
from capf.read.plan import Plan, load_plan
from capf.read.schema import problems
from capf.read.status import StatusReport, load_status

OTHER = settings(max_examples=max(min(settings.default.max_examples, 150), 1), deadline=None)
STATUSES = ("not_started", "in_progress", "completed", "delayed", "cancelled")


def _dict(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    return st.fixed_dictionaries(required, optional={**optional, "evidence": s.evidence})


effects = st.lists(s.effect, max_size=3)
# A realised year is the plan's emission record without the per-resident pair (t_per_capita,
# population): the status schema's emission_record leaves those out on purpose.
realised_year = _dict({"year": s.year}, {"total": s.tonnes, "sectors": s.sector_tonnes,
                                         "note": s.text()})
timeline = _dict({}, {"start": s.year, "end": s.year, "description": s.text()})


def report(ids: list[str], sha: str) -> Any:
    action = _dict({"id": st.one_of(st.sampled_from(ids), s.name()) if ids else s.name()}, {
        "status": st.sampled_from(STATUSES),
        "progress_percent": s.number(0, 100),
        "effect_realised": effects, "effect_expected": effects,
        "budget": _dict({}, {"spent_dkk": s.number(0, 1e12), "planned_dkk": s.number(0, 1e12)}),
        "new_timeline": timeline,
        "replacement": _dict({}, {"id": s.name(), "title": s.name(), "effect": effects,
                                  "decided": s.iso_date}),
        "note": s.text()})
    return st.fixed_dictionaries({
        "follows": st.fixed_dictionaries({"plan_sha256": st.just(sha)}, optional={
            "municipality_code": st.from_regex(r"\A[0-9]{3}\Z"), "plan_version": s.name()}),
        "reporting_year": s.year,
    }, optional={
        "schema_version": st.just("1"), "illustrative": s.boolean,
        "report_date": s.iso_date, "previous_report_date": s.iso_date,
        "presented_to": _dict({}, {"body": st.sampled_from(["council", "committee",
                                                            "administration", "other"]),
                                   "name": s.name(), "date": s.iso_date}),
        "published": s.boolean,
        "emissions": _dict({}, {"years": st.lists(realised_year, max_size=3),
                                "source": _dict({}, {"name": s.name(),
                                                     "publication_year": s.year})}),
        "actions": st.lists(action, max_size=5),
        "indicators": st.lists(_dict({"name": s.name()}, {
            "value": s.number(-1e12, 1e12), "year": s.year, "unit": s.name(),
            "note": s.text()}), max_size=3),
        "adaptation_goals": st.lists(_dict({"goal": s.name()}, {
            "horizon": st.sampled_from(s.HORIZONS), "progress": s.name(),
            "indicator_value": s.number(-1e12, 1e12)}), max_size=2),
        "next_steps": s.text(),
        "evidence": s.evidence,
    })


def drawn(data: dict[str, Any], draw: st.DataObject, most: int) -> tuple[Plan, list[StatusReport]]:
    """The plan and 1 to `most` schema-valid reports following it, one per reporting year."""
    plan = load_plan(data)
    ids = [str(a["id"]) for a in plan.data.get("actions", [])]
    raw = draw.draw(st.lists(report(ids, plan.sha256), min_size=1, max_size=most,
                             unique_by=lambda r: r["reporting_year"]))
    assert all(problems("status", r) == [] for r in raw)  # the strategy follows the schema
    return plan, [load_status(r) for r in raw]


@OTHER
@given(data=s.plans, draw=st.data(), as_of=st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_monitor_never_raises_on_a_schema_valid_plan_and_reports(
        data: dict[str, Any], draw: st.DataObject, as_of: date) -> None:
    plan, reports = drawn(data, draw, 3)
    verdict = evaluate_follow_up(plan, reports, as_of=as_of)
    assert verdict.status in ("on_track", "off_track", "needs_review")
    assert not [(r.rule, r.values) for r in verdict.results if r.outcome == "error"]


@settings(max_examples=max(min(settings.default.max_examples, 40), 1), deadline=None)
@given(data=s.plans, draw=st.data(), as_of=st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_the_follow_up_report_renders_any_schema_valid_plan_and_reports(
        data: dict[str, Any], draw: st.DataObject, as_of: date) -> None:
    from capf.render.followup_report import render_follow_up

    plan, reports = drawn(data, draw, 2)
    verdict = evaluate_follow_up(plan, reports, as_of=as_of)
    html = render_follow_up(verdict, plan, reports, "html", draw.draw(st.sampled_from(["da", "en"])))
    assert html.count("<svg") == 1 and "<script" not in html
    assert render_follow_up(verdict, plan, reports, "md", "da").startswith("# Opfølgning")
