"""`capf batch --jobs N`: several processes, the outputs and order of one (issue 16)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from capf.batch import run_batch
from capf.engine.ruleset import load_ruleset

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AS_OF = date(2026, 1, 1)


def plans(folder: Path) -> Path:
    folder.mkdir()
    for i in range(3):  # copies under other names, so there are more plans than processes
        for plan in sorted(EXAMPLES.glob("*.yaml")):
            shutil.copy(plan, folder / f"{plan.stem}-{i}.yaml")
    (folder / "broken.yaml").write_text("schema_version: '1'\nmunicipality: [\n", encoding="utf-8")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    # summary.xlsx is a zip with its own timestamps; its rows are summary.csv's
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".xlsx"}


@pytest.mark.parametrize("jobs", [2, 3])
def test_several_processes_write_what_one_writes_in_the_same_order(tmp_path: Path,
                                                                   jobs: int) -> None:
    inputs = plans(tmp_path / "plans")
    ruleset = load_ruleset("dk2020")
    one = run_batch([str(inputs)], tmp_path / "one", ruleset, as_of=AS_OF, lang="da", jobs=1)
    many = run_batch([str(inputs)], tmp_path / "many", ruleset, as_of=AS_OF, lang="da",
                     jobs=jobs)
    assert many == one
    assert [Path(r.file).name for r in one][:2] == ["broken.yaml", "fjordby-draft-0.yaml"]
    assert one[0].error and not any(r.error for r in one[1:])
    assert outputs(tmp_path / "many") == outputs(tmp_path / "one")
    assert len(outputs(tmp_path / "one")) == 2 + 2 * (len(one) - 1)  # broken: a row only


def test_jobs_is_a_number_of_processes(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "capf", "batch", str(EXAMPLES / "odder.yaml"),
                           "-o", str(tmp_path / "out"), "--jobs", "0"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "'0'" in done.stderr
