"""Workbook files: which paths are read as workbooks, their bytes, their kind, their cells.

`read_document` is what load_plan and load_status call for a path: a .xlsx goes to
capf.read.workbook, anything else to the YAML/JSON reader. `cell_lookup` gives renderers the
cell each JSON Pointer of a workbook plan or status report came from, so findings name sheet
and cell.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from capf.model.errors import CapfError, InvalidDocument
from capf.read.document import MAX_BYTES, Document, read_file
from capf.read.yamlstream import MAX_ITEMS
from capf.text.causes import os_reason
from capf.text.errors import said

SUFFIXES = (".xlsx",)
REFUSED = (".xlsm", ".xltm", ".xlsb", ".xls")
CellOf = Callable[[str], str | None]


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES + REFUSED


def read_document(path: Path, kind: str, *, max_items: int = MAX_ITEMS) -> Document:
    """A YAML/JSON file through capf.read.document (lists bounded by `max_items` while
    parsing), a workbook through this module."""
    return read_workbook(path, kind) if is_workbook(path) else read_file(path, max_items=max_items)


def read_either(path: Path) -> Document:
    """A YAML/JSON file, or a workbook as the kind it names (plan or status report): for readers
    that learn the kind from the document itself (diff, portfolio)."""
    if is_workbook(path):
        return read_workbook(path, workbook_kind(path) or "plan")
    return read_file(path)


def read_workbook(path: Path, kind: str) -> Document:
    """The plan (`kind` plan) or status report in the workbook at `path`."""
    from capf.read.workbook import workbook_document  # zip and XML readers: only for a workbook

    return workbook_document(read_workbook_bytes(path), str(path), kind)


def read_workbook_bytes(path: Path) -> bytes:
    """The file's bytes, once its suffix and size allow reading it as a workbook."""
    source = str(path)
    if path.suffix.lower() in REFUSED:
        raise InvalidDocument(said("workbook_refused", source=source, suffix=path.suffix),
                              source=source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidDocument(said("file_too_big", source=source, size=size, limit=MAX_BYTES),
                                  source=source)
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidDocument(said("cannot_read", source=source, reason=os_reason(exc)),
                              source=source) from None
    return raw


def workbook_kind(path: Path) -> str | None:
    """The document kind (plan, status) a capf workbook names on its hidden sheet, if any."""
    from openpyxl import load_workbook

    from capf.read.workbook import META
    from capf.read.workbook_zip import checked

    raw = read_workbook_bytes(path)
    checked(raw, str(path))
    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        if META not in book.sheetnames:
            return None
        for row in book[META].iter_rows(max_row=5, max_col=2, values_only=True):
            if row and row[0] == "kind" and row[1] in ("plan", "status"):
                return str(row[1])
        return None
    finally:
        book.close()


def cell_lookup(source: str, kind: str = "plan") -> CellOf:
    """JSON Pointer → `Sheet!B5` for a plan (or `kind` status report) read from the workbook
    `source`; else nothing."""
    path = Path(source)
    try:
        stat = path.stat() if is_workbook(path) else None
    except (OSError, ValueError):
        stat = None
    if stat is None:
        return lambda _pointer: None
    return _cells(source, kind, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cells(source: str, kind: str, _mtime: int, _size: int) -> CellOf:
    try:
        return read_workbook(Path(source), kind).cell_of
    except CapfError:  # not a workbook of that kind (or changed since): no cells
        return lambda _pointer: None
