"""Loading a user profile of many rules grows linearly: 4,000 rules × the time of 500.

    python bench/rule_loading.py

tests/test_rule_security.py checks the same by counting Python calls (a count is the same every
run); this times it. 8× the rules should take about 8× the time; a quadratic step would take 64×.
Median of 5 loads each, in one run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_rule_security import profile, rule_text  # noqa: E402

from capf.engine.ruleset import load_ruleset  # noqa: E402


def seconds(folder: Path, count: int) -> float:
    rules = {f"NEU-5-many-{i}": rule_text(f"NEU-5-many-{i}", {"non_empty": {}},
                                          aliases=[f"NEU-5-old-{i}"]) for i in range(count)}
    path = profile(folder, rules)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        load_ruleset(path)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        small = seconds(Path(folder) / "small", 500)
        large = seconds(Path(folder) / "large", 4000)
    print("| rules | load_ruleset | × 500 rules |")
    print("|---:|---:|---:|")
    print(f"| 500 | {small:.3f} s | 1.0 |")
    print(f"| 4,000 | {large:.3f} s | {large / small:.1f} (linear: 8) |")


if __name__ == "__main__":
    main()
