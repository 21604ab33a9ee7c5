"""The gap report: a Verdict rendered as HTML or Markdown, grouped by element, gaps first.

Python arranges what to show (grouping and order follow the verdict's outcomes; nothing is judged
here); the templates in capf/render/templates only lay it out, in words from capf.text.labels.
Escaping and the Jinja2 environment are capf.render.page's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from capf.engine.ruleset import BUILTIN_PROFILES, RuleSet, load_ruleset
from capf.engine.selector import parse_selector
from capf.model.rule import Rule
from capf.model.verdict import MET, Result, Verdict
from capf.read.plan import Plan
from capf.read.workbook_file import cell_lookup
from capf.render import chart, digest
from capf.render.page import BRIEF_POINTERS, check_format, environment, footer
from capf.render.pathway import pathway_rows
from capf.text.formatting import day, percent, quote
from capf.text.labels import label, words

MAX_POINTERS = 5          # per finding; the rest are counted, a report is read by people
QUOTE_CHARS = 160
_GAP_ORDER = {"fail": 0, "error": 0, "needs_review": 1}


def resolve(data: Any, pointer: str) -> tuple[bool, Any]:
    """The value at a JSON Pointer, as (found, value); a wildcard or bad pointer finds nothing."""
    try:
        selector = parse_selector(pointer)
    except ValueError:
        return False, None
    if selector.has_wildcard or (not selector.absolute and pointer):
        return False, None
    matches = selector.select(data)
    return (True, matches[0].value) if len(matches) == 1 else (False, None)


def evidence_of(data: Any, pointer: str) -> Mapping[str, Any] | None:
    """The `evidence` object on the item at `pointer` or its nearest ancestor."""
    tokens = pointer.split("/")
    for size in range(len(tokens), 0, -1):
        found, value = resolve(data, "/".join(tokens[:size]))
        evidence = value.get("evidence") if found and isinstance(value, Mapping) else None
        if isinstance(evidence, Mapping):
            return evidence
    return None


def page_ref(evidence: Mapping[str, Any] | None, lang: str) -> str | None:
    """'Klimaplan.pdf, s. 22, afsnit 4.1' — where a reviewer checks the value."""
    if not evidence:
        return None
    parts = [str(evidence["document"])] if evidence.get("document") else []
    if evidence.get("page") is not None:
        parts.append(f"{label('page_abbr', lang)} {evidence['page']}")
    if evidence.get("section"):
        parts.append(f"{label('section', lang)} {evidence['section']}")
    return ", ".join(parts) or None


def _evidence(pointer: str, plan: Plan | None, lang: str) -> dict[str, Any]:
    if plan is None:
        return {"pointer": pointer, "value": None, "found": None, "ref": None, "cell": None}
    found, value = resolve(plan.data, pointer)
    return {"pointer": pointer, "found": found,
            "value": quote(value, lang, QUOTE_CHARS, pointer.rsplit("/", 1)[-1]) if found else None,
            "ref": page_ref(evidence_of(plan.data, pointer), lang),
            "cell": cell_lookup(plan.source)(pointer)}  # a plan read from a workbook


def _item(result: Result, lang: str, plan: Plan | None, rule: Rule | None) -> dict[str, Any]:
    shown = result.evidence[:MAX_POINTERS]
    waiver = result.waiver
    return {
        "rule": result.rule, "anchor": digest.anchor(result.rule), "criterion": result.criterion,
        "title": result.title.get(lang),
        "rationale": rule.rationale.get(lang) if rule else None,
        "level": label(result.level, lang), "essential": result.level == "essential",
        "outcome": result.outcome, "outcome_label": label(result.outcome, lang),
        "message": result.message.get(lang),
        "remedy": result.remedy.get(lang) if result.remedy else None,
        "source": rule.source.cited(lang) if rule else result.source,
        "secondary": result.confidence == "secondary",
        "evidence": [_evidence(p, plan, lang) for p in shown],
        "more": len(result.evidence) - len(shown),
        "brief": result.evidence[:BRIEF_POINTERS],
        "brief_more": max(len(result.evidence) - BRIEF_POINTERS, 0),
        "note": result.note.get(lang) if result.note else None,
        "waiver": None if waiver is None else {
            "reason": waiver.reason, "approved_by": waiver.approved_by, "scope": waiver.scope,
            "expires": day(waiver.expires, lang)},
    }


def _rules(verdict: Verdict, ruleset: RuleSet | None) -> dict[str, Rule]:
    """Results carry neither the rationale nor the source in Danish; the profile's rules do
    (built-in ones are found by id)."""
    if ruleset is None and verdict.ruleset.id in BUILTIN_PROFILES:
        ruleset = load_ruleset(verdict.ruleset.id)
    if ruleset is None:
        return {}
    return {c.rule.id: c.rule for c in ruleset.rules}


def _gap_key(result: Result) -> tuple[int, int]:
    return (result.level != "essential", _GAP_ORDER.get(result.outcome, 2))


def report_context(verdict: Verdict, lang: str, plan: Plan | None = None,
                   ruleset: RuleSet | None = None) -> dict[str, Any]:
    """Everything the report templates show, already grouped, ordered and formatted."""
    rules = _rules(verdict, ruleset)
    elements = []
    for element in verdict.elements:
        mine = [r for r in verdict.results if r.element == element.id]

        def items(outcomes: tuple[str, ...], rows: list[Result] = mine) -> list[dict[str, Any]]:
            chosen = sorted((r for r in rows if r.outcome in outcomes), key=_gap_key)
            return [_item(r, lang, plan, rules.get(r.rule)) for r in chosen]

        elements.append({
            "id": element.id, "name": label(element.id, lang), "status": element.status,
            "status_label": label(element.status, lang),
            "score": "–" if element.score is None else percent(element.score, lang),
            "counts": element.counts, "criteria_met": sum(element.criteria.get(s, 0) for s in MET),
            "criteria_assessed": sum(n for s, n in element.criteria.items()
                                     if s != "not_assessed"),
            "gaps": items(("fail", "error")), "review": items(("needs_review",)),
            "waived": items(("waived",)), "expired": [i for i in items(("fail",)) if i["note"]],
            "passed": items(("pass",)), "not_applicable": items(("not_applicable",)),
        })
    plan_info = (plan.data.get("plan") or {}) if plan is not None else {}
    return {
        "t": words(lang), "lang": lang, "name": verdict.plan.name,
        "plan_title": plan_info.get("title") if isinstance(plan_info, Mapping) else None,
        "status": verdict.status, "status_label": label(verdict.status, lang),
        "grading_note": verdict.grading_note.get(lang), "elements": elements,
        "unmatched": verdict.waivers.unmatched if verdict.waivers else [],
        "footer": footer(verdict, lang), "with_plan": plan is not None,
        "sentence": digest.sentence(verdict, lang), "top_gaps": digest.top_gaps(verdict, lang),
        "pathway_rows": pathway_rows(plan.data, lang) if plan is not None else [],
    }


def render_report(verdict: Verdict, fmt: str = "html", lang: str = "da",
                  plan: Plan | None = None, *, ruleset: RuleSet | None = None) -> str:
    """The gap report. `plan` lets it quote what the plan has at each evidence pointer;
    `ruleset` (defaults to the built-in profile of the verdict) supplies the rules' rationale and
    their source in Danish."""
    check_format(fmt, ("html", "md"), lang)
    if plan is not None and plan.sha256 != verdict.plan.sha256:
        raise ValueError(f"plan {plan.source} is not the plan this verdict judged "
                         f"({verdict.plan.source}): their SHA-256 differ")
    context = report_context(verdict, lang, plan, ruleset)
    if fmt == "html":
        context["charts"] = {
            "scorecard": chart.scorecard(verdict.elements, lang),
            "pathway": chart.pathway(plan.data, lang) if plan is not None else None}
    return environment().get_template(f"report.{fmt}.j2").render(context)


