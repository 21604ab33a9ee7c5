"""`capf batch --jobs N`: several processes, the outputs and order of one (issue 16)."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("jobs", [1, 2])
def test_no_reports_writes_the_same_verdicts_and_links_the_overview_to_them(
        tmp_path: Path, jobs: int) -> None:
    inputs = plans(tmp_path / "plans")
    ruleset = load_ruleset("dk2020")
    full = run_batch([str(inputs)], tmp_path / "full", ruleset, as_of=AS_OF, lang="da", jobs=1)
    lean = run_batch([str(inputs)], tmp_path / "lean", ruleset, as_of=AS_OF, lang="da",
                     jobs=jobs, reports=False)
    assert lean == full
    written, with_reports = outputs(tmp_path / "lean"), outputs(tmp_path / "full")
    assert not any(name.endswith(".report.html") for name in written)
    assert {n for n in with_reports if not n.endswith(".report.html")} == set(written)
    for name in written:
        if name != "overview.html":
            assert written[name] == with_reports[name], name
    overview = written["overview.html"].decode()
    links = re.findall(r'href="([^"]+)"', overview.split("<tbody>")[1])
    judged = [r for r in full if not r.error]
    assert links == [f"{r.stem}.verdict.json" for r in judged]
    assert all((tmp_path / "lean" / link).is_file() for link in links)


def test_the_no_reports_option_reaches_the_batch(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "capf", "batch", str(EXAMPLES / "odder.yaml"),
                           "-o", str(tmp_path / "out"), "--no-reports", "--as-of", "2026-01-01"],
                          capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "odder.verdict.json", "overview.html", "summary.csv", "summary.xlsx"]
