"""Reading emission figures from plan data (plain JSON as in the plan schema), in t CO2e per year.

Missing data is a gap the rules report, never an exception: every function here returns None (or
a `Level` with a reason) instead of raising on a schema-valid plan. Reasons are `Phrase`s, in
English and Danish, because the rules show them in findings in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any, ParamSpec, TypeVar

from capf.text.message import Phrase

INVENTORY = "/inventory/years"
BAU = "/scenarios/bau/years"
PATHWAY = "/scenarios/action_pathway/years"
# How a message names each series: a reader of the Danish report sees no pointer in a sentence.
SERIES_NAMES = {INVENTORY: Phrase("the inventory", "klimaregnskabet"),
                BAU: Phrase("the BAU projection", "BAU-fremskrivningen"),
                PATHWAY: Phrase("the action pathway", "reduktionsstien")}
TARGETS = "/targets/emission_targets"
NET_ZERO = "/targets/net_zero_year"
SECTOR_NEUTRALITY = "/targets/sector_neutrality"
POPULATION = "/municipality/population"

Record = Mapping[str, Any]


P = ParamSpec("P")
R = TypeVar("R")
# The plan being judged and what has been derived from it: set by `judging` for one evaluate.
_JUDGED: ContextVar[tuple[Any, dict[Any, Any]] | None] = ContextVar("capf_judged", default=None)
_UNSET = object()  # not derived yet (None is a value a function may derive)


@contextmanager
def judging(root: Any) -> Iterator[None]:
    """Within it, figures derived from `root` (functions marked `per_plan`) are computed once.

    Several rules read the same records, target levels and manko (NEU-1/4/6/8); the memo lives
    only as long as one evaluation of one plan, whose data is read-only, so nothing is stale.
    """
    token = _JUDGED.set((root, {}))
    try:
        yield
    finally:
        _JUDGED.reset(token)


def per_plan(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn(plan, *args)` once per argument tuple while `judging(plan)`; a plain call otherwise.

    What it returns is shared by every caller: callers read it and never change it.
    """
    @wraps(fn)
    def derived(*args: P.args, **kwargs: P.kwargs) -> R:
        judged = _JUDGED.get()
        if judged is None or kwargs or judged[0] is not args[0]:
            return fn(*args, **kwargs)
        key = (fn, *args[1:])
        memo = judged[1]
        found = memo.get(key, _UNSET)
        if found is _UNSET:
            found = memo[key] = fn(*args, **kwargs)
        return found  # type: ignore[no-any-return]
    return derived


@dataclass(frozen=True)
class Level:
    """A level in t CO2e/yr, or `reason` why it cannot be computed; `pointers` = data looked at.

    A None level with no pointers means nothing was there to compute from (e.g. no target for
    the year) — a gap; with pointers, the data exists but is incomplete — a person must look.
    """

    tonnes: float | None
    reason: Phrase | None = None
    pointers: tuple[str, ...] = ()
    population: float | None = None  # a per-capita level: the residents it was multiplied by


def number(value: Any) -> float | None:
    """JSON numbers only: `True` is an int in Python but never a figure in a plan."""
    kind = type(value)
    if kind is float or kind is int:  # nearly every figure: decided without isinstance
        return float(value)
    if kind is bool or not isinstance(value, int | float):
        return None
    return float(value)


def get(root: Any, pointer: str) -> Any:
    """The value at a pointer of plain object keys (the fixed places this module reads), or None."""
    value = root
    for key in _keys(pointer):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


@cache
def _keys(pointer: str) -> tuple[str, ...]:
    """A fixed place's keys, split once: `get` runs for every action of a plan."""
    return tuple(pointer.strip("/").split("/"))


@per_plan
def items(root: Any, pointer: str) -> list[tuple[str, Record]]:
    """The objects of the array at `pointer` with their own pointers (array order kept)."""
    found = get(root, pointer)
    if not isinstance(found, list):
        return []
    return [(f"{pointer}/{i}", x) for i, x in enumerate(found) if isinstance(x, dict)]


def located(root: Any, pointer: str, year: int) -> tuple[str, Record] | None:
    """The first record for `year` in the array at `pointer`, with its pointer."""
    return by_year(root, pointer).get(year)


@per_plan
def by_year(root: Any, pointer: str) -> dict[Any, tuple[str, Record]]:
    """The array's records by `year`, the first for each (a dict finds 2030.0 for 2030, as ==)."""
    found: dict[Any, tuple[str, Record]] = {}
    for p, r in items(root, pointer):
        year = r.get("year")
        if not isinstance(year, list | dict):  # unhashable: equal to no year
            found.setdefault(year, (p, r))
    return found


def record_for(series: Any, year: int) -> Record | None:
    """The first record for `year`: a plan lists a year once, and a reader sees the first one."""
    records = series if isinstance(series, list) else []
    return next((r for r in records if isinstance(r, dict) and r.get("year") == year), None)


def total_of(record: Record | None) -> float | None:
    """The stated total wins: plans often leave sectors out that the total includes.

    Without total and sectors, a baseline stated per resident (`t_per_capita` with the record's
    own `population`) gives the total, as plans that only quote "8.5 t per resident" do.
    """
    if record is None:
        return None
    total = number(record.get("total"))
    if total is not None:
        return total
    sectors = record.get("sectors")
    figures = [number(v) for v in sectors.values()] if isinstance(sectors, dict) else []
    known = [v for v in figures if v is not None]
    if known:
        return sum(known)
    per_capita, population = number(record.get("t_per_capita")), number(record.get("population"))
    return None if per_capita is None or population is None else per_capita * population


def sector_value(record: Record | None, sector: str) -> float | None:
    """`total` means the whole area, so target sectors and inventory sectors share one lookup."""
    if record is None:
        return None
    if sector == "total":
        return total_of(record)
    sectors = record.get("sectors")
    return number(sectors.get(sector)) if isinstance(sectors, dict) else None


def group_value(record: Record | None, sectors: Sequence[str]) -> float | None:
    """A group of sectors (energy + transport) sums its members; one missing leaves it unknown."""
    values = [sector_value(record, s) for s in sectors]
    known = [v for v in values if v is not None]
    return sum(known) if values and len(known) == len(values) else None


@per_plan
def scenario_level(plan: Any, pointer: str, year: int) -> Level:
    """A scenario's total for a year as a `Level`, so checks treat pathways and targets alike."""
    found = located(plan, pointer, year)
    name = SERIES_NAMES.get(pointer) or Phrase(pointer, pointer)
    if found is None:
        return Level(None, Phrase(f"no figure for {year} in {name.en}",
                                  f"intet tal for {year} i {name.da}"))
    total = total_of(found[1])
    reason = None if total is not None else Phrase(f"no total for {year} in {name.en}",
                                                   f"ingen total for {year} i {name.da}")
    return Level(total, reason, (found[0],))
