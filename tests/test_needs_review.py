"""An essential item only a person can settle: the verdict says `needs_review`, `capf check`
exits 1 (a CI gate never goes green on it), and a waiver — the person's decision — settles it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from capf import evaluate, load_plan, load_ruleset
from capf.cli import main
from capf.read.waiver import load_waivers
from capf.render.terminal import verdict_text

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
AS_OF = date(2026, 1, 1)

PROFILE = """\
id: review-test
version: "1"
title: {en: "dk2020 plus one rule a person must settle", da: "dk2020 og én regel til vurdering"}
extends: dk2020
rules: ["*.yaml"]
"""
# compare against a date the plan does not state: the data cannot settle it → needs_review
RULE = """\
id: GOV-2-settled-by-a-person
criterion: GOV-2
element: governance
level: essential
title: {en: "Adopted after the hearing", da: "Vedtaget efter høringen"}
rationale: {en: "Test rule.", da: "Testregel."}
select: /plan/adopted/date
check: {compare: {op: ge, to: /plan/hearing_ended}}
message: {en: "Adopted {value}; hearing end not stated.", da: "Vedtaget {value}; høring ikke angivet."}
remedy: {en: "State when the hearing ended.", da: "Angiv, hvornår høringen sluttede."}
source: {framework: "test", ref: "test", confidence: verified}
examples:
  pass: [{plan: {adopted: {date: "2021-01-01"}, hearing_ended: "2020-12-01"}}]
  fail: [{plan: {adopted: {date: "2020-01-01"}, hearing_ended: "2020-12-01"}}]
"""


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (folder / "GOV-2-settled-by-a-person.yaml").write_text(RULE, encoding="utf-8")
    return folder / "profile.yaml"


def _waivers(tmp_path: Path, expires: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(f"""waivers:
  - rule: GOV-2-settled-by-a-person
    reason: "Høringen sluttede 1. december 2020 (referat fra byrådet)."
    expires: "{expires}"
""", encoding="utf-8")
    return path


def test_an_essential_review_item_is_not_an_observation(profile: Path) -> None:
    verdict = evaluate(load_plan(ODDER), load_ruleset(profile), as_of=AS_OF)
    result = verdict.result("GOV-2-settled-by-a-person")
    assert result is not None and result.outcome == "needs_review"
    assert not [r for r in verdict.results if r.level == "essential" and r.outcome == "fail"]
    assert verdict.status == "needs_review"
    assert verdict_text(verdict, "da").startswith("Odder Kommune: KRÆVER VURDERING")
    assert verdict_text(verdict, "en").startswith("Odder Kommune: NEEDS REVIEW")


def test_check_exits_1_on_needs_review(profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(ODDER), "--profile", str(profile), "--as-of", "2026-01-01",
                 "--lang", "da"])
    assert code == 1
    assert "KRÆVER VURDERING" in capsys.readouterr().out


def test_a_waiver_settles_the_review_item(profile: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    waivers = _waivers(tmp_path, "2026-06-30")
    verdict = evaluate(load_plan(ODDER), load_ruleset(profile), as_of=AS_OF,
                       waivers=load_waivers(waivers))
    result = verdict.result("GOV-2-settled-by-a-person")
    assert result is not None and result.outcome == "waived"
    assert verdict.status == "compliant_with_observations"
    code = main(["check", str(ODDER), "--profile", str(profile), "--as-of", "2026-01-01",
                 "--waivers", str(waivers)])
    assert code == 0, capsys.readouterr().out


def test_an_expired_waiver_leaves_it_needing_review(profile: Path, tmp_path: Path) -> None:
    verdict = evaluate(load_plan(ODDER), load_ruleset(profile), as_of=AS_OF,
                       waivers=load_waivers(_waivers(tmp_path, "2025-12-31")))
    result = verdict.result("GOV-2-settled-by-a-person")
    assert result is not None and result.outcome == "needs_review" and result.note is not None
    assert "needs review again" in result.note.en and "kræver igen vurdering" in result.note.da
    assert verdict.status == "needs_review"
