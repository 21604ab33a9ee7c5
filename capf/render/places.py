"""Where a finding stands: the file a verdict's JSON Pointer points into, and its line or cell.

A plan verdict's pointers point into its plan. A follow-up verdict (capf.engine.follow_up)
judged one document, `{"plan": …, "status": <latest report>, "statuses": [every report]}`, so
its pointers start with /plan, /status or /statuses/N: each is taken back to the file it came
from, so a SARIF result or a terminal line names the status report's line or cell, never a line
of the plan that happens to answer the rest of the pointer. Each file is read once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from capf.model.errors import CapfError
from capf.model.verdict import Verdict
from capf.read.document import read_file
from capf.read.workbook_file import CellOf, cell_lookup, is_workbook

LineOf = Callable[[str], int | None]


@dataclass(frozen=True)
class Place:
    """A pointer within one file: `source` (a plan or a status report, `kind`)."""

    source: str
    kind: str
    pointer: str


class Places:
    """The places, lines and cells of one verdict's pointers."""

    def __init__(self, verdict: Verdict) -> None:
        self._plan = verdict.plan.source
        self._reports = [r.source for r in verdict.reports] if verdict.reports else None
        self._lines: dict[str, LineOf] = {}
        self._cells: dict[tuple[str, str], CellOf] = {}

    @property
    def sources(self) -> list[str]:
        """The files the verdict was judged from: the plan, then its status reports."""
        return [self._plan, *(self._reports or [])]

    def of(self, pointer: str) -> Place:
        if self._reports is None:
            return Place(self._plan, "plan", pointer)
        head, _, rest = pointer[1:].partition("/")
        if head == "statuses":
            number, _, rest = rest.partition("/")
            if number.isdigit() and int(number) < len(self._reports):
                return Place(self._reports[int(number)], "status", _rooted(rest))
        elif head == "status":
            return Place(self._reports[-1], "status", _rooted(rest))
        elif head == "plan":
            return Place(self._plan, "plan", _rooted(rest))
        return Place(self._plan, "plan", "")  # the whole document: the plan stands for it

    def line(self, pointer: str) -> tuple[Place, int | None]:
        """The pointer's place and its line in that file (none in a workbook or an unread file)."""
        place = self.of(pointer)
        if place.source not in self._lines:
            self._lines[place.source] = _line_lookup(place.source)
        return place, self._lines[place.source](place.pointer)

    def cell(self, pointer: str, *, named: bool = False) -> str | None:
        """`Sheet!B5` of a pointer into a workbook; `named`: with the file's name before it when
        the verdict read several files (a follow-up), so a reader knows which workbook."""
        return self.cell_at(self.of(pointer), named=named)

    def cell_at(self, place: Place, *, named: bool = False) -> str | None:
        """`cell` of a place already found (one lookup function per file: a workbook's file
        is looked at once, not once per pointer)."""
        source = (place.source, place.kind)
        if source not in self._cells:
            self._cells[source] = cell_lookup(*source)
        cell = self._cells[source](place.pointer)
        if cell is None or not named or self._reports is None:
            return cell
        return f"{Path(place.source).name}, {cell}"


def _rooted(rest: str) -> str:
    return "/" + rest if rest else ""


def _line_lookup(source: str) -> LineOf:
    if is_workbook(Path(source)):  # no lines: the cell says where
        return lambda _pointer: None
    try:
        document = read_file(Path(source))
    except CapfError:  # not a file (e.g. a mapping given through the API): no lines, no failure
        return lambda _pointer: None
    return document.line_of
