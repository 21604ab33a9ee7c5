"""Where the shipped data lives: one function for wheel installs and source checkouts.

In a wheel, `rules/` and `schemas/` are mapped into `capf/_data/` (pyproject force-include).
In an editable install or a plain checkout they sit beside the package at the repository top.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # capf/, above this read/ stage


@cache
def data_dir(name: str) -> Path:
    """Return the directory of shipped data `name` ("rules" or "schemas")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"capf data directory {name!r} is missing from this installation")
