"""Machine output is UTF-8 whatever the console (issue 15, Windows).

A Windows laptop redirecting `capf … > f` gives Python a cp1252 stdout; PYTHONIOENCODING=cp1252
reproduces it on any machine. Every command runs once with it and once with UTF-8 on a plan whose
name and file name hold characters cp1252 lacks (≥, ₂, →): the bytes must be the same, UTF-8, and
for JUnit match the XML declaration; `capf init > plan.yaml` must be a file capf accepts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
NAME = "Odder ≥ Kommune ₂ →"


def run(args: list[str], cwd: Path, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0",
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", ""))
                                         if p)}
    return subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=120, check=False)


def untimed(output: bytes) -> bytes:
    """JUnit's measured `time` attributes differ from run to run; nothing else may."""
    return re.sub(rb' time="[0-9.]+"', b"", output)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cp1252")
    text = ODDER.read_text(encoding="utf-8").replace("name: Odder Kommune", f"name: {NAME}", 1)
    (folder / "plan-₂.yaml").write_text(text, encoding="utf-8")
    (folder / "ny-≥.yaml").write_text(text.replace("net_zero_year: 2050", "net_zero_year: 2055"),
                                      encoding="utf-8")
    return folder


COMMANDS = {
    "check text": ["check", "plan-₂.yaml", "--as-of", "2026-01-01"],
    "check json": ["check", "plan-₂.yaml", "ny-≥.yaml", "--as-of", "2026-01-01", "--format", "json"],
    "check sarif": ["check", "plan-₂.yaml", "--as-of", "2026-01-01", "--format", "sarif"],
    "check junit": ["check", "plan-₂.yaml", "--as-of", "2026-01-01", "--format", "junit"],
    "diff text": ["diff", "plan-₂.yaml", "ny-≥.yaml", "--as-of", "2026-01-01"],
    "diff json": ["diff", "plan-₂.yaml", "ny-≥.yaml", "--as-of", "2026-01-01", "--format", "json"],
    "validate": ["validate", "plan-₂.yaml", "ny-≥.yaml"],
    "schema": ["schema", "plan"],
    "rules md": ["rules", "--format", "md"],
    "rules json": ["rules", "--format", "json"],
    "init": ["init"],
    "init en": ["init", "--lang", "en"],
    "report": ["report", "plan-₂.yaml", "-o", "rapport-₂.html", "--as-of", "2026-01-01"],
    "checklist": ["checklist", "plan-₂.yaml", "-o", "tjek-₂.csv", "--as-of", "2026-01-01"],
    "batch": ["batch", "plan-₂.yaml", "-o", "ud-₂", "--as-of", "2026-01-01"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_cp1252_redirect_gives_the_same_utf8_bytes(name: str, plans: Path) -> None:
    args = COMMANDS[name]
    windows = run(args, plans, "cp1252")
    assert windows.returncode in (0, 1), windows.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in windows.stderr
    utf8 = run(args, plans, "utf-8")
    assert untimed(windows.stdout) == untimed(utf8.stdout)
    text = windows.stdout.decode("utf-8")  # strict: a cp1252 byte would raise here
    if "-o" not in args and name not in ("validate", "diff text", "check text", "init", "init en",
                                         "schema", "rules md", "rules json"):
        assert NAME in text


def test_junit_bytes_match_the_encoding_declaration(plans: Path) -> None:
    done = run(COMMANDS["check junit"], plans, "cp1252")
    declared = re.match(rb"<\?xml [^>]*encoding=['\"]([\w-]+)['\"]", done.stdout)
    assert declared is not None and declared.group(1).lower() == b"utf-8"
    done.stdout.decode("utf-8")
    root = ET.fromstring(done.stdout)  # noqa: S314 (our own output); decodes by the declaration
    assert NAME in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_init_redirected_on_cp1252_is_a_plan_capf_accepts(lang: str, tmp_path: Path) -> None:
    done = run(["init", "--lang", lang], tmp_path, "cp1252")
    assert done.returncode == 0
    (tmp_path / "plan.yaml").write_bytes(done.stdout)
    accepted = run(["validate", "plan.yaml"], tmp_path, "cp1252")
    assert accepted.returncode == 0, accepted.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("name", ["check json", "diff json", "schema", "rules md", "init"])
def test_minus_o_writes_the_same_document_as_stdout(name: str, plans: Path) -> None:
    args = COMMANDS[name]
    printed = run(args, plans, "cp1252")
    target = plans / f"out-{name.replace(' ', '-')}.txt"
    target.unlink(missing_ok=True)
    written = run([*args, "-o", str(target)], plans, "cp1252")
    assert written.returncode == printed.returncode
    assert target.read_bytes() == printed.stdout
