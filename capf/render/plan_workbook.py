"""A plan or status report as an Excel workbook a coordinator fills in (`capf convert`, `init`).

The sheets and columns come from capf.read.workbook_layout (derived from the schema) and the
cells from capf.read.workbook_grid; this module only styles and saves: the guide sheet first,
Danish (or English) names and headers, the key row (row 2) under the headers, frozen headers,
a drop-down per code or yes/no field fed by a hidden `lister` sheet, number formats for tonnes,
years and dates, and a hidden `capf` sheet naming the document kind and language.
"""

from __future__ import annotations

import io
from typing import Any

from capf.read.workbook_cells import cell_value, labels
from capf.read.workbook_grid import Grid, grid
from capf.read.workbook_layout import EMPTY, MISSING, NR, Column, Layout, layout
from capf.render.workbook import MAX_CELL
from capf.text.workbook_words import GUIDE, YES_NO, heading, sheet_title, sheet_word, word

META = "capf"  # the hidden sheet naming kind, language and format version
FORMAT = "1"
SPARE_ROWS = 500  # rows below the data that still get drop-downs and formats
TONNES = frozenset({"total", "t_co2e", "t_co2", "tonnes", "energy", "transport", "waste",
                    "ippu", "agriculture", "land_use"})
GREY = "808080"
FIT_COLUMNS = 17  # with the hidden #empty column: still legible on one landscape page


def _format(column: Column) -> str:
    if column.kind == "date":
        return "yyyy-mm-dd"
    if column.kind in ("text", "enum", "enums", "boolean"):
        return "@"
    if column.kind == "number" and column.field in TONNES:
        return "#,##0"
    if column.kind in ("integer", "ref") or column.path[-1] == NR:
        return "0"
    return "General"


def _header(column: Column, base: tuple[str, ...], lang: str) -> str:
    if column.path[-1] == NR:
        return sheet_word("nr", lang)
    if column.kind == "ref":  # the parent's id or number
        parent = [p for p in column.path[:-1] if p != "*"]
        return heading((parent[-1], column.path[-1]), lang) if column.path[-1] != NR else \
            f"{word(parent[-1], lang).capitalize()}: {sheet_word('nr', lang)}"
    inner = tuple(p for p in column.path[len(base):] if p != "*") or (column.field,)
    return heading(inner, lang)


