"""pre-commit runs capf's hooks (.pre-commit-hooks.yaml) in a temporary plan repository.

`pre-commit try-repo` installs capf from this checkout into its own virtualenv, as a plan
repository's `.pre-commit-config.yaml` would from the project URL, then runs both hooks on one
good and one schema-invalid plan. Installing needs the package index; without it the test is
skipped with pre-commit's reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def test_both_hooks_run_through_pre_commit(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extras")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and capf as a git checkout")
    plans = tmp_path / "plans"
    plans.mkdir()
    git("init", "-q", cwd=plans)
    shutil.copy(ROOT / "examples" / "odder.yaml", plans / "odder.yaml")
    (plans / "broken.yaml").write_text('schema_version: "1"\nmunicipality:\n  name: 42\n',
                                       encoding="utf-8")
    git("add", ".", cwd=plans)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_NO_INPUT": "1"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                           "--files", "odder.yaml", "broken.yaml"], cwd=plans, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    output = done.stdout + done.stderr
    if "An error has occurred" in output and "Installing environment" in output:
        pytest.skip("pre-commit could not install capf (no package index?): "
                    + output.strip().splitlines()[-1])
    assert done.returncode == 1, output
    assert "capf validate (plan schema)" in output and "capf check (DK2020" in output
    assert output.count("Failed") == 2
    assert "odder.yaml: gyldig (Odder Kommune)" in output  # validate went on past broken.yaml
    assert "Odder Kommune: OPFYLDER KRAVENE MED BEMÆRKNINGER" in output  # check judged the good one
    assert output.count("broken.yaml:3 ved /municipality/name") == 2  # Danish by default
