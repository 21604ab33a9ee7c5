"""docs/api.md's Python examples run, so the embedding guide cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import capf

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_api_doc_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_api_doc_example_runs(index: int) -> None:
    exec(compile(BLOCKS[index], f"docs/api.md block {index}", "exec"), {})  # noqa: S102


def test_public_api_is_exported_and_typed() -> None:
    for name in ("load_plan", "load_ruleset", "load_waivers", "evaluate", "diff", "render_report",
                 "render_checklist", "Verdict", "Plan", "RuleSet", "CapfError", "load_status",
                 "evaluate_follow_up", "render_follow_up"):
        assert name in capf.__all__, name
    assert (Path(capf.__file__).parent / "py.typed").exists()
