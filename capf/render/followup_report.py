"""The follow-up report: a plan's status reports and their follow-up verdict as HTML or Markdown.

What a council committee reads each year: is the plan on track (the verdict's status in
words), the realised emissions against the pathway and target (chart and tables from
capf.render.followup_figures), the actions by status, the updated manko, and what to do next
(the municipality's own next steps, then every open finding with its remedy). As in the gap
report, Python arranges and formats and the templates only lay out; nothing is judged here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from capf.engine import emissions as em
from capf.engine.checks.pathway import interpolated
from capf.model.verdict import Result, Verdict
from capf.read.plan import Plan
from capf.read.status import StatusReport, follows_plan
from capf.render import digest
from capf.render.followup_chart import follow_up_chart
from capf.render.followup_figures import (
    latest,
    manko_rows,
    sector_rows,
    start,
    value,
    year_rows,
)
from capf.render.page import BRIEF_POINTERS, check_format, environment, footer
from capf.render.places import Places
from capf.text.followup_words import followup_words
from capf.text.formatting import day, number, percent, signed, tonnes
from capf.text.labels import label, words
from capf.text.values import value_label

GROUPS = ("cancelled", "delayed", "not_started", "not_reported", "not_in_plan", "in_progress",
          "completed")  # what needs attention first
_OPEN = {"fail": 0, "error": 0, "needs_review": 1}


def _effect_in(entries: Any, year: int | None) -> float | None:
    found = [em.number(e.get("t_co2e")) for e in entries if isinstance(e, dict)
             and e.get("year") == year] if isinstance(entries, list) else []
    return sum(f for f in found if f is not None) if any(f is not None for f in found) else None


def _span(timeline: Any) -> str:
    if not isinstance(timeline, dict):
        return "–"
    start, end = timeline.get("start"), timeline.get("end")
    return "–".join(str(y) for y in (start, end) if isinstance(y, int)) or "–"


def _money(budget: Any, lang: str, w: dict[str, str]) -> str:
    spent, planned = (em.number((budget or {}).get(k)) for k in ("spent_dkk", "planned_dkk"))
    if spent is None:
        return "–"
    mio = number(spent / 1e6, lang, 1)
    return w["mio_dkk" if planned else "spent_only"].format(
        spent=mio, planned=number((planned or 0) / 1e6, lang, 1))


def _notes(entry: em.Record, status: str, lang: str, w: dict[str, str]) -> list[str]:
    notes = []
    if status == "cancelled":
        swap = entry.get("replacement")
        if isinstance(swap, dict):
            effects = [w["replacement_effect"].format(tonnes=tonnes(t, lang), year=e["year"])
                       for e in swap.get("effect") or [] if (t := em.number(e.get("t_co2e")))
                       is not None][:1]
            what = " ".join(str(swap[k]) for k in ("id", "title") if swap.get(k))
            tail = ", ".join([*effects, *([w["decided"].format(date=day(swap["decided"], lang))]
                                          if swap.get("decided") else [])])
            notes.append(w["replaced_by"].format(what=what) + (f" ({tail})" if tail else ""))
        else:
            notes.append(w["no_replacement"])
    made = [e for e in entry.get("effect_realised") or [] if em.number(e.get("t_co2e")) is not None]
    if made:
        last = max(made, key=lambda e: e["year"])
        notes.append(f"{w['col_realised_effect']}: {tonnes(last['t_co2e'], lang)} ({last['year']})")
    if entry.get("note"):
        notes.append(str(entry["note"]))
    return notes


def action_rows(plan: Any, report: StatusReport, verdict: Verdict, lang: str) -> list[dict[str, Any]]:
    """Every plan action with its reported status (and every reported id the plan lacks)."""
    w = followup_words(lang)
    year = next((y for y in em.milestone_years(plan) if y >= report.year), None)
    reported: dict[str, em.Record] = {}
    for _, entry in em.items(report.data, "/actions"):
        reported.setdefault(str(entry.get("id")), entry)
    started = value(verdict, "due") or {}
    overdue = {*started.get("late", []), *started.get("unreported", [])}
    planned: dict[str, em.Record] = {}
    for _, action in em.items(plan, "/actions"):
        planned.setdefault(str(action.get("id")), action)  # plan order; a repeated id: the first
    rows = []
    for action_id in [*planned, *(i for i in reported if i not in planned)]:
        action, entry = planned.get(action_id, {}), reported.get(action_id, {})
        status = (entry.get("status") or "not_reported") if action else "not_in_plan"
        timeline = _span(action.get("timeline"))
        if entry.get("new_timeline"):
            timeline += ", " + w["new_timeline"].format(timeline=_span(entry["new_timeline"]))
        effect = _effect_in(action.get("effect"), year)
        notes = _notes(entry, status, lang, w)
        if action_id in overdue:
            notes.insert(0, w["due"].format(year=report.year))
        progress = em.number(entry.get("progress_percent"))
        rows.append({"id": action_id, "title": action.get("title") or "", "status": status,
                     "status_label": w[status] if status == "not_in_plan" else label(status, lang),
                     "progress": "–" if progress is None else percent(progress / 100, lang),
                     "timeline": timeline, "effect": "–" if effect is None else number(effect, lang),
                     "budget": _money(entry.get("budget"), lang, w), "notes": notes,
                     "overdue": action_id in overdue})
    return sorted(rows, key=lambda r: GROUPS.index(r["status"]))


def _finding(result: Result, lang: str, places: Places) -> dict[str, Any]:
    return {"rule": result.rule, "anchor": digest.anchor(result.rule),
            "title": result.title.get(lang), "level": label(result.level, lang),
            "essential": result.level == "essential", "outcome": result.outcome,
            "outcome_label": label(result.outcome, lang), "message": result.message.get(lang),
            "remedy": result.remedy.get(lang) if result.remedy else None,
            "evidence": [{"pointer": p, "cell": places.cell(p, named=True)}  # a workbook's cell
                         for p in result.evidence[:BRIEF_POINTERS]],
            "more": max(len(result.evidence) - BRIEF_POINTERS, 0)}


def key_figures(plan: Plan, reports: Sequence[StatusReport], verdict: Verdict,
                lang: str) -> list[tuple[str, str]]:
    """The first page's figures: latest realised year against pathway, rate, manko, actions."""
    w, out = followup_words(lang), []
    record = latest(reports)
    if record is None:
        return [(w["latest_realised"].format(year=""), w["no_realised"])]
    year, made = record["year"], em.total_of(record) or 0.0
    source = reports[-1].data.get("emissions", {}).get("source") or {}
    where = ", ".join([*([str(source["name"])] if source.get("name") else []),
                       *([w["published_in"].format(year=source["publication_year"])]
                         if source.get("publication_year") else [])])
    out.append((w["latest_realised"].format(year=year),
                tonnes(made, lang) + (f" ({w['source'].lower()}: {where})" if where else "")))
    path = interpolated(plan.data, year).tonnes
    if path is not None:
        out.append((w["pathway_in"].format(year=year),
                    f"{tonnes(path, lang)} ({w['pathway_in_note']})"))
        side = "above" if round(made - path) > 0 else "below" if round(made - path) < 0 else "on"
        out.append((w["difference"], f"{signed(made - path, lang)} t CO2e {w[side]}"))
    rate = value(verdict, "needed_t_yearly")
    if rate:
        out.append((w["target_in"].format(year=rate["year"]), tonnes(rate["target_t"], lang)))
        out.append((w["rate_needed"].format(year=rate["year"]),
                    f"{number(rate['needed_t_yearly'], lang)} {w['per_year']}"))
        if rate.get("achieved_t_yearly") is not None:
            out.append((w["rate_achieved"].format(year=rate["start_year"]),
                        f"{number(rate['achieved_t_yearly'], lang)} {w['per_year']}"))
    manko, updated = manko_rows(plan.data, verdict, lang)
    if updated and manko:
        out.append((w["col_updated"], " · ".join(f"{r['year']}: {r['updated']} t" for r in manko)))
    return out


