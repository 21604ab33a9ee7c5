"""The certification verdict: frozen models and the one aggregation that grades a plan.

Aggregation (the only place it is defined; tests/test_aggregation.py tests this table):

Criterion status, from its rules' (level, outcome), ignoring `not_applicable`:
    no applicable rule                                           → not_assessed
    every applicable rule `pass`                                 → met
    an essential rule applies and every essential rule `pass`;
      a recommended rule does not (fail, error, review, waived)  → met_with_observations
    some rule `pass`, others not                                 → partially_met
    no `pass`; some `fail` or `error`                            → not_met
    no `pass`; only `needs_review` / `waived`                    → partially_met

Element status, from its criteria, ignoring `not_assessed`:
    none assessed → not_assessed · all met → met · all met or met_with_observations →
    met_with_observations · all not_met → not_met · else partially_met
Element score: of the criteria with an applicable essential rule, the share whose essential
rules all pass (None when there are none); recommended gaps lower the status, not the score.

Overall status, from all rule outcomes (fail-closed: an error is never a pass):
    an essential rule `fail` or `error`                        → non_compliant
    else an essential rule `needs_review`                      → needs_review
    else a recommended `fail`/`error`/`needs_review`, or any
      `waived` (a person accepted the gap, with a reason)      → compliant_with_observations
    else                                                       → compliant

An essential item the data cannot settle is not an observation: until a person settles it the
verdict says `needs_review` (and `capf check` exits 1, like non_compliant). `not_applicable` and
`waived` never count as passes. The grading is capf's own pre-screening; approval is a binary
decision by C40/CONCITO (capf-framework.md §1).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from capf.model.rule import Element, Level, Text

RuleOutcome = Literal["pass", "fail", "not_applicable", "needs_review", "waived", "error"]
CriterionStatus = Literal["met", "met_with_observations", "partially_met", "not_met",
                          "not_assessed"]
OverallStatus = Literal["compliant", "compliant_with_observations", "needs_review",
                        "non_compliant"]
CRITERION_STATUSES: tuple[CriterionStatus, ...] = ("met", "met_with_observations",
                                                   "partially_met", "not_met", "not_assessed")
# Overall statuses a CI gate must not pass: `capf check` exits 1 on either.
FAILING: tuple[OverallStatus, ...] = ("non_compliant", "needs_review")
MET: tuple[CriterionStatus, ...] = ("met", "met_with_observations")  # every essential rule passes
OVERALL_STATUSES: tuple[OverallStatus, ...] = ("compliant", "compliant_with_observations",
                                               "needs_review", "non_compliant")
# A follow-up verdict (plan + status reports, capf.engine.follow_up) says whether the plan's
# implementation is on track instead; the aggregation table is in that module's docstring.
MonitoringStatus = Literal["on_track", "off_track", "needs_review"]
OUTCOMES: tuple[RuleOutcome, ...] = ("pass", "fail", "needs_review", "waived", "error",
                                     "not_applicable")
GRADING_NOTE = Text(
    en="This grading is capf's own pre-screening. Approval is a yes/no decision made by "
       "C40 and CONCITO after their review.",
    da="Denne vurdering er capfs egen forhåndsscreening. Godkendelse er en ja/nej-afgørelse, "
       "som C40 og CONCITO træffer efter deres gennemgang.")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def trusted(cls, **fields: Any) -> Self:
        """The model of values the engine made itself, every field given: not validated again.

        What pydantic's model_construct does, without its per-field alias and default lookups
        (it is slower than validating): a verdict holds some 60 of these models, and validating
        them was a fifth of judging a small plan. tests/test_trusted.py re-validates the verdicts
        so built and compares them field by field.
        """
        size = _FIELD_COUNTS.get(cls)
        if size is None:  # model_fields is a descriptor lookup: asked once per class
            size = _FIELD_COUNTS[cls] = len(cls.model_fields)
        if len(fields) != size:
            missing = sorted(set(cls.model_fields) - set(fields))
            raise TypeError(f"{cls.__name__}.trusted needs every field: {missing or sorted(fields)}")
        model = cls.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(model, "__dict__", fields)
        setattr_(model, "__pydantic_fields_set__", set(fields))
        setattr_(model, "__pydantic_extra__", None)
        setattr_(model, "__pydantic_private__", None)
        return model


_FIELD_COUNTS: dict[type[Model], int] = {}


class AppliedWaiver(Model):
    reason: str = Field(description="Why the gap is accepted.")
    approved_by: str | None = Field(None, description="Who accepted it.")
    expires: str = Field(description="Last day the waiver is valid (ISO date).")
    scope: str | None = Field(None, description="JSON Pointer the waiver is limited to.")


class Result(Model):
    """The outcome of one rule on one plan."""

    rule: str = Field(description="Rule id.")
    criterion: str = Field(description="Criterion id.")
    element: Element = Field(description="Element id.")
    level: Level = Field(description="essential or recommended.")
    outcome: RuleOutcome = Field(description="What the rule found.")
    title: Text = Field(description="What a passing plan has.")
    message: Text = Field(description="The finding, filled with the values found.")
    evidence: list[str] = Field(description="JSON Pointers into the plan the finding rests on.")
    values: dict[str, Any] = Field(description="Values the engine computed.")
    remedy: Text | None = Field(None, description="What to add or change (for gaps).")
    confidence: Literal["verified", "secondary"] = Field(description="Confidence of the source.")
    source: str = Field(description="Framework reference of the requirement.")
    waiver: AppliedWaiver | None = Field(None, description="The waiver covering a fail.")
    note: Text | None = Field(None, description="Remarks, e.g. an expired waiver.")


class Counts(Model):
    """How many rule outcomes of each kind."""

    passed: int = Field(0, alias="pass", description="Rules passed.")
    fail: int = Field(0, description="Rules failed.")
    needs_review: int = Field(0, description="Rules a person must settle.")
    waived: int = Field(0, description="Failed rules covered by a waiver.")
    error: int = Field(0, description="Rules that could not run.")
    not_applicable: int = Field(0, description="Rules that do not apply.")

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True,
                              serialize_by_alias=True)

    @classmethod
    def of(cls, outcomes: Iterable[str]) -> Counts:
        tally = Counter(outcomes)
        return cls.model_validate({o: tally.get(o, 0) for o in OUTCOMES})


class CriterionResult(Model):
    id: str = Field(description="Criterion id.")
    element: Element = Field(description="Element id.")
    title: Text = Field(description="Criterion name.")
    status: CriterionStatus = Field(description="Aggregated from its rules.")
    essential: bool = Field(description="True when at least one applicable rule is essential.")
    essential_met: bool = Field(description="True when every applicable essential rule passes.")
    rules: list[str] = Field(description="Ids of its rules in this profile.")
    counts: Counts = Field(description="Its rules' outcomes.")


class ElementResult(Model):
    id: Element = Field(description="Element id.")
    status: CriterionStatus = Field(description="Aggregated from its criteria.")
    score: float | None = Field(description="Share of applicable essential criteria met (0-1); "
                                            "capf's own grading.")
    criteria: dict[CriterionStatus, int] = Field(description="Criteria per status.")
    counts: Counts = Field(description="Its rules' outcomes.")


class RuleSetRef(Model):
    id: str = Field(description="Profile id.")
    version: str = Field(description="Profile version.")
    chain: list[str] = Field(description="The profile and the profiles it extends, root first.")
    sha256: str = Field(description="SHA-256 over the profile and rule files.")


class PlanRef(Model):
    name: str = Field(description="Municipality name, or the file name.")
    source: str = Field(description="Where the plan was read from.")
    sha256: str = Field(description="SHA-256 of the plan's normalised JSON.")


class ReportRef(Model):
    """A status report a follow-up verdict read: which file, which content, which year."""

    source: str = Field(description="Where the report was read from.")
    sha256: str = Field(description="SHA-256 of the report's normalised JSON.")
    reporting_year: int = Field(description="The year the report covers.")


class EngineRef(Model):
    name: Literal["capf"] = Field("capf", description="Engine name.")
    version: str = Field(description="Engine version.")


class WaiverReport(Model):
    sha256: str = Field(description="SHA-256 of the waiver file.")
    applied: list[str] = Field(description="Rule ids whose fail a waiver covers.")
    expired: list[str] = Field(description="Rule ids whose waiver has expired at as_of.")
    unmatched: list[str] = Field(description="Waivers (rule id and scope) matching no fail.")


class Verdict(Model):
    """The structured certification verdict for one plan under one rule set."""

    status: OverallStatus | MonitoringStatus = Field(description=(
        "Overall pre-screening status; for a follow-up (plan + status reports): on_track, "
        "off_track or needs_review."))
    grading_note: Text = Field(description="What the grading is, and is not.")
    elements: list[ElementResult] = Field(description="The four CAPF elements.")
    criteria: list[CriterionResult] = Field(description="Every criterion of the profile.")
    results: list[Result] = Field(description="One result per rule, in a fixed order.")
    ruleset: RuleSetRef = Field(description="The rule set used.")
    plan: PlanRef = Field(description="The plan judged.")
    engine: EngineRef = Field(description="The engine that judged it.")
    as_of: str = Field(description="The date the plan was judged as of (ISO).")
    waivers: WaiverReport | None = Field(None, description="Waivers used, if any.")
    reports: list[ReportRef] | None = Field(  # left out of a plan verdict's JSON: it has none
        None, exclude_if=lambda v: v is None,
        description="A follow-up verdict's status reports, in reporting-year order.")

    def result(self, rule_id: str) -> Result | None:
        return next((r for r in self.results if r.rule == rule_id), None)


def criterion_status(results: Sequence[tuple[str, str]]) -> CriterionStatus:
    """From (level, outcome) pairs of the criterion's rules."""
    applicable = [(level, o) for level, o in results if o != "not_applicable"]
    if not applicable:
        return "not_assessed"
    outcomes = [o for _, o in applicable]
    if all(o == "pass" for o in outcomes):
        return "met"
    essential = [o for level, o in applicable if level == "essential"]
    if essential and all(o == "pass" for o in essential):
        return "met_with_observations"
    if "pass" in outcomes:
        return "partially_met"
    if "fail" in outcomes or "error" in outcomes:
        return "not_met"
    return "partially_met"


def element_status(statuses: Sequence[CriterionStatus]) -> CriterionStatus:
    assessed = [s for s in statuses if s != "not_assessed"]
    if not assessed:
        return "not_assessed"
    if all(s == "met" for s in assessed):
        return "met"
    if all(s in ("met", "met_with_observations") for s in assessed):
        return "met_with_observations"
    if all(s == "not_met" for s in assessed):
        return "not_met"
    return "partially_met"


def overall_status(results: Sequence[tuple[str, str]]) -> OverallStatus:
    """From (level, outcome) pairs."""
    if any(level == "essential" and o in ("fail", "error") for level, o in results):
        return "non_compliant"
    if any(level == "essential" and o == "needs_review" for level, o in results):
        return "needs_review"
    if any(o in ("fail", "error", "needs_review", "waived") for _, o in results):
        return "compliant_with_observations"
    return "compliant"
