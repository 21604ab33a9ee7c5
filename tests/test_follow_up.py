"""The yearly follow-up: status reports, the monitoring profile, `capf monitor` and golden verdicts.

Regenerate the golden follow-up verdicts with `CAPF_REGEN=1 python -m pytest tests/test_follow_up.py`;
the regeneration also points the example reports at the example plans' current sha256 (a plan
edit changes it, and a report that follows another sha256 is refused, by design).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from capf.cli import main
from capf.docs.plan_format import status_format_markdown
from capf.docs.status_template import status_template
from capf.engine.checks.monitoring import add_months
from capf.engine.checks.pathway import interpolated
from capf.engine.follow_up import evaluate_follow_up, follow_up_status
from capf.read.plan import load_plan
from capf.read.schema import load_schema, problems
from capf.read.status import InvalidStatus, load_status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REGEN = os.environ.get("CAPF_REGEN") == "1"
GOLDEN = [("odder", ("odder-2023",), date(2024, 12, 1), "on_track"),
          ("odder", ("odder-2023", "odder-2024"), date(2026, 1, 1), "off_track"),
          ("vejle", ("vejle-2024",), date(2026, 1, 1), "on_track")]
SHA_LINE = re.compile(r'(  plan_sha256: ")[0-9a-f]{64}(")')


def _report(name: str, plan_sha: str) -> Path:
    path = EXAMPLES / "status" / f"{name}.yaml"
    if REGEN:
        path.write_text(SHA_LINE.sub(rf"\g<1>{plan_sha}\g<2>", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    return path


@pytest.mark.parametrize(("plan_name", "reports", "as_of", "status"), GOLDEN,
                         ids=[r[-1] for _, r, _, _ in GOLDEN])
def test_golden_follow_up_verdict(plan_name: str, reports: tuple[str, ...], as_of: date,
                                  status: str) -> None:
    plan = load_plan(EXAMPLES / f"{plan_name}.yaml", source=f"examples/{plan_name}.yaml")
    loaded = [load_status(_report(r, plan.sha256), source=f"examples/status/{r}.yaml")
              for r in reports]
    verdict = evaluate_follow_up(plan, loaded, as_of=as_of)
    text = verdict.model_dump_json(indent=2) + "\n"
    path = EXAMPLES / "expected" / "status" / f"{reports[-1]}.monitoring.json"
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale: CAPF_REGEN=1"
    assert verdict.status == status
    assert problems("verdict", json.loads(text)) == []
    assert not [r.rule for r in verdict.results if r.outcome == "error"]
    assert [(r.source, r.sha256, r.reporting_year) for r in verdict.reports or []] == [
        (s.source, s.sha256, s.year) for s in loaded]


def test_the_reports_are_recorded_only_in_a_follow_up_verdict() -> None:
    """A follow-up verdict names each report it read, like the plan; a plan verdict has none."""
    from capf.engine.evaluator import evaluate

    plan = load_plan(EXAMPLES / "odder.yaml")
    reports = [load_status(EXAMPLES / "status" / f"odder-{y}.yaml") for y in (2024, 2023)]
    verdict = evaluate_follow_up(plan, reports, as_of=date(2026, 1, 1))
    assert [r.reporting_year for r in verdict.reports or []] == [2023, 2024]  # in year order
    assert {r.sha256 for r in verdict.reports or []} == {r.sha256 for r in reports}
    assert "reports" not in json.loads(evaluate(plan, as_of=date(2026, 1, 1)).model_dump_json())


def test_the_off_track_year_names_its_reasons() -> None:
    plan = load_plan(EXAMPLES / "odder.yaml")
    reports = [load_status(EXAMPLES / "status" / f"odder-{y}.yaml") for y in (2024, 2023)]
    verdict = evaluate_follow_up(plan, reports, as_of=date(2026, 1, 1))  # any order
    failed = {r.rule for r in verdict.results if r.outcome == "fail"}
    assert {"NEU-4-total-on-pathway", "NEU-8-cancelled-covered"} <= failed
    cancelled = verdict.result("NEU-8-cancelled-covered")
    assert cancelled is not None and cancelled.values["updated_manko"] == ["2030: 1,000 t",
                                                                           "2050: 23,500 t"]
    assert cancelled.values["updated_manko_da"] == ["2030: 1.000 t", "2050: 23.500 t"]
    assert "2.071 t over" in (verdict.result("NEU-4-total-on-pathway") or cancelled).message.da
    assert all(p.startswith(("/plan/", "/status/", "/statuses/")) for r in verdict.results
               for p in r.evidence)


def test_a_report_for_another_plan_is_refused_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["monitor", str(EXAMPLES / "vejle.yaml"),
                 str(EXAMPLES / "status" / "odder-2024.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "/follows/plan_sha256" in err


def test_two_reports_for_one_year_are_refused() -> None:
    plan = load_plan(EXAMPLES / "odder.yaml")
    report = load_status(EXAMPLES / "status" / "odder-2023.yaml")
    with pytest.raises(InvalidStatus, match="reporting_year"):
        evaluate_follow_up(plan, [report, report])


@pytest.mark.parametrize(("reports", "code"), [(("odder-2023", "odder-2024"), 1),
                                               (("odder-2023",), 0)])
def test_monitor_exit_codes_and_json(tmp_path: Path, reports: tuple[str, ...], code: int) -> None:
    out = tmp_path / "verdict.json"
    args = ["monitor", str(EXAMPLES / "odder.yaml"),
            *(str(EXAMPLES / "status" / f"{r}.yaml") for r in reports),
            "--as-of", "2024-12-01" if code == 0 else "2026-01-01", "--format", "json", "-o",
            str(out)]
    assert main(args) == code
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == (
        "on_track" if code == 0 else "off_track")


def test_the_status_template_is_a_valid_report_that_follows_its_plan(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLES / "odder.yaml")
    path = tmp_path / "status.yaml"
    assert main(["init", "--status", str(EXAMPLES / "odder.yaml"), "-o", str(path)]) == 0
    report = load_status(path)
    assert report.plan_sha256 == plan.sha256
    assert [a["id"] for a in report.data["actions"]] == [a["id"] for a in plan.data["actions"]]
    assert [g["goal"] for g in report.data["adaptation_goals"]] == [
        " ".join(g["goal"].split()) for g in plan.data["adaptation_goals"]]
    assert status_template(plan, "en", today=date(2026, 3, 1)).count("reporting_year: 2025") == 1
    verdict = evaluate_follow_up(plan, [report], as_of=date(2026, 1, 1))
    assert verdict.status == "off_track"  # nothing filled in yet


@pytest.mark.parametrize(("data", "where"), [
    ({"follows": {"plan_sha256": "0" * 64}, "reporting_year": "2024"}, "/reporting_year"),
    ({"follows": {"plan_sha256": "0" * 64}, "reporting_year": 2024, "actionz": []}, "actionz"),
    ({"reporting_year": 2024}, "follows"),
    ({"follows": {"plan_sha256": "abc"}, "reporting_year": 2024}, "/follows/plan_sha256"),
    ({"follows": {"plan_sha256": "0" * 64}, "reporting_year": 2024,
      "actions": [{"id": "E1", "status": "paused"}]}, "/actions/0/status"),
])
def test_the_status_schema_is_strict(data: dict[str, object], where: str) -> None:
    with pytest.raises(InvalidStatus, match=re.escape(where)):
        load_status(data)


def test_shared_definitions_are_the_plan_schemas() -> None:
    plan, status = load_schema("plan")["$defs"], load_schema("status")["$defs"]
    for name in ("evidence", "year", "date", "tonnes", "sector_tonnes", "effect"):
        assert status[name] == plan[name], name


PATHWAY_PLAN = {"inventory": {"status_year": 2020, "years": [{"year": 2020, "total": 100000}]},
                "scenarios": {"action_pathway": {"years": [{"year": 2030, "total": 50000},
                                                           {"year": 2040, "total": 10000}]}}}


@pytest.mark.parametrize(("year", "tonnes"), [(2020, 100000), (2024, 80000), (2030, 50000),
                                              (2035, 30000), (2019, None), (2041, None)])
def test_the_pathway_is_a_straight_line_between_known_years(year: int, tonnes: float | None) -> None:
    assert interpolated(PATHWAY_PLAN, year).tonnes == tonnes


def test_months_are_calendar_months() -> None:
    assert add_months(date(2024, 6, 1), 12) == date(2025, 6, 1)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 12, 15), 14) == date(2025, 2, 15)


@pytest.mark.parametrize(("rows", "status"), [
    ([("essential", "pass"), ("recommended", "fail")], "on_track"),
    ([("essential", "pass"), ("essential", "needs_review")], "needs_review"),
    ([("essential", "needs_review"), ("essential", "fail")], "off_track"),
    ([("essential", "error")], "off_track"),
    ([("recommended", "needs_review"), ("essential", "not_applicable")], "on_track"),
])
def test_follow_up_status_table(rows: list[tuple[str, str]], status: str) -> None:
    assert follow_up_status(rows) == status


def test_docs_status_format_md_is_current() -> None:
    text = status_format_markdown()
    path = ROOT / "docs" / "status-format.md"
    if REGEN:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, "docs/status-format.md is stale: CAPF_REGEN=1"
    for key in load_schema("status")["properties"]:
        assert f"| `{key}` |" in text, key


def test_diff_of_two_status_reports_says_what_moved(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = (str(EXAMPLES / "status" / f"odder-{y}.yaml") for y in (2023, 2024))
    assert main(["diff", old, new, "--lang", "da"]) == 1  # T2 cancelled, emissions rose
    text = capsys.readouterr().out
    assert "T2: forsinket → aflyst" in text and "K3: i gang → gennemført" in text
    assert "2022: 172.000 t → 2023: 171.500 t" in text
    assert main(["diff", old, new, "--format", "json"]) == 1
    moved = json.loads(capsys.readouterr().out)
    assert moved["worse"] == ["T2"]
    assert {c["id"] for c in moved["indicators"]} >= {"Antal udskiftede oliefyr"}


def test_diff_refuses_a_status_report_against_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(EXAMPLES / "odder.yaml"),
                 str(EXAMPLES / "status" / "odder-2024.yaml")]) == 2
    assert "ikke en statusrapport" in capsys.readouterr().err  # Danish by default
    assert main(["diff", str(EXAMPLES / "status" / "odder-2024.yaml"),
                 str(EXAMPLES / "status" / "odder-2023.yaml")]) == 2


@pytest.mark.parametrize("fmt", ["sarif", "junit", "text"])
def test_monitor_writes_the_formats_check_writes(tmp_path: Path, fmt: str) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / f"out.{fmt}"
    assert main(["monitor", str(EXAMPLES / "vejle.yaml"), str(EXAMPLES / "status" / "vejle-2024.yaml"),
                 "--as-of", "2026-01-01", "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "sarif":
        assert json.loads(text)["runs"][0]["results"]
    elif fmt == "junit":
        assert ET.fromstring(text.encode()).tag in ("testsuites", "testsuite")  # noqa: S314
    else:
        assert text.startswith("Vejle Kommune: PÅ RETTE KURS")
