"""docs/performance.md is bench/goals.py's output: every goal's section, the cross-check first.

Timings are never checked (they belong to the machine that measured them), only that the file
was written by the current bench and that the floor agreed with capf when it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from goals import HEADINGS, MARKER  # noqa: E402


def test_the_performance_page_has_every_goal_in_order_with_the_cross_check_first() -> None:
    text = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    top = text.split(MARKER)[0] if MARKER in text else ""
    assert top, "docs/performance.md is not written by bench/goals.py (--write)"
    lines = top.splitlines()
    places = [lines.index(h) for h in HEADINGS]
    assert places == sorted(places)
    after_cross = "\n".join(lines[places[2]:places[3]])
    assert "**0 mismatches**" in after_cross
    for size in ("10", "50", "500", "5,000"):
        assert any(line.startswith(f"| {size} |") for line in lines[places[3]:places[4]])
