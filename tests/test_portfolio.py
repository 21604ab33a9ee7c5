"""capf portfolio: generated plans whose sums are known, every figure checked; the stated rules.

Plans (t CO2e/yr, small round numbers so each sum can be checked by hand):
  630 Vejle (Syddanmark)       1990: 1000 (energy 600, transport 400); 2030 BAU 700, pathway 400
                               (energy 150, transport 250), target 70 % → 300, declared manko
                               100 (energy 40, transport 60); net zero 2050, pathway 50, declared 50
  101 København (Hovedstaden)  1990: 2000 (energy 1500, transport 500); 2030 BAU 1400, pathway 500
                               (energy 300, transport 200), absolute target 700; 2050 neutral, 0
  147 Frederiksberg (Hoved.)   reference year 2005: 1990 3000, 2005 2000; 75 % below 2005 → 500;
                               2030 BAU 1800, pathway 600, no manko declared; 2050 neutral, 0
  410 Middelfart (Syddanmark)  1990 500; 2030 pathway 200, per-capita target, no population
  727 Odder                    no 1990 figure (2005 only) → left out and listed
  and error rows: a broken file, code 999, a second plan for 630.
"""

from __future__ import annotations

import html
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from capf.cli import main
from capf.portfolio.collection import build_portfolio, plan_paths
from capf.portfolio.model import Portfolio, YearTotal
from capf.read.schema import load_schema
from capf.render.portfolio_page import portfolio_html
from capf.render.portfolio_table import portfolio_csv, portfolio_xlsx

AS_OF = date(2026, 1, 1)


def record(year: int, total: float, **sectors: float) -> dict[str, Any]:
    return {"year": year, "total": total, **({"sectors": sectors} if sectors else {})}


def plan(code: str, name: str, inventory: list[dict[str, Any]], *, bau: list[Any] | None = None,
         pathway: list[Any], targets: list[dict[str, Any]], net_zero: int | None = None,
         reference_year: int = 1990, manko: list[dict[str, Any]] | None = None,
         population: int | None = 50_000) -> dict[str, Any]:
    data: dict[str, Any] = {
        "municipality": {"name": name, "code": code},
        "inventory": {"reference_year": reference_year, "years": inventory},
        "scenarios": {"action_pathway": {"years": pathway}},
        "targets": {"emission_targets": targets},
    }
    if population:
        data["municipality"]["population"] = population
    if bau:
        data["scenarios"]["bau"] = {"years": bau}
    if net_zero:
        data["targets"]["net_zero_year"] = net_zero
    if manko is not None:
        data["manko"] = {"milestones": manko}
    return data


PLANS = {
    "a-vejle.json": plan(
        "630", "=Vejle", [record(1990, 1000, energy=600, transport=400), record(2020, 800)],
        bau=[record(2030, 700)],
        pathway=[record(2030, 400, energy=150, transport=250), record(2050, 50)],
        targets=[{"year": 2030, "type": "percent_below_reference", "percent": 70}], net_zero=2050,
        manko=[{"year": 2030, "t_co2e": 100, "sectors": {"energy": 40, "transport": 60}},
               {"year": 2050, "t_co2e": 50}]),
    "b-kobenhavn.json": plan(
        "101", "København", [record(1990, 2000, energy=1500, transport=500), record(2021, 1500)],
        bau=[record(2030, 1400)],
        pathway=[record(2030, 500, energy=300, transport=200), record(2050, 0)],
        targets=[{"year": 2030, "type": "absolute", "tonnes": 700},
                 {"year": 2050, "type": "neutral"}],
        manko=[{"year": 2030, "t_co2e": 0}, {"year": 2050, "t_co2e": 0}]),
    "c-frederiksberg.json": plan(
        "147", "Frederiksberg", [record(1990, 3000), record(2005, 2000)], reference_year=2005,
        bau=[record(2030, 1800)], pathway=[record(2030, 600), record(2050, 0)],
        targets=[{"year": 2030, "type": "percent_below_reference", "percent": 75,
                  "reference_year": 2005}, {"year": 2050, "type": "neutral"}]),
    "d-middelfart.json": plan(
        "410", "Middelfart", [record(1990, 500)], pathway=[record(2030, 200)], population=None,
        targets=[{"year": 2030, "type": "per_capita", "tonnes_per_capita": 1.0}]),
    "e-odder.json": plan(
        "727", "Odder", [record(2005, 400)], reference_year=2005, pathway=[record(2030, 100)],
        targets=[{"year": 2030, "type": "percent_below_reference", "percent": 70}]),
    "f-unknown.json": plan("999", "Nowhere", [record(1990, 10)], pathway=[record(2030, 1)],
                           targets=[]),
    "g-vejle-again.json": plan("630", "Vejle igen", [record(1990, 10)], pathway=[], targets=[]),
}


