"""The verdicts of one `capf check` as the one document its `--format` names.

JSON is the verdict for one plan and an array of verdicts for several (each item valid against
schemas/verdict.schema.json); SARIF and JUnit also carry the plans that could not be judged.
"""

from __future__ import annotations

import json
import textwrap

from capf.engine.portfolio import Portfolio
from capf.engine.ruleset import RuleSet
from capf.render.junit import junit_xml
from capf.render.sarif import sarif_log
from capf.render.terminal import verdict_text

FORMATS = ("text", "json", "sarif", "junit")


def verdicts_document(portfolio: Portfolio, fmt: str, ruleset: RuleSet, lang: str, *,
                      several: bool, version: str) -> str | None:
    """The document, or None when there is nothing to write (text or JSON, no plan judged)."""
    verdicts = portfolio.verdicts
    if fmt == "sarif":
        log = sarif_log(verdicts, ruleset, lang, broken=portfolio.broken, version=version)
        return json.dumps(log, indent=2, ensure_ascii=False)
    if fmt == "junit":
        return junit_xml(verdicts, lang, broken=portfolio.broken, seconds=portfolio.seconds)
    if not verdicts:
        return None
    if fmt == "json":
        texts = [v.model_dump_json(indent=2) for v in verdicts]
        if not several:
            return texts[0]
        return "[\n" + ",\n".join(textwrap.indent(t, "  ") for t in texts) + "\n]"
    return "\n\n".join(verdict_text(v, lang) for v in verdicts)
