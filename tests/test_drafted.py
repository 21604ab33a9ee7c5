"""Leaving out the optional `plan.drafted` never switches a check off silently: rules that date
the plan by its draft fall back to the adoption date, or say needs_review."""

from __future__ import annotations

from datetime import date

import pytest

from capf import evaluate, load_plan, load_ruleset
from capf.model.verdict import Verdict
from tests.test_stage import odder

AS_OF = date(2026, 1, 1)
PROFILES = ("c40-capf-2020", "dk2020", "klimaalliancen-2024")


def judged(data: dict, profile: str = "dk2020") -> Verdict:  # type: ignore[type-arg]
    return evaluate(load_plan(data), load_ruleset(profile), as_of=AS_OF)


@pytest.mark.parametrize("profile", PROFILES)
def test_no_rule_goes_quiet_without_a_draft_date(profile: str) -> None:
    with_date, without = judged(odder(), profile), judged(odder(drafted=None), profile)
    quiet = [r.rule for r in without.results
             if r.outcome == "not_applicable"
             and with_date.result(r.rule).outcome != "not_applicable"]  # type: ignore[union-attr]
    assert quiet == []


@pytest.mark.parametrize("profile", PROFILES)
def test_an_approved_plan_without_a_draft_date_is_judged_the_same(profile: str) -> None:
    with_date, without = judged(odder(), profile), judged(odder(drafted=None), profile)
    assert without.status == with_date.status
    assert {r.rule: r.outcome for r in without.results} == \
        {r.rule: r.outcome for r in with_date.results}


def _inventory_recent(data: dict) -> str:  # type: ignore[type-arg]
    found = judged(data).result("NEU-1-inventory-recent")
    assert found is not None
    return found.outcome


def test_the_adoption_date_stands_in_for_the_draft_date() -> None:
    # Odder's status year is 2018; adopted 2021-11-29: 2021 - 3 = 2018 → pass
    assert _inventory_recent(odder(drafted=None)) == "pass"
    assert _inventory_recent(odder(drafted=None, adopted={"date": "2022-02-01",
                                                          "body": "byraad"})) == "fail"


def test_a_draft_date_is_used_when_given() -> None:
    # drafted 2022-01-10 is too late for a 2018 inventory even though adoption is not checked
    assert _inventory_recent(odder(drafted="2022-01-10")) == "fail"
    assert _inventory_recent(odder(drafted="2021-06-30", adopted={"date": "2023-01-01",
                                                                  "body": "byraad"})) == "pass"


def test_neither_date_needs_review() -> None:
    assert _inventory_recent(odder(stage="draft", drafted=None, adopted=None,
                                   approved=None)) == "needs_review"
