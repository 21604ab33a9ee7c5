"""Where `capf check examples/vejle.yaml` spends its start-up, phase by phase, in CPU time.

    python bench/startup_phases.py            # 8 fresh interpreters each, median and min
    python bench/startup_phases.py --runs 20

bench/goals.py gives the ratio the issue asks for (wall time, whole command). This gives it in
CPU time of whole fresh processes (`getrusage` of the child, which moves less than wall time on
a shared machine), and splits each side into phases, each in its own interpreter: the baseline
into interpreter start and its three imports; `capf check` into interpreter start, pydantic's
model machinery (`import pydantic` and the first BaseModel), capf's own imports, argparse,
load_ruleset, reading the plan, evaluate + text. With PYTHONDONTWRITEBYTECODE=1 and no
__pycache__, capf's import includes compiling its sources: run `python -m compileall -q capf`
first to measure what an installed capf does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-01"

_MARK = """
import json, sys, time
marks = [("interpreter start", 0.0), ("", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
"""
_DONE = """
print(json.dumps([[n, 1000 * (t - p)] for (n, t), (_, p) in zip(marks[1:], marks[:-1])]))
"""
_BASELINE = _MARK + """
import jsonschema, pydantic, yaml
mark("import jsonschema, pydantic, yaml")
""" + _DONE
_CHECK = _MARK + """
import pydantic
class First(pydantic.BaseModel):
    a: int
First(a=1)
mark("import pydantic, its first model")
import capf.cli.main, capf.cli.judging
mark("capf's imports (main, and the check command's modules)")
from capf.cli.parser import build_parser
args = build_parser().parse_args(["check", "examples/vejle.yaml", "--as-of", "AS_OF"])
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
""".replace("AS_OF", AS_OF) + _DONE
WHOLE = {"baseline": ["-c", "import jsonschema, pydantic, yaml"],
         "capf check": ["-m", "capf", "check", "examples/vejle.yaml", "--as-of", AS_OF]}


def _child_cpu(args: list[str]) -> float:
    """CPU ms of one fresh interpreter running `args` (user + system, from getrusage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, check=False,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def _phases(script: str) -> list[tuple[str, float]]:
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    first, *rest = json.loads(done.stdout)
    return [("interpreter start", first[1]), *[(n, ms) for n, ms in rest]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=8)
    runs = parser.parse_args(argv).runs
    seen: dict[str, dict[str, list[float]]] = {"baseline": {}, "capf check": {}}
    whole: dict[str, list[float]] = {name: [] for name in WHOLE}
    for _ in range(runs):  # interleaved, so a change of load falls on both sides alike
        for side, script in (("baseline", _BASELINE), ("capf check", _CHECK)):
            for name, ms in _phases(script):
                seen[side].setdefault(name, []).append(ms)
        for name, args in WHOLE.items():
            whole[name].append(_child_cpu(args))
    print(f"| phase (CPU ms, {runs} runs) | median | min |\n|---|---:|---:|")
    for side, phases in seen.items():
        totals = [sum(ms) for ms in zip(*phases.values(), strict=True)]
        for name, values in [*phases.items(), (f"**{side}, in process**", totals)]:
            print(f"| {side}: {name} | {statistics.median(values):.1f} | {min(values):.1f} |")
    for name, values in whole.items():
        print(f"| **whole process, {name}** | {statistics.median(values):.1f} | {min(values):.1f} |")
    ratio = statistics.median(whole["capf check"]) / statistics.median(whole["baseline"])
    print(f"\nwhole process, CPU: capf check = {ratio:.2f}× the baseline (goal ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
