"""A plan piped to standard input (`capf check -` / `capf validate -`), read like a file.

The read itself is capped at the file size limit, since a pipe has no size to check first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from capf.model.errors import CapfError, InvalidDocument
from capf.read.document import MAX_BYTES, Document, parse_text
from capf.read.plan import Plan, load_plan, plan_from_document
from capf.read.schema import longest_list
from capf.read.workbook_file import read_either
from capf.read.yamlstream import MAX_ITEMS
from capf.text.errors import error_line, said

STDIN = "-"
SOURCE = "<stdin>"


def read_pipe(stream: BinaryIO, max_items: int = MAX_ITEMS) -> Document:
    """Parse what `stream` holds as YAML (JSON is read by the same parser)."""
    raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InvalidDocument(said("stdin_too_big", source=SOURCE, limit=MAX_BYTES), source=SOURCE)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidDocument(said("not_utf8", source=SOURCE, offset=str(exc.start)),
                              source=SOURCE) from None
    return parse_text(text, SOURCE, max_items=max_items)


def document_at(path: str) -> Document:
    """The file at `path` (a workbook as the kind it names), or with `-` what is piped to stdin."""
    return read_pipe(sys.stdin.buffer) if path == STDIN else read_either(Path(path))


def plan_at(path: str) -> Plan:
    """The plan in the file at `path`, or with `-` the one piped to stdin."""
    if path == STDIN:  # parsed with the plan's own list bound, as load_plan does
        return plan_from_document(read_pipe(sys.stdin.buffer, longest_list("plan")))
    return load_plan(Path(path))


def validate_each(paths: list[str], out: TextIO, err: TextIO,
                  shown: Callable[[str], str] = str, valid: str = "valid", lang: str = "en") -> int:
    """`capf validate`: a line per plan, valid to `out`, an error to `err`; the number of bad ones.

    A bad file does not hide the ones after it; `valid` is the word for a good one, in the
    output language `lang`, which the errors are in too.
    """
    bad = 0
    for path in paths:
        try:
            plan = plan_at(path)
            print(shown(f"{plan.source}: {valid} ({plan.name})"), file=out)
        except CapfError as exc:
            bad += 1
            print(shown(error_line(exc, lang)), file=err)
    return bad
