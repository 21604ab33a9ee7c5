"""A plan's sha256 counts its content, not how a number is spelled: 1.0 and 1 are one number.

Excel saves a whole number typed 1.0 as 1. A coordinator who opened the plan workbook and saved
it without a change got a new plan hash, and `capf monitor` then refused every status report
written for the plan ("the report follows plan 917f94e77adf…, not …").
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

from capf.cli import main
from capf.read.plan import canonical_json, load_plan

ROOT = Path(__file__).resolve().parents[1]
VEJLE = ROOT / "examples" / "vejle.yaml"  # its numbers include whole numbers written 1.0, 2.0
STATUS = ROOT / "examples" / "status" / "vejle-2024.yaml"


def _saved_by_excel(book: Path, out: Path) -> Path:
    """`book` as Excel writes it back: a whole number's cell value without the '.0'."""
    with zipfile.ZipFile(book) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            raw = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                raw = re.sub(rb"<v>(-?[0-9]+)\.0</v>", rb"<v>\1</v>", raw)
            new.writestr(item, raw)
    return out


def test_a_workbook_saved_again_by_excel_keeps_its_plan_and_its_status_reports(
        tmp_path: Path) -> None:
    book = tmp_path / "vejle.xlsx"
    assert main(["convert", str(VEJLE), "-o", str(book)]) == 0
    assert b".0</v>" in b"".join(zipfile.ZipFile(book).read(n) for n in zipfile.ZipFile(book).namelist()
                                 if n.startswith("xl/worksheets/"))  # the case is there
    saved = _saved_by_excel(book, tmp_path / "vejle-saved.xlsx")
    spelled = [json.dumps(load_plan(p).data) for p in (saved, VEJLE)]
    assert spelled[0] != spelled[1]  # 1.0 came back as 1 (equal in Python, not in the JSON)
    assert load_plan(saved).sha256 == load_plan(book).sha256 == load_plan(VEJLE).sha256
    assert main(["monitor", str(saved), str(STATUS), "--as-of", "2026-01-01"]) in (0, 1)


@pytest.mark.parametrize(("one", "other"), [(1.0, 1), (2030.0, 2030), (-0.0, 0), (1e16, 10**16),
                                            ([1.0, {"x": 2.0}], [1, {"x": 2}])])
def test_the_same_number_spelled_two_ways_is_one_plan(one: object, other: object) -> None:
    assert _sha({"targets": {"value": one}}) == _sha({"targets": {"value": other}})


@pytest.mark.parametrize(("one", "other"), [(1.5, 1), (1.0, "1.0"), (1.0, "1"), (0.1, 0),
                                            (1e-7, 0), (True, 1)])
def test_different_values_stay_different_plans(one: object, other: object) -> None:
    assert _sha({"targets": {"value": one}}) != _sha({"targets": {"value": other}})


def test_a_string_that_looks_like_a_whole_float_is_kept_as_it_is() -> None:
    text = canonical_json({"a": "ratio:1.0,x", "b": [1.0, "2.0", 2.5], "c": 1e+16})
    assert text == b'{"a":"ratio:1.0,x","b":[1,"2.0",2.5],"c":10000000000000000}'


def _sha(data: object) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()
