"""The report's one-minute summary: the result in one sentence and the gaps that matter most.

A mayor's office reads the first page only. The most important gaps come first: essential before
recommended, a fail before an item needing review, and, among equals, the gap whose criterion is
closest to met (fewest other open rules), because fixing it moves the verdict most.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from capf.model.verdict import Result, Verdict
from capf.text.formatting import shorten
from capf.text.labels import label

TOP_GAPS = 5
LINE_CHARS = 120
_OPEN = {"fail": 0, "error": 0, "needs_review": 1}


def anchor(rule_id: str) -> str:
    """The id of a finding in the report, so the summary can link down to it."""
    return "r-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in rule_id)


_FIELDS = re.compile(r"\s*\([^()]*`[^`]*`[^()]*\)|`[^`]*`")


def plain_line(message: str) -> str:
    """A finding as one line for the summary: the fields (in code style) left for the detail."""
    return shorten(_FIELDS.sub("", message), LINE_CHARS)


def _count(n: int, key: str, lang: str) -> str:
    return f"{n} {label(key + ('_one' if n == 1 else '_many'), lang)}"


def sentence(verdict: Verdict, lang: str) -> str:
    """'Fjordby Kommune: opfylder ikke kravene. 27 krav og 2 anbefalinger er ikke opfyldt; …'."""
    open_ = [r for r in verdict.results if r.outcome in ("fail", "error")]
    essential = sum(r.level == "essential" for r in open_)
    recommended = len(open_) - essential
    review = sum(r.outcome == "needs_review" for r in verdict.results)
    head = f"{verdict.plan.name}: {label(verdict.status, lang)}."
    parts = []
    if open_:
        shown = [_count(n, key, lang) for n, key in ((essential, "n_essential"),
                                                     (recommended, "n_recommended")) if n]
        parts.append(label("summary_unmet", lang).format(
            what=f" {label('and', lang)} ".join(shown)))
    else:
        parts.append(label("summary_all_met", lang))
    if review:
        parts.append(label("summary_review", lang).format(what=_count(review, "n_items", lang)))
    text = "; ".join(parts)
    return f"{head} {text[:1].upper()}{text[1:]}."


def top_gaps(verdict: Verdict, lang: str, limit: int = TOP_GAPS) -> list[dict[str, Any]]:
    """The `limit` most important open results, one short line each, with their anchors."""
    still_open = Counter(r.criterion for r in verdict.results if r.outcome in _OPEN)

    def key(result: Result) -> tuple[int, int, int, str]:
        return (result.level != "essential", _OPEN[result.outcome],
                still_open[result.criterion], result.rule)

    chosen = sorted((r for r in verdict.results if r.outcome in _OPEN), key=key)[:limit]
    return [{"rule": r.rule, "anchor": anchor(r.rule), "title": r.title.get(lang),
             "level": label(r.level, lang), "essential": r.level == "essential",
             "outcome": r.outcome, "outcome_label": label(r.outcome, lang),
             "line": plain_line(r.message.get(lang))} for r in chosen]
