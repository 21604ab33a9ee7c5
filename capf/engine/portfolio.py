"""Judging several plans in one run, where one broken plan must not hide the others.

`capf check a b c` in CI annotates every plan it can judge; a plan that cannot be read or does
not match the schema is kept as its error, for the renderers to show at its file and line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from capf.engine.evaluator import evaluate
from capf.engine.ruleset import RuleSet
from capf.model.errors import CapfError
from capf.model.verdict import Verdict
from capf.read.plan import Plan

if TYPE_CHECKING:
    from capf.read.waiver import WaiverSet


@dataclass(frozen=True)
class Portfolio:
    """The verdicts, how long each took (seconds), and the plans that could not be judged."""

    verdicts: tuple[Verdict, ...]
    seconds: tuple[float, ...]
    broken: tuple[CapfError, ...]


def judge_each(paths: Sequence[str], load: Callable[[str], Plan], ruleset: RuleSet, *,
               as_of: date, waivers: WaiverSet | None = None) -> Portfolio:
    """Load and judge every plan in order; a CapfError while loading is kept, not raised."""
    verdicts: list[Verdict] = []
    seconds: list[float] = []
    broken: list[CapfError] = []
    for path in paths:
        try:
            plan = load(path)
        except CapfError as exc:
            broken.append(exc)
            continue
        start = time.perf_counter()
        verdicts.append(evaluate(plan, ruleset, as_of=as_of, waivers=waivers))
        seconds.append(time.perf_counter() - start)
    return Portfolio(tuple(verdicts), tuple(seconds), tuple(broken))

