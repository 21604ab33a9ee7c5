"""Reading a plan or status report from an Excel workbook (.xlsx), as strictly as from YAML.

The file is checked before openpyxl parses it (capf.read.workbook_zip), then read in
read-only mode by cached values (`data_only`: formulas are never evaluated, macros never run).
Every sheet, column key and cell must mean something in the layout derived from the schema;
anything else is one error naming file, sheet, cell and JSON Pointer (exit 2). The resulting
Document knows the cell of every value, so schema errors and findings name the cell too.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from capf.model.errors import AT, InvalidDocument, Said, Words
from capf.model.pointer import pointer, shown
from capf.read.document import Document
from capf.read.workbook_cells import CellError, json_value
from capf.read.workbook_layout import ANY, EMPTY, NR, Column, Layout, Path_, Section, Table, layout
from capf.read.workbook_zip import checked
from capf.text.workbook_errors import KINDS, refusal
from capf.text.workbook_words import sheet_title, sheet_word

META = "capf"
Steps = tuple[str | int, ...]


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(col))


class _Reader:
    def __init__(self, source: str, shape: Layout) -> None:
        self.source, self.layout = source, shape
        self.data: dict[str, Any] = {}
        self.cells: dict[str, str] = {}
        self.keys: dict[Path_, dict[Any, list[tuple[dict[str, Any], Steps, str]]]] = {}
        self.formulas: set[tuple[str, str]] = set()
        self.percents: set[tuple[str, str]] = set()  # number cells Excel shows as "70 %"
        self.names: dict[Path_, str] = {}  # a table's pattern → its sheet's name in this file

    def fail(self, place: str | Said, ptr: str | None, message: Said) -> InvalidDocument:
        """'plan.xlsx Kommune!B6 ved /municipality/population: …' in both languages."""
        def line(lang: str) -> str:
            where = place if isinstance(place, str) else Words(place.en, place.da).get(lang)
            at = f" {AT.get(lang)} {shown(ptr)}" if ptr is not None else ""
            return f"{self.source} {where}{at}: {Words(message.en, message.da).get(lang)}"

        return InvalidDocument(Words(line("en"), line("da")), source=self.source)

    def put(self, steps: Steps, value: Any, place: str) -> None:
        node: Any = self.data
        for i, step in enumerate(steps[:-1]):
            nxt = steps[i + 1]
            if isinstance(node, list):
                node = node[step]  # type: ignore[index]
                continue
            node = node.setdefault(step, [] if isinstance(nxt, int) else {})
        last = steps[-1]
        if isinstance(node, list):
            node.append(value)
        elif last in node:
            raise self.fail(place, pointer(list(steps)), refusal("given_twice"))
        else:
            node[last] = value
        self.cells.setdefault(pointer(list(steps)), place)

    def value(self, column: Column, raw: Any, place: str, ptr: str) -> Any:
        if tuple(place.rsplit("!", 1)) in self.formulas and raw is None:
            raise self.fail(place, ptr, refusal("formula_no_value"))
        if type(raw) in (int, float) and column.field.endswith("percent") and \
                tuple(place.rsplit("!", 1)) in self.percents:
            raw = _as_shown(raw)
        try:
            return json_value(column, raw)
        except CellError as exc:
            raise self.fail(place, ptr, exc.said) from None

    def empty(self, steps: Steps, pattern: Path_, place: str) -> None:
        shape = self.layout.shapes.get(pattern)
        blank = {"object": {}, "array": [], "enums": [], "text": "", "page": ""}.get(shape or "")
        if blank is None:
            raise self.fail(place, pointer(list(steps)), refusal("empty_not_container"))
        self.put(steps, blank, place)

    def section(self, title: str, section: Section, rows: list[tuple[Any, ...]]) -> None:
        if len(rows) < 2 or tuple(rows[1][:4]) != ("#field", "#value", "#key", EMPTY):
            raise self.fail(f"{title}!A2", None, refusal("section_keys"))
        known = {c.key: c for c in section.rows}
        single: set[str] = set()
        for number, row in enumerate(rows[2:], start=3):
            _, value, key, mark = (tuple(row) + (None,) * 4)[:4]
            place = f"{title}!B{number}"
            if key is None:
                if value is not None:
                    raise self.fail(f"{title}!C{number}", None, refusal("value_without_key"))
                continue
            column = known.get(key)
            if column is None:
                self.marked(key, section, mark, value, place)
                continue
            if value is None and (title, f"B{number}") in self.formulas:
                self.value(column, value, place, key)
            steps: Steps = column.path[:-1] if column.path[-1] == ANY else column.path
            if column.path[-1] != ANY:
                if key in single and (value is not None or mark):
                    raise self.fail(place, key, refusal("second_row"))
                single.add(key)
            if mark == ".":
                if value is not None:
                    raise self.fail(place, key, refusal("empty_with_value"))
                self.empty(steps, column.path[:-1] if column.path[-1] == ANY else column.path,
                           place)
            elif mark:
                raise self.fail(f"{title}!D{number}", key,
                                refusal("bad_empty_mark", mark=repr(str(mark)[:40])))
            elif value is not None:
                item = self.value(column, value, place, key)
                if column.path[-1] == ANY:
                    self.put((*steps, len(_at(self.data, steps) or ())), item, place)
                else:
                    self.put(steps, item, place)

    def marked(self, key: Any, section: Section, mark: Any, value: Any, place: str) -> None:
        steps = tuple(str(key).split("/")[1:])
        if mark != "." or value is not None or steps not in self.layout.shapes or \
                steps[:len(section.base)] != section.base or ANY in steps:
            raise self.fail(place.replace("!B", "!C"), None,
                            refusal("unknown_key", key=repr(str(key)[:80])))
        self.empty(steps, steps, place)

    def table(self, title: str, table: Table, rows: list[tuple[Any, ...]]) -> None:
        columns: list[Column | None] = []
        own = {c.key: c for c in ((table.link,) if table.link else ()) + table.columns}
        own[EMPTY] = Column((EMPTY,), "text")
        header = rows[1] if len(rows) > 1 else ()
        for col, key in enumerate(header, start=1):
            if key is None:
                columns.append(None)
            elif key not in own:
                raise self.fail(f"{title}!{_letter(col)}2", None,
                                refusal("unknown_column", key=repr(str(key)[:80])))
            else:
                columns.append(own.pop(key))
        size = len(table.pattern)
        for number, row in enumerate(rows[2:], start=3):
            if all(v is None for v in row):
                continue
            self.row(title, table, columns, row, number, size)

    def row(self, title: str, table: Table, columns: list[Column | None], row: tuple[Any, ...],
            number: int, size: int) -> None:
        raws: dict[Path_, tuple[Column, Any, str]] = {}
        marks = ""
        for col, raw in enumerate(row, start=1):
            column = columns[col - 1] if col <= len(columns) else None
            place = f"{title}!{_letter(col)}{number}"
            if column is None:
                if raw is not None:
                    raise self.fail(place, None, refusal("value_without_column"))
            elif column.path == (EMPTY,):
                marks = str(raw or "")
            elif raw is not None or (title, place.split("!")[1]) in self.formulas:
                raws[column.path] = (column, raw, place)
        steps = self.next_steps(table, title, number, raws)
        item: Any = {}
        key = None
        for path, (column, raw, place) in raws.items():
            if table.link is not None and path == table.link.path:
                continue
            value = self.value(column, raw, place, pointer([*steps, *path[size:]]))
            if path[-1] == NR:
                key = value
            elif path == table.pattern:
                item = value
            else:
                _set(item, path[size:], value)
                self.cells.setdefault(pointer([*steps, *path[size:]]), place)
        self.put(steps, item, f"{title}!A{number}")
        for mark in marks.split():
            rel = () if mark == "." else tuple(p.replace("~1", "/").replace("~0", "~")
                                               for p in mark.split("/")[1:])
            if rel:
                self.empty((*steps, *rel), (*table.pattern, *rel), f"{title}!A{number}")
        if table.key is not None:
            name = item.get("id") if table.key.path[-1] != NR else key
            self.keys.setdefault(table.pattern, {}).setdefault(name, []).append(
                (item, steps, f"{title}!A{number}"))

    def next_steps(self, table: Table, title: str, number: int,
                   raws: dict[Path_, tuple[Column, Any, str]]) -> Steps:
        """Where the row's item goes: after its parent's (named in the link column) last one."""
        parent: Steps = ()
        if table.parent is not None and table.link is not None:
            if table.link.path not in raws:
                raise self.fail(f"{title}!A{number}", None, refusal("no_parent"))
            column, raw, place = raws[table.link.path]
            name = self.value(column, raw, place, table.link.key)
            found = self.keys.get(table.parent, {}).get(name, [])
            if len(found) != 1:
                raise self.fail(place, None, refusal(
                    "parent_twice" if found else "no_such_parent", name=repr(name),
                    sheet=repr(self.names.get(table.parent, "?"))))
            parent = found[0][1]
        at = (*parent, *table.pattern[len(table.parent or ()):-1])
        existing = _at(self.data, at)
        return (*at, len(existing) if isinstance(existing, list) else 0)


def _rows(ws: Any, title: str, percents: set[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """The sheet's values, noting the number cells formatted as percent (typed "70 %")."""
    rows = []
    for r, row in enumerate(ws.iter_rows(), start=1):
        values = tuple(getattr(cell, "value", None) for cell in row)
        percents.update((title, f"{_letter(c)}{r}") for c, (v, cell) in
                        enumerate(zip(values, row, strict=True), start=1)
                        if type(v) in (int, float) and "%" in getattr(cell, "number_format", ""))
        rows.append(values)
    return rows


