"""Import direction: data flows one way, load → validate → evaluate → verdict → render.

Every module of capf/ is parsed with `ast` (nothing is imported), so a violation is found even in
a module that would fail to import. Imports inside functions and under TYPE_CHECKING count.
A new module must be placed in LAYERS; that is the moment to decide which way it depends.
"""

from __future__ import annotations

import ast
import warnings
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "capf"
MAX_LINES = 350
WARN_LINES = 300

# Each layer may import from itself and from earlier layers only.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = tuple((name, frozenset(modules.split())) for
                                                        name, modules in (
    ("base", "errors pointer resources fmt labels message"),
    ("load", "yamlstream document schema selector plan"),
    ("rules", "rule emissions check checks domain coverage vocabulary clause ruleset waiver"),
    ("verdict", "verdict"),
    ("evaluate", "evaluator"),
    ("render", "chart textout junit sarif report ruledocs schemadocs modelschema diff template"),
    ("apps", "batch cli"),
    ("entry", "__main__ __init__"),
))
LAYER_OF = {module: index for index, (_, modules) in enumerate(LAYERS) for module in modules}

# The rules of the issue, stated explicitly so a failure reads as the rule it breaks.
FORBIDDEN: list[tuple[str, str, str]] = [
    ("document schema selector errors pointer yamlstream resources",
     "evaluator verdict report cli plan ruleset", "the reader knows nothing of judging"),
    ("plan", "evaluator ruleset report cli verdict", "a plan is data, judged elsewhere"),
    ("checks domain coverage clause emissions check vocabulary",
     "evaluator verdict report cli", "checks judge values, they do not grade or render"),
    ("evaluator", "report cli textout chart sarif junit batch diff", "evaluation never renders"),
    ("verdict", "evaluator report cli ruleset plan", "the verdict model is plain data"),
    ("report chart textout sarif junit",
     "cli batch evaluator clause check checks domain vocabulary",
     "rendering reads a verdict, not the evaluator's internals"),
]


def modules() -> list[str]:
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


@cache
def imports_of(module: str) -> frozenset[str]:
    """Top-level names imported by capf/<module>.py: 'capf.x' → 'x', others by their top name."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                found.add(f"capf.{parts[1]}" if parts[0] == "capf" and len(parts) > 1
                          else parts[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from . import x / from .x import y
                found.update(f"capf.{node.module.split('.')[0]}" if node.module
                             else f"capf.{a.name}" for a in node.names)
            elif node.module == "capf":
                found.update(f"capf.{alias.name}" for alias in node.names)
            elif node.module and node.module.startswith("capf."):
                found.add(f"capf.{node.module.split('.')[1]}")
            elif node.module:
                found.add(node.module.split(".")[0])
    return frozenset(found)


def capf_imports(module: str) -> set[str]:
    return {name.removeprefix("capf.") for name in imports_of(module) if name.startswith("capf.")}


def test_the_parser_sees_imports() -> None:
    """Guards the tests below against passing vacuously."""
    assert {"capf.evaluator", "capf.verdict"} <= imports_of("cli") | imports_of("__init__")
    assert "argparse" in imports_of("cli")
    assert capf_imports("plan") >= {"document", "schema"}


def test_every_module_has_a_layer() -> None:
    missing = [m for m in modules() if m not in LAYER_OF]
    assert missing == [], f"place these modules in tests/test_architecture.py LAYERS: {missing}"


@pytest.mark.parametrize("module", modules())
def test_imports_point_to_the_same_or_an_earlier_layer(module: str) -> None:
    if module not in LAYER_OF:
        pytest.skip("not in LAYERS (reported by test_every_module_has_a_layer)")
    later = {name: LAYERS[LAYER_OF[name]][0] for name in capf_imports(module)
             if LAYER_OF.get(name, -1) > LAYER_OF[module]}
    assert later == {}, f"{module} ({LAYERS[LAYER_OF[module]][0]}) imports later layers"


@pytest.mark.parametrize(("importers", "forbidden", "why"), FORBIDDEN,
                         ids=["reader", "plan", "checks", "evaluator", "verdict", "render"])
def test_forbidden_imports(importers: str, forbidden: str, why: str) -> None:
    bad = {m: sorted(capf_imports(m) & set(forbidden.split()))
           for m in importers.split() if m in modules()}
    assert {m: b for m, b in bad.items() if b} == {}, why


def test_only_the_cli_imports_argparse() -> None:
    assert [m for m in modules() if "argparse" in imports_of(m)] == ["cli"]


def test_nothing_but_main_imports_the_cli() -> None:
    assert [m for m in modules() if "cli" in capf_imports(m)] == ["__main__"]


def test_no_grab_bag_modules() -> None:
    assert set(modules()) & {"utils", "util", "helpers", "misc", "common"} == set()


def test_modules_stay_small() -> None:
    sizes = {m: len((PACKAGE / f"{m}.py").read_text(encoding="utf-8").splitlines())
             for m in modules()}
    large = {m: n for m, n in sizes.items() if n > WARN_LINES}
    if large:
        warnings.warn(f"modules over {WARN_LINES} lines: {large}", stacklevel=1)
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}
