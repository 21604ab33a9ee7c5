"""The follow-up report's figures: realised emissions set against the plan's pathway and targets.

Nothing is judged here. The pathway is the one the follow-up rules measure against
(`checks.pathway.interpolated`: straight lines from the status-year inventory through the
plan's pathway years), the targets are `emissions.required_level`'s, and the rate and the
updated manko are read from the verdict's own values, so page and verdict cannot disagree.
A year two reports both give is shown as the later report states it (a revised figure).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from capf.engine import emissions as em
from capf.engine.checks.pathway import interpolated, pathway_points
from capf.engine.follow_up import realised_by_year
from capf.model.verdict import Verdict
from capf.read.status import StatusReport
from capf.render.chart import Point, targets
from capf.text.formatting import number, signed
from capf.text.values import value_label

DASH = "–"


def start(plan: Any) -> tuple[int, float] | None:
    """The plan's status-year inventory total: where the realised line and the pathway start."""
    year = em.get(plan, "/inventory/status_year")
    found = em.located(plan, em.INVENTORY, year) if isinstance(year, int) else None
    total = em.total_of(found[1]) if found else None
    return None if total is None or not isinstance(year, int) else (year, total)


def realised_line(plan: Any, reports: Sequence[StatusReport]) -> list[Point]:
    """The realised totals: the status-year inventory, then the reports' years after it."""
    first = start(plan)
    done = {y: t for y, r in realised_by_year(reports).items() if (t := em.total_of(r)) is not None
            and (first is None or y > first[0])}
    points = ({first[0]: first[1]} if first else {}) | done
    return [(float(y), t) for y, t in sorted(points.items())]


def latest(reports: Sequence[StatusReport]) -> em.Record | None:
    """The latest year's record of the latest report: the year the follow-up judges."""
    records = [r for _, r in em.items(reports[-1].data, "/emissions/years")
               if isinstance(r.get("year"), int) and em.total_of(r) is not None] if reports else []
    return max(records, key=lambda r: r["year"]) if records else None


def pathway_line(plan: Any) -> list[Point]:
    """The action pathway's known points (status-year inventory first), as the rules read it."""
    return [(float(y), t) for y, _, r in pathway_points(plan) if (t := em.total_of(r)) is not None]


def value(verdict: Verdict, key: str) -> dict[str, Any] | None:
    """The values of the first result that computed `key` (None when no rule did)."""
    return next((r.values for r in verdict.results if r.values.get(key) is not None), None)


def _n(tonnes: float | None, lang: str) -> str:
    return DASH if tonnes is None else number(tonnes, lang)


def year_rows(plan: Any, reports: Sequence[StatusReport], lang: str) -> list[dict[str, str]]:
    """Per year: realised, the pathway that year, the target level and realised − pathway."""
    done = {int(x): t for x, t in realised_line(plan, reports)}
    aims = {int(x): t for x, t in targets(plan)}
    years = sorted({*done, *aims, *(int(x) for x, _ in pathway_line(plan))})
    rows = []
    for year in years:
        path = interpolated(plan, year).tonnes
        made = done.get(year)
        rows.append({"year": str(year), "realised": _n(made, lang), "pathway": _n(path, lang),
                     "target": _n(aims.get(year), lang),
                     "gap": DASH if made is None or path is None else signed(made - path, lang)})
    return rows


def sector_rows(plan: Any, record: em.Record | None, lang: str) -> list[dict[str, Any]]:
    """The latest realised year by sector against the pathway's sector lines, total last."""
    if record is None:
        return []
    year = record["year"]
    sectors = [s for s, v in (record.get("sectors") or {}).items() if em.number(v) is not None]
    rows = []
    for sector in [*sectors, "total"]:
        made, path = em.sector_value(record, sector), interpolated(plan, year, sector).tonnes
        rows.append({"sector": value_label(sector, lang, "sector"), "total": sector == "total",
                     "realised": _n(made, lang), "pathway": _n(path, lang),
                     "gap": DASH if made is None or path is None else signed(made - path, lang)})
    return rows


def manko_rows(plan: Any, verdict: Verdict, lang: str) -> tuple[list[dict[str, str]], bool]:
    """Per milestone year: declared, computed, cancelled-and-uncovered and updated manko.

    The updated figure is the verdict's (`manko_<year>_t` of the rule that computed
    `updated_manko`); without such a rule only the plan's own figures are shown (False).
    """
    found = value(verdict, "updated_manko")
    rows = []
    for gap in em.manko_gaps(plan):
        updated = found.get(f"manko_{gap.year}_t") if found else None
        rows.append({"year": str(gap.year), "declared": number(gap.declared, lang),
                     "computed": _n(gap.expected, lang),
                     "uncovered": DASH if updated is None else number(updated - round(gap.declared),
                                                                      lang),
                     "updated": _n(updated, lang)})
    return rows, found is not None
