"""The batch summary table: one row per plan, as cells, then as CSV and as a workbook.

Kept apart from `capf.batch`, which judges and writes files: the table is a rendering of the
rows batch keeps, so CSV and XLSX share one list of columns and one cell order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from capf.model.rule import ELEMENTS
from capf.render.workbook import DECISIONS, STATUS_SHADE, Sheet, workbook_bytes
from capf.text.formatting import csv_document, day, percent
from capf.text.labels import label, words

COUNTED = ("pass", "fail", "needs_review", "waived", "error")
SCORES = tuple(f"score_{e}" for e in ELEMENTS)
COLUMNS = ("file", "name", "status", *ELEMENTS, *SCORES, *COUNTED, "as_of", "message")
_HEADER_KEYS = {"file": "col_file", "name": "overview_municipality", "status": "overview_overall",
                "as_of": "as_of_date", "message": "col_message"}


@dataclass(frozen=True)
class Row:
    """What the summary keeps of one plan (never the verdict itself)."""

    file: str
    stem: str
    name: str = ""
    status: str = ""
    elements: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""
    scores: dict[str, float | None] = field(default_factory=dict)
    as_of: str = ""


def headers(lang: str) -> list[str]:
    """The column headers in `lang`: what a reader of the spreadsheet sees above each column."""
    def header(column: str) -> str:
        if column.startswith("score_"):
            return f"{label(column[6:], lang)}: {label('score', lang)}"
        text = label(_HEADER_KEYS.get(column, column), lang)
        return text[:1].upper() + text[1:]
    return [header(c) for c in COLUMNS]


def summary_table(rows: Sequence[Row], lang: str = "da") -> list[list[str | int]]:
    """The headers, then one line per plan in `COLUMNS` order, statuses and dates in `lang`'s
    words as in the reports; an unjudged plan has blank cells."""
    def status(code: str) -> str:
        return label(code, lang) if code else ""

    def score(value: float | None) -> str:
        return "" if value is None else percent(value, lang)

    table: list[list[str | int]] = [list[str | int](headers(lang))]
    for row in rows:
        table.append([row.file, row.name, status(row.status),
                      *(status(row.elements.get(e, "")) for e in ELEMENTS),
                      *(score(row.scores.get(e)) for e in ELEMENTS),
                      *(row.counts.get(k, "") for k in COUNTED),
                      day(row.as_of, lang) if row.as_of else "", row.error])
    return table


def summary_csv(rows: Sequence[Row], delimiter: str = ",", lang: str = "da") -> str:
    """One row per plan; UTF-8 with a byte-order mark so spreadsheets read æ, ø and å."""
    return csv_document(summary_table(rows, lang), delimiter)


def summary_workbook(rows: Sequence[Row], lang: str) -> bytes:
    """summary.xlsx: the CSV's columns, coloured statuses, then the reviewer's sign-off columns."""
    t = words(lang)
    signoff: list[str | int] = [t["reviewer_decision"], t["comment"], t["reviewer_name"],
                                t["date"]]
    blank: list[str | int] = ["", "", "", ""]
    table = [line + (signoff if number == 0 else blank)
             for number, line in enumerate(summary_table(rows, lang))]
    decision = len(COLUMNS)
    return workbook_bytes(Sheet(title="capf", table=table,
                                status_columns=tuple(range(2, 3 + len(ELEMENTS))),
                                status_text={s: label(s, lang) for s in STATUS_SHADE},
                                decision_column=decision, decisions=DECISIONS[_lang(lang)]))


def _lang(lang: str) -> str:
    return lang if lang in DECISIONS else "en"
