"""Figures derived from a plan are computed once per evaluation, and only within it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import yaml

from capf.engine import emissions as em
from capf.engine.emissions.records import judging

PLAN = json.loads(json.dumps(yaml.safe_load(
    (Path(__file__).parents[1] / "examples" / "vejle.yaml").read_text(encoding="utf-8")), default=str))


def test_within_one_evaluation_a_figure_is_derived_once() -> None:
    with judging(PLAN):
        first = em.manko_gaps(PLAN)
        assert em.manko_gaps(PLAN) is first
        assert em.items(PLAN, em.TARGETS) is em.items(PLAN, em.TARGETS)
        assert em.required_level(PLAN, 2030) is em.required_level(PLAN, 2030)
    assert first == em.manko_gaps(PLAN)  # the memo gives what a plain call gives


def test_the_memo_ends_with_the_evaluation_and_holds_one_plan() -> None:
    with judging(PLAN):
        inside = em.items(PLAN, em.TARGETS)
    assert em.items(PLAN, em.TARGETS) is not inside  # no cache outlives `judging`
    other = copy.deepcopy(PLAN)
    other["targets"]["emission_targets"] = []
    with judging(PLAN):
        em.items(PLAN, em.TARGETS)
        assert em.items(other, em.TARGETS) == []  # another plan is never served this one's
