"""Issue 16's goals, each a ratio measured in one run on one machine.

    python bench/goals.py                              # print
    python bench/goals.py --write docs/performance.md  # and write the top of that file
    python bench/goals.py --quick                      # shorter measurements (smoke run)

First the floor's cross-check (bench/crosscheck.py: capf and the hand-written floor agree on
every rule of hundreds of generated plans), then: evaluate of the floor's 20 rules × the floor
at 10, 50, 500 and 5,000 actions; growth from 500 to 5,000 actions; load_plan + evaluate ×
load_plan of a JSON plan; `capf batch --jobs` plans per second; `capf check` start-up ×
`python -c "import jsonschema, pydantic, yaml"`. The file below the marker is bench/run.py's.

The evaluate, growth and load ratios time the two sides in turn, nine rounds, and give the median
ratio of a round (bench/run.py's `paired`): on this shared machine a slow spell lasts seconds and
moved the ratio of two separate measurements by up to 2× between runs. Evaluate × the floor and
the growth are also counted in instructions (bench/instructions.py, valgrind's callgrind; about
five minutes more, skipped by --quick or without valgrind), which the load does not move.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import instructions  # noqa: E402
from crosscheck import crosscheck, floor_ruleset  # noqa: E402
from floor import floor  # noqa: E402
from plans import realistic_plan  # noqa: E402
from run import MARKER, fmt_time, machine, measure, paired  # noqa: E402

from capf.engine.evaluator import evaluate  # noqa: E402
from capf.read.plan import load_plan  # noqa: E402

AS_OF = date(2026, 1, 1)
SIZES = (10, 50, 500, 5000)
# The sections docs/performance.md has above MARKER (tests/test_performance_doc.py)
HEADINGS = ("# Performance", "## Machine", "## The floor's cross-check",
            "## Evaluate × the hand-written floor (same 20 rules, same plan)",
            "## load_plan + evaluate × load_plan alone (JSON plan)", "## capf batch",
            "## Start-up (sub-process, median of 5)")


def engine_rows(min_time: float, counted: bool) -> tuple[list[str], str]:
    """Evaluate × the floor at each size, and the growth from 500 to 5,000 actions; each ratio
    from alternating measurements (bench/run.py's `paired`) and, when `counted`, in
    instructions (bench/instructions.py: callgrind, which no load on the machine moves)."""
    ruleset = floor_ruleset()
    rows, plans, counts = [], {}, {}
    for size in SIZES:
        data = realistic_plan(size, seed=0)
        plan = plans[size] = load_plan(data)
        low, took, ratio = paired(lambda d=data: floor(d, AS_OF),
                                  lambda p=plan: evaluate(p, ruleset, as_of=AS_OF), min_time)
        inc2 = next(r.outcome for r in evaluate(plan, ruleset, as_of=AS_OF).results
                    if r.rule.startswith("INC-2"))
        counted_cells = "| | |"
        if counted:
            counts[size] = instructions.per_call(size)
            low_i, took_i = counts[size]
            counted_cells = f"| {low_i / 1e6:,.2f} M / {took_i / 1e6:,.2f} M | {took_i / low_i:.1f}× |"
        rows.append(f"| {size:,} | {fmt_time(low)} | {fmt_time(took)} | {ratio:.1f}× "
                    f"{counted_cells} ≤ 3× | INC-2: {inc2} |")
    growth = paired(lambda: evaluate(plans[500], ruleset, as_of=AS_OF),
                    lambda: evaluate(plans[5000], ruleset, as_of=AS_OF), min_time)[2]
    said = f"Growth: 10× the actions (500 → 5,000) takes {growth:.1f}× the time"
    if counted:
        said += f" and {counts[5000][1] / counts[500][1]:.1f}× the instructions"
    return rows, said + " (goal ≤ 10.5×)."


def load_rows(min_time: float) -> list[str]:
    from capf.read.schema import fast_is_valid

    ruleset = floor_ruleset()
    rows = []
    for size in (50, 500):
        text = json.dumps(realistic_plan(size, seed=0))
        alone, both, ratio = paired(
            lambda t=text: load_plan(json.loads(t)),
            lambda t=text: evaluate(load_plan(json.loads(t)), ruleset, as_of=AS_OF), min_time)
        fast = "with" if fast_is_valid("plan") is not None else "without"
        rows.append(f"| {size:,} ({fast} `fast`) | {fmt_time(alone)} | {fmt_time(both)} | "
                    f"{ratio:.1f}× | ≤ 2× |")
    return rows


def _median_run(argv: list[str], repeats: int = 5) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, check=False,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        runs.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{argv} exited {done.returncode}: {done.stderr[-400:]!r}")
    return statistics.median(runs)


def capf_command() -> list[str]:
    beside = Path(sys.executable).parent / "capf"
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "capf"]


def startup_rows() -> list[str]:
    # Compiled first, as pip-installed capf and the three packages already are: with
    # PYTHONDONTWRITEBYTECODE set and no __pycache__, capf would be recompiled at every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "capf")], check=True)
    imports = _median_run([sys.executable, "-c", "import jsonschema, pydantic, yaml"])
    check = _median_run([*capf_command(), "check", "examples/vejle.yaml", "--as-of",
                         AS_OF.isoformat()])
    return [f"| `python -c \"import jsonschema, pydantic, yaml\"` | {fmt_time(imports)} | 1.0× | |",
            f"| `capf check examples/vejle.yaml` | {fmt_time(check)} | {check / imports:.2f}× | "
            "≤ 1.3× |"]


def _batch_inputs(folder: Path, count: int, suffix: str) -> Path:
    """`count` copies of examples/vejle.yaml (distinct names), as YAML or as JSON."""
    folder.mkdir(parents=True)
    vejle = ROOT / "examples" / "vejle.yaml"
    text = vejle.read_text(encoding="utf-8") if suffix == ".yaml" else \
        json.dumps(load_plan(vejle).data, ensure_ascii=False, indent=1)
    for i in range(count):
        (folder / f"plan{i:04d}{suffix}").write_text(text, encoding="utf-8")
    return folder


def _batch_run(inputs: Path, out: Path, extra: list[str]) -> float:
    shutil.rmtree(out, ignore_errors=True)
    return _median_run([*capf_command(), "batch", str(inputs), "-o", str(out),
                        "--as-of", AS_OF.isoformat(), *extra], repeats=1)


BATCH_RUNS = (  # (options, input kind): the goal's rows first, then what reports and YAML cost
    (["--jobs", "1", "--no-reports"], ".yaml"), (["--jobs", "2", "--no-reports"], ".yaml"),
    (["--jobs", "2", "--no-reports"], ".json"), (["--jobs", "2"], ".yaml"))


def batch_rows(count: int) -> list[str]:
    """`capf batch` of `count` vejle-sized plans per row, and of one plan (the start-up).

    Throughput is given for the whole command and after start-up: (count - 1) plans in the
    time the command takes beyond judging one plan.
    """
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp)
        for suffix in (".yaml", ".json"):
            _batch_inputs(base / f"many{suffix}", count, suffix)
            _batch_inputs(base / f"one{suffix}", 1, suffix)
        for extra, suffix in BATCH_RUNS:
            took = _batch_run(base / f"many{suffix}", base / "out", extra)
            start = _batch_run(base / f"one{suffix}", base / "out", extra)
            kind = "YAML" if suffix == ".yaml" else "JSON"
            rows.append(f"| `capf batch {' '.join(extra)}` | {count} vejle ({kind}) | "
                        f"{fmt_time(took)} | {count / took:,.0f} plans/s | {fmt_time(start)} | "
                        f"{(count - 1) / max(took - start, 1e-9):,.0f} plans/s | ≥ 300 plans/s |")
    return rows


def plan_costs(min_time: float) -> list[str]:
    """Where one vejle plan's time goes in a batch worker, stage by stage (in process)."""
    from capf.engine.ruleset import load_ruleset
    from capf.read.document import read_file
    from capf.read.plan import canonical_json, plan_from_document
    from capf.read.schema import problems
    from capf.render.report import render_report
    from capf.render.summary import Row

    vejle = ROOT / "examples" / "vejle.yaml"
    ruleset = load_ruleset("dk2020")
    document = read_file(vejle, max_items=5000)
    plan = plan_from_document(document)
    verdict = evaluate(plan, ruleset, as_of=AS_OF)
    dumped = verdict.model_dump_json(indent=2) + "\n"
    with tempfile.TemporaryDirectory() as temp:
        target = Path(temp) / "plan.verdict.json"

        def write() -> None:
            target.unlink(missing_ok=True)
            with target.open("xb") as out:
                out.write(dumped.encode("utf-8"))

        stages = [
            ("read and parse the YAML (capf.read.document.read_file)",
             lambda: read_file(vejle, max_items=5000)),
            ("schema check (problems: jsonschema-rs when `fast` is installed)",
             lambda: problems("plan", plan.data)),
            ("plan hash (canonical JSON + sha256)",
             lambda: hashlib.sha256(canonical_json(plan.data)).hexdigest()),
            ("load_plan after parsing (size bound, schema check, hash)",
             lambda: plan_from_document(document)),
            (f"evaluate ({ruleset.id}, {len(ruleset.rules)} rules)",
             lambda: evaluate(plan, ruleset, as_of=AS_OF)),
            ("verdict JSON (model_dump_json)", lambda: verdict.model_dump_json(indent=2)),
            ("write the verdict file", write),
            ("summary row", lambda: Row(file="x", stem="x", name=verdict.plan.name,
                                        status=verdict.status)),
            ("HTML report (only without --no-reports)",
             lambda: render_report(verdict, "html", "da", plan=plan, ruleset=ruleset)),
        ]
        rows = [(name, measure(fn, min_time)[0]) for name, fn in stages]
    core = sum(s for name, s in rows if not name.startswith(("HTML", "schema", "plan hash")))
    return [*(f"| {name} | {s * 1000:.2f} ms |" for name, s in rows),
            f"| **one plan without report** (read + load + evaluate + JSON + write + row) | "
            f"**{core * 1000:.2f} ms** → {1 / core:,.0f} plans/s per core |"]


def section(min_time: float, per_size: int, batch_count: int, counted: bool) -> list[str]:
    compared, mismatches, seen = crosscheck(per_size, AS_OF)
    print(f"cross-check: {compared} plans, {len(mismatches)} mismatches", file=sys.stderr)
    if mismatches:
        raise SystemExit("the floor disagrees with capf:\n" + "\n".join(mismatches[:20]))
    engine, growth = engine_rows(min_time, counted)
    first, machine_heading, cross, floor_heading, load_heading, batch_heading, start = HEADINGS
    out = [first, "",
           "Written by `python bench/goals.py --write docs/performance.md` (issue 16's goals) and, "
           "below the marker, `python bench/run.py --write docs/performance.md`.", "",
           machine_heading, "", *(f"- {k}: {v}" for k, v in machine().items()), "",
           cross, "",
           f"capf (profile dk2020 cut to the floor's 20 rules) and the hand-written floor "
           f"(bench/floor.py) compared on {compared} generated plans (bench/mutants.py: "
           f"{', '.join(f'{n:,} {o}' for o, n in sorted(seen.items()))} rule results): "
           f"**{len(mismatches)} mismatches**.", "",
           floor_heading, "",
           "| actions | floor | evaluate | × floor | instructions: floor / evaluate | "
           "× floor | goal | note |",
           "|---:|---:|---:|---:|---:|---:|---|---|", *engine, "",
           "Each time ratio is the median of nine rounds that time both sides in turn; the times "
           "are the medians of those rounds. Instructions are per call, counted by valgrind's "
           "callgrind (bench/instructions.py), and do not move with the load of the machine; "
           "time moved by up to 2× between runs here.", "",
           growth,
           "", load_heading, "",
           "| actions | load_plan | load_plan + evaluate | ratio | goal |",
           "|---:|---:|---:|---:|---|", *load_rows(min_time), "",
           batch_heading, "",
           "| run | plans | time | throughput | one plan (start-up) | after start-up | goal |",
           "|---|---|---:|---:|---:|---:|---|", *batch_rows(batch_count), "",
           "Where one vejle plan's time goes in a worker (in process, median):", "",
           "| stage | time |", "|---|---:|", *plan_costs(min_time), "",
           start, "", "| command | time | ratio | goal |",
           "|---|---:|---:|---|", *startup_rows(), "", MARKER, ""]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--quick", action="store_true",
                        help="shorter measurements, and no instruction counts (a smoke run)")
    args = parser.parse_args(argv)
    counted = not args.quick and instructions.available()
    if not counted:
        print("no instruction counts (--quick, or valgrind is not installed)", file=sys.stderr)
    lines = section(0.1 if args.quick else 0.5, 20 if args.quick else 60,
                    100 if args.quick else 300, counted)
    text = "\n".join(lines)
    print(text)
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        rest = old.split(MARKER, 1)[1].lstrip("\n") if MARKER in old else ""
        args.write.write_text(text + rest, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
