"""Excel workbooks (issue 15): `checklist -o list.xlsx` and batch's summary.xlsx, read back.

Every cell is read back with openpyxl and compared with the CSV table of the same document, so
the workbook says what the CSV says; layout (frozen header, filter, widths, wrapping), the
decision drop-down, the status colours and formula neutralisation are checked on the file.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from capf import evaluate, load_plan, load_ruleset
from capf.render.checklist import checklist_context, checklist_table, checklist_workbook
from capf.render.summary import COLUMNS, Row, headers, summary_table, summary_workbook
from capf.render.workbook import DECISIONS

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
HOSTILE = ["=1+2", "@SUM(A1)", "-2+3", "+A1", "=HYPERLINK(\"http://x\",\"klik\")",
           "x;=cmd|' /C calc'!A0", "bell\x07esc\x1b", "Ærø"]


def capf(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def sheet(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data)).active


def values(ws: Any) -> list[list[Any]]:
    return [["" if v is None else v for v in line] for line in ws.iter_rows(values_only=True)]


def assert_layout(ws: Any, rows: int, columns: int, decision: str) -> None:
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{chr(64 + columns)}{rows}"
    assert all(c.font.bold for c in ws[1])
    assert all(c.alignment.wrap_text for line in ws.iter_rows() for c in line)
    for column in range(1, columns + 1):
        width = ws.column_dimensions[chr(64 + column)].width
        longest = max(len(line) for c in ws[chr(64 + column)] for line in
                      str(c.value or "").splitlines() or [""])
        assert 8 <= width <= 60 and (width >= longest or width == 60), (column, width)
    [validation] = ws.data_validations.dataValidation
    assert validation.type == "list" and str(validation.sqref) == f"{decision}2:{decision}{rows}"
    assert not any(c.data_type == "f" for line in ws.iter_rows() for c in line)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_checklist_workbook_holds_every_cell_of_the_csv_table(lang: str) -> None:
    plan = load_plan(ODDER)
    verdict = evaluate(plan, load_ruleset(), as_of=date(2026, 1, 1))
    ws = sheet(checklist_workbook(verdict, lang))
    table = checklist_table(checklist_context(verdict, lang))
    assert values(ws) == table
    assert len(table) == len(verdict.criteria) + 1
    assert_layout(ws, len(table), 9, "F")
    [validation] = ws.data_validations.dataValidation
    assert validation.formula1 == '"' + ",".join(DECISIONS[lang]) + '"'
    colours = {r.formula[0]: r.dxf.fill.fgColor.rgb[-6:]
               for cf in ws.conditional_formatting for r in cf.rules}
    met = '"opfyldt"' if lang == "da" else '"met"'
    assert colours[met] == "C6EFCE"
    assert any(str(cf.sqref) == f"D2:D{len(table)}" for cf in ws.conditional_formatting)


def test_the_summary_workbook_has_a_row_per_plan_and_sign_off_columns() -> None:
    rows = [Row(file=f"plans/{t}.yaml", stem="s", name=t, status="non_compliant",
                elements={"governance": "met"}, counts={"pass": 2, "fail": 1}, error=t)
            for t in HOSTILE]
    ws = sheet(summary_workbook(rows, "da"))
    got = values(ws)
    assert got[0] == [*headers("da"), "Afgørelse", "Kommentar", "Navn", "Dato"]
    expected = [[*line, "", "", "", ""] for line in summary_table(rows)[1:]]
    expected = [[c.replace("\x07", "\ufffd").replace("\x1b", "\ufffd") if isinstance(c, str)
                 else c for c in line] for line in expected]
    assert got[1:] == expected  # numbers stay numbers, text stays text
    assert_layout(ws, len(rows) + 1, len(COLUMNS) + 4, chr(65 + len(COLUMNS)))
    for line in ws.iter_rows(min_row=2):
        name = line[1]
        assert name.data_type == "s"
        assert name.quotePrefix == name.value.startswith(("=", "+", "-", "@"))


def test_checklist_xlsx_and_batch_summary_xlsx_from_the_command_line(tmp_path: Path) -> None:
    done = capf("checklist", str(ODDER), "-o", "liste.xlsx", "--as-of", "2026-01-01",
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    ws = sheet((tmp_path / "liste.xlsx").read_bytes())
    assert ws.cell(row=1, column=1).value == "Kriterium" and ws.max_column == 9
    done = capf("batch", str(ODDER), "-o", "out", "--as-of", "2026-01-01", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    ws = sheet((tmp_path / "out" / "summary.xlsx").read_bytes())
    assert [c.value for c in ws[2]][:3] == [str(ODDER), "Odder Kommune",
                                            "opfylder kravene med bemærkninger"]


def test_openpyxl_is_imported_only_when_a_workbook_is_written() -> None:
    code = ("import sys, capf.cli, capf.batch, capf.render.checklist, capf.render.summary; "
            "print('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"