def _presented(report: StatusReport, lang: str, w: dict[str, str]) -> str:
    given = report.data.get("presented_to") or {}
    body = value_label(given["body"], lang, "signatory") if given.get("body") else None
    who = given.get("name") or (body.lower() if body and lang == "da" else body)
    if not who:
        return w["not_presented"]
    when = f" {w['presented_on'].format(date=day(given['date'], lang))}" if given.get("date") else ""
    return w["presented"].format(who=who) + when


def follow_up_context(verdict: Verdict, plan: Plan, reports: Sequence[StatusReport],
                      lang: str) -> dict[str, Any]:
    """Everything the follow-up templates show, already ordered and formatted."""
    w, last = followup_words(lang), reports[-1]
    plan_info = plan.data.get("plan") or {}
    actions = action_rows(plan.data, last, verdict, lang)
    counts = {s: sum(r["status"] == s for r in actions) for s in GROUPS}
    open_ = sorted((r for r in verdict.results if r.outcome in _OPEN),
                   key=lambda r: (r.level != "essential", _OPEN[r.outcome]))
    manko, updated = manko_rows(plan.data, verdict, lang)
    record = latest(reports)
    years = [str(r.year) for r in reports]
    places = Places(verdict)
    return {
        "t": words(lang), "w": w, "lang": lang, "name": verdict.plan.name,
        "plan_title": plan_info.get("title") if isinstance(plan_info, dict) else None,
        "reports_line": w["reports_line"].format(years=f" {label('and', lang)} ".join(
            [", ".join(years[:-1]), years[-1]] if len(years) > 1 else years)),
        "presented": _presented(last, lang, w),
        "illustrative": any(r.data.get("illustrative") for r in reports),
        "status": verdict.status, "sentence": digest.sentence(verdict, lang),
        "grading_note": verdict.grading_note.get(lang),
        "key_figures": key_figures(plan, reports, verdict, lang),
        "action_counts": [(label(s, lang) if s != "not_in_plan" else w[s], n)
                          for s, n in counts.items() if n],
        "year_rows": year_rows(plan.data, reports, lang),
        "start_year": (start(plan.data) or (None,))[0],
        "sector_year": record["year"] if record else None,
        "sector_rows": sector_rows(plan.data, record, lang),
        "actions": actions, "effect_year": next(
            (y for y in em.milestone_years(plan.data) if y >= last.year), None),
        "manko_rows": manko, "manko_updated": updated,
        "own_next": last.data.get("next_steps"),
        "next": [_finding(r, lang, places) for r in open_],
        "checks": [_finding(r, lang, places) for r in verdict.results],
        "footer": footer(verdict, lang),
        "report_refs": [{"year": r.year, "source": r.source, "sha256": r.sha256} for r in reports],
    }


def render_follow_up(verdict: Verdict, plan: Plan, reports: Sequence[StatusReport],
                     fmt: str = "html", lang: str = "da") -> str:
    """The follow-up report of `plan` from `reports`, judged by `verdict` (html or md)."""
    check_format(fmt, ("html", "md"), lang)
    ordered = follows_plan(plan, list(reports))
    if plan.sha256 != verdict.plan.sha256 or [r.sha256 for r in ordered] != [
            r.sha256 for r in verdict.reports or []]:
        raise ValueError(f"{plan.source} and its reports are not the documents this follow-up "
                         "verdict judged: their SHA-256 differ")
    context = follow_up_context(verdict, plan, ordered, lang)
    context["chart"] = follow_up_chart(plan.data, ordered, lang) if fmt == "html" else None
    return environment().get_template(f"followup.{fmt}.j2").render(context)
