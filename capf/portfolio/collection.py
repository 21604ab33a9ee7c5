"""Reading many plans into one `Portfolio`: each plan is loaded, placed, read and dropped.

Only the figures of a plan are kept (never its document), so memory grows with the number of
municipalities, not with the size of their plans. A plan that cannot be loaded or placed is an
error row and never stops the others; one that cannot be added on the 1990 basis is left out
and listed (capf.portfolio.treatment states each rule). Status reports among the files (and in
each folder's status/ subfolder) add the realised emissions (capf.portfolio.realised).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from capf.engine.release import ENGINE_VERSION
from capf.model.errors import CapfError
from capf.portfolio.model import (
    Case,
    GroupBy,
    LeftOut,
    Municipality,
    PlanYear,
    Portfolio,
    Text,
    YearTotal,
)
from capf.portfolio.municipalities import Place, municipalities
from capf.portfolio.plan_figures import PlanFigures, plan_figures
from capf.portfolio.realised import Followed, attach, read_one, realised_totals, shape, status_folders
from capf.portfolio.sums import Entry, groups, headlines, manko_share, totals, years_of
from capf.portfolio.treatment import SOURCES, TREATMENTS, treatment
from capf.read.folder import leaves_folder, plan_files
from capf.read.plan import Plan
from capf.read.status import StatusReport

OUTPUT_NAMES = ("portfolio.json", "portfolio.html", "portfolio.csv", "portfolio.xlsx")
OUTSIDE = Text(da="et link til en fil uden for mappen; ikke læst",
               en="a link to a file outside the folder; not read")


def plan_paths(inputs: Iterable[str]) -> list[Path]:
    """Plans named directly, and the plan files directly in each folder, in name order.

    In folders, capf's own outputs (capf.read.folder.CAPF_OUTPUTS, `*.verdict.json`) are
    skipped, so `capf batch` and `capf portfolio` can share an output folder and re-read it.
    """
    inputs = list(inputs)
    return plan_files([*inputs, *map(str, status_folders(inputs))])


def _row(file: str, case: Case, plan: Plan | None = None, detail: Text | None = None) -> LeftOut:
    data = plan.data.get("municipality", {}) if plan else {}
    reason = treatment(case).text
    if detail:
        reason = Text(da=f"{detail.da}: {reason.da}", en=f"{detail.en}: {reason.en}")
    return LeftOut(file=file, code=data.get("code"), name=plan.name if plan else None,
                   case=case, reason=reason)


def build_portfolio(paths: Sequence[Path], *, as_of: date, group_by: GroupBy = "region",
                    places: dict[str, Place] | None = None,
                    folders: frozenset[Path] = frozenset()) -> Portfolio:
    """Every plan read, placed by its municipality code in `places` (default: the 98).

    A file in one of `folders` (the folders given) that links outside it is an error row, unread.
    """
    places = municipalities() if places is None else places
    entries: list[tuple[Entry, Municipality]] = []  # the plan itself is dropped once read
    left_out: list[LeftOut] = []
    errors: list[LeftOut] = []
    seen: dict[str, str] = {}
    reports: list[StatusReport] = []
    followed: dict[str, Followed] = {}  # by the plan's sha256, which a report names
    dropped: dict[str, str] = {}  # sha256 of a plan read but left out → its file
    for path in paths:
        if leaves_folder(path, folders):
            errors.append(LeftOut(file=str(path), case="not_loadable", reason=OUTSIDE))
            continue
        try:
            plan = read_one(path)
        except CapfError as exc:
            errors.append(LeftOut(file=str(path), case="not_loadable",
                                  reason=Text(da=" ".join(exc.text("da").split()),
                                              en=" ".join(exc.text("en").split()))))
            continue
        if isinstance(plan, StatusReport):
            reports.append(plan)
            continue
        code = (plan.data.get("municipality") or {}).get("code")
        if not code:
            errors.append(_row(str(path), "no_municipality_code", plan))
        elif code not in places:
            errors.append(_row(str(path), "unknown_municipality_code", plan,
                               Text(da=f"kommunekode {code}", en=f"code {code}")))
        elif code in seen:
            errors.append(_row(str(path), "duplicate_municipality_code", plan,
                               Text(da=f"kommunekode {code}, også i {seen[code]}",
                                    en=f"code {code}, also in {seen[code]}")))
        else:
            seen[code] = str(path)
            figures = plan_figures(plan.data)
            if (base := figures.base()) is None:
                left_out.append(_row(str(path), "no_1990_figure", plan))
                dropped[plan.sha256] = str(path)
            else:
                followed[plan.sha256] = Followed(code, base, shape(plan.data))
                entries.append((Entry(code, places[code].region, figures),
                                _municipality(plan, places[code], figures)))
    report_rows, report_errors = attach(reports, followed, dropped)
    left_out += report_rows
    errors += report_errors
    by_code = {f.code: f for f in followed.values()}
    entries.sort(key=lambda e: e[0].code)
    included = [entry for entry, _ in entries]
    years = years_of(included)
    national = totals(included, years, sectors=True)
    return Portfolio(
        engine=ENGINE_VERSION, as_of=as_of.isoformat(), group_by=group_by,
        inputs=len(paths) - len(reports),
        treatments=list(TREATMENTS), sources=list(SOURCES),
        municipalities=[_with_years(row, entry.figures, national, by_code[entry.code])
                        for entry, row in entries],
        left_out=left_out, errors=errors, years=national,
        groups=groups(included, years) if group_by != "none" else [],
        headlines=headlines(national), status_reports=len(reports),
        realised=realised_totals([e.code for e in included], list(by_code.values())))


def _municipality(plan: Plan, place: Place, figures: PlanFigures) -> Municipality:
    """What the tables show of a plan besides its figures; its years follow the sums."""
    data = plan.data
    inventory = data.get("inventory") or {}
    return Municipality(
        file=plan.source, code=place.code, name=plan.name, region=place.region,
        reference_year=inventory.get("reference_year"), status_year=inventory.get("status_year"),
        population=(data.get("municipality") or {}).get("population"), cases=figures.cases,
        years=[], gaps=figures.gaps)


def _with_years(row: Municipality, figures: PlanFigures, national: Sequence[YearTotal],
                followed: Followed) -> Municipality:
    """The plan's figures per year, with its share of each year's combined computed manko,
    and its status reports' realised totals."""
    by_year = {t.year: t for t in national}
    own_years = sorted({key[0] for key in figures.values})
    return row.model_copy(update={"reports": [r.source for r in followed.reports],
                                  "realised": followed.points(), "years": [
        PlanYear(year=y, inventory=figures.get(y, "inventory"), bau=figures.get(y, "bau"),
                 pathway=figures.get(y, "pathway"), target=figures.get(y, "target"),
                 manko_declared=figures.get(y, "manko_declared"),
                 manko_computed=figures.get(y, "manko_computed"),
                 manko_share=manko_share(figures, by_year[y]))
        for y in own_years]})
