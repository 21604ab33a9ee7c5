"""`capf check` loads what it runs and nothing else (behaviour: which modules are imported).

How long start-up takes is measured in bench/goals.py, never asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VEJLE = ROOT / "examples" / "vejle.yaml"

# The same as `capf check ...`, in a fresh interpreter, then the names of every loaded module
_RUN = """
import contextlib, io, json, sys
from capf.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""

# Renderers, workbook reading and writing, waivers, status reports, batch, portfolio, documents
NEVER_FOR_CHECK = ("jinja2", "markupsafe", "openpyxl", "xml.etree.ElementTree",
                   "capf.batch", "capf.portfolio", "capf.docs", "capf.cli.documents",
                   "capf.cli.conversion", "capf.engine.diff", "capf.engine.follow_up",
                   "capf.read.status", "capf.read.waiver", "capf.read.workbook",
                   "capf.read.workbook_zip", "capf.read.workbook_cells", "capf.render.report",
                   "capf.render.page", "capf.render.checklist", "capf.render.sarif",
                   "capf.render.junit", "capf.render.summary", "capf.render.workbook",
                   "capf.render.chart")


def loaded(*args: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout)
    return code, set(modules)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_of_a_valid_plan_loads_no_renderer_workbook_or_waiver_module(fmt: str) -> None:
    code, modules = loaded("check", str(VEJLE), "--as-of", "2026-01-01", "--format", fmt)
    assert code == 0
    assert "capf.engine.evaluator" in modules  # it did judge the plan
    assert sorted(modules & set(NEVER_FOR_CHECK)) == []


@pytest.mark.parametrize("profile", ["dk2020", "c40-capf-2020", "klimaalliancen-2024"])
def test_check_of_a_valid_plan_never_imports_python_jsonschema_with_the_fast_extra(
        profile: str) -> None:
    pytest.importorskip("jsonschema_rs", reason="the `fast` extra (jsonschema-rs) is not installed")
    code, modules = loaded("check", str(VEJLE), "--as-of", "2026-01-01", "--profile", profile)
    assert code == (1 if profile == "klimaalliancen-2024" else 0)  # judged (vejle is a DK2020 plan)
    assert "jsonschema_rs" in modules  # the plan and the rules' schema fragments were checked
    slow = ("jsonschema", "referencing", "jsonschema_specifications", "rpds", "attrs")
    assert sorted(m for m in modules if m.split(".")[0] in slow) == []


# What only judging needs: the models, the engine, the validators, the renderers
ONLY_FOR_JUDGING = ("pydantic", "jsonschema", "jsonschema_rs", "referencing", "jinja2",
                    "capf.model.rule", "capf.model.verdict", "capf.render.terminal")
NAMES_ONLY = {"capf.engine", "capf.engine.profile_names", "capf.engine.release", "capf.render",
              "capf.render.formats"}


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_load_no_engine_model_or_validator(flag: str) -> None:
    done = subprocess.run([sys.executable, "-c", _RUN.replace("redirect_stdout(io.StringIO())",
                                                              "redirect_stdout(sys.stderr)"), flag],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    code, modules = json.loads(done.stdout)
    assert code == 0
    assert ("capf " if flag == "--version" else "brug: capf") in done.stderr  # it did answer (in Danish)
    assert sorted(m for m in modules if m.split(".")[0] in ONLY_FOR_JUDGING
                  or m in ONLY_FOR_JUDGING) == []
    assert sorted(m for m in modules if m.startswith(("capf.engine", "capf.render"))
                  and m not in NAMES_ONLY) == []


def test_check_with_waivers_loads_the_waiver_reader(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers: []\n", encoding="utf-8")
    code, modules = loaded("check", str(VEJLE), "--as-of", "2026-01-01", "--waivers",
                           str(waivers))
    assert code in (0, 2), code  # the point is what was loaded, not the file's verdict
    assert "capf.read.waiver" in modules


def test_check_reads_the_builtin_rules_from_prebuilt_not_from_yaml() -> None:
    code = ("import contextlib, io, sys\n"
            "import capf.engine.profile as p\n"
            "seen = []\n"
            "real = p.read_file\n"
            "p.read_file = lambda path, **kw: (seen.append(str(path)), real(path, **kw))[1]\n"
            "from capf.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    code = main(['check', sys.argv[1], '--as-of', '2026-01-01'])\n"
            "print(code, seen)")
    done = subprocess.run([sys.executable, "-c", code, str(VEJLE)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"  # judged, and no rule file read from its YAML
