"""A follow-up finding names the file it is about: the status report's line or cell, not the plan's.

A follow-up verdict judged one document, `{"plan": …, "status": <latest report>, "statuses": […]}`
(capf.engine.follow_up), so its pointers start with /plan, /status or /statuses/N. SARIF once
placed every such finding in the plan file, at a line of the plan found by the rest of the
pointer: `/status/emissions/years/0` became odder.yaml line 17.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from capf.cli import main
from capf.read.document import read_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PLAN = EXAMPLES / "odder.yaml"
STATUSES = [EXAMPLES / "status" / "odder-2023.yaml", EXAMPLES / "status" / "odder-2024.yaml"]
AS_OF = "2026-01-01"


def _sarif(tmp_path: Path, plan: Path, statuses: list[Path]) -> dict[str, Any]:
    out = tmp_path / "follow-up.sarif"
    main(["monitor", str(plan), *map(str, statuses), "--as-of", AS_OF, "--format", "sarif",
          "-o", str(out)])
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _file_and_rest(pointer: str, plan: Path, statuses: list[Path]) -> tuple[Path, str]:
    head, _, rest = pointer[1:].partition("/")
    if head == "statuses":
        number, _, rest = rest.partition("/")
        return statuses[int(number)], "/" + rest if rest else ""
    return (plan if head == "plan" else statuses[-1]), "/" + rest if rest else ""


def test_sarif_places_each_follow_up_finding_in_the_file_it_is_about(tmp_path: Path) -> None:
    log = _sarif(tmp_path, PLAN, STATUSES)
    results = log["runs"][0]["results"]
    heads = set()
    for result in results:
        for location in [result["locations"][0], *result.get("relatedLocations", [])]:
            pointer = location["logicalLocations"][0]["fullyQualifiedName"]
            file, rest = _file_and_rest(pointer, PLAN, STATUSES)
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"].endswith(file.name), (pointer, physical)
            line = read_file(file).line_of(rest)
            assert physical.get("region", {}).get("startLine") == line, (pointer, physical)
            heads.add(pointer.split("/")[1])
    assert heads >= {"plan", "status"}  # both kinds of finding are checked
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert [u.rsplit("/", 1)[-1] for u in uris] == ["odder.yaml", "odder-2023.yaml",
                                                    "odder-2024.yaml"]


def test_sarif_status_finding_is_not_placed_in_the_plan(tmp_path: Path) -> None:
    log = _sarif(tmp_path, PLAN, STATUSES)
    status = [r for r in log["runs"][0]["results"]
              if r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].startswith("/status/")]
    assert status, "odder's follow-up has findings about its latest status report"
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "odder-2024.yaml") for r in status)


@pytest.fixture
def workbooks(tmp_path: Path) -> tuple[Path, list[Path]]:
    """odder's plan and status reports as the workbooks a coordinator keeps."""
    plan = tmp_path / "odder.xlsx"
    assert main(["convert", str(PLAN), "-o", str(plan)]) == 0
    statuses = []
    for status in STATUSES:
        book = tmp_path / f"{status.stem}.xlsx"
        assert main(["convert", str(status), "-o", str(book)]) == 0
        statuses.append(book)
    return plan, statuses


def test_monitor_names_the_status_workbooks_cell(workbooks: tuple[Path, list[Path]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    plan, statuses = workbooks
    capsys.readouterr()
    main(["monitor", str(plan), *map(str, statuses), "--as-of", AS_OF])
    lines = [line for line in capsys.readouterr().out.splitlines() if " /status/" in line]
    assert lines
    for line in lines:  # e.g. "/status/emissions/years/0 (odder-2024.xlsx, Udledning!B3): …"
        where = line.split(" /status/", 1)[1].split(": ", 1)[0]
        assert "(odder-2024.xlsx, " in where and "!" in where, line


def test_sarif_of_workbooks_names_file_and_cell(workbooks: tuple[Path, list[Path]],
                                                tmp_path: Path) -> None:
    plan, statuses = workbooks
    log = _sarif(tmp_path, plan, statuses)
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]
        pointer = location["logicalLocations"][0]["fullyQualifiedName"]
        file, _ = _file_and_rest(pointer, plan, statuses)
        assert location["physicalLocation"]["artifactLocation"]["uri"].endswith(file.name)
        assert "!" in location.get("message", {}).get("text", ""), (pointer, location)


def test_follow_up_report_names_the_workbooks_cells(workbooks: tuple[Path, list[Path]],
                                                    tmp_path: Path) -> None:
    plan, statuses = workbooks
    out = tmp_path / "opfoelgning.html"
    assert main(["report", str(plan), "--status", *map(str, statuses), "--as-of", AS_OF,
                 "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "[odder-2024.xlsx, " in page and "[odder.xlsx, " in page
