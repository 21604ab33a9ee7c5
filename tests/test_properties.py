"""Properties over generated, schema-valid plans (strategies in tests/strategies.py).

Budgets come from the settings profile of tests/conftest.py: the main evaluator property runs
the profile's full count (1,000 in CI), the others at most 200 (`OTHER`).
"""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
import strategies as s
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from capf.engine import emissions as em
from capf.engine.evaluator import build_verdict, evaluate
from capf.engine.ruleset import BUILTIN_PROFILES, RuleSet, load_ruleset
from capf.engine.selector import Match, parse_selector
from capf.model.pointer import pointer
from capf.model.verdict import criterion_status, element_status, overall_status
from capf.read.plan import load_plan
from capf.read.schema import load_schema, problems
from capf.read.waiver import Waiver, WaiverSet

OTHER = settings(max_examples=max(min(settings.default.max_examples, 200), 1))
AS_OF = date(2026, 1, 1)


def _rulesets() -> list[RuleSet]:
    return [load_ruleset(profile) for profile in BUILTIN_PROFILES]


# --- the strategies follow the schema ---------------------------------------------------------

@OTHER
@given(s.plans)
def test_generated_plans_are_schema_valid(data: dict[str, Any]) -> None:
    assert problems("plan", data) == []


def _schema_objects(node: Any, at: str, found: dict[str, tuple[frozenset[str], frozenset[str]]]
                    ) -> None:
    if not isinstance(node, dict):
        return
    if "properties" in node:
        found[at] = (frozenset(node.get("required", ())), frozenset(node["properties"]))
        for key, child in node["properties"].items():
            _schema_objects(child, f"{at}/properties/{key}", found)
    if "items" in node:
        _schema_objects(node["items"], f"{at}/items", found)
    for key, child in node.get("$defs", {}).items():
        _schema_objects(child, f"{at}/$defs/{key}", found)


def test_strategies_cover_every_object_of_the_plan_schema() -> None:
    found: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    _schema_objects(load_schema("plan"), "", found)
    assert set(found) == set(s.SHAPES), "strategy objects differ from the schema's objects"
    for at, (required, keys) in found.items():
        assert s.SHAPES[at] == (required, keys), at


def test_a_full_plan_is_generated_at_least_once() -> None:
    """The strategies reach every key: each section of the schema appears in some example."""
    seen: set[str] = set()

    @settings(max_examples=50, derandomize=True, database=None)
    @given(s.plans)
    def collect(data: dict[str, Any]) -> None:
        seen.update(data)

    collect()
    assert seen >= set(load_schema("plan")["properties"]) - {"$schema"}


# --- the evaluator on any valid plan ----------------------------------------------------------

def _waivers(draw: Any, rule_ids: list[str]) -> WaiverSet | None:
    if not draw(st.booleans()):
        return None
    chosen = draw(st.lists(st.sampled_from([*rule_ids, "NEU-99-no-such-rule"]), max_size=4))
    waivers = tuple(Waiver.model_validate({
        "rule": rule,
        "reason": draw(st.sampled_from(["accepted by the council", "{{ 7*7 }} data gap"])),
        "expires": draw(s.as_of).isoformat(),
        **({"scope": draw(st.sampled_from(["/actions", "/inventory/years/0", "/"]))}
           if draw(st.booleans()) else {}),
    }) for rule in chosen)
    return WaiverSet(waivers, "0" * 64, "<generated>")


@given(data=s.plans, as_of=s.as_of, draw=st.data())
def test_evaluation_is_total_complete_and_deterministic(
        data: dict[str, Any], as_of: date, draw: st.DataObject) -> None:
    """The main property (the profile's full budget: 1,000 examples in CI).

    For every built-in profile: evaluate never raises, gives exactly one result per rule in the
    rule set's order, no result is `error` (a rule that crashed on valid data), and the same
    plan read back from JSON text gives byte-identical verdict JSON. (Verdict-schema validation
    costs ~3x an evaluation, so it has its own property below, on every profile.)
    """
    original = copy.deepcopy(data)
    plan = load_plan(data)
    from_text = load_plan(json.dumps(data), source="<mapping>")
    assert from_text.sha256 == plan.sha256
    for ruleset in _rulesets():
        waivers = _waivers(draw.draw, [c.rule.id for c in ruleset.rules])
        verdict = evaluate(plan, ruleset, as_of=as_of, waivers=waivers)
        assert [r.rule for r in verdict.results] == [c.rule.id for c in ruleset.rules]
        crashed = {r.rule: r.values.get("error") for r in verdict.results if r.outcome == "error"}
        assert crashed == {}, f"{ruleset.id}: rules crashed on a valid plan"
        dumped = verdict.model_dump_json()
        again = evaluate(from_text, ruleset, as_of=as_of, waivers=waivers).model_dump_json()
        assert again == dumped
    assert data == original, "evaluation changed the plan data"


