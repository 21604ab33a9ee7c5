"""No crash and no lost file: hostile bytes, devices, all-zero charts, failing plans in a batch,
outputs that are inputs, interrupted or concurrent batches, terminal control characters, a full
disk. Large inputs are generated here, never committed.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import capf.batch.run as batch_module
from capf.batch import run_batch
from capf.cli import main
from capf.engine.ruleset import load_ruleset
from capf.model.errors import CapfError
from capf.read.plan import load_plan
from capf.render.chart import nice_ticks
from capf.text.terminal import printable

ROOT = Path(__file__).resolve().parent.parent
VEJLE = ROOT / "examples" / "vejle.yaml"
AS_OF = "2026-01-01"


def capf(*args: str | Path, cwd: Path = ROOT, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "capf", *map(str, args)], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, timeout=120, check=False,
                          encoding="utf-8", errors="replace",
                          env={**os.environ, "CAPF_LANG": "en"})  # the mentions are English


def one_line_refusal(done: subprocess.CompletedProcess[str], *mentions: str) -> str:
    assert "Traceback" not in done.stderr and done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    for mention in mentions:
        assert mention in line, line
    return line


def vejle() -> dict[str, Any]:
    return yaml.safe_load(VEJLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# --- crashes -------------------------------------------------------------------------------------

def test_a_lone_surrogate_is_refused_with_its_place_by_every_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    data = vejle()
    data["municipality"]["name"] = "PLACEHOLDER"
    bad.write_text(json.dumps(data).replace("PLACEHOLDER", "\\ud800"), encoding="utf-8")
    for args in (["validate", bad], ["check", bad], ["diff", VEJLE, bad]):
        one_line_refusal(capf(*args), "bad.json", "/municipality/name", "surrogate")
    (tmp_path / "good.yaml").write_bytes(VEJLE.read_bytes())
    done = capf("batch", tmp_path, "-o", tmp_path.parent / "out", "--as-of", AS_OF)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    summary = (tmp_path.parent / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "surrogate" in summary and (tmp_path.parent / "out" / "good.report.html").is_file()


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/urandom", "pipe"])
def test_devices_and_endless_pipes_are_read_only_up_to_the_limit(kind: str) -> None:
    cap = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    code = cap + "import sys; from capf.cli import main; sys.exit(main(sys.argv[1:]))"
    if kind == "pipe":
        with subprocess.Popen(["yes", "a: b"], stdout=subprocess.PIPE) as endless:
            done = subprocess.run([sys.executable, "-c", code, "check", "/dev/stdin"],
                                  stdin=endless.stdout, capture_output=True, text=True,
                                  timeout=120, check=False, cwd=ROOT)
            endless.kill()
    else:
        done = subprocess.run([sys.executable, "-c", code, "check", kind], capture_output=True,
                              text=True, timeout=120, check=False, cwd=ROOT)
    one_line_refusal(done, "16.777.216")  # the limit in Danish figures, the default language


def test_an_all_zero_pathway_draws_a_chart() -> None:
    assert len(nice_ticks(0.0, 0.0)) >= 2
    from capf.engine.evaluator import evaluate
    from capf.render.report import render_report

    data = vejle()
    for scenario in data["scenarios"].values():
        for year in scenario.get("years", []):
            year["total"] = 0
            year["sectors"] = dict.fromkeys(year["sectors"], 0)
    plan = load_plan(data)
    page = render_report(evaluate(plan, as_of=None), "html", "da", plan=plan)
    assert "<svg" in page


@pytest.mark.parametrize("bad", [
    {"targets": {"net_zero_year": 10 ** 5000}}, {"municipality": {"name": "\ud800"}},
    {"m\udc80": 1}, {1: 2}, {"a": object()}, {"a": float("nan")}, 123, None, b"plan",
    ["list"], "no-such-file.yaml", "a\0b.yaml",
], ids=[
    "5000-digits", "surrogate", "surrogate-key", "int-key", "object", "nan", "int", "none",
    "bytes", "list", "missing", "nul"])
def test_every_bad_api_input_raises_a_capf_error(bad: Any) -> None:
    with pytest.raises(CapfError):
        load_plan(bad)


def test_any_failure_of_one_plan_in_a_batch_is_its_error_row(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from capf.render import report

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.yaml").write_bytes(VEJLE.read_bytes())
    real = report.render_report
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise ZeroDivisionError("float division by zero")
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "render_report", flaky)
    rows = run_batch([str(folder)], tmp_path / "out", load_ruleset(), as_of=_day(), lang="da")
    assert [bool(r.error) for r in rows] == [False, True, False]
    assert "ZeroDivisionError" in rows[1].error
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"a.report.html", "c.report.html", "summary.csv", "overview.html"} <= written
    assert "b.report.html" not in written


def _day() -> Any:
    from datetime import date

    return date(2026, 1, 1)


# --- files and output ----------------------------------------------------------------------------

def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_bytes(VEJLE.read_bytes())
    os.link(plan, tmp_path / "hard.html")
    (tmp_path / "p.yaml").write_bytes(VEJLE.read_bytes())
    for args in (["report", "plan.md", "-o", "plan.md"], ["report", "plan.md", "-o", "hard.html"],
                 ["checklist", "plan.md", "-o", "./plan.md"], ["check", "plan.md", "-o", "plan.md"],
                 ["batch", ".", "-o", "."]):
        one_line_refusal(capf(*args, cwd=tmp_path), "input")
    assert plan.read_bytes() == VEJLE.read_bytes()


def test_an_interrupted_batch_leaves_the_previous_output_whole(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = tmp_path / "plans", tmp_path / "out"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_bytes(VEJLE.read_bytes())
    run_batch([str(folder)], out, load_ruleset(), as_of=_day(), lang="da")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, calls = batch_module.evaluate, []

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(batch_module, "evaluate", interrupted)
    later = _day().replace(year=2027)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(folder)], out, load_ruleset(), as_of=later, lang="da")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")) == [".out.lock"]


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    lock = os.open(tmp_path / ".out.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        with pytest.raises(CapfError, match="another capf batch"):
            run_batch([str(VEJLE)], out, load_ruleset(), as_of=_day(), lang="da")
    finally:
        os.close(lock)
    assert run_batch([str(VEJLE)], out, load_ruleset(), as_of=_day(), lang="da")


HOSTILE_TEXT = "Vejle\x1b]0;pwned\x07\x1b[2J\u202eliaf\u202c"


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    data = vejle()
    data["municipality"]["name"] = HOSTILE_TEXT
    odd = tmp_path / "plan\x1b[31m\nred.yaml"
    odd.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args in (["validate", odd], ["check", odd, "--as-of", AS_OF], ["diff", VEJLE, odd]):
        done = capf(*args)
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in done.stdout + done.stderr, (args, done.stdout[:300])
    broken = tmp_path / "broken\x07\nfile.yaml"
    broken.write_text("a: [", encoding="utf-8")
    line = one_line_refusal(capf("validate", broken), "broken\\x07\\nfile.yaml")
    assert "\x07" not in line
    progress = io.StringIO()
    run_batch([str(odd)], tmp_path / "out", load_ruleset(), as_of=_day(), lang="da",
              progress=progress)
    assert "\x1b" not in progress.getvalue() and progress.getvalue().count("\n") == 1


def test_printable_escapes_and_keeps_ordinary_text() -> None:
    assert printable("Æblø – 2030 ≥ 70 %\n") == "Æblø – 2030 ≥ 70 %\n"
    assert printable("a\x1bb\u202ec\udcffd", one_line=True) == "a\\x1bb\\u202ec\\xffd"
    assert printable("x\ny", one_line=True) == "x\\ny"


def test_a_full_disk_names_the_path_the_user_gave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    real = os.fdopen

    class Full(io.RawIOBase):
        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def full(fd: int, *args: Any, **kwargs: Any) -> Any:
        real(fd).close()
        return Full()

    monkeypatch.setattr(batch_module.os, "fdopen", full)
    target = tmp_path / "rapport.html"
    assert main(["report", str(VEJLE), "-o", str(target), "--as-of", AS_OF, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "No space left" in err and ".tmp" not in err
    assert main(["batch", str(VEJLE), "-o", str(tmp_path / "ud"), "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "ud") in err and ".new" not in err and ".tmp" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".new"))]


# --- bad input accepted before ---------------------------------------------------------------------

@pytest.mark.parametrize(("expires", "reason"), [
    ('"1893456000"', "a reason"), ("1893456000", "a reason"), ('"2030-1-1"', "a reason"),
    ('"2030-01-01"', "\u200b\u200b\u200b"), ('"2030-01-01"', "\u2060\ufeff\u200d\u3164"),
], ids=["timestamp-string", "timestamp", "short-date", "zero-width", "invisible"])
def test_waivers_need_an_iso_date_and_a_visible_reason(expires: str, reason: str,
                                                       tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(f"waivers:\n  - rule: NEU-5-net-zero-year\n    reason: \"{reason}\"\n"
                       f"    expires: {expires}\n", encoding="utf-8")
    place = "/waivers/0/expires" if reason == "a reason" else "/waivers/0/reason"
    one_line_refusal(capf("check", VEJLE, "--waivers", waivers, "--as-of", AS_OF), place)


def test_documents_on_stdout_carry_no_raw_control_characters(tmp_path: Path) -> None:
    """`capf rules` and `capf check --format json` print rule and plan text: ESC, BEL and bidi
    controls are escaped (JSON with \\uXXXX, so it still reads back as the same text)."""
    from test_rule_security import profile, rule_text

    hostile = "T\x1b]0;pwned\x07 \u202e"  # (a raw C1 control is no YAML; the plan gets one)
    rules = {"NEU-5-t": rule_text("NEU-5-t", {"pattern": {"regex": "x"}},
                                  title={"en": hostile, "da": hostile})}
    path = profile(tmp_path / "p", rules)
    unsafe = ("\x1b", "\x07", "\u202e", "\x9b")
    markdown = capf("rules", "--profile", path, "--format", "md")
    assert markdown.returncode == 0 and "NEU-5-t" in markdown.stdout
    assert not any(c in markdown.stdout for c in unsafe) and "\\x1b]0;pwned" in markdown.stdout
    listed = capf("rules", "--profile", path, "--format", "json")
    assert not any(c in listed.stdout for c in unsafe)
    assert json.loads(listed.stdout)[0]["title"] == hostile
    data = vejle()
    data["municipality"]["name"] = hostile = hostile + "\x9b"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = capf("check", plan, "--format", "json", "--as-of", AS_OF)
    assert not any(c in done.stdout for c in unsafe)
    assert json.loads(done.stdout)["plan"]["name"] == hostile


def test_portfolio_prints_file_names_without_their_control_characters(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "vejle.yaml").write_bytes(VEJLE.read_bytes())
    (plans / "evil\x1b]0;pwned\x07\nline.yaml").write_text("x: [\n", encoding="utf-8")
    done = capf("portfolio", plans, "-o", tmp_path / "out", "--as-of", AS_OF)
    line = one_line_refusal(done, "error rows")
    assert "\x1b" not in line and "\x07" not in line and "evil\\x1b]0;pwned\\x07\\nline" in line
    assert "\x1b" not in done.stdout and len(done.stdout.splitlines()) == 1


HOSTILE = ROOT / "tests" / "hostile"


def test_every_hostile_input_runs_under_a_memory_cap(tmp_path: Path) -> None:
    """Each committed hostile file, and generated ones, through `capf check` with 1 GiB of
    address space: exit 0, 1 or 2, never a crash or MemoryError."""
    generated = tmp_path / "generated"
    generated.mkdir()
    (generated / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (generated / "wide.yaml").write_text("a:\n" + "".join(f"- {i}\n" for i in range(200_000)),
                                         encoding="utf-8")
    (generated / "digits.json").write_text('{"a": ' + "9" * 5000 + "}", encoding="utf-8")
    (generated / "surrogate.json").write_text('{"municipality": {"name": "\\udfff"}}',
                                              encoding="utf-8")
    files = sorted(p for p in HOSTILE.rglob("*") if p.is_file()) + sorted(generated.iterdir())
    cap = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
           "from capf.cli import main; codes = []\n"
           "for name in sys.argv[1:]:\n"
           "    codes.append(main(['check', name, '--as-of', '2026-01-01']))\n"
           "print(codes)")
    done = subprocess.run([sys.executable, "-c", cap, *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    codes = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(codes) == len(files) and set(codes) <= {0, 1, 2}, list(zip(files, codes, strict=True))
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
