"""Plans and status reports as workbooks (issue 19): lossless round trip, strict reading, CLI.

Hostile workbooks are generated here (never committed): a zip bomb, a sheet of a million rows,
external links, macros, a 1 MB cell, and each mistake a coordinator can make in a sheet.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import strategies as s
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_follow_up_properties import report

from capf.cli.main import main
from capf.model.errors import CapfError, InvalidDocument
from capf.read.plan import load_plan
from capf.read.schema import load_schema
from capf.read.status import load_status
from capf.read.workbook import workbook_document
from capf.read.workbook_cells import json_value, labels
from capf.read.workbook_layout import ANY, layout
from capf.read.workbook_zip import _sheets
from capf.render.plan_workbook import document_workbook
from capf.text.workbook_words import sheet_title

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "examples").glob("*.yaml"))
STATUSES = sorted((ROOT / "examples" / "status").glob("*.yaml"))
ODDER = ROOT / "examples" / "odder.yaml"
ROUND = settings(max_examples=max(min(settings.default.max_examples, 40), 1), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _back(data: dict[str, Any], kind: str, lang: str) -> Any:
    return workbook_document(document_workbook(data, kind, lang), "x.xlsx", kind).data


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("path", PLANS + STATUSES, ids=lambda p: p.name)
def test_every_example_survives_the_round_trip(path: Path, lang: str) -> None:
    kind = "status" if path in STATUSES else "plan"
    data = (load_status if kind == "status" else load_plan)(path).data
    assert _back(data, kind, lang) == data


def _writable(data: dict[str, Any], kind: str, lang: str) -> bytes:
    try:
        return document_workbook(data, kind, lang)
    except InvalidDocument:  # an id shared by two items, one of which has child rows
        assume(False)
        raise


@ROUND
@given(data=st.one_of(s.random_plans, s.plans), lang=st.sampled_from(["da", "en"]))
def test_any_schema_valid_plan_survives_the_round_trip(data: dict[str, Any], lang: str) -> None:
    raw = _writable(data, "plan", lang)
    assert workbook_document(raw, "x.xlsx", "plan").data == data


@ROUND
@given(data=report(["E1", "T2"], "a" * 64), lang=st.sampled_from(["da", "en"]))
def test_any_schema_valid_status_report_survives_the_round_trip(data: dict[str, Any],
                                                                 lang: str) -> None:
    raw = _writable(data, "status", lang)
    assert workbook_document(raw, "x.xlsx", "status").data == data


def test_a_shared_id_with_child_rows_is_refused_when_writing() -> None:
    plan = {"actions": [{"id": "A", "title": "x", "effect": [{"year": 2030, "t_co2e": 1}]},
                        {"id": "A", "title": "y"}]}
    with pytest.raises(InvalidDocument, match="used twice"):
        document_workbook(plan, "plan", "da")


def _schema_paths(node: dict[str, Any], defs: dict[str, Any], at: tuple[str, ...],
                  out: set[tuple[str, ...]]) -> None:
    while "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[1]]
    out.add(at)
    for key, prop in node.get("properties", {}).items():
        _schema_paths(prop, defs, (*at, key), out)
    if "items" in node:
        _schema_paths(node["items"], defs, (*at, ANY), out)


@pytest.mark.parametrize("kind", ["plan", "status"])
def test_the_layout_covers_every_schema_path_and_names_every_sheet(kind: str) -> None:
    schema = load_schema(kind)
    paths: set[tuple[str, ...]] = set()
    _schema_paths(schema, schema["$defs"], (), paths)
    shape = layout(kind)
    assert set(shape.shapes) == paths  # a field added to the schema gets a cell
    for lang in ("da", "en"):
        names = [sheet_title(p.base, lang) for p in shape.sections] + \
            [sheet_title(t.pattern, lang) for t in shape.tables]
        assert len(set(names)) == len(names)
        assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    columns = [c for t in shape.tables for c in t.columns] + \
        [c for p in shape.sections for c in p.rows]
    for column in (c for c in columns if c.codes):
        for lang in ("da", "en"):
            shown = list(labels(column, lang).values())
            assert len({t.casefold() for t in shown}) == len(shown), column.key
            assert not any(set(t) & set(",;") for t in shown), column.key  # list separators
            for code, text in labels(column, lang).items():  # a label reads back as its code
                assert json_value(column, text) == ([code] if column.kind == "enums" else code)


# --- strict reading ------------------------------------------------------------------------

def _workbook(tmp_path: Path, edit: Any = None, name: str = "plan.xlsx") -> Path:
    raw = document_workbook(load_plan(ODDER).data, "plan", "da")
    if edit is not None:
        book = load_workbook(io.BytesIO(raw))
        edit(book)
        out = io.BytesIO()
        book.save(out)
        raw = out.getvalue()
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _member(path: Path, name: str, data: bytes | None = None) -> Path:
    """`path` with the zip member `name` added or replaced (streamed, for huge members)."""
    old = zipfile.ZipFile(path)
    out = path.with_name("edited-" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != name:
                new.writestr(item, old.read(item))
        if data is not None:
            new.writestr(name, data)
    return out


def _error(path: Path, capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert main([*(command or ("check",)), str(path), "--lang", "en"]) == 2  # English wording
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and str(path) in err
    return err


def _cell(book: Any, sheet: str, cell: str, value: Any) -> None:
    book[sheet][cell] = value


CASES = {
    "unknown sheet": (lambda b: b.create_sheet("Noter"), "'Noter'"),
    "unknown column": (lambda b: _cell(b, "Handlinger", "BZ2", "/actions/*/colour"),
                       "Handlinger!BZ2"),
    "wrong type": (lambda b: _cell(b, "Klimaregnskab – år", "A3", "mange"),
                   "Klimaregnskab – år!A3 at /inventory/years/0/year: expected a whole number"),
    "formula without value": (lambda b: _cell(b, "Kommune", "B6", "=1+2"),
                              "Kommune!B6 at /municipality/population: a formula without"),
    "merged cells": (lambda b: b["Handlinger"].merge_cells("C3:D3"), "merged cells at C3:D3"),
    "row for an id that does not exist": (
        lambda b: _cell(b, "Handlinger – effekt", "A3", "NOPE"),
        "Handlinger – effekt!A3: 'NOPE': no such item on sheet 'Handlinger'"),
    "schema error": (lambda b: _cell(b, "Kommune", "B3", "x" * 600),
                     "Kommune!B3 at /municipality/name:"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_mistake_in_a_sheet_is_one_error_naming_sheet_cell_and_pointer(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit, expected = CASES[case]
    assert expected in _error(_workbook(tmp_path, edit), capsys)


def test_a_kv_sheet_is_found_by_its_rows(tmp_path: Path) -> None:
    book = load_workbook(_workbook(tmp_path))
    keys = [row[2] for row in book["Kommune"].iter_rows(min_row=3, values_only=True)]
    assert "/municipality/name" in keys and "/municipality/priorities/*" in keys


def test_macros_and_external_links_are_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path)
    assert "macros" in _error(_member(path, "xl/vbaProject.bin", b"\0" * 100), capsys)
    links = _member(path, "xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    assert "external links" in _error(links, capsys)
    xlsm = tmp_path / "plan.xlsm"
    xlsm.write_bytes(path.read_bytes())
    assert ".xlsm files are not read" in _error(xlsm, capsys)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w") as member:
        for _ in range(80):
            member.write(b"\0" * (1 << 20))
    assert bomb.stat().st_size < 1 << 20
    assert "a zip bomb?" in _error(bomb, capsys)


def test_a_million_row_sheet_is_refused_before_parsing(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path)
    sheet = "xl/worksheets/sheet2.xml"
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 1_000_001))
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f"<sheetData>{rows}</sheetData></worksheet>").encode()
    assert "has a row 100,001; the limit is 100,000 rows" in _error(
        _member(path, sheet, xml), capsys)


def test_a_1_mb_cell_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path)  # openpyxl cuts a cell at 32,767 characters: write the XML
    members = _sheets(zipfile.ZipFile(path), str(path))
    text = "x" * 1_000_000
    xml = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Felt</t></is></c></row>'
           '<row r="2">' + "".join(f'<c r="{c}2" t="inlineStr"><is><t>{k}</t></is></c>' for c, k
                                   in zip("ABCD", ("#field", "#value", "#key", "#empty"),
                                          strict=True)) +
           f'</row><row r="3"><c r="B3" t="inlineStr"><is><t>{text}</t></is></c>'
           '<c r="C3" t="inlineStr"><is><t>/municipality/context</t></is></c></row>'
           "</sheetData></worksheet>").encode()
    err = _error(_member(path, members["Kommune"], xml), capsys)
    assert "Kommune!B3 at /municipality/context: 1,000,000 characters; a cell holds at most " \
        "32,767" in err


def test_not_a_zip_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("name: x\n")
    assert "not an Excel workbook" in _error(path, capsys)


# --- the command line ------------------------------------------------------------------------

def test_convert_goes_every_way_and_back(tmp_path: Path) -> None:
    data = load_plan(ODDER).data
    for start, end in ((".xlsx", ".yaml"), (".xlsx", ".json"), (".json", ".xlsx")):
        first, second = tmp_path / f"a{start}", tmp_path / f"b{start}{end}"
        assert main(["convert", str(ODDER), "-o", str(first), "--force"]) == 0
        assert main(["convert", str(first), "-o", str(second)]) == 0
        assert load_plan(second).data == data
    status = tmp_path / "status.xlsx"
    assert main(["convert", str(STATUSES[0]), "-o", str(status)]) == 0
    assert main(["convert", str(status), "-o", str(tmp_path / "status.yaml")]) == 0
    assert load_status(tmp_path / "status.yaml").data == load_status(STATUSES[0]).data


def test_init_writes_empty_workbooks_that_read_back(tmp_path: Path) -> None:
    plan, status = tmp_path / "plan.xlsx", tmp_path / "status.xlsx"
    assert main(["init", "-o", str(plan)]) == 0
    assert load_plan(plan).data == {}
    assert main(["init", "--status", str(ODDER), "-o", str(status), "--lang", "en"]) == 0
    report_ = load_status(status)
    assert report_.plan_sha256 == load_plan(ODDER).sha256
    assert [a["id"] for a in report_.data["actions"]] == [a["id"] for a in
                                                          load_plan(ODDER).data["actions"]]
    sheets = load_workbook(plan).sheetnames
    assert sheets[0] == "Vejledning" and "Handlinger – effekt" in sheets


def _verdict(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    main([*args, "--as-of", "2026-01-01", "--format", "json"])
    verdict = json.loads(capsys.readouterr().out)
    verdict.pop("source", None)
    verdict.get("plan", {}).pop("source", None)
    return verdict


def test_check_and_monitor_give_the_same_verdict_on_yaml_and_workbook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan, status = tmp_path / "odder.xlsx", tmp_path / "odder-2024.xlsx"
    yaml_status = ROOT / "examples" / "status" / "odder-2024.yaml"
    assert main(["convert", str(ODDER), "-o", str(plan)]) == 0
    assert main(["convert", str(yaml_status), "-o", str(status)]) == 0
    capsys.readouterr()
    for command in (("check", str(ODDER)), ("monitor", str(ODDER), str(yaml_status))):
        workbook = [c.replace(str(ODDER), str(plan)).replace(str(yaml_status), str(status))
                    for c in command]
        expected = json.dumps(_verdict(capsys, *command)).replace(str(ODDER), "PLAN")
        found = json.dumps(_verdict(capsys, *workbook)).replace(str(plan), "PLAN")
        assert found == expected.replace(str(yaml_status), str(status))


def test_a_workbook_for_another_kind_is_refused(tmp_path: Path) -> None:
    status = tmp_path / "status.xlsx"
    assert main(["convert", str(STATUSES[0]), "-o", str(status)]) == 0
    with pytest.raises(CapfError, match="not a sheet of a capf plan workbook"):
        load_plan(status)


# --- findings point into the workbook ------------------------------------------------------

def test_findings_name_sheet_and_cell_in_text_report_and_sarif(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "odder.xlsx"
    assert main(["convert", str(ODDER), "-o", str(plan)]) == 0
    capsys.readouterr()
    main(["check", str(plan), "--as-of", "2026-01-01"])
    text = capsys.readouterr().out
    assert "/risk_assessment/date (Risikovurdering!B3):" in text
    main(["check", str(plan), "--as-of", "2026-01-01", "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    cells = [loc.get("message", {}).get("text") for r in sarif["runs"][0]["results"]
             for loc in r["locations"]]
    assert "Risikovurdering!B3" in cells
    assert main(["report", str(plan), "-o", str(tmp_path / "r.md"), "--as-of",
                 "2026-01-01"]) == 0
    assert "`/risk_assessment/date` [Risikovurdering!B3]" in (tmp_path / "r.md").read_text()
    main(["check", str(ODDER), "--as-of", "2026-01-01"])  # a YAML plan: no cells, as before
    assert "(Risikovurdering!" not in capsys.readouterr().out


def test_diff_reads_workbooks_as_it_reads_yaml(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    plan, old, new = tmp_path / "odder.xlsx", tmp_path / "s2023.xlsx", tmp_path / "s2024.xlsx"
    years = [ROOT / "examples" / "status" / f"odder-{y}.yaml" for y in (2023, 2024)]
    for source, target in ((ODDER, plan), (years[0], old), (years[1], new)):
        assert main(["convert", str(source), "-o", str(target)]) == 0
    for yaml_sides, book_sides in (((ODDER, ROOT / "examples" / "vejle.yaml"),
                                    (plan, ROOT / "examples" / "vejle.yaml")),
                                   (tuple(years), (old, new))):
        capsys.readouterr()
        code = main(["diff", *map(str, yaml_sides), "--format", "json", "--as-of", "2026-01-01"])
        expected = capsys.readouterr().out.replace(str(yaml_sides[0]), "OLD")
        assert main(["diff", *map(str, book_sides), "--format", "json",
                     "--as-of", "2026-01-01"]) == code
        assert capsys.readouterr().out.replace(str(book_sides[0]), "OLD") == expected


def test_a_folder_of_workbooks_is_judged_and_capf_outputs_are_left_out(tmp_path: Path) -> None:
    """A coordinator's folder of .xlsx plans is a batch or portfolio input like one of YAML."""
    from capf.batch import OUTPUT_NAMES as BATCH_OUTPUTS
    from capf.portfolio.collection import OUTPUT_NAMES as PORTFOLIO_OUTPUTS
    from capf.read.folder import CAPF_OUTPUTS, plan_files

    plans = tmp_path / "plans"
    plans.mkdir()
    assert main(["convert", str(ODDER), "-o", str(plans / "odder.xlsx")]) == 0
    assert main(["batch", str(plans), "-o", str(tmp_path / "out"), "--as-of", "2026-01-01"]) in (0, 1)
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "odder.xlsx" in summary and "Odder" in summary
    assert main(["portfolio", str(plans), "-o", str(tmp_path / "national")]) == 0
    national = json.loads((tmp_path / "national" / "portfolio.json").read_text(encoding="utf-8"))
    assert not national.get("errors") and "odder.xlsx" in json.dumps(national)
    for name in {*BATCH_OUTPUTS, *PORTFOLIO_OUTPUTS} & {"summary.xlsx", "portfolio.xlsx"}:
        (plans / name).write_bytes((tmp_path / "out" / "summary.xlsx").read_bytes())
    assert {*BATCH_OUTPUTS, *PORTFOLIO_OUTPUTS} == CAPF_OUTPUTS
    assert [p.name for p in plan_files([str(plans)])] == ["odder.xlsx"]
