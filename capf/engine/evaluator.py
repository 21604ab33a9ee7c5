"""Evaluation: run every rule of a compiled rule set over one plan and build the verdict.

Pure: no I/O, no printing, no clock unless `as_of` is left out. A rule that raises becomes an
`error` result naming the rule; it never aborts the run.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from capf.engine.checks.spec import Context, Finding, OverBudget
from capf.engine.emissions.records import judging
from capf.engine.release import ENGINE_VERSION
from capf.engine.ruleset import CompiledRule, RuleSet, load_ruleset
from capf.model.rule import ELEMENTS, Text
from capf.model.verdict import (
    CRITERION_STATUSES,
    GRADING_NOTE,
    OUTCOMES,
    AppliedWaiver,
    Counts,
    CriterionResult,
    ElementResult,
    EngineRef,
    PlanRef,
    Result,
    RuleSetRef,
    Verdict,
    WaiverReport,
    criterion_status,
    element_status,
    overall_status,
)
from capf.read.plan import Plan
from capf.text.message import fill

if TYPE_CHECKING:  # capf.read.waiver (pydantic models) loads only when waivers are applied
    from capf.read.waiver import WaiverSet

_NOT_APPLICABLE = Finding("not_applicable")
COUNTED = tuple("passed" if o == "pass" else o for o in OUTCOMES)  # Counts' fields, in that order
# A waiver records a person's decision: it accepts a fail, or settles an item needing review.
WAIVABLE = ("fail", "needs_review")
_EXPIRED = {
    "fail": lambda day: Text(
        en=f"A waiver for this gap expired on {day}; it counts as a fail again.",
        da=f"En dispensation for denne mangel udløb {day}; den tæller igen som ikke opfyldt."),
    "needs_review": lambda day: Text(
        en=f"A waiver settling this item expired on {day}; it needs review again.",
        da=f"En dispensation, der afgjorde dette punkt, udløb {day}; det kræver igen vurdering."),
}


def evaluate(plan: Plan, ruleset: RuleSet | None = None, *, as_of: date | None = None,
             waivers: WaiverSet | None = None) -> Verdict:
    """Judge `plan` against `ruleset` (default: the dk2020 profile) as of `as_of` (default today)."""
    ruleset = ruleset or load_ruleset()
    ruleset.require("plan")
    as_of = judged_day(as_of)
    context = Context(plan.data, as_of)
    with judging(plan.data):
        results = [run_rule(rule, context) for rule in ruleset.rules]
    report = None
    if waivers is not None:
        results, report = apply_waivers(results, ruleset, waivers, as_of)
    return build_verdict(plan, ruleset, results, as_of, report)


def judged_day(as_of: date | None) -> date:
    """The day a plan is judged as of: today when None, a datetime's own date (a datetime is a
    date to Python and mypy, but `datetime - date` fails inside the freshness checks)."""
    if as_of is None:
        return date.today()
    if isinstance(as_of, datetime):
        return as_of.date()
    if not isinstance(as_of, date):
        raise TypeError(f"as_of must be a datetime.date or None, not {type(as_of).__name__}")
    return as_of


def run_rule(compiled: CompiledRule, context: Context) -> Result:
    rule = compiled.rule
    context.budget.left = context.budget.limit  # each rule gets the whole budget
    try:
        found = _NOT_APPLICABLE
        if compiled.when is None or compiled.when.outcome(context) == "pass":
            found = compiled.clause.run(context)
    except OverBudget:
        steps = context.budget.limit
        en, da = f"{steps:,}", f"{steps:,}".replace(",", ".")
        return _result(compiled, Finding("error", {"error": f"over budget: {steps} steps"}),
                       Text(en=f"Rule {rule.id} was stopped after {en} evaluation steps, the "
                               "limit per rule (docs/security.md).",
                            da=f"Reglen {rule.id} blev stoppet efter {da} evalueringstrin, "
                               "grænsen pr. regel (docs/security.md)."))
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return _result(compiled, Finding("error", {"error": detail}),
                       Text(en=f"Rule {rule.id} could not run ({detail}).",
                            da=f"Reglen {rule.id} kunne ikke køres ({detail})."))
    if found.outcome in ("pass", "not_applicable"):
        return _result(compiled, found, compiled.title)
    return _result(compiled, found, _filled(rule.message, {**compiled.params, **found.values}))


def _filled(text: Text, values: dict[str, Any]) -> Text:
    return Text(en=fill(text.en, values, "en"), da=fill(text.da, values, "da"))


def _result(compiled: CompiledRule, found: Finding, message: Text) -> Result:
    rule = compiled.rule
    gap = found.outcome in ("fail", "needs_review", "error")
    return Result.trusted(
        rule=rule.id, criterion=rule.criterion, element=rule.element, level=rule.level,
        outcome=found.outcome, title=compiled.title, message=message,
        evidence=list(found.evidence), values=dict(found.values),
        remedy=_filled(rule.remedy, {**compiled.params, **found.values}) if gap else None,
        confidence=rule.source.confidence, source=f"{rule.source.framework} {rule.source.ref}",
        waiver=None, note=None)


def apply_waivers(results: list[Result], ruleset: RuleSet, waivers: WaiverSet,
                  as_of: date) -> tuple[list[Result], WaiverReport]:
    """Turn covered fails and review items into `waived`; an expired waiver leaves them and says so."""
    from capf.read.waiver import is_expired

    used: set[int] = set()
    applied: list[str] = []
    expired: list[str] = []
    out: list[Result] = []
    for result in results:
        compiled = ruleset.rule(result.rule)
        ids = (result.rule, *(compiled.rule.aliases if compiled else ()))
        matching = [(i, w) for i, w in enumerate(waivers.waivers)
                    if result.outcome in WAIVABLE and w.covers(ids, result.evidence)]
        used.update(i for i, _ in matching)
        valid = [w for _, w in matching if not is_expired(w, as_of)]
        if valid:
            waiver = valid[0]
            applied.append(result.rule)
            out.append(result.model_copy(update={"outcome": "waived", "waiver": AppliedWaiver(
                reason=waiver.reason, approved_by=waiver.approved_by,
                expires=waiver.expires.isoformat(), scope=waiver.scope)}))
        elif matching:
            day = matching[0][1].expires.isoformat()
            expired.append(result.rule)
            out.append(result.model_copy(update={"note": _EXPIRED[result.outcome](day)}))
        else:
            out.append(result)
    unmatched = [w.label() for i, w in enumerate(waivers.waivers) if i not in used]
    return out, WaiverReport(sha256=waivers.sha256, applied=applied, expired=expired,
                             unmatched=unmatched)


def build_verdict(plan: Plan, ruleset: RuleSet, results: list[Result], as_of: date,
                  waivers: WaiverReport | None = None) -> Verdict:
    """Aggregate the results: one pass groups them; criteria whose rules have the same levels and
    outcomes (most have one passing essential rule) are graded once, and share one Counts."""
    tallies: dict[tuple[int, ...], Counts] = {}
    graded: dict[tuple[tuple[str, str], ...], tuple[Any, ...]] = {}
    by_criterion: dict[str, list[Result]] = {c.id: [] for c in ruleset.criteria}
    by_element: dict[str, list[str]] = {e: [] for e in ELEMENTS}
    pairs = []
    for r in results:
        if (mine := by_criterion.get(r.criterion)) is not None:
            mine.append(r)
        by_element.setdefault(r.element, []).append(r.outcome)
        pairs.append((r.level, r.outcome))
    criteria: list[CriterionResult] = []
    of_element: dict[str, list[CriterionResult]] = {e: [] for e in ELEMENTS}
    for criterion in ruleset.criteria:
        mine = by_criterion[criterion.id]
        levels = tuple([(r.level, r.outcome) for r in mine])
        grade = graded.get(levels)
        if grade is None:
            essential = [o for lv, o in levels if lv == "essential"]
            grade = graded[levels] = (
                criterion_status(levels), any(o != "not_applicable" for o in essential),
                all(o in ("pass", "not_applicable") for o in essential),
                _counts([o for _, o in levels], tallies))
        made = CriterionResult.trusted(
            id=criterion.id, element=criterion.element, title=criterion.title, status=grade[0],
            essential=grade[1], essential_met=grade[2], rules=[r.rule for r in mine],
            counts=grade[3])
        criteria.append(made)
        of_element.setdefault(criterion.element, []).append(made)
    elements = []
    for element in ELEMENTS:
        mine_c = of_element[element]
        graded_c = [c for c in mine_c if c.essential]
        statuses = [c.status for c in mine_c]
        elements.append(ElementResult.trusted(
            id=element, status=element_status(statuses),
            score=round(sum(c.essential_met for c in graded_c) / len(graded_c), 3)
            if graded_c else None,
            criteria={s: statuses.count(s) for s in CRITERION_STATUSES},
            counts=_counts(by_element[element], tallies)))
    return Verdict(
        status=overall_status(pairs),
        grading_note=GRADING_NOTE, elements=elements, criteria=criteria, results=results,
        ruleset=RuleSetRef(id=ruleset.id, version=ruleset.version, chain=list(ruleset.chain),
                           sha256=ruleset.sha256),
        plan=PlanRef(name=plan.name, source=plan.source, sha256=plan.sha256),
        engine=EngineRef(version=ENGINE_VERSION), as_of=as_of.isoformat(), waivers=waivers)


def _counts(outcomes: list[str], tallies: dict[tuple[int, ...], Counts]) -> Counts:
    """Counts.of, made once per distinct tally of a verdict (most criteria have one passing rule)."""
    key = tuple(map(outcomes.count, OUTCOMES))  # in OUTCOMES' order, as COUNTED names them
    known = tallies.get(key)
    if known is None:
        known = tallies[key] = Counts.trusted(**dict(zip(COUNTED, key, strict=True)))
    return known
