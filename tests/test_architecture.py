"""The package's shape: one folder per pipeline stage, imports one way, small modules.

The direction between stages (model and text ← read ← engine ← portfolio ← render and docs ← batch ← cli) is
import-linter's `layers` contract in pyproject.toml; `lint-imports` runs in .ci/run and here. What
it does not check is below: cycles inside a stage, which modules may use argparse, what may stay
at the top of the package, and module size. Modules are parsed with `ast` (nothing is imported),
so imports inside functions and under TYPE_CHECKING count.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import warnings
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "capf"
MAX_LINES = 350
WARN_LINES = 300
STAGES = {"model", "text", "read", "engine", "portfolio", "render", "docs"}
ENTRY_POINTS = {"__init__", "__main__"}
COMMAND_LINE = "cli"
# the entry points that outgrew one module: packages beside the stages
ENTRY_PACKAGES = {COMMAND_LINE, "batch"}


def modules() -> list[str]:
    """Dotted names below capf ('engine.checks.domain'); a package's __init__ is the package."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def path_of(module: str) -> Path:
    base = PACKAGE.joinpath(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


@cache
def imports_of(module: str) -> frozenset[str]:
    """Modules imported by capf.<module>: capf ones without the 'capf.' prefix, others by top name."""
    tree = ast.parse(path_of(module).read_text(encoding="utf-8"))
    known = set(modules())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(alias.name.removeprefix("capf.") if alias.name.startswith("capf.")
                          else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{module}: use absolute imports"
            if node.module == "capf" or node.module.startswith("capf."):
                base = node.module.removeprefix("capf").removeprefix(".")
                for alias in node.names:  # `from capf.x import y` may name module capf.x.y
                    sub = f"{base}.{alias.name}".lstrip(".")
                    found.add(sub if sub in known else base)
            else:
                found.add(node.module.split(".")[0])
    return frozenset(found - {""})


def test_the_parser_sees_imports() -> None:
    """Guards the tests below against passing vacuously."""
    assert {"engine.evaluator", "model.verdict"} <= imports_of("cli.judging") | imports_of("__init__")
    assert "argparse" in imports_of("cli.parser")
    assert imports_of("read.plan") >= {"read.document", "read.schema"}
    assert "engine.emissions" in imports_of("engine.checks.domain")


def test_import_linter_contracts_hold() -> None:
    tool = shutil.which("lint-imports")
    if tool is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    done = subprocess.run([tool, "--no-cache"], cwd=PACKAGE.parent, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout[-2000:]


def test_no_import_cycles() -> None:
    graph = {m: {i for i in imports_of(m) if i in graph_nodes()} for m in graph_nodes()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


@cache
def graph_nodes() -> frozenset[str]:
    """Modules proper (packages' __init__ files re-export nothing and are left out)."""
    return frozenset(m for m in modules() if path_of(m).name != "__init__.py" or m == "__init__")


def test_only_entry_points_sit_at_the_top() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert top == ENTRY_POINTS
    assert folders == STAGES | ENTRY_PACKAGES


def test_only_the_cli_imports_argparse() -> None:
    users = {m for m in modules() if "argparse" in imports_of(m)}
    assert users and all(m.split(".")[0] == COMMAND_LINE for m in users), users


def test_nothing_but_main_imports_the_cli() -> None:
    importers = {m for m in modules() for i in imports_of(m) if i.split(".")[0] == COMMAND_LINE}
    assert {m for m in importers if m.split(".")[0] != COMMAND_LINE} == {"__main__"}


def test_no_grab_bag_modules() -> None:
    leaves = {m.rsplit(".", 1)[-1] for m in modules()}
    assert leaves & {"utils", "util", "helpers", "misc", "common"} == set()


def test_modules_stay_small() -> None:
    sizes = {m: len(path_of(m).read_text(encoding="utf-8").splitlines()) for m in modules()}
    large = {m: n for m, n in sizes.items() if n > WARN_LINES}
    if large:
        warnings.warn(f"modules over {WARN_LINES} lines: {large}", stacklevel=1)
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}
