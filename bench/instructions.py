"""Instructions per call of the floor and of evaluate, counted by valgrind's callgrind.

    python bench/instructions.py            # every size of bench/goals.py, a table on stdout

Wall-clock ratios on this shared 2-core machine moved by up to 2× between runs, even timed in
alternation (bench/run.py's `paired`); the instructions a call executes do not depend on load.
Each size runs in one child interpreter under callgrind with collection off. The plan, the rule
set and one warm-up call of each side (which compiles the clauses' closures) are not counted;
then `functools.reduce` runs k floor calls and `eval` k evaluate calls, and callgrind collects
only inside those two C functions (`--toggle-collect`), so start-up and set-up cost nothing in the
count. (Not `exec`: every import runs a module's body through it. Neither capf nor the floor calls
reduce or eval; a nested call would switch collection off again.)
PYTHONHASHSEED=0 makes the runs repeatable.

Instructions are not time: a cache miss costs more than an add. engine2 (last session) found the
time ratio about 1.4× the instruction ratio at 10 actions on an idle machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Calls counted per size (k; the second child makes 2k): enough that a call's count is steady,
# few enough that 5,000 actions (about 0.5 G instructions per evaluate) stays within minutes.
CALLS = {10: 20, 50: 10, 500: 3, 5000: 1}

_CHILD = """
import gc, sys
sys.path[:0] = [{root!r}, {bench!r}]
from datetime import date
from functools import reduce
from crosscheck import floor_ruleset
from floor import floor
from plans import realistic_plan
from capf.engine.evaluator import evaluate
from capf.read.plan import load_plan
AS_OF = date(2026, 1, 1)
ruleset = floor_ruleset()
data = realistic_plan({size}, seed=0)
plan = load_plan(data)
for _ in range(3):
    floor(data, AS_OF)
    evaluate(plan, ruleset, as_of=AS_OF)
gc.collect()
gc.freeze()  # a full collection would traverse every object of the set-up: once, whatever k
reduce(lambda _, __: floor(data, AS_OF), range({calls}), None)
calls = compile("all(evaluate(plan, ruleset, as_of=AS_OF) is not None for _ in range({calls}))",
                "<bench>", "eval")  # compiled here: eval would count its parse and compile
eval(calls)
"""
_LINE = re.compile(r"^\s*([\d,]+)\s.*:(functools_reduce|builtin_eval)\b")


def available() -> bool:
    return shutil.which("valgrind") is not None and shutil.which("callgrind_annotate") is not None


def per_call(size: int, calls: int | None = None) -> tuple[float, float]:
    """Instructions per call of (the floor, evaluate) on `realistic_plan(size, seed=0)`.

    Two children, k and 2k calls, and the difference over k: some ~9 M instructions inside the
    counted region come once whatever k (at 10 actions: 1.3 % of 20 calls), and the difference
    leaves them out. The two children run side by side.
    """
    calls = calls or CALLS[size]
    with tempfile.TemporaryDirectory() as temp:
        runs = [_start(size, k, Path(temp) / f"callgrind.{k}.out") for k in (calls, 2 * calls)]
        (low_k, took_k), (low_2k, took_2k) = (_counts(*run) for run in runs)
    return (low_2k - low_k) / calls, (took_2k - took_k) / calls


def _start(size: int, calls: int, out: Path) -> tuple[subprocess.Popen[bytes], Path]:
    script = _CHILD.format(root=str(ROOT), bench=str(ROOT / "bench"), size=size, calls=calls)
    child = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                              "--collect-atstart=no", "--toggle-collect=functools_reduce",
                              "--toggle-collect=builtin_eval", sys.executable, "-c", script],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
    return child, out


def _counts(child: subprocess.Popen[bytes], out: Path) -> tuple[int, int]:
    """(instructions inside reduce, inside eval) of a finished child."""
    _, err = child.communicate()
    if child.returncode:
        raise RuntimeError(f"callgrind child failed: {err.decode(errors='replace')[-2000:]}")
    return inclusive(subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)],
                                    check=True, capture_output=True, text=True).stdout)


def inclusive(annotated: str) -> tuple[int, int]:
    """(reduce's, eval's) inclusive instructions in `callgrind_annotate --inclusive=yes` text."""
    found = {"functools_reduce": 0, "builtin_eval": 0}
    for line in annotated.splitlines():
        match = _LINE.match(line)
        if match:  # eval: the clinic wrapper and the function; the wrapper includes the function
            found[match[2]] = max(found[match[2]], int(match[1].replace(",", "")))
    if not all(found.values()):
        raise RuntimeError("callgrind counted no reduce or eval: is python built with symbols?")
    return found["functools_reduce"], found["builtin_eval"]


def main() -> int:
    if not available():
        print("valgrind is not installed", file=sys.stderr)
        return 1
    print("| actions | floor (Ki) | evaluate (Ki) | × floor |\n|---:|---:|---:|---:|")
    for size in CALLS:
        low, took = per_call(size)
        print(f"| {size:,} | {low / 1024:,.0f} | {took / 1024:,.0f} | {took / low:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
