"""The checklist's evidence column as a reviewer reads it in Excel: years as years, Danish names.

Beside each rule the checklist lists what the engine computed ("værdi: 2022; pr.: 2026-01-01").
A year there is shown as written (2022, never 2.022), a count or tonnage grouped (31.500), and
every computed value has a Danish name, so no English key (`years`) stands in a Danish cell.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_rule_examples import AS_OF, CASES, example_context

from capf.engine.evaluator import evaluate, run_rule
from capf.engine.ruleset import CompiledRule, load_ruleset
from capf.read.plan import load_plan
from capf.render.checklist import checklist_workbook
from capf.text.message import TRANSLATED
from capf.text.names import VALUE_NAMES, value_name

ROOT = Path(__file__).resolve().parents[1]
FJORDBY = ROOT / "examples" / "fjordby-draft.yaml"
_TWINS = tuple(f"_{lang}" for lang in TRANSLATED)


def _evidence(plan: Path, profile: str = "dk2020") -> dict[str, str]:
    """Criterion id → the checklist workbook's 'rules and evidence' cell, in Danish."""
    verdict = evaluate(load_plan(plan), load_ruleset(profile), as_of=date(2026, 1, 1))
    sheet = load_workbook(io.BytesIO(checklist_workbook(verdict, "da"))).active
    assert sheet is not None
    return {str(row[0]): str(row[4]) for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_years_in_the_evidence_column_are_written_as_years() -> None:
    cells = _evidence(FJORDBY)
    assert "værdi: 2055; grænse: 2050" in cells["NEU-5"]  # net-zero year and its bound
    assert "mangler: 2030, 2050" in cells["NEU-3"]  # BAU milestones the plan lacks
    assert "værdi: 2022; alder (år): 4" in cells["NEU-1"]  # the inventory's status year
    assert "værdi: 1990; sammenholdt med: 2022" in cells["NEU-2"]  # reference and status year
    assert "værdi: 31.500" in cells["GOV-11"]  # a population is a number, grouped
    grouped_years = re.compile(r"(?<![0-9.,])(19|20)[0-9]\.[0-9]{3}(?![0-9])")
    for criterion, cell in cells.items():
        assert not grouped_years.search(cell.replace("31.500", "")), (criterion, cell)


def test_a_pointer_the_rule_failed_on_is_not_called_missing() -> None:
    """`failing` lists the places a rule failed at: the value is there (2055), only too late."""
    cell = _evidence(FJORDBY)["NEU-5"]
    assert "mangler: /targets/net_zero_year" not in cell
    assert "ikke opfyldt: /targets/net_zero_year" in cell


def _value_keys(compiled: CompiledRule, fragment: dict[str, object]) -> set[str]:
    result = run_rule(compiled, example_context(compiled, fragment))
    return {k for k in result.values if not k.endswith(_TWINS)}


def test_every_value_a_rule_computes_has_a_danish_name() -> None:
    keys: set[str] = set()
    for case in CASES:
        compiled, expected, index = case.values
        assert isinstance(compiled, CompiledRule) and isinstance(index, int)
        examples = compiled.rule.examples
        keys |= _value_keys(compiled, (examples.pass_ if expected == "pass" else
                                       examples.fail)[index])
    for plan in sorted((ROOT / "examples").glob("*.yaml")):
        for profile in ("c40-capf-2020", "dk2020", "klimaalliancen-2024"):
            verdict = evaluate(load_plan(plan), load_ruleset(profile), as_of=AS_OF)
            keys |= {k for r in verdict.results for k in r.values if not k.endswith(_TWINS)}
    unnamed = sorted(k for k in keys if value_name(k, "da") == k and k not in VALUE_NAMES)
    assert unnamed == [], f"computed values without a Danish name: {unnamed}"


@pytest.mark.parametrize("name", sorted(VALUE_NAMES))
def test_each_value_name_is_worded_in_both_languages(name: str) -> None:
    english, danish = VALUE_NAMES[name]
    assert english and danish and value_name(name, "da") == danish
