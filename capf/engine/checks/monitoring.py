"""Named checks of the yearly follow-up: a plan and its status reports judged as one document.

The document is `{"plan": <plan>, "status": <latest report>, "statuses": [<reports by year>]}`
(capf.engine.follow_up builds it), so evidence points into the right document (`/plan/…`,
`/status/…`). Plan arithmetic is capf.engine.emissions' (called on the `plan` part); what is new
here is set against time: actions against their timelines, the manko after a cancelled action,
the reporting cadence (emissions against the pathway: capf.engine.checks.pathway). Like the
domain checks, these read fixed places and ignore what the rule selects; a report that lacks
what it must state is a `fail`, data present but not computable is `needs_review`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import finding
from capf.engine.checks.spec import CheckSpec, Context, Finding, NoOptions, Options
from capf.engine.selector import Match
from capf.text.message import Phrase, bilingual
from capf.text.values import value_label

STATUS = "/status"
REALISED = "/status/emissions/years"
STARTED = ("in_progress", "completed")  # delayed and cancelled are judged by their own rules


def parts(ctx: Context) -> tuple[Any, Any, list[Any]]:
    """(plan, latest report, every report) of the follow-up document; empty when absent."""
    root = ctx.root if isinstance(ctx.root, dict) else {}
    statuses = root.get("statuses")
    return root.get("plan") or {}, root.get("status") or {}, statuses if isinstance(
        statuses, list) else []


def _reported(status: Any) -> dict[str, tuple[str, Any]]:
    """The report's entry per action id (the first one listed), with its pointer."""
    out: dict[str, tuple[str, Any]] = {}
    for pointer, entry in em.items(status, "/actions"):
        out.setdefault(str(entry.get("id")), (STATUS + pointer, entry))
    return out


