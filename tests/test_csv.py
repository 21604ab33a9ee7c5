"""CSV for Danish and English Excel (issue 15) and CSV injection per separator (issue 13).

Danish Excel splits a double-clicked CSV at `;`, English Excel at `,`. capf writes the one of the
output language (or `--csv-delimiter`), and no reader, with either separator, finds a cell that
starts a formula: each file is read back with a `;` reader and a `,` reader.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from capf.render.checklist import render_checklist
from capf.render.summary import COLUMNS, Row, headers, summary_csv
from capf.text.formatting import csv_text

ROOT = Path(__file__).resolve().parents[1]
ODDER = ROOT / "examples" / "odder.yaml"
FORMULA = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ["x;=cmd|' /C calc'!A0", "a,=HYPERLINK(\"http://x\")", "=1+2", "@SUM(A1)",
           "-2+3", "+A1", "ok\n=line", "ok\r\n@line", "a;\"=b\"", "a,\"\"=c", "tab\t=d",
           "Ærø, 1,5 t; Åbenrå", "plain"]


def capf(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.run([sys.executable, "-m", "capf", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def cells(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""),
                           delimiter=delimiter))


def assert_no_formula(text: str) -> None:
    for reader in (";", ","):
        for line in cells(text, reader):
            for cell in line:
                assert not cell.startswith(FORMULA), (reader, cell)


@pytest.mark.parametrize("delimiter", [";", ","])
def test_no_reader_of_either_separator_finds_a_formula_cell(delimiter: str) -> None:
    rows = [Row(file=f"{text}.yaml", stem="s", name=text, status="fail", error=text,
                counts={"pass": 3, "fail": 1})
            for text in HOSTILE]
    text = summary_csv(rows, delimiter)
    assert_no_formula(text)
    table = cells(text, delimiter)  # the reader of the separator written sees every cell whole
    assert table[0] == headers("da")
    assert [line[1] for line in table[1:]] == [csv_text(t) for t in HOSTILE]
    assert all(len(line) == len(COLUMNS) for line in table)


def test_neutralising_keeps_the_text_readable() -> None:
    assert csv_text("x;=cmd") == "x;'=cmd"
    assert csv_text("=1") == "'=1"
    assert csv_text("Ærø, 1,5 t; Åbenrå") == "Ærø, 1,5 t; Åbenrå"  # decimal commas untouched
    assert csv_text("2020-2030; mål -70 %") == "2020-2030; mål -70 %"


@pytest.mark.parametrize(("lang", "delimiter"), [("da", ";"), ("en", ",")])
def test_the_checklist_separator_follows_the_language(lang: str, delimiter: str) -> None:
    text = render_checklist(None, "csv", lang)
    assert text.startswith("\ufeff") and text.count("\r\n") >= 2
    table = cells(text, delimiter)
    assert len(table) > 10 and all(len(line) == 9 for line in table)
    assert_no_formula(text)


def test_batch_and_checklist_on_a_hostile_plan_read_with_both_separators(tmp_path: Path) -> None:
    hostile = "Odder;=cmd|' /C calc'!A0,=1+2"
    text = ODDER.read_text(encoding="utf-8").replace("name: Odder Kommune", f'name: "{hostile}"',
                                                     1)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    for lang, delimiter in (("da", ";"), ("en", ",")):
        done = capf("batch", "plan.yaml", "-o", f"out-{lang}", "--lang", lang,
                    "--as-of", "2026-01-01", cwd=tmp_path)
        assert done.returncode in (0, 1), done.stderr
        data = (tmp_path / f"out-{lang}" / "summary.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        summary = data.decode("utf-8")
        assert_no_formula(summary)
        row = dict(zip(*cells(summary, delimiter), strict=True))
        assert row[headers(lang)[1]] == "Odder;'=cmd|' /C calc'!A0,'=1+2"
        done = capf("checklist", "plan.yaml", "-o", f"list-{lang}.csv", "--lang", lang,
                    "--as-of", "2026-01-01", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        checklist = (tmp_path / f"list-{lang}.csv").read_text(encoding="utf-8")
        assert_no_formula(checklist)
        assert all(len(line) == 9 for line in cells(checklist, delimiter))


@pytest.mark.parametrize(("option", "delimiter"), [(";", ";"), (",", ","), ("tab", "\t")])
def test_csv_delimiter_overrides_the_language(option: str, delimiter: str,
                                              tmp_path: Path) -> None:
    done = capf("checklist", "-o", "blank.csv", "--lang", "da", "--csv-delimiter", option,
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "blank.csv").read_text(encoding="utf-8")
    assert all(len(line) == 9 for line in cells(text, delimiter))
    assert cells(text, delimiter)[0][0] == "Kriterium"
