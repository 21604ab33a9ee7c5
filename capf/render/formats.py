"""Which form a document takes: verdicts by format name, files by suffix, UTF-8 on the console.

`check` and `monitor` print the same forms of a verdict; `report` and `checklist` pick theirs
from the output file's suffix.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from capf.model.errors import CapfError, UsageError
from capf.read.schema import load_schema
from capf.text.errors import said
from capf.text.terminal import printable

if TYPE_CHECKING:  # the parser names the formats: `capf --version` loads no engine or renderer
    from capf.engine.ruleset import RuleSet
    from capf.model.verdict import Verdict

FORMATS = ("text", "json", "sarif", "junit")
REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md"}
CHECKLIST_FORMATS = {".md": "md", ".html": "html", ".htm": "html", ".csv": "csv",
                     ".xlsx": "xlsx"}
CSV_DELIMITERS = {";": ";", ",": ",", "tab": "\t"}


def verdicts_document(verdicts: list[Verdict], ruleset: RuleSet, fmt: str, lang: str, *,
                      broken: Sequence[CapfError] = (), seconds: Sequence[float] | None = None,
                      several: bool | None = None) -> str | None:
    """json: the verdict (an array for several plans, schemas/verdicts.schema.json); sarif and
    junit: one log, with the plans in `broken` as error results; text: summaries.

    None when there is nothing to write (text or JSON, and no plan could be judged).
    """
    several = len(verdicts) > 1 if several is None else several
    if fmt == "sarif":
        from capf.engine.release import ENGINE_VERSION
        from capf.render.sarif import sarif_log

        log = sarif_log(verdicts, ruleset, lang, broken=broken, version=ENGINE_VERSION)
        return json.dumps(log, indent=2, ensure_ascii=False)
    if fmt == "junit":
        from capf.render.junit import junit_xml

        return junit_xml(verdicts, lang, broken=broken, seconds=seconds).rstrip("\n")
    if not verdicts:
        return None
    if fmt == "json":
        texts = [v.model_dump_json(indent=2) for v in verdicts]
        return "[\n" + ",\n".join(textwrap.indent(t, "  ") for t in texts) + "\n]" \
            if several else texts[0]
    from capf.render.terminal import verdict_text

    return printable("\n\n".join(verdict_text(v, lang) for v in verdicts))  # plan text: escaped


def format_of(path: Path, formats: dict[str, str]) -> str:
    """The format an output file's suffix asks for, or a UsageError naming the known ones."""
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(said("unknown_output", path=str(path), suffix=repr(path.suffix or "(none)"),
                              known=sorted(formats)))
    return fmt


def schema_text(name: str) -> str:
    """A published schema as `capf schema NAME` prints it (and `capf init -o` writes it)."""
    return json.dumps(load_schema(name), indent=2, ensure_ascii=False) + "\n"