@pytest.fixture
def plans_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name, data in PLANS.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.yaml").write_text("municipality: [unclosed\n", encoding="utf-8")
    return folder


@pytest.fixture
def portfolio(plans_dir: Path) -> Portfolio:
    return build_portfolio(plan_paths([str(plans_dir)]), as_of=AS_OF)


def year(p: Portfolio | Any, y: int) -> YearTotal:
    return next(t for t in p.years if t.year == y)


def test_every_2030_figure_is_the_known_sum(portfolio: Portfolio) -> None:
    assert [m.code for m in portfolio.municipalities] == ["101", "147", "410", "630"]
    t = year(portfolio, 2030)
    assert (t.pathway.tonnes, t.pathway.plans, t.pathway.base_1990) == (1700, 4, 6500)
    assert t.pathway.reduction_vs_1990 == pytest.approx(1 - 1700 / 6500)
    # the per-capita target without population is left out of the target sum, and named
    assert (t.target.tonnes, t.target.plans, t.target.missing) == (pytest.approx(1500), 3, ["410"])
    assert t.target.base_1990 == 6000
    assert t.target.reduction_vs_1990 == pytest.approx(0.75)
    assert (t.bau.tonnes, t.bau.missing, t.bau.base_1990) == (3900, ["410"], 6000)
    assert (t.manko_computed.tonnes, t.manko_computed.missing) == (pytest.approx(200), ["410"])
    assert (t.manko_declared.tonnes, t.manko_declared.plans) == (100, 4)
    assert t.manko_computed.reduction_vs_1990 is None
    assert t.inventory.tonnes is None and t.inventory.plans == 0


def test_1990_sectors_and_the_manko_that_sectors_carry(portfolio: Portfolio) -> None:
    base = year(portfolio, 1990)
    assert (base.inventory.tonnes, base.inventory.plans, base.inventory.missing) == (6500, 4, [])
    sectors = {s.sector: s for s in year(portfolio, 2030).sectors}
    assert (sectors["energy"].pathway.tonnes, sectors["energy"].pathway.base_1990) == (450, 2100)
    assert sectors["energy"].pathway.missing == ["147", "410"]
    assert (sectors["transport"].manko_declared.tonnes, sectors["energy"].manko_declared.tonnes) \
        == (60, 40)
    assert year(portfolio, 2030).manko_declared_unsplit == 0
    assert year(portfolio, 2050).manko_declared_unsplit == 50  # Vejle's 2050 manko has no split


def test_headlines_against_the_national_line(portfolio: Portfolio) -> None:
    h2030, h2050 = portfolio.headlines
    assert (h2030.year, h2030.national_reduction) == (2030, 0.70)
    assert h2030.national_level == pytest.approx(0.3 * 6500)
    assert h2030.pathway_above_national == pytest.approx(1700 - 1950)
    assert h2030.target_reduction_vs_1990 == pytest.approx(0.75)
    assert h2030.manko_sectors == ["transport", "energy"]
    assert (h2050.national_reduction, h2050.national_level) == (1.0, 0.0)
    t = year(portfolio, 2050)
    assert (t.target.tonnes, t.target.plans, t.target.missing) == (0, 3, ["410"])
    assert (t.pathway.tonnes, t.manko_computed.tonnes, h2050.pathway_above_national) == (50, 50, 50)


def test_each_municipality_share_of_the_combined_manko(portfolio: Portfolio) -> None:
    shares = {m.code: next(y for y in m.years if y.year == 2030).manko_share
              for m in portfolio.municipalities}
    assert shares == {"101": 0, "147": pytest.approx(0.5), "410": None, "630": pytest.approx(0.5)}


def test_regions_add_up_their_own_municipalities(portfolio: Portfolio, plans_dir: Path) -> None:
    groups = {g.name: g for g in portfolio.groups}
    assert sorted(groups) == ["Region Hovedstaden", "Region Syddanmark"]
    assert groups["Region Hovedstaden"].municipalities == ["101", "147"]
    assert year(groups["Region Hovedstaden"], 2030).pathway.tonnes == 1100
    assert year(groups["Region Syddanmark"], 2030).pathway.tonnes == 600
    assert year(groups["Region Syddanmark"], 2030).target.missing == ["410"]
    ungrouped = build_portfolio([plans_dir / "a-vejle.json"], as_of=AS_OF, group_by="none")
    assert ungrouped.groups == [] and year(ungrouped, 2030).pathway.tonnes == 400


def test_another_reference_year_is_converted_or_listed_as_documented(portfolio: Portfolio) -> None:
    frederiksberg = next(m for m in portfolio.municipalities if m.code == "147")
    assert "other_reference_year" in frederiksberg.cases
    assert next(y for y in frederiksberg.years if y.year == 2030).target == pytest.approx(500)
    [odder] = portfolio.left_out
    assert (odder.code, odder.case) == ("727", "no_1990_figure")
    assert "no factor" in odder.reason.en and "1990" in odder.reason.da
    cases = {t.case: t.handling for t in portfolio.treatments}
    assert cases["other_reference_year"] == "included_converted"
    assert cases["no_1990_figure"] == "plan_left_out_listed"
    assert cases["per_capita_without_population"] == "figure_left_out_listed"
    middelfart = next(m for m in portfolio.municipalities if m.code == "410")
    assert "per_capita_without_population" in middelfart.cases
    assert [g.year for g in middelfart.gaps if g.series == "target"] == [2030]


def test_broken_unknown_and_duplicate_plans_are_error_rows(portfolio: Portfolio) -> None:
    errors = {Path(e.file).name: e for e in portfolio.errors}
    assert set(errors) == {"broken.yaml", "f-unknown.json", "g-vejle-again.json"}
    assert errors["broken.yaml"].case == "not_loadable"
    assert "\n" not in errors["broken.yaml"].reason.en
    assert errors["f-unknown.json"].case == "unknown_municipality_code"
    assert errors["g-vejle-again.json"].case == "duplicate_municipality_code"
    assert "a-vejle.json" in errors["g-vejle-again.json"].reason.en
    assert portfolio.inputs == 8


def test_json_follows_the_published_schema(portfolio: Portfolio) -> None:
    schema = load_schema("portfolio")
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(portfolio.model_dump_json())))
    assert errors == []