def _as_shown(raw: float) -> float:
    """A percent-formatted cell's value as Excel shows it: 0.7 → 70, 0.655 → 65.5 (exact)."""
    shown = Decimal(repr(raw)) * 100
    return int(shown) if shown == shown.to_integral_value() else float(shown)


def _at(node: Any, steps: Steps) -> Any:
    for step in steps:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _set(item: dict[str, Any], path: Path_, value: Any) -> None:
    for key in path[:-1]:
        item = item.setdefault(key, {})
    item[path[-1]] = value


def workbook_document(raw: bytes, source: str, kind: str) -> Document:
    from openpyxl import load_workbook

    contents = checked(raw, source)
    reader = _Reader(source, layout(kind))
    titles = _titles(reader.layout)
    if contents.formula_sheets:
        formulas = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        for name in contents.formula_sheets & set(formulas.sheetnames):
            ws = formulas[name]
            ws.reset_dimensions()
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                reader.formulas.update((name, f"{_letter(c)}{r}") for c, v in enumerate(row, 1)
                                       if isinstance(v, str) and v.startswith("="))
        formulas.close()
    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    try:
        sheets = {}
        for name in book.sheetnames:
            if name in titles:
                sheets[titles[name]] = name
            elif name not in _ignored():
                raise reader.fail(refusal("sheet", sheet=repr(name)), None,
                                  refusal("foreign_sheet", kind=KINDS[kind]))
        parts: tuple[Section | Table, ...] = (*reader.layout.sections, *reader.layout.tables)
        for part in parts:
            title = sheets.get(part.sheet)
            if title is None:
                continue
            ws = book[title]
            ws.reset_dimensions()
            rows = _rows(ws, title, reader.percents)
            if isinstance(part, Section):
                reader.section(title, part, rows)
            else:
                reader.names[part.pattern] = title
                reader.table(title, part, rows)
    finally:
        book.close()
    return Document(data=reader.data, source=source, cells=reader.cells)


def _titles(shape: Layout) -> dict[str, str]:
    found = {}
    parts: tuple[Section | Table, ...] = (*shape.sections, *shape.tables)
    for lang in ("da", "en"):
        for part in parts:
            found[sheet_title(part.base if isinstance(part, Section) else part.pattern, lang)] \
                = part.sheet
    return found


def _ignored() -> set[str]:
    return {META, *(sheet_word(k, lang) for k in ("guide", "lists") for lang in ("da", "en"))}
