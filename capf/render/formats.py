"""Which form a document takes: verdicts by format name, files by suffix, UTF-8 on the console.

`check` and `monitor` print the same forms of a verdict; `report` and `checklist` pick theirs
from the output file's suffix.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from capf.engine.ruleset import RuleSet
from capf.model.errors import UsageError
from capf.model.verdict import Verdict
from capf.render.junit import junit_xml
from capf.render.sarif import sarif_log
from capf.render.terminal import verdict_text
from capf.text.terminal import printable

FORMATS = ("text", "json", "sarif", "junit")
REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md"}
CHECKLIST_FORMATS = {".md": "md", ".html": "html", ".htm": "html", ".csv": "csv",
                     ".xlsx": "xlsx"}
CSV_DELIMITERS = {";": ";", ",": ",", "tab": "\t"}


def verdicts_document(verdicts: list[Verdict], ruleset: RuleSet, fmt: str, lang: str) -> str:
    """json: the verdict (an array for several); sarif and junit: one log; text: summaries."""
    if fmt == "json":
        texts = [v.model_dump_json(indent=2) for v in verdicts]
        return texts[0] if len(texts) == 1 else \
            "[\n" + ",\n".join(textwrap.indent(t, "  ") for t in texts) + "\n]"
    if fmt == "sarif":
        return json.dumps(sarif_log(verdicts, ruleset, lang), indent=2, ensure_ascii=False)
    if fmt == "junit":
        return junit_xml(verdicts, lang).rstrip("\n")
    return printable("\n\n".join(verdict_text(v, lang) for v in verdicts))  # plan text: escaped


def format_of(path: Path, formats: dict[str, str]) -> str:
    """The format an output file's suffix asks for, or a UsageError naming the known ones."""
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown output type {path.suffix or '(none)'!r}; "
                         f"use {', '.join(sorted(formats))}")
    return fmt


def utf8_stdout() -> None:
    """Machine output is UTF-8 whatever the console: a cp1252 redirect on Windows would otherwise
    crash on `≥` or write bytes that contradict JUnit's encoding="utf-8" declaration."""
    stdout = sys.stdout
    encoding = (getattr(stdout, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8")