def test_html_in_both_languages_and_the_chart(portfolio: Portfolio) -> None:
    da, en = portfolio_html(portfolio, "da"), portfolio_html(portfolio, "en")
    assert "<svg" in da and "70 % under 1990 (klimaloven)" in da
    assert "Kommunernes klimaplaner lagt sammen" in da and "Udeladte planer" in da
    assert "1.700" in da and "1,700" in en and "Plans left out" in en
    assert "Region Hovedstaden" in da and "&lt;" not in da.split("<style>")[0]
    assert "no factor to carry" in en and "ingen faktor" in da
    # above or below the line, in the headline and the realised table alike: +23.000 / −10.500
    differences = re.findall(r'class="num (?:above|below)">([^<]*)<', da)
    assert differences and all(d == "0" or d[0] in "+−" for d in differences), differences


# English words that are not also Danish ("for", "to", "by", "is" are): a Danish page has none
ENGLISH = re.compile(r"\b(the|and|of|own|lists|arithmetic|rules|use|with|which|from|are)\b")
# A file or module of capf's own source (capf-framework.md, capf/portfolio/…, capf.engine):
# a secretariat reading the page cannot open it
SOURCE_FILE = re.compile(r"[\w/-]+\.md\b|\bcapf[./]\w+")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_page_speaks_its_language_and_cites_what_a_reader_can_look_up(
        portfolio: Portfolio, lang: str) -> None:
    page = portfolio_html(portfolio, lang)
    words = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ",
                                                         page, flags=re.S)))
    if lang == "da":  # file paths (pytest-of-root/…) are no words
        assert ENGLISH.findall(re.sub(r"\S*/\S*", " ", words)) == []
        assert "kommunekode 630, også i" in words  # the second plan of a municipality
    assert SOURCE_FILE.findall(words) == []
    assert "Klimaloven (2020)" in words


