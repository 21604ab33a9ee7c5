"""`as_of` through the API: a `datetime` is a `date` to Python and to mypy, so a tool that
passes `datetime.now()` gets the verdict of that day, not rules that crash on date arithmetic.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import capf

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 1, 1)


def _json(verdict: capf.Verdict) -> str:
    return verdict.model_dump_json()


def test_a_datetime_as_of_judges_that_day() -> None:
    plan = capf.load_plan(ROOT / "examples" / "vejle.yaml")
    expected = _json(capf.evaluate(plan, as_of=DAY))
    for moment in (datetime(2026, 1, 1, 12, 30), datetime(2026, 1, 1, 23, 59, tzinfo=UTC)):
        verdict = capf.evaluate(plan, as_of=moment)
        assert [r.rule for r in verdict.results if r.outcome == "error"] == []
        assert verdict.as_of == "2026-01-01"
        assert _json(verdict) == expected


def test_a_datetime_as_of_judges_waivers_and_the_follow_up_by_that_day(tmp_path: Path) -> None:
    plan = capf.load_plan(ROOT / "examples" / "odder.yaml")
    waiver_file = tmp_path / "dispensationer.yaml"
    waiver_file.write_text("waivers:\n- rule: NEU-1-inventory-cadence\n  reason: Nyt "
                           "klimaregnskab på vej.\n  expires: 2026-06-30\n", encoding="utf-8")
    waivers = capf.load_waivers(waiver_file)
    assert _json(capf.evaluate(plan, as_of=datetime(2026, 1, 1, 8), waivers=waivers)) == \
        _json(capf.evaluate(plan, as_of=DAY, waivers=waivers))
    reports = [capf.load_status(p) for p in sorted((ROOT / "examples" / "status").glob("odder-*"))]
    follow_up = capf.evaluate_follow_up(plan, reports, as_of=datetime(2026, 1, 1, 8))
    assert [r.rule for r in follow_up.results if r.outcome == "error"] == []
    assert _json(follow_up) == _json(capf.evaluate_follow_up(plan, reports, as_of=DAY))


def test_a_text_as_of_is_a_type_error_that_says_what_to_pass() -> None:
    plan = capf.load_plan(ROOT / "examples" / "vejle.yaml")
    with pytest.raises(TypeError, match=r"as_of must be a datetime\.date.*not str"):
        capf.evaluate(plan, as_of="2026-01-01")  # type: ignore[arg-type]
