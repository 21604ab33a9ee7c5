"""The reviewer checklist: one row per criterion, the tool's columns filled, the reviewer's empty."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from capf.engine.ruleset import RuleSet, load_ruleset
from capf.model.verdict import Result, Verdict
from capf.render.page import BRIEF_POINTERS, check_format, environment, footer
from capf.render.workbook import DECISIONS, STATUS_SHADE, Sheet, workbook_bytes
from capf.text.formatting import csv_delimiter, csv_document, is_year_field, quote
from capf.text.labels import label, words
from capf.text.message import TRANSLATED, localized
from capf.text.names import value_name
from capf.text.values import FIELD_KINDS

_TWINS = tuple(f"_{lang}" for lang in TRANSLATED)  # `reason_da` is shown as `reason`


def _field(name: str) -> str:
    """The field a computed value is shown by: its name when that names a year or a kind of
    code, else none, so a whole number 1900-2100 reads as a year (`value: 2022`, `missing:
    2030, 2050`), as capf diff shows it, and not as the plan field `value` would (2.022)."""
    return name if is_year_field(name) or name in FIELD_KINDS else ""


def _key_values(values: Mapping[str, Any], lang: str) -> list[str]:
    """The engine's scalar findings (counts, years, ages) a reviewer checks against the plan."""
    picked = {k: localized(values, k, lang) for k in values if not k.endswith(_TWINS)}
    shown = [f"{value_name(k, lang)}: {quote(v, lang, 60, _field(k))}" for k, v in picked.items()
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
            "footer": footer(verdict, lang) if verdict else None}


def _rule_line(rule: Mapping[str, Any]) -> str:
    """One rule's line in a CSV cell: `ID (level, outcome): pointers; key=value`."""
    head = f"{rule['rule']} ({', '.join(x for x in (rule['level'], rule['outcome']) if x)})"
    pointers = ", ".join(rule["pointers"]) + (f" (+{rule['more']})" if rule["more"] else "")
    tail = "; ".join(x for x in (pointers, *rule["values"]) if x)
    return f"{head}: {tail}" if tail else head


def checklist_table(context: Mapping[str, Any]) -> list[list[str | int]]:
    """The header, then one line per criterion: the tool's five columns, the reviewer's four blank."""
    t = context["t"]
    table: list[list[str | int]] = [[t["criterion"], t["title"], t["element"], t["tool_status"],
                                     t["rules_evidence"], t["reviewer_decision"], t["comment"],
                                     t["reviewer_name"], t["date"]]]
    for row in context["rows"]:
        table.append([row["id"], row["title"], row["element"], row["status"],
                      "\n".join(_rule_line(r) for r in row["rules"]), "", "", "", ""])
    return table


def checklist_workbook(verdict: Verdict | None, lang: str = "da",
                       ruleset: RuleSet | None = None) -> bytes:
    """The checklist as an .xlsx file: a row per criterion, a decision drop-down, status colours."""
    table = checklist_table(checklist_context(verdict, lang, ruleset))
    choices = DECISIONS.get(lang, DECISIONS["en"])
    return workbook_bytes(Sheet(title=str(table[0][0]), table=table, status_columns=(3,),
                                status_text={s: label(s, lang) for s in STATUS_SHADE},
                                decision_column=5, decisions=choices))


def render_checklist(verdict: Verdict | None, fmt: str = "md", lang: str = "da",
                     ruleset: RuleSet | None = None, delimiter: str | None = None) -> str:
    """The reviewer checklist; `verdict=None` gives a blank one for `ruleset` (default dk2020).

    CSV is UTF-8 text starting with a BOM and CRLF line ends: write it with `newline=""`. Its
    separator is `delimiter`, by default the one the language's Excel splits at (`;` in Danish).
    """
    check_format(fmt, ("md", "html", "csv"), lang)
    context = checklist_context(verdict, lang, ruleset)
    if fmt == "csv":
        return csv_document(checklist_table(context), delimiter or csv_delimiter(lang))
    return environment().get_template(f"checklist.{fmt}.j2").render(context)
