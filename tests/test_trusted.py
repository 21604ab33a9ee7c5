"""Models the engine builds without validation (Model.trusted) are what validation would build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from capf.engine.evaluator import evaluate
from capf.engine.ruleset import BUILTIN_PROFILES, load_ruleset
from capf.model.verdict import Counts, Result, Verdict
from capf.read.plan import load_plan

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.yaml"))


def same(built: BaseModel, validated: BaseModel) -> None:
    """Equal field by field, with the same types all the way down (1 == 1.0 would hide a float)."""
    assert type(built) is type(validated)
    for name in type(built).model_fields:
        mine, theirs = getattr(built, name), getattr(validated, name)
        if isinstance(mine, BaseModel):
            same(mine, theirs)
        elif isinstance(mine, list) and mine and isinstance(mine[0], BaseModel):
            for a, b in zip(mine, theirs, strict=True):
                same(a, b)
        else:
            assert type(mine) is type(theirs) and mine == theirs, f"{type(built).__name__}.{name}"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("profile", BUILTIN_PROFILES)
def test_verdicts_built_unvalidated_validate_to_themselves(path: Path, profile: str) -> None:
    plan = load_plan(path)
    verdict = evaluate(plan, load_ruleset(profile), as_of=date(2026, 1, 1))
    again = Verdict.model_validate_json(verdict.model_dump_json())
    same(verdict, again)


def test_a_trusted_model_needs_every_field() -> None:
    with pytest.raises(TypeError, match="needs every field"):
        Result.trusted(rule="X")
    assert Counts.trusted(passed=1, fail=0, needs_review=0, waived=0, error=0,
                          not_applicable=0) == Counts.of(["pass"])
