"""Verdicts as JUnit XML, so any CI server can show a plan's rules as a test report.

One `testsuite` per plan, one `testcase` per rule: `fail` and `error` are failures;
`not_applicable`, `waived` and `needs_review` are skipped with the reason (none of them is a
pass). Built with ElementTree, so plan text is escaped; characters XML 1.0 cannot hold at all
(control characters a YAML or JSON string may carry) are replaced.

It keeps to the strict schema of Jenkins' xunit plugin (junit-10.xsd): `<testsuites>` carries
name, tests, failures, errors and time only (no `skipped`); each `<testsuite>` names its plan
`file`; `time` is given when the caller measured it. A plan that cannot be judged is a suite with
one `<error>` case naming its file and line, so one broken plan never empties the report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from capf.model.errors import CapfError
from capf.model.verdict import Result, Verdict
from capf.render.sarif import error_line
from capf.text.labels import label

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SKIPPED = ("not_applicable", "waived", "needs_review")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit_xml(verdicts: Sequence[Verdict], lang: str = "da", *,
              broken: Sequence[CapfError] = (), seconds: Sequence[float] | None = None) -> str:
    """The JUnit XML document (with declaration) for `verdicts` and the plans in `broken`.

    `seconds[i]` is how long `verdicts[i]` took to judge; without it no `time` is written.
    """
    root = ET.Element("testsuites", name="capf")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    suites = [_suite(v, lang) for v in verdicts] + [_broken_suite(exc, lang) for exc in broken]
    for number, suite in enumerate(suites):
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        if seconds is not None and number < len(seconds):
            suite.set("time", f"{seconds[number]:.3f}")
    for key, value in totals.items():
        root.set(key, str(value))
    if seconds is not None:
        root.set("time", f"{sum(seconds):.3f}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(verdict: Verdict, lang: str) -> ET.Element:
    results = verdict.results
    failures = sum(r.outcome in ("fail", "error") for r in results)
    skipped = sum(r.outcome in _SKIPPED for r in results)
    suite = ET.Element("testsuite", name=_clean(verdict.plan.name), tests=str(len(results)),
                       failures=str(failures), errors="0", skipped=str(skipped),
                       file=_clean(verdict.plan.source))
    properties = ET.SubElement(suite, "properties")
    for name, value in (("plan.source", verdict.plan.source), ("plan.sha256", verdict.plan.sha256),
                        ("profile", f"{verdict.ruleset.id} {verdict.ruleset.version}"),
                        ("as_of", verdict.as_of), ("status", verdict.status)):
        ET.SubElement(properties, "property", name=name, value=_clean(value))
    for result in results:
        suite.append(_case(result, verdict, lang))
    return suite


def _broken_suite(exc: CapfError, lang: str) -> ET.Element:
    line = error_line(exc)
    where = f"{exc.source}:{line}" if line is not None else exc.source
    suite = ET.Element("testsuite", name=_clean(exc.source), tests="1", failures="0",
                       errors="1", skipped="0", file=_clean(exc.source))
    case = ET.SubElement(suite, "testcase", name="plan-is-valid", classname="capf.invalid-plan")
    error = ET.SubElement(case, "error", message=_clean(exc.text(lang)), type="invalid_plan")
    error.text = _clean(f"{where}\n{exc.text(lang)}")
    return suite


def _case(result: Result, verdict: Verdict, lang: str) -> ET.Element:
    case = ET.Element("testcase", name=result.rule,
                      classname=f"{verdict.ruleset.id}.{result.element}.{result.criterion}")
    message = _clean(result.message.get(lang))
    if result.outcome in ("fail", "error"):
        failure = ET.SubElement(case, "failure", message=message,
                                type=f"{result.outcome}:{result.level}")
        failure.text = _clean(_details(result, lang))
    elif result.outcome in _SKIPPED:
        reason = message
        if result.waiver is not None:
            reason = (f"{label('waived', lang)}, {label('expires', lang)} "
                      f"{result.waiver.expires}: {result.waiver.reason} ({message})")
        ET.SubElement(case, "skipped", message=_clean(reason))
    return case


def _details(result: Result, lang: str) -> str:
    lines = [result.message.get(lang)]
    if result.evidence:
        lines.append(f"{label('evidence', lang)}: " + ", ".join(result.evidence[:20]))
    if result.remedy is not None:
        lines.append(result.remedy.get(lang))
    if result.note is not None:
        lines.append(result.note.get(lang))
    lines.append(f"{label(result.level, lang)}; {result.source}")
    return "\n".join(lines)
