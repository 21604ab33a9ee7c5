"""capf portfolio with status reports beside the plans: the realised national total, known sums.

Plans (t CO2e/yr; each pathway a straight line from its status-year inventory):
  630 Vejle      1990 1000; 2020 800 (status year); pathway 2030 400 → 2022: 720, 2023: 680
  101 København  1990 2000; 2020 1600;              pathway 2030 600 → 2022: 1400
  410 Middelfart 1990 500;  2020 400;               pathway 2030 200; no status report
  727 Odder      no 1990 figure → left out, and so is its report
Reports (in DIR/status/ and one in DIR itself):
  Vejle 2022 says 2022: 700; Vejle 2023 says 2023: 700 and revises 2022 to 710 (the later wins)
  København 2022 says 2022: 1450
  a second Vejle report for 2023 (error row), one following no plan read (error row)
So 2022: realised 710 + 1450 = 2160 against 720 + 1400 = 2120 (+40), 2 plans, base 3000,
−28 % vs 1990, Middelfart missing; 2023: 700 against 680 (+20), Vejle only.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from capf.cli import main
from capf.portfolio.collection import build_portfolio, plan_paths
from capf.portfolio.model import Portfolio
from capf.read.folder import input_folders
from capf.read.plan import load_plan
from capf.read.schema import problems
from capf.render.portfolio_page import portfolio_html

AS_OF = date(2026, 1, 1)


def plan(code: str, name: str, years: list[tuple[int, float]], pathway: float) -> dict[str, Any]:
    return {"municipality": {"name": name, "code": code, "population": 50_000},
            "inventory": {"reference_year": 1990, "status_year": 2020,
                          "years": [{"year": y, "total": t} for y, t in years]},
            "scenarios": {"action_pathway": {"years": [{"year": 2030, "total": pathway}]}},
            "targets": {"emission_targets": [{"year": 2030, "type": "percent_below_reference",
                                              "percent": 70}]}}


PLANS = {"vejle": plan("630", "Vejle", [(1990, 1000), (2020, 800)], 400),
         "kobenhavn": plan("101", "København", [(1990, 2000), (2020, 1600)], 600),
         "middelfart": plan("410", "Middelfart", [(1990, 500), (2020, 400)], 200),
         "odder": {**plan("727", "Odder", [(2005, 300), (2020, 250)], 100),
                   "inventory": {"reference_year": 2005, "status_year": 2020,
                                 "years": [{"year": 2005, "total": 300},
                                           {"year": 2020, "total": 250}]}}}


def status(sha: str, year: int, realised: dict[int, float]) -> dict[str, Any]:
    return {"follows": {"plan_sha256": sha}, "reporting_year": year,
            "emissions": {"years": [{"year": y, "total": t} for y, t in realised.items()]}}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sha = {}
    for name, data in PLANS.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
        sha[name] = load_plan(data).sha256
    reports = tmp_path / "status"
    reports.mkdir()
    files = {reports / "vejle-2022.json": status(sha["vejle"], 2022, {2022: 700}),
             reports / "vejle-2023.json": status(sha["vejle"], 2023, {2023: 700, 2022: 710}),
             reports / "vejle-2023b.json": status(sha["vejle"], 2023, {2023: 9999}),
             reports / "odder-2023.json": status(sha["odder"], 2023, {2022: 240}),
             reports / "stray.json": status("0" * 64, 2023, {2022: 5}),
             tmp_path / "kobenhavn-status-2022.json": status(sha["kobenhavn"], 2022, {2022: 1450})}
    for path, data in files.items():
        path.write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def built(folder: Path) -> Portfolio:
    inputs = [str(folder)]
    return build_portfolio(plan_paths(inputs), as_of=AS_OF,
                           folders=input_folders([*inputs, str(folder / "status")]))


def test_the_realised_sums_are_the_known_ones(folder: Path) -> None:
    p = built(folder)
    assert p.status_reports == 6
    by_year = {r.year: r for r in p.realised}
    r22, r23 = by_year[2022], by_year[2023]
    assert (r22.realised.tonnes, r22.pathway.tonnes, r22.above_pathway) == (2160, 2120, 40)
    assert (r22.realised.plans, r22.realised.base_1990, r22.realised.missing) == (2, 3000, ["410"])
    assert r22.realised.reduction_vs_1990 == pytest.approx(0.28)
    assert (r23.realised.tonnes, r23.pathway.tonnes, r23.above_pathway) == (700, 680, 20)
    assert r23.realised.missing == r23.pathway.missing == ["101", "410"]
    assert set(by_year) == {2022, 2023}


def test_each_municipality_keeps_its_reports_and_points(folder: Path) -> None:
    rows = {m.code: m for m in built(folder).municipalities}
    vejle = rows["630"]
    assert [Path(f).name for f in vejle.reports] == ["vejle-2022.json", "vejle-2023.json"]
    assert [(r.year, r.realised, r.pathway) for r in vejle.realised] == [(2022, 710, 720),
                                                                         (2023, 700, 680)]
    assert rows["410"].reports == [] and rows["410"].realised == []


def test_reports_that_cannot_be_added_are_listed_never_guessed(folder: Path) -> None:
    p = built(folder)
    errors = {Path(e.file).name: e.case for e in p.errors}
    assert errors == {"vejle-2023b.json": "duplicate_status_year",
                      "stray.json": "status_without_plan"}
    left = {Path(e.file).name: e.case for e in p.left_out}
    assert left == {"odder.json": "no_1990_figure", "odder-2023.json": "status_of_left_out_plan"}
    assert {t.case for t in p.treatments} >= {"no_status_report", "status_without_plan"}


def test_without_reports_nothing_realised_is_shown_or_counted(tmp_path: Path) -> None:
    (tmp_path / "vejle.json").write_text(json.dumps(PLANS["vejle"]), encoding="utf-8")
    p = build_portfolio(plan_paths([str(tmp_path)]), as_of=AS_OF)
    assert (p.realised, p.status_reports) == ([], 0)
    assert "Ingen statusrapporter ved siden af planerne" in portfolio_html(p, "da")


def test_a_status_folder_that_links_out_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    sha = load_plan(PLANS["vejle"]).sha256
    (outside / "r.json").write_text(json.dumps(status(sha, 2022, {2022: 1})), encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "vejle.json").write_text(json.dumps(PLANS["vejle"]), encoding="utf-8")
    (plans / "status").symlink_to(outside, target_is_directory=True)
    assert [p.name for p in plan_paths([str(plans)])] == ["vejle.json"]


def test_page_json_and_command_show_the_realised_total(folder: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["portfolio", str(folder), "-o", str(out), "--as-of", "2026-01-01"]) == 2
    capsys.readouterr()  # the two error rows make it exit 2; everything else is added up
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert problems("portfolio", data) == []
    assert [(r["year"], r["realised"]["tonnes"]) for r in data["realised"]] == [(2022, 2160),
                                                                              (2023, 700)]
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    assert "Opgjort udledning mod reduktionsstierne" in html
    assert "2.160 <span class=\"partial\">2/3</span>" in html and "+40" in html
    assert "Middelfart" in html.split("Opgjort udledning mod reduktionsstierne")[1].split("</table>")[0]


def test_the_chart_draws_a_realised_sum_only_when_it_covers_every_plan(folder: Path) -> None:
    from capf.render.portfolio_chart import REALISED_COLOUR, portfolio_chart
    from capf.text.portfolio_words import portfolio_words

    words = portfolio_words("da")
    partial = built(folder)
    assert (partial.inputs, partial.status_reports) == (4, 6)  # plan files apart from reports
    assert REALISED_COLOUR not in portfolio_chart(partial, words, "da")
    sha = load_plan(PLANS["middelfart"]).sha256
    (folder / "status" / "middelfart-2022.json").write_text(
        json.dumps(status(sha, 2022, {2022: 350})), encoding="utf-8")
    complete = built(folder)
    assert {r.year: r.realised.plans for r in complete.realised} == {2022: 3, 2023: 1}
    assert complete.realised[0].realised.tonnes == 2510 and complete.realised[0].above_pathway == 30
    assert str(portfolio_chart(complete, words, "da")).count(f'stroke="{REALISED_COLOUR}"') == 1


def test_csv_and_workbook_carry_the_realised_columns(folder: Path) -> None:
    from openpyxl import load_workbook

    from capf.render.portfolio_table import portfolio_csv, portfolio_xlsx

    p = built(folder)
    lines = portfolio_csv(p, "da").splitlines()
    assert lines[0].endswith(";Bemærkning;Opgjort udledning;Reduktionssti for samme planer")
    assert "land;;;;;2022;;;;;;;;;3;;Opgjort udledning 2/3;2160;2120" in lines
    assert "land;;;;;2023;;;;;;;;;3;;Opgjort udledning 1/3;700;680" in lines
    vejle = [line for line in lines if line.startswith("kommune;Vejle;630;")]
    assert [line.rsplit(";", 2)[1:] for line in vejle if ";2022;" in line or ";2023;" in line] == [
        ["710", "720"], ["700", "680"]]
    sheet = load_workbook(io.BytesIO(portfolio_xlsx(p, "en"))).active
    assert sheet is not None
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "national" and r[5] == 2022)
    assert row[-2:] == (2160, 2120)
