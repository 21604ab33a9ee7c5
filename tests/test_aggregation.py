"""The aggregation table of capf/model/verdict.py's docstring, case by case."""

from __future__ import annotations

import pytest

from capf.model.verdict import criterion_status, element_status, overall_status

E, R = "essential", "recommended"

CRITERION = [
    ([], "not_assessed"),
    ([(E, "not_applicable")], "not_assessed"),
    ([(E, "pass")], "met"),
    ([(E, "pass"), (R, "not_applicable")], "met"),
    ([(R, "pass")], "met"),
    # essential rules met, a recommended gap: an observation, not a partial fail
    ([(E, "pass"), (R, "fail")], "met_with_observations"),
    ([(E, "pass"), (R, "needs_review")], "met_with_observations"),
    ([(E, "pass"), (R, "waived")], "met_with_observations"),
    ([(E, "pass"), (R, "error")], "met_with_observations"),
    ([(E, "pass"), (E, "not_applicable"), (R, "fail")], "met_with_observations"),
    # only recommended rules: nothing essential is met, so a gap is a partial or no fulfilment
    ([(R, "pass"), (R, "fail")], "partially_met"),
    ([(R, "fail")], "not_met"),
    ([(E, "pass"), (E, "fail")], "partially_met"),
    ([(E, "pass"), (E, "needs_review")], "partially_met"),
    ([(E, "pass"), (E, "waived")], "partially_met"),
    ([(E, "fail"), (R, "pass")], "partially_met"),
    ([(E, "fail")], "not_met"),
    ([(E, "error")], "not_met"),
    ([(E, "fail"), (E, "needs_review")], "not_met"),
    ([(E, "needs_review")], "partially_met"),
    ([(E, "waived")], "partially_met"),
    ([(E, "waived"), (E, "not_applicable")], "partially_met"),
]


@pytest.mark.parametrize(("results", "status"), CRITERION)
def test_criterion_status(results: list[tuple[str, str]], status: str) -> None:
    assert criterion_status(results) == status


ELEMENT = [
    ([], "not_assessed"),
    (["not_assessed"], "not_assessed"),
    (["met", "met", "not_assessed"], "met"),
    (["met", "met_with_observations"], "met_with_observations"),
    (["met_with_observations", "not_assessed"], "met_with_observations"),
    (["not_met", "not_met"], "not_met"),
    (["met", "not_met"], "partially_met"),
    (["met_with_observations", "partially_met"], "partially_met"),
    (["partially_met"], "partially_met"),
]


@pytest.mark.parametrize(("statuses", "status"), ELEMENT)
def test_element_status(statuses: list[str], status: str) -> None:
    assert element_status(statuses) == status  # type: ignore[arg-type]


OVERALL = [
    ("all pass", [(E, "pass"), (R, "pass")], "compliant"),
    ("not applicable is neutral", [(E, "pass"), (E, "not_applicable")], "compliant"),
    ("essential fail", [(E, "fail"), (R, "pass")], "non_compliant"),
    ("error in an essential rule fails closed", [(E, "error")], "non_compliant"),
    ("essential fail outweighs review", [(E, "fail"), (E, "needs_review")], "non_compliant"),
    ("recommended fail is an observation", [(E, "pass"), (R, "fail")],
     "compliant_with_observations"),
    ("recommended error", [(R, "error")], "compliant_with_observations"),
    ("recommended needs review", [(E, "pass"), (R, "needs_review")],
     "compliant_with_observations"),
    ("essential needs review must be settled", [(E, "needs_review")], "needs_review"),
    ("essential review outweighs recommended gaps", [(E, "needs_review"), (R, "fail")],
     "needs_review"),
    ("a waived essential fail was settled by a person, never a pass", [(E, "waived")],
     "compliant_with_observations"),
    ("an expired waiver leaves the fail", [(E, "fail")], "non_compliant"),
    ("nothing judged", [], "compliant"),
]


@pytest.mark.parametrize(("results", "status"), [pytest.param(r, s, id=i) for i, r, s in OVERALL])
def test_overall_status(results: list[tuple[str, str]], status: str) -> None:
    assert overall_status(results) == status