def test_csv_dialects_and_formula_cells(portfolio: Portfolio) -> None:
    da, en = portfolio_csv(portfolio, "da"), portfolio_csv(portfolio, "en")
    # headers in words, as in summary.csv: a person opens it in Excel
    assert da.startswith("\ufeffOmfang;Navn;Kode;Region;Fil;År;Klimaregnskab;BAU-fremskrivning;")
    assert en.startswith("\ufeffScope,Name,Code,Region,File,Year,Inventory,BAU,Action pathway,")
    assert "_" not in da.splitlines()[0] + en.splitlines()[0]
    assert "\r\n" in da and "\n" not in da.replace("\r\n", "")
    assert ";'=Vejle;" in da and "=Vejle" not in da.replace("'=Vejle", "")
    assert "land;;;;;2030;;3900;1700;1500;100;200;0,7500;" in da
    assert "national,,,,,2030,,3900,1700,1500,100,200,0.7500," in en


def test_workbook_holds_the_csv_rows_with_numbers_as_numbers(portfolio: Portfolio) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(portfolio_xlsx(portfolio, "en"))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    national_2030 = next(r for r in rows if r[0] == "national" and r[5] == 2030)
    assert national_2030[6:12] == (None, 3900, 1700, 1500, 100, 200)
    assert national_2030[12] == pytest.approx(0.75)
    cut = next(c for c in sheet["M"] if c.value == pytest.approx(0.75))
    assert cut.number_format == "0.0%"  # Excel shows 75.0 % (75,0 % in Danish Excel)
    vejle = [c for c in sheet["B"] if c.value == "=Vejle"]
    assert vejle and all(c.data_type == "s" for c in vejle)  # text, never a formula


def test_cli_writes_the_outputs_and_exits_2_for_error_rows(plans_dir: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["portfolio", str(plans_dir), "-o", str(out), "--as-of", "2026-01-01"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["portfolio.csv", "portfolio.html",
                                                     "portfolio.json", "portfolio.xlsx"]
    assert "broken.yaml" in capsys.readouterr().err
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2026-01-01" and len(data["municipalities"]) == 4
    again = tmp_path / "again"
    assert main(["portfolio", *(str(plans_dir / n) for n in ("a-vejle.json", "b-kobenhavn.json")),
                 "-o", str(again), "--group-by", "dgo", "--lang", "en"]) == 0
    assert json.loads((again / "portfolio.json").read_text(encoding="utf-8"))["group_by"] == "dgo"


def test_outputs_never_overwrite_inputs(plans_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = plans_dir / "portfolio.json"
    own.write_text(json.dumps(PLANS["b-kobenhavn.json"]), encoding="utf-8")
    before = own.read_bytes()
    assert main(["portfolio", str(own), "-o", str(plans_dir)]) == 2
    assert own.read_bytes() == before and not (plans_dir / "portfolio.html").exists()
    assert "er en inputplan" in capsys.readouterr().err  # Danish by default
    (plans_dir / "x.verdict.json").write_text("{}", encoding="utf-8")
    names = [p.name for p in plan_paths([str(plans_dir)])]
    assert "portfolio.json" not in names and "x.verdict.json" not in names


def test_schema_command_prints_the_portfolio_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "portfolio"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "capf portfolio"