@OTHER
@given(data=s.plans, as_of=s.as_of, draw=st.data())
def test_every_verdict_validates_against_the_verdict_schema(
        data: dict[str, Any], as_of: date, draw: st.DataObject) -> None:
    plan = load_plan(data)
    for ruleset in _rulesets():
        waivers = _waivers(draw.draw, [c.rule.id for c in ruleset.rules])
        verdict = evaluate(plan, ruleset, as_of=as_of, waivers=waivers)
        assert problems("verdict", json.loads(verdict.model_dump_json())) == []


# --- selectors ----------------------------------------------------------------------------------

@st.composite
def rooted_paths(draw: Any) -> tuple[Any, list[str | int], Any]:
    root = draw(s.json_values)
    node, path = root, []
    while isinstance(node, dict | list) and node and draw(st.booleans()):
        step: str | int = draw(st.sampled_from(sorted(node)) if isinstance(node, dict)
                               else st.integers(0, len(node) - 1))
        path.append(step)
        node = node[step]  # type: ignore[index]
    return root, path, node


@OTHER
@given(rooted_paths())
def test_a_pointer_selects_the_value_it_points_at(case: tuple[Any, list[str | int], Any]) -> None:
    root, path, value = case
    text = pointer(path)
    found = parse_selector(text).select(root)
    assert found == [Match(text, value)]
    assert found[0].value is value


@OTHER
@given(rooted_paths())
def test_a_wildcard_yields_the_pointers_of_every_child(
        case: tuple[Any, list[str | int], Any]) -> None:
    root, path, value = case
    assume(isinstance(value, dict | list))
    found = parse_selector(pointer(path) + "/*").select(root)
    children = list(value) if isinstance(value, dict) else list(range(len(value)))
    assert [m.pointer for m in found] == [pointer([*path, c]) for c in children]
    assert [m.value for m in found] == [value[c] for c in children]


@pytest.mark.parametrize(("key", "escaped"), [("a/b", "/a~1b"), ("~", "/~0"), ("~1", "/~01"),
                                              ("/~", "/~1~0"), ("~0~1", "/~00~01")])
def test_escaped_keys_round_trip(key: str, escaped: str) -> None:
    root = {key: {"x": [10, 20]}}
    assert pointer([key, "x", 1]) == escaped + "/x/1"
    assert parse_selector(escaped + "/x/1").select(root) == [Match(escaped + "/x/1", 20)]


def test_a_non_ascii_digit_step_matches_nothing_in_an_array() -> None:
    assert parse_selector("/a/²").select({"a": [1, 2, 3]}) == []


# --- target-level arithmetic --------------------------------------------------------------------

