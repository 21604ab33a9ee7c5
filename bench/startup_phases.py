"""Where `capf check examples/vejle.yaml` spends its start-up, phase by phase, in CPU time.

    python bench/startup_phases.py            # 8 fresh interpreters, median and min per phase
    python bench/startup_phases.py --runs 20

bench/goals.py gives the ratio the issue asks for (wall time, whole command); this splits the
command into: the three baseline imports, pydantic's model machinery (the first BaseModel), capf's
own imports, argparse, load_ruleset, reading the plan, evaluate + text. CPU time
(`time.process_time`) moves less than wall time on a shared machine. With
PYTHONDONTWRITEBYTECODE=1 and no __pycache__, capf's import includes compiling its sources:
run `python -m compileall -q capf` first to measure what an installed capf does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PHASES = """
import json, sys, time
marks = [("start", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import jsonschema, pydantic, yaml
mark("import jsonschema, pydantic, yaml")
class First(pydantic.BaseModel):
    a: int
First(a=1)
mark("pydantic's model machinery")
import capf.cli.main
mark("capf's imports")
from capf.cli.parser import build_parser
args = build_parser().parse_args(["check", "examples/vejle.yaml", "--as-of", "2026-01-01"])
import capf.cli.judging
mark("argparse")
from capf.engine.ruleset import load_ruleset
rules = load_ruleset(args.profile)
mark("load_ruleset")
from capf.read.pipe import plan_at
plan = plan_at(args.plans[0])
mark("read the plan")
from capf.engine.evaluator import evaluate
from capf.render import formats
verdict = evaluate(plan, rules, as_of=args.as_of)
formats.verdicts_document([verdict], rules, args.format, "da", broken=[], seconds=0.0,
                          several=False)
mark("evaluate + text")
print(json.dumps([[n, 1000 * (t - p)] for (n, t), (_, p) in zip(marks[1:], marks[:-1])]))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=8)
    runs = parser.parse_args(argv).runs
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _PHASES], cwd=ROOT, capture_output=True,
                              text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        for name, ms in json.loads(done.stdout):
            seen.setdefault(name, []).append(ms)
    totals = [sum(ms) for ms in zip(*seen.values(), strict=True)]
    print(f"| phase (CPU ms, {runs} runs) | median | min |\n|---|---:|---:|")
    for name, values in [*seen.items(), ("total in process", totals)]:
        print(f"| {name} | {statistics.median(values):.1f} | {min(values):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
