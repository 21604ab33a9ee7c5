"""The compact text summary `capf check` prints: verdict, element scorecard, one line per gap.

A waived gap shows its reason and expiry, and an expired waiver its note, so a reviewer reading
the terminal sees why a fail does not count (or counts again).
"""

from __future__ import annotations

import re

from capf.model.verdict import Verdict
from capf.render.places import Places
from capf.text.labels import label

_MARK = ("fail", "error", "needs_review", "waived")  # the outcomes listed, in this order
# C0/C1 controls (but newline) and bidi overrides: from a plan they could recolour, rewrite or
# reorder what a reviewer's terminal shows, so they are printed as visible escapes instead.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def verdict_text(verdict: Verdict, lang: str = "da") -> str:
    lines = [f"{verdict.plan.name}: {label(verdict.status, lang).upper()} "
             f"({verdict.ruleset.id} {verdict.ruleset.version}, {label('as_of', lang)} "
             f"{verdict.as_of})",
             f"  {label('element', lang):<32} {label('status', lang):<24} "
             f"{label('score', lang).capitalize():>5}  {label('rules_counted', lang)}"]
    for element in verdict.elements:
        score = "    -" if element.score is None else f"{element.score * 100:4.0f}%"  # under "Score"
        counts = element.counts
        tally = ", ".join(f"{label(key, lang)} {n}" for key, n in (
            ("pass", counts.passed), ("fail", counts.fail), ("needs_review", counts.needs_review),
            ("waived", counts.waived), ("error", counts.error)))
        lines.append(f"  {label(element.id, lang):<32} {label(element.status, lang):<24} "
                     f"{score}  {tally}")
    lines.append(f"  {label('score_line', lang)}")
    gaps = [r for r in verdict.results if r.outcome in _MARK]
    gaps.sort(key=lambda r: (r.level != "essential", _MARK.index(r.outcome)))
    width = max(len(label(f"mark_{o}", lang)) for o in _MARK)
    lines.append(f"{label('gaps', lang)}:" if gaps else label("no_gaps", lang))
    places = Places(verdict)  # a plan or status report read from a workbook: its cells
    for result in gaps:
        where = result.evidence[0] if result.evidence else "/"
        cell = places.cell(where, named=True) if result.evidence else None
        where = f"{where} ({cell})" if cell else where
        mark = label("mark_" + result.outcome, lang)
        lines.append(f"  {mark:<{width}} {result.rule} [{label(result.level, lang)}] "
                     f"{where}: {result.message.get(lang)}")
        if result.waiver is not None:  # say why a gap is accepted, and until when
            lines.append(f"{'':{width + 3}}{label('waiver', lang)}: {result.waiver.reason} "
                         f"({label('expires', lang)} {result.waiver.expires})")
        if result.note is not None:
            lines.append(f"{'':{width + 3}}{result.note.get(lang)}")
    if verdict.waivers and verdict.waivers.unmatched:
        lines.append(f"{label('waivers_unmatched', lang)}: {', '.join(verdict.waivers.unmatched)}")
    lines.append(verdict.grading_note.get(lang))
    return terminal_safe("\n".join(lines))
