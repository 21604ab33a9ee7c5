"""A coordinator's mistakes in a plan workbook, worded in Danish as every other error is.

tests/test_plan_workbook.py checks each mistake in English (`--lang en`); here the same
workbooks, and the mistakes a person makes typing into Danish Excel, are read in Danish: one
line naming file, sheet, cell and pointer, with no English word in it.
"""

from __future__ import annotations

import ast
import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from test_plan_workbook import CASES, ROOT, _cell, _member, _workbook

from capf.cli.main import main

# English words that may not stand in a Danish line (outside the file's own names and texts).
ENGLISH = re.compile(r"\b(expected|found|given|twice|formula|without|value|marked|empty but|"
                     r"unknown|column|row|sheet|item|such|not|merged|unmerge|macros|links|"
                     r"limit|cannot|workbook|text|number|date|the|is|of|at|one)\b")


def _danish(path: Path, capsys: pytest.CaptureFixture[str], *command: str) -> str:
    assert main([*(command or ("validate",)), str(path), "--lang", "da"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("capf: fejl: ") and str(path) in err
    return err


def _outside_quotes(line: str, path: Path) -> str:
    """The line without the file name and without what it quotes from the workbook."""
    return re.sub(r"'[^']*'", "", line.replace(str(path), ""))


DANISH = {
    "unknown sheet": "arket 'Noter': ikke et ark i en capf-projektmappe til en plan",
    "unknown column": "Handlinger!BZ2: ukendt kolonnenøgle '/actions/*/colour'",
    "wrong type": "Klimaregnskab – år!A3 ved /inventory/years/0/year: forventede et heltal, "
                  "fandt teksten 'mange'",
    "formula without value": "Kommune!B6 ved /municipality/population: en formel uden beregnet "
                             "værdi",
    "merged cells": "arket 'Handlinger' har flettede celler i C3:D3",
    "row for an id that does not exist": "Handlinger – effekt!A3: 'NOPE': intet element med "
                                         "det id på arket 'Handlinger'",
    "schema error": "Kommune!B3 ved /municipality/name:",
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_in_a_sheet_is_one_danish_line_naming_sheet_cell_and_pointer(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path, CASES[case][0])
    err = _danish(path, capsys)
    assert DANISH[case] in err
    assert not ENGLISH.search(_outside_quotes(err, path)), err


TYPED = {  # what a person types into Danish Excel, and the line capf answers with
    "population typed as text": (("Kommune", "B6", "6.100"),
                                 "Kommune!B6 ved /municipality/population: forventede et heltal, "
                                 "fandt teksten '6.100'"),
    "a year typed as a date": (("Mål", "B3", datetime.datetime(2045, 1, 1)),
                               "Mål!B3 ved /targets/net_zero_year: forventede et heltal, fandt "
                               "datoen 2045-01-01"),
    "a decimal number where a whole one goes": (("Mål", "B3", 2045.5),
                                                "forventede et heltal, fandt tallet 2045,5"),
    "a date typed as Danish text": (("Plan", "B7", "01-03-2025"),
                                    "Plan!B7 ved /plan/drafted: forventede en dato (ÅÅÅÅ-MM-DD), "
                                    "fandt teksten '01-03-2025'"),
    "a time of day in a date cell": (("Plan", "B7", datetime.datetime(2025, 3, 1, 9, 30)),
                                     "forventede en dato, fandt et klokkeslæt"),
    "a label not in the list": (("Plan", "B6", "Kladde"),
                                "Plan!B6 ved /plan/stage: 'Kladde' er ikke en af Udkast, "
                                "Vedtaget, Godkendt"),
    "yes/no as a number": (("Forpligtelse", "B5", 1),
                           "Forpligtelse!B5 ved /commitment/paris_compatible: forventede ja "
                           "eller nej, fandt tallet 1"),
    "a value beside no key": (("Kommune", "B40", "Ærø"),
                              "Kommune!C40: en værdi uden nøgle i kolonne C"),
}


@pytest.mark.parametrize("case", TYPED, ids=list(TYPED))
def test_what_a_person_types_wrongly_is_told_in_danish(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sheet, cell, value), expected = TYPED[case]
    path = _workbook(tmp_path, lambda b: _cell(b, sheet, cell, value))
    err = _danish(path, capsys)
    assert expected in err
    assert not ENGLISH.search(_outside_quotes(err, path)), err


def test_a_workbook_that_is_not_a_plan_is_refused_in_danish_in_check_and_batch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checklist = tmp_path / "tjekliste.xlsx"
    assert main(["checklist", str(ROOT / "examples" / "odder.yaml"), "-o", str(checklist)]) == 0
    capsys.readouterr()
    err = _danish(checklist, capsys, "check")
    assert "arket 'Kriterium': ikke et ark i en capf-projektmappe til en plan (begynd med " \
           "`capf init -o FIL.xlsx`)" in err
    assert main(["batch", str(checklist), str(ROOT / "examples" / "odder.yaml"), "-o",
                 str(tmp_path / "ud"), "--lang", "da"]) == 2
    summary = (tmp_path / "ud" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "ikke et ark i en capf-projektmappe" in summary and "not a sheet" not in summary


def test_a_damaged_or_hostile_file_is_refused_in_danish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _workbook(tmp_path)
    macros = _member(path, "xl/vbaProject.bin", b"\0" * 100)
    assert "projektmappen indeholder makroer (VBA)" in _danish(macros, capsys)
    links = _member(path, "xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    assert "eksterne kæder" in _danish(links, capsys)
    text = tmp_path / "tekst.xlsx"
    text.write_text("name: x\n")
    assert "ikke en Excel-projektmappe" in _danish(text, capsys)


def test_the_english_is_kept_for_the_api(tmp_path: Path) -> None:
    from capf.model.errors import CapfError
    from capf.read.plan import load_plan

    path = _workbook(tmp_path, lambda b: _cell(b, "Kommune", "B6", "6.100"))
    with pytest.raises(CapfError) as caught:
        load_plan(path)
    assert "expected a whole number, found the text '6.100'" in str(caught.value)
    assert "forventede et heltal" in caught.value.text("da")


def _literal_messages(name: str) -> list[str]:
    """Calls in a workbook reader that hand an error a bare string instead of a Phrase."""
    found = []
    tree = ast.parse((ROOT / "capf" / "read" / name).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func: Any = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            message = {"fail": 2, "_refuse": 1, "CellError": 0}.get(called)
            if message is None or len(node.args) <= message:
                continue
            text = node.args[message]
            if isinstance(text, ast.JoinedStr | ast.Constant):
                found.append(f"{name}:{node.lineno}")
    return found


def test_no_workbook_error_is_worded_in_english_only() -> None:
    bare = [hit for name in ("workbook.py", "workbook_zip.py", "workbook_cells.py")
            for hit in _literal_messages(name)]
    assert bare == [], f"workbook errors worded by a bare English string: {bare}"
