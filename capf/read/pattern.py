"""Regular expressions from rule files, run on RE2: time linear in the text, whatever the pattern.

A rule file is untrusted input (docs/security.md). Python's `re` backtracks: `^(a+)+$` against
40 characters would take hours (measured: 24 characters 0.76 s, ×4 per 2 more). RE2 (the
google-re2 wheel) answers the same in microseconds and refuses what it cannot run in linear
time (back-references, look-around) when the rule set loads, so no plan can make a rule hang.
Python's `re` is kept only for capf's own fixed patterns.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol, cast

import re2  # type: ignore[import-untyped]

MAX_PATTERN = 500  # characters of one pattern in a rule file


class LinearPattern(Protocol):
    """What capf uses of a compiled RE2 pattern."""

    pattern: str

    def search(self, text: str) -> Any | None: ...

    def fullmatch(self, text: str) -> Any | None: ...


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own line on stderr for a bad pattern
    return options


@lru_cache(maxsize=1024)
def linear(text: str) -> LinearPattern:
    """`text` compiled by RE2; ValueError (naming what is wrong) if RE2 cannot run it."""
    if not isinstance(text, str):
        raise ValueError("a regular expression must be a string")
    if len(text) > MAX_PATTERN:
        raise ValueError(f"regular expression longer than {MAX_PATTERN} characters")
    try:
        return cast(LinearPattern, re2.compile(text, _options()))
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(
            exc.args[0], bytes) else str(exc)
        raise ValueError(f"invalid regular expression for RE2 (linear-time engine; "
                         f"no back-references or look-around): {reason}") from None
