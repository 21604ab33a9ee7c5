"""Gap report and reviewer checklist: a Verdict rendered as HTML, Markdown or CSV.

Python arranges what to show (grouping and order follow the verdict's outcomes; nothing is judged
here); the templates in capf/render/templates only lay it out, in words from capf.text.labels. Plan and rule
text reaches a template only as data: never through `from_string`. HTML is autoescaped by file
name (explicit extensions, because `select_autoescape()` would not escape `*.html.j2`); Markdown
is escaped by the `md` and `code` filters below; CSV goes through the csv module.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from capf.engine.ruleset import BUILTIN_PROFILES, RuleSet, load_ruleset
from capf.engine.selector import parse_selector
from capf.model.rule import Text
from capf.model.verdict import Result, Verdict
from capf.read.plan import Plan
from capf.render import chart
from capf.text.formatting import csv_text, day, percent, quote
from capf.text.labels import label, words
from capf.text.message import TRANSLATED, localized

TEMPLATES = Path(__file__).with_name("templates")  # the Jinja2 templates ship beside this module

LANGS = ("da", "en")
MAX_POINTERS = 5          # per finding; the rest are counted, a report is read by people
BRIEF_POINTERS = 3        # per row of the compact pass / not-applicable tables and the checklist
QUOTE_CHARS = 160
_GAP_ORDER = {"fail": 0, "error": 0, "needs_review": 1}
_MD_SPECIAL = re.compile(r"[\\`|\[\]]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LEADING = re.compile(r"^(?:[#>+\-=~*_]|[0-9]{1,9}[.)](?=\s|$))")


def md(value: Any) -> str:
    """Plan or rule text as inert Markdown: one line, no tables broken, no HTML, no links.

    Backslash-escapes `\\ ` | [ ]`, turns `<`, `>` and entity-like `&` into entities and escapes
    a leading character that would start a heading, quote or list. `*` and `_` stay: they can only
    change emphasis, and escaping them would make snake_case ids unreadable in the raw file.
    """
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), _MD_ENTITY.sub("&amp;", text))
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    match = _MD_LEADING.match(text)
    if match:
        end = match.end() - 1
        text = text[:end] + "\\" + text[end:]
    return text


def code(value: Any) -> str:
    """An inline code span that survives any backticks inside and sits safely in a table cell.

    Text with `<`, `>` or `&` is escaped as plain text instead: a code span shows entities raw,
    and unescaped angle brackets in the file would defeat a plain-text check for markup.
    """
    if any(c in str(value) for c in "<>&"):
        return md(value)
    text = " ".join(str(value).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def capital(text: str) -> str:
    """First letter up, the rest untouched (Jinja's `capitalize` would lower 'CO2')."""
    return text[:1].upper() + text[1:]


def breakable(pointer: str) -> Markup:
    """A JSON Pointer for HTML that may wrap after each '/' instead of mid-word."""
    head, *rest = str(pointer).split("/")
    return escape(head) + Markup("/") + Markup("/<wbr>").join(escape(p) for p in rest) \
        if rest else escape(head)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".svg.j2", ".html"))


@cache
def environment() -> Environment:
    """The one Jinja2 environment: files only, strict about undefined names."""
    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=_autoescape,  # noqa: S701 - on for every HTML/SVG template
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["cap"] = capital
    env.filters["breakable"] = breakable
    return env


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
        return {"pointer": pointer, "value": None, "found": None, "ref": None}
    found, value = resolve(plan.data, pointer)
    return {"pointer": pointer, "found": found,
            "value": quote(value, lang, QUOTE_CHARS) if found else None,
            "ref": page_ref(evidence_of(plan.data, pointer), lang)}


def _item(result: Result, lang: str, plan: Plan | None, rationale: Text | None) -> dict[str, Any]:
    shown = result.evidence[:MAX_POINTERS]
    waiver = result.waiver
    return {
        "rule": result.rule, "criterion": result.criterion, "title": result.title.get(lang),
        "rationale": rationale.get(lang) if rationale else None,
        "level": label(result.level, lang), "essential": result.level == "essential",
        "outcome": result.outcome, "outcome_label": label(result.outcome, lang),
        "message": result.message.get(lang),
        "remedy": result.remedy.get(lang) if result.remedy else None,
        "source": result.source, "secondary": result.confidence == "secondary",
        "evidence": [_evidence(p, plan, lang) for p in shown],
        "more": len(result.evidence) - len(shown),
        "brief": result.evidence[:BRIEF_POINTERS],
        "brief_more": max(len(result.evidence) - BRIEF_POINTERS, 0),
        "note": result.note.get(lang) if result.note else None,
        "waiver": None if waiver is None else {
            "reason": waiver.reason, "approved_by": waiver.approved_by, "scope": waiver.scope,
            "expires": day(waiver.expires, lang)},
    }


def _rationales(verdict: Verdict, ruleset: RuleSet | None) -> dict[str, Text]:
    """Results do not carry the rationale; the profile does (built-in ones are found by id)."""
    if ruleset is None and verdict.ruleset.id in BUILTIN_PROFILES:
        ruleset = load_ruleset(verdict.ruleset.id)
    if ruleset is None:
        return {}
    return {c.rule.id: c.rule.rationale for c in ruleset.rules}


def _gap_key(result: Result) -> tuple[int, int]:
    return (result.level != "essential", _GAP_ORDER.get(result.outcome, 2))


def _footer(verdict: Verdict, lang: str) -> dict[str, str]:
    return {"profile": f"{verdict.ruleset.id} {verdict.ruleset.version}",
            "ruleset_sha256": verdict.ruleset.sha256, "plan": verdict.plan.name,
            "plan_sha256": verdict.plan.sha256,
            "engine": f"{verdict.engine.name} {verdict.engine.version}",
            "as_of": day(verdict.as_of, lang)}


def _check(fmt_: str, allowed: Sequence[str], lang: str) -> None:
    if fmt_ not in allowed:
        raise ValueError(f"format must be one of {', '.join(allowed)}, not {fmt_!r}")
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")


def report_context(verdict: Verdict, lang: str, plan: Plan | None = None,
                   ruleset: RuleSet | None = None) -> dict[str, Any]:
    """Everything the report templates show, already grouped, ordered and formatted."""
    rationale = _rationales(verdict, ruleset)
    elements = []
    for element in verdict.elements:
        mine = [r for r in verdict.results if r.element == element.id]

        def items(outcomes: tuple[str, ...], rows: list[Result] = mine) -> list[dict[str, Any]]:
            chosen = sorted((r for r in rows if r.outcome in outcomes), key=_gap_key)
            return [_item(r, lang, plan, rationale.get(r.rule)) for r in chosen]

        elements.append({
            "id": element.id, "name": label(element.id, lang), "status": element.status,
            "status_label": label(element.status, lang),
            "score": "–" if element.score is None else percent(element.score, lang),
            "counts": element.counts, "criteria_met": element.criteria.get("met", 0),
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
        "footer": _footer(verdict, lang), "with_plan": plan is not None,
    }


def render_report(verdict: Verdict, fmt: str = "html", lang: str = "da",
                  plan: Plan | None = None, *, ruleset: RuleSet | None = None) -> str:
    """The gap report. `plan` lets it quote what the plan has at each evidence pointer;
    `ruleset` (defaults to the built-in profile of the verdict) supplies the rules' rationale."""
    _check(fmt, ("html", "md"), lang)
    if plan is not None and plan.sha256 != verdict.plan.sha256:
        raise ValueError(f"plan {plan.source} is not the plan this verdict judged "
                         f"({verdict.plan.source}): their SHA-256 differ")
    context = report_context(verdict, lang, plan, ruleset)
    if fmt == "html":
        context["charts"] = {
            "scorecard": chart.scorecard(verdict.elements, lang),
            "pathway": chart.pathway(plan.data, lang) if plan is not None else None}
    return environment().get_template(f"report.{fmt}.j2").render(context)


_TWINS = tuple(f"_{lang}" for lang in TRANSLATED)  # `reason_da` is shown as `reason`


def _key_values(values: Mapping[str, Any], lang: str) -> list[str]:
    """The engine's scalar findings (counts, years, ages) a reviewer checks against the plan."""
    picked = {k: localized(values, k, lang) for k in values if not k.endswith(_TWINS)}
    shown = [f"{k}={quote(v, lang, 60)}" for k, v in picked.items()
             if v not in (None, [], {}, "") and not isinstance(v, Mapping)]
    return shown[:4]


def _rule_cell(rule_id: str, level: str, result: Result | None, lang: str) -> dict[str, Any]:
    evidence = result.evidence if result else []
    return {"rule": rule_id, "level": label(level, lang),
            "outcome": label(result.outcome, lang) if result else "",
            "pointers": evidence[:BRIEF_POINTERS],
            "more": max(len(evidence) - BRIEF_POINTERS, 0),
            "values": _key_values(result.values, lang) if result else []}


def checklist_context(verdict: Verdict | None, lang: str,
                      ruleset: RuleSet | None = None) -> dict[str, Any]:
    """One row per criterion of the profile; the tool's columns filled, the reviewer's empty."""
    if verdict is not None:
        results = {r.rule: r for r in verdict.results}
        rows = [{"id": c.id, "title": c.title.get(lang), "element": label(c.element, lang),
                 "status": label(c.status, lang),
                 "rules": [_rule_cell(r, results[r].level, results[r], lang) for r in c.rules]}
                for c in verdict.criteria]
        profile = f"{verdict.ruleset.id} {verdict.ruleset.version}"
    else:
        ruleset = ruleset or load_ruleset()
        rows = [{"id": c.id, "title": c.title.get(lang), "element": label(c.element, lang),
                 "status": "", "rules": [_rule_cell(r.rule.id, r.rule.level, None, lang)
                                         for r in ruleset.rules if r.rule.criterion == c.id]}
                for c in ruleset.criteria]
        profile = f"{ruleset.id} {ruleset.version}"
    return {"t": words(lang), "lang": lang, "rows": rows, "blank": verdict is None,
            "name": verdict.plan.name if verdict else None, "profile": profile,
            "grading_note": verdict.grading_note.get(lang) if verdict else None,
            "footer": _footer(verdict, lang) if verdict else None}


def _rule_line(rule: Mapping[str, Any]) -> str:
    """One rule's line in a CSV cell: `ID (level, outcome): pointers; key=value`."""
    head = f"{rule['rule']} ({', '.join(x for x in (rule['level'], rule['outcome']) if x)})"
    pointers = ", ".join(rule["pointers"]) + (f" (+{rule['more']})" if rule["more"] else "")
    tail = "; ".join(x for x in (pointers, *rule["values"]) if x)
    return f"{head}: {tail}" if tail else head


def _csv(context: Mapping[str, Any]) -> str:
    # Comma-separated, not semicolon: RFC 4180 and every CSV reader agree on it, the csv module
    # quotes fields holding Danish decimal commas or line breaks, and the UTF-8 BOM makes Excel
    # (also Danish Excel, via Data > From Text/CSV) read æøå correctly. Lines end in CRLF.
    t = context["t"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([t["criterion"], t["title"], t["element"], t["tool_status"],
                     t["rules_evidence"], t["reviewer_decision"], t["comment"],
                     t["reviewer_name"], t["date"]])
    for row in context["rows"]:
        writer.writerow([csv_text(row["id"]), csv_text(row["title"]), csv_text(row["element"]),
                         csv_text(row["status"]),
                         csv_text("\n".join(_rule_line(r) for r in row["rules"])),
                         "", "", "", ""])
    return "\ufeff" + out.getvalue()


def render_checklist(verdict: Verdict | None, fmt: str = "md", lang: str = "da",
                     ruleset: RuleSet | None = None) -> str:
    """The reviewer checklist; `verdict=None` gives a blank one for `ruleset` (default dk2020).

    CSV is UTF-8 text starting with a BOM and CRLF line ends: write it with `newline=""`.
    """
    _check(fmt, ("md", "html", "csv"), lang)
    context = checklist_context(verdict, lang, ruleset)
    if fmt == "csv":
        return _csv(context)
    return environment().get_template(f"checklist.{fmt}.j2").render(context)
