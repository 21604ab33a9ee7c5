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

from capf.model.errors import CapfError
from capf.read.document import Document, from_mapping, parse_text
from capf.read.plan import Plan, canonical_json
from capf.read.schema import MAX_PROBLEMS, longest_list, problems
from capf.read.workbook_file import read_document
from capf.text.errors import said


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
        raise InvalidStatus(said("empty_status", source=document.source), source=document.source)
    found = problems("status", data)
    if found:
        located = tuple(replace(p, line=document.line_of(p.pointer), cell=document.cell_of(p.pointer))
                        for p in found)
        raise InvalidStatus(located[0].located(document.source, len(located) - 1,
                                        at_least=len(located) >= MAX_PROBLEMS),
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
            raise InvalidStatus(said("follows_other", source=report.source,
                                     follows=report.plan_sha256[:12], plan=plan.source,
                                     sha=plan.sha256[:12]), source=report.source)
    ordered = sorted(reports, key=lambda r: r.year)
    for before, after in pairwise(ordered):
        if before.year == after.year:
            raise InvalidStatus(said("same_year", source=after.source, year=str(after.year),
                                     other=before.source), source=after.source)
    return ordered
