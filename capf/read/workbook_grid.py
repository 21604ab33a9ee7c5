"""A document as the workbook's grid of cells, before any Excel styling (and back: the reader).

`grid(data, layout)` lays each key/value sheet and table sheet out as rows of JSON values with
the column each sits in; `capf.render.plan_workbook` styles and saves them. Empty values (""
[] {}) have no cell of their own: their row's hidden `#empty` cell names them by a pointer
relative to the row's item (`.` is the row's own value), so the round trip keeps them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from capf.model.errors import InvalidDocument
from capf.model.pointer import pointer
from capf.read.workbook_layout import ANY, MISSING, NR, Column, Layout, Path_, Table, items, value_at
from capf.text.errors import said

Steps = tuple[str | int, ...]


@dataclass(frozen=True)
class Grid:
    """One sheet's content: `columns` (None for a key/value sheet) and rows of cells."""

    pattern: Path_
    columns: tuple[Column, ...] | None
    rows: tuple[tuple[Any, ...], ...]  # table: a value per column, then #empty; kv: see _kv_row


def _pattern(steps: Steps) -> Path_:
    return tuple(ANY if isinstance(s, int) else s for s in steps)


def _is_empty(value: Any) -> bool:
    return value == "" or (isinstance(value, list | dict) and not value)


def _empties(node: Any, steps: Steps, out: list[Steps]) -> None:
    if _is_empty(node):
        out.append(steps)
    elif isinstance(node, dict):
        for key, value in node.items():
            _empties(value, (*steps, key), out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _empties(value, (*steps, index), out)


def _owner(layout: Layout, steps: Steps) -> tuple[Path_, int]:
    """The table (or section) holding the empty value at `steps`, and how deep its item is."""
    pattern = _pattern(steps)
    best: tuple[Path_, int] = ((), 0)
    for table in layout.tables:
        size = len(table.pattern)
        if size <= len(pattern) and pattern[:size] == table.pattern and size > best[1]:
            best = (table.pattern, size)
    if best[1]:
        return best
    for section in layout.sections:
        size = len(section.base)
        if size <= len(pattern) and pattern[:size] == section.base and size >= best[1]:
            best = (section.base, size)
    return best[0], -1


def grid(data: dict[str, Any], layout: Layout, source: str) -> list[Grid]:
    """Every sheet of the workbook for `data` (a schema-valid document), sections first."""
    marks: dict[Steps, list[str]] = {}  # a table row's item → its empty values
    plain: dict[Path_, list[Steps]] = {}  # a section → its empty values
    found: list[Steps] = []
    _empties(data, (), found)
    for steps in found:
        owner, depth = _owner(layout, steps)
        if depth < 0:
            plain.setdefault(owner, []).append(steps)
        else:
            rest = steps[depth:]
            marks.setdefault(steps[:depth], []).append(pointer(list(rest)) if rest else ".")
    sheets = [_section(data, s.base, s.rows, plain.get(s.base, [])) for s in layout.sections]
    keys: dict[Path_, dict[Steps, Any]] = {}
    for table in layout.tables:
        sheets.append(_table(data, table, marks, keys, source))
    return sheets


def _section(data: dict[str, Any], base: Path_, rows: tuple[Column, ...],
             empty: list[Steps]) -> Grid:
    """A key/value sheet: rows of (column, key, value, empty mark), one per field or item.

    An empty value with no row of its own (an empty object or table) gets a row of its key.
    """
    out: list[tuple[Any, ...]] = []
    marked = set(empty)
    for column in rows:
        if column.path[-1] == ANY:
            found = value_at(data, column.path[:-1])
            values = found if isinstance(found, list) and found else [MISSING]
            mark = "." if column.path[:-1] in marked else ""
            marked.discard(column.path[:-1])
            for value in values:
                out.append((column, column.key, value, mark))
        else:
            mark = "." if column.path in marked else ""
            marked.discard(column.path)
            out.append((column, column.key, value_at(data, column.path), mark))
    out.extend((None, pointer(list(steps)), MISSING, ".") for steps in empty if steps in marked)
    return Grid(base, None, tuple(out))


def _table(data: dict[str, Any], table: Table, marks: dict[Steps, list[str]],
           keys: dict[Path_, dict[Steps, Any]], source: str) -> Grid:
    size = len(table.pattern)
    used = Counter(keys.get(table.parent or (), {}).values())
    own: dict[Steps, Any] = {}
    rows = []
    for steps, item in items(data, table.pattern):
        number = int(steps[-1]) + 1
        if table.key is not None:
            own[steps] = number if table.key.path[-1] == NR else item.get("id")
        cells: list[Any] = []
        for column in table.columns:
            if column.path[-1] == NR:
                cells.append(number)
            elif column.path == table.pattern:  # a list of text: the item itself
                cells.append(item)
            else:
                cells.append(value_at(item, column.path[size:]))
        if table.link is not None:
            parent_steps = steps[:len(table.parent or ())]
            parent = keys[table.parent or ()][parent_steps]
            if used[parent] > 1:
                raise InvalidDocument(said("workbook_id_twice", source=source,
                                           place=pointer(list(parent_steps)), id=repr(parent)),
                                      source=source)
            cells.insert(0, parent)
        cells.append(" ".join(marks.get(steps, [])))
        rows.append(tuple(cells))
    keys[table.pattern] = own
    columns = ((table.link,) if table.link else ()) + table.columns
    return Grid(table.pattern, columns, tuple(rows))