class _Writer:
    def __init__(self, kind: Layout, lang: str) -> None:
        from openpyxl import Workbook

        self.layout, self.lang = kind, lang
        self.book = Workbook()
        self.lists = self.book.create_sheet(sheet_word("lists", lang))
        self.lists.sheet_state = "hidden"
        self.sources: dict[tuple[Any, ...], str] = {}

    def source(self, column: Column) -> str:
        """The hidden range a drop-down takes its labels from (one column per code list)."""
        from openpyxl.utils import get_column_letter, quote_sheetname

        shown = [YES_NO[self.lang][0], YES_NO[self.lang][1]] if column.kind == "boolean" else \
            list(labels(column, self.lang).values())
        key = tuple(shown)
        if key not in self.sources:
            letter = get_column_letter(len(self.sources) + 1)
            for row, text in enumerate(shown, start=1):
                self.lists[f"{letter}{row}"] = text
            title = quote_sheetname(self.lists.title)
            self.sources[key] = f"{title}!${letter}$1:${letter}${len(shown)}"
        return self.sources[key]

    def choice(self, ws: Any, column: Column, area: str) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        if column.kind not in ("enum", "boolean", "enums"):
            return
        check = DataValidation(type="list", formula1=self.source(column), allow_blank=True,
                               showErrorMessage=column.kind != "enums", errorStyle="warning")
        check.prompt = ", ".join(labels(column, self.lang).values()) \
            if column.kind == "enums" else None
        check.showInputMessage = column.kind == "enums"
        check.add(area)
        ws.add_data_validation(check)

    def cell(self, ws: Any, row: int, col: int, column: Column | None, value: Any) -> None:
        cell = ws.cell(row=row, column=col)
        if column is not None:
            cell.number_format = _format(column)
        if value is MISSING or value is None or value in ("", []):
            return
        content, kind = cell_value(column, value, self.lang) if column else (value, "s")
        if kind == "n":
            cell.value = 0
            cell._value = content  # exact digits (openpyxl would write "%.16g")
        else:
            cell.value = content
            if kind == "s":
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if len(content) > MAX_CELL:
                    raise ValueError("a text longer than a cell holds")

    def head(self, ws: Any, labels_: list[str], keys: list[str]) -> None:
        from openpyxl.styles import Font

        for col, (text, key) in enumerate(zip(labels_, keys, strict=True), start=1):
            ws.cell(row=1, column=col, value=text).font = Font(bold=True)
            ws.cell(row=2, column=col, value=key).font = Font(color=GREY, size=8)
            width = min(max(len(text) + 2, 10), 40)
            ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
        ws.freeze_panes = "A3"
        if len(keys) <= FIT_COLUMNS:
            _fit(ws)
        last = ws.cell(row=1, column=len(keys)).column_letter
        ws.column_dimensions[last].hidden = True  # the #empty column

    def section(self, sheet: Grid) -> None:
        ws = self.book.create_sheet(sheet_title(sheet.pattern, self.lang))
        words = [sheet_word(k, self.lang) for k in ("field", "value", "key", "empty")]
        self.head(ws, words, ["#field", "#value", "#key", EMPTY])
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 40, 50
        for row, (column, key, value, mark) in enumerate(sheet.rows, start=3):
            base = tuple(p for p in (column.path if column else ()) if p != "*")
            ws.cell(row=row, column=1, value=heading(base[len(sheet.pattern):] or base, self.lang)
                    if column else key)
            self.cell(ws, row, 2, column, value)
            ws.cell(row=row, column=3, value=key).font = _grey()
            ws.cell(row=row, column=4, value=mark or None)
            if column is not None:
                self.choice(ws, column, f"B{row}")

    def table(self, sheet: Grid) -> None:
        ws = self.book.create_sheet(sheet_title(sheet.pattern, self.lang))
        columns = sheet.columns or ()
        self.head(ws, [_header(c, sheet.pattern, self.lang) for c in columns] +
                  [sheet_word("empty", self.lang)], [c.key for c in columns] + [EMPTY])
        for row, cells in enumerate(sheet.rows, start=3):
            for col, (column, value) in enumerate(zip(columns, cells, strict=False), start=1):
                self.cell(ws, row, col, column, value)
            ws.cell(row=row, column=len(columns) + 1, value=cells[-1] or None)
        end = len(sheet.rows) + 2 + SPARE_ROWS
        for col, column in enumerate(columns, start=1):
            letter = ws.cell(row=1, column=col).column_letter
            self.choice(ws, column, f"{letter}3:{letter}{end}")
            ws.column_dimensions[letter].number_format = _format(column)  # rows to be added

    def guide(self) -> None:
        from openpyxl.styles import Alignment, Font

        ws = self.book.active
        assert ws is not None
        ws.title = sheet_word("guide", self.lang)
        title, *lines = GUIDE[self.lang]
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=14)
        for row, line in enumerate(lines, start=3):
            ws.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True,
                                                                          vertical="top")
            ws.row_dimensions[row].height = 15 * (len(line) // 90 + 1)  # wrapped lines shown
        ws.column_dimensions["A"].width = 100
        _fit(ws)

    def save(self) -> bytes:
        meta = self.book.create_sheet(META)
        for row, pair in enumerate((("kind", self.layout.kind), ("lang", self.lang),
                                    ("format", FORMAT)), start=1):
            meta.cell(row=row, column=1, value=pair[0])
            meta.cell(row=row, column=2, value=pair[1])
        meta.sheet_state = "hidden"
        self.book.move_sheet(self.lists, offset=len(self.book.sheetnames))
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


def _fit(ws: Any) -> None:
    """Printed a page wide (landscape), as many pages long as it takes."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _grey() -> Any:
    from openpyxl.styles import Font

    return Font(color=GREY, size=8)


def document_workbook(data: dict[str, Any], kind: str, lang: str, source: str = "<data>") -> bytes:
    """`data` (a schema-valid plan or status report) as .xlsx bytes in `lang`."""
    shape = layout(kind)
    writer = _Writer(shape, lang)
    writer.guide()
    sheets = grid(data, shape, source)
    for sheet in sheets:
        (writer.table if sheet.columns is not None else writer.section)(sheet)
    return writer.save()
