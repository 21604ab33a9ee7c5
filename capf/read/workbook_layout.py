"""The workbook layout of a plan or a status report, derived from its JSON Schema.

Nothing here is written by hand per field, so the workbook cannot drift from the schema:

- every object at the top of the document is a key/value sheet (a row per field, the field's
  JSON Pointer in the key column); the document's own fields are the first such sheet;
- every array of objects is a table sheet, a row per item; objects inside an item become
  columns (`timeline.start`); an array inside an item (an action's effects) is a child sheet
  whose rows name their parent by its id (items with a required `id`) or by its row number;
- an array of codes (`sectors`) is one cell of labels, comma-separated; an array of free text
  is repeated key/value rows, or a child sheet when it sits inside a table row.

Column keys are JSON Pointers with `*` for an array index (`/actions/*/effect/*/year`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from capf.read.schema import load_schema

Path_ = tuple[str, ...]
ANY = "*"  # an array index in a pattern
NR = "#"  # the row-number column of a table whose items have no id
EMPTY = "#empty"  # the hidden column naming the empty values ("", [], {}) of a row


@dataclass(frozen=True)
class Column:
    """A cell's meaning: its schema path (absolute, `*` per array index) and value kind."""

    path: Path_
    kind: str  # text, integer, number, boolean, date, enum, enums, page, ref
    codes: tuple[str, ...] = ()
    required: bool = False

    @property
    def key(self) -> str:
        return "/" + "/".join(self.path)

    @property
    def field(self) -> str:
        """The schema property the column holds (for a list item, the list's)."""
        return next(p for p in reversed(self.path) if p not in (ANY, NR))


@dataclass(frozen=True)
class Table:
    """A sheet with a row per array item; `pattern` ends in `*`."""

    pattern: Path_
    columns: tuple[Column, ...]
    parent: Path_ | None = None  # the parent table's pattern
    link: Column | None = None  # the column naming the parent (its id or #)
    key: Column | None = None  # what children name a row by (its id or #), if it has any

    @property
    def sheet(self) -> str:
        return "/" + "/".join(self.pattern)


@dataclass(frozen=True)
class Section:
    """A key/value sheet for the fields of the object at `base` outside every table."""

    base: Path_
    rows: tuple[Column, ...]  # a free-text list's row ends in `*`

    @property
    def sheet(self) -> str:
        return "/" + "/".join(self.base)


@dataclass(frozen=True)
class Layout:
    """The sheets of one document kind and what every schema path is (for empty values)."""

    kind: str
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    shapes: dict[Path_, str]  # pattern → object, array or a Column kind

    def table(self, pattern: Path_) -> Table:
        return next(t for t in self.tables if t.pattern == pattern)


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items()
                                                         if k != "$ref"}}
    return node


def _scalar(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "enum"
    kind = node.get("type")
    if isinstance(kind, list):
        return "page"  # integer or string: the evidence page, the one such field
    if kind == "string":
        return "date" if node.get("format") == "date" else "text"
    if kind in ("integer", "number", "boolean"):
        return str(kind)
    raise ValueError(f"no workbook cell for schema type {kind!r}")


class _Builder:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.shapes: dict[Path_, str] = {}

    def fields(self, node: dict[str, Any], at: Path_, table: Path_ | None,
               out: list[Column]) -> None:
        """The columns of the object at `at`, flattened; arrays become tables or list rows."""
        self.shapes[at] = "object"
        required = set(node.get("required", ()))
        for name, prop in node.get("properties", {}).items():
            self.field(_resolve(prop, self.defs), (*at, name), table, out, name in required)

    def field(self, node: dict[str, Any], at: Path_, table: Path_ | None, out: list[Column],
              required: bool) -> None:
        if node.get("type") == "object":
            self.fields(node, at, table, out)
        elif node.get("type") == "array":
            self.shapes[at] = "array"
            item = _resolve(node["items"], self.defs)
            if "enum" in item:
                self.shapes[(*at, ANY)] = "enum"
                out.append(Column(at, "enums", tuple(item["enum"])))
            elif item.get("type") == "object" or table is not None:
                self.table(item, (*at, ANY), table)
            else:
                self.shapes[(*at, ANY)] = _scalar(item)
                out.append(Column((*at, ANY), _scalar(item)))
        else:
            kind = _scalar(node)
            self.shapes[at] = kind
            out.append(Column(at, kind, tuple(node.get("enum", ())), required))

    def table(self, item: dict[str, Any], pattern: Path_, parent: Path_ | None) -> None:
        columns: list[Column] = []
        position = len(self.tables)
        if item.get("type") == "object":
            self.fields(item, pattern, pattern, columns)
        else:
            self.shapes[pattern] = _scalar(item)
            columns.append(Column(pattern, _scalar(item), tuple(item.get("enum", ()))))
        self.tables.insert(position, Table(pattern, tuple(columns), parent))

    def table_of(self, pattern: Path_) -> Table:
        return next(t for t in self.tables if t.pattern == pattern)

    def link(self) -> None:
        """Give parents a key (their id, else a row number) and children the matching column."""
        parents = {t.parent for t in self.tables if t.parent is not None}
        keys: dict[Path_, Column] = {}
        for i, table in enumerate(self.tables):
            if table.pattern in parents:
                own = next((c for c in table.columns if c.path == (*table.pattern, "id")
                            and c.required), None)
                key = own or Column((*table.pattern, NR), "integer", required=True)
                keys[table.pattern] = key
                columns = table.columns if own else (key, *table.columns)
                self.tables[i] = Table(table.pattern, columns, table.parent, None, key)
        for i, table in enumerate(self.tables):
            if table.parent is not None:
                if keys[table.parent] and self.table_of(table.parent).parent is not None:
                    raise ValueError(f"{table.sheet}: a workbook nests tables one level deep")
                link = Column(keys[table.parent].path, "ref", required=True)
                self.tables[i] = Table(table.pattern, table.columns, table.parent, link,
                                       table.key)


@cache
def layout(kind: str) -> Layout:
    """The layout of a `plan` or `status` workbook."""
    schema = load_schema(kind)
    build = _Builder(schema)
    root: list[Column] = []
    build.shapes[()] = "object"
    for name, prop in schema["properties"].items():
        node = _resolve(prop, build.defs)
        if node.get("type") == "object":
            rows: list[Column] = []
            build.fields(node, (name,), None, rows)
            build.sections.append(Section((name,), tuple(rows)))
        else:
            build.field(node, (name,), None, root, name in schema.get("required", ()))
    build.link()
    sections = (Section((), tuple(root)), *build.sections)
    return Layout(kind, sections, tuple(build.tables), build.shapes)


MISSING = object()


def value_at(node: Any, path: Path_) -> Any:
    """The value at `path` (object keys only) below `node`, or MISSING."""
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return MISSING
        node = node[key]
    return node


def items(node: Any, pattern: Path_, at: tuple[str | int, ...] = ()) -> Any:
    """Every (pointer steps, value) matching `pattern` below `node` (`*`: each array index)."""
    if not pattern:
        yield at, node
        return
    head, rest = pattern[0], pattern[1:]
    if head == ANY:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from items(item, rest, (*at, index))
    elif isinstance(node, dict) and head in node:
        yield from items(node[head], rest, (*at, head))
