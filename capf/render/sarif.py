"""Verdicts as a SARIF 2.1.0 log, so code-scanning tools and editors can show a plan's gaps.

One run holds every plan of one `capf check`: `tool.driver.rules` describes every rule of the
profile; a result is written for each `fail`, `needs_review`, `error` and `waived` outcome (a
waiver becomes a `suppression` with its justification, so it stays visible but accepted).
Passes and `not_applicable` are not results: SARIF lists findings, not checks. A plan that
cannot be judged (unreadable, schema-invalid) is an `error` result of the rule
`capf/invalid-plan` at its file and line, and every other plan is still in the log. Each result
has a `partialFingerprints` entry built from what identifies the finding (plan file, rule,
pointer), not from its line, so a code-scanning tool tracks it across edits.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from capf.engine.ruleset import KNOWN_PROFILES, CompiledRule, RuleSet, load_ruleset
from capf.model.errors import CapfError
from capf.model.verdict import Result, Verdict
from capf.render.places import Places
from capf.text.links import doc_url, rule_url
from capf.text.message import fill

SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
REPORTED = ("fail", "needs_review", "error", "waived")
MAX_RELATED = 20  # a finding naming hundreds of items points at the first ones only
INVALID_PLAN = "capf/invalid-plan"
FINGERPRINT = "capf/v1"
_INVALID_TEXT = {"en": ("The plan could not be judged: it cannot be read or does not match "
                        "the plan schema.", "Fix the file (capf validate FILE), then check it."),
                 "da": ("Planen kunne ikke vurderes: den kan ikke læses eller passer ikke til "
                        "planskemaet.", "Ret filen (capf validate FIL), og tjek den igen.")}


def sarif_log(verdicts: Sequence[Verdict], ruleset: RuleSet, lang: str = "da",
              broken: Sequence[CapfError] = (), version: str = "0") -> dict[str, Any]:
    """The SARIF log (as JSON data) for `verdicts`, all judged with `ruleset`.

    `broken` are the plans that could not be judged; each becomes an error result.
    """
    version = verdicts[0].engine.version if verdicts else version
    index = {compiled.rule.id: i for i, compiled in enumerate(ruleset.rules)}
    results: list[dict[str, Any]] = []
    sources: list[str] = []
    for verdict in verdicts:
        places = Places(verdict)
        sources += places.sources
        results += [_result(r, verdict, places, index, lang)
                    for r in verdict.results if r.outcome in REPORTED]
    descriptors = [_descriptor(c, lang) for c in ruleset.rules]
    if broken:
        descriptors.append(_invalid_descriptor(lang))
        results += [_broken_result(exc, len(descriptors) - 1, lang) for exc in broken]
    driver = {"name": "capf", "version": version, "rules": descriptors}
    sources += [exc.source for exc in broken]
    run = {"tool": {"driver": driver},
           "artifacts": [{"location": {"uri": artifact_uri(s)}} for s in sources],
           "results": results,
           "properties": {"profile": ruleset.id, "profileVersion": ruleset.version,
                          "rulesetSha256": ruleset.sha256,
                          "asOf": sorted({v.as_of for v in verdicts}),
                          "plans": [{"name": v.plan.name, "status": v.status}
                                    for v in verdicts]}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def artifact_uri(source: str) -> str:
    """A relative path stays a relative URI reference (portable); an absolute one a file: URI."""
    path = Path(source)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix())


def error_line(exc: CapfError) -> int | None:
    """The line an input error names: its first located problem, or `FILE:LINE:` in its text."""
    for problem in exc.problems:
        if problem.line is not None:
            return problem.line
    found = re.match(re.escape(exc.source) + r":(\d+)", str(exc))
    return int(found.group(1)) if found else None


def _fingerprint(*parts: str) -> dict[str, str]:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return {FINGERPRINT: digest}


def _invalid_descriptor(lang: str) -> dict[str, Any]:
    short, remedy = _INVALID_TEXT.get(lang, _INVALID_TEXT["en"])
    return {"id": INVALID_PLAN, "shortDescription": {"text": short}, "help": {"text": remedy},
            "helpUri": doc_url("plan-format.md"), "defaultConfiguration": {"level": "error"}}


def _broken_result(exc: CapfError, index: int, lang: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(exc.source)}}
    line = error_line(exc)
    if line is not None:
        physical["region"] = {"startLine": line}
    return {"ruleId": INVALID_PLAN, "ruleIndex": index, "level": "error",
            "message": {"text": exc.text(lang)}, "locations": [{"physicalLocation": physical}],
            "partialFingerprints": _fingerprint(exc.source, INVALID_PLAN)}


@cache
def _documented() -> frozenset[str]:
    """The rules docs/rules.md has a section for: every rule of a built-in profile, including
    those the newest profile switches off (capf.docs.rule_reference)."""
    return frozenset(c.rule.id for profile in KNOWN_PROFILES for c in load_ruleset(profile).rules)


def _descriptor(compiled: CompiledRule, lang: str) -> dict[str, Any]:
    rule = compiled.rule
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": fill(rule.title.get(lang), compiled.params, lang)},
        "fullDescription": {"text": rule.rationale.get(lang)},
        "help": {"text": fill(rule.remedy.get(lang), compiled.params, lang)},
        "defaultConfiguration": {"level": "error" if rule.level == "essential" else "warning"},
        "properties": {"criterion": rule.criterion, "element": rule.element,
                       "level": rule.level, "confidence": rule.source.confidence,
                       "source": f"{rule.source.framework} {rule.source.ref}",
                       "profile": compiled.profile, "tags": [rule.element, rule.level]},
    }
    if rule.id in _documented():
        descriptor["helpUri"] = rule_url(rule.id)
    if rule.aliases:
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _location(pointer: str, places: Places) -> dict[str, Any]:
    place, line = places.line(pointer)
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(place.source)}}
    if line is not None:
        physical["region"] = {"startLine": line}
    location = {"physicalLocation": physical,
                "logicalLocations": [{"fullyQualifiedName": pointer or "/", "kind": "member"}]}
    cell = places.cell_at(place)
    if cell:  # a plan or status report read from a workbook: the sheet and cell
        location["message"] = {"text": cell}
    return location


def _result(result: Result, verdict: Verdict, places: Places, index: dict[str, int],
            lang: str) -> dict[str, Any]:
    # The level follows the rule's weight; a waived fail keeps it and is marked suppressed.
    serious = result.level == "essential" and result.outcome != "needs_review"
    pointers = result.evidence or [""]
    out: dict[str, Any] = {
        "ruleId": result.rule,
        "level": "error" if serious else "warning",
        "message": {"text": result.message.get(lang)},
        "locations": [_location(pointers[0], places)],
        "partialFingerprints": _fingerprint(verdict.plan.source, result.rule, pointers[0]),
        "properties": {"outcome": result.outcome, "criterion": result.criterion,
                       "element": result.element, "plan": verdict.plan.name,
                       "values": result.values},
    }
    if result.rule in index:
        out["ruleIndex"] = index[result.rule]
    related = [{"id": i, **_location(p, places)}
               for i, p in enumerate(pointers[1:MAX_RELATED + 1], start=1)]
    if related:
        out["relatedLocations"] = related
    if result.waiver is not None:
        waiver = result.waiver
        out["suppressions"] = [{
            "kind": "external", "status": "accepted", "justification": waiver.reason,
            "properties": {"expires": waiver.expires, "approvedBy": waiver.approved_by,
                           "scope": waiver.scope}}]
    if result.note is not None:
        out["properties"]["note"] = result.note.get(lang)
    return out
