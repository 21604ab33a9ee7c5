"""capf portfolio at scale: 1,000 generated plans added up (time and peak memory).

    python bench/portfolio.py            # 1,000 plans of 50 actions each
    python bench/portfolio.py --plans 200 --actions 10
    python bench/portfolio.py --reports       # and a status report per plan in status/

The plans come from bench/plans.py (deterministic, schema-valid, coherent); their codes run
000-999, so the municipality list is a synthetic one (each code placed in one of the five real
region names in turn) — Denmark has 98 municipalities, the bench measures ten times that.
Figures: wall time of building the portfolio (load + validate + engine levels + sums), of
rendering JSON, CSV and HTML; peak memory by tracemalloc (Python allocations during the build)
and the process's maximum resident set size (ru_maxrss) at the end. The timed build and
the traced one are separate runs: tracing slows Python down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plans import realistic_plan  # noqa: E402

from capf.portfolio.collection import build_portfolio, plan_paths  # noqa: E402
from capf.portfolio.municipalities import Place, municipalities, regions  # noqa: E402
from capf.read.plan import load_plan  # noqa: E402
from capf.render.portfolio_page import portfolio_html  # noqa: E402
from capf.render.portfolio_table import portfolio_csv  # noqa: E402


def synthetic_places(count: int) -> dict[str, Place]:
    names = regions(municipalities())
    return {f"{i:03d}": Place(f"{i:03d}", f"Benchby {i}", names[i % len(names)])
            for i in range(count)}


def _write_report(path: Path, plan: dict[str, object]) -> None:
    """A status report following `plan`: realised 2023 at 95 % of its status-year total."""
    inventory = plan["inventory"]
    assert isinstance(inventory, dict)
    start = inventory["years"][-1]
    report = {"follows": {"plan_sha256": load_plan(plan).sha256}, "reporting_year": 2024,
              "emissions": {"years": [{"year": 2023, "total": round(start["total"] * 0.95)}]}}
    path.write_text(json.dumps(report), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--reports", action="store_true",
                        help="write a status report for every plan into status/ (realised totals)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.reports:
            (Path(folder) / "status").mkdir()
        for seed in range(args.plans):
            path = Path(folder) / f"plan-{seed:04d}.json"
            data = realistic_plan(args.actions, seed)
            path.write_text(json.dumps(data), encoding="utf-8")
            if args.reports:
                _write_report(Path(folder) / "status" / f"plan-{seed:04d}-2024.json", data)
        size = sum(p.stat().st_size for p in Path(folder).rglob("*.json"))
        paths = plan_paths([folder])
        places = synthetic_places(args.plans)
        start = time.perf_counter()
        portfolio = build_portfolio(paths, as_of=date(2026, 1, 1), places=places)
        built = time.perf_counter() - start
        tracemalloc.start()  # a second build, traced (tracing slows it, so it is not timed)
        build_portfolio(paths, as_of=date(2026, 1, 1), places=places)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    start = time.perf_counter()
    text = portfolio.model_dump_json(indent=2)
    as_json = time.perf_counter() - start
    start = time.perf_counter()
    csv_text = portfolio_csv(portfolio, "da")
    as_csv = time.perf_counter() - start
    start = time.perf_counter()
    html = portfolio_html(portfolio, "da")
    as_html = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"capf portfolio: {args.plans} plans of {args.actions} actions "
          f"({size / 2**20:.1f} MiB of JSON), load average {os.getloadavg()[0]:.2f}")
    print(f"- added up: {len(portfolio.municipalities)}, left out {len(portfolio.left_out)}, "
          f"error rows {len(portfolio.errors)}, years {len(portfolio.years)}, status reports "
          f"{portfolio.status_reports} (realised years {[r.year for r in portfolio.realised]})")
    print(f"- build (load + validate + levels + sums): {built:.2f} s "
          f"({built / args.plans * 1000:.2f} ms per plan)")
    print(f"- render portfolio.json {as_json:.2f} s ({len(text) / 2**20:.1f} MiB), "
          f"portfolio.csv {as_csv:.2f} s ({len(csv_text) / 2**20:.1f} MiB), "
          f"portfolio.html {as_html:.2f} s ({len(html) / 2**20:.1f} MiB)")
    print(f"- tracemalloc peak during the build: {peak / 2**20:.1f} MiB; "
          f"max RSS of the process: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
