"""A plan's stage (draft / adopted / approved): a draft is judged on its content, not on the
council adoption and C40/CONCITO approval it has not had yet (GOV-2, design.md §2)."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from capf import evaluate, load_plan, load_ruleset
from capf.cli import main
from capf.model.verdict import Verdict
from capf.read.plan import staged

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
AS_OF = date(2026, 1, 1)
GOV2 = ("GOV-2-council-adoption", "GOV-2-approval-dated")


def odder(**plan: Any) -> dict[str, Any]:
    """Odder's plan with `plan` keys replaced (None removes a key)."""
    data = yaml.safe_load(ODDER.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for key, value in plan.items():
        if value is None:
            data["plan"].pop(key, None)
        else:
            data["plan"][key] = value
    return data


def judged(data: dict[str, Any], profile: str = "dk2020") -> Verdict:
    return evaluate(load_plan(data), load_ruleset(profile), as_of=AS_OF)


def outcomes(verdict: Verdict) -> dict[str, str]:
    return {rule: verdict.result(rule).outcome for rule in GOV2}  # type: ignore[union-attr]


def test_a_complete_draft_can_be_compliant() -> None:
    # Odder's content, before the council and C40/CONCITO have seen it
    verdict = judged(odder(stage="draft", adopted=None, approved=None))
    assert outcomes(verdict) == dict.fromkeys(GOV2, "not_applicable")
    assert verdict.status in ("compliant", "compliant_with_observations")


def test_without_a_stage_the_plan_is_judged_as_final() -> None:
    verdict = judged(odder(adopted=None, approved=None))
    assert outcomes(verdict) == dict.fromkeys(GOV2, "fail")
    assert verdict.status == "non_compliant"


def test_an_adopted_plan_must_show_the_adoption_not_yet_the_approval() -> None:
    assert outcomes(judged(odder(stage="adopted", approved=None))) == {
        "GOV-2-council-adoption": "pass", "GOV-2-approval-dated": "not_applicable"}
    assert outcomes(judged(odder(stage="adopted", adopted=None, approved=None))) == {
        "GOV-2-council-adoption": "fail", "GOV-2-approval-dated": "not_applicable"}


def test_an_approved_plan_must_show_both() -> None:
    assert outcomes(judged(odder(stage="approved"))) == dict.fromkeys(GOV2, "pass")
    assert outcomes(judged(odder(stage="approved", approved=None)))["GOV-2-approval-dated"] == \
        "fail"


def test_a_draft_keeps_every_content_rule() -> None:
    final = judged(odder())
    draft = judged(odder(stage="draft", adopted=None, approved=None))
    changed = {r.rule for r in draft.results
               if r.outcome != final.result(r.rule).outcome}  # type: ignore[union-attr]
    # GOV-10-revision-due counts five years from the adoption: a draft has none to count from
    assert changed <= {*GOV2, "GOV-10-revision-due"}


def test_staged_sets_the_stage_and_hashes_the_judged_document() -> None:
    plan = load_plan(odder())
    draft = staged(plan, "draft")
    assert draft.data["plan"]["stage"] == "draft" and "stage" not in plan.data["plan"]
    assert draft.sha256 != plan.sha256 and draft.source == plan.source
    assert staged(plan, None) is plan


@pytest.mark.parametrize("command", ["check", "report", "checklist"])
def test_stage_option_judges_a_draft(command: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "udkast.yaml"
    path.write_text(yaml.safe_dump(odder(adopted=None, approved=None), allow_unicode=True),
                    encoding="utf-8")
    out = [] if command == "check" else ["-o", str(tmp_path / "out.md")]
    base = [command, str(path), "--as-of", "2026-01-01", *out]
    if command == "check":
        assert main(base) == 1
        assert "MANGEL      GOV-2-council-adoption" in capsys.readouterr().out
        assert main([*base, "--stage", "draft"]) == 0
        assert "GOV-2-council-adoption" not in capsys.readouterr().out.split("\n\n")[-1]
    else:
        assert main([*base, "--stage", "draft"]) == 0
        text = (tmp_path / "out.md").read_text(encoding="utf-8")
        assert "GOV-2-council-adoption" in text
        assert main(base) == 0
        assert (tmp_path / "out.md").read_text(encoding="utf-8") != text


def test_stage_option_in_batch(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "udkast.yaml").write_text(
        yaml.safe_dump(odder(adopted=None, approved=None), allow_unicode=True), encoding="utf-8")
    assert main(["batch", str(folder), "-o", str(tmp_path / "out"), "--as-of", "2026-01-01"]) == 1
    assert main(["batch", str(folder), "-o", str(tmp_path / "out2"), "--as-of", "2026-01-01",
                 "--stage", "draft"]) == 0


def test_an_unknown_stage_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ODDER), "--stage", "vedtaget"]) == 2
    data = odder(stage="vedtaget")
    with pytest.raises(Exception, match="stage"):
        load_plan(data)
