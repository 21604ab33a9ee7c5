"""What a coordinator types in Danish Excel is read as Excel shows it: "70 %" is 70, not 0.7.

Excel stores a cell typed "70 %" (or "70%") as 0.7 with a percent number format, and shows
"70 %". capf's percent fields hold the percentage itself (70), so a percent-formatted cell in
such a field is read as shown; any other cell is read as stored.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_plan_workbook import ODDER, _workbook

from capf.engine.evaluator import evaluate
from capf.model.errors import CapfError
from capf.read.plan import load_plan


def _percent(sheet: str, cell: str, value: float, fmt: str) -> Any:
    def edit(book: Any) -> None:
        book[sheet][cell] = value
        book[sheet][cell].number_format = fmt
    return edit


@pytest.mark.parametrize(("value", "fmt", "read"), [
    (0.7, "0%", 70), (0.7, "0.0%", 70), (0.655, "0.0 %", 65.5), (0.07, "0%", 7),
    (70, "General", 70), (70, "0", 70),
])
def test_a_percent_cell_is_read_as_excel_shows_it(
        tmp_path: Path, value: float, fmt: str, read: float) -> None:
    path = _workbook(tmp_path, _percent("Reduktionsmål", "F3", value, fmt))
    target = load_plan(path).data["targets"]["emission_targets"][0]
    assert target["percent"] == read and type(target["percent"]) is type(read)


def test_a_plan_with_70_percent_typed_with_its_sign_is_judged_as_the_yaml_plan(
        tmp_path: Path) -> None:
    path = _workbook(tmp_path, _percent("Reduktionsmål", "F3", 0.7, "0%"))
    day = date(2026, 1, 1)
    typed = evaluate(load_plan(path), as_of=day)
    written = evaluate(load_plan(ODDER), as_of=day)
    assert [(r.rule, r.outcome) for r in typed.results] == \
        [(r.rule, r.outcome) for r in written.results]


def test_a_number_that_is_no_percentage_is_read_as_stored_whatever_its_format(
        tmp_path: Path) -> None:
    path = _workbook(tmp_path, _percent("Kommune", "B6", 0.5, "0%"))  # population
    with pytest.raises(CapfError, match=r"found the number 0\.5"):
        load_plan(path)


def test_a_list_of_labels_may_be_separated_as_danish_excel_separates_lists(
        tmp_path: Path) -> None:
    """Danish Excel's list separator is `;`: "Energi; Transport" reads as "Energi, Transport"."""
    from test_plan_workbook import _cell

    for typed in ("Energi; Transport", "Energi;Transport", "Energi, Transport"):
        path = _workbook(tmp_path, lambda b, t=typed: _cell(b, "Handlinger", "E3", t))
        assert load_plan(path).data["actions"][0]["sectors"] == ["energy", "transport"]
