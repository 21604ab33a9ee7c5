"""Refusing big hostile plans: `capf validate` time and peak memory against a floor.

    python bench/big_inputs.py           # about a minute
    python bench/big_inputs.py --repeats 1

The inputs are the ones of tests/test_size_limits.py (generated, never committed): a 16 MB
JSON and a 15 MB YAML plan of 582,000 actions, and a 15 MB YAML plan of 5,000 actions of
1,500 numbers each (every list within the limit, 7.5 million values). Each is refused; the
test checks that, in one line, under 300 MB. Here each `capf validate` runs in a fresh
process (`main()` timed in-process, so interpreter start-up is left out) and the floor is
`json.loads` of the 16 MB JSON text in its own fresh process, measured in the same run. The
figure to compare across machines is the ratio (× floor); the median of --repeats runs.
Peak memory is the process's VmHWM.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_size_limits import big_plan  # noqa: E402

PEAK = ("\nstatus = open('/proc/self/status', encoding='ascii').read()\n"
        "print(seconds, re.search(r'VmHWM:\\s+([0-9]+)', status).group(1))\n")
VALIDATE = ("import re, sys, time\nfrom capf.cli import main\nstart = time.perf_counter()\n"
            "main(['validate', sys.argv[1]])\nseconds = time.perf_counter() - start" + PEAK)
FLOOR = ("import json, re, sys, time\ntext = open(sys.argv[1], encoding='utf-8').read()\n"
         "start = time.perf_counter()\njson.loads(text)\nseconds = time.perf_counter() - start"
         + PEAK)
KINDS = ("long.json", "long.yaml", "wide.yaml")


def run(code: str, path: Path, repeats: int) -> tuple[float, int]:
    """Median seconds and the largest VmHWM (kB) of `repeats` fresh processes."""
    seconds, peaks = [], []
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True,
                              capture_output=True, text=True, timeout=900)
        took, peak = done.stdout.split()[-2:]
        seconds.append(float(took))
        peaks.append(int(peak))
    return statistics.median(seconds), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        paths = {kind: Path(folder) / kind for kind in KINDS}
        for kind, path in paths.items():
            big_plan(kind, path)
        floor, floor_peak = run(FLOOR, paths["long.json"], args.repeats)
        print("| input | size | refused in | × floor | peak memory |")
        print("|---|---|---|---|---|")
        print(f"| floor: json.loads of long.json | {paths['long.json'].stat().st_size / 1e6:.1f} MB "
              f"| {floor:.2f} s | 1.0 | {floor_peak / 1024:.0f} MiB |")
        for kind, path in paths.items():
            seconds, peak = run(VALIDATE, path, args.repeats)
            print(f"| capf validate {kind} | {path.stat().st_size / 1e6:.1f} MB | {seconds:.2f} s "
                  f"| {seconds / floor:.1f} | {peak / 1024:.0f} MiB |")


if __name__ == "__main__":
    main()
