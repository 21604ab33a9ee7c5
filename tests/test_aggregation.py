"""The aggregation table of capf/verdict.py's docstring, case by case."""

from __future__ import annotations

import pytest

from capf.model.verdict import criterion_status, element_status, overall_status

CRITERION = [
    ([], "not_assessed"),
    (["not_applicable"], "not_assessed"),
    (["pass"], "met"),
    (["pass", "not_applicable"], "met"),
    (["pass", "fail"], "partially_met"),
    (["pass", "needs_review"], "partially_met"),
    (["pass", "waived"], "partially_met"),
    (["fail"], "not_met"),
    (["error"], "not_met"),
    (["fail", "needs_review"], "not_met"),
    (["needs_review"], "partially_met"),
    (["waived"], "partially_met"),
    (["waived", "not_applicable"], "partially_met"),
]


@pytest.mark.parametrize(("outcomes", "status"), CRITERION)
def test_criterion_status(outcomes: list[str], status: str) -> None:
    assert criterion_status(outcomes) == status


ELEMENT = [
    ([], "not_assessed"),
    (["not_assessed"], "not_assessed"),
    (["met", "met", "not_assessed"], "met"),
    (["not_met", "not_met"], "not_met"),
    (["met", "not_met"], "partially_met"),
    (["partially_met"], "partially_met"),
]


@pytest.mark.parametrize(("statuses", "status"), ELEMENT)
def test_element_status(statuses: list[str], status: str) -> None:
    assert element_status(statuses) == status  # type: ignore[arg-type]


OVERALL = [
    ("all pass", [("essential", "pass"), ("recommended", "pass")], "compliant"),
    ("not applicable is neutral", [("essential", "pass"), ("essential", "not_applicable")],
     "compliant"),
    ("essential fail", [("essential", "fail"), ("recommended", "pass")], "non_compliant"),
    ("error in an essential rule fails closed", [("essential", "error")], "non_compliant"),
    ("recommended fail is an observation", [("essential", "pass"), ("recommended", "fail")],
     "compliant_with_observations"),
    ("recommended error", [("recommended", "error")], "compliant_with_observations"),
    ("needs review", [("essential", "needs_review")], "compliant_with_observations"),
    ("waived essential fail is never a pass", [("essential", "waived")],
     "compliant_with_observations"),
    ("an expired waiver leaves the fail", [("essential", "fail")], "non_compliant"),
    ("nothing judged", [], "compliant"),
]


@pytest.mark.parametrize(("results", "status"), [pytest.param(r, s, id=i) for i, r, s in OVERALL])
def test_overall_status(results: list[tuple[str, str]], status: str) -> None:
    assert overall_status(results) == status
