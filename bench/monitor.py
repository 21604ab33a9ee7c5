"""`monitor` beside `check`: the follow-up verdict costs about what the plan verdict costs.

    python bench/monitor.py            # about a minute
    python bench/monitor.py --quick

Same method as bench/run.py: time.perf_counter over n calls (n so one measurement takes at
least --min-time seconds), 5 repeats, the median per call. `check` = evaluate(plan, dk2020);
`monitor` = evaluate_follow_up(plan, reports, monitoring), the reports already loaded (each
follows the plan: every action reported, a few delayed or cancelled). Loading a report is timed
on its own.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plans import realistic_plan  # noqa: E402

from capf.engine.evaluator import evaluate  # noqa: E402
from capf.engine.follow_up import evaluate_follow_up  # noqa: E402
from capf.engine.ruleset import load_ruleset  # noqa: E402
from capf.read.plan import Plan, load_plan  # noqa: E402
from capf.read.status import load_status  # noqa: E402

AS_OF = date(2026, 1, 1)
STATUSES = ("in_progress", "in_progress", "completed", "delayed", "cancelled")


def report_for(plan: Plan, year: int) -> dict[str, Any]:
    """A report naming every action of the plan, with realised emissions 2 % above 2023's."""
    actions = []
    for i, action in enumerate(plan.data.get("actions", [])):
        status = STATUSES[i % len(STATUSES)]
        entry: dict[str, Any] = {"id": action["id"], "status": status, "progress_percent": 40}
        if status == "delayed":
            entry["new_timeline"] = {"start": year + 1, "end": 2032}
        if status == "cancelled":
            entry["replacement"] = {"id": f"{action['id']}-r", "title": "Erstatning",
                                    "effect": [{"year": 2030, "t_co2e": 100}]}
        actions.append(entry)
    latest = next(r for r in plan.data["inventory"]["years"] if r["year"] == 2023)
    realised = {"year": year - 1, "total": round(latest["total"] * 1.02),
                "sectors": {s: round(v * 1.02) for s, v in latest["sectors"].items()}}
    names = [i["name"] for i in plan.data.get("governance", {}).get("merr", {}).get(
        "indicators", [])]
    return {"follows": {"plan_sha256": plan.sha256}, "reporting_year": year,
            "report_date": f"{year + 1}-05-15", "presented_to": {"body": "committee"},
            "emissions": {"years": [realised]}, "actions": actions,
            "indicators": [{"name": n, "value": 1} for n in names]}


def measure(fn: Callable[[], Any], min_time: float, repeats: int = 5) -> float:
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - start >= min_time:
            break
        n *= 2
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        runs.append((time.perf_counter() - start) / n)
    return statistics.median(runs)


def row(size: int, min_time: float) -> str:
    dk2020, monitoring = load_ruleset("dk2020"), load_ruleset("monitoring")
    plan = load_plan(realistic_plan(size))
    raw = [report_for(plan, 2024), report_for(plan, 2025)]
    reports = [load_status(r) for r in raw]
    check = measure(lambda: evaluate(plan, dk2020, as_of=AS_OF), min_time)
    one = measure(lambda: evaluate_follow_up(plan, reports[1:], monitoring, as_of=AS_OF),
                  min_time)
    two = measure(lambda: evaluate_follow_up(plan, reports, monitoring, as_of=AS_OF), min_time)
    load = measure(lambda: load_status(raw[1]), min_time)
    return (f"| {size} | {check * 1e3:.2f} ms | {one * 1e3:.2f} ms | {two * 1e3:.2f} ms | "
            f"{load * 1e3:.2f} ms |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    min_time = 0.1 if args.quick else 0.5
    print("| actions | check (dk2020) | monitor, 1 report | monitor, 2 reports | load 1 report |")
    print("|---:|---:|---:|---:|---:|")
    for size in (50, 500) if args.quick else (50, 500, 5000):
        print(row(size, min_time))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
