"""Named domain checks on the manko: the gap the action pathway leaves, and what the actions explain.

Like capf.engine.checks.domain, they read fixed places of the plan and ignore what the rule selects.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import _t, finding, has_text
from capf.engine.checks.spec import CheckSpec, Context, Finding, Options
from capf.engine.selector import Match
from capf.text.message import Phrase, bilingual


class MankoOptions(Options):
    tolerance_percent: float = Field(2.0, ge=0, description=(
        "Allowed |declared - expected manko| in percent of the expected manko (so a manko 20 % "
        "off fails however large the pathway is): an engine tolerance for rounding (the "
        "framework sets none)."))
    tolerance_t: float = Field(100.0, ge=0, description=(
        "Allowed difference in t CO2e/yr at least, whatever the percent gives (plans round)."))
    require_strategy: bool = Field(True, description=(
        "Also fail a declared manko without /manko/strategy (off when a separate rule says so)."))


def manko(ctx: Context, matches: list[Match], opts: MankoOptions) -> Finding:
    """The declared manko per milestone year is the action pathway above the target (floor 0).

    A milestone year without a pathway figure or a computable target level fails (not
    needs_review): the plan must state both (NEU-2, NEU-4) for its manko to be checkable.
    """
    gaps = em.manko_gaps(ctx.root)

    def off(gap: em.Gap) -> float:  # infinite when the plan lacks a level (NEU-2, NEU-4): fails
        expected = gap.expected
        return float("inf") if expected is None else round(abs(gap.declared - expected))

    def failing(gap: em.Gap) -> bool:
        scale = round(gap.expected or 0.0) * opts.tolerance_percent / 100  # whole t, as shown
        return off(gap) > max(opts.tolerance_t, scale)

    values: dict[str, Any] = {}
    for gap in gaps:
        values.update({f"{name}_{gap.year}_t": _t(tonnes) for name, tonnes in (
            ("target", gap.target.tonnes), ("pathway", gap.pathway.tonnes),
            ("gap", gap.expected), ("declared", gap.declared))})
    bad = [gap for gap in gaps if failing(gap)]
    values["mismatches"] = [gap.year for gap in bad]
    # shown: the worst failing year with figures to compare before one without (named in reason)
    worst = max(gaps, key=lambda gap: (failing(gap), gap.expected is not None, off(gap)),
                default=None)
    y = worst.year if worst else None
    values.update({"year": y, **{shown: values.get(f"{name}_{y}_t") for shown, name in (
        ("target_t", "target"), ("pathway_t", "pathway"), ("expected_gap_t", "gap"),
        ("declared_gap_t", "declared"))}})
    reason = Phrase.join((Phrase.of("{year} ({why})", year=g.year, why=Phrase.join(
        (g.target.reason, g.pathway.reason))) for g in bad if g.expected is None), ", ")
    detail = [worst.mismatch() if worst and failing(worst) else None,
              reason and Phrase.said("manko_unchecked", why=reason)]
    evidence = [p for gap in bad or gaps for p in gap.pointers]
    stated = [p for p, m in em.items(ctx.root, "/manko/milestones") if em.number(m.get("t_co2e"))]
    if opts.require_strategy and stated and not has_text(em.get(ctx.root, "/manko/strategy")):
        reason = Phrase.said("manko_no_strategy")
        values.update(bilingual("reason", reason), **bilingual("detail", Phrase.join(
            [*detail, reason.sentence()], " ")))
        return finding("fail", values, [*stated, "/manko/strategy"])
    values.update(bilingual("reason", reason), **bilingual("detail", Phrase.join(detail, " ")))
    if not gaps:
        return finding("not_applicable", values)
    return finding("fail" if bad else "pass", values, evidence)


class PathwayConsistencyOptions(Options):
    tolerance_percent: float = Field(5.0, ge=0, description=(
        "Allowed |BAU - effects - pathway| in percent of the summed effects (at least 1 t): an "
        "engine tolerance for overlap between actions and rounding."))


def pathway_consistency(ctx: Context, matches: list[Match],
                        opts: PathwayConsistencyOptions) -> Finding:
    """In milestone years and years with effects, the pathway is BAU minus the actions' effects.

    A milestone year without any stated effect counts with 0 t of effects, so a pathway drawn
    below BAU with no action behind it is unexplained; a pathway above BAU is named as such.
    """
    rows = em.explained_years(ctx.root)
    bad = [r for r in rows if r.unexplained > max(1.0, r.effects * opts.tolerance_percent / 100)]
    values: dict[str, Any] = {"years_checked": [r.year for r in rows],
                              "mismatches": [r.year for r in bad]}
    values.update(dict.fromkeys(("worst_year", "bau_t", "effects_t", "pathway_t")))
    if not rows:  # nothing states an effect: whether actions explain the pathway is open
        values.update(bilingual("detail", Phrase.said("pathway_no_common_year")))
        return finding("needs_review", values, (em.BAU, em.PATHWAY))
    worst = max(bad or rows, key=lambda r: r.unexplained)
    values.update(worst_year=worst.year, bau_t=_t(worst.bau), effects_t=_t(worst.effects),
                  pathway_t=_t(worst.pathway), **bilingual("detail", worst.mismatch() if bad else None))
    return finding("fail" if bad else "pass", values, [p for r in bad or rows for p in r.pointers])


MANKO_CHECKS: dict[str, CheckSpec] = {
    spec.name: spec for spec in (
        CheckSpec.of("manko", manko, MankoOptions, "year target_t pathway_t expected_gap_t "
                     "declared_gap_t mismatches reason detail"),
        CheckSpec.of("pathway_consistency", pathway_consistency, PathwayConsistencyOptions,
                     "years_checked mismatches worst_year bau_t effects_t pathway_t detail"),
    )
}
