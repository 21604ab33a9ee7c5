"""Loading a status report (the yearly follow-up of a plan): parse, validate, tie it to its plan.

The same safe reader and closed-registry validator as plans. A report names the plan it follows
by the plan's sha256, so `follows_plan` refuses a report written for another version of the plan
instead of judging one plan's progress against another plan's actions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from capf.model.errors import CapfError, Problem
from capf.read.document import Document, from_mapping, parse_text
from capf.read.plan import Plan, canonical_json
from capf.read.schema import longest_list, more_problems, problems
from capf.read.workbook_file import read_document


class InvalidStatus(CapfError):
    """A status report does not match the status schema, or follows another plan."""


@dataclass(frozen=True)
class StatusReport:
    """A schema-valid status report. `data` is plain JSON data; treat it as read-only."""

    data: dict[str, Any]
    source: str
    sha256: str

    @property
    def year(self) -> int:
        year: int = self.data["reporting_year"]  # required by the schema
        return year

    @property
    def plan_sha256(self) -> str:
        sha: str = self.data["follows"]["plan_sha256"]  # required by the schema
        return sha


def load_status(report: str | Path | Mapping[str, Any], *, source: str | None = None) -> StatusReport:
    """Read, parse and validate a status report (a path, YAML/JSON text or a mapping).

    Raises InvalidDocument or InvalidStatus (both CapfError) naming the file and the place.
    """
    if isinstance(report, Mapping):
        document = from_mapping(report, source or "<mapping>")
    elif isinstance(report, str) and ("\n" in report or report.lstrip().startswith("{")):
        document = parse_text(report, source or "<string>",
                              json_syntax=report.lstrip().startswith("{"),
                              max_items=longest_list("status"))
    else:  # parsed with the schema's own list bound: a 16 MB list is refused at item 5,001
        document = read_document(Path(report), "status", max_items=longest_list("status"))
        document = replace(document, source=source) if source else document
    return status_from_document(document)


def status_from_document(document: Document) -> StatusReport:
    data = document.data
    if data is None:
        raise InvalidStatus(f"{document.source}: the document is empty (start from "
                            "`capf init --status PLAN`)", source=document.source)
    found = problems("status", data)
    if found:
        located = tuple(Problem(p.pointer, p.message, document.line_of(p.pointer),
                                document.cell_of(p.pointer)) for p in found)
        first = located[0]
        more = more_problems(len(located))
        raise InvalidStatus(f"{first.where(document.source)}: {first.message}{more}",
                            source=document.source, problems=located)
    assert isinstance(data, dict)
    return StatusReport(data=data, source=document.source,
                        sha256=hashlib.sha256(canonical_json(data)).hexdigest())


def follows_plan(plan: Plan, reports: list[StatusReport]) -> list[StatusReport]:
    """The reports in reporting-year order, once it is sure that each follows `plan`.

    Refuses (InvalidStatus) a report whose plan_sha256 is not the plan's, and two reports for
    the same year (which one counts would be a guess).
    """
    for report in reports:
        if report.plan_sha256 != plan.sha256:
            raise InvalidStatus(
                f"{report.source}: at /follows/plan_sha256: the report follows plan "
                f"{report.plan_sha256[:12]}…, not {plan.source} ({plan.sha256[:12]}…); write "
                "the report for this plan version (`capf init --status PLAN`)",
                source=report.source)
    ordered = sorted(reports, key=lambda r: r.year)
    for before, after in pairwise(ordered):
        if before.year == after.year:
            raise InvalidStatus(f"{after.source}: at /reporting_year: {after.year} is also the "
                                f"year of {before.source}; give one report per year",
                                source=after.source)
    return ordered
