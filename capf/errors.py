"""Exceptions for bad input. A plan's gaps are results, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located by JSON Pointer and, when known, line."""

    pointer: str
    message: str
    line: int | None = None

    def where(self, source: str) -> str:
        line = f":{self.line}" if self.line is not None else ""
        pointer = self.pointer or "/"
        return f"{source}{line} at {pointer}"


class CapfError(Exception):
    """Base of every error capf raises for bad input or usage (CLI exit code 2)."""

    def __init__(self, message: str, *, source: str = "<input>",
                 problems: tuple[Problem, ...] = ()) -> None:
        self.source = source
        self.problems = problems
        super().__init__(message)


class InvalidDocument(CapfError):
    """A file could not be parsed safely (syntax, duplicate keys, aliases, limits)."""


class InvalidPlan(CapfError):
    """A plan document does not match the plan schema."""


class InvalidRules(CapfError):
    """A rule file or profile is malformed (unknown check, option, placeholder …)."""


class InvalidWaivers(CapfError):
    """A waiver file is malformed (missing reason or expiry, unknown rule …)."""


class UsageError(CapfError):
    """The command line or API was called with arguments that cannot work."""