def actions_started(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """Every action whose timeline starts by the reporting year is reported started or done."""
    plan, status, _ = parts(ctx)
    year = status.get("reporting_year")
    reported = _reported(status)
    plan_ids = {str(a.get("id")) for _, a in em.items(plan, "/actions")}
    due = [(p, a) for p, a in em.items(plan, "/actions") if isinstance(year, int)
           and isinstance((a.get("timeline") or {}).get("start"), int)
           and a["timeline"]["start"] <= year]
    unreported = [str(a.get("id")) for _, a in due if str(a.get("id")) not in reported]
    late = [str(a.get("id")) for _, a in due if str(a.get("id")) in reported
            and reported[str(a.get("id"))][1].get("status") not in (*STARTED, "delayed",
                                                                     "cancelled")]
    unknown = [i for i in reported if i not in plan_ids]
    values = {"due": len(due), "late": late, "unreported": unreported, "unknown": unknown}
    evidence = [f"/plan{p}/timeline/start" for p, a in due
                if str(a.get("id")) in (*late, *unreported)]
    evidence += [reported[i][0] for i in (*late, *unknown) if i in reported]
    if late or unreported:
        return finding("fail", values, evidence)
    if unknown:
        return finding("needs_review", values, evidence)
    if not due:
        return finding("not_applicable", values)
    return finding("pass", values, [reported[str(a.get("id"))][0] for _, a in due])


def _effects(entries: Any) -> dict[int, float]:
    out: dict[int, float] = {}
    for effect in entries if isinstance(entries, list) else []:
        tonnes = em.number(effect.get("t_co2e")) if isinstance(effect, dict) else None
        if tonnes is not None and isinstance(effect.get("year"), int):
            out[effect["year"]] = out.get(effect["year"], 0.0) + tonnes
    return out


def _year_tonnes(year: int, tonnes: float) -> Phrase:
    """'2030: 1.000 t' — whole tonnes, grouped in each language's style (a float, so that
    a figure such as 2000 is never taken for a year)."""
    return Phrase.of("{year}: {t} t", year=year, t=float(round(tonnes)))


def cancelled_covered(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """A cancelled action's replacement covers its effect; else the manko grows by the rest.

    Covered means: in every year the plan states an effect for the action, the replacement's
    stated effect is at least as large (in whole tonnes). The updated manko of each milestone
    year is the plan's declared manko plus the uncovered effect in that year.
    """
    plan, status, _ = parts(ctx)
    actions = {str(a.get("id")): (p, a) for p, a in reversed(em.items(plan, "/actions"))}
    cancelled = [(i, entry) for i, entry in _reported(status).items()
                 if entry[1].get("status") == "cancelled" and i in actions]
    shortfall: dict[int, float] = {}
    uncovered: list[str] = []
    evidence: list[str] = []
    for action_id, (pointer, entry) in cancelled:
        planned = _effects(actions[action_id][1].get("effect"))
        replaced = _effects((entry.get("replacement") or {}).get("effect"))
        short = {y: t - replaced.get(y, 0.0) for y, t in planned.items()
                 if round(t - replaced.get(y, 0.0)) > 0}
        evidence += [pointer, "/plan" + actions[action_id][0]]
        if short:
            uncovered.append(action_id)
            for y, t in short.items():
                shortfall[y] = shortfall.get(y, 0.0) + t
    updated = [(g.year, g.declared + shortfall.get(g.year, 0.0)) for g in em.manko_gaps(plan)]
    values: dict[str, Any] = {
        "cancelled": [i for i, _ in cancelled], "uncovered": uncovered,
        **bilingual("shortfall", [_year_tonnes(y, t) for y, t in sorted(shortfall.items())]),
        **bilingual("updated_manko", [_year_tonnes(y, t) for y, t in updated]),
        **{f"manko_{y}_t": round(t) for y, t in updated}}
    if not cancelled:
        return finding("not_applicable", values)
    return finding("fail" if uncovered else "pass", values, evidence)


class IntervalOptions(Options):
    max_months: int = Field(12, ge=1, description=(
        "Most months from the previous report (or the plan's adoption) to this one (GOV-10: "
        "reporting at least yearly)."))


def add_months(day: date, months: int) -> date:
    """`day` moved `months` calendar months on; a day the month lacks becomes its last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return date(year, month, 28)  # pragma: no cover - every month has a 28th


def report_interval(ctx: Context, matches: list[Match], opts: IntervalOptions) -> Finding:
    """The report came at most `max_months` after the previous one (or after the adoption).

    The previous report is the one before it among the reports given, else the report's own
    `previous_report_date`; a first report counts from the plan's adoption date.
    """
    plan, status, statuses = parts(ctx)
    values: dict[str, Any] = {"value": status.get("report_date"), "reference": None,
                              **bilingual("reference_kind", None), "deadline": None}
    if not isinstance(status.get("report_date"), str):
        return finding("fail", values, ("/status/report_date",))
    earlier = statuses[-2] if len(statuses) > 1 and isinstance(statuses[-2], dict) else None
    options = ((earlier and earlier.get("report_date"), f"/statuses/{len(statuses) - 2}"
                "/report_date", Phrase("the previous report", "den forrige rapport")),
               (status.get("previous_report_date"), "/status/previous_report_date",
                Phrase("the previous report", "den forrige rapport")),
               (em.get(plan, "/plan/adopted/date"), "/plan/plan/adopted/date",
                Phrase("the plan's adoption", "planens vedtagelse")))
    found = next(((d, p, k) for d, p, k in options if isinstance(d, str)), None)
    if found is None:
        values.update(bilingual("reference_kind", Phrase("nothing to count from",
                                                         "intet at regne fra")))
        return finding("needs_review", values, ("/status/report_date",))
    reference, pointer, kind = found
    deadline = add_months(date.fromisoformat(reference), opts.max_months)
    values.update(reference=reference, deadline=deadline.isoformat(),
                  **bilingual("reference_kind", kind))
    ok = date.fromisoformat(status["report_date"]) <= deadline
    return finding("pass" if ok else "fail", values, ("/status/report_date", pointer))


def _key(name: Any) -> str:
    return " ".join(str(name).lower().split())


def indicators_reported(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """Every indicator the plan names (MERR and measurable adaptation goals) has a reported value.

    Names match ignoring case and spacing; a value is a number in the report's `indicators`.
    """
    plan, status, _ = parts(ctx)
    named = [(f"/plan{p}", i.get("name")) for p, i in em.items(plan, "/governance/merr/indicators")]
    named += [(f"/plan{p}/indicator", g["indicator"].get("name"))
              for p, g in em.items(plan, "/adaptation_goals")
              if isinstance(g.get("indicator"), dict)]
    given = {_key(i.get("name")) for _, i in em.items(status, "/indicators")
             if em.number(i.get("value")) is not None}
    missing = [(p, n) for p, n in named if _key(n) not in given]
    values = {"missing": list(dict.fromkeys(str(n) for _, n in missing)), "count": len(named)}
    if not named:
        return finding("not_applicable", values)
    if missing:
        return finding("fail", values, [p for p, _ in missing] + ["/status/indicators"])
    return finding("pass", values, [p for p, _ in named])


def _goal(goal: em.Record) -> Phrase:
    """'kort sigt: »goal«': the horizon by its label, the goal's own words quoted."""
    text = " ".join(goal["goal"].split())
    horizon = goal.get("horizon")
    if not isinstance(horizon, str):
        return Phrase(f"“{text}”", f"»{text}«")
    return Phrase(f"{value_label(horizon, 'en', 'horizon').lower()}: “{text}”",
                  f"{value_label(horizon, 'da', 'horizon').lower()}: »{text}«")


def goals_reported(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """Every adaptation goal of the plan has its progress told in the report.

    A goal matches by its text, ignoring case and spacing (`capf init --status` copies it).
    """
    plan, status, _ = parts(ctx)
    goals = [(f"/plan{p}", g) for p, g in em.items(plan, "/adaptation_goals")
             if isinstance(g.get("goal"), str) and g["goal"].strip()]
    told = {_key(g.get("goal")) for _, g in em.items(status, "/adaptation_goals")
            if isinstance(g.get("progress"), str) and g["progress"].strip()}
    missing = [(p, g) for p, g in goals if _key(g["goal"]) not in told]
    values = {**bilingual("missing", [_goal(g) for _, g in missing]), "count": len(goals)}
    if not goals:
        return finding("not_applicable", values)
    if missing:
        return finding("fail", values, [p for p, _ in missing] + ["/status/adaptation_goals"])
    return finding("pass", values, [p for p, _ in goals])


MONITORING_CHECKS: dict[str, CheckSpec] = {spec.name: spec for spec in (
    CheckSpec.of("actions_started", actions_started, NoOptions, "due late unreported unknown"),
    CheckSpec.of("cancelled_covered", cancelled_covered, NoOptions,
                 "cancelled uncovered shortfall updated_manko"),
    CheckSpec.of("report_interval", report_interval, IntervalOptions,
                 "value reference reference_kind deadline"),
    CheckSpec.of("indicators_reported", indicators_reported, NoOptions, "missing count"),
    CheckSpec.of("goals_reported", goals_reported, NoOptions, "missing count"),
)}
