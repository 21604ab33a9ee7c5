"""Excel workbooks (.xlsx) a reviewer works in: the checklist, batch's summary, the portfolio.

One sheet, one row per criterion or plan: frozen header, autofilter, column widths that fit,
wrapped text, the reviewer's sign-off columns with a drop-down for the decision, and a colour
per status. openpyxl is imported inside `workbook_bytes` (about 0.3-0.8 s), so no other command
pays for it. Text is always stored as text: a plan value `=HYPERLINK(…)` is a string cell with
Excel's quote prefix, never a formula, whatever separator or locale opens it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from capf.text.formatting import ELLIPSIS

# The reviewer's decision: what C40 and CONCITO's review can conclude about a criterion or plan.
DECISIONS = {"da": ("godkendt", "godkendt med bemærkninger", "ikke godkendt", "afventer svar"),
             "en": ("approved", "approved with observations", "not approved", "awaiting reply")}
# Fill colours by what a status means: green met/pass, yellow partly, red not met, blue a
# person must look, grey cannot judge. Keys are status ids; callers map them to cell text.
SHADES = {"good": "C6EFCE", "partly": "FFEB9C", "bad": "FFC7CE", "review": "DDEBF7",
          "none": "EDEDED"}
STATUS_SHADE = {"compliant": "good", "met": "good", "pass": "good",
                "compliant_with_observations": "partly", "met_with_observations": "partly",
                "partially_met": "partly", "waived": "partly",
                "non_compliant": "bad", "not_met": "bad", "fail": "bad",
                "needs_review": "review", "error": "none", "not_applicable": "none"}
MAX_CELL = 32_767  # Excel's limit on the characters of one cell
WIDTH = (8, 60)  # a column fits its longest line, within these bounds (characters)
BLANK_WIDTH = 24.0  # a column the reviewer fills in: room to write


@dataclass(frozen=True)
class Sheet:
    """What to write: the table (header first) and which columns mean what."""

    title: str
    table: Sequence[Sequence[str | int | float]]  # floats: shares and cuts (portfolio)
    status_columns: tuple[int, ...] = ()
    status_text: Mapping[str, str] = field(default_factory=dict)  # status id -> its cell text
    decision_column: int | None = None
    decisions: tuple[str, ...] = ()
    percent_columns: tuple[int, ...] = ()  # fractions (0.7) shown as per cent (70.0 %)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column + 1))


def _width(values: Sequence[str | int | float]) -> float:
    longest = max((len(line) for v in values for line in str(v).splitlines() or [""]), default=0)
    if all(v == "" for v in values[1:]):  # room to write, and never narrower than its header
        return float(min(max(BLANK_WIDTH, longest + 2), WIDTH[1]))
    return float(min(max(longest + 2, WIDTH[0]), WIDTH[1]))


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control characters make no valid file
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + ELLIPSIS


def workbook_bytes(sheet: Sheet) -> bytes:
    """The sheet as an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = sheet.title[:31]  # Excel's limit on a sheet name
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, line in enumerate(sheet.table, start=1):
        for column, value in enumerate(line, start=1):
            cell = ws.cell(row=number, column=column)
            if isinstance(value, str):
                cell.value = _text(value)
                cell.data_type = "s"  # openpyxl would store "=…" as a formula
                cell.quotePrefix = value.startswith(("=", "+", "-", "@"))
            else:
                cell.value = value
                if column - 1 in sheet.percent_columns:
                    cell.number_format = "0.0%"  # Excel writes it in the reader's locale
            cell.alignment = wrap
            if number == 1:
                cell.font = Font(bold=True)
    rows, columns = len(sheet.table), len(sheet.table[0])
    last = f"{_letter(columns - 1)}{rows}"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}"
    for column in range(columns):
        ws.column_dimensions[_letter(column)].width = _width([line[column] for line in sheet.table])
    if sheet.decision_column is not None and rows > 1:
        letter = _letter(sheet.decision_column)
        choice = DataValidation(type="list", formula1='"' + ",".join(sheet.decisions) + '"',
                                allow_blank=True, showDropDown=False,
                                showErrorMessage=True, errorStyle="warning")
        choice.error = " / ".join(sheet.decisions)
        choice.errorTitle = str(sheet.table[0][sheet.decision_column])
        choice.add(f"{letter}2:{letter}{rows}")
        ws.add_data_validation(choice)
    for column in sheet.status_columns:
        area = f"{_letter(column)}2:{_letter(column)}{max(rows, 2)}"
        for status, text in sheet.status_text.items():
            fill = PatternFill(fill_type="solid", start_color=SHADES[STATUS_SHADE[status]],
                               end_color=SHADES[STATUS_SHADE[status]])
            quoted = '"' + text.replace('"', '""') + '"'
            rule = CellIsRule(operator="equal", formula=[quoted], fill=fill)  # type: ignore[no-untyped-call]
            ws.conditional_formatting.add(area, rule)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
