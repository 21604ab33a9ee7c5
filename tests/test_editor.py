"""Editors (issue 15): a plan written by `capf init` names a schema the user has locally.

VS Code's YAML extension (the YAML language server) reads the first line
`# yaml-language-server: $schema=plan.schema.json`; check-jsonschema, run on the same two
files, stands in for the editor here and must flag a typo the way the editor underlines it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def capf(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args", [["init"], ["init", "--lang", "en"], ["init", "--example"]])
def test_init_names_a_schema_it_writes_beside_the_plan(args: list[str], tmp_path: Path) -> None:
    done = capf(*args, "-o", "plan.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    found = SCHEMA_LINE.match(text)
    assert found is not None
    schema = tmp_path / found.group(1)
    assert json.loads(schema.read_text(encoding="utf-8")) == \
        json.loads(capf("schema", "plan", cwd=tmp_path).stdout)
    assert capf("validate", "plan.yaml", cwd=tmp_path).returncode == 0


def test_init_keeps_a_schema_file_that_is_there(tmp_path: Path) -> None:
    (tmp_path / "plan.schema.json").write_text("{}", encoding="utf-8")
    assert capf("init", "-o", "plan.yaml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "plan.schema.json").read_text(encoding="utf-8") == "{}"


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema missing")
def test_an_editor_like_check_flags_a_typo(tmp_path: Path) -> None:
    assert capf("init", "--example", "-o", "plan.yaml", cwd=tmp_path).returncode == 0
    plan = tmp_path / "plan.yaml"

    def editor() -> subprocess.CompletedProcess[str]:
        return subprocess.run(["check-jsonschema", "--schemafile", "plan.schema.json",
                               "plan.yaml"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=120, check=False)

    clean = editor()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    text = plan.read_text(encoding="utf-8")
    assert "  net_zero_year:" in text
    plan.write_text(text.replace("  net_zero_year:", "  net_zero_yaer:", 1), encoding="utf-8")
    flagged = editor()
    assert flagged.returncode == 1
    assert "net_zero_yaer" in flagged.stdout and "plan.yaml::$.targets" in flagged.stdout


@pytest.mark.parametrize("name", ["plan", "status"])
def test_every_definition_of_the_input_schemas_has_a_title(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    titles = {name: d.get("title") for name, d in schema["$defs"].items()}
    assert all(titles.values()), titles
    assert len(set(titles.values())) == len(titles)  # distinct class names for generators
