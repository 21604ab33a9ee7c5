"""Municipality code → name and region, from the list shipped beside this module.

The list (municipalities.csv, provenance in municipalities.md) ships as package data, so a
portfolio places every plan without a network or a guess: a code not in it is an error row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LIST = Path(__file__).with_name("municipalities.csv")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    region: str


@cache
def municipalities() -> dict[str, Place]:
    """The 98 municipalities by their 3-digit code (e.g. '630' → Vejle, Region Syddanmark)."""
    with LIST.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: Place(row["code"], row["name"], row["region"])
                for row in csv.DictReader(handle)}


def regions(places: dict[str, Place] | None = None) -> list[str]:
    """The regions in name order (each one is also one DGO)."""
    return sorted({p.region for p in (places or municipalities()).values()})