def _with_target(plan: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(plan)
    targets = out.setdefault("targets", {})
    targets["emission_targets"] = [*targets.get("emission_targets", []), target]
    return out


def _reference_year(draw: Any, plan: dict[str, Any]) -> int:
    years = [r["year"] for r in plan.get("inventory", {}).get("years", [])]
    return draw(st.sampled_from(years) if years and draw(st.booleans()) else s.year)


@OTHER
@given(plan=s.plans, target=s.emission_target, low=s.number(0, 200), high=s.number(0, 200),
       draw=st.data())
def test_a_stricter_percent_target_never_allows_more(
        plan: dict[str, Any], target: dict[str, Any], low: float, high: float,
        draw: st.DataObject) -> None:
    low, high = sorted((low, high))
    target = {**target, "type": "percent_below_reference",
              "reference_year": _reference_year(draw.draw, plan)}
    year, sector = target["year"], target.get("sector", "total")
    lenient = em.required_level(_with_target(plan, {**target, "percent": low}), year, sector)
    strict_plan = _with_target(plan, {**target, "percent": high})
    assert problems("plan", strict_plan) == []
    strict = em.required_level(strict_plan, year, sector)
    if lenient.tonnes is not None:
        assert strict.tonnes is not None
        assert strict.tonnes <= lenient.tonnes


@OTHER
@given(plan=s.plans, target=s.emission_target, draw=st.data())
def test_adding_a_target_never_raises_the_required_level(
        plan: dict[str, Any], target: dict[str, Any], draw: st.DataObject) -> None:
    if target["type"] == "percent_below_reference" and draw.draw(st.booleans()):
        target = {**target, "reference_year": _reference_year(draw.draw, plan)}
    # Two shapes are left out by design. A split target (part of the cut outside the boundary)
    # says how neutrality is reached in its year, so the all-sector net-zero level stops binding
    # there; a group target (`sectors`) is no target of any one sector.
    target = {k: v for k, v in target.items() if k not in (
        "inside_boundary_min_percent", "outside_boundary_max_percent", "sectors")}
    year, sector = target["year"], target.get("sector", "total")
    before = em.required_level(plan, year, sector)
    after = em.required_level(_with_target(plan, target), year, sector)
    if before.tonnes is not None:
        assert after.tonnes is not None
        assert after.tonnes <= before.tonnes


@OTHER
@given(plan=s.plans, year=s.year, sector=st.sampled_from(("total", *s.SECTORS)))
def test_emission_arithmetic_never_raises(plan: dict[str, Any], year: int, sector: str) -> None:
    level = em.required_level(plan, year, sector)
    assert level.tonnes is not None or level.reason
    for gap in em.manko_gaps(plan):
        assert gap.expected is None or gap.expected >= 0
    em.sector_cut(plan, s.SECTORS[:2], year, 2019)
    em.scenario_level(plan, em.PATHWAY, year)
    for total, pointers in em.action_effects(plan).values():
        assert total >= 0
        assert all(p.startswith("/actions/") for p in pointers)


# --- aggregation monotonicity -------------------------------------------------------------------
# Order (worse → better): criterion and element status not_met < partially_met <
# met_with_observations < met, with not_assessed apart (flipping fail → pass keeps a rule
# applicable, so it cannot appear or go); overall non_compliant < needs_review <
# compliant_with_observations < compliant.

STATUS_RANK = {"not_met": 0, "partially_met": 1, "met_with_observations": 2, "met": 3}
OVERALL_RANK = {"non_compliant": 0, "needs_review": 1, "compliant_with_observations": 2,
                "compliant": 3}
OUTCOMES = ("pass", "fail", "needs_review", "waived", "error", "not_applicable")


def _not_worse(before: str, after: str) -> bool:
    if "not_assessed" in (before, after):
        return before == after
    return STATUS_RANK[after] >= STATUS_RANK[before]


Graded = list[tuple[int, int, str, str]]  # (element, criterion, level, outcome)


def _grade(rows: Graded) -> tuple[dict[int, str], dict[int, str], str]:
    criteria = {c: criterion_status([(lv, o) for _, cc, lv, o in rows if cc == c])
                for c in {c for _, c, _, _ in rows}}
    elements = {e: element_status([criteria[c] for c in sorted({c for ee, c, _, _ in rows
                                                                 if ee == e})])
                for e in {e for e, _, _, _ in rows}}
    return criteria, elements, overall_status([(lv, o) for _, _, lv, o in rows])


@OTHER
@given(rows=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 6),
                               st.sampled_from(["essential", "recommended"]),
                               st.sampled_from(OUTCOMES)), min_size=1, max_size=30),
       draw=st.data())
def test_turning_a_fail_into_a_pass_never_worsens_a_status(rows: Graded,
                                                           draw: st.DataObject) -> None:
    # a criterion belongs to one element: derive the element from the criterion
    rows = [(c % 4, c, lv, o) for _, c, lv, o in rows]
    fails = [i for i, row in enumerate(rows) if row[3] == "fail"]
    assume(fails)
    i = draw.draw(st.sampled_from(fails))
    flipped = [*rows[:i], (*rows[i][:3], "pass"), *rows[i + 1:]]
    (c0, e0, o0), (c1, e1, o1) = _grade(rows), _grade(flipped)
    assert all(_not_worse(c0[c], c1[c]) for c in c0)
    assert all(_not_worse(e0[e], e1[e]) for e in e0)
    assert OVERALL_RANK[o1] >= OVERALL_RANK[o0]


@OTHER
@given(data=s.plans, profile=st.sampled_from(BUILTIN_PROFILES), draw=st.data())
def test_a_verdict_with_one_fail_turned_pass_is_never_worse(
        data: dict[str, Any], profile: str, draw: st.DataObject) -> None:
    plan, ruleset = load_plan(data), load_ruleset(profile)
    verdict = evaluate(plan, ruleset, as_of=AS_OF)
    fails = [i for i, r in enumerate(verdict.results) if r.outcome == "fail"]
    assume(fails)
    i = draw.draw(st.sampled_from(fails))
    results = list(verdict.results)
    results[i] = results[i].model_copy(update={"outcome": "pass"})
    better = build_verdict(plan, ruleset, results, AS_OF)
    assert OVERALL_RANK[better.status] >= OVERALL_RANK[verdict.status]
    for old, new in zip(verdict.criteria, better.criteria, strict=True):
        assert _not_worse(old.status, new.status), old.id
    for old_e, new_e in zip(verdict.elements, better.elements, strict=True):
        assert _not_worse(old_e.status, new_e.status), old_e.id
        assert (new_e.score or 0) >= (old_e.score or 0)
