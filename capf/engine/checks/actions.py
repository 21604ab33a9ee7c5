"""Named checks on the actions: short-term detail (GOV-7), quantified effects (NEU-7), reductions
that count (NEU-12).

Both list each failing action with what it lacks ("E2 (financing, staff)"), which a generic
`for_each` cannot say. They read /actions and ignore what the rule selects.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from capf.engine import emissions as em
from capf.engine.checks.domain import finding, has_text
from capf.engine.checks.spec import CheckSpec, Context, Finding, NoOptions, Options, Outcome
from capf.engine.selector import Match
from capf.text.message import Phrase, bilingual

# What GOV-7 asks of a short-term action, in the words a finding shows (English, Danish).
DETAIL: tuple[tuple[str, str, str], ...] = (
    ("owner", "owner", "ansvarlig"), ("timeline/start", "start year", "startår"),
    ("timeline/end", "end year", "slutår"), ("financing/source", "financing source",
                                            "finansieringskilde"), ("staff", "staff", "personale"))


def _label(pointer: str, action: em.Record) -> str:
    value = action.get("id") or action.get("title")
    return value if isinstance(value, str) else pointer


def _lacking(action: em.Record) -> list[str]:
    """DETAIL's fields the action does not state (in DETAIL's order): text fields need text,
    years a value, staff a number of FTE or a description. Read directly: one action at a time
    of thousands."""
    timeline, financing, staff = action.get("timeline"), action.get("financing"), action.get("staff")
    timeline = timeline if isinstance(timeline, dict) else {}
    stated = (has_text(action.get("owner")), timeline.get("start") is not None,
              timeline.get("end") is not None,
              isinstance(financing, dict) and has_text(financing.get("source")),
              isinstance(staff, dict) and (em.number(staff.get("fte")) is not None
                                           or has_text(staff.get("description"))))
    return [field for (field, *_), ok in zip(DETAIL, stated, strict=True) if not ok]


def _listed(label: str, missing: list[str], words: dict[str, tuple[str, str]]) -> Phrase:
    return Phrase(f"{label} ({', '.join(words[m][0] for m in missing)})",
                  f"{label} ({', '.join(words[m][1] for m in missing)})")


class ShortTermOptions(Options):
    short_term_end: int = Field(2030, description=(
        "Last year of the short term (capf-framework.md §4: short = to 2030)."))


def is_short_term(action: em.Record, end: int) -> bool:
    """Short: horizon short, or an end year by `end`; an action with neither cannot show it is
    later, so it is judged as short-term too."""
    finish = em.get(action, "timeline/end")
    if action.get("horizon") == "short" or (isinstance(finish, int) and finish <= end):
        return True
    return action.get("horizon") is None and finish is None


def short_term_detail(ctx: Context, matches: list[Match], opts: ShortTermOptions) -> Finding:
    """Every short-term action states owner, start and end, financing source and staff."""
    words = {field: (en, da) for field, en, da in DETAIL}
    short = [(p, a) for p, a in em.items(ctx.root, "/actions")
             if is_short_term(a, opts.short_term_end)]
    failing = [(p, a, lacks) for p, a in short if (lacks := _lacking(a))]
    values = {"items": len(short), "failing_count": len(failing), **bilingual(
        "failing", [_listed(_label(p, a), lacks, words) for p, a, lacks in failing])}
    if not short:
        return finding("fail", values, ("/actions",))
    return finding("fail" if failing else "pass", values,
                   [p for p, _, _ in failing] or [p for p, _ in short])


class EffectsOptions(Options):
    default_years: list[int] = Field(default_factory=lambda: [2030], description=(
        "Years asked for when the plan has no milestone year (no total target, no net-zero "
        "year)."))


def is_mitigation(action: em.Record) -> bool:
    """Type mitigation or both, or untyped but naming the emission sectors it cuts."""
    kind = action.get("type")
    return kind in ("mitigation", "both") or (kind is None and bool(action.get("sectors")))


def effects_quantified(ctx: Context, matches: list[Match], opts: EffectsOptions) -> Finding:
    """Every mitigation action states its effect in t CO2e for each of the plan's milestone years."""
    years = em.milestone_years(ctx.root) or list(opts.default_years)
    actions = [(p, a) for p, a in em.items(ctx.root, "/actions") if is_mitigation(a)]
    failing = []
    for pointer, action in actions:
        effects = action.get("effect")
        stated = {e.get("year") for e in (effects if isinstance(effects, list) else ())
                  if isinstance(e, dict) and em.number(e.get("t_co2e")) is not None}
        if lacks := [y for y in years if y not in stated]:
            failing.append((pointer, action, lacks))
    words = {str(y): (str(y), str(y)) for y in years}
    values = {"years": years, "items": len(actions), "failing_count": len(failing), **bilingual(
        "failing", [_listed(_label(p, a), [str(y) for y in lacks], words)
                    for p, a, lacks in failing])}
    if not actions:
        return finding("fail", values, ("/actions",))
    return finding("fail" if failing else "pass", values,
                   [p for p, _, _ in failing] or [p for p, _ in actions])


# Why a reduction does not count (NEU-12), by cause, English and Danish.
EXCLUDED = {
    "ccs_prolongs_fossil": ("CCS that prolongs fossil supply", "CCS, der forlænger fossil forsyning"),
    "new_incineration_capacity": ("new incineration capacity", "ny forbrændingskapacitet"),
    "fossil": ("capture of fossil carbon", "fangst af fossilt kulstof"),
    "waste": ("capture at waste incineration (partly fossil carbon)",
              "fangst ved affaldsforbrænding (delvis fossilt kulstof)"),
}


def counted_reductions(ctx: Context, matches: list[Match], opts: NoOptions) -> Finding:
    """No action's reduction relies on fossil-prolonging CCS or new incineration capacity.

    Carbon capture is judged by the carbon's stated origin, not only by a flag: fossil fails,
    waste (mixed biogenic and fossil carbon) is a person's to judge, biogenic counts.
    """
    failing, reviewed, evidence = [], [], []
    for pointer, action in em.items(ctx.root, "/actions"):
        found = action.get("flags")
        flags: dict[str, Any] = found if isinstance(found, dict) else {}
        origin = em.get(action, "carbon_capture/origin")
        causes = [k for k in ("ccs_prolongs_fossil", "new_incineration_capacity")
                  if flags.get(k) is True] + ([origin] if origin == "fossil" else [])
        words = {k: EXCLUDED[k] for k in EXCLUDED}
        if causes:
            failing.append(_listed(_label(pointer, action), causes, words))
            evidence.append(pointer)
        elif origin == "waste":
            reviewed.append(_listed(_label(pointer, action), ["waste"], words))
            evidence.append(pointer)
    values = {"failing_count": len(failing), **bilingual("failing", failing),
              **bilingual("reviewed", reviewed)}
    outcome: Outcome = "fail" if failing else "needs_review" if reviewed else "pass"
    return finding(outcome, values, evidence or ("/actions",))


ACTION_CHECKS: dict[str, CheckSpec] = {
    "counted_reductions": CheckSpec.of("counted_reductions", counted_reductions, NoOptions,
                                       "failing_count failing reviewed"),
    "short_term_detail": CheckSpec.of("short_term_detail", short_term_detail, ShortTermOptions,
                                      "items failing_count failing"),
    "effects_quantified": CheckSpec.of("effects_quantified", effects_quantified, EffectsOptions,
                                       "years items failing_count failing"),
}
