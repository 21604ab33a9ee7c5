"""Realised emissions from status reports beside the plans, added up against the same plans' pathways.

A status report names its plan by the plan's sha256 (`follows.plan_sha256`), so a report is
matched to exactly one plan read, never guessed onto a municipality by its code; a report that
follows none of them is an error row. Per year, the realised sum covers the included plans whose
reports give a realised total for that year (a later report's figure for a year wins, as it may
revise it), and it is set against the action pathway of exactly those plans, interpolated to
that year as the follow-up rules do (`checks.pathway.interpolated`: straight lines from the
status-year inventory through the pathway years). Every other included plan is named in the
sum's `missing` list. Of each plan only the few records the interpolation needs are kept.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from capf.engine import emissions as em
from capf.engine.checks.pathway import interpolated
from capf.engine.follow_up import realised_by_year
from capf.portfolio.model import Case, Figure, LeftOut, PlanRealised, RealisedYear, Text
from capf.portfolio.treatment import treatment
from capf.read.plan import Plan, plan_from_document
from capf.read.status import StatusReport, status_from_document
from capf.read.workbook_file import read_either

STATUS_FOLDER = "status"  # DIR/status/ holds the reports of the plans in DIR


def read_one(path: Path) -> Plan | StatusReport:
    """A plan, or a status report when the document says whom it follows (plans never do)."""
    document = read_either(path)
    if isinstance(document.data, dict) and "follows" in document.data:
        return status_from_document(document)
    return plan_from_document(document)


def status_folders(inputs: Sequence[str]) -> list[Path]:
    """`DIR/status` of each folder given, when it is a folder inside DIR (never a link out)."""
    found = []
    for item in inputs:
        folder = Path(item)
        inner = folder / STATUS_FOLDER
        if folder.is_dir() and inner.is_dir() and inner.resolve().is_relative_to(folder.resolve()):
            found.append(inner)
    return found


def shape(data: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a plan its pathway interpolation reads: status-year inventory and pathway."""
    year = em.get(data, "/inventory/status_year")
    start = em.located(data, em.INVENTORY, year) if isinstance(year, int) else None
    return {"inventory": {"status_year": year, "years": [start[1]] if start else []},
            "scenarios": {"action_pathway": {"years": [r for _, r in em.items(data, em.PATHWAY)]}}}


@dataclass
class Followed:
    """An included plan as the realised sums see it."""

    code: str
    base: float
    shape: dict[str, Any]
    reports: list[StatusReport] = field(default_factory=list)

    def realised(self) -> dict[int, float]:
        ordered = sorted(self.reports, key=lambda r: r.year)
        return {y: t for y, r in realised_by_year(ordered).items()
                if (t := em.total_of(r)) is not None}

    def points(self) -> list[PlanRealised]:
        return [PlanRealised(year=y, realised=t, pathway=interpolated(self.shape, y).tonnes)
                for y, t in self.realised().items()]


def _row(report: StatusReport, case: Case, detail: str = "") -> LeftOut:
    reason = treatment(case).text
    if detail:
        reason = Text(da=f"{detail}: {reason.da}", en=f"{detail}: {reason.en}")
    return LeftOut(file=report.source, code=report.data["follows"].get("municipality_code"),
                   case=case, reason=reason)


def attach(reports: Sequence[StatusReport], followed: Mapping[str, Followed],
           left_out: Mapping[str, str]) -> tuple[list[LeftOut], list[LeftOut]]:
    """Each report onto the included plan it follows (by sha256): (left-out rows, error rows).

    A report of a plan that was read but left out is listed with it; one that follows no plan
    read, or repeats a year already reported for its plan, is an error row.
    """
    rows: list[LeftOut] = []
    errors: list[LeftOut] = []
    for report in sorted(reports, key=lambda r: (r.year, r.source)):
        plan = followed.get(report.plan_sha256)
        if plan is not None and any(r.year == report.year for r in plan.reports):
            errors.append(_row(report, "duplicate_status_year", f"{report.year}"))
        elif plan is not None:
            plan.reports.append(report)
        elif report.plan_sha256 in left_out:
            rows.append(_row(report, "status_of_left_out_plan", left_out[report.plan_sha256]))
        else:
            errors.append(_row(report, "status_without_plan", report.plan_sha256[:12] + "…"))
    return rows, errors


def _figure(tonnes: float | None, plans: int, base: float | None, missing: list[str]) -> Figure:
    cut = 1 - tonnes / base if tonnes is not None and base else None
    return Figure(tonnes=tonnes, plans=plans, base_1990=base, reduction_vs_1990=cut,
                  missing=missing)


def realised_totals(codes: Sequence[str], followed: Sequence[Followed]) -> list[RealisedYear]:
    """Per realised year: the sum over plans with a realised total and an interpolable pathway."""
    points = {f.code: ({p.year: p for p in f.points()}, f.base) for f in followed}
    years = sorted({y for own, _ in points.values() for y in own})
    out = []
    for year in years:
        both = {code: (own[year], base) for code, (own, base) in points.items()
                if year in own and own[year].pathway is not None}
        missing = [c for c in codes if c not in both]
        base = math.fsum(b for _, b in both.values()) if both else None
        made = math.fsum(p.realised for p, _ in both.values()) if both else None
        path = math.fsum(p.pathway or 0.0 for p, _ in both.values()) if both else None
        out.append(RealisedYear(
            year=year, realised=_figure(made, len(both), base, missing),
            pathway=_figure(path, len(both), base, missing),
            above_pathway=None if made is None or path is None else made - path))
    return out
