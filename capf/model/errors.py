"""Exceptions for bad input. A plan's gaps are results, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from capf.model.pointer import pointer, shown

if TYPE_CHECKING:
    from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located by JSON Pointer and, when known, line."""

    pointer: str
    message: str
    line: int | None = None
    cell: str | None = None  # in a workbook: `Sheet!B5`

    def where(self, source: str) -> str:
        line = f":{self.line}" if self.line is not None else ""
        cell = f" {self.cell}" if self.cell else ""
        return f"{source}{line}{cell} at {shown(self.pointer)}"


class CapfError(Exception):
    """Base of every error capf raises for bad input or usage (CLI exit code 2)."""

    def __init__(self, message: str, *, source: str = "<input>",
                 problems: tuple[Problem, ...] = ()) -> None:
        self.source = source
        self.problems = problems
        super().__init__(message)


class InvalidDocument(CapfError):
    """A file could not be parsed safely (syntax, duplicate keys, aliases, limits)."""


def refuse(source: str, path: list[str | int], message: str, line: int | None = None) -> NoReturn:
    """The one way a reader refuses input: an InvalidDocument naming file, line and pointer."""
    where = f"{source}:{line}" if line is not None else source
    raise InvalidDocument(f"{where}: {message} (at {shown(pointer(path))})", source=source)


class InvalidPlan(CapfError):
    """A plan document does not match the plan schema."""


class InvalidRules(CapfError):
    """A rule file or profile is malformed (unknown check, option, placeholder …)."""


class InvalidWaivers(CapfError):
    """A waiver file is malformed (missing reason or expiry, unknown rule …)."""


class UsageError(CapfError):
    """The command line or API was called with arguments that cannot work."""


def first_problem(exc: ValidationError) -> tuple[str, str]:
    """(dotted place, message) of the most telling pydantic error.

    An unknown key explains a missing one (a typo), so it is reported first; model class
    names never reach the user.
    """
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    place = ".".join(str(p) for p in first["loc"])
    message = "expected a mapping" if first["type"] == "model_type" else first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    return place, message
