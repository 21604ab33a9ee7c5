"""A profile says what it judges, and a command refuses the other kind.

Plan rules read over a plan-and-status-reports document (or the reverse) fail nearly everything
and still print a verdict: `capf monitor odder.yaml odder-2023.yaml --profile dk2020` said
"IKKE PÅ RETTE KURS" with 42 failures, and `capf check odder.yaml --profile monitoring` said
"OPFYLDER IKKE KRAVENE". Both are now one line naming the profile and the command to use, exit 2.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from capf import evaluate, load_plan, load_ruleset
from capf.cli import main
from capf.engine.follow_up import evaluate_follow_up
from capf.model.errors import InvalidRules, UsageError
from capf.read.status import load_status

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "examples" / "odder.yaml")
STATUS = str(ROOT / "examples" / "status" / "odder-2023.yaml")
AS_OF = "2026-01-01"


def test_built_in_profiles_say_what_they_judge() -> None:
    assert load_ruleset("monitoring").judges == "follow_up"
    assert {load_ruleset(p).judges for p in ("c40-capf-2020", "dk2020", "klimaalliancen-2024")} \
        == {"plan"}


@pytest.mark.parametrize(("argv", "words"), [
    (["check", PLAN, "--profile", "monitoring"], "capf monitor"),
    (["checklist", PLAN, "--profile", "monitoring", "-o", "{tmp}/c.md"], "capf monitor"),
    (["report", PLAN, "--profile", "monitoring", "-o", "{tmp}/r.md"], "capf monitor"),
    (["batch", PLAN, "--profile", "monitoring", "-o", "{tmp}/out"], "capf monitor"),
    (["monitor", PLAN, STATUS, "--profile", "dk2020"], "capf check"),
    (["report", PLAN, "--status", STATUS, "--profile", "dk2020", "-o", "{tmp}/f.md"],
     "capf check"),
])
def test_a_command_refuses_a_profile_of_the_other_kind(
        argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main([*argv, "--as-of", AS_OF]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], captured.err
    profile = argv[argv.index("--profile") + 1]
    assert f"profilen {profile} vurderer" in lines[0]
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == []  # nothing written, not even the batch folder or its lock


def test_the_right_kind_still_judges(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", PLAN, "--profile", "dk2020", "--as-of", AS_OF]) in (0, 1)
    assert main(["monitor", PLAN, STATUS, "--profile", "monitoring", "--as-of", AS_OF]) in (0, 1)
    assert "Odder Kommune" in capsys.readouterr().out


def test_the_api_refuses_too() -> None:
    plan = load_plan(PLAN)
    with pytest.raises(UsageError, match="judges a plan's yearly follow-up"):
        evaluate(plan, load_ruleset("monitoring"), as_of=date(2026, 1, 1))
    with pytest.raises(UsageError, match="judges a plan, not its follow-up"):
        evaluate_follow_up(plan, [load_status(STATUS)], load_ruleset("dk2020"),
                           as_of=date(2026, 1, 1))


def _profile(folder: Path, extends: str, judges: str | None = None) -> Path:
    folder.mkdir()
    path = folder / "profile.yaml"
    stated = f"judges: {judges}\n" if judges else ""
    path.write_text(f'id: mine\nversion: "1"\ntitle: {{en: M, da: M}}\nextends: {extends}\n'
                    f"{stated}", encoding="utf-8")
    return path


def test_a_user_profile_inherits_what_its_parent_judges(tmp_path: Path) -> None:
    assert load_ruleset(_profile(tmp_path / "a", "monitoring")).judges == "follow_up"
    assert load_ruleset(_profile(tmp_path / "b", "dk2020")).judges == "plan"
    assert load_ruleset(_profile(tmp_path / "c", "monitoring", "follow_up")).judges == "follow_up"


def test_a_user_profile_may_not_change_what_its_parent_judges(tmp_path: Path) -> None:
    path = _profile(tmp_path / "a", "monitoring", "plan")
    differs = r"judges: plan differs from monitoring \(judges: follow_up\)"
    with pytest.raises(InvalidRules, match=differs) as caught:
        load_ruleset(path)
    assert str(path) in str(caught.value)
    with pytest.raises(InvalidRules, match="judges"):
        load_ruleset(_profile(tmp_path / "b", "dk2020", "nonsense"))
