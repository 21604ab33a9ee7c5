"""capf benchmarks: one run, one machine, every figure against the same floor.

    python bench/run.py                  # print the tables (about 10 minutes)
    python bench/run.py --write docs/performance.md
    python bench/run.py --quick          # shorter measurements and a 200-plan batch (smoke run)

Timing: time.perf_counter over a loop of n calls, n chosen so one measurement takes at least
--min-time seconds (0.5), repeated 5 times; the figure is the median per call. Sub-process
start-up figures are the median of 5 runs each. The floor (a) is JSON Schema validation alone
of the 50-action plan, i.e. the least work any check must do.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plans import realistic_plan  # noqa: E402

from capf.engine.checks.spec import Context  # noqa: E402
from capf.engine.evaluator import evaluate, run_rule  # noqa: E402
from capf.engine.ruleset import load_ruleset  # noqa: E402
from capf.read.plan import load_plan  # noqa: E402
from capf.read.schema import fast_is_valid, validator  # noqa: E402

AS_OF = date(2026, 1, 1)
SIZES = (50, 500, 5000)
PROFILE = "dk2020"
MARKER = "<!-- below: bench/run.py -->"  # docs/performance.md: bench/goals.py above, run.py below
OVERHEAD_LIMIT = 0.30  # evaluation adding more than this on top of validation gets profiled


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: float  # per call (median)
    n: int          # calls per measurement
    note: str = ""


def measure(fn: Callable[[], Any], min_time: float, repeats: int = 5) -> tuple[float, int]:
    """Median seconds per call over `repeats` measurements of n calls, each >= min_time."""
    n = _calls(fn, min_time)
    return statistics.median(_timed(fn, n) for _ in range(repeats)), n


def paired(first: Callable[[], Any], second: Callable[[], Any], min_time: float,
           rounds: int = 9) -> tuple[float, float, float]:
    """Median seconds per call of `first` and of `second`, and the median of their ratio per
    round (second / first), measured in alternation, a block of each per round.

    On a shared machine a slow spell lasts seconds: it slows both blocks of a round, so the
    ratio moves far less than the ratio of two measurements taken one after the other.
    """
    n_first, n_second = _calls(first, min_time / 2), _calls(second, min_time / 2)
    pairs = [(_timed(first, n_first), _timed(second, n_second)) for _ in range(rounds)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(b / a for a, b in pairs))


def _calls(fn: Callable[[], Any], min_time: float) -> int:
    """How many calls of `fn` take at least `min_time` (after one warm-up call: validators,
    rule sets and templates are built outside the measurement)."""
    fn()
    n = 1
    while True:
        elapsed = _timed(fn, n) * n
        if elapsed >= min_time:
            return n
        n = max(n * 2, int(n * min_time * 1.2 / max(elapsed, 1e-9)) + 1)


def _timed(fn: Callable[[], Any], n: int) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "capf",
                            "rules", "schemas"], capture_output=True, text=True,
                           check=False).stdout.strip()
    return {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": str(os.cpu_count()), "cpu": cpu,
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "os": platform.platform(),
            "load average at start (1/5/15 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
            "commit": (commit or "unknown") + (" (capf/, rules/ or schemas/ modified)"
                                               if dirty else "")}


# --- in-process measurements ------------------------------------------------------------------

def engine_timings(min_time: float) -> tuple[list[Timing], dict[int, dict[str, float]], int]:
    ruleset = load_ruleset(PROFILE)
    check = validator("plan")
    rows: list[Timing] = []
    by_size: dict[int, dict[str, float]] = {}
    for size in SIZES:
        data = realistic_plan(size, seed=0)
        assert not list(check.iter_errors(data)), "the generated plan must be valid"
        plan = load_plan(data)
        figures = {
            "validate": measure(lambda d=data: list(check.iter_errors(d)), min_time),
            "load": measure(lambda d=data: load_plan(d), min_time),
            "evaluate": measure(lambda p=plan: evaluate(p, ruleset, as_of=AS_OF), min_time),
            "full": measure(lambda d=data: evaluate(load_plan(d), ruleset, as_of=AS_OF),
                            min_time),
        }
        fast = fast_is_valid("plan")
        if fast is not None:  # the optional `fast` extra: load_plan uses it for valid plans
            figures["validate_fast"] = measure(lambda d=data, f=fast: f(d), min_time)
        by_size[size] = {k: v[0] for k, v in figures.items()}
        tag = "a" if size == SIZES[0] else "c"
        rows += [
            Timing(f"({tag}) schema validation alone, {size} actions", *figures["validate"]),
            *([Timing(f"({tag}) schema validation, jsonschema-rs fast path (extra `fast`), "
                      f"{size} actions", *figures["validate_fast"])] if fast else []),
            Timing(f"({'b' if tag == 'a' else 'c'}) load_plan (copy + validate + hash), "
                   f"{size} actions", *figures["load"]),
            Timing(f"({'b' if tag == 'a' else 'c'}) evaluate alone ({PROFILE}, "
                   f"{len(ruleset.rules)} rules), {size} actions", *figures["evaluate"]),
            Timing(f"({'b' if tag == 'a' else 'c'}) load_plan + evaluate, {size} actions",
                   *figures["full"]),
        ]
    return rows, by_size, len(ruleset.rules)


def slopes(by_size: dict[int, dict[str, float]]) -> list[str]:
    small, large = SIZES[0], SIZES[-1]
    lines = []
    for key, what in (("validate", "schema validation"), ("load", "load_plan"),
                      ("evaluate", "evaluate"), ("full", "load_plan + evaluate")):
        slope = (by_size[large][key] - by_size[small][key]) / (large - small)
        fixed = by_size[small][key] - slope * small
        lines.append(f"{what}: {fmt_time(slope)} per action "
                     f"(+ {fmt_time(max(fixed, 0.0))} fixed; "
                     f"{by_size[large][key] / by_size[small][key]:.0f}× for "
                     f"{large // small}× the actions)")
    return lines


def batch(count: int, repeats: int) -> tuple[Timing, dict[str, str]]:
    ruleset = load_ruleset(PROFILE)
    plans = [realistic_plan(50, seed=i) for i in range(count)]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def run() -> list[str]:
        return [evaluate(load_plan(d), ruleset, as_of=AS_OF).status for d in plans]

    runs = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        statuses = run()
        runs.append(time.perf_counter() - start)
    per_batch = statistics.median(runs)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    for d in plans[:100]:
        evaluate(load_plan(d), ruleset, as_of=AS_OF)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    memory = {
        "plans per second": f"{count / per_batch:,.0f}",
        "statuses": ", ".join(f"{s} {statuses.count(s)}" for s in sorted(set(statuses))),
        "peak RSS of the process (ru_maxrss)": f"{rss_after / 1024:.0f} MiB "
                                               f"(before the batch: {rss_before / 1024:.0f} MiB, "
                                               f"with all {count} input plans held)",
        "tracemalloc peak while judging 100 plans one by one": f"{traced_peak / 2**20:.1f} MiB",
    }
    return Timing(f"(d) batch: load_plan + evaluate of {count} plans (50 actions each)",
                  per_batch, 1, f"median of {repeats} passes"), memory


def memory_per_size() -> list[str]:
    ruleset = load_ruleset(PROFILE)
    lines = []
    for size in SIZES:
        data = realistic_plan(size, seed=0)
        tracemalloc.start()
        evaluate(load_plan(data), ruleset, as_of=AS_OF)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        lines.append(f"{size} actions: {peak / 2**20:.1f} MiB")
    return lines


def report_timing(min_time: float) -> list[Timing]:
    try:
        from capf.render.report import render_report
    except ImportError:
        return [Timing("(e) HTML report: skipped, capf/report.py does not exist yet", 0.0, 0)]
    ruleset = load_ruleset(PROFILE)
    plan = load_plan(realistic_plan(50, seed=0))
    verdict = evaluate(plan, ruleset, as_of=AS_OF)
    html = render_report(verdict, "html", "da")
    with_plan = render_report(verdict, "html", "da", plan)
    return [
        Timing("(e) render_report(verdict, 'html', 'da'), 50 actions",
               *measure(lambda: render_report(verdict, "html", "da"), min_time),
               f"{len(html) / 1024:.0f} KiB"),
        Timing("(e) render_report(..., plan) — quotes the plan, draws the pathway, 50 actions",
               *measure(lambda: render_report(verdict, "html", "da", plan), min_time),
               f"{len(with_plan) / 1024:.0f} KiB"),
    ]


# --- start-up --------------------------------------------------------------------------------

def command_timing(label: str, argv: Sequence[str], repeats: int = 5) -> Timing:
    # PYTHONPATH: the `capf` script and `python -m capf` import this checkout's capf
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(list(argv), cwd=ROOT, env=env, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: "
                             f"{done.stderr.decode(errors='replace')[:300]}")
    return Timing(label, statistics.median(runs), 1, f"median of {repeats}")


def startup_timings() -> list[Timing]:
    # The console script beside this interpreter (a venv's bin/), else one on PATH; a pyenv
    # shim on PATH would add its own shell start-up to every figure.
    beside = Path(sys.executable).parent / "capf"
    script = str(beside) if beside.is_file() else shutil.which("capf")
    capf = [script] if script else [sys.executable, "-m", "capf"]
    shown = "capf" if script else "python -m capf"
    note = "" if script else " (no `capf` script on PATH: not installed)"
    return [
        command_timing("(f) python -c pass (floor)", [sys.executable, "-c", "pass"]),
        command_timing("(f) python -c 'import capf'", [sys.executable, "-c", "import capf"]),
        command_timing(f"(f) {shown} --version{note}", [*capf, "--version"]),
        command_timing(f"(f) {shown} check examples/vejle.yaml",
                       [*capf, "check", "examples/vejle.yaml", "--as-of", AS_OF.isoformat()]),
    ]


# --- profile ---------------------------------------------------------------------------------

def _top(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    text = out.getvalue().strip()
    return text[text.index("ncalls"):] if "ncalls" in text else text


def profile_validation(size: int, top: int = 8) -> str:
    """cProfile of schema validation alone (the floor) on the plan of `size` actions."""
    data = realistic_plan(size, seed=0)
    check = validator("plan")
    list(check.iter_errors(data))
    profiler = cProfile.Profile()
    profiler.enable()
    list(check.iter_errors(data))
    profiler.disable()
    return _top(profiler, top)


def profile_evaluation(size: int, top: int = 12) -> str:
    """cProfile of evaluate on the plan of `size` actions."""
    ruleset = load_ruleset(PROFILE)
    plan = load_plan(realistic_plan(size, seed=0))
    evaluate(plan, ruleset, as_of=AS_OF)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        evaluate(plan, ruleset, as_of=AS_OF)
    profiler.disable()
    return _top(profiler, top)


def slowest_rules(size: int, shown: int = 8) -> list[str]:
    """run_rule alone per rule on the plan of `size` actions (median), slowest first."""
    ruleset = load_ruleset(PROFILE)
    context = Context(load_plan(realistic_plan(size, seed=0)).data, AS_OF)
    per_rule = []
    for compiled in ruleset.rules:
        seconds, _ = measure(lambda c=compiled: run_rule(c, context), 0.05, repeats=3)
        per_rule.append((seconds, compiled.rule.id))
    per_rule.sort(reverse=True)
    total = sum(s for s, _ in per_rule)
    return [f"{rule}: {fmt_time(sec)} ({sec / total:.0%} of the rules' time)"
            for sec, rule in per_rule[:shown]]


# --- output ----------------------------------------------------------------------------------

def table(rows: list[Timing], floor: float) -> list[str]:
    lines = ["| measurement | time per run | × floor | calls per measurement | note |",
             "|---|---:|---:|---:|---|"]
    for row in rows:
        if row.n == 0:
            lines.append(f"| {row.label} | – | – | – | |")
            continue
        lines.append(f"| {row.label} | {fmt_time(row.seconds)} | {row.seconds / floor:.2f} | "
                     f"{row.n} | {row.note} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short smoke run")
    parser.add_argument("--write", type=Path, help="also write the Markdown to this file")
    parser.add_argument("--min-time", type=float, default=None)
    args = parser.parse_args(argv)
    min_time = args.min_time or (0.1 if args.quick else 0.5)
    count, passes = (200, 1) if args.quick else (1000, 3)

    info = machine()
    print(f"capf bench — {info['date']} — {info['cpu']} × {info['nproc']} — {info['python']}",
          file=sys.stderr)
    engine, by_size, rule_count = engine_timings(min_time)
    floor = by_size[SIZES[0]]["validate"]
    batch_row, memory = batch(count, passes)
    batch_row = Timing(batch_row.label, batch_row.seconds, batch_row.n,
                       f"{batch_row.note}; {memory['plans per second']} plans/s; "
                       f"{fmt_time(batch_row.seconds / count)} per plan")
    rendering = report_timing(min_time)
    startup = startup_timings()

    # load_plan validates with jsonschema-rs when the `fast` extra is installed: judge the
    # evaluator against the validation load_plan really does.
    basis = "validate_fast" if all("validate_fast" in f for f in by_size.values()) else "validate"
    overhead = {size: f["evaluate"] / f[basis] for size, f in by_size.items()}
    hot_size = max(overhead, key=lambda s: overhead[s])
    over = overhead[hot_size] > OVERHEAD_LIMIT
    large = SIZES[-1]
    share = {size: f[basis] / f["full"] for size, f in by_size.items()}
    validation = ("schema validation (jsonschema-rs fast path, as load_plan uses it)"
                  if basis == "validate_fast" else "schema validation (jsonschema)")

    out = ["# Performance", "",
           "Measured by `python bench/run.py --write docs/performance.md` (bench/README.md). "
           "Plans come from `bench/plans.py` (deterministic, schema-valid, 6 sectors × 5 years, "
           "targets, manko, 10 hazards; the action count varies).", "",
           "## Machine", "",
           *(f"- {k}: {v}" for k, v in info.items()), "",
           "## Engine (in process)", "",
           f"Floor (a) = JSON Schema validation alone of the 50-action plan = {fmt_time(floor)}. "
           f"Profile `{PROFILE}` ({rule_count} rules), as_of {AS_OF}. "
           f"Each figure: median of 5 measurements of n calls, each ≥ {min_time} s.", "",
           *table([*engine, batch_row, *rendering], floor), "",
           "### Growth with the number of actions (c)", "",
           *(f"- {line}" for line in slopes(by_size)), "",
           "### Evaluation on top of validation", "",
           *(f"- {size} actions: evaluate = {ratio:.0%} of {validation}"
             for size, ratio in overhead.items()), "",
           "### Memory (d)", "",
           *(f"- {k}: {v}" for k, v in memory.items() if k != "plans per second"),
           *(f"- tracemalloc peak of load_plan + evaluate, {line}" for line in memory_per_size()),
           "", "## Start-up (f, sub-process)", "",
           *table(startup, startup[0].seconds), "",
           "× floor here is against `python -c pass`.", ""]
    out += ["## Where the time goes", "",
            *(f"- {size} actions: {validation} is {share[size]:.0%} of load_plan + "
              f"evaluate" for size in SIZES), "",
            f"Slowest rules on the {large}-action plan (run_rule alone, median):", "",
            *(f"- {line}" for line in slowest_rules(large)), "",
            f"cProfile of schema validation alone, {SIZES[1]} actions, by own time:", "",
            "```", profile_validation(SIZES[1]), "```", ""]
    if over:
        out += [f"cProfile of evaluate ({PROFILE}), {hot_size} actions, 3 runs, by own time "
                f"(evaluate is {overhead[hot_size]:.0%} of validation, above the "
                f"{OVERHEAD_LIMIT:.0%} limit):", "",
                "```", profile_evaluation(hot_size), "```", ""]
    else:
        out += [f"Evaluation stays under the {OVERHEAD_LIMIT:.0%} limit on top of validation "
                f"at every size, so it is not profiled further here.", ""]
    markdown = "\n".join(out)
    print(markdown)
    if args.write:  # below bench/goals.py's part of the file, which stays
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        top = old.split(MARKER, 1)[0] + MARKER + "\n\n" if MARKER in old else ""
        args.write.write_text(top + markdown.replace("# Performance", "## bench/run.py", 1),
                              encoding="utf-8")
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
