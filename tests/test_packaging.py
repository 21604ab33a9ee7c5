"""The wheel carries rules, schemas and templates, and works from any directory.

An editable install of this checkout is what the rest of the suite runs on (see .ci/run); here
a real wheel is built and imported from a temporary directory, away from the source tree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                           str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        pytest.fail(f"building the wheel failed: {done.stderr[-2000:]}")
    return next(out.glob("capf-*.whl"))


def test_the_wheel_ships_data_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("capf/py.typed", "capf/_data/rules/dk2020/profile.yaml",
                   "capf/_data/rules/criteria.yaml", "capf/_data/schemas/plan.schema.json",
                   "capf/_data/schemas/verdict.schema.json",
                   "capf/_data/schemas/portfolio.schema.json",
                   "capf/portfolio/municipalities.csv", "capf/portfolio/municipalities.md",
                   "capf/render/templates/portfolio.html.j2", "capf/engine/prebuilt.json"):
        assert needed in names, needed
    assert any(n.startswith("capf/render/templates/") for n in names)
    rule_files = [n for n in names if n.startswith("capf/_data/rules/") and "/NEU-5-" in n]
    assert rule_files


def test_the_installed_wheel_judges_a_plan_from_another_directory(
        wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(wheel)], check=True, timeout=300, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import capf, capf.read.resources as r, capf.engine.prebuilt as p, datetime;"
            "assert str(r.data_dir('rules')).startswith({!r}), r.data_dir('rules');"
            "assert p.parsed(r.data_dir('rules') / 'dk2020' / 'profile.yaml') is not None;"
            "v = capf.evaluate(capf.load_plan({!r}), as_of=datetime.date(2026, 1, 1));"
            "print(v.status)").format(str(site), str(ROOT / "examples" / "vejle.yaml"))
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("compliant", "compliant_with_observations")


def test_the_wheel_has_complete_metadata_and_the_licence(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    assert "capf/_data/examples/odder.yaml" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    for needed in ("License-Expression: MIT", "Requires-Python: >=3.11", "Author: ",
                   "Keywords: ", "Project-URL: Homepage, https://", "Project-URL: Documentation",
                   "Classifier: Natural Language :: Danish", "Requires-Dist: openpyxl"):
        assert needed in metadata, needed


def test_after_install_init_example_and_help_need_no_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), str(wheel)], check=True, timeout=300, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "capf", *args], cwd=elsewhere, env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    assert run("init", "--example", "-o", "plan.yaml").returncode == 0
    judged = run("check", "plan.yaml", "--as-of", "2026-01-01")
    assert judged.returncode == 0 and judged.stdout.startswith("Odder Kommune: OPFYLDER KRAVENE")
    helps = [run("--help").stdout] + [run(c, "--help").stdout for c in (
        "check", "report", "checklist", "batch", "diff", "init", "validate", "rules", "schema")]
    for text in helps:  # a docs/ path is only a URL or a file the example writes itself
        for found in re.finditer(r"\S*docs/\S+", text):
            assert found.group().startswith(("https://", "docs/rules.md", "docs/rules.da.md")), \
                found.group()
    assert "vejledning: https://" in helps[0]  # Danish by default
